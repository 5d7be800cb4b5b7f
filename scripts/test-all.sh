#!/usr/bin/env bash
# The whole test suite (the README's test command; .ci/run calls it): install, lint, build, typecheck, unit tests,
# then the real peers (Argilla + OpenSearch + Redis, the Python eval stack), the integration tests against them, and
# a smoke-sized run of every benchmark workload so the benchmarks never rot.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-install.sh
npx biome ci .
npx turbo run build typecheck test
bash tools/peers/up.sh
npx turbo run test:int --concurrency=1
npx turbo run bench:smoke --concurrency=1
