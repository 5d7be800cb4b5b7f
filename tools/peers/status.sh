#!/usr/bin/env bash
# Which peers that tools/peers/up.sh started are running now (by their pidfiles): one "NAME PID" line each on stdout.
# Exit 0 when all four run, 3 when none does, 1 when only some do.
#
#   tools/peers/status.sh
set -euo pipefail
# shellcheck source=tools/peers/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case "${1:-}" in
  "") ;;
  -h | --help)
    sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *) fail "unknown argument $1 (try --help)" ;;
esac

running=0
for name in opensearch redis argilla argilla-worker; do
  pid="$(pid_of "$name")"
  if [[ -n "$pid" ]]; then
    echo "$name $pid"
    running=$((running + 1))
  fi
done
((running == 4)) && exit 0
((running == 0)) && exit 3
exit 1
