import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, runCli } from "../test/run-cli.js";

const QUESTIONS = join(import.meta.dirname, "..", "test", "fixtures", "export-questions.jsonl");
let page: Server;
let url: string;
/** Where the validate runs write (their journals too), removed afterwards. */
let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "wrong-server-"));
  page = createServer((_, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end("<!doctype html><html><body>Sign in to the proxy</body></html>");
  });
  await new Promise<void>((resolve) => page.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => page.close(resolve));
  await rm(work, { recursive: true, force: true });
});

describe("a URL that answers with a web page instead of the API", () => {
  it("annotate: says ARGILLA_API_URL is not the Argilla API, not a JSON parse error", async () => {
    const { code, stderr } = await runCli(["annotate", QUESTIONS, "--dataset", "exam"], {
      env: cleanEnv({ ARGILLA_API_URL: url, ARGILLA_API_KEY: "argilla.apikey" }),
    });
    expect(code).toBe(1);
    expect(stderr).toContain("answered with something that is not JSON (a web page?), so it is not the Argilla API");
    expect(stderr).not.toMatch(/Unexpected token/u);
  });

  it("validate: says the panel endpoint is not an OpenAI API and to check the base URL", async () => {
    const { code, stderr } = await runCli([
      "validate",
      QUESTIONS,
      "--out",
      join(work, "wrong-server.jsonl"),
      "--panel",
      `m@${url}/v1`,
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain("answered with an HTML page, not an OpenAI chat completion: check the base URL");
  });

  it("validate --timeout: a panel endpoint that never answers is given up on, with the wait named", async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const started = Date.now();
      const { code, stderr } = await runCli([
        "validate",
        QUESTIONS,
        "--out",
        join(work, "silent.jsonl"),
        "--panel",
        `m@${origin}/v1`,
        "--timeout",
        "1",
      ]);
      expect(code).toBe(1);
      expect(stderr).toContain(`m at ${origin} did not answer after 4 attempts (no answer in 1 s)`);
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 40_000);
});
