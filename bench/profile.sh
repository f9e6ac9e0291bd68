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
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/bench"
DURATION=${DURATION:-10}
CONNS=${CONNS:-32}
THREADS=${THREADS:-2}
FREQ=${FREQ:-199}
RAMPART_BIN=${RAMPART_BIN:-$ROOT/.build-release/release/rampart}
OUT_DIR=${OUT_DIR:-$BENCH/results/profile-c$CONNS-$(date +%Y%m%d-%H%M%S)}
URL=http://127.0.0.1:18080/v1/chat/completions

die() { printf 'ERROR: %s\n' "$*" >&2; exit 2; }
command -v perf >/dev/null || die "perf not found (apt-get install linux-perf)"
command -v wrk >/dev/null || die "wrk not found (bench/proxy-overhead.sh installs it)"
[ -x "$RAMPART_BIN" ] || die "no Rampart binary at $RAMPART_BIN (run bench/proxy-overhead.sh first)"
NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)

TMP=$(mktemp -d "${TMPDIR:-/tmp}/rampart-profile.XXXXXX")
NGINX_PID=""; RAMPART_PID=""
cleanup() {
    for pid in "$RAMPART_PID" "$NGINX_PID"; do
        [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "$RAMPART_PID" "$NGINX_PID"; do
        [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
    done
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$TMP/nginx" "$OUT_DIR"
"$NGINX" -c "$BENCH/nginx.conf" -p "$TMP/nginx/" -e "$TMP/nginx/error.log" -g 'daemon off;' &
NGINX_PID=$!
cat > "$TMP/rampart.yaml" <<'EOF'
server: {host: 127.0.0.1, port: 18080}
providers:
  - {id: static, kind: openai, base_url: "http://127.0.0.1:18081/v1", api_key: bench-key}
models:
  - {alias: bench, targets: [{provider: static, model: static-model}]}
EOF
"$RAMPART_BIN" serve --config "$TMP/rampart.yaml" --log-level warning 2> "$TMP/rampart.log" &
RAMPART_PID=$!
for _ in $(seq 1 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:18080/healthz)" = 200 ] && break
    sleep 0.1
done

ctxsw() { # voluntary + involuntary context switches over all threads
    local n=0 k v f
    for f in /proc/"$RAMPART_PID"/task/*/status; do
        while read -r k v; do
            case $k in voluntary_ctxt_switches:|nonvoluntary_ctxt_switches:) n=$((n + v)) ;; esac
        done < "$f"
    done
    echo "$n"
}
cpu_ticks() { local s; read -r s < "/proc/$RAMPART_PID/stat"; s=${s##*) }; set -- $s; echo $(( ${12} + ${13} )); }

wrk -t"$THREADS" -c"$CONNS" -d3s -s "$BENCH/post.lua" "$URL" > /dev/null   # warm-up
C0=$(ctxsw); T0=$(cpu_ticks)
perf record -q -F "$FREQ" -g -p "$RAMPART_PID" -o "$OUT_DIR/perf.data" -- sleep "$DURATION" 2> /dev/null &
PERF_PID=$!
wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" -s "$BENCH/post.lua" "$URL" > "$OUT_DIR/wrk.txt"
wait "$PERF_PID" || true
C1=$(ctxsw); T1=$(cpu_ticks)

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
