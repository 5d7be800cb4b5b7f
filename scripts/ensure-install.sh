#!/usr/bin/env bash
# Installs the workspace from package-lock.json (npm ci) when node_modules is missing or the lock file changed since
# the last install, so the quickstart commands work on a fresh clone.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.domain-eval-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "Installing dependencies from package-lock.json (npm ci)..." >&2
  npm ci --no-audit --no-fund >&2
  echo "$want" > "$stamp"
fi
