import { mkdir, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ExamItem } from "@domain-eval/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CARD, makeExamItems } from "../test/exam-items.js";
import { readParquetFooter, readParquetRows } from "../test/read-parquet.js";
import { rejection } from "../test/rejection.js";
import { SPLIT_FILE_PATHS, writeDatasetFolder } from "./dataset-folder.js";
import { DatasetPartEncoder, type EncodedDatasetPart, encodedPartTransferList } from "./dataset-part.js";

let work: string;
beforeEach(async () => {
  work = join(tmpdir(), `hub-publisher-part-${process.pid}-${Math.random().toString(36).slice(2)}`);
  await mkdir(work, { recursive: true });
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A part encoded here and passed through a structured clone with its bytes transferred, as a worker posts it. */
function encodedPart(rows: readonly ExamItem[], firstIndex: number, rowGroupSize: number): EncodedDatasetPart {
  const encoder = new DatasetPartEncoder({ firstIndex, rowGroupSize });
  for (const row of rows) encoder.add(row);
  const part = encoder.finish();
  return structuredClone(part, { transfer: encodedPartTransferList(part) });
}

async function files(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of ["README.md", SPLIT_FILE_PATHS.dev, SPLIT_FILE_PATHS.test])
    out[name] = (await readFile(join(dir, name))).toString("base64");
  return out;
}

describe("DatasetPartEncoder + writeDatasetFolder's encodedParts", () => {
  it("parts cut at row-group boundaries give the very bytes of one writer, card included", async () => {
    const items = makeExamItems(2_345, { fiveOptionsEvery: 7 });
    const size = 400;
    const whole = await writeDatasetFolder({ items, dir: join(work, "one"), card: CARD, rowGroupSize: size });
    // dev 5 rows, then row groups of 400: boundaries at 405, 805, …
    const progress: number[] = [];
    const split = await writeDatasetFolder({
      items: items.slice(0, 805),
      encodedParts: [
        Promise.resolve(encodedPart(items.slice(805, 1_605), 805, size)),
        Promise.resolve(encodedPart(items.slice(1_605), 1_605, size)),
      ],
      dir: join(work, "parts"),
      card: CARD,
      rowGroupSize: size,
      onProgress: ({ rows }) => progress.push(rows),
    });
    expect(await files(split.dir)).toEqual(await files(whole.dir));
    expect(split.statistics).toEqual(whole.statistics);
    expect(progress.slice(-2)).toEqual([1_605, 2_345]);
  });

  it("moves multi-page column chunks (offset indexes) too, and a part cut inside a row group still reads back", async () => {
    // questions of ~3 KB: a row group's question column spans several 1 MB pages, so it has an offset index
    const items = makeExamItems(1_400).map((row, i) => ({
      ...row,
      question: `${row.question} ${"x".repeat(3_000 + i)}`,
    }));
    const whole = await writeDatasetFolder({ items, dir: join(work, "one"), card: CARD, rowGroupSize: 700 });
    const aligned = await writeDatasetFolder({
      items: items.slice(0, 705),
      encodedParts: [Promise.resolve(encodedPart(items.slice(705), 705, 700))],
      dir: join(work, "aligned"),
      card: CARD,
      rowGroupSize: 700,
    });
    expect(await files(aligned.dir)).toEqual(await files(whole.dir));
    const cut = await writeDatasetFolder({
      items: items.slice(0, 333),
      encodedParts: [Promise.resolve(encodedPart(items.slice(333), 333, 700))],
      dir: join(work, "cut"),
      card: CARD,
      rowGroupSize: 700,
    });
    const testFile = join(cut.dir, SPLIT_FILE_PATHS.test);
    expect((await readParquetFooter(testFile)).rowGroups).toEqual([328, 700, 367]);
    const rows = await readParquetRows(testFile);
    expect(rows.map((r) => r.id)).toEqual(items.slice(5).map((i) => i.id));
    expect(rows.map((r) => r.question)).toEqual(items.slice(5).map((i) => i.question));
  });

  it("names a bad row of a part by its place in the dataset, and writes nothing", async () => {
    const items = makeExamItems(60);
    const bad = { ...items[41], choices: ["only one"] } as ExamItem;
    expect(() => encodedPart([...items.slice(30, 41), bad], 30, 10)).toThrow(
      /^item 42 \(id "q-000041"\) is not a valid/u,
    );
    const duplicate = writeDatasetFolder({
      items: items.slice(0, 30),
      encodedParts: [Promise.resolve(encodedPart([...items.slice(30, 40), items[3] as ExamItem], 30, 10))],
      dir: join(work, "dup"),
      card: CARD,
      rowGroupSize: 10,
    });
    expect(await rejection(duplicate)).toMatchObject({
      name: "TypeError",
      message: 'item 41 repeats id "q-000003": ids must be unique; drop or rename the duplicate',
    });
    expect(await readdir(work)).toEqual([]);
  });

  it("a part that fails (a worker's error) fails the write and leaves the dataset already there untouched", async () => {
    const items = makeExamItems(40);
    const dir = join(work, "exam");
    await writeDatasetFolder({ items, dir, card: CARD, rowGroupSize: 10 });
    const before = await files(dir);
    const failed = writeDatasetFolder({
      items: items.slice(0, 25),
      encodedParts: [Promise.reject(new Error("line 31: not valid JSON"))],
      dir,
      card: CARD,
      rowGroupSize: 10,
    });
    expect((await rejection(failed)).message).toBe("line 31: not valid JSON");
    expect(await files(dir)).toEqual(before);
    expect((await readdir(work)).sort()).toEqual(["exam"]);
  });

  it("refuses a part that does not follow the rows before it", async () => {
    const items = makeExamItems(40);
    const write = (firstItems: number, part: EncodedDatasetPart, rowGroupSize = 10) =>
      rejection(
        writeDatasetFolder({
          items: items.slice(0, firstItems),
          encodedParts: [Promise.resolve(part)],
          dir: join(work, "exam"),
          card: CARD,
          rowGroupSize,
        }),
      );
    const part = encodedPart(items.slice(25), 25, 10);
    expect((await write(20, part)).message).toMatch(/^encodedParts: .*starts at item 26 .* after 20 item/u);
    expect((await write(25, part, 20)).message).toMatch(/rowGroupSize 20; .*\(rowGroupSize 10\)/u);
    expect((await write(3, encodedPart(items.slice(3), 3, 10))).message).toMatch(/5 of them for the dev split/u);
  });
});
