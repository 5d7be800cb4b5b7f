import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXAM_ITEM_COLUMNS, type ExamItem } from "@domain-eval/core";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parse } from "yaml";
import { CARD, makeExamItems } from "../test/exam-items.js";
import { readParquetFooter, readParquetRows } from "../test/read-parquet.js";
import { rejection } from "../test/rejection.js";
import { datasetCardLanguages } from "./dataset-card.js";
import { SPLIT_FILE_PATHS, writeDatasetFolder } from "./dataset-folder.js";

let work: string;
beforeEach(async () => {
  work = join(tmpdir(), `hub-publisher-folder-${process.pid}-${Math.random().toString(36).slice(2)}`);
  await mkdir(work, { recursive: true });
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(work, { recursive: true, force: true });
});

function frontMatter(readme: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/u.exec(readme);
  if (!match) throw new Error("no front matter");
  return parse(match[1] as string) as Record<string, unknown>;
}

/** A row as the Parquet reader returns it, normalised back to the ExamItem shape. */
function asExamItem(row: Record<string, unknown>): ExamItem {
  return { ...row, answer: Number(row.answer), reviewer_count: Number(row.reviewer_count) } as ExamItem;
}

async function snapshot(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const e of entries) {
    if (e.isFile())
      files.set(join(e.parentPath, e.name), (await readFile(join(e.parentPath, e.name))).toString("base64"));
  }
  return files;
}

async function* slowly<T>(items: readonly T[], onEach?: (index: number) => Promise<void>): AsyncGenerator<T> {
  for (const [i, item] of items.entries()) {
    await onEach?.(i);
    yield item;
  }
}

