"""Loads a dataset folder with the real `datasets` library and pyarrow and writes what they saw as JSON.

usage: python load_dataset_report.py <dataset folder> <report.json>
The test compares the report with the rows it wrote; nothing is asserted here.
"""

import json
import sys

import datasets
import pyarrow.parquet as pq
from huggingface_hub import DatasetCard

folder, report_path = sys.argv[1], sys.argv[2]
loaded = datasets.load_dataset(folder)
report = {"datasets_version": datasets.__version__, "splits": {}, "parquet": {}, "single_file": {}}
# The card as huggingface_hub parses it (PyYAML), a different YAML reader from the one that wrote it.
report["card"] = DatasetCard.load(f"{folder}/README.md").data.to_dict()
for name, split in loaded.items():
    report["splits"][name] = {
        "num_rows": split.num_rows,
        "features": split.features.to_dict(),
        "answer_names": split.features["answer"].names,
        "answer_letters": [split.features["answer"].int2str(a) for a in split["answer"]],
        "rows": split.to_list(),
    }
    path = f"{folder}/data/{name}-00000-of-00001.parquet"
    schema = pq.read_schema(path)
    report["parquet"][name] = {
        "types": {field.name: str(field.type) for field in schema},
        "num_row_groups": pq.ParquetFile(path).metadata.num_row_groups,
        "huggingface": json.loads(schema.metadata[b"huggingface"]),
    }
    # Without the card, `datasets` must get the same features from the file's own metadata.
    alone = datasets.load_dataset("parquet", data_files=path, split="train")
    report["single_file"][name] = alone.features.to_dict()

with open(report_path, "w", encoding="utf-8") as out:
    json.dump(report, out)
