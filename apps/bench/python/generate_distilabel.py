"""Generation orchestration with distilabel: the same prompts against the same scripted OpenAI-compatible server.

Reads a job (JSON) on stdin:
  {"base_url": "http://127.0.0.1:PORT/v1", "prompts_path": "prompts.jsonl", "input_batch_size": 50,
   "model": "gpt-4o-mini", "work_dir": "/tmp/..."}
prompts.jsonl holds, per chunk, the exact `messages` and `response_format` our question chain sent (captured from the
server), so both sides send the same requests. Prints one JSON line with the measurements on stdout.

distilabel's own `structured_output` for OpenAILLM goes through `instructor`; here the same JSON-schema
`response_format` is sent through `generation_kwargs.extra_body`, so the wire request matches ours.
"""

import json
import os
import resource
import sys
import time


def cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    job = json.load(sys.stdin)
    os.environ.setdefault("DISTILABEL_LOG_LEVEL", "WARNING")
    # distilabel writes its pipeline cache under DISTILABEL_CACHE_DIR: keep it in the bench's work dir.
    os.environ["DISTILABEL_CACHE_DIR"] = os.path.join(job["work_dir"], "distilabel-cache")

    from distilabel.models import OpenAILLM
    from distilabel.pipeline import Pipeline
    from distilabel.steps import LoadDataFromDicts
    from distilabel.steps.tasks import ChatGeneration

    rows = []
    with open(job["prompts_path"], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
    response_format = rows[0]["response_format"]
    data = [{"messages": row["messages"]} for row in rows]

    cpu_before = cpu_seconds()
    started = time.perf_counter()
    with Pipeline(name="domain-eval-bench-generation") as pipeline:
        load = LoadDataFromDicts(data=data, batch_size=job["input_batch_size"])
        generate = ChatGeneration(
            llm=OpenAILLM(
                model=job["model"],
                base_url=job["base_url"],
                api_key="bench",  # the scripted server checks no key
                max_retries=0,
                timeout=120,
                generation_kwargs={
                    "max_new_tokens": 2048,
                    "temperature": 0.0,
                    "extra_body": {"response_format": response_format},
                },
            ),
            input_batch_size=job["input_batch_size"],
        )
        load >> generate
    distiset = pipeline.run(use_cache=False)
    split = distiset["default"]["train"]
    questions = 0
    failures = 0
    for generation in split["generation"]:
        try:
            questions += len(json.loads(generation)["questions"])
        except (TypeError, ValueError, KeyError):
            failures += 1
    wall = time.perf_counter() - started
    cpu = cpu_seconds() - cpu_before
    print(
        json.dumps(
            {
                "wallMs": wall * 1000,
                "cpuMs": cpu * 1000,
                "questions": questions,
                "failures": failures,
                "rows": len(split),
                "maxRssKB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            }
        )
    )


if __name__ == "__main__":
    main()
