#!/usr/bin/env bash
# Run by tools/peers/venv.sh after installing the eval venv (its hash is part of the venv's key). Usage: VENV_DIR
set -euo pipefail
venv="$1"

# LightEval 0.13 imports lighteval/tasks/tasks/tiny_benchmarks.py with its task registry, and that module downloads
# tinyBenchmarks.pkl from GitHub at import time unless the file already sits next to it: every `lighteval` command then
# fails where GitHub is unreachable (offline CI, HF_HUB_OFFLINE). The file at that path is never read (compute_corpus
# opens a different, relative path), so an empty placeholder only removes the import-time download.
for module in "$venv"/lib/python3*/site-packages/lighteval/tasks/tasks/tiny_benchmarks.py; do
  [[ -f "$module" ]] || continue
  pkl="$(dirname "$module")/tinyBenchmarks.pkl"
  [[ -f "$pkl" ]] || : > "$pkl"
done
