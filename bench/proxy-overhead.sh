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

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/bench"

DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
CONNS=${CONNS:-32}
HI_THREADS=${HI_THREADS:-2}
UPSTREAM_PORT=${UPSTREAM_PORT:-18081}
RAMPART_PORT=${RAMPART_PORT:-18080}
SCRATCH=${SCRATCH:-.build-release}
RAMPART_BIN=${RAMPART_BIN:-}
SKIP_BUILD=${SKIP_BUILD:-0}
WRK_CPUS=${WRK_CPUS:-}
SERVER_CPUS=${SERVER_CPUS:-}
RESULTS_DIR=${RESULTS_DIR:-$BENCH/results/$(date +%Y%m%d-%H%M%S)}

# Targets
MAX_ADDED_P50_MS=0.3
MIN_RPS_C32=10000
MAX_RSS_MB=100

PATH_CHAT=/v1/chat/completions
UP_URL="http://127.0.0.1:$UPSTREAM_PORT$PATH_CHAT"
GW_URL="http://127.0.0.1:$RAMPART_PORT$PATH_CHAT"
BODY='{"model":"bench","messages":[{"role":"system","content":"You are a helpful assistant."},{"role":"user","content":"Say hello."}],"max_tokens":64}'

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 2; }

# ---------------------------------------------------------------- tools
need_install=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need_install+=(nginx)
command -v wrk >/dev/null 2>&1 || need_install+=(wrk)
command -v curl >/dev/null 2>&1 || need_install+=(curl)
if [ ${#need_install[@]} -gt 0 ]; then
    log "installing missing tools: ${need_install[*]}"
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    pkgs=()
    for t in "${need_install[@]}"; do
        case $t in
            nginx) pkgs+=(nginx-light) ;;
            *) pkgs+=("$t") ;;
        esac
    done
    $SUDO apt-get update -qq >&2 || die "apt-get update failed"
    if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${pkgs[@]}" >&2; then
        # nginx-light is Debian-only; fall back to the plain package.
        pkgs=("${pkgs[@]/nginx-light/nginx}")
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${pkgs[@]}" >&2 \
            || die "could not install ${pkgs[*]}"
    fi
fi
NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || die "nginx not found"

# Aggregate CPU counters: user nice system idle iowait irq softirq steal
cpu_stat() { local _c rest; read -r _c rest < /proc/stat; echo "$rest"; }
busy_pct() { # "before" "after" -> busy% (everything but idle+iowait) and steal% of the interval
    awk -v a="$1" -v b="$2" 'BEGIN { n = split(a, x); split(b, y); t = 0
        for (i = 1; i <= n; i++) t += y[i] - x[i]
        idle = (y[4] - x[4]) + (y[5] - x[5]); st = y[8] - x[8]
        printf "%.0f %.1f", t ? 100 * (t - idle) / t : 0, t ? 100 * st / t : 0 }'
}

pin_wrk=(); pin_srv=()
if [ -n "$WRK_CPUS" ]; then pin_wrk=(taskset -c "$WRK_CPUS"); fi
if [ -n "$SERVER_CPUS" ]; then pin_srv=(taskset -c "$SERVER_CPUS"); fi

# ---------------------------------------------------------------- build
BUILT=0
if [ -z "$RAMPART_BIN" ]; then
    RAMPART_BIN="$ROOT/$SCRATCH/release/rampart"
    if [ "$SKIP_BUILD" != 1 ]; then
        BUILT=1
        log "swift build -c release --product rampart --scratch-path $SCRATCH (no-op when up to date)"
        (cd "$ROOT" && swift build -c release --product rampart --scratch-path "$SCRATCH" >&2) \
            || die "release build failed"
    fi
fi
[ -x "$RAMPART_BIN" ] || die "no Rampart binary at $RAMPART_BIN"
# Which source the numbers belong to (read-only git queries).
SOURCE_REV=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
if ! (cd "$ROOT" && git diff --quiet HEAD -- Sources Package.swift 2>/dev/null); then
    SOURCE_REV="$SOURCE_REV + uncommitted changes in Sources/ or Package.swift"
fi
BIN_TIME=$(date -u -r "$RAMPART_BIN" +%Y-%m-%dT%H:%M:%SZ)
if [ "$BUILT" = 1 ]; then
    SOURCE_NOTE="source: $SOURCE_REV (built by this run)"
else
    SOURCE_NOTE="source tree at run time: $SOURCE_REV (binary not rebuilt by this run; it may be older)"
fi

