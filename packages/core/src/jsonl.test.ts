import { createReadStream } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { beforeEach, describe, expect, it } from "vitest";
import { JsonlAppender, JsonlParseError, readJsonl, writeJsonl } from "./jsonl.js";

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

  it("names the file and line of a bad line", async () => {
    const path = join(dir, "bad.jsonl");
    await writeFile(path, '{"ok":1}\n{"broken":\n');
    await expect(collect(path)).rejects.toThrowError(JsonlParseError);
    await expect(collect(path)).rejects.toThrow(`${path} line 2 is not valid JSON`);
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
