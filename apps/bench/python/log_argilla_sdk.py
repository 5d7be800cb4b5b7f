"""Review ingestion with the argilla SDK: `dataset.records.log` (its default batch size, 256) into the same server.

Reads a job (JSON) on stdin: {"api_url": "...", "dataset_name": "...", "workspace": "argilla", "items_path": "..."};
the key comes from ARGILLA_API_KEY. The items are read before the clock starts; building the SDK records is timed,
as is the upload. Prints one JSON line with the measurements on stdout.
"""

import json
import resource
import sys
import time

from exam_records import exam_record, open_argilla_dataset


def main() -> None:
    job = json.load(sys.stdin)
    rg, dataset = open_argilla_dataset(job)
    with open(job["items_path"], encoding="utf-8") as f:
        items = [json.loads(line) for line in f if line.strip()]

    cpu_before = time.process_time()
    started = time.perf_counter()
    records = [exam_record(rg, item) for item in items]
    dataset.records.log(records)
    wall = time.perf_counter() - started
    print(
        json.dumps(
            {
                "wallMs": wall * 1000,
                "cpuMs": (time.process_time() - cpu_before) * 1000,
                "records": len(records),
                "maxRssKB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            }
        )
    )


if __name__ == "__main__":
    main()
