"""The Argilla record for an exam item, built with the argilla SDK the way a Python user would.

It mirrors what `logExamRecords` sends (see packages/argilla-client/src/exam-record.ts): fields `question`,
`answer_a`..., quotes as markdown; the generator's answer as a `correct_answer` suggestion; provenance in metadata;
the item id as the record id (Argilla's `external_id`).
"""

import os
import string


def citations_markdown(citations):
    quotes = [c for c in citations if c.strip()]
    if not quotes:
        return None
    return "\n\n".join("\n".join(f"> {line}" for line in c.split("\n")) for c in quotes)


def exam_record(rg, item):
    fields = {"question": item["question"]}
    for index, choice in enumerate(item["choices"]):
        fields[f"answer_{string.ascii_lowercase[index]}"] = choice
    quotes = citations_markdown(item["citations"])
    if quotes:
        fields["citations"] = quotes
    return rg.Record(
        id=item["id"],
        fields=fields,
        metadata={
            "source_document": item["source_document_id"],
            "generator_model": item["generator_model"],
            "subject": item["subject"],
            "source_chunk_id": item["source_chunk_id"],
            "exam_citations": list(item["citations"]),
            "prompt_version": item["prompt_version"],
            "choice_count": len(item["choices"]),
        },
        suggestions=[
            rg.Suggestion(
                question_name="correct_answer",
                value=string.ascii_uppercase[item["answer"]],
                agent=item["generator_model"],
                type="model",
            )
        ],
    )


def open_argilla_dataset(job):
    """The SDK client's view of the benchmark dataset named in a worker job; exits with a message when it is missing."""
    import argilla as rg

    client = rg.Argilla(api_url=job["api_url"], api_key=os.environ["ARGILLA_API_KEY"])
    dataset = client.datasets(name=job["dataset_name"], workspace=job["workspace"])
    if dataset is None:
        raise SystemExit(f"dataset {job['dataset_name']} not found in workspace {job['workspace']}")
    return rg, dataset
