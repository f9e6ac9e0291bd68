#!/bin/sh
# How the output classifier does on answers from a model it has never seen.
#
# The labelled exchanges (jbb_open_model_responses.jsonl) are answers of two models, Llama-2-7B-chat
# and Vicuna-13B, to the same jailbreak prompts. This copies the data directory, gives each model's
# rows a source of its own (jbb-artifacts-llama, jbb-artifacts-vicuna), and for each model trains
# without its rows (not even for calibration) and evaluates on them:
#
#   training/probes/leave-model-out.sh            # seed 1; SEED=2 ... for others
#   TRAIN_ARGS='--harm-marker bins' training/probes/leave-model-out.sh   # more `guard train` options
#
# Prints the output classifier's line from `rampart eval` for each held-out model. Needs a release
# build (`swift build -c release --product rampart --scratch-path .build-release`) and python3.
set -eu
RAMPART=${RAMPART:-.build-release/release/rampart}
DATA=${DATA:-../shared/data}
SEED=${SEED:-1}
TRAIN_ARGS=${TRAIN_ARGS:-}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp "$DATA"/*.jsonl "$WORK"/
chmod u+w "$WORK"/*.jsonl
python3 - "$WORK/jbb_open_model_responses.jsonl" <<'PY'
import json, sys
path = sys.argv[1]
rows = [json.loads(line) for line in open(path)]
with open(path, "w") as out:
    for row in rows:
        row["source"] = "jbb-artifacts-" + ("vicuna" if "vicuna" in row["category"] else "llama")
        out.write(json.dumps(row) + "\n")
PY
for model in llama vicuna; do
    "$RAMPART" guard train --data "$WORK" --hold-out-sources "jbb-artifacts-$model" --seed "$SEED" $TRAIN_ARGS --out "$WORK/$model.model" > "$WORK/train.log" 2>&1
    line=$("$RAMPART" eval --data "$WORK" --hold-out-sources "jbb-artifacts-$model" --model "$WORK/$model.model" ${SCORES:+--scores "$SCORES-$model"} 2>&1 | grep 'output classifier')
    echo "held out $model: $line"
done
