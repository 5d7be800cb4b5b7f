// validate --batch, --batch-file-only, --from-batch-results, --dry-run --prices and `domain-eval batches` for a
// validation, run as a user runs them (the built CLI) against the scripted server's Files and Batches endpoints.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  multipleChoiceHandler,
  readingPanel,
  type ScriptedHandler,
  type ScriptedOpenAIServer,
  startScriptedOpenAIServer,
  VALIDATION_QUESTIONS,
} from "@domain-eval/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, runCli, spawnCli } from "../test/run-cli.js";

let server: ScriptedOpenAIServer;
let dir: string;
let input: string;
// with log-probabilities, so the batch path must read them as the direct path does
const reader: ScriptedHandler = multipleChoiceHandler({ decide: readingPanel, confidence: 0.7 });
// 4 questions × 12 requests (open book 1, order swap 3, closed book 4, options only 4)
const REQUESTS = 48;

beforeAll(async () => {
  server = await startScriptedOpenAIServer({ handler: reader, batches: { stepMs: 20 } });
  dir = await mkdtemp(join(tmpdir(), "cli-validate-batch-"));
  input = join(dir, "questions.jsonl");
  await writeFile(
    input,
    `${Object.values(VALIDATION_QUESTIONS)
      .map((q) => JSON.stringify(q))
      .join("\n")}\n`,
  );
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const out = (name: string) => join(dir, `${name}-${randomUUID().slice(0, 8)}.jsonl`);
const args = (file: string, url = server.url) => ["validate", input, "--out", file, "--panel", `reader@${url}`];
const env = () => cleanEnv({ OPENAI_API_KEY: "test" });
const batchesCreated = (s: ScriptedOpenAIServer) =>
  s.requests.filter((r) => r.method === "POST" && r.path === "/v1/batches").length;

let reference: string | undefined;
/** The synchronous run's output on the same scripted answers: what every batch flavour must reproduce. */
async function syncReference(): Promise<string> {
  if (reference) return reference;
  const file = out("sync");
  const run = await runCli(args(file), { env: env() });
  expect(run.stderr).toMatch(/validated 4 of 4 questions: .*KEY_DISPUTED 1/);
  reference = await readFile(file, "utf8");
  expect(reference).toContain('"scoring":"logprobs"');
  return reference;
}

describe("validate --batch", () => {
  it("writes the same questions, validation blocks and findings as the synchronous run, from one batch", async () => {
    const ref = await syncReference();
    const before = batchesCreated(server);
    const file = out("batch");
    const run = await runCli([...args(file), "--batch", "--batch-poll", "0.05", "--json"], { env: env() });
    expect(run.code, run.stderr).toBe(1); // the KEY_DISPUTED error, as the synchronous run
    const summary = JSON.parse(run.stdout);
    expect(summary.batches.submitted).toHaveLength(1);
    expect(summary.stats.calls).toBe(REQUESTS);
    expect(batchesCreated(server) - before).toBe(1);
    expect(server.batches().at(-1)?.request_counts).toEqual({ total: REQUESTS, completed: REQUESTS, failed: 0 });
    expect(await readFile(file, "utf8")).toBe(ref);
    expect(existsSync(`${file}.journal.jsonl`)).toBe(false);
  });

  it("killed mid-poll, resumes the running batch without submitting a second one; batches lists it", async () => {
    const ref = await syncReference();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const held = await startScriptedOpenAIServer({
      handler: async (request, context) => {
        await gate;
        return reader(request, context);
      },
      batches: { stepMs: 20, lineConcurrency: 1 },
    });
    const file = out("killed");
    const journal = `${file}.journal.jsonl`;
    const child = spawnCli([...args(file, held.url), "--batch", "--batch-poll", "0.05"], { env: env() });
    const exited = new Promise((resolve) => child.on("close", resolve));
    for (;;) {
      const text = existsSync(journal) ? await readFile(journal, "utf8") : "";
      if (text.includes('"type":"batch"') && held.batches().at(-1)?.status === "in_progress") break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 150)); // a few polls
    child.kill("SIGKILL");
    await exited;
    expect(existsSync(file)).toBe(false);
    expect(batchesCreated(held)).toBe(1);

    const listed = await runCli(["batches", "--out", file, "--json"], {
      env: cleanEnv({ OPENAI_API_KEY: "test", OPENAI_BASE_URL: held.url }),
    });
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).batches).toMatchObject([
      { id: held.batches()[0]?.id, status: "in_progress", total: REQUESTS, created_by: "domain-eval validate" },
    ]);

    release();
    const resumed = await runCli([...args(file, held.url), "--batch", "--batch-poll", "0.05", "--resume", "--json"], {
      env: env(),
    });
    expect(resumed.code, resumed.stderr).toBe(1);
    const summary = JSON.parse(resumed.stdout);
    expect(summary.batches).toMatchObject({ submitted: [], resumed: [held.batches()[0]?.id] });
    // the server's log shows one batch for the whole run
    expect(batchesCreated(held)).toBe(1);
    expect(await readFile(file, "utf8")).toBe(ref);
    await held.close();
  });

  it("writes the requests, and reads vLLM run_batch results into the synchronous run's output", async () => {
    const ref = await syncReference();
    const file = out("offline");
    const written = await runCli([...args(file), "--batch-file-only"], { env: env() });
    expect(written.code, written.stderr).toBe(0);
    const requestsFile = file.replace(/\.jsonl$/u, ".batch-requests.jsonl");
    expect(written.stderr).toContain(`wrote ${requestsFile}: ${REQUESTS} requests`);
    expect(existsSync(file)).toBe(false);
    const lines = (await readFile(requestsFile, "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { custom_id: string; url: string; body: unknown });
    expect(lines).toHaveLength(REQUESTS);
    // the offline engine: each request answered, written as vLLM's BatchRequestOutput lines
    // (vllm/entrypoints/openai/run_batch.py: {id, custom_id, response: {status_code, request_id, body}, error})
    const results = [];
    for (const [i, line] of lines.entries()) {
      const response = await fetch(`${server.url}/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(line.body),
      });
      const body = await response.json();
      results.push({
        id: `vllm-${i}`,
        custom_id: line.custom_id,
        response: { status_code: 200, request_id: `vllm-batch-${i}`, body },
        error: null,
      });
    }
    const resultsFile = join(dir, `results-${randomUUID().slice(0, 8)}.jsonl`);
    await writeFile(resultsFile, `${results.map((r) => JSON.stringify(r)).join("\n")}\n`);
    const before = server.requests.length;
    const ingested = await runCli([...args(file), "--from-batch-results", resultsFile], { env: env() });
    expect(ingested.stderr).toContain(`read ${REQUESTS} answers from ${resultsFile}`);
    expect(server.requests.length).toBe(before); // nothing asked again
    expect(await readFile(file, "utf8")).toBe(ref);
  });

  it("says in one line that local models cannot be batched", async () => {
    const gguf = join(dir, "tiny.gguf");
    await writeFile(gguf, "not loaded: --batch-file-only never scores");
    const run = await runCli([...args(out("mixed")), "--panel", `gguf:${gguf}`, "--batch-file-only"], { env: env() });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`local panel model(s) tiny cannot be batched: they answer in-process as usual`);
  });

  it("prints the dry run's cost sent one by one and as a batch", async () => {
    const prices = join(dir, "prices.json");
    await writeFile(prices, JSON.stringify({ batch_discount: 0.5, models: { reader: { input: 1, output: 4 } } }));
    const run = await runCli([...args(out("dry")), "--dry-run", "--prices", prices, "--json"], { env: env() });
    expect(run.code, run.stderr).toBe(0);
    const { cost, estimate } = JSON.parse(run.stdout);
    const sync = (estimate.promptTokens * 1 + estimate.completionTokens * 4) / 1e6;
    expect(cost.estimateSync.amount).toBeCloseTo(sync, 10);
    expect(cost.estimateBatch.amount).toBeCloseTo(sync / 2, 10);
    const text = await runCli([...args(out("dry")), "--dry-run", "--prices", prices], { env: env() });
    expect(text.stderr).toMatch(/estimated cost: 0\.\d{4} USD sent one by one, 0\.\d{4} USD as a batch \(--batch\)/);
  });
});
