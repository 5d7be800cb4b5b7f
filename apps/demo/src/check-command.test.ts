import { spawnSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const cli = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "cli.js");
let dir: string;

const source = "Net revenue for fiscal 2023 was EUR 412 million, up 8% from EUR 381 million in fiscal 2022.";
const good = {
  id: "good",
  question: "What was net revenue in fiscal 2023?",
  answer: "EUR 412 million",
  distractors: ["EUR 381 million", "EUR 445 million", "EUR 398 million"],
  citations: ["Net revenue for fiscal 2023 was EUR 412 million"],
  source_text: source,
};

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: dir });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function file(name: string, lines: unknown[] | string) {
  const path = join(dir, name);
  await writeFile(path, typeof lines === "string" ? lines : lines.map((l) => JSON.stringify(l)).join("\n"));
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "check-cli-"));
});

describe("domain-eval check", () => {
  it("exits 0 and reports clean questions", async () => {
    const path = await file("ok.jsonl", [
      good,
      {
        ...good,
        id: "g2",
        question: "By what percentage did net revenue grow?",
        answer: "8%",
        distractors: ["6%", "10%", "12%"],
        citations: ["up 8% from EUR 381 million"],
      },
    ]);
    const { code, stdout, stderr } = run("check", path, "--json");
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { id: "good", ok: true, findings: [] },
      { id: "g2", ok: true, findings: [] },
    ]);
    expect(stderr).toBe("");
  });

  it("exits 1 and names each flaw per question", async () => {
    const path = await file("flawed.jsonl", [
      good,
      {
        ...good,
        id: "dup-answer",
        question: "Which figure was reported as fiscal 2023 revenue?",
        distractors: ["EUR 412 million", "EUR 445 million", "EUR 398 million"],
      },
      {
        ...good,
        id: "ungrounded",
        question: "What did the board propose as dividend?",
        answer: "EUR 0.85",
        distractors: ["EUR 0.80", "EUR 0.90", "EUR 1.00"],
        citations: ["The board proposed EUR 0.85"],
      },
    ]);
    const { code, stdout } = run("check", path, "--json");
    expect(code).toBe(1);
    const byId = Object.fromEntries(
      stdout
        .trim()
        .split("\n")
        .map((l) => {
          const r = JSON.parse(l);
          return [r.id, r];
        }),
    );
    expect(byId.good.ok).toBe(true);
    expect(byId["dup-answer"].ok).toBe(false);
    expect(byId["dup-answer"].findings.map((f: { code: string }) => f.code)).toContain("ANSWER_IN_DISTRACTORS");
    expect(byId.ungrounded.findings).toContainEqual(
      expect.objectContaining({ code: "UNGROUNDED_QUOTE", severity: "error" }),
    );
    const human = run("check", path);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain("✗ ungrounded");
    expect(human.stderr).toContain("3 questions: 1 clean, 0 with warnings only, 2 with errors");
  });

  it.each([
    ["a missing file", ["missing.jsonl"], /missing\.jsonl does not exist: pass the questions\.jsonl/],
    ["an empty file", ["empty.jsonl", ""], /holds no questions/],
    ["a line that is not JSON", ["broken.jsonl", `${JSON.stringify(good)}\n{"id": `], /line 2 is not valid JSON/],
    [
      "a line without the question fields",
      ["shape.jsonl", '{"id":"x","prompt":"?"}'],
      /line 1 is missing .*`question`/,
    ],
  ])("exits 2 on %s with one clear line", async (_name, [name, content], message) => {
    const path = content === undefined ? join(dir, name as string) : await file(name as string, content);
    const { code, stderr } = run("check", path);
    expect(code).toBe(2);
    expect(stderr).toMatch(message as RegExp);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });
});
