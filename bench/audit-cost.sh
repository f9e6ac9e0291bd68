#!/usr/bin/env bash
# Audit-trail cost benchmark: what writing the audit trail costs the gateway's throughput, at the
# proxy-overhead benchmark's load (nginx `return 200` upstream, wrk -t2 -c32).
#
#   bench/audit-cost.sh                # PAIRS=6 pairs of DURATION=10 s runs
#   PAIRS=10 bench/audit-cost.sh
#
# Compares two release binaries of the same source: as built, and with `AuditLog.record` made to
# return at once (the journal, the encoding and the store skipped; events are still built, and
# metrics, limits and the block-rate watch still fed). The script makes that second binary by
# editing Sources/RampartStore/AuditLog.swift for one incremental release build and restoring it
# (also when interrupted), then rebuilds the tree as it was. Runs alternate between the binaries,
# each on a fresh state directory after a warm-up, and the order flips every pair; it prints each
# pair's requests/s and their ratio, Rampart's CPU per request in both (and, of the audit run's,
# what its writer thread `rampart-audit` used), and the median ratio. Target: audit writing
# costs ≤ 5 % (median ratio ≥ 0.95).
#
# Exit status: 0 target met; 1 missed, or a run had non-2xx responses or socket errors; 2 setup failed.
#
# Environment (all optional): PAIRS=6 DURATION=10 WARMUP=5 CONNS=32 HI_THREADS=2
#   UPSTREAM_PORT=18081 RAMPART_PORT=18080 SCRATCH=.build-release AUDIT_TEXT WRK_CPUS SERVER_CPUS
#   (as in bench/proxy-overhead.sh)
#   RESULTS_DIR=bench/results/audit-cost-<time> (git-ignored)

set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"   # ROOT, BENCH and the shared functions

PAIRS=${PAIRS:-6}
proxy_load_settings   # DURATION WARMUP CONNS HI_THREADS ports SCRATCH WRK_CPUS SERVER_CPUS
RESULTS_DIR=${RESULTS_DIR:-$BENCH/results/audit-cost-$(date +%Y%m%d-%H%M%S)}
MIN_RATIO=0.95
RAMPART_BIN=""
SKIP_BUILD=0
PATH_CHAT=/v1/chat/completions
UP_URL="http://127.0.0.1:$UPSTREAM_PORT$PATH_CHAT"
GW_URL="http://127.0.0.1:$RAMPART_PORT$PATH_CHAT"

ensure_tools
setup_pinning
mkdir -p "$RESULTS_DIR"
make_tmp_and_trap rampart-audit-cost RAMPART_PID NGINX_PID

# ---------------------------------------------------------------- the two binaries
AUDIT_LOG="$ROOT/Sources/RampartStore/AuditLog.swift"
RECORD_LINE='    public func record(_ event: AuditEvent) {'
grep -qxF "$RECORD_LINE" "$AUDIT_LOG" || die "AuditLog.record not found in $AUDIT_LOG (update this script)"
release_build() { (cd "$ROOT" && swift build -c release --product rampart --scratch-path "$SCRATCH" >&2) || die "release build failed"; }

log "release build of the tree as it is"
release_build
resolve_rampart_bin   # sets SOURCE_NOTE for the report
cp "$ROOT/$SCRATCH/release/rampart" "$TMP/rampart-audit"

log "release build with AuditLog.record switched off"
cp "$AUDIT_LOG" "$TMP/AuditLog.swift.orig"
restore_source() { cp "$TMP/AuditLog.swift.orig" "$AUDIT_LOG"; }
trap 'restore_source; cleanup' EXIT
sed -i "s|^$RECORD_LINE\$|&\n        return   // bench/audit-cost.sh: the audit-off binary|" "$AUDIT_LOG"
release_build
cp "$ROOT/$SCRATCH/release/rampart" "$TMP/rampart-no-audit"
restore_source
log "release build of the tree as it was, again"
release_build

# ---------------------------------------------------------------- runs
check_ports_free "$UPSTREAM_PORT" "$RAMPART_PORT"
start_nginx

