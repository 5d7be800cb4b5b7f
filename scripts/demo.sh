#!/usr/bin/env bash
# The README's demo command: runs the whole domain-eval pipeline on the sample documents in examples/documents with
# whatever model is configured (OPENAI_BASE_URL + DOMAIN_EVAL_MODEL, or --model-file PATH.gguf), else with the
# embedded SmolLM2-135M-Instruct (fetched once into $DOMAIN_EVAL_CACHE/models; the CLI says so and how to use a real
# model). With ARGILLA_API_URL/ARGILLA_API_KEY set the questions go to Argilla for review (a wrong key or an
# unreachable server fails with the reason and exit 1, before any model call); without ARGILLA_API_URL, review is
# skipped and the questions are published marked as unreviewed. Extra arguments go to `domain-eval run` (a second
# `--docs` replaces the default folder: `npm run demo -- --docs examples/documents-ja --language ja`).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-install.sh
npx turbo run build --filter=@domain-eval/demo... --output-logs=errors-only >&2
review=(--skip-review)
if [ -n "${ARGILLA_API_URL:-}" ]; then review=(); fi
exec node apps/demo/dist/cli.js run --docs examples/documents --out out/demo --dataset demo_exam "${review[@]}" "$@"
