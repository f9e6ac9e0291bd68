#!/usr/bin/env bash
# Runs every test Rampart has: the Swift unit tests, then the end-to-end suite that drives a real
# `rampart serve` with the official OpenAI and Anthropic Python SDKs and local fake upstreams.
# Installs the Python test clients when they are missing (and, in CI, headless Chromium). Exits
# non-zero if anything fails.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! python3 -c "import openai, anthropic, pytest" 2>/dev/null; then
  echo "==> installing Python test clients (tests/e2e/requirements.txt)"
  python3 -m pip install --quiet --disable-pip-version-check -r tests/e2e/requirements.txt
fi

# Debian packages: SQLite's headers (the audit store builds against the system SQLite, through
# GRDB) wherever they are missing; in CI also headless Chromium, which the red-team HTML report
# test renders the report in (outside CI that test is skipped when Chromium is missing).
packages=()
[ -e /usr/include/sqlite3.h ] || packages+=(libsqlite3-dev)
if [ "${CI:-}" = "true" ] && ! command -v chromium >/dev/null 2>&1; then packages+=(chromium); fi
if [ ${#packages[@]} -gt 0 ]; then
  echo "==> installing ${packages[*]} (apt-get)"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${packages[@]}" >/dev/null
fi

echo "==> building (debug, with tests)"
# One build for both steps: `swift test --skip-build` reuses it, and the e2e suite runs its binary.
swift build --build-tests

echo "==> Swift unit tests"
swift test --skip-build

echo "==> end-to-end tests (official SDKs against .build/debug/rampart)"
RAMPART_BIN="$PWD/.build/debug/rampart" python3 -m pytest tests/e2e -q -p no:cacheprovider