run_variant() { # tag binary: fresh state, warm-up, measured c32 run; sets V_RPS, V_CPU and V_WRITER (µs per request)
    local tag=$1 cpu0 cpu1 writer0 writer1 requests
    RAMPART_BIN=$2
    rm -rf "$TMP/state"
    write_bench_config "$TMP/rampart.yaml"
    start_rampart "$TMP/rampart.yaml" warning "($tag)"
    run_wrk "$tag-warmup" "$HI_THREADS" "$CONNS" "$WARMUP" "$GW_URL"
    cpu0=$(cpu_ticks "$RAMPART_PID"); writer0=$(thread_ticks "$RAMPART_PID" rampart-audit)
    run_wrk "$tag" "$HI_THREADS" "$CONNS" "$DURATION" "$GW_URL"
    cpu1=$(cpu_ticks "$RAMPART_PID"); writer1=$(thread_ticks "$RAMPART_PID" rampart-audit)
    check_errors "$tag"
    kill -TERM "$RAMPART_PID"
    wait "$RAMPART_PID" 2>/dev/null || true
    RAMPART_PID=""
    requests=$(field "$tag" requests)
    V_RPS=$(field "$tag" rps)
    V_CPU=$(per_request $((cpu1 - cpu0)) "$requests" %.0f)
    V_WRITER=$(per_request $((writer1 - writer0)) "$requests" %.1f)
}

per_request() { # ticks requests format: CPU microseconds per request
    awk -v t="$1" -v hz="$(getconf CLK_TCK)" -v n="$2" -v f="$3" 'BEGIN { printf f, n ? t / hz * 1e6 / n : 0 }'
}

RATIOS=()
ROWS=()
for pair in $(seq 1 "$PAIRS"); do
    for variant in $( [ $((pair % 2)) = 1 ] && echo "off on" || echo "on off"); do
        if [ "$variant" = off ]; then
            run_variant "pair$pair-off" "$TMP/rampart-no-audit"; off_rps=$V_RPS; off_cpu=$V_CPU
        else
            run_variant "pair$pair-on" "$TMP/rampart-audit"; on_rps=$V_RPS; on_cpu=$V_CPU; on_writer=$V_WRITER
        fi
    done
    ratio=$(awk -v a="$on_rps" -v b="$off_rps" 'BEGIN { printf "%.3f", b ? a / b : 0 }')
    RATIOS+=("$ratio")
    ROWS+=("$(printf '| %4s | %12.0f | %12.0f | %6s | %6s → %-6s | %6s |' "$pair" "$off_rps" "$on_rps" "$ratio" "$off_cpu" "$on_cpu" "$on_writer")")
    log "pair $pair: $off_rps → $on_rps req/s (ratio $ratio)"
done
MEDIAN=$(printf '%s\n' "${RATIOS[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "%.3f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
VERDICT=$(awk -v m="$MEDIAN" -v t="$MIN_RATIO" 'BEGIN { print (m >= t ? "PASS" : "FAIL") }')

{
    echo
    echo "Rampart audit-trail cost  ($(date -u +%Y-%m-%dT%H:%M:%SZ), $(machine_desc))"
    echo "$SOURCE_NOTE"
    echo "wrk -t$HI_THREADS -c$CONNS, ${DURATION}s per run after ${WARMUP}s warm-up; store.text: ${AUDIT_TEXT:-hash (default)}"
    echo
    echo "| pair | no audit req/s | audit req/s | ratio | CPU µs/req (no audit → audit) | of it, the audit writer thread |"
    echo "|------|----------------|-------------|-------|-------------------------------|--------------------------------|"
    printf '%s\n' "${ROWS[@]}"
    echo
    echo "median ratio $MEDIAN (audit writing costs $(awk -v m="$MEDIAN" 'BEGIN { printf "%.1f", (1 - m) * 100 }') % of throughput); target ≥ $MIN_RATIO: $VERDICT"
    echo "non-2xx responses / socket errors: $FAILED_RUNS runs"
} | tee "$RESULTS_DIR/summary.md"

[ "$VERDICT" = PASS ] && [ "$FAILED_RUNS" = 0 ]
