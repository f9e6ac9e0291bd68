#!/usr/bin/env bash
# Failover-cost benchmark: what a dead primary adds to a request's latency.
#
#   bench/failover.sh                  # DURATION=10 s per run
#   SKIP_BUILD=1 bench/failover.sh     # use the existing release build
#
# The healthy upstream is nginx `return 200` (bench/nginx.conf), as in
# bench/proxy-overhead.sh.  The dead primary is an OpenAI-compatible provider at
# a closed loopback port (127.0.0.1:9 by default): every attempt is refused at
# once (class connect_failed, action fail_over).  Aliases:
#
#   direct        only the healthy target
#   refused       dead primary, then the healthy target; breakers that never open,
#                 so every request tries the primary first and fails over
#   breaker-open  dead primary, then the healthy target; default breakers, warmed
#                 up until the primary's breaker is open, so requests skip it
#
# A breaker setting is global (routing.breaker), so the script runs two Rampart
# configurations one after the other on the same port:
#   phase A (breaker never opens): (a) direct, (b) refused
#   phase B (default breaker):     (c) direct, (d) breaker-open
# each run wrk -t1 -c1 for DURATION seconds after a warm-up, and prints p50/p90/p99
# and the latency added against `direct` of the same phase.
#
# Exit status: 0 all runs clean; 1 a run had a non-2xx response or a socket
# error, or a request was not routed as expected; 2 setup failed.
#
# Environment (all optional), as in bench/proxy-overhead.sh:
#   DURATION=10  WARMUP=3  UPSTREAM_PORT=18081  RAMPART_PORT=18080
#   DEAD_PORT=9           the closed port the dead primary points at
#   RAMPART_BIN=path      use this binary instead of building
#   SKIP_BUILD=1          do not run `swift build` (binary must exist)
#   SCRATCH=.build-release
#   WRK_CPUS=list / SERVER_CPUS=list   taskset pinning (default none)
#   RESULTS_DIR=dir       raw wrk output and summary.md (default bench/results/failover-<time>)

set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # ROOT, BENCH and the shared functions

DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
UPSTREAM_PORT=${UPSTREAM_PORT:-18081}
RAMPART_PORT=${RAMPART_PORT:-18080}
DEAD_PORT=${DEAD_PORT:-9}
SCRATCH=${SCRATCH:-.build-release}
RAMPART_BIN=${RAMPART_BIN:-}
SKIP_BUILD=${SKIP_BUILD:-0}
WRK_CPUS=${WRK_CPUS:-}
SERVER_CPUS=${SERVER_CPUS:-}
RESULTS_DIR=${RESULTS_DIR:-$BENCH/results/failover-$(date +%Y%m%d-%H%M%S)}

PATH_CHAT=/v1/chat/completions
UP_URL="http://127.0.0.1:$UPSTREAM_PORT$PATH_CHAT"
GW_URL="http://127.0.0.1:$RAMPART_PORT$PATH_CHAT"
HEALTHY_ROUTE="static/static-model"
DEAD_TARGET="dead/dead-model"

# ---------------------------------------------------------------- tools
ensure_tools
setup_pinning

# ---------------------------------------------------------------- build
resolve_rampart_bin

# ---------------------------------------------------------------- processes
make_tmp_and_trap rampart-failover RAMPART_PID NGINX_PID
check_ports_free "$UPSTREAM_PORT" "$RAMPART_PORT"
# The dead primary must refuse connections at once (curl exit 7: could not connect).
rc=0; curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$DEAD_PORT/" || rc=$?
[ "$rc" = 7 ] || die "127.0.0.1:$DEAD_PORT does not refuse connections (curl exit $rc); set DEAD_PORT to a closed port"

start_nginx

