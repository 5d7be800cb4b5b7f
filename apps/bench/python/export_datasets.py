"""Export with `datasets`: the same exam items to Parquet, two ways.

- `from_list`: `Dataset.from_list(items).to_parquet(path)` (the whole list in memory first);
- `from_generator`: `Dataset.from_generator(gen).to_parquet(path)`, the streaming way: rows go from the JSONL through
  a generator into an Arrow cache file on disk (in the job's work folder), then to Parquet.

Reads a job (JSON) on stdin: {"items_path": "items.jsonl", "out_dir": "...", "mode": "from_list" | "from_generator",
"cache_dir": "..."}. The clock includes reading the JSONL (as ours does: our writer streams it), so both sides do the
same work from the same file. Prints one JSON line with time, peak memory (ru_maxrss) and the file size.
"""

import json
import os
import resource
import sys
import time


def read_items(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


def main() -> None:
    job = json.load(sys.stdin)
    from datasets import Dataset, disable_progress_bars

    disable_progress_bars()
    baseline_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    os.makedirs(job["out_dir"], exist_ok=True)
    path = os.path.join(job["out_dir"], "test.parquet")
    mode = job.get("mode", "from_list")

    cpu_before = time.process_time()
    started = time.perf_counter()
    if mode == "from_list":
        dataset = Dataset.from_list(list(read_items(job["items_path"])))
    elif mode == "from_generator":
        dataset = Dataset.from_generator(
            read_items, gen_kwargs={"path": job["items_path"]}, cache_dir=job["cache_dir"], keep_in_memory=False
        )
    else:
        raise SystemExit(f"unknown mode {mode!r}: use from_list or from_generator")
    dataset.to_parquet(path)
    wall = time.perf_counter() - started
    print(
        json.dumps(
            {
                "wallMs": wall * 1000,
                "cpuMs": (time.process_time() - cpu_before) * 1000,
                "rows": len(dataset),
                "bytes": os.path.getsize(path),
                "baselineRssKB": baseline_kb,
                "maxRssKB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            }
        )
    )


if __name__ == "__main__":
    main()
