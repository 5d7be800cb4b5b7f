// The batch path against the scripted server's Files and Batches endpoints, whose lines are answered by the same code
// as its chat completions endpoint: the questions must be those of the synchronous run on the same scripted answers.
import { randomUUID } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readBatchResultsFile } from "@domain-eval/core/batch";
import {
  examWriterHandler,
  type ScriptedOpenAIServer,
  type ScriptedOpenAIServerOptions,
  startScriptedOpenAIServer,
  vllmBatchOutputLine,
} from "@domain-eval/testing";
import type { Document } from "@langchain/core/documents";
import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { syntheticCorpus } from "../../test/corpus.js";
import { chatModel } from "../../test/scripted-chat-model.js";
import { generateExam } from "../generate-exam.js";
import { createQuestionChain } from "../question-chain.js";
import { splitDocuments } from "../split-documents.js";
import {
  generateExamBatch,
  generateExamFromBatchResults,
  prepareBatchRequestLines,
  readJournalBatches,
} from "./generate-exam-batch.js";

let server: ScriptedOpenAIServer | undefined;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "qc-batch-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Partial<ScriptedOpenAIServerOptions> = {}) {
  server = await startScriptedOpenAIServer({
    handler: examWriterHandler(),
    reportedModel: "gpt-4o-mini-2024-07-18",
    ...options,
    batches: { stepMs: 5, ...options.batches },
  });
  const url = server.url;
  const client = new OpenAI({ apiKey: "sk-test", baseURL: url, maxRetries: 0 });
  const chain = createQuestionChain({ model: chatModel(url), questionsPerChunk: 2, retryDelayMs: 0 });
  return { client, chain, url };
}

/** `paragraphs` chunks: one per paragraph of the synthetic corpus. */
async function corpus(documents: number, paragraphs: number): Promise<Document[]> {
  return splitDocuments({ documents: syntheticCorpus(documents, paragraphs), chunkSize: 60, chunkOverlap: 0 });
}

const batchesCreated = () => server?.requests.filter((r) => r.method === "POST" && r.path === "/v1/batches").length;
const syncCalls = () => server?.requests.filter((r) => r.path === "/v1/chat/completions" && !r.batchId).length ?? 0;

