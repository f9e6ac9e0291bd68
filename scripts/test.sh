#!/usr/bin/env bash
# Runs every test Rampart has: the Swift unit tests, then the end-to-end suite that drives a real
# `rampart serve` with the official OpenAI and Anthropic Python SDKs and local fake upstreams, and
# builds (does not run) the benchmark package in Benchmarks/.
# Installs the Python test clients when they are missing (and, in CI, headless Chromium). Exits
# non-zero if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! python3 -c "import openai, anthropic, pytest, psycopg, prometheus_client, websocket" 2>/dev/null; then
  echo "==> installing Python test clients (tests/e2e/requirements.txt)"
  python3 -m pip install --quiet --disable-pip-version-check -r tests/e2e/requirements.txt
fi

# Debian packages: SQLite's headers (the audit store builds against the system SQLite, through
# GRDB) wherever they are missing; in CI also headless Chromium, which the red-team HTML report
# test renders the report in, PostgreSQL, which the store tests run against as well as SQLite, and
# nginx (outside CI those tests are skipped when Chromium, PostgreSQL or nginx is missing).
packages=()
[ -e /usr/include/sqlite3.h ] || packages+=(libsqlite3-dev)
postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if [ "${CI:-}" = "true" ] && ! command -v chromium >/dev/null 2>&1; then packages+=(chromium); fi
if [ "${CI:-}" = "true" ] && [ -z "${RAMPART_TEST_POSTGRES_URL:-}" ] && [ -z "$(postgres_bin)" ]; then packages+=(postgresql); fi
# nginx: the load balancer in front of two replicas in the rolling-restart test.
if [ "${CI:-}" = "true" ] && ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then packages+=(nginx); fi
if [ ${#packages[@]} -gt 0 ]; then
  echo "==> installing ${packages[*]} (apt-get)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
fi

# A throwaway PostgreSQL server for the store tests (unless RAMPART_TEST_POSTGRES_URL names one):
# its own cluster in a temporary directory, on a free port, stopped when this script exits.
if [ -z "${RAMPART_TEST_POSTGRES_URL:-}" ] && [ -n "$(postgres_bin)" ]; then
  pg_dir="$(mktemp -d /tmp/rampart-test-pg.XXXXXX)"
  pg_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  as_postgres=(); [ "$(id -u)" -eq 0 ] && { chown postgres "$pg_dir"; as_postgres=(runuser -u postgres --); }
  echo "==> starting PostgreSQL for the store tests (port $pg_port)"
  "${as_postgres[@]}" "$(postgres_bin)/initdb" -D "$pg_dir/data" -A trust -U postgres >"$pg_dir/initdb.log"
  "${as_postgres[@]}" "$(postgres_bin)/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  trap '"${as_postgres[@]}" "$(postgres_bin)/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null; rm -rf "$pg_dir"' EXIT
  export RAMPART_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$pg_port/postgres"
elif [ -z "${RAMPART_TEST_POSTGRES_URL:-}" ]; then
  echo "==> PostgreSQL not found: the store tests run against SQLite only (CI installs it and runs both)"
fi

echo "==> building (debug, with tests)"
# One build for both steps: `swift test --skip-build` reuses it, and the e2e suite runs its binary.
swift build --build-tests

echo "==> Swift unit tests"
swift test --skip-build

echo "==> end-to-end tests (official SDKs against .build/debug/rampart)"
RAMPART_BIN="$PWD/.build/debug/rampart" python3 -m pytest tests/e2e -q -p no:cacheprovider

echo "==> benchmark package builds (Benchmarks/, not run: BENCHMARKS.md says how)"
swift build --package-path Benchmarks
