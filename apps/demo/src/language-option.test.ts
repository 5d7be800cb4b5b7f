import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { examWriterHandler, type ScriptedOpenAIServer, startScriptedOpenAIServer } from "@domain-eval/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, EXAMPLES, runCli } from "../test/run-cli.js";

let server: ScriptedOpenAIServer;
let dir: string;
beforeAll(async () => {
  server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
  dir = await mkdtemp(join(tmpdir(), "language-option-"));
});
afterAll(async () => {
  await server.close();
});

describe("--language takes a code, checked before any work", () => {
  it("run --language Japanese: exit 2 with the code to use, before any model call or file", async () => {
    const out = join(dir, "run-ja");
    const before = server.requests.length;
    const run = await runCli(["run", "--docs", EXAMPLES, "--out", out, "--skip-review", "--language", "Japanese"], {
      env: cleanEnv({ OPENAI_BASE_URL: server.url, DOMAIN_EVAL_MODEL: "scripted" }),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      '--language takes a language code such as "en", "ja" or "pt-BR", not "Japanese": did you mean --language ja?',
    );
    expect(server.requests.length).toBe(before);
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [
      ["generate", "--docs", EXAMPLES, "--dry-run", "--language", "jp"],
      /"jp" is a country code, not a language code: did you mean --language ja\?/u,
    ],
    [["generate", "--docs", EXAMPLES, "--dry-run", "--language", ""], /--language takes a language code .*, not ""/u],
    [["export", "--questions", "q.jsonl", "--out", "x", "--language", "Chinese"], /did you mean --language zh\?/u],
    [["task", "--dataset", "my-org/exam", "--name", "exam", "--language", "English"], /did you mean --language en\?/u],
  ])("%j: exit 2, the fix named", async (args, message) => {
    const run = await runCli(args, { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("a code is taken as given (generate --dry-run --language zh-Hant)", async () => {
    const run = await runCli(["generate", "--docs", EXAMPLES, "--dry-run", "--language", "zh-Hant"]);
    expect(run.code, run.stderr).toBe(0);
  });
});
