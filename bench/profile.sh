#!/usr/bin/env bash
# Where Rampart's time goes under the proxy-overhead load: starts the same
# nginx upstream and Rampart as bench/proxy-overhead.sh, drives Rampart with
# wrk and samples it with `perf record -g` (software cpu-clock event, so it
# works in VMs without hardware counters; call chains via frame pointers).
#
#   bench/profile.sh            # c32 (-t2 -c32), 10 s
#   CONNS=1 THREADS=1 bench/profile.sh
#
# Prints CPU time and context switches per request, the split between
# threads (NIO event loops vs the Swift concurrency pool), a breakdown by
# component (bench/perf-buckets.py), and the top functions by self and by
# inclusive time, demangled with `swift demangle`.
# Needs a release build (bench/proxy-overhead.sh makes one) and perf
# (Debian: apt-get install linux-perf).  perf.data is kept in OUT_DIR.
#
# Environment: DURATION=10 CONNS=32 THREADS=2 FREQ=199 RAMPART_BIN=...
#   OUT_DIR=bench/results/profile-<time>  (git-ignored)

set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # ROOT, BENCH and the shared functions
DURATION=${DURATION:-10}
CONNS=${CONNS:-32}
THREADS=${THREADS:-2}
FREQ=${FREQ:-199}
RAMPART_BIN=${RAMPART_BIN:-$ROOT/.build-release/release/rampart}
OUT_DIR=${OUT_DIR:-$BENCH/results/profile-c$CONNS-$(date +%Y%m%d-%H%M%S)}
# Fixed ports, as in bench/nginx.conf (UPSTREAM_PORT / RAMPART_PORT are not read from the environment here).
UPSTREAM_PORT=18081
RAMPART_PORT=18080
URL=http://127.0.0.1:$RAMPART_PORT/v1/chat/completions

command -v perf >/dev/null || die "perf not found (apt-get install linux-perf)"
command -v wrk >/dev/null || die "wrk not found (bench/proxy-overhead.sh installs it)"
[ -x "$RAMPART_BIN" ] || die "no Rampart binary at $RAMPART_BIN (run bench/proxy-overhead.sh first)"
find_nginx

make_tmp_and_trap rampart-profile RAMPART_PID NGINX_PID

mkdir -p "$OUT_DIR"
launch_nginx
write_bench_config "$TMP/rampart.yaml"
launch_rampart "$TMP/rampart.yaml" warning
# Not start_rampart: this script goes on after 10 s whether or not /healthz answered.
for _ in $(seq 1 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$RAMPART_PORT/healthz")" = 200 ] && break
    sleep 0.1
done

wrk -t"$THREADS" -c"$CONNS" -d3s -s "$BENCH/post.lua" "$URL" > /dev/null   # warm-up
C0=$(ctx_switches "$RAMPART_PID"); T0=$(cpu_ticks "$RAMPART_PID")
perf record -q -F "$FREQ" -g -p "$RAMPART_PID" -o "$OUT_DIR/perf.data" -- sleep "$DURATION" 2> /dev/null &
PERF_PID=$!
wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" -s "$BENCH/post.lua" "$URL" > "$OUT_DIR/wrk.txt"
wait "$PERF_PID" || true
C1=$(ctx_switches "$RAMPART_PID"); T1=$(cpu_ticks "$RAMPART_PID")

REQ=$(sed -n 's/^WRK_RESULT requests=\([0-9]*\).*/\1/p' "$OUT_DIR/wrk.txt")
HZ=$(getconf CLK_TCK)
demangle() { if command -v swift >/dev/null; then swift demangle --simplified; else cat; fi; }
report() { perf report -i "$OUT_DIR/perf.data" "$@" 2>/dev/null | grep -v '^#' | grep -v '^$'; }
{
    echo "wrk -t$THREADS -c$CONNS -d${DURATION}s: $(grep '^WRK_RESULT' "$OUT_DIR/wrk.txt")"
    echo "(perf sampling at $FREQ Hz runs during this run and slows Rampart considerably in a VM; read shares, not rates)"
    awk -v t=$((T1 - T0)) -v hz="$HZ" -v n="$REQ" -v c=$((C1 - C0)) \
        'BEGIN { printf "Rampart CPU per request: %.0f us; context switches per request: %.1f\n", t / hz * 1e6 / n, c / n }'
    echo; echo "== samples by thread"
    report --no-children --sort comm -g none
    echo; echo "== samples by library"
    report --no-children --sort dso -g none --percent-limit 0.5
    echo; echo "== samples by what their stack contains (bench/perf-buckets.py)"
    perf script -i "$OUT_DIR/perf.data" -F comm,ip,sym 2>/dev/null | demangle | python3 "$BENCH/perf-buckets.py" -v
    echo; echo "== top functions, self time"
    report --no-children --sort dso,sym -g none --percent-limit 0.7 | demangle | cut -c1-200
    echo; echo "== top functions, inclusive time (>= 2%)"
    report --children --sort sym -g none --percent-limit 2 | demangle | cut -c1-200
} | tee "$OUT_DIR/report.txt"
