import { appendFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { JournalError, openJsonlJournal } from "./jsonl-journal.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "core-journal-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const FORMAT = "test/journal@1";
const settings = { model: "gpt-4o-mini", questions_per_chunk: 3, chunking: { chunk_size: 800, chunk_overlap: 64 } };

describe("openJsonlJournal", () => {
  it("writes a header with the settings, appends records, and gives them back on resume", async () => {
    const path = join(dir, "run.journal.jsonl");
    const journal = await openJsonlJournal({ path, format: FORMAT, settings, resume: false });
    expect(journal.records).toEqual([]);
    await journal.append({ id: 1 });
    await journal.append({ id: 2 });
    await journal.close();
    const header = JSON.parse((await readFile(path, "utf8")).split("\n")[0] ?? "");
    expect(header).toMatchObject({ type: "header", format: FORMAT, ...settings });
    // same settings, keys in another order: resumed
    const again = await openJsonlJournal({
      path,
      format: FORMAT,
      settings: { chunking: { chunk_overlap: 64, chunk_size: 800 }, questions_per_chunk: 3, model: "gpt-4o-mini" },
      resume: true,
    });
    expect(again.records).toEqual([{ id: 1 }, { id: 2 }]);
    await again.close();
  });

  it("refuses an existing journal without resume, another format, and other settings, naming each difference", async () => {
    const path = join(dir, "run.journal.jsonl");
    await (await openJsonlJournal({ path, format: FORMAT, settings, resume: false })).close();
    await expect(openJsonlJournal({ path, format: FORMAT, settings, resume: false })).rejects.toMatchObject({
      code: "JOURNAL_EXISTS",
      message: expect.stringMatching(/already exists: pass resume: true \(--resume\).*or delete it/u),
    });
    await expect(openJsonlJournal({ path, format: "test/journal@2", settings, resume: true })).rejects.toMatchObject({
      code: "JOURNAL_FORMAT",
      message: expect.stringContaining("is not a test/journal@2 journal (it is test/journal@1)"),
    });
    const changed = { ...settings, questions_per_chunk: 5, chunking: { chunk_size: 400, chunk_overlap: 64 } };
    const error = await openJsonlJournal({ path, format: FORMAT, settings: changed, resume: true }).catch((e) => e);
    expect(error).toBeInstanceOf(JournalError);
    expect(error.code).toBe("JOURNAL_SETTINGS");
    expect(error.message).toContain("questions_per_chunk 3 → 5");
    expect(error.message).toContain(
      'chunking {"chunk_overlap":64,"chunk_size":800} → {"chunk_overlap":64,"chunk_size":400}',
    );
    expect(error.message).not.toContain("model");
    expect(error.message.split("\n")).toHaveLength(1);
  });

  it("repairs a half-written last line so the next record starts on its own line", async () => {
    const path = join(dir, "run.journal.jsonl");
    const journal = await openJsonlJournal({ path, format: FORMAT, settings, resume: false });
    await journal.append({ id: 1 });
    await journal.close();
    await appendFile(path, '{"id": 2, "cut');
    const resumed = await openJsonlJournal({ path, format: FORMAT, settings, resume: true });
    expect(resumed.records).toEqual([{ id: 1 }]);
    await resumed.append({ id: 3 });
    await resumed.close();
    const lines = (await readFile(path, "utf8")).trim().split("\n");
    expect(lines.slice(1).map((l) => JSON.parse(l))).toEqual([{ id: 1 }, { id: 3 }]);
  });

  it("refuses a file that is not a journal", async () => {
    const path = join(dir, "questions.jsonl");
    await writeFile(path, '{"id": "q-1", "question": "?"}\n');
    await expect(openJsonlJournal({ path, format: FORMAT, settings, resume: true })).rejects.toMatchObject({
      code: "JOURNAL_FORMAT",
    });
  });
});
