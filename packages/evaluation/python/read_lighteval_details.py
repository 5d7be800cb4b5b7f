"""Prints LightEval's per-question details (a details_*.parquet file) as one JSON document on stdout.

Usage: python read_lighteval_details.py DETAILS_PARQUET
Each row: the sample index in the evaluated split (LightEval's doc.id), the gold index, the metric values LightEval
computed for that question, the log-likelihood of each choice (loglikelihood tasks) and the generated text
(generative tasks).
"""

import json
import sys

import pyarrow.parquet as pq

rows = []
for row in pq.read_table(sys.argv[1]).to_pylist():
    doc = row.get("doc") or {}
    response = row.get("model_response") or {}
    gold = doc.get("gold_index")
    rows.append(
        {
            "index": int(doc["id"]),
            "gold": gold[0] if isinstance(gold, list) else gold,
            "choices": doc.get("choices") or [],
            "metrics": {k: v for k, v in (row.get("metric") or {}).items() if v is not None},
            "logprobs": response.get("logprobs") or [],
            "text": [t for t in (response.get("text") or []) if t is not None],
        }
    )
rows.sort(key=lambda r: r["index"])
json.dump(rows, sys.stdout)
