"""Reading reviews with the argilla SDK: iterate `dataset.records(with_responses=True, with_suggestions=True)`.

Reads a job (JSON) on stdin: {"api_url": "...", "dataset_name": "...", "workspace": "argilla"}; the key comes from
ARGILLA_API_KEY. For each record it does the minimum a Python user needs to publish the review: the review status
(submitted / discarded / draft / pending) and the majority answer of submitted responses. Prints one JSON line.
"""

import json
import resource
import sys
import time
from collections import Counter

from exam_records import open_argilla_dataset


def review_of(record):
    submitted, discarded, drafts = [], 0, 0
    for response in record.responses:
        if response.question_name != "correct_answer":
            continue
        status = str(response.status.value if hasattr(response.status, "value") else response.status)
        if status == "submitted":
            submitted.append(response.value)
        elif status == "discarded":
            discarded += 1
        else:
            drafts += 1
    if discarded and discarded >= len(submitted):
        return "discarded", None
    if submitted:
        return "submitted", Counter(submitted).most_common(1)[0][0]
    if drafts:
        return "draft", None
    suggestion = record.suggestions["correct_answer"]
    return "pending", suggestion.value if suggestion else None


def main() -> None:
    job = json.load(sys.stdin)
    _, dataset = open_argilla_dataset(job)

    cpu_before = time.process_time()
    started = time.perf_counter()
    statuses = Counter()
    ids = set()
    for record in dataset.records(with_responses=True, with_suggestions=True):
        status, _answer = review_of(record)
        statuses[status] += 1
        ids.add(record.id)
    wall = time.perf_counter() - started
    print(
        json.dumps(
            {
                "wallMs": wall * 1000,
                "cpuMs": (time.process_time() - cpu_before) * 1000,
                "records": sum(statuses.values()),
                "distinctIds": len(ids),
                "statuses": dict(statuses),
                "maxRssKB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            }
        )
    )


if __name__ == "__main__":
    main()
