#!/usr/bin/env bash
# Make sure a headless-capable Chromium is installed for the report's browser tests, and print its path on stdout.
#
#   tools/browser/ensure-chromium.sh
#
# Uses $DOMAIN_EVAL_CHROMIUM when set, else the first of chromium / chromium-browser / google-chrome on PATH. When
# none is found it installs Debian's `chromium` package with apt-get (as tools/peers/up.sh does for Redis) when run
# as root, and otherwise says what to install. Idempotent and quick when Chromium is there; serialized with flock so
# parallel test processes can all call it. Progress and errors go to stderr.
set -euo pipefail
cache="${DOMAIN_EVAL_CACHE:-$HOME/.cache/domain-eval}"
logs="$cache/browser"
say_prefix=browser
# shellcheck source=tools/lib/say-fail.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib/say-fail.sh"

if [[ -n "${DOMAIN_EVAL_CHROMIUM:-}" ]]; then
  [[ -x "$DOMAIN_EVAL_CHROMIUM" ]] || fail "DOMAIN_EVAL_CHROMIUM=$DOMAIN_EVAL_CHROMIUM is not an executable: fix or unset it"
  echo "$DOMAIN_EVAL_CHROMIUM"
  exit 0
fi

find_chromium() {
  local name
  for name in chromium chromium-browser google-chrome; do
    if command -v "$name" > /dev/null; then
      command -v "$name"
      return 0
    fi
  done
  return 1
}

if path="$(find_chromium)"; then
  echo "$path"
  exit 0
fi

mkdir -p "$logs"
exec 8> "$logs/install.lock"
flock 8
# Another process may have installed it while we waited for the lock.
if path="$(find_chromium)"; then
  echo "$path"
  exit 0
fi
if [[ "$(id -u)" != 0 ]]; then
  fail "chromium not found: install it (sudo apt-get install chromium) or set DOMAIN_EVAL_CHROMIUM to a Chromium/Chrome binary, then run this again"
fi
command -v apt-get > /dev/null ||
  fail "chromium not found and apt-get is missing: install Chromium with your package manager or set DOMAIN_EVAL_CHROMIUM"
say "installing chromium with apt-get (log: $logs/apt.log)"
{ apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium; } \
  > "$logs/apt.log" 2>&1 || fail "apt-get install chromium failed" "$logs/apt.log"
path="$(find_chromium)" || fail "chromium was installed but is not on PATH" "$logs/apt.log"
echo "$path"
