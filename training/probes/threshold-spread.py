#!/usr/bin/env python3
"""How far the input heads' calibrated thresholds move with the calibration sample.

Training sets each deciding head's threshold at the 1 - 0.01/3 quantile of its scores on the
validation split's ordinary benign prompts. This resamples those prompts (bootstrap) and, for
two estimates of that quantile, the order statistic (models before 7652d05a044922f7) and the
Harrell-Davis estimate (since), prints the mean and spread of what the resulting thresholds give
on another scored set: attack + harmful recall, injection recall and the false-positive rate on
its ordinary benign prompts.

    rampart eval --model M --split validation --scores val.jsonl
    rampart eval --model M --scores test.jsonl
    python3 training/probes/threshold-spread.py val.jsonl test.jsonl

Needs numpy and scipy (pip install numpy scipy).
"""
import json
import math
import sys

import numpy as np
from scipy.stats import beta

HEADS = ["harmful", "attack", "injection"]
QUANTILE = 1 - 0.01 / 3
MINIMUM_THRESHOLD = 0.5


def load(path):
    rows = [json.loads(line) for line in open(path)]
    return [r for r in rows if "output_harmful" not in r["scores"]]


def ordinary(rows):
    return [r for r in rows if r["label"] == "benign" and not r["category"].startswith("borderline:")]


def matrix(rows):
    return np.array([[r["scores"].get(h, 0) for h in HEADS] for r in rows]).reshape(-1, len(HEADS))


def estimate(scores, rule):
    s = np.sort(scores)
    n = len(s)
    if rule == "order statistic":
        value = s[min(math.ceil((n - 1) * QUANTILE), n - 1)]
    else:
        a, b = (n + 1) * QUANTILE, (n + 1) * (1 - QUANTILE)
        edges = beta.cdf(np.arange(n + 1) / n, a, b)
        value = float(np.dot(np.diff(edges), s))
    return max(float(value), MINIMUM_THRESHOLD)


def main():
    validation = matrix(ordinary(load(sys.argv[1])))
    scored = load(sys.argv[2])
    harm = matrix([r for r in scored if r["label"] in ("attack", "harmful")])
    injection = matrix([r for r in scored if r["label"] == "injection"])
    benign = matrix(ordinary(scored))
    random = np.random.default_rng(0)
    samples = [random.integers(0, len(validation), len(validation)) for _ in range(300)]
    for rule in ("order statistic", "Harrell-Davis"):
        def outcome(rows):
            thresholds = np.array([estimate(rows[:, k], rule) for k in range(len(HEADS))])
            return [100 * (m >= thresholds).any(axis=1).mean() for m in (harm, injection, benign)]
        point = outcome(validation)
        spread = np.array([outcome(validation[index]) for index in samples])
        cells = [f"{p:.2f} ({m:.2f} ± {s:.2f})" for p, m, s in zip(point, spread.mean(0), spread.std(0))]
        print(f"{rule:16s} attack+harmful {cells[0]}  injection {cells[1]}  FPR {cells[2]}")


if __name__ == "__main__":
    main()
