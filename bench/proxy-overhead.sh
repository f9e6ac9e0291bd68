#!/usr/bin/env bash
# Proxy-overhead benchmark: Rampart in front of a static local upstream
# (nginx `return 200`) versus that upstream directly, measured with wrk.
#
#   bench/proxy-overhead.sh                # DURATION=10 s per run
#   DURATION=30 bench/proxy-overhead.sh    # longer runs
#
# Runs, each DURATION seconds after a warm-up:
#   (a) upstream directly, concurrency 1  (wrk -t1 -c1)
#   (b) through Rampart,   concurrency 1  (wrk -t1 -c1)
#   (c) upstream directly, concurrency 32 (wrk -t2 -c32)
#   (d) through Rampart,   concurrency 32 (wrk -t2 -c32), sampling Rampart's
#       VmRSS every 0.5 s
# and checks the targets: added p50 latency (b - a) <= 0.3 ms, >= 10,000
# requests/s in (d), peak RSS <= 100 MB (10^6 bytes) in (d).
#
# Exit status: 0 all targets met; 1 a target missed or any run had a non-2xx
# response or a socket error; 2 setup failed (build, tools, ports, startup).
#
# Environment (all optional):
#   DURATION=10         seconds per measured run
#   WARMUP=5            seconds of warm-up load (c32, both targets) beforehand
#   CONNS=32            connections for (c)/(d);  HI_THREADS=2 wrk threads
#   UPSTREAM_PORT=18081 (the script rewrites nginx.conf's port to match);
#   RAMPART_PORT=18080
#   RAMPART_BIN=path    use this binary instead of building
#   SKIP_BUILD=1        do not run `swift build` (binary must exist)
#   GUARD=off           guard.input.mode for Rampart: off (the proxy core, default), monitor or enforce
#   OUTPUT_GUARD=off    guard.output.mode, likewise (off by default)
#   WRK_CPUS=list       run wrk under `taskset -c list` (default: no pinning)
#   SERVER_CPUS=list    run nginx and Rampart under `taskset -c list`
#   RESULTS_DIR=dir     where raw wrk output goes (default bench/results/<time>,
#                       git-ignored)
# No pinning by default: on a 2-core machine pinning wrk to one core and the
# servers to the other caps Rampart at one core (measured: c32 throughput
# halved, c1 latency unchanged), so it does not help.
#
# Also reported: Rampart's CPU time and thread context switches per request in
# (b) and (d) (from /proc), CPU steal during the runs, and a warning when the
# CPUs were busy with other work just before the runs.  Raw wrk output and
# summary.md go to RESULTS_DIR.  bench/profile.sh profiles the same setup.

set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # ROOT, BENCH and the shared functions

proxy_load_settings   # DURATION WARMUP CONNS HI_THREADS ports SCRATCH WRK_CPUS SERVER_CPUS
RAMPART_BIN=${RAMPART_BIN:-}
SKIP_BUILD=${SKIP_BUILD:-0}
RESULTS_DIR=${RESULTS_DIR:-$BENCH/results/$(date +%Y%m%d-%H%M%S)}

# Targets
MAX_ADDED_P50_MS=0.3
MIN_RPS_C32=10000
MAX_RSS_MB=100

PATH_CHAT=/v1/chat/completions
UP_URL="http://127.0.0.1:$UPSTREAM_PORT$PATH_CHAT"
GW_URL="http://127.0.0.1:$RAMPART_PORT$PATH_CHAT"
BODY=$(body_for bench)

# ---------------------------------------------------------------- tools
ensure_tools
setup_pinning

# Aggregate CPU counters: user nice system idle iowait irq softirq steal
cpu_stat() { local _c rest; read -r _c rest < /proc/stat; echo "$rest"; }
busy_pct() { # "before" "after" -> busy% (everything but idle+iowait) and steal% of the interval
    awk -v a="$1" -v b="$2" 'BEGIN { n = split(a, x); split(b, y); t = 0
        for (i = 1; i <= n; i++) t += y[i] - x[i]
        idle = (y[4] - x[4]) + (y[5] - x[5]); st = y[8] - x[8]
        printf "%.0f %.1f", t ? 100 * (t - idle) / t : 0, t ? 100 * st / t : 0 }'
}

# ---------------------------------------------------------------- build
resolve_rampart_bin

# ---------------------------------------------------------------- processes
make_tmp_and_trap rampart-bench SAMPLER_PID RAMPART_PID NGINX_PID
check_ports_free "$UPSTREAM_PORT" "$RAMPART_PORT"
start_nginx

write_bench_config "$TMP/rampart.yaml"
start_rampart "$TMP/rampart.yaml" warning

