#!/usr/bin/env bash
# Limited requests on the PostgreSQL store: throughput and latency of a key whose request limit is
# counted in PostgreSQL (one round trip per request, shared with the audit writer's batches and
# everything else the process asks the database).
#
#   RAMPART_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres bench/limits-postgres.sh   # a URL without parameters
#   OTHER_BIN=/tmp/rampart-old bench/limits-postgres.sh   # alternate with another binary, pair by pair
#
# The upstream is nginx `return 200` (bench/nginx.conf), as in bench/proxy-overhead.sh; the load is
# wrk -t2 -c32 with bench/post.lua and the key's bearer token. The key's limit (100 million a
# minute) is never reached: what is measured is the counting. Each run gets a new database on the
# server the URL names and a new state directory.
#
# Exit status: 0 all runs clean; 1 a run had non-2xx responses or socket errors; 2 setup failed.
#
# Environment (all optional but the URL): PAIRS=2 DURATION=15 WARMUP=5 CONNS=32 HI_THREADS=2
#   UPSTREAM_PORT RAMPART_PORT SCRATCH RAMPART_BIN SKIP_BUILD WRK_CPUS SERVER_CPUS (as in
#   bench/proxy-overhead.sh); OTHER_BIN; RESULTS_DIR=bench/results/limits-postgres-<time> (git-ignored)

set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # ROOT, BENCH and the shared functions

PAIRS=${PAIRS:-2}
DURATION=${DURATION:-15}
proxy_load_settings   # WARMUP CONNS HI_THREADS ports SCRATCH WRK_CPUS SERVER_CPUS
RESULTS_DIR=${RESULTS_DIR:-$BENCH/results/limits-postgres-$(date +%Y%m%d-%H%M%S)}
RAMPART_BIN=${RAMPART_BIN:-}
SKIP_BUILD=${SKIP_BUILD:-0}
OTHER_BIN=${OTHER_BIN:-}
SERVER=${RAMPART_TEST_POSTGRES_URL:-}
[ -n "$SERVER" ] || die "set RAMPART_TEST_POSTGRES_URL to a PostgreSQL server this script may create databases on"
command -v psql >/dev/null || die "psql not found (apt-get install postgresql-client)"
UP_URL="http://127.0.0.1:$UPSTREAM_PORT/v1/chat/completions"
GW_URL="http://127.0.0.1:$RAMPART_PORT/v1/chat/completions"

ensure_tools
setup_pinning
resolve_rampart_bin
THIS_BIN=$RAMPART_BIN
mkdir -p "$RESULTS_DIR"
make_tmp_and_trap rampart-limits-pg RAMPART_PID NGINX_PID
check_ports_free "$UPSTREAM_PORT" "$RAMPART_PORT"
start_nginx
WRK_BEARER=bench-secret   # run_wrk sends the key

run() { # tag binary: a new database and state, warm-up, measured run
    local tag=$1 database="rampart_bench_$(date +%s%N)"
    RAMPART_BIN=$2
    psql -q "$SERVER" -c "CREATE DATABASE $database" || die "cannot create a database on $SERVER"
    rm -rf "$TMP/state"
    cat > "$TMP/rampart.yaml" <<EOF
server: {host: 127.0.0.1, port: $RAMPART_PORT, state_dir: "$TMP/state"}
store: {url: "${SERVER%/*}/$database"}
keys:
  - {id: bench, secret: bench-secret, tenant: acme, limits: {requests_per_minute: 100000000}}
providers:
  - {id: static, kind: openai, base_url: "http://127.0.0.1:$UPSTREAM_PORT/v1", api_key: bench-key}
models:
  - {alias: bench, targets: [{provider: static, model: static-model}]}
EOF
    start_rampart "$TMP/rampart.yaml" warning "($tag)"
    run_wrk "$tag-warmup" "$HI_THREADS" "$CONNS" "$WARMUP" "$GW_URL"
    run_wrk "$tag" "$HI_THREADS" "$CONNS" "$DURATION" "$GW_URL"
    check_errors "$tag"
    kill -TERM "$RAMPART_PID"
    wait "$RAMPART_PID" 2>/dev/null || true
    RAMPART_PID=""
    ROWS+=("$(printf '| %-12s | %8.0f | %7s | %7s | %7s | %7s |' "$tag" "$(field "$tag" rps)" "$(field "$tag" p50_ms)" \
        "$(field "$tag" p90_ms)" "$(field "$tag" p99_ms)" "$(field "$tag" max_ms)")")
}

ROWS=()
for pair in $(seq 1 "$PAIRS"); do
    run "pair$pair-this" "$THIS_BIN"
    if [ -n "$OTHER_BIN" ]; then run "pair$pair-other" "$OTHER_BIN"; fi
done

{
    echo
    echo "Rampart limited requests on PostgreSQL  ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(machine_desc))"
    echo "$SOURCE_NOTE${OTHER_BIN:+; other: $OTHER_BIN}"
    echo "wrk -t$HI_THREADS -c$CONNS, ${DURATION}s per run after ${WARMUP}s warm-up; store: $SERVER (a new database per run)"
    echo
    echo "| run          |    req/s | p50 ms  | p90 ms  | p99 ms  | max ms  |"
    echo "|--------------|----------|---------|---------|---------|---------|"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "non-2xx responses / socket errors: $FAILED_RUNS runs"
} | tee "$RESULTS_DIR/summary.md"

[ "$FAILED_RUNS" = 0 ]
