// --model-file: in-process inference with node-llama-cpp on a tiny random-weight GGUF made locally (no model can be
// downloaded here). The grammar constrains its gibberish to the question schema, so each call either yields JSON that
// parses (usually an empty question list: the cheapest valid answer) or, when a random string never closes within the
// token cap, a clear per-chunk "cut off" failure — never a parse error, a crash or a hang.
// (Non-empty schema-valid output from the grammar is tested in @domain-eval/local-model with small schemas.)
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeTinyGguf } from "@domain-eval/testing";
import { describe, expect, it } from "vitest";
import { cleanEnv, runCli } from "../test/run-cli.js";

describe("domain-eval generate --model-file", () => {
  it("runs a local GGUF in-process: grammar-constrained answers parse, or are reported as cut off", async () => {
    const work = await mkdtemp(join(tmpdir(), "cli-gguf-"));
    const modelFile = await makeTinyGguf({ dir: work });
    const docs = join(work, "docs");
    await mkdir(docs);
    await writeFile(
      join(docs, "note.md"),
      "Net revenue for fiscal 2023 was EUR 412 million, up 8% from fiscal 2022.\n",
    );
    const run = await runCli(
      [
        "generate",
        "--docs",
        docs,
        "--out",
        join(work, "q.jsonl"),
        "--model-file",
        modelFile,
        "--questions-per-chunk",
        "1",
        "--max-output-tokens",
        "48",
        "--json",
      ],
      { env: cleanEnv() },
    );
    const summary = JSON.parse(run.stdout);
    expect(summary.chunks).toBe(1);
    expect(summary.stats.calls).toBeGreaterThanOrEqual(1);
    expect(summary.stats.completionTokens).toBeGreaterThan(0);
    if (summary.failures.length === 0) {
      // parsed: the chunk's questions (if any) were judged by the checks
      expect(summary.stats.chunksFailed).toBe(0);
      expect(summary.stats.chunksDone).toBe(1);
    } else {
      expect(summary.stats.calls).toBe(3); // first try + 2 retries, in-process
      expect(summary.failures).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/cut off after maxTokens \(48\) tokens/) }),
      ]);
      expect(summary.journal).toBe(join(work, "q.jsonl.journal.jsonl"));
    }
    // no question survives the checks from random weights: nothing usable, so exit 1
    expect(summary.stats.questionsKept).toBe(0);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("explains a model file that is not a GGUF", async () => {
    const work = await mkdtemp(join(tmpdir(), "cli-gguf-"));
    const fake = join(work, "model.gguf");
    await writeFile(fake, "not a model");
    const docs = join(work, "docs");
    await mkdir(docs);
    await writeFile(join(docs, "note.md"), "Net revenue for fiscal 2023 was EUR 412 million.\n");
    const run = await runCli(["generate", "--docs", docs, "--out", join(work, "q.jsonl"), "--model-file", fake], {
      env: cleanEnv(),
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/--model-file: .*GGUF/);
  });
});
