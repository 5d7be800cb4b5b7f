// How `generate` meets an endpoint that fails: a key echoed back, nothing listening, no answer, not an OpenAI API.
// Each case runs the built CLI against a tiny HTTP server playing the bad endpoint, on two small documents.
import { mkdir, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { examWriterHandler, type ScriptedOpenAIServer, startScriptedOpenAIServer } from "@domain-eval/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliRun, cleanEnv, runCli } from "../test/run-cli.js";

const KEY = "sk-SECRETKEY-abc123XYZ";

let dir: string;
let docs: string;
const servers: Server[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "endpoint-failures-"));
  docs = join(dir, "docs");
  await mkdir(docs);
  for (const topic of ["reserves", "penalties"]) {
    const sentences = Array.from(
      { length: 10 },
      (_, j) =>
        `In quarter ${j + 1} the ${topic} rule of the central bank required ${10 + j} percent of demand deposits from every member bank.`,
    );
    await writeFile(join(docs, `${topic}.md`), `# ${topic}\n\n${sentences.join(" ")}\n`);
  }
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

/** A bad endpoint on a free port; returns its base URL (ending in /v1 unless `path` says otherwise). */
async function badEndpoint(
  respond: (req: IncomingMessage, res: ServerResponse) => void,
  path = "/v1",
): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => respond(req, res));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const generate = (out: string, ...extra: string[]) => [
  "generate",
  "--docs",
  docs,
  "--out",
  out,
  "--chunk-size",
  "120",
  "--chunk-overlap",
  "0",
  ...extra,
];

/** Every file under `folder`, with its text. */
async function filesUnder(folder: string): Promise<{ path: string; text: string }[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => {
        const path = join(e.parentPath, e.name);
        return { path, text: await readFile(path, "utf8") };
      }),
  );
}

function expectNoWarnings(run: CliRun): void {
  expect(run.stderr).not.toMatch(/MaxListenersExceededWarning|Warning:/u);
}

describe("an endpoint that echoes the API key in its errors", () => {
  const echo = (status: number) => (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: { message: `Bad key: ${req.headers.authorization}`, type: "invalid_request" } }));
  };

  it.each([
    ["401, key from OPENAI_API_KEY", 401, "env"],
    ["400, key from --config", 400, "config"],
  ])("%s: the key is in no output and no file, *** is", async (_name, status, from) => {
    const url = await badEndpoint(echo(status));
    const outDir = join(dir, `echo-${status}`);
    await mkdir(outDir);
    const configFile = join(dir, `config-${status}.json`);
    await writeFile(configFile, JSON.stringify({ openaiApiKey: KEY }));
    const env = cleanEnv({
      OPENAI_BASE_URL: url,
      DOMAIN_EVAL_MODEL: "m",
      ...(from === "env" ? { OPENAI_API_KEY: KEY } : {}),
    });
    const args = generate(join(outDir, "e.jsonl"));
    const human = await runCli(from === "config" ? ["--config", configFile, ...args] : args, { env });
    const files = await filesUnder(outDir);
    // the journal is kept (the run failed), so the --json run resumes it
    const json = await runCli(
      from === "config" ? ["--config", configFile, ...args, "--resume", "--json"] : [...args, "--resume", "--json"],
      { env },
    );
    expect(human.code).toBe(1);
    expect(json.code).toBe(1);
    expect(files.map((f) => f.path)).toContain(join(outDir, "e.jsonl.journal.jsonl"));
    for (const text of [human.stdout, human.stderr, json.stdout, json.stderr, ...files.map((f) => f.text)]) {
      expect(text).not.toContain(KEY);
      expect(text).not.toContain("SECRETKEY");
    }
    expect(human.stderr).toContain("Bad key: Bearer ***");
    expect(files.find((f) => f.path.endsWith(".journal.jsonl"))?.text).toContain("Bearer ***");
    expect(JSON.parse(json.stdout).failures[0].message).toContain("Bearer ***");
  });
});