write_config() { # file breaker-yaml-line
    cat > "$1" <<EOF
server: {host: 127.0.0.1, port: $RAMPART_PORT}
routing:
$2
providers:
  - {id: static, kind: openai, base_url: "http://127.0.0.1:$UPSTREAM_PORT/v1", api_key: bench-key}
  - {id: dead, kind: openai, base_url: "http://127.0.0.1:$DEAD_PORT/v1", api_key: bench-key}
models:
  - {alias: direct, targets: [{provider: static, model: static-model}]}
  - {alias: refused, targets: [{provider: dead, model: dead-model}, {provider: static, model: static-model}]}
  - {alias: breaker-open, targets: [{provider: dead, model: dead-model}, {provider: static, model: static-model}]}
EOF
}
# Phase A: the breaker never opens (consecutive_failures: Rampart also opens a breaker after
# that many failures in a row, whatever min_requests says).
write_config "$TMP/rampart-a.yaml" "  breaker: {min_requests: 1000000000, consecutive_failures: 1000000000}"
# Phase B: the default breaker (min_requests 5, failure_rate 0.5, cooldown_s 30).
write_config "$TMP/rampart-b.yaml" "  deadline_ms: 600000"

stop_rampart() {
    kill -TERM "$RAMPART_PID" 2>/dev/null || true
    wait "$RAMPART_PID" 2>/dev/null || true
    RAMPART_PID=""
    # the port must be free again before the next phase
    for i in $(seq 1 50); do port_busy "$RAMPART_PORT" || return 0; sleep 0.1; done
    die "port $RAMPART_PORT still busy after stopping Rampart"
}

# One request with curl: "status|route|attempts|fallback-reason"
probe() { # alias
    local hdrs
    hdrs=$(curl -s -D - -o "$TMP/probe.body" --max-time 5 -X POST -H 'content-type: application/json' \
        -d "$(body_for "$1")" "$GW_URL") || die "$1: request failed"
    awk -v RS='\r\n' -F': ' '
        NR == 1 { split($0, s, " "); status = s[2] }
        tolower($1) == "x-rampart-route" { route = $2 }
        tolower($1) == "x-rampart-attempts" { attempts = $2 }
        tolower($1) == "x-rampart-fallback-reason" { reason = $2 }
        END { printf "%s|%s|%s|%s\n", status, route, attempts, reason }' <<<"$hdrs"
}
BAD_ROUTING=0
expect() { # alias expected-attempts expected-reason(or "") label
    local got status route attempts reason
    got=$(probe "$1"); IFS='|' read -r status route attempts reason <<<"$got"
    if [ "$status" != 200 ] || [ "$route" != "$HEALTHY_ROUTE" ] || [ "$attempts" != "$2" ] || [ "$reason" != "$3" ]; then
        log "$4: alias $1 answered status=$status route=$route attempts=$attempts reason='$reason';" \
            "expected 200 via $HEALTHY_ROUTE, attempts $2, reason '$3'"
        BAD_ROUTING=$((BAD_ROUTING + 1))
        return 1
    fi
    grep -q 'Hello! How can I help you today?' "$TMP/probe.body" || { log "$4: unexpected body: $(head -c 300 "$TMP/probe.body")"; BAD_ROUTING=$((BAD_ROUTING + 1)); return 1; }
}

mkdir -p "$RESULTS_DIR"
cp "$TMP/rampart-a.yaml" "$TMP/rampart-b.yaml" "$RESULTS_DIR/"

run_c1() { # tag alias seconds: wrk -t1 -c1 through Rampart with the given alias as the model
    run_wrk "$1" 1 1 "$3" "$GW_URL" "$2"
}

