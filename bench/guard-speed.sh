#!/usr/bin/env bash
# Stage-1 guard speed: `rampart guard bench` on a release build, one core.
#
#   bench/guard-speed.sh                 # build (no-op when up to date) and run
#   SKIP_BUILD=1 ITERATIONS=5000 bench/guard-speed.sh
#
# Prints p50/p90/p99/max per text for 1 KB and 16 KB prompts and exits 1 when a target of
# issue 4 is missed (p99 <= 100 us at 1 KB, <= 1 ms at 16 KB). Pinned to CPU 0 with taskset
# when it is available, so that the measurement is of one core.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ITERATIONS=${ITERATIONS:-2000}
SCRATCH=${SCRATCH:-.build-release}
RAMPART_BIN=${RAMPART_BIN:-}
SKIP_BUILD=${SKIP_BUILD:-0}
resolve_rampart_bin
log "$SOURCE_NOTE"
pin=()
command -v taskset >/dev/null 2>&1 && pin=(taskset -c 0)
"${pin[@]}" "$RAMPART_BIN" guard bench --iterations "$ITERATIONS"
