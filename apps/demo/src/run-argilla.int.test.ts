// `run` and the demo script against the real Argilla with a wrong key: exit 1 with the server's reason, before any
// model call (they used to print "stopping before review" and exit 0, and the demo ended without a dataset).
import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { examWriterHandler, type ScriptedOpenAIServer, startScriptedOpenAIServer } from "@domain-eval/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, EXAMPLES, runCli } from "../test/run-cli.js";

const REPO = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const WRONG_KEY = "wrong-argilla-key-7f3a9c";
let server: ScriptedOpenAIServer;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
  env = cleanEnv({
    OPENAI_BASE_URL: server.url,
    DOMAIN_EVAL_MODEL: "scripted-exam-writer",
    ARGILLA_API_URL: process.env.ARGILLA_API_URL as string,
    ARGILLA_API_KEY: WRONG_KEY,
  });
});
afterAll(async () => {
  await server.close();
});

describe("a configured Argilla that refuses the key", () => {
  it("run exits 1 with Argilla's 401 and what to do, before any model call", async () => {
    const out = await mkdtemp(join(tmpdir(), "run-wrong-key-"));
    const { code, stderr } = await runCli(["run", "--docs", EXAMPLES, "--out", out, "--no-validate"], { env });
    expect(code).toBe(1);
    const last = stderr.trim().split("\n").at(-1);
    expect(last).toMatch(/^domain-eval: ARGILLA_API_URL is set but Argilla cannot take the questions: .*401/);
    expect(last).toContain("ARGILLA_API_KEY");
    expect(stderr).not.toContain(WRONG_KEY);
    expect(server.requests).toHaveLength(0);
  });

  it("the demo script (npm run demo) fails the same way instead of ending without a dataset", async () => {
    const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile("bash", ["scripts/demo.sh", "--no-validate"], { cwd: REPO, env }, (error, _stdout, stderr) =>
        resolve({ code: error ? Number(error.code) : 0, stderr }),
      );
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/ARGILLA_API_URL is set but Argilla cannot take the questions: .*401/);
    expect(stderr).not.toContain(WRONG_KEY);
    expect(server.requests).toHaveLength(0);
  });
});

describe("a configured Argilla that accepts the key", () => {
  it("run checks it first, generates, sends the questions for review and exits 0", async () => {
    const out = await mkdtemp(join(tmpdir(), "run-right-key-"));
    const dataset = `run_check_${Date.now().toString(36)}`;
    const { code, stderr } = await runCli(
      ["run", "--docs", EXAMPLES, "--out", out, "--dataset", dataset, "--no-validate", "--max-questions", "4"],
      { env: { ...env, ARGILLA_API_KEY: process.env.ARGILLA_API_KEY as string } },
    );
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/questions are ready for review at http/);
    expect(stderr).not.toContain(process.env.ARGILLA_API_KEY as string);
  });
});
