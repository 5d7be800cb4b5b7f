import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeDatasetFolder } from "@domain-eval/hub-publisher";
import { reviewedExamItem } from "@domain-eval/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, runCli } from "../test/run-cli.js";

let dir: string;
let dataset: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "evaluate-cli-"));
  dataset = join(dir, "exam");
  const items = Array.from({ length: 6 }, (_, index) =>
    reviewedExamItem({
      index,
      question: `Which number comes after ${index}?`,
      subject: "counting",
      choices: [index + 1, index + 2, index + 3, index + 4].map(String),
      answer: 0,
    }),
  );
  await writeDatasetFolder({
    items,
    dir: dataset,
    splits: { dev: 1 },
    card: { prettyName: "Exam", license: "mit", language: "en" },
  });
});

describe("domain-eval evaluate with a mistyped model", () => {
  it("names every bad spec and exits 2 before anything runs or is written; the card is untouched", async () => {
    const card = await readFile(join(dataset, "README.md"), "utf8");
    const out = join(dir, "results");
    const run = await runCli(
      [
        "evaluate",
        "--dataset",
        dataset,
        "--models",
        "./nope.gguf",
        "no such model",
        "--out",
        out,
        "--python",
        "/nonexistent/python",
      ],
      { env: cleanEnv() },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("GGUF file ./nope.gguf does not exist: check the path");
    expect(run.stderr).toContain('model spec "no such model" is none of: ');
    // refused before the evaluation Python is looked for, and nothing written
    expect(run.stderr).not.toMatch(/python/iu);
    expect(existsSync(out)).toBe(false);
    expect(await readFile(join(dataset, "README.md"), "utf8")).toBe(card);
  });
});
