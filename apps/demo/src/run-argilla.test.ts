// `run` and Argilla without the real server: an unreachable one that is configured is an error (exit 1, before any
// model call); an unconfigured one is the documented skip (exit 0, stops before review).
import { mkdtemp } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { examWriterHandler, type ScriptedOpenAIServer, startScriptedOpenAIServer } from "@domain-eval/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, EXAMPLES, runCli } from "../test/run-cli.js";

let server: ScriptedOpenAIServer;
let dir: string;

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

beforeAll(async () => {
  server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
  dir = await mkdtemp(join(tmpdir(), "run-argilla-"));
});
afterAll(async () => {
  await server.close();
});

const model = () => ({ OPENAI_BASE_URL: server.url, DOMAIN_EVAL_MODEL: "scripted-exam-writer" });

describe("run with Argilla", () => {
  it("configured but unreachable: exit 1 with the reason, before any model call, the key never printed", async () => {
    const port = await closedPort();
    const before = server.requests.length;
    const { code, stderr } = await runCli(["run", "--docs", EXAMPLES, "--out", join(dir, "down"), "--no-validate"], {
      env: cleanEnv({
        ...model(),
        ARGILLA_API_URL: `http://127.0.0.1:${port}`,
        ARGILLA_API_KEY: "argilla.key-0123456789",
      }),
    });
    expect(code).toBe(1);
    const last = stderr.trim().split("\n").at(-1);
    expect(last).toMatch(
      /^domain-eval: ARGILLA_API_URL is set but Argilla cannot take the questions: cannot reach Argilla/,
    );
    expect(last).toContain("ECONNREFUSED");
    expect(last).toContain("--skip-review");
    expect(stderr).not.toContain("argilla.key-0123456789");
    expect(server.requests.length).toBe(before);
  });

  it("not configured: the documented skip, exit 0, stops before review", async () => {
    const { code, stderr } = await runCli(["run", "--docs", EXAMPLES, "--out", join(dir, "none"), "--no-validate"], {
      env: cleanEnv(model()),
    });
    expect(code).toBe(0);
    expect(stderr).toContain("(ARGILLA_API_URL is not set): stopping before review");
  });
});
