"""Tokens per second of llama-cpp-python on a GGUF file: the other side of the local-generation workload.

Reads a job as JSON on stdin: {"model": path, "threads": n, "max_tokens": n, "messages": [...], "runs": n}.
Loads the model once (not timed), answers the chat once to warm up, then times `runs` answers at temperature 0
and prints one JSON line: {"results": [{"completion_tokens", "seconds"}], "version"}.
"""

import json
import sys
import time

import llama_cpp

job = json.load(sys.stdin)
llm = llama_cpp.Llama(
    model_path=job["model"],
    n_ctx=2048,
    n_threads=job["threads"],
    n_threads_batch=job["threads"],
    seed=1,
    verbose=False,
)
llm.create_chat_completion(messages=job["messages"], temperature=0, max_tokens=8)
results = []
for _ in range(job["runs"]):
    started = time.perf_counter()
    out = llm.create_chat_completion(messages=job["messages"], temperature=0, max_tokens=job["max_tokens"])
    seconds = time.perf_counter() - started
    results.append({"completion_tokens": out["usage"]["completion_tokens"], "seconds": seconds})
print(json.dumps({"results": results, "version": llama_cpp.__version__}))
