import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { EXAM_ITEM_COLUMNS, type ExamItem } from "@domain-eval/core";
import { evalPython, offlinePythonEnv } from "@domain-eval/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AWKWARD_TEXTS, CARD, makeExamItems } from "../test/exam-items.js";
import { type DatasetFolder, writeDatasetFolder } from "./dataset-folder.js";

const REPORT_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "..", "test", "load_dataset_report.py");

interface SplitReport {
  num_rows: number;
  features: Record<string, unknown>;
  answer_names: string[];
  answer_letters: string[];
  rows: ExamItem[];
}
interface Report {
  datasets_version: string;
  splits: Record<string, SplitReport>;
  parquet: Record<string, { types: Record<string, string>; num_row_groups: number; huggingface: unknown }>;
  single_file: Record<string, Record<string, unknown>>;
  card: Record<string, unknown>;
}

let work: string;
let items: ExamItem[];
let folder: DatasetFolder;
let report: Report;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "hub-publisher-int-"));
  // 4- and 5-option rows, reviewed and unreviewed, every text column carrying emoji, RTL, CRLF and markdown.
  items = makeExamItems(1234, { fiveOptionsEvery: 9 });
  folder = await writeDatasetFolder({
    items: (async function* () {
      yield* items;
    })(),
    dir: join(work, "treasury exam"),
    card: CARD,
    splits: { dev: 5 },
    rowGroupSize: 500,
  });
  const reportPath = join(work, "report.json");
  await promisify(execFile)(evalPython(), [REPORT_SCRIPT, folder.dir, reportPath], {
    env: offlinePythonEnv({ HF_DATASETS_CACHE: join(work, "hf-cache") }),
    maxBuffer: 64 * 1024 * 1024,
  });
  report = JSON.parse(await readFile(reportPath, "utf8")) as Report;
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("a written folder, loaded by Python `datasets` and pyarrow", () => {
  it("has exactly the declared splits and row counts", () => {
    expect(Object.keys(report.splits).sort()).toEqual(["dev", "test"]);
    expect(report.splits.test?.num_rows).toBe(1229);
    expect(report.splits.dev?.num_rows).toBe(5);
  });

  it("gives every split the declared features: string lists, and answer as a class label A–E", () => {
    for (const split of Object.values(report.splits)) {
      expect(Object.keys(split.features)).toEqual([...EXAM_ITEM_COLUMNS]);
      expect(split.features.answer).toEqual({ names: ["A", "B", "C", "D", "E"], _type: "ClassLabel" });
      expect(split.features.choices).toEqual({ feature: { dtype: "string", _type: "Value" }, _type: "List" });
      expect(split.features.citations).toEqual({ feature: { dtype: "string", _type: "Value" }, _type: "List" });
      expect(split.features.reviewer_count).toEqual({ dtype: "int64", _type: "Value" });
      expect(split.features.agreement).toEqual({ dtype: "float64", _type: "Value" });
      expect(split.features.validation_closed_book).toEqual({ dtype: "float64", _type: "Value" });
      expect(split.features.validation_position_sensitive).toEqual({ dtype: "bool", _type: "Value" });
      expect(split.features.question).toEqual({ dtype: "string", _type: "Value" });
      expect(split.answer_names).toEqual(["A", "B", "C", "D", "E"]);
    }
  });

  it("carries the validation rates: nullable floats and a nullable bool", () => {
    const rows = [...(report.splits.dev?.rows ?? []), ...(report.splits.test?.rows ?? [])];
    expect(rows[0]).toMatchObject({
      validation_open_book: 0.75,
      validation_closed_book: 1,
      validation_position_sensitive: true,
    });
    expect(rows[1]).toMatchObject({ validation_open_book: null, validation_position_sensitive: null });
    expect(rows[5]).toMatchObject({ validation_closed_book: 0.25, validation_position_sensitive: false });
  });

  it("returns values equal to the input, unicode included, in order", () => {
    expect(report.splits.dev?.rows).toEqual(items.slice(0, 5));
    expect(report.splits.test?.rows).toEqual(items.slice(5));
    const texts = report.splits.test?.rows.map((r) => r.question).join("\n") ?? "";
    for (const awkward of AWKWARD_TEXTS) expect(texts).toContain(awkward);
    expect(report.splits.test?.answer_letters.slice(0, 3)).toEqual(
      items.slice(5, 8).map((item) => "ABCDE"[item.answer]),
    );
  });

  it("stores the columns with the Arrow types the features promise, in row groups", () => {
    for (const [split, parquet] of Object.entries(report.parquet)) {
      expect(parquet.types).toEqual({
        id: "string",
        question: "string",
        subject: "string",
        choices: "list<element: string>",
        answer: "int64",
        source_document_id: "string",
        source_chunk_id: "string",
        citations: "list<element: string>",
        generator_model: "string",
        prompt_version: "string",
        review_status: "string",
        reviewer_count: "int64",
        agreement: "double",
        validation_open_book: "double",
        validation_closed_book: "double",
        validation_options_only: "double",
        validation_position_sensitive: "bool",
      });
      expect(parquet.num_row_groups).toBe(split === "test" ? 3 : 1);
    }
  });

  it("carries the same features inside each Parquet file, so a single file loads with the class label too", () => {
    for (const [split, features] of Object.entries(report.single_file)) {
      expect(features).toEqual(report.splits[split]?.features);
    }
  });

  it("has a card huggingface_hub parses, with string class-label keys and exact split sizes", () => {
    expect(report.card).toMatchObject({
      pretty_name: "Acme Treasury Exam",
      license: "cc-by-4.0",
      task_categories: ["multiple-choice", "question-answering"],
      size_categories: ["1K<n<10K"],
      dataset_info: {
        splits: [
          { name: "test", num_examples: 1229 },
          { name: "dev", num_examples: 5 },
        ],
      },
    });
    const features = (report.card.dataset_info as { features: { name: string; dtype?: unknown }[] }).features;
    expect(features.find((f) => f.name === "answer")?.dtype).toEqual({
      class_label: { names: { "0": "A", "1": "B", "2": "C", "3": "D", "4": "E" } },
    });
  });
});
