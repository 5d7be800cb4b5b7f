import { createReadStream } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { beforeEach, describe, expect, it } from "vitest";
import {
  JsonlAppender,
  JsonlParseError,
  jsonlLineStart,
  readJsonl,
  readJsonlLines,
  scanJsonlLines,
  writeJsonl,
} from "./jsonl.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "core-jsonl-"));
});

async function collect(path: string) {
  const out: { lineNumber: number; value: unknown }[] = [];
  for await (const row of readJsonl(path)) out.push(row);
  return out;
}

describe("JSONL", () => {
  it("round-trips values, unicode included, and skips blank lines", async () => {
    const path = join(dir, "q.jsonl");
    const values = [{ q: "Ünïcödé 𝔘 \u202Eמבחן" }, { q: "line\nbreak", n: 2 }, [1, 2]];
    expect(await writeJsonl({ path, values })).toBe(3);
    await writeFile(path, `\uFEFF${(await readFile(path, "utf8")).replace("\n", "\n\n  \n")}`);
    const rows = await collect(path);
    expect(rows.map((r) => r.value)).toEqual(values);
    expect(rows.map((r) => r.lineNumber)).toEqual([1, 4, 5]);
  });

  it("numbers lines as node:readline does: \\n, \\r\\n (also across read chunks), lone \\r, BOM, no final newline", async () => {
    const path = join(dir, "endings.jsonl");
    // Enough lines that \r\n pairs and multi-byte characters fall on the reader's chunk boundaries.
    const endings = ["\n", "\r\n", "\r", "\n\n", "\r\n  \r\n"];
    // The first line's \r\n straddles the first 1 MiB read chunk (BOM: 3 bytes; the line's \r is byte 1,048,575).
    let text = `\uFEFF${JSON.stringify({ pad: "x".repeat(1_048_575 - 3 - 10) })}\r\n`;
    for (let i = 0; i < 60_000; i++)
      text += JSON.stringify({ i, s: "é€😀".repeat(i % 7) }) + endings[i % endings.length];
    text += JSON.stringify({ last: true });
    await writeFile(path, text, "utf8");
    const expected: { lineNumber: number; value: unknown }[] = [];
    let lineNumber = 0;
    const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Number.POSITIVE_INFINITY });
    for await (const raw of lines) {
      lineNumber++;
      const line = lineNumber === 1 ? raw.replace(/^\uFEFF/u, "") : raw;
      if (line.trim() !== "") expected.push({ lineNumber, value: JSON.parse(line) });
    }
    const got = await collect(path);
    expect(got.length).toBe(60_002);
    expect(got).toEqual(expected);
  });

  it("reads a file in byte ranges cut at line starts: the same lines, offsets and texts as one read", async () => {
    const path = join(dir, "ranges.jsonl");
    const endings = ["\n", "\r\n", "\r", "\n\n", "\r\n  \r\n"];
    let text = `\uFEFF${JSON.stringify({ first: "é" })}\r\n`;
    for (let i = 0; i < 30_000; i++)
      text += JSON.stringify({ i, s: "é€😀".repeat(i % 5) }) + endings[i % endings.length];
    text += JSON.stringify({ last: true });
    await writeFile(path, text, "utf8");
    const size = Buffer.byteLength(text, "utf8");
    const read = async (range: { start?: number; end?: number } = {}) => {
      const out: { line: string; offset: number }[] = [];
      for await (const { line, offset } of readJsonlLines({ path, ...range })) out.push({ line, offset });
      return out;
    };
    const whole = await read();
    expect(whole.length).toBe(30_002);
    expect(whole[0]).toEqual({ line: '{"first":"é"}', offset: 0 });
    // every offset is where the line's bytes start
    const bytes = await readFile(path);
    for (const { line, offset } of whole.slice(1, 200)) {
      expect(bytes.toString("utf8", offset, offset + Buffer.byteLength(line))).toBe(line);
    }
    // cuts anywhere (inside a line, inside a multi-byte character, between \r and \n) move to the next line start
    const cuts = [1, 2, 3, 17, Math.floor(size / 3), Math.floor(size / 2) + 1, size - 5, size];
    const starts = [0, ...(await Promise.all(cuts.map((near) => jsonlLineStart({ path, near })))), size];
    for (const [i, cut] of starts.entries()) {
      expect(cut).toBeGreaterThanOrEqual(cuts[i - 1] ?? 0);
      if (cut > 0 && cut < size) expect(bytes[cut - 1]).toBe(10);
    }
    const pieces: { line: string; offset: number }[] = [];
    for (let i = 0; i + 1 < starts.length; i++) pieces.push(...(await read({ start: starts[i], end: starts[i + 1] })));
    expect(pieces).toEqual(whole);
    // a position that is not a whole number (size / 2) is a byte position rounded down
    const half = await jsonlLineStart({ path, near: size / 2 + 0.5 });
    expect(half).toBe(await jsonlLineStart({ path, near: Math.floor(size / 2 + 0.5) }));
    expect(Number.isInteger(half)).toBe(true);
    // numbering of a range starts at firstLineNumber
    const tail = readJsonlLines({ path, start: whole[1000]?.offset, firstLineNumber: 1000 });
    expect((await tail.next()).value).toMatchObject({ lineNumber: 1000, line: whole[1000]?.line });
  });

  it("names the file and line of a bad line, once the lines before it are read", async () => {
    const path = join(dir, "bad.jsonl");
    await writeFile(path, '{"ok":1}\n{"ok":2}\n{"broken":\n{"ok":4}\n');
    await expect(collect(path)).rejects.toThrowError(JsonlParseError);
    await expect(collect(path)).rejects.toThrow(`${path} line 3 is not valid JSON`);
    const before: unknown[] = [];
    await expect(
      (async () => {
        for await (const { value } of readJsonl(path)) before.push(value);
      })(),
    ).rejects.toThrow("line 3");
    expect(before).toEqual([{ ok: 1 }, { ok: 2 }]);
  });

  it("scanJsonlLines hands over each line's bytes with the number and offset readJsonlLines gives, blank lines too", async () => {
    const path = join(dir, "bytes.jsonl");
    const endings = ["\n", "\r\n", "\r", "\n\n", "\r\n  \r\n"];
    // the first line's \r\n straddles the first 1 MiB read chunk, as in the numbering test above
    let text = `\uFEFF${JSON.stringify({ pad: "x".repeat(1_048_575 - 3 - 10) })}\r\n`;
    for (let i = 0; i < 20_000; i++)
      text += JSON.stringify({ i, s: "問題é😀".repeat(i % 5) }) + endings[i % endings.length];
    text += JSON.stringify({ last: true });
    await writeFile(path, text, "utf8");
    const expected: { line: string; lineNumber: number; offset: number }[] = [];
    for await (const line of readJsonlLines({ path })) expected.push(line);
    const scanned: { line: string; lineNumber: number; offset: number }[] = [];
    await scanJsonlLines({
      path,
      onLine: (bytes, lineNumber, offset) => scanned.push({ line: bytes.toString("utf8"), lineNumber, offset }),
    });
    expect(scanned.filter(({ line }) => line.trim() !== "")).toEqual(expected);
    // blank lines are handed over: every line number from 1 to the last
    expect(scanned.map(({ lineNumber }) => lineNumber)).toEqual(scanned.map((_, i) => i + 1));
    expect(scanned[0]?.line.startsWith('{"pad"')).toBe(true);
    // a range, numbered from firstLineNumber; what onLine throws ends the scan
    const from = expected[500] as { line: string; lineNumber: number; offset: number };
    const range: string[] = [];
    await expect(
      scanJsonlLines({
        path,
        start: from.offset,
        firstLineNumber: from.lineNumber,
        onLine: (bytes, lineNumber) => {
          if (range.length === 3) throw new Error(`stop at line ${lineNumber}`);
          range.push(bytes.toString("utf8"));
        },
      }),
    ).rejects.toThrow(/stop at line \d+/);
    expect(range[0]).toBe(from.line);
  });

  it("streams 100,000 lines in and out", async () => {
    const path = join(dir, "big.jsonl");
    async function* generate() {
      for (let i = 0; i < 100_000; i++) yield { id: `q${i}`, text: "x".repeat(50) };
    }
    expect(await writeJsonl({ path, values: generate() })).toBe(100_000);
    let count = 0;
    let last: unknown;
    for await (const { value } of readJsonl(path)) {
      count++;
      last = value;
    }
    expect(count).toBe(100_000);
    expect(last).toEqual({ id: "q99999", text: "x".repeat(50) });
  });

  it("leaves the previous file intact when writing fails halfway", async () => {
    const path = join(dir, "keep.jsonl");
    await writeJsonl({ path, values: [{ v: "old" }] });
    function* failing() {
      yield { v: "new" };
      throw new Error("generator died");
    }
    await expect(writeJsonl({ path, values: failing() })).rejects.toThrow("generator died");
    expect((await collect(path)).map((r) => r.value)).toEqual([{ v: "old" }]);
    const { readdir } = await import("node:fs/promises");
    expect(await readdir(dir)).toEqual(["keep.jsonl"]);
  });

  it("appends to an existing journal", async () => {
    const path = join(dir, "journal.jsonl");
    let journal = await JsonlAppender.open(path);
    await journal.append({ chunk: 1 });
    await journal.close();
    journal = await JsonlAppender.open(path);
    await journal.append({ chunk: 2 });
    await journal.close();
    expect((await collect(path)).map((r) => r.value)).toEqual([{ chunk: 1 }, { chunk: 2 }]);
  });
});
