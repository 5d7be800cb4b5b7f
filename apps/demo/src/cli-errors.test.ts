import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { examWriterHandler, type ScriptedOpenAIServer, startScriptedOpenAIServer } from "@domain-eval/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, EXAMPLES, runCli, spawnCli } from "../test/run-cli.js";

let server: ScriptedOpenAIServer;
let dir: string;
let modelEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
  dir = await mkdtemp(join(tmpdir(), "cli-errors-"));
  modelEnv = cleanEnv({ OPENAI_BASE_URL: server.url, DOMAIN_EVAL_MODEL: "scripted-exam-writer" });
});
afterAll(async () => {
  await server.close();
});

function oneLine(stderr: string): string {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  return lines[0] as string;
}

describe("bad input: one clear line, non-zero exit, nothing written damaged", () => {
  it("no model configured and the embedded one cannot be fetched (no Python): says why and exactly what to set", async () => {
    const cache = join(dir, "empty-cache");
    const { code, stderr } = await runCli(["generate", "--docs", EXAMPLES, "--out", join(dir, "q.jsonl")], {
      env: cleanEnv({ DOMAIN_EVAL_CACHE: cache, PATH: "/nonexistent" }),
    });
    expect(code).toBe(2);
    const lines = stderr.trim().split("\n");
    // the download notice, then the one-line error
    expect(lines.at(-1)).toMatch(
      /no model configured and the embedded model is unavailable \(cannot fetch the model smollm2-135m-instruct: cannot run python3 .*\); set OPENAI_BASE_URL and DOMAIN_EVAL_MODEL .* --model-file/,
    );
    expect(lines.length).toBeLessThanOrEqual(2);
  });

  it("a missing docs folder", async () => {
    const { code, stderr } = await runCli(["generate", "--docs", join(dir, "nope"), "--out", join(dir, "q.jsonl")], {
      env: modelEnv,
    });
    expect(code).toBe(2);
    expect(oneLine(stderr)).toContain("does not exist: point it at a folder of .txt, .md, .html, .pdf or .docx files");
  });

  it("an empty docs folder and one with only unusable files", async () => {
    const empty = join(dir, "empty");
    await mkdir(empty);
    let run = await runCli(["generate", "--docs", empty, "--out", join(dir, "q.jsonl")], { env: modelEnv });
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toContain("holds no usable documents");
    const junk = join(dir, "junk");
    await mkdir(junk);
    await writeFile(join(junk, "image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
    await writeFile(join(junk, "latin1.txt"), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x00, 0xff]));
    await writeFile(join(junk, "blank.md"), "   \n");
    run = await runCli(["generate", "--docs", junk, "--out", join(dir, "q.jsonl")], { env: modelEnv });
    expect(run.code).toBe(2);
    const line = oneLine(run.stderr);
    expect(line).toContain("image.png");
    expect(line).toContain("latin1.txt");
    expect(line).toContain("blank.md");
  });

  it("an unreachable Argilla, and no Argilla configured", async () => {
    const questions = join(dir, "questions.jsonl");
    const good = await runCli(["generate", "--docs", EXAMPLES, "--out", questions], { env: modelEnv });
    expect(good.code).toBe(0);
    const before = await readFile(questions, "utf8");
    let run = await runCli(["annotate", questions, "--dataset", "x"], {
      env: cleanEnv({ ARGILLA_API_URL: "http://127.0.0.1:9", ARGILLA_API_KEY: "secret-argilla-key" }),
    });
    expect(run.code).toBe(1);
    expect(oneLine(run.stderr)).toMatch(/cannot reach Argilla .*npm run peers:up/);
    expect(run.stderr).not.toContain("secret-argilla-key");
    run = await runCli(["annotate", questions, "--dataset", "x"]);
    expect(run.code).toBe(2);
    expect(oneLine(run.stderr)).toContain("ARGILLA_API_URL is not set");
    expect(await readFile(questions, "utf8")).toBe(before);
  });

  it("a malformed Hub token is refused before anything is uploaded, and never printed", async () => {
    const questions = join(dir, "questions-hub.jsonl");
    expect((await runCli(["generate", "--docs", EXAMPLES, "--out", questions], { env: modelEnv })).code).toBe(0);
    const out = join(dir, "hub-dataset");
    const run = await runCli(["export", "--questions", questions, "--out", out, "--push-to-hub", "me/exam"], {
      env: cleanEnv({ HF_TOKEN: "not-a-token-123" }),
    });
    expect(run.code).toBe(1);
    expect(oneLine(run.stderr)).toMatch(/publishing to me\/exam failed: .*hf_/);
    expect(run.stderr).not.toContain("not-a-token-123");
    // the local folder was written before publishing and stays usable
    expect(await readFile(join(out, "README.md"), "utf8")).not.toContain("not-a-token-123");
  });

  it("export --threads: a whole number of at least 1, and only with --questions", async () => {
    const out = join(dir, "threads-out");
    const zero = await runCli(["export", "--questions", "q.jsonl", "--out", out, "--threads", "0"], {
      env: cleanEnv(),
    });
    expect(zero.code).not.toBe(0);
    expect(zero.stderr).toContain("--threads must be a whole number of at least 1");
    const withDataset = await runCli(["export", "--dataset", "exam", "--out", out, "--threads", "2"], {
      env: cleanEnv(),
    });
    expect(withDataset.code).toBe(2);
    expect(oneLine(withDataset.stderr)).toBe(
      "domain-eval: --threads applies to --questions FILE (a file read in parts); --dataset reads Argilla page by page: drop --threads",
    );
  });

  it("a task name that breaks LightEval's rules exits 2 with the rule", async () => {
    const { code, stderr } = await runCli([
      "task",
      "--dataset",
      "my-org/exam",
      "--name",
      "bad|name",
      "--out",
      join(dir, "t.py"),
    ]);
    expect(code).toBe(2);
    expect(oneLine(stderr)).toMatch(/\|/);
  });
});

describe("generate", () => {
  it("--dry-run lists skipped files and estimates calls and tokens without a model", async () => {
    const docs = join(dir, "dry");
    await mkdir(docs);
    await writeFile(join(docs, "a.md"), await readFile(join(EXAMPLES, "metformin-teaching-note.md")));
    await writeFile(join(docs, "b.bin"), Buffer.from([0, 1, 2, 3]));
    const { code, stdout, stderr } = await runCli(["generate", "--docs", docs, "--dry-run", "--json"]);
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary.documents).toBe(1);
    expect(summary.skipped).toEqual([expect.objectContaining({ path: "b.bin" })]);
    expect(summary.estimate.calls).toBe(summary.chunks);
    expect(summary.estimate.promptTokens).toBeGreaterThan(100);
    expect(stderr).toContain("skipped b.bin");
  });

  it("refuses to start over a journal of an interrupted run without --resume", async () => {
    const out = join(dir, "journaled.jsonl");
    await writeFile(`${out}.journal.jsonl`, "");
    const { code, stderr } = await runCli(["generate", "--docs", EXAMPLES, "--out", out], { env: modelEnv });
    expect(code).toBe(2);
    expect(oneLine(stderr)).toContain("holds an interrupted run: pass --resume");
  });
});

describe("a reader that stops early", () => {
  it("`domain-eval report --help | head` ends quietly: exit 0, no EPIPE stack trace", async () => {
    const child = spawnCli(["report", "--help"]);
    // the reader is gone before the CLI writes: every write to stdout fails with EPIPE
    child.stdout?.destroy();
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled 'error' event/u);
    expect(code).toBe(0);
  });
});
