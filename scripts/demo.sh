#!/usr/bin/env bash
# The README's demo command: runs the domain-eval pipeline on the sample documents in examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-install.sh
if [ ! -f apps/demo/package.json ]; then
  echo "The domain-eval CLI (apps/demo) is not built yet: only the core library exists so far. Run 'npm test' to exercise it." >&2
  exit 1
fi
npx turbo run build --filter=@domain-eval/demo... --output-logs=errors-only >&2
node apps/demo/dist/cli.js run --docs examples/documents --out out/demo "$@"