describe("an endpoint that cannot be used", () => {
  it("nothing listening: stops in seconds, names the URL, ECONNREFUSED and the fix, no listener warnings", async () => {
    const url = `http://127.0.0.1:${await closedPort()}/v1`;
    const started = Date.now();
    const run = await runCli(generate(join(dir, "refused.jsonl")), {
      env: cleanEnv({ OPENAI_BASE_URL: url, DOMAIN_EVAL_MODEL: "m" }),
    });
    expect(run.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.stderr).toContain(`model: m at ${url}`);
    expect(run.stderr).toContain(
      `cannot connect to ${url} (ECONNREFUSED): is the server running? check OPENAI_BASE_URL`,
    );
    expectNoWarnings(run);
  });

  it("a server that never answers: the model line comes first, and --timeout ends each call", async () => {
    const url = await badEndpoint(() => {
      // accepted, never answered
    });
    const started = Date.now();
    const run = await runCli(generate(join(dir, "silent.jsonl"), "--timeout", "1"), {
      env: cleanEnv({ OPENAI_BASE_URL: url, DOMAIN_EVAL_MODEL: "m" }),
    });
    expect(run.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.stderr.split("\n")[0]).toBe(`model: m at ${url}`);
    expect(run.stderr).toContain(`no answer from ${url} in 1 s`);
    expectNoWarnings(run);
  });

  it.each([
    [
      "a web page answering 200",
      (_req: IncomingMessage, res: ServerResponse) => {
        res.writeHead(200, { "content-type": "text/html" });
        res.end("<!doctype html><html><body>Welcome to nginx!</body></html>");
      },
      "did not answer as an OpenAI-compatible API",
    ],
    [
      "a server without /v1 (404 Invalid URL)",
      (req: IncomingMessage, res: ServerResponse) => {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(
          JSON.stringify({ error: { message: `Invalid URL (${req.method} ${req.url})`, type: "invalid_request" } }),
        );
      },
      "has no chat completions API (404 Invalid URL",
    ],
  ])(
    "%s: says the URL is not the OpenAI API, check OPENAI_BASE_URL, without retrying",
    async (_name, respond, said) => {
      let requests = 0;
      const url = await badEndpoint((req, res) => {
        requests++;
        respond(req, res);
      }, "");
      const run = await runCli(generate(join(dir, `not-api-${requests}-${Date.now()}.jsonl`), "--concurrency", "1"), {
        env: cleanEnv({ OPENAI_BASE_URL: url, DOMAIN_EVAL_MODEL: "m" }),
      });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(said);
      expect(run.stderr).toContain("check OPENAI_BASE_URL: it is the API's base URL, which usually ends in /v1");
      expect(run.stderr).not.toContain("check the model id");
      expect(run.stderr).not.toContain("Cannot read properties");
      // one call per chunk, and the run stops after 3 chunks failing the same way
      expect(requests).toBe(3);
    },
  );
});

describe("--out checked before any model call", () => {
  let server: ScriptedOpenAIServer;
  beforeAll(async () => {
    server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
  });
  afterAll(async () => {
    await server.close();
  });

  it("a folder is exit 2 with one line, and no call is made", async () => {
    const folder = join(dir, "a-folder");
    await mkdir(folder);
    const run = await runCli(generate(folder), {
      env: cleanEnv({ OPENAI_BASE_URL: server.url, DOMAIN_EVAL_MODEL: "scripted-exam-writer" }),
    });
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe(
      `domain-eval: --out ${folder} is a folder: pass a file path, e.g. --out ${join(folder, "questions.jsonl")}`,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("missing parent folders are created", async () => {
    const out = join(dir, "new", "sub", "q.jsonl");
    const run = await runCli(generate(out, "--max-questions", "2"), {
      env: cleanEnv({ OPENAI_BASE_URL: server.url, DOMAIN_EVAL_MODEL: "scripted-exam-writer" }),
    });
    expect(run.stderr).not.toContain("ENOENT");
    expect(run.code).toBe(0);
    expect((await readFile(out, "utf8")).trim().split("\n").length).toBeGreaterThan(0);
  });
});