# ---------------------------------------------------------------- sanity
check_target() { # url name
    local out code
    out=$(curl -s -w '\n%{http_code} %{content_type}' --max-time 5 -X POST \
        -H 'content-type: application/json' -d "$BODY" "$1") || die "$2: request failed"
    code=$(tail -n1 <<<"$out")
    case $code in
        "200 application/json"*) ;;
        *) printf '%s\n' "$out" >&2; die "$2: expected 200 application/json, got '$code'" ;;
    esac
    grep -q '"chat.completion"' <<<"$out" && grep -q 'Hello! How can I help you today?' <<<"$out" \
        || { printf '%s\n' "$out" >&2; die "$2: body is not the expected chat completion"; }
}
check_target "$UP_URL" upstream
check_target "$GW_URL" Rampart
log "both targets answer 200 with a chat completion"

mkdir -p "$RESULTS_DIR"
cp "$TMP/rampart.yaml" "$RESULTS_DIR/rampart.yaml"

rss_kib() { local k v _; while read -r k v _; do [ "$k" = VmRSS: ] && { echo "$v"; return; }; done < "/proc/$1/status"; echo 0; }
CLK_TCK=$(getconf CLK_TCK)

# ---------------------------------------------------------------- runs
# Is anything else using the CPUs?  (Measured after the build, with both servers idle.)
S0=$(cpu_stat); sleep 1; S1=$(cpu_stat)
read -r PRE_BUSY _ <<<"$(busy_pct "$S0" "$S1")"
if [ "$PRE_BUSY" -gt 20 ]; then
    log "warning: the CPUs were ${PRE_BUSY}% busy just before the runs; other work will skew the numbers"
fi
RUN_STAT0=$(cpu_stat)
log "warm-up: ${WARMUP}s each at c$CONNS against upstream and Rampart"
run_wrk warmup-upstream "$HI_THREADS" "$CONNS" "$WARMUP" "$UP_URL"; check_errors warmup-upstream
run_wrk warmup-rampart "$HI_THREADS" "$CONNS" "$WARMUP" "$GW_URL"; check_errors warmup-rampart
RSS_IDLE_KIB=$(rss_kib "$RAMPART_PID")

log "(a) upstream directly, c1, ${DURATION}s"; run_wrk a 1 1 "$DURATION" "$UP_URL"; check_errors a
log "(b) through Rampart,   c1, ${DURATION}s"
B_CPU0=$(cpu_ticks "$RAMPART_PID"); B_CS0=$(ctx_switches "$RAMPART_PID")
run_wrk b 1 1 "$DURATION" "$GW_URL"; check_errors b
B_CPU1=$(cpu_ticks "$RAMPART_PID"); B_CS1=$(ctx_switches "$RAMPART_PID")
log "(c) upstream directly, c$CONNS, ${DURATION}s"; run_wrk c "$HI_THREADS" "$CONNS" "$DURATION" "$UP_URL"; check_errors c

log "(d) through Rampart,   c$CONNS, ${DURATION}s (sampling RSS every 0.5 s)"
echo 0 > "$TMP/rss.max"
(
    trap 'exit 0' TERM
    max=0
    while kill -0 "$RAMPART_PID" 2>/dev/null; do
        v=$(rss_kib "$RAMPART_PID")
        if [ "$v" -gt "$max" ]; then max=$v; echo "$max" > "$TMP/rss.max"; fi
        sleep 0.5
    done
) &
SAMPLER_PID=$!
CPU0=$(cpu_ticks "$RAMPART_PID"); CS0=$(ctx_switches "$RAMPART_PID")
run_wrk d "$HI_THREADS" "$CONNS" "$DURATION" "$GW_URL"; check_errors d
CPU1=$(cpu_ticks "$RAMPART_PID"); CS1=$(ctx_switches "$RAMPART_PID")
RSS_END_KIB=$(rss_kib "$RAMPART_PID")
kill -TERM "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
RSS_PEAK_KIB=$(cat "$TMP/rss.max")
[ "$RSS_END_KIB" -gt "$RSS_PEAK_KIB" ] && RSS_PEAK_KIB=$RSS_END_KIB

read -r _ RUN_STEAL <<<"$(busy_pct "$RUN_STAT0" "$(cpu_stat)")"
kill -0 "$RAMPART_PID" 2>/dev/null || { cat "$TMP/rampart.log" >&2; die "Rampart died during the runs"; }
cp "$TMP/rampart.log" "$RESULTS_DIR/rampart.log"

# ---------------------------------------------------------------- report
verdict() { awk -v x="$1" -v op="$2" -v y="$3" 'BEGIN { ok = (op == "<=") ? (x <= y) : (x >= y); print ok ? "PASS" : "FAIL" }'; }
A50=$(field a p50_ms); B50=$(field b p50_ms)
ADDED=$(awk -v a="$A50" -v b="$B50" 'BEGIN { printf "%.3f", b - a }')
D_RPS=$(field d rps); D_REQ=$(field d requests)
RSS_PEAK_MB=$(awk -v k="$RSS_PEAK_KIB" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }')
RSS_IDLE_MB=$(awk -v k="$RSS_IDLE_KIB" 'BEGIN { printf "%.1f", k * 1024 / 1e6 }')
per_req() { # ticks requests -> CPU microseconds per request
    awk -v t="$1" -v hz="$CLK_TCK" -v n="$2" 'BEGIN { printf "%.0f", n ? t / hz * 1e6 / n : 0 }'; }