describe("generateExamBatch", () => {
  it("a 1,000-chunk batch run gives the same questions as the synchronous run, in one batch", async () => {
    const chunks = await corpus(100, 10);
    expect(chunks.length).toBeGreaterThanOrEqual(1000);
    const { client, chain } = await start();
    const sync = await generateExam({ chunks, chain, concurrency: 16 });
    expect(sync.failures).toEqual([]);
    const callsBefore = syncCalls();

    const progress: number[] = [];
    const batch = await generateExamBatch({
      chunks,
      chain,
      client,
      pollIntervalMs: 5,
      onBatchProgress: (p) => progress.push(p.answered),
    });
    expect(batch.questions).toEqual(sync.questions);
    expect(batch.dropped).toEqual(sync.dropped);
    expect(batch.failures).toEqual([]);
    expect(batch.stats.questionsKept).toBe(sync.stats.questionsKept);
    expect(batch.stats.promptTokens).toBe(sync.stats.promptTokens);
    expect(batch.usageByMode.batch.calls).toBe(chunks.length);
    expect(batch.usageByMode.sync.calls).toBe(0);
    expect(batchesCreated()).toBe(1);
    expect(syncCalls()).toBe(callsBefore);
    expect(progress.at(-1)).toBe(chunks.length);
  }, 90_000);

  it("splits the requests over the per-batch limit into several batches", async () => {
    const chunks = await corpus(7, 10);
    const { client, chain } = await start();
    const sync = await generateExam({ chunks, chain });
    const result = await generateExamBatch({ chunks, chain, client, pollIntervalMs: 5, limits: { maxRequests: 30 } });
    expect(batchesCreated()).toBe(Math.ceil(chunks.length / 30));
    expect(server?.batches().every((b) => b.request_counts.total <= 30)).toBe(true);
    expect(result.questions).toEqual(sync.questions);
  });

  it("never submits more requests than the maxCalls budget leaves", async () => {
    const chunks = await corpus(2, 10);
    const { client, chain } = await start();
    const result = await generateExamBatch({ chunks, chain, client, pollIntervalMs: 5, budget: { maxCalls: 7 } });
    expect(server?.batches()[0]?.request_counts.total).toBe(7);
    expect(result.stats.calls).toBe(7);
    expect(result.stats.chunksNotRun).toBe(chunks.length - 7);
    expect(result.stats.stoppedBy).toBe("maxCalls");
  });

  it("recovers expired and failed lines in a follow-up batch, and synchronously with retryMode sync", async () => {
    const chunks = await corpus(4, 10);
    // Lines 4 and 6 of the first batch fail with a server error (in the error file), and the batch runs out of time
    // after 12 lines (the rest expire).
    const writer = examWriterHandler();
    const options: Partial<ScriptedOpenAIServerOptions> = {
      handler: (request, context) =>
        context.index === 3 || context.index === 5
          ? { error: { status: 500, message: "engine overloaded" } }
          : writer(request, context),
      batches: { lineConcurrency: 1, fault: ({ index }) => (index === 0 ? { expireAfterLines: 12 } : undefined) },
    };
    const reference = await start();
    const expected = await generateExam({ chunks, chain: reference.chain });
    await server?.close();

    for (const retryMode of ["batch", "sync"] as const) {
      const { client, chain } = await start(options);
      const result = await generateExamBatch({ chunks, chain, client, pollIntervalMs: 5, retryMode });
      expect(result.failures).toEqual([]);
      expect(result.questions).toEqual(expected.questions);
      const first = server?.batches()[0];
      expect(first?.status).toBe("expired");
      expect(first?.request_counts).toEqual({ total: chunks.length, completed: 10, failed: chunks.length - 10 });
      if (retryMode === "batch") {
        expect(batchesCreated()).toBe(2);
        expect(syncCalls()).toBe(0);
      } else {
        expect(batchesCreated()).toBe(1);
        expect(syncCalls()).toBe(chunks.length - 10);
      }
      await server?.close();
      server = undefined;
    }
  });

  it("resumes a run stopped mid-poll from the journal without submitting again", async () => {
    const chunks = await corpus(5, 10);
    const { client, chain } = await start({ latencyMs: 3, batches: { lineConcurrency: 1 } });
    const expected = await generateExam({ chunks, chain });
    const journalPath = join(dir, `${randomUUID()}.journal.jsonl`);
    const controller = new AbortController();
    const stopped = await generateExamBatch({
      chunks,
      chain,
      client,
      journalPath,
      pollIntervalMs: 5,
      signal: controller.signal,
      onBatchProgress: (p) => {
        if (p.answered > 3) controller.abort();
      },
    });
    expect(stopped.stats.stoppedBy).toBe("aborted");
    expect(stopped.running).toHaveLength(1);
    expect(stopped.questions).toEqual([]);
    const recorded = await readJournalBatches({ path: journalPath });
    expect(recorded.map((r) => r.batch_id)).toEqual(stopped.running);

    const resumed = await generateExamBatch({ chunks, chain, client, journalPath, resume: true, pollIntervalMs: 5 });
    expect(resumed.resumedBatches).toEqual(stopped.running);
    expect(resumed.submitted).toEqual([]);
    expect(batchesCreated()).toBe(1);
    expect(resumed.questions).toEqual(expected.questions);
  });
});

describe("generateExamBatch with a batch that fails validation", () => {
  it("records its chunks as failures with the provider's reason, and a resume sends them again", async () => {
    const chunks = await corpus(2, 10);
    const { client, chain } = await start({
      batches: {
        fault: ({ index }) =>
          index === 0
            ? { fail: { code: "token_limit_exceeded", message: "Enqueued token limit reached." } }
            : undefined,
      },
    });
    const expected = await generateExam({ chunks, chain });
    const journalPath = join(dir, `${randomUUID()}.journal.jsonl`);
    const failed = await generateExamBatch({
      chunks,
      chain,
      client,
      journalPath,
      pollIntervalMs: 5,
      stopAfterRepeatedFailures: 0,
    });
    expect(failed.failures).toHaveLength(chunks.length);
    expect(failed.failures[0]?.message).toMatch(
      /failed validation: token_limit_exceeded: Enqueued token limit reached/u,
    );
    expect(failed.questions).toEqual([]);

    const resumed = await generateExamBatch({ chunks, chain, client, journalPath, resume: true, pollIntervalMs: 5 });
    expect(resumed.failures).toEqual([]);
    expect(resumed.questions).toEqual(expected.questions);
    expect(batchesCreated()).toBe(2);
  });
});

