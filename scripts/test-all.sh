#!/usr/bin/env bash
# The whole test suite (the README's test command; .ci/run calls it): install, lint, build, typecheck, unit tests,
# then the real peers (Argilla + OpenSearch + Redis, the Python eval stack), the integration tests against them, and
# a smoke-sized run of every benchmark workload so the benchmarks never rot. Ends with one line adding up vitest's
# per-package summaries.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
bash scripts/ensure-install.sh
npx biome ci .
# two tasks at a time, one per CPU: each vitest run already uses every CPU, and more at once made CLI-spawning tests
# miss their timeouts on a slow 2-CPU machine
npx turbo run build typecheck test --concurrency=2 2>&1 | tee -a "$log"
bash tools/peers/up.sh
# Release readiness: the changesets parse and `changeset version` works (temp copy); every publishable package passes
# the packaging checks (fields, LICENSE, publint, attw) and works from its tarball in a fresh project (consumer test:
# README examples, require(), nodenext/bundler types, a LangChain app). See CONTRIBUTING.md "Releases".
node scripts/release/check-changesets.mjs
node scripts/release/check-packages.mjs
node scripts/release/consumer-test.mjs
npx turbo run test:int --concurrency=1 2>&1 | tee -a "$log"
npx turbo run bench:smoke --concurrency=1
sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '
  / Tests  / { for (i = 2; i <= NF; i++) { if ($i == "passed") p += $(i-1); if ($i == "failed") f += $(i-1); if ($i == "skipped") s += $(i-1) } }
  END { printf "%d passed, %d failed, %d skipped\n", p, f, s }'
