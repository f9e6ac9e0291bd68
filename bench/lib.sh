# Shared parts of the benchmark scripts (bench/proxy-overhead.sh,
# bench/audit-cost.sh, bench/failover.sh, bench/profile.sh).  Sourced, not run:
#
#   set -euo pipefail
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Sets ROOT (the repository) and BENCH (this folder) and defines functions;
# it starts, installs or builds nothing by itself.  The functions read the
# caller's settings where they need them: UPSTREAM_PORT, RAMPART_PORT, UP_URL,
# RAMPART_BIN, SCRATCH, SKIP_BUILD, WRK_CPUS, SERVER_CPUS, RESULTS_DIR, TMP, WRK_BEARER.
# Failures end the script with exit status 2 (die).

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/bench"

# The proxy-overhead load's settings, each kept when the environment sets it: one place for the
# scripts that measure at that load (bench/proxy-overhead.sh, bench/audit-cost.sh).
proxy_load_settings() {
    DURATION=${DURATION:-10}
    WARMUP=${WARMUP:-5}
    CONNS=${CONNS:-32}
    HI_THREADS=${HI_THREADS:-2}
    UPSTREAM_PORT=${UPSTREAM_PORT:-18081}
    RAMPART_PORT=${RAMPART_PORT:-18080}
    SCRATCH=${SCRATCH:-.build-release}
    WRK_CPUS=${WRK_CPUS:-}
    SERVER_CPUS=${SERVER_CPUS:-}
}

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 2; }

# The chat completion request of bench/post.lua, for the given model.
body_for() { printf '{"model":"%s","messages":[{"role":"system","content":"You are a helpful assistant."},{"role":"user","content":"Say hello."}],"max_tokens":64}' "$1"; }

# ---------------------------------------------------------------- tools
find_nginx() { NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx); }

