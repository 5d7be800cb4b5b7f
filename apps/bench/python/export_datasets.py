"""Export with `datasets`: `Dataset.from_list(items).to_parquet(path)` on the same exam items.

Reads a job (JSON) on stdin: {"items_path": "items.jsonl", "out_dir": "..."}. The clock includes reading the JSONL
(as ours does: our writer streams it), so both sides do the same work from the same file. Prints one JSON line with
time, peak memory (ru_maxrss) and the file size.
"""

import json
import os
import resource
import sys
import time


def main() -> None:
    job = json.load(sys.stdin)
    from datasets import Dataset, disable_progress_bars

    disable_progress_bars()
    baseline_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    os.makedirs(job["out_dir"], exist_ok=True)
    path = os.path.join(job["out_dir"], "test.parquet")

    cpu_before = time.process_time()
    started = time.perf_counter()
    with open(job["items_path"], encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]
    Dataset.from_list(items).to_parquet(path)
    wall = time.perf_counter() - started
    print(
        json.dumps(
            {
                "wallMs": wall * 1000,
                "cpuMs": (time.process_time() - cpu_before) * 1000,
                "rows": len(items),
                "bytes": os.path.getsize(path),
                "baselineRssKB": baseline_kb,
                "maxRssKB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            }
        )
    )


if __name__ == "__main__":
    main()
