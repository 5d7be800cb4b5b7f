import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ExamItem } from "@domain-eval/core";
import { writeDatasetFolder } from "@domain-eval/hub-publisher";
import { reviewedExamItem } from "@domain-eval/testing";
import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, test } from "vitest";
import { readDatasetSource } from "./dataset-source.js";
import { EvaluationError } from "./evaluation-error.js";

function item(index: number, answer: number): ExamItem {
  return reviewedExamItem({ index, question: `Question ${index}?`, choices: ["a", "b", "c", "d"], answer });
}

async function problem(dataset: string): Promise<string> {
  const error = await readDatasetSource({ dataset }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(EvaluationError);
  expect((error as EvaluationError).code).toBe("INVALID_DATASET");
  return (error as Error).message;
}

describe("readDatasetSource", () => {
  test("reads the test split's ids and keys in file order and hashes the Parquet files", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "dataset-source-")), "exam");
    await writeDatasetFolder({
      items: [0, 1, 2, 3, 0, 1].map((answer, i) => item(i, answer)),
      dir,
      splits: { dev: 2 },
      card: { prettyName: "Exam", license: "cc-by-4.0", language: "en" },
    });
    const source = await readDatasetSource({ dataset: dir });
    expect(source.questions).toEqual([
      { id: "q2", gold: 2, closedBookRate: null },
      { id: "q3", gold: 3, closedBookRate: null },
      { id: "q4", gold: 0, closedBookRate: null },
      { id: "q5", gold: 1, closedBookRate: null },
    ]);
    expect(source.revision).toMatch(/^sha256:[0-9a-f]{64}$/u);
    expect((await readDatasetSource({ dataset: dir })).revision).toBe(source.revision);
    await writeDatasetFolder({
      items: [0, 1, 2, 3, 0, 2].map((answer, i) => item(i, answer)),
      dir,
      splits: { dev: 2 },
      card: { prettyName: "Exam", license: "cc-by-4.0", language: "en" },
    });
    expect((await readDatasetSource({ dataset: dir })).revision).not.toBe(source.revision);
  });

  test("a folder without Parquet, without a test split, or lacking columns: one line naming what is missing", async () => {
    const root = await mkdtemp(join(tmpdir(), "dataset-source-"));
    await mkdir(join(root, "empty"));
    expect(await problem(join(root, "empty"))).toContain("no data/*.parquet files");
    await mkdir(join(root, "dev-only", "data"), { recursive: true });
    const parquet = (columns: Record<string, unknown[]>) =>
      Buffer.from(parquetWriteBuffer({ columnData: Object.entries(columns).map(([name, data]) => ({ name, data })) }));
    await writeFile(join(root, "dev-only", "data", "dev-00000-of-00001.parquet"), parquet({ question: ["q"] }));
    expect(await problem(join(root, "dev-only"))).toContain("has no test split: no data/test-*.parquet file");
    await mkdir(join(root, "columns", "data"), { recursive: true });
    await writeFile(
      join(root, "columns", "data", "test-00000-of-00001.parquet"),
      parquet({ question: ["q"], label: [1] }),
    );
    const message = await problem(join(root, "columns"));
    expect(message).toBe(
      "data/test-00000-of-00001.parquet lacks the columns choices, answer (it has question, label): evaluate reads question, choices and answer",
    );
    expect(message.split("\n")).toHaveLength(1);
  });

  test("a Hub id passes through with its revision", async () => {
    expect(await readDatasetSource({ dataset: "acme/treasury-exam", revision: "abc123" })).toEqual({
      location: "acme/treasury-exam",
      isLocal: false,
      name: "treasury-exam",
      revision: "abc123",
      questions: [],
    });
  });
});
