// generate --batch, --batch-file-only, --from-batch-results, --prices and `domain-eval batches`, run as a user runs them
// (the built CLI) against the scripted server's Files and Batches endpoints.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  examWriterHandler,
  type ScriptedOpenAIServer,
  startScriptedOpenAIServer,
  vllmBatchOutputLine,
} from "@domain-eval/testing";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, runCli, spawnCli } from "../test/run-cli.js";

let server: ScriptedOpenAIServer;
let dir: string;
let docs: string;
let prices: string;

beforeAll(async () => {
  server = await startScriptedOpenAIServer({
    handler: examWriterHandler(),
    reportedModel: "gpt-4o-mini-2024-07-18",
    batches: { stepMs: 20 },
  });
  dir = await mkdtemp(join(tmpdir(), "cli-batch-"));
  docs = join(dir, "docs");
  await mkdir(docs);
  for (const [i, topic] of ["revenue", "margin", "dividend", "capital", "liquidity", "leases"].entries()) {
    const sentences = Array.from(
      { length: 10 },
      (_, j) =>
        `In quarter ${j + 1} of fiscal ${2010 + i} the ${topic} figure of unit ${i} reached ${100 + 7 * j + i} million euros after review number ${j}.`,
    );
    await writeFile(join(docs, `${topic}.md`), `# ${topic}\n\n${sentences.join(" ")}\n`);
  }
  prices = join(dir, "prices.json");
  await writeFile(
    prices,
    JSON.stringify({ currency: "USD", batch_discount: 0.5, models: { "gpt-4o-mini": { input: 0.15, output: 0.6 } } }),
  );
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const env = () => cleanEnv({ OPENAI_BASE_URL: server.url, DOMAIN_EVAL_MODEL: "gpt-4o-mini" });

/** A provider whose batch lines wait until the test lets them go: its batch is surely running when the test acts. */
async function heldProvider() {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const writer = examWriterHandler();
  const held = await startScriptedOpenAIServer({
    handler: async (request, context) => {
      await gate;
      return writer(request, context);
    },
    reportedModel: "gpt-4o-mini-2024-07-18",
    batches: { stepMs: 20, lineConcurrency: 1 },
  });
  return {
    held,
    release,
    env: () => cleanEnv({ OPENAI_BASE_URL: held.url, DOMAIN_EVAL_MODEL: "gpt-4o-mini" }),
    created: () => held.requests.filter((r) => r.method === "POST" && r.path === "/v1/batches").length,
  };
}

/** Waits until the run's journal records a batch and the provider works on it. */
async function untilBatchRunning(journal: string, provider: ScriptedOpenAIServer): Promise<void> {
  for (;;) {
    const text = existsSync(journal) ? await readFile(journal, "utf8") : "";
    if (text.includes('"type":"batch"') && provider.batches().at(-1)?.status === "in_progress") return;
    await new Promise((r) => setTimeout(r, 10));
  }
}
const args = (out: string) => ["generate", "--docs", docs, "--out", out, "--chunk-size", "120", "--chunk-overlap", "0"];
const batchesCreated = () => server.requests.filter((r) => r.method === "POST" && r.path === "/v1/batches").length;
const syncCalls = () => server.requests.filter((r) => r.path === "/v1/chat/completions" && !r.batchId).length;
const out = (name: string) => join(dir, `${name}-${randomUUID().slice(0, 8)}.jsonl`);

let reference: { file: string; text: string; chunks: number } | undefined;
/** The synchronous run on the same scripted answers: what every batch flavour must reproduce. */
async function syncReference() {
  if (reference) return reference;
  const file = out("sync");
  const run = await runCli([...args(file), "--json"], { env: env() });
  expect(run.code, run.stderr).toBe(0);
  reference = { file, text: await readFile(file, "utf8"), chunks: JSON.parse(run.stdout).chunks };
  return reference;
}

describe("generate --dry-run --prices", () => {
  it("prints the estimated cost sent one by one and as a batch, in money", async () => {
    const run = await runCli([...args(out("dry")), "--dry-run", "--prices", prices], { env: env() });
    expect(run.code, run.stderr).toBe(0);
    const line = run.stderr.split("\n").find((l) => l.startsWith("estimated cost"));
    const match = /estimated cost \(gpt-4o-mini\): ([\d.]+) USD sent one by one, ([\d.]+) USD as a batch/u.exec(
      line ?? "",
    );
    expect(match, run.stderr).not.toBeNull();
    const [sync, batch] = [Number(match?.[1]), Number(match?.[2])];
    expect(sync).toBeGreaterThan(0);
    expect(batch).toBeCloseTo(sync / 2, 3);

    const json = await runCli([...args(out("dry")), "--dry-run", "--prices", prices, "--json"], { env: env() });
    const summary = JSON.parse(json.stdout);
    const e = summary.estimate;
    expect(summary.cost.estimateSync.amount).toBeCloseTo((e.promptTokens * 0.15 + e.completionTokens * 0.6) / 1e6, 10);

    const without = await runCli([...args(out("dry")), "--dry-run"], { env: env() });
    expect(without.stderr).toMatch(/estimated cost: pass --prices FILE/u);
  });

  it("refuses a price table without the model, and a malformed one, naming the fix", async () => {
    const other = join(dir, "other-prices.json");
    await writeFile(other, JSON.stringify({ models: { "gpt-4.1": { input: 2, output: 8 } } }));
    const missing = await runCli([...args(out("dry")), "--dry-run", "--prices", other], { env: env() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--prices has no entry for model gpt-4o-mini: add it, or a "\*" entry/u);
    const bad = join(dir, "bad-prices.json");
    await writeFile(bad, JSON.stringify({ models: { "gpt-4o-mini": { input: "cheap", output: 1 } } }));
    const malformed = await runCli([...args(out("dry")), "--dry-run", "--prices", bad], { env: env() });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/models\["gpt-4o-mini"\]\.input must be a number of at least 0/u);
  });
});

describe("run --prices", () => {
  it("puts the spend and the estimate into the dataset card and the report", async () => {
    const outDir = join(dir, `run-${randomUUID().slice(0, 8)}`);
    const run = await runCli(
      [
        "run",
        "--docs",
        docs,
        "--out",
        outDir,
        "--skip-review",
        "--no-validate",
        "--chunk-size",
        "120",
        "--chunk-overlap",
        "0",
        "--prices",
        prices,
        "--json",
      ],
      { env: env() },
    );
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    const spend = summary.generate.cost.spend;
    expect(spend.amount).toBeGreaterThan(0);
    const card = await readFile(join(outDir, "dataset", "README.md"), "utf8");
    const line = card.split("\n").find((l) => l.startsWith("- Generation:"));
    expect(line).toBe(
      `- Generation: ${summary.generate.stats.calls} model calls sent one by one; ${summary.generate.stats.promptTokens} prompt + ${summary.generate.stats.completionTokens} completion tokens; cost ${spend.amount.toFixed(4)} USD (estimated ${summary.generate.cost.estimate.amount.toFixed(4)} USD).`,
    );
    const report = await readFile(join(outDir, "report.html"), "utf8");
    expect(report).toContain(`${spend.amount.toFixed(4)} USD`);
  });
});

describe("generate --batch", () => {
  it("writes the questions of the synchronous run and prints the spend at the batch price", async () => {
    const ref = await syncReference();
    const before = { batches: batchesCreated(), sync: syncCalls() };
    const file = out("batch");
    const run = await runCli([...args(file), "--batch", "--batch-poll", "0.05", "--prices", prices, "--json"], {
      env: env(),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(file, "utf8")).toBe(ref.text);
    expect(batchesCreated() - before.batches).toBe(1);
    expect(syncCalls()).toBe(before.sync);
    const summary = JSON.parse(run.stdout);
    expect(summary.mode).toBe("batch");
    expect(summary.batches.submitted).toHaveLength(1);
    const s = summary.stats;
    expect(summary.cost.spend.amount).toBeCloseTo(((s.promptTokens * 0.15 + s.completionTokens * 0.6) / 1e6) * 0.5, 10);
    expect(existsSync(`${file}.journal.jsonl`)).toBe(false);

    const human = await runCli([...args(out("batch")), "--batch", "--batch-poll", "0.05", "--prices", prices], {
      env: env(),
    });
    expect(human.stderr).toMatch(/^spend: [\d.]+ USD \(estimated [\d.]+ USD\)$/mu);
    expect(human.stderr).toMatch(/^batches: 1 submitted$/mu);
  });

  it("splits the requests over --batch-max-requests into several batches", async () => {
    const ref = await syncReference();
    const before = batchesCreated();
    const file = out("split");
    const run = await runCli([...args(file), "--batch", "--batch-poll", "0.05", "--batch-max-requests", "4"], {
      env: env(),
    });
    expect(run.code, run.stderr).toBe(0);
    expect(batchesCreated() - before).toBe(Math.ceil(ref.chunks / 4));
    expect(await readFile(file, "utf8")).toBe(ref.text);
  });

  it("killed mid-poll, resumes the running batch without submitting a second one", async () => {
    const ref = await syncReference();
    const { held, release, env, created } = await heldProvider();
    const file = out("killed");
    const child = spawnCli([...args(file), "--batch", "--batch-poll", "0.05"], { env: env() });
    const exited = new Promise((resolve) => child.on("close", resolve));
    await untilBatchRunning(`${file}.journal.jsonl`, held);
    await new Promise((r) => setTimeout(r, 150)); // a few polls
    child.kill("SIGKILL");
    await exited;
    expect(existsSync(file)).toBe(false);
    expect(created()).toBe(1);
    release();

    const resumed = await runCli([...args(file), "--batch", "--batch-poll", "0.05", "--resume", "--json"], {
      env: env(),
    });
    expect(resumed.code, resumed.stderr).toBe(0);
    const summary = JSON.parse(resumed.stdout);
    expect(summary.batches.submitted).toEqual([]);
    expect(summary.batches.resumed).toHaveLength(1);
    // the server's log shows one batch for the whole run
    expect(created()).toBe(1);
    expect(held.batches()[0]?.request_counts).toEqual({ total: ref.chunks, completed: ref.chunks, failed: 0 });
    expect(await readFile(file, "utf8")).toBe(ref.text);
    await held.close();
  });

  it("needs the model id for batch requests", async () => {
    const run = await runCli([...args(out("nomodel")), "--batch"], {
      env: cleanEnv({ OPENAI_BASE_URL: server.url }),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/batch requests need the model id: set DOMAIN_EVAL_MODEL or pass --model/u);
  });
});

describe("offline engines: --batch-file-only and --from-batch-results", () => {
  it("writes the requests, and ingests results in vLLM run_batch's format into the synchronous run's questions", async () => {
    const ref = await syncReference();
    const file = out("offline");
    // no endpoint: the requests are only written
    const offline = cleanEnv({ DOMAIN_EVAL_MODEL: "gpt-4o-mini" });
    const written = await runCli([...args(file), "--batch-file-only"], { env: offline });
    expect(written.code, written.stderr).toBe(0);
    const requestsFile = file.replace(/\.jsonl$/u, ".batch-requests.jsonl");
    expect(written.stderr).toContain(`python -m vllm.entrypoints.openai.run_batch -i ${requestsFile} -o results.jsonl`);
    const lines = (await readFile(requestsFile, "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(ref.chunks);
    expect(lines[0]).toMatchObject({ method: "POST", url: "/v1/chat/completions", body: { model: "gpt-4o-mini" } });

    // stands in for `python -m vllm.entrypoints.openai.run_batch -i requests.jsonl -o results.jsonl`: every request
    // answered by a chat completions endpoint and written as vLLM's BatchRequestOutput
    // (vllm/entrypoints/openai/run_batch.py: id, custom_id, response {status_code, request_id, body}, error)
    const client = new OpenAI({ apiKey: "x", baseURL: server.url, maxRetries: 0 });
    const results: string[] = [];
    for (const line of lines) {
      const c = await client.chat.completions.create(line.body);
      results.push(vllmBatchOutputLine({ customId: line.custom_id, completion: c }));
    }
    const resultsFile = join(dir, "results.jsonl");
    await writeFile(resultsFile, `${results.join("\n")}\n`);
    const ingested = await runCli([...args(file), "--from-batch-results", resultsFile], { env: offline });
    expect(ingested.code, ingested.stderr).toBe(0);
    expect(await readFile(file, "utf8")).toBe(ref.text);

    const broken = join(dir, "broken.jsonl");
    await writeFile(broken, '{"id":"x","response":null}\n');
    const refused = await runCli([...args(out("broken")), "--from-batch-results", broken], { env: offline });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/broken\.jsonl: a batch result line has no custom_id: pass the output/u);
  });
});

describe("domain-eval batches", () => {
  it("lists the batches of a run and cancels the unfinished ones; resume then finishes the run", async () => {
    const ref = await syncReference();
    const { held, release, env } = await heldProvider();
    const file = out("cancel");
    const child = spawnCli([...args(file), "--batch", "--batch-poll", "0.05"], { env: env() });
    const exited = new Promise((resolve) => child.on("close", resolve));
    await untilBatchRunning(`${file}.journal.jsonl`, held);
    child.kill("SIGKILL");
    await exited;
    const listed = await runCli(["batches", "--out", file, "--json"], { env: env() });
    expect(listed.code, listed.stderr).toBe(0);
    const [batch] = JSON.parse(listed.stdout).batches;
    expect(batch).toMatchObject({ total: expect.any(Number), model: "gpt-4o-mini" });
    const cancelled = await runCli(["batches", "--out", file, "--cancel-run"], { env: env() });
    expect(cancelled.code, cancelled.stderr).toBe(0);
    expect(cancelled.stderr).toContain(`cancel requested for ${batch.id}`);
    expect(held.batches()[0]?.status).toBe("cancelling");
    release();
    const all = await runCli(["batches", "--json"], { env: env() });
    expect(JSON.parse(all.stdout).batches.map((b: { id: string }) => b.id)).toEqual([batch.id]);

    // the cancelled batch keeps what it answered; resume sends the rest in a follow-up batch
    const resumed = await runCli([...args(file), "--batch", "--batch-poll", "0.05", "--resume", "--json"], {
      env: env(),
    });
    expect(resumed.code, resumed.stderr).toBe(0);
    const [first, followUp] = held.batches();
    expect(first).toMatchObject({ id: batch.id, status: "cancelled", request_counts: { completed: 1 } });
    expect(followUp?.request_counts.total).toBe(ref.chunks - 1);
    expect(await readFile(file, "utf8")).toBe(ref.text);

    const unknown = await runCli(["batches", "--cancel", "batch_nope"], { env: env() });
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/batch_nope/u);
    await held.close();
  });
});
