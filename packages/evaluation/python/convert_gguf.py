"""Converts a GGUF model file to a transformers model folder (de-quantized), for LightEval's transformers backend.

Usage: python convert_gguf.py GGUF_FILE OUT_DIR
Writes into OUT_DIR.partial-<pid> and renames it to OUT_DIR at the end, so an interrupted conversion leaves nothing
that looks finished. Needs the `gguf` package (transformers reads GGUF with it).
"""

import os
import shutil
import sys

gguf_file, out_dir = sys.argv[1], sys.argv[2]
folder, name = os.path.split(os.path.abspath(gguf_file))
try:
    import gguf  # noqa: F401
except ImportError:
    sys.exit("ImportError: the gguf package is missing from this Python: install it (pip install gguf) to load GGUF files")

from transformers import AutoModelForCausalLM, AutoTokenizer  # noqa: E402

partial = f"{out_dir}.partial-{os.getpid()}"
shutil.rmtree(partial, ignore_errors=True)
tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name)
model = AutoModelForCausalLM.from_pretrained(folder, gguf_file=name)
if tokenizer.eos_token is None:
    sys.exit(f"ValueError: {name} has no end-of-sequence token; LightEval needs one")
model.save_pretrained(partial)
tokenizer.save_pretrained(partial)
if os.path.isdir(out_dir):
    shutil.rmtree(partial)  # another process finished first
else:
    os.rename(partial, out_dir)
print(out_dir)
