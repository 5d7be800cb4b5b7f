#!/usr/bin/env bash
# Stop the peers that tools/peers/up.sh started (by their pidfiles; never anything else). Idempotent.
#
#   tools/peers/down.sh           # stop; keep data (Argilla's database, OpenSearch indices) for the next up.sh
#   tools/peers/down.sh --purge   # stop and delete that data too
set -euo pipefail
# shellcheck source=tools/peers/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

purge=0
for arg in "$@"; do
  case "$arg" in
    --purge) purge=1 ;;
    -h | --help)
      sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) fail "unknown argument $arg (try --help)" ;;
  esac
done

mkdir -p "$run"
exec 8> "$state/up.lock"
flock 8

# stop NAME: SIGTERM, wait up to 30 s for a clean shutdown, then SIGKILL.
stop() {
  local name="$1" pid
  pid="$(pid_of "$name")"
  if [[ -n "$pid" ]]; then
    say "stopping $name (pid $pid)"
    kill -TERM "$pid" 2> /dev/null || true
    for _ in $(seq 300); do
      kill -0 "$pid" 2> /dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2> /dev/null; then
      say "$name did not stop within 30s; killing it"
      kill -KILL "$pid" 2> /dev/null || true
    fi
  fi
  rm -f "$run/$name.pid"
}

# Dependents first: the worker and the server use Redis and OpenSearch.
stop argilla-worker
stop argilla
stop redis
stop opensearch
rm -f "$env_file"
if ((purge)); then
  say "deleting data in $state (Argilla database, OpenSearch indices)"
  rm -rf "$state/argilla" "$state/opensearch" "$state/redis"
fi
say "down"