ratio() { awk -v a="$1" -v n="$2" 'BEGIN { printf "%.1f", n ? a / n : 0 }'; }
B_REQ=$(field b requests)
CPU_US_PER_REQ=$(per_req $((CPU1 - CPU0)) "$D_REQ")
B_CPU_US_PER_REQ=$(per_req $((B_CPU1 - B_CPU0)) "$B_REQ")
CS_PER_REQ=$(ratio $((CS1 - CS0)) "$D_REQ")
B_CS_PER_REQ=$(ratio $((B_CS1 - B_CS0)) "$B_REQ")
CPU_SHARE=$(awk -v t=$((CPU1 - CPU0)) -v hz="$CLK_TCK" -v s="$(field d seconds)" 'BEGIN { printf "%.0f", t / hz / s * 100 }')

V_LAT=$(verdict "$ADDED" "<=" "$MAX_ADDED_P50_MS")
V_RPS=$(verdict "$D_RPS" ">=" "$MIN_RPS_C32")
V_RSS=$(verdict "$RSS_PEAK_MB" "<=" "$MAX_RSS_MB")

{
    echo
    echo "Rampart proxy overhead  ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(machine_desc), CPUs ${PRE_BUSY}% busy just before, ${RUN_STEAL}% steal during the runs)"
    binary_line
    echo "wrk ${DURATION}s per run, warm-up ${WARMUP}s; wrk pinning: ${WRK_CPUS:-none}; server pinning: ${SERVER_CPUS:-none}"
    echo
    printf '| %-28s | %-8s | %9s | %9s | %9s | %11s | %6s |\n' run wrk "p50 ms" "p90 ms" "p99 ms" "requests/s" errors
    printf '|%s|%s|%s|%s|%s|%s|%s|\n' ------------------------------ ---------- ----------- ----------- ----------- ------------- --------
    for r in a b c d; do
        case $r in
            a) name="(a) upstream directly"; w="-t1 -c1" ;;
            b) name="(b) through Rampart"; w="-t1 -c1" ;;
            c) name="(c) upstream directly"; w="-t$HI_THREADS -c$CONNS" ;;
            d) name="(d) through Rampart"; w="-t$HI_THREADS -c$CONNS" ;;
        esac
        printf '| %-28s | %-8s | %9s | %9s | %9s | %11s | %6s |\n' "$name" "$w" \
            "$(field $r p50_ms)" "$(field $r p90_ms)" "$(field $r p99_ms)" "$(field $r rps)" \
            "$(( $(field $r non2xx) + $(field $r socket_errors) ))"
    done
    echo
    printf '| %-44s | %12s | %10s | %-6s |\n' target measured limit result
    printf '|%s|%s|%s|%s|\n' ---------------------------------------------- -------------- ------------ --------
    printf '| %-44s | %9s ms | %7s ms | %-6s |\n' "added p50 latency at c1, (b) - (a)" "$ADDED" "<= $MAX_ADDED_P50_MS" "$V_LAT"
    printf '| %-44s | %12s | %10s | %-6s |\n' "requests/s through Rampart at c$CONNS (d)" "$D_RPS" ">= $MIN_RPS_C32" "$V_RPS"
    printf '| %-44s | %9s MB | %7s MB | %-6s |\n' "Rampart peak RSS during (d)" "$RSS_PEAK_MB" "<= $MAX_RSS_MB" "$V_RSS"
    printf '| %-44s | %12s | %10s | %-6s |\n' "non-2xx responses / socket errors, all runs" "$FAILED_RUNS runs" "0 runs" "$([ "$FAILED_RUNS" = 0 ] && echo PASS || echo FAIL)"
    echo
    echo "Rampart RSS after warm-up: $RSS_IDLE_MB MB"
    echo "Rampart CPU per request: ${B_CPU_US_PER_REQ} us in (b), ${CPU_US_PER_REQ} us in (d) (${CPU_SHARE}% of one core);" \
        "thread context switches per request: ${B_CS_PER_REQ} in (b), ${CS_PER_REQ} in (d)"
    echo "(MB = 10^6 bytes; raw wrk output in $RESULTS_DIR)"
} | tee "$RESULTS_DIR/summary.md"

if [ "$FAILED_RUNS" != 0 ] || [ "$V_LAT" != PASS ] || [ "$V_RPS" != PASS ] || [ "$V_RSS" != PASS ]; then
    exit 1
fi
exit 0