# Installs nginx, wrk and curl with apt-get where missing; sets NGINX.
ensure_tools() {
    local need_install=() pkgs=() t SUDO=""
    command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need_install+=(nginx)
    command -v wrk >/dev/null 2>&1 || need_install+=(wrk)
    command -v curl >/dev/null 2>&1 || need_install+=(curl)
    if [ ${#need_install[@]} -gt 0 ]; then
        log "installing missing tools: ${need_install[*]}"
        [ "$(id -u)" -eq 0 ] || SUDO=sudo
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
    find_nginx
    [ -x "$NGINX" ] || die "nginx not found"
}

# taskset prefixes for wrk and for the servers; empty (no pinning) unless
# setup_pinning finds WRK_CPUS / SERVER_CPUS.
pin_wrk=(); pin_srv=()
setup_pinning() {
    if [ -n "$WRK_CPUS" ]; then pin_wrk=(taskset -c "$WRK_CPUS"); fi
    if [ -n "$SERVER_CPUS" ]; then pin_srv=(taskset -c "$SERVER_CPUS"); fi
}

# ---------------------------------------------------------------- build
# Resolves RAMPART_BIN (building $SCRATCH/release/rampart unless RAMPART_BIN
# is set or SKIP_BUILD=1) and sets BUILT, BIN_TIME and SOURCE_NOTE.
resolve_rampart_bin() {
    local rev
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
    rev=$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)
    if ! (cd "$ROOT" && git diff --quiet HEAD -- Sources Package.swift 2>/dev/null); then
        rev="$rev + uncommitted changes in Sources/ or Package.swift"
    fi
    BIN_TIME=$(date -u -r "$RAMPART_BIN" +%Y-%m-%dT%H:%M:%SZ)
    if [ "$BUILT" = 1 ]; then
        SOURCE_NOTE="source: $rev (built by this run)"
    else
        SOURCE_NOTE="source tree at run time: $rev (binary not rebuilt by this run; it may be older)"
    fi
}

# ---------------------------------------------------------------- processes
# make_tmp_and_trap NAME PIDVAR...: TMP=$(mktemp -d .../NAME.XXXXXX), sets the
# named variables to "" and, on exit, stops the processes whose pids they hold
# (TERM, in the order given, then waits for them) and removes TMP.
CLEANUP_PIDVARS=()
make_tmp_and_trap() {
    TMP=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
    shift
    CLEANUP_PIDVARS=("$@")
    local v
    for v in "$@"; do printf -v "$v" '%s' ""; done
    trap cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}
cleanup() {
    local v pid
    for v in "${CLEANUP_PIDVARS[@]}"; do
        pid=${!v}
        if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
        fi
    done
    for v in "${CLEANUP_PIDVARS[@]}"; do
        pid=${!v}
        [ -n "$pid" ] && wait "$pid" 2>/dev/null || true
    done
    rm -rf "$TMP"
}

port_busy() { curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$1/" ; }
check_ports_free() { # port...
    local p
    for p in "$@"; do
        if port_busy "$p"; then die "port $p already in use"; fi
    done
}

wait_for() { # url, pid: until url answers 200 (20 s at most); fails when pid exits
    local i
    for i in $(seq 1 200); do
        kill -0 "$2" 2>/dev/null || return 1
        [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$1")" = 200 ] && return 0
        sleep 0.1
    done
    return 1
}

# nginx `return 200` from bench/nginx.conf, on UPSTREAM_PORT, in the background
# (under pin_srv); sets NGINX_PID.
launch_nginx() {
    mkdir -p "$TMP/nginx"
    if [ "$UPSTREAM_PORT" != 18081 ]; then
        sed "s/127.0.0.1:18081/127.0.0.1:$UPSTREAM_PORT/" "$BENCH/nginx.conf" > "$TMP/nginx.conf"
    else
        cp "$BENCH/nginx.conf" "$TMP/nginx.conf"
    fi
    "${pin_srv[@]}" "$NGINX" -c "$TMP/nginx.conf" -p "$TMP/nginx/" -e "$TMP/nginx/error.log" \
        -g 'daemon off;' &
    NGINX_PID=$!
}
# launch_nginx, then wait until it answers a chat completion POST on UP_URL with 200.
start_nginx() {
    local i code=""
    log "starting nginx on 127.0.0.1:$UPSTREAM_PORT"
    launch_nginx
    # nginx answers 404 on / ; probe the chat path with a POST instead.
    for i in $(seq 1 100); do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 -X POST \
            -H 'content-type: application/json' -d "$(body_for bench)" "$UP_URL" || true)
        [ "$code" = 200 ] && return 0
        kill -0 "$NGINX_PID" 2>/dev/null || { cat "$TMP/nginx/error.log" >&2 || true; die "nginx exited"; }
        sleep 0.1
    done
    die "nginx did not answer 200 on $UP_URL"
}

# Rampart config with the one alias `bench` -> the nginx upstream.
# GUARD=off|monitor|enforce sets guard.input.mode and OUTPUT_GUARD guard.output.mode
# (both default off: the proxy core alone). The audit trail is on, as always, with its database
# and journal in $TMP/state; AUDIT_TEXT=none|hash|redacted|full sets store.text (unset: the
# default, hash, and no store section, so that builds from before the audit trail run too).
write_bench_config() { # file
    cat > "$1" <<EOF
server: {host: 127.0.0.1, port: $RAMPART_PORT, state_dir: "$TMP/state"}
${AUDIT_TEXT+store: {text: $AUDIT_TEXT\}}
guard: {input: {mode: ${GUARD:-off}}, output: {mode: ${OUTPUT_GUARD:-off}}}
providers:
  - {id: static, kind: openai, base_url: "http://127.0.0.1:$UPSTREAM_PORT/v1", api_key: bench-key}
models:
  - {alias: bench, targets: [{provider: static, model: static-model}]}
EOF
}

# Rampart serving config at log level, in the background (under pin_srv),
# stderr to $TMP/rampart.log; sets RAMPART_PID.
launch_rampart() { # config log-level
    "${pin_srv[@]}" "$RAMPART_BIN" serve --config "$1" --log-level "$2" 2> "$TMP/rampart.log" &
    RAMPART_PID=$!
}
# launch_rampart, then wait until /healthz answers 200.  what: words for the
# log line after the binary ("with x.yaml").
start_rampart() { # config log-level [what]
    log "starting Rampart ($RAMPART_BIN)${3:+ $3} on 127.0.0.1:$RAMPART_PORT"
    launch_rampart "$1" "$2"
    wait_for "http://127.0.0.1:$RAMPART_PORT/healthz" "$RAMPART_PID" \
        || { cat "$TMP/rampart.log" >&2; die "Rampart did not become healthy"; }
}

# ---------------------------------------------------------------- /proc
cpu_ticks() { local s; read -r s < "/proc/$1/stat"; s=${s##*) }; set -- $s; echo $(( ${12} + ${13} )); }
thread_ticks() { # pid name: CPU ticks of the process's threads called name (0 when none)
    local n=0 t
    for t in /proc/"$1"/task/*; do
        [ "$(cat "$t/comm" 2>/dev/null)" = "$2" ] && n=$((n + $(cpu_ticks "${t#/proc/}")))
    done
    echo "$n"
}
ctx_switches() { # voluntary + involuntary context switches summed over the process's threads
    local n=0 k v f
    for f in /proc/"$1"/task/*/status; do
        while read -r k v; do
            case $k in voluntary_ctxt_switches:|nonvoluntary_ctxt_switches:) n=$((n + v)) ;; esac
        done < "$f" 2>/dev/null || true
    done
    echo "$n"
}

# ---------------------------------------------------------------- wrk
# run_wrk TAG THREADS CONNS SECONDS URL [MODEL]: wrk (under pin_wrk) with
# bench/post.lua, its model set to MODEL (default bench) and, when WRK_BEARER
# is set, an `Authorization: Bearer $WRK_BEARER` header; output in
# $RESULTS_DIR/TAG.txt, which must end in a WRK_RESULT line.
run_wrk() {
    local tag=$1 t=$2 c=$3 d=$4 url=$5 model=${6:-bench} out="$RESULTS_DIR/$1.txt"
    local script="$TMP/post-$model.lua"
    sed "s/\"model\":\"bench\"/\"model\":\"$model\"/" "$BENCH/post.lua" > "$script"
    grep -q "\"model\":\"$model\"" "$script" || die "could not set the model in post.lua"
    if [ -n "${WRK_BEARER:-}" ]; then echo "wrk.headers[\"Authorization\"] = \"Bearer $WRK_BEARER\"" >> "$script"; fi
    "${pin_wrk[@]}" wrk -t"$t" -c"$c" -d"${d}s" --timeout 5s --latency -s "$script" "$url" > "$out" 2>&1 \
        || { cat "$out" >&2; die "wrk failed ($tag)"; }
    grep -q '^WRK_RESULT ' "$out" || { cat "$out" >&2; die "no WRK_RESULT in wrk output ($tag)"; }
}
field() { # tag name: a value of the WRK_RESULT line of run tag
    sed -n "/^WRK_RESULT /s/.*[[:space:]]$2=\([^[:space:]]*\).*/\1/p" "$RESULTS_DIR/$1.txt"
}
FAILED_RUNS=0
check_errors() { # tag: counts the run in FAILED_RUNS when it had non-2xx responses or socket errors
    local n s
    n=$(field "$1" non2xx); s=$(field "$1" socket_errors)
    if [ "$n" != 0 ] || [ "$s" != 0 ]; then
        log "run $1: $n non-2xx responses, $s socket errors -> FAIL"
        FAILED_RUNS=$((FAILED_RUNS + 1))
    fi
}

# ---------------------------------------------------------------- report
machine_desc() { echo "$(nproc) CPUs: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)"; }
binary_line() { echo "$SOURCE_NOTE; binary: $RAMPART_BIN (modified $BIN_TIME)"; }
