import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ExamItem } from "@domain-eval/core";
import { beforeAll, describe, expect, it } from "vitest";
import { CliError } from "./cli-error.js";
import { questionsToExamItems, readQuestionsFile, scannedShape, streamQuestionsFileAsExamItems } from "./exam-items.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "exam-items-"));
});

function question(i: number) {
  const cited = `Clause ${i} limits the exposure of every desk to ${100 + i} units per quarter.`;
  return {
    id: `q-${i}`,
    question: `What does clause ${i} limit the exposure of every desk to?`,
    answer: `${100 + i} units per quarter`,
    distractors: [`${200 + i} units per quarter`, `${300 + i} units per year`, `${400 + i} units per month`],
    citations: [cited],
    source: { document_id: "doc", document_path: "doc.txt", chunk_id: `doc:${i}`, start: 0, end: cited.length },
    generator_model: "test-model",
    prompt_version: "exam-v1",
  };
}

async function file(name: string, lines: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `${lines.join("\n")}\n`);
  return path;
}

async function collect(items: AsyncIterable<ExamItem>): Promise<ExamItem[]> {
  const out: ExamItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe("streamQuestionsFileAsExamItems", () => {
  it("streams exactly the rows the in-memory conversion gives (balanced answers, same order)", async () => {
    const path = await file(
      "q.jsonl",
      Array.from({ length: 41 }, (_, i) => JSON.stringify(question(i))),
    );
    const expected = questionsToExamItems({ questions: await readQuestionsFile(path), subject: "finance" });
    const { count, items } = await streamQuestionsFileAsExamItems({ file: path, subject: "finance" });
    expect(count).toBe(41);
    const rows = await collect(items);
    expect(rows).toEqual(expected);
    const perLetter = [0, 1, 2, 3].map((a) => rows.filter((r) => r.answer === a).length);
    expect(Math.max(...perLetter) - Math.min(...perLetter)).toBeLessThanOrEqual(1);
  });

  it("names the bad line as an input error, whether its id or a later field is wrong", async () => {
    const noId = await file("no-id.jsonl", [JSON.stringify(question(0)), JSON.stringify({ ...question(1), id: 7 })]);
    const first = await streamQuestionsFileAsExamItems({ file: noId, subject: "x" }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(CliError);
    expect((first as Error).message).toContain("no-id.jsonl line 2");

    const badKey = await file("bad-key.jsonl", [
      JSON.stringify(question(0)),
      JSON.stringify({ ...question(1), distractors: [question(1).answer, "a", "b"] }),
    ]);
    const { items } = await streamQuestionsFileAsExamItems({ file: badKey, subject: "x" });
    const second = await collect(items).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(CliError);
    expect((second as Error).message).toContain("bad-key.jsonl line 2");
  });
});

describe("a questions file that changes between the two passes", () => {
  it.each([
    ["a line replaced by another question", (lines: string[]) => [lines[0], JSON.stringify(question(9)), lines[2]]],
    [
      "a line with another number of options",
      (lines: string[]) => [
        lines[0],
        JSON.stringify({ ...question(1), distractors: ["a x", "b x", "c x", "d x"] }),
        lines[2],
      ],
    ],
    ["a line more", (lines: string[]) => [...lines, JSON.stringify(question(3))]],
    ["a line less", (lines: string[]) => lines.slice(0, 2)],
  ])("is refused with a message to run the export again: %s", async (_, change) => {
    const lines = [0, 1, 2].map((i) => JSON.stringify(question(i)));
    const path = await file(`changing-${Math.random()}.jsonl`, lines);
    const { items } = await streamQuestionsFileAsExamItems({ file: path, subject: "x" });
    await writeFile(path, `${change(lines).join("\n")}\n`);
    const error = await collect(items).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as Error).message).toBe(
      `${path} changed while it was exported: run the export again once it is written`,
    );
  });
});

describe("the first pass's scan of a line", () => {
  it("reads the id and option count JSON.parse would give, or leaves the line to JSON.parse", () => {
    const base = question(7);
    const lines = [
      JSON.stringify(base),
      JSON.stringify({ ...base, distractors: ['say "no"', "back\\slash", "x\ny", "é😀", "]", ","] }),
      JSON.stringify({ ...base, id: 'q"quoted"' }),
      JSON.stringify({ ...base, id: "q\\1" }),
      JSON.stringify({ ...base, distractors: [] }),
      JSON.stringify({ ...base, distractors: ["a", 2, "c"] }),
      JSON.stringify({ ...base, question: 'the text says "id": and "distractors":[' }),
      JSON.stringify({ ...base, source: { ...base.source, id: "nested" } }),
      JSON.stringify({ ...base, findings: [{ data: { distractors: ["x"] } }] }),
      JSON.stringify({ note: "id is not the first key", ...base }),
      `{"id":"q-1", "distractors":["a","b","c"]}`,
      `{"id":"q-1","distractors":["a","b","c"],"id":"q-2"}`,
      `{"id":"q-1","distractors":[ "a","b","c"]}`,
      `{"id":"q-1","distractors":["a","b","c"`,
      `{"id":"q-1`,
    ];
    let scanned = 0;
    for (const line of lines) {
      const shape = scannedShape(Buffer.from(line));
      if (shape === undefined) continue;
      scanned++;
      const value = JSON.parse(line) as { id: string; distractors: unknown[] };
      expect(shape, line).toEqual({ id: value.id, optionCount: value.distractors.length + 1 });
    }
    expect(scanned).toBeGreaterThanOrEqual(4);
  });
});