describe("generateExamFromBatchResults", () => {
  it("scrubs the model's key from failures a results file echoes it in", async () => {
    const chunks = await corpus(1, 2);
    const chain = createQuestionChain({
      model: chatModel("http://127.0.0.1:1/v1", { apiKey: "sk-test-batch-key-1" }),
      questionsPerChunk: 2,
    });
    const lines = await prepareBatchRequestLines({ chain, chunks });
    const path = join(dir, "echoed-key.jsonl");
    const echoed = lines.map((line, i) =>
      JSON.stringify({
        id: `vllm-${i}`,
        custom_id: line.custom_id,
        response: { status_code: 401, request_id: `r-${i}`, body: null },
        error: "Bad key: Bearer sk-test-batch-key-1",
      }),
    );
    await writeFile(path, `${echoed.join("\n")}\n`);
    const results = await readBatchResultsFile({ path });
    const journalPath = join(dir, "echoed-key.journal.jsonl");
    const run = await generateExamFromBatchResults({ chunks, chain, results, journalPath });
    expect(run.failures).toHaveLength(lines.length);
    for (const failure of run.failures) expect(failure.message).toContain("Bad key: Bearer ***");
    expect(await readFile(journalPath, "utf8")).not.toContain("sk-test-batch-key-1");
  });

  it("ingests a results file in the format vLLM's run_batch writes", async () => {
    const chunks = await corpus(3, 10);
    const { client, chain } = await start();
    const expected = await generateExam({ chunks, chain });
    // What `python -m vllm.entrypoints.openai.run_batch -i requests.jsonl -o results.jsonl` does: each request line
    // answered by the engine's chat completions and written as BatchRequestOutput (vllm/entrypoints/openai/run_batch.py).
    const lines = await prepareBatchRequestLines({ chain, chunks });
    expect(lines).toHaveLength(chunks.length);
    const out: string[] = [];
    for (const line of lines.slice(1)) {
      const completion = await client.chat.completions.create(line.body as never);
      out.push(vllmBatchOutputLine({ customId: line.custom_id, completion: completion }));
    }
    // the first request failed in the engine
    out.unshift(
      JSON.stringify({
        id: "vllm-0",
        custom_id: lines[0]?.custom_id,
        response: { status_code: 400, request_id: "vllm-batch-0", body: null },
        error: "Request must not be sent in stream mode",
      }),
    );
    const path = join(dir, "results.jsonl");
    await writeFile(path, `${out.join("\n")}\n`);
    const results = await readBatchResultsFile({ path });

    const offline = await generateExamFromBatchResults({ chunks, chain, results });
    expect(offline.failures.map((f) => f.chunk_id)).toEqual([lines[0]?.custom_id]);
    expect(offline.failures[0]?.message).toMatch(/Request must not be sent in stream mode/u);
    expect(offline.questions).toEqual(expected.questions.filter((q) => q.source.chunk_id !== lines[0]?.custom_id));

    // with a client, what the file lacks is asked synchronously
    const withClient = await generateExamFromBatchResults({ chunks, chain, results, client });
    expect(withClient.failures.map((f) => f.chunk_id)).toEqual([lines[0]?.custom_id]);
    const missing = new Map(results);
    missing.delete(lines[1]?.custom_id as string);
    const filled = await generateExamFromBatchResults({ chunks, chain, results: missing, client });
    expect(filled.questions.filter((q) => q.source.chunk_id === lines[1]?.custom_id)).toEqual(
      expected.questions.filter((q) => q.source.chunk_id === lines[1]?.custom_id),
    );
  });
});