describe("writeDatasetFolder", () => {
  it("writes test and dev Parquet files whose rows equal the input, and a card that matches them", async () => {
    const items = makeExamItems(30, { fiveOptionsEvery: 6 });
    const folder = await writeDatasetFolder({ items, dir: join(work, "exam"), card: CARD });

    expect(folder.files).toEqual(["README.md", SPLIT_FILE_PATHS.dev, SPLIT_FILE_PATHS.test]);
    expect((await readdir(work)).sort()).toEqual(["exam"]); // no staging folder left behind
    expect(folder.splits).toEqual({ test: 25, dev: 5 });
    expect(folder.classLabelNames).toEqual(["A", "B", "C", "D", "E"]);

    const dev = (await readParquetRows(join(folder.dir, SPLIT_FILE_PATHS.dev))).map(asExamItem);
    const test = (await readParquetRows(join(folder.dir, SPLIT_FILE_PATHS.test))).map(asExamItem);
    expect(dev).toEqual(items.slice(0, 5));
    expect(test).toEqual(items.slice(5));
    expect(Object.keys(test[0] ?? {})).toEqual([...EXAM_ITEM_COLUMNS]);

    const expected: Record<string, number> = {};
    for (const item of items) {
      const letter = "ABCDE"[item.answer] as string;
      expected[letter] = (expected[letter] ?? 0) + 1;
    }
    expect(folder.answerDistribution).toEqual({ A: 0, B: 0, C: 0, D: 0, E: 0, ...expected });

    const footer = await readParquetFooter(join(folder.dir, SPLIT_FILE_PATHS.test));
    const features = JSON.parse(footer.keyValue.huggingface ?? "{}").info.features;
    expect(features.answer).toEqual({ names: ["A", "B", "C", "D", "E"], _type: "ClassLabel" });
    expect(features.choices).toEqual({ feature: { dtype: "string", _type: "Value" }, _type: "Sequence" });
    expect(features.agreement).toEqual({ dtype: "float64", _type: "Value" });
    expect(footer.columns.find((c) => c.name === "answer")).toMatchObject({ type: "INT64" });

    const card = frontMatter(await readFile(join(folder.dir, "README.md"), "utf8"));
    const info = card.dataset_info as { features: { name: string; dtype?: unknown }[]; splits: unknown };
    expect(info.features.map((f) => f.name)).toEqual(Object.keys(features));
    expect(info.features.find((f) => f.name === "answer")?.dtype).toEqual({
      class_label: { names: { "0": "A", "1": "B", "2": "C", "3": "D", "4": "E" } },
    });
    expect(info.splits).toEqual([
      { name: "test", num_examples: 25 },
      { name: "dev", num_examples: 5 },
    ]);
  });

  it("streams: row groups reach the disk while the input is still being read", async () => {
    const items = makeExamItems(2500);
    let stagedBytesAtItem2000 = -1;
    const folder = await writeDatasetFolder({
      items: slowly(items, async (i) => {
        if (i !== 2000) return;
        const staging = (await readdir(work)).find((name) => name.startsWith(".exam.writing-"));
        stagedBytesAtItem2000 = (await stat(join(work, staging as string, SPLIT_FILE_PATHS.test))).size;
      }),
      dir: join(work, "exam"),
      card: CARD,
      rowGroupSize: 500,
      splits: { dev: 0 },
    });
    // Three full row groups (1,500 rows) were flushed before the 2,001st item was pulled.
    expect(stagedBytesAtItem2000).toBeGreaterThan(10_000);
    const footer = await readParquetFooter(join(folder.dir, SPLIT_FILE_PATHS.test));
    expect(footer.rowGroups).toEqual([500, 500, 500, 500, 500]);
    expect(folder.files).toEqual(["README.md", SPLIT_FILE_PATHS.test]);
    const card = frontMatter(await readFile(join(folder.dir, "README.md"), "utf8"));
    expect(card.configs).toEqual([
      { config_name: "default", default: true, data_files: [{ split: "test", path: "data/test-*" }] },
    ]);
  });

  it("takes the card's discard count once the stream is read, so a reader can count discards as it goes", async () => {
    let discarded = 0;
    const items = makeExamItems(30);
    await writeDatasetFolder({
      items: slowly(items, async (i) => {
        if (i % 10 === 0) discarded++; // e.g. a record reviewers discarded, found between two exported ones
      }),
      dir: join(work, "exam"),
      card: {
        ...CARD,
        review: {
          get discarded() {
            return discarded;
          },
        },
      },
    });
    const readme = await readFile(join(work, "exam", "README.md"), "utf8");
    expect(readme).toContain("| discarded by reviewers (not in the dataset) | 3 |");
  });

  it("reports progress every row group and at the end", async () => {
    const seen: number[] = [];
    await writeDatasetFolder({
      items: makeExamItems(250),
      dir: join(work, "exam"),
      card: CARD,
      rowGroupSize: 100,
      onProgress: ({ rows }) => seen.push(rows),
    });
    expect(seen).toEqual([100, 200, 250]);
  });

  it("replaces a dataset folder, and leaves it untouched when the new rows turn out bad", async () => {
    const dir = join(work, "exam");
    await writeDatasetFolder({ items: makeExamItems(20), dir, card: CARD });
    const before = await snapshot(dir);

    const bad = makeExamItems(40).map((item, i) => (i === 33 ? { ...item, answer: 7 } : item));
    const error = await writeDatasetFolder({ items: slowly(bad), dir, card: CARD }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toContain(
      'item 34 (id "q-000033") is not a valid dataset row: answer: answer must index into choices',
    );
    expect(await snapshot(dir)).toEqual(before);
    expect(await readdir(work)).toEqual(["exam"]);

    const again = await writeDatasetFolder({ items: makeExamItems(12), dir, card: CARD });
    expect(again.splits).toEqual({ test: 7, dev: 5 });
    expect((await readParquetRows(join(dir, SPLIT_FILE_PATHS.test))).length).toBe(7);
  });

  it("refuses to overwrite a folder that is not a dataset", async () => {
    const dir = join(work, "project");
    await mkdir(join(dir, "data"), { recursive: true });
    await writeFile(join(dir, "notes.txt"), "keep me");
    await writeFile(join(dir, "data", "raw.csv"), "a,b");
    await expect(writeDatasetFolder({ items: makeExamItems(10), dir, card: CARD })).rejects.toMatchObject({
      name: "HubPublishError",
      code: "NOT_A_DATASET_FOLDER",
      message: expect.stringMatching(
        /is not a dataset folder \(it holds notes\.txt, data\/raw\.csv\): choose a new or empty folder/u,
      ),
    });
    expect(await readFile(join(dir, "notes.txt"), "utf8")).toBe("keep me");
    await expect(
      writeDatasetFolder({ items: makeExamItems(10), dir: join(dir, "notes.txt"), card: CARD }),
    ).rejects.toMatchObject({
      name: "HubPublishError",
      code: "NOT_A_DATASET_FOLDER",
      message: expect.stringContaining("notes.txt is a file, not a folder"),
    });
    expect((await readdir(work)).sort()).toEqual(["project"]);
  });

  it("writes into an existing empty folder", async () => {
    const dir = join(work, "empty");
    await mkdir(dir);
    const folder = await writeDatasetFolder({ items: makeExamItems(8), dir, card: CARD });
    expect(folder.splits).toEqual({ test: 3, dev: 5 });
  });

  it("reads the card's language from the questions when the card does not give it, and asks when it cannot", async () => {
    const { language: _omit, ...noLanguage } = CARD;
    const japanese = makeExamItems(8).map((item, i) => ({
      ...item,
      question: `2024年度の連結売上高はいくらでしたか（設問${i + 1}）。`,
      choices: ["486億円", "452億円", "510億円", "213億円"],
    }));
    const folder = await writeDatasetFolder({ items: japanese, dir: join(work, "ja"), card: noLanguage });
    const readme = await readFile(join(folder.dir, "README.md"), "utf8");
    expect(frontMatter(readme).language).toEqual(["ja"]);
    expect(datasetCardLanguages({ readme })).toEqual(["ja"]);
    expect(datasetCardLanguages({ readme: "# no front matter" })).toEqual([]);
    // the rows are written as given, byte for byte
    const rows = await readParquetRows(join(folder.dir, SPLIT_FILE_PATHS.test));
    expect(rows.map((r) => r.question)).toEqual(japanese.slice(5).map((i) => i.question));

    const given = await writeDatasetFolder({
      items: japanese,
      dir: join(work, "ja-given"),
      card: { ...CARD, language: "ja-JP" },
    });
    expect(frontMatter(await readFile(join(given.dir, "README.md"), "utf8")).language).toEqual(["ja-JP"]);

    await expect(
      writeDatasetFolder({ items: makeExamItems(8), dir: join(work, "latin"), card: noLanguage }),
    ).rejects.toThrow(
      /card.language is not set and the questions' script does not tell their language.*set card.language/u,
    );
    expect((await readdir(work)).sort()).toEqual(["ja", "ja-given"]);
  });

  it("rejects duplicate ids, too few rows for a test split and a bad card, before or without leaving files", async () => {
    const dir = join(work, "exam");
    const items = makeExamItems(10);
    await expect(writeDatasetFolder({ items: [...items, items[2] as ExamItem], dir, card: CARD })).rejects.toThrow(
      'item 11 repeats id "q-000002"',
    );
    await expect(writeDatasetFolder({ items: items.slice(0, 5), dir, card: CARD })).rejects.toThrow(
      /no rows left for the test split: got 5 item\(s\) and the dev split takes the first 5; pass more items or a smaller splits.dev/u,
    );
    await expect(writeDatasetFolder({ items: [], dir, card: CARD, splits: { dev: 0 } })).rejects.toThrow(
      "no rows left for the test split: got 0 item(s)",
    );
    await expect(
      writeDatasetFolder({ items, dir, card: { ...CARD, license: "Apache 2.0" }, splits: { dev: -1 } }),
    ).rejects.toThrow(/card.license "Apache 2.0" is not a Hub license id.*splits.dev must be a non-negative integer/u);
    expect(await readdir(work)).toEqual([]);
  });

  it("refuses a text cut inside a character (a lone surrogate), naming the row and field; emoji pass", async () => {
    const items = makeExamItems(10);
    const cut = items.map((item, i) =>
      i === 7 ? { ...item, choices: [...item.choices.slice(0, 3), "up 5% \ud83d"] } : item,
    );
    await expect(writeDatasetFolder({ items: cut, dir: join(work, "cut"), card: CARD })).rejects.toThrow(
      `item 8 (id "${items[7]?.id}") field choices[3] holds a lone UTF-16 surrogate`,
    );
    const emoji = items.map((item, i) => (i === 7 ? { ...item, question: `${item.question} 📈\ud83d\udcc8` } : item));
    const written = await writeDatasetFolder({ items: emoji, dir: join(work, "emoji"), card: CARD });
    expect(written.splits.test).toBe(5);
    expect(await readdir(work)).toEqual(["emoji"]);
  });

  it("refuses to write an access token found in the card or the rows, without repeating it", async () => {
    const envToken = "hf_EnvironmentToken0123456789abcdefghij";
    vi.stubEnv("HF_TOKEN", envToken);
    const dir = join(work, "exam");
    const inCard = await rejection(
      writeDatasetFolder({
        items: makeExamItems(10),
        dir,
        card: { ...CARD, evaluation: { command: `HF_TOKEN=${envToken} lighteval accelerate …` } },
      }),
    );
    expect(inCard.message).toContain("card.evaluation.command cannot be written");
    expect(inCard.message).not.toContain(envToken);

    const otherToken = "hf_SomeoneElsesToken0123456789abcdefghij";
    const rows = makeExamItems(10).map((item, i) =>
      i === 6 ? { ...item, citations: [`token: ${otherToken}`] } : item,
    );
    const inRow = await rejection(writeDatasetFolder({ items: rows, dir, card: CARD }));
    expect(inRow.message).toContain('item 7 (id "q-000006") field citations[0] cannot be published');
    expect(inRow.message).not.toContain(otherToken);
    expect(await readdir(work)).toEqual([]);
  });
});
