import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ExamItem } from "@domain-eval/core";
import { asyncBufferFromFile, parquetMetadataAsync } from "hyparquet";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeExamItems } from "../test/exam-items.js";
import { readParquetRows } from "../test/read-parquet.js";
import { huggingfaceFeatures, parquetSchema, toColumnData } from "./dataset-features.js";
import { compressSnappy, javascriptSnappy, nativeSnappy, type SnappyCompress } from "./snappy-codec.js";
import { SplitParquetWriter } from "./split-parquet-writer.js";

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "hub-publisher-split-"));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const CLASS_LABELS = ["A", "B", "C", "D", "E"];

/** The file hyparquet-writer itself writes for these rows (its JavaScript SNAPPY): every column through its `write`. */
function referenceBytes(rows: readonly ExamItem[], rowGroupSize: number): Buffer {
  const out = new ByteWriter();
  const writer = new ParquetWriter({
    writer: out,
    schema: parquetSchema(),
    compressors: { SNAPPY: javascriptSnappy },
    createdBy: "domain-eval hub-publisher (hyparquet-writer)",
  });
  for (let start = 0; start < rows.length; start += rowGroupSize) {
    const group = rows.slice(start, start + rowGroupSize);
    writer.write({ columnData: toColumnData(group) as never, rowGroupSize: group.length });
  }
  writer.kvMetadata = [
    { key: "huggingface", value: JSON.stringify({ info: { features: huggingfaceFeatures(CLASS_LABELS) } }) },
  ];
  writer.finish();
  return Buffer.from(out.getBytes());
}

/** The file SplitParquetWriter writes for these rows: its path and bytes. */
async function splitWriterFile(
  rows: readonly ExamItem[],
  rowGroupSize: number,
  compress: SnappyCompress = javascriptSnappy,
): Promise<{ path: string; bytes: Buffer }> {
  const path = join(work, `split-${Math.random().toString(36).slice(2)}.parquet`);
  const writer = new SplitParquetWriter({ path, rowGroupSize, compress });
  for (const row of rows) writer.add(row);
  writer.finish({ classLabelNames: CLASS_LABELS });
  return { path, bytes: await readFile(path) };
}

/** The rows as a reader gives them back (INT64 as bigint, missing texts as null). */
function asRead(row: ExamItem): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      typeof value === "number" && Number.isInteger(value) && (key === "answer" || key === "reviewer_count")
        ? BigInt(value)
        : value,
    ]),
  );
}

describe("SplitParquetWriter", () => {
  it("writes the very bytes hyparquet-writer's generic write gives (text columns encoded straight into their pages)", async () => {
    // unicode in every text column (emoji, Hebrew, Arabic, CJK, combining marks), 4 and 5 options, nulls in the
    // validation columns, reviewed and unreviewed rows; a last, smaller row group
    const rows = makeExamItems(1_250, { fiveOptionsEvery: 3 });
    const { path, bytes } = await splitWriterFile(rows, 500);
    expect(bytes.equals(referenceBytes(rows, 500))).toBe(true);
    expect(await readParquetRows(path)).toEqual(rows.map(asRead));
  });

  it("the same for Japanese texts and empty citation lists", async () => {
    const base = makeExamItems(40);
    const rows = base.map(
      (row, i): ExamItem => ({
        ...row,
        question: `第${i}条によると、取締役会の承認が必要な取引の金額はいくらか。`,
        choices: row.choices.map((choice, j) => `${j + 1}億円（${choice}）`),
        citations: i % 4 === 0 ? [] : [`取締役会は、${i}億円を超える取引を承認する。`],
      }),
    );
    const { path, bytes } = await splitWriterFile(rows, 16);
    expect(bytes.equals(referenceBytes(rows, 16))).toBe(true);
    const back = await readParquetRows(path);
    expect(back[4]?.citations).toEqual([]);
    expect(back[0]?.question).toBe("第0条によると、取締役会の承認が必要な取引の金額はいくらか。");
  });

  it("the same for a row group of 1,000 five-option questions (more list slots than the writer first makes room for)", async () => {
    // 5,000 choices and 2,000 citations in one row group: the level arrays grow in the middle of the choices column
    const rows = makeExamItems(1_000, { fiveOptionsEvery: 1 });
    const { path, bytes } = await splitWriterFile(rows, 1_000);
    expect(bytes.equals(referenceBytes(rows, 1_000))).toBe(true);
    expect(await readParquetRows(path)).toEqual(rows.map(asRead));
  });

  it("the same when a row group's texts pass a page (1 MB): those columns are written the generic way, in pages", async () => {
    // ~300 KB questions: 4 rows reach 1 MB, so the question column of a 6-row group has two pages and an offset index
    const rows = makeExamItems(12).map((row, i) => ({
      ...row,
      question: `${i} ${"long question text ".repeat(15_000)}`,
    }));
    const { path, bytes } = await splitWriterFile(rows, 6);
    expect(bytes.equals(referenceBytes(rows, 6))).toBe(true);
    const footer = await parquetMetadataAsync(await asyncBufferFromFile(path));
    expect(footer.row_groups[0]?.columns[1]?.offset_index_offset).toBeDefined();
    expect(footer.row_groups[0]?.columns[0]?.offset_index_offset).toBeUndefined();
    expect((await readParquetRows(path)).map((row) => row.question)).toEqual(rows.map((row) => row.question));
  });

  it("compresses with the native snappy where it loads (here): other bytes, the very same rows", async () => {
    // the dev machines and CI of this repository are platforms the `snappy` package ships a binary for
    const native = nativeSnappy();
    expect(native).toBeDefined();
    expect(compressSnappy).not.toBe(javascriptSnappy);
    const rows = makeExamItems(1_250, { fiveOptionsEvery: 3 });
    const javascript = await splitWriterFile(rows, 500);
    const fast = await splitWriterFile(rows, 500, native);
    expect(fast.bytes.equals(javascript.bytes)).toBe(false);
    expect(await readParquetRows(fast.path)).toEqual(await readParquetRows(javascript.path));
    expect(await readParquetRows(fast.path)).toEqual(rows.map(asRead));
  });
});