# ---------------------------------------------------------------- phase A
start_rampart "$TMP/rampart-a.yaml" error "with rampart-a.yaml"
expect direct 1 "" "phase A sanity" || true
expect refused 2 "$DEAD_TARGET=connect_failed" "phase A sanity" || true
[ "$BAD_ROUTING" = 0 ] || { cat "$TMP/rampart.log" >&2; die "phase A: requests are not routed as expected"; }
log "phase A warm-up: ${WARMUP}s each"
run_c1 warmup-a-direct direct "$WARMUP"; check_errors warmup-a-direct
run_c1 warmup-a-refused refused "$WARMUP"; check_errors warmup-a-refused
log "(a) direct, c1, ${DURATION}s"; run_c1 a direct "$DURATION"; check_errors a
log "(b) refused primary, c1, ${DURATION}s"; run_c1 b refused "$DURATION"; check_errors b
# Still failing over on every request (the breaker never opened)?
expect refused 2 "$DEAD_TARGET=connect_failed" "after (b)" || true
cp "$TMP/rampart.log" "$RESULTS_DIR/rampart-a.log"
stop_rampart

# ---------------------------------------------------------------- phase B
start_rampart "$TMP/rampart-b.yaml" error "with rampart-b.yaml"
expect direct 1 "" "phase B sanity" || true
log "opening the dead primary's breaker"
opened=0
for i in $(seq 1 20); do
    IFS='|' read -r _ _ _ reason <<<"$(probe breaker-open)"
    if [ "$reason" = "$DEAD_TARGET=breaker_open" ]; then opened=1; break; fi
done
[ "$opened" = 1 ] || { cat "$TMP/rampart.log" >&2; die "the breaker of $DEAD_TARGET did not open after 20 requests"; }
expect breaker-open 1 "$DEAD_TARGET=breaker_open" "phase B sanity" || true
log "phase B warm-up: ${WARMUP}s each"
run_c1 warmup-b-direct direct "$WARMUP"; check_errors warmup-b-direct
run_c1 warmup-b-open breaker-open "$WARMUP"; check_errors warmup-b-open
log "(c) direct, c1, ${DURATION}s"; run_c1 c direct "$DURATION"; check_errors c
log "(d) breaker open, c1, ${DURATION}s"; run_c1 d breaker-open "$DURATION"; check_errors d
expect breaker-open 1 "$DEAD_TARGET=breaker_open" "after (d)" || true
cp "$TMP/rampart.log" "$RESULTS_DIR/rampart-b.log"
kill -0 "$RAMPART_PID" 2>/dev/null || die "Rampart died during the runs"

# ---------------------------------------------------------------- report
added() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
{
    echo
    echo "Rampart failover cost  ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(machine_desc))"
    binary_line
    echo "wrk -t1 -c1, ${DURATION}s per run, warm-up ${WARMUP}s; dead primary: 127.0.0.1:$DEAD_PORT (connection refused)"
    echo
    printf '| %-34s | %9s | %9s | %9s | %13s | %13s | %11s | %6s |\n' run "p50 ms" "p90 ms" "p99 ms" "added p50 ms" "added p99 ms" "requests/s" errors
    printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' ------------------------------------ ----------- ----------- ----------- --------------- --------------- ------------- --------
    for r in a b c d; do
        case $r in
            a) name="(a) direct (phase A)"; base=a ;;
            b) name="(b) refused primary, fails over"; base=a ;;
            c) name="(c) direct (phase B)"; base=c ;;
            d) name="(d) primary's breaker open"; base=c ;;
        esac
        printf '| %-34s | %9s | %9s | %9s | %13s | %13s | %11s | %6s |\n' "$name" \
            "$(field $r p50_ms)" "$(field $r p90_ms)" "$(field $r p99_ms)" \
            "$(added "$(field $base p50_ms)" "$(field $r p50_ms)")" "$(added "$(field $base p99_ms)" "$(field $r p99_ms)")" \
            "$(field $r rps)" "$(( $(field $r non2xx) + $(field $r socket_errors) ))"
    done
    echo
    echo "added = run minus the direct run of the same phase (same Rampart process)."
    echo "(raw wrk output and both configs in $RESULTS_DIR)"
} | tee "$RESULTS_DIR/summary.md"

if [ "$FAILED_RUNS" != 0 ] || [ "$BAD_ROUTING" != 0 ]; then
    exit 1
fi
exit 0
