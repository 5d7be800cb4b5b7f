import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { examWriterHandler, type ScriptedOpenAIServer, startScriptedOpenAIServer } from "@domain-eval/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, EXAMPLES, runCli } from "../test/run-cli.js";

let server: ScriptedOpenAIServer;
let dir: string;

beforeAll(async () => {
  server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
  dir = await mkdtemp(join(tmpdir(), "demo-report-"));
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("the quality report from the CLI", () => {
  it("run writes report.html at the end and prints its path; report and export --report make it again", async () => {
    const env = cleanEnv({ OPENAI_BASE_URL: server.url, OPENAI_API_KEY: "test", DOMAIN_EVAL_MODEL: "writer" });
    const out = join(dir, "run");
    const run = await runCli(["run", "--docs", EXAMPLES, "--out", out, "--skip-review", "--json"], { env });
    expect(run.code).toBe(0);
    const reportFile = join(out, "report.html");
    expect(run.stderr).toContain(`report: ${reportFile}`);
    expect(JSON.parse(run.stdout).report).toBe(reportFile);
    const html = await readFile(reportFile, "utf8");
    // the run's summary (tokens) and the documents (chunks never asked) reach the report
    expect(html).toMatch(/model calls/u);
    expect(html).toMatch(/of 8 chunks produced no kept question/u);
    expect(html).toContain('data-chart="answer-positions"');

    const again = await runCli(
      [
        "report",
        "--questions",
        join(out, "questions.jsonl"),
        "--dataset",
        join(out, "dataset"),
        "--out",
        join(dir, "again.html"),
        "--json",
      ],
      { env },
    );
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ file: join(dir, "again.html") });

    const datasetDir = join(dir, "exported");
    const exportArgs = ["export", "--questions", join(out, "questions.jsonl"), "--out", datasetDir, "--report"];
    const exported = await runCli(exportArgs, { env });
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(`report: ${join(datasetDir, "report.html")}`);
    expect(existsSync(join(datasetDir, "report.html"))).toBe(true);
    // a folder holding its report is still a dataset folder the next export replaces
    expect((await runCli(exportArgs, { env })).code).toBe(0);
  });

  it("says what is wrong with the input, exit code 2", async () => {
    const missing = await runCli(["report", "--questions", join(dir, "none.jsonl"), "--out", join(dir, "x.html")], {
      env: cleanEnv(),
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/none\.jsonl does not exist: pass the questions\.jsonl/u);
    expect(existsSync(join(dir, "x.html"))).toBe(false);
  });
});