# ---------------------------------------------------------------- processes
TMP=$(mktemp -d "${TMPDIR:-/tmp}/rampart-bench.XXXXXX")
NGINX_PID=""; RAMPART_PID=""; SAMPLER_PID=""
cleanup() {
    local pid
    for pid in "$SAMPLER_PID" "$RAMPART_PID" "$NGINX_PID"; do
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
        fi
    done
    for pid in "$SAMPLER_PID" "$RAMPART_PID" "$NGINX_PID"; do
        [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
    done
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_busy() { curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/" ; }
port_busy "$UPSTREAM_PORT" && die "port $UPSTREAM_PORT already in use"
port_busy "$RAMPART_PORT" && die "port $RAMPART_PORT already in use"

wait_for() { # url, pid, name
    local i
    for i in $(seq 1 200); do
        kill -0 "$2" 2>/dev/null || return 1
        [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$1")" = 200 ] && return 0
        sleep 0.1
    done
    return 1
}

mkdir -p "$TMP/nginx"
if [ "$UPSTREAM_PORT" != 18081 ]; then
    sed "s/127.0.0.1:18081/127.0.0.1:$UPSTREAM_PORT/" "$BENCH/nginx.conf" > "$TMP/nginx.conf"
else
    cp "$BENCH/nginx.conf" "$TMP/nginx.conf"
fi
log "starting nginx on 127.0.0.1:$UPSTREAM_PORT"
"${pin_srv[@]}" "$NGINX" -c "$TMP/nginx.conf" -p "$TMP/nginx/" -e "$TMP/nginx/error.log" \
    -g 'daemon off;' &
NGINX_PID=$!
# nginx answers 404 on / ; probe the chat path with a POST instead.
for i in $(seq 1 100); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 -X POST \
        -H 'content-type: application/json' -d "$BODY" "$UP_URL" || true)
    [ "$code" = 200 ] && break
    kill -0 "$NGINX_PID" 2>/dev/null || { cat "$TMP/nginx/error.log" >&2 || true; die "nginx exited"; }
    sleep 0.1
done
[ "$code" = 200 ] || die "nginx did not answer 200 on $UP_URL"

cat > "$TMP/rampart.yaml" <<EOF
server: {host: 127.0.0.1, port: $RAMPART_PORT}
providers:
  - {id: static, kind: openai, base_url: "http://127.0.0.1:$UPSTREAM_PORT/v1", api_key: bench-key}
models:
  - {alias: bench, targets: [{provider: static, model: static-model}]}
EOF
log "starting Rampart ($RAMPART_BIN) on 127.0.0.1:$RAMPART_PORT"
"${pin_srv[@]}" "$RAMPART_BIN" serve --config "$TMP/rampart.yaml" --log-level warning \
    2> "$TMP/rampart.log" &
RAMPART_PID=$!
wait_for "http://127.0.0.1:$RAMPART_PORT/healthz" "$RAMPART_PID" \
    || { cat "$TMP/rampart.log" >&2; die "Rampart did not become healthy"; }

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
cpu_ticks() { local s; read -r s < "/proc/$1/stat"; s=${s##*) }; set -- $s; echo $(( ${12} + ${13} )); }
ctx_switches() { # voluntary + involuntary context switches summed over the process's threads
    local n=0 k v f
    for f in /proc/"$1"/task/*/status; do
        while read -r k v; do
            case $k in voluntary_ctxt_switches:|nonvoluntary_ctxt_switches:) n=$((n + v)) ;; esac
        done < "$f" 2>/dev/null || true
    done
    echo "$n"
}
CLK_TCK=$(getconf CLK_TCK)

FAILED_RUNS=0
run_wrk() { # tag threads conns seconds url
    local tag=$1 t=$2 c=$3 d=$4 url=$5 out="$RESULTS_DIR/$1.txt"
    "${pin_wrk[@]}" wrk -t"$t" -c"$c" -d"${d}s" --timeout 5s --latency -s "$BENCH/post.lua" "$url" > "$out" 2>&1 \
        || { cat "$out" >&2; die "wrk failed ($tag)"; }
    grep -q '^WRK_RESULT ' "$out" || { cat "$out" >&2; die "no WRK_RESULT in wrk output ($tag)"; }
}
field() { # tag name
    sed -n "/^WRK_RESULT /s/.*[[:space:]]$2=\([^[:space:]]*\).*/\1/p" "$RESULTS_DIR/$1.txt"
}
check_errors() { # tag
    local n s
    n=$(field "$1" non2xx); s=$(field "$1" socket_errors)
    if [ "$n" != 0 ] || [ "$s" != 0 ]; then
        log "run $1: $n non-2xx responses, $s socket errors -> FAIL"
        FAILED_RUNS=$((FAILED_RUNS + 1))
    fi
}

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
    echo "Rampart proxy overhead  ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) CPUs: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1), CPUs ${PRE_BUSY}% busy just before, ${RUN_STEAL}% steal during the runs)"
    echo "$SOURCE_NOTE; binary: $RAMPART_BIN (modified $BIN_TIME)"
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
