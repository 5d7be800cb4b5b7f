#!/usr/bin/env bash
# The whole test suite (the README's test command; .ci/run calls it): install, lint, build, typecheck, unit tests,
# then the real peers (Argilla + OpenSearch + Redis, the Python eval stack) and the integration tests against them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-install.sh
npx biome ci .
npx turbo run build typecheck test
if [ -f tools/peers/up.sh ]; then
  bash tools/peers/up.sh
  npx turbo run test:int --concurrency=1
fi
