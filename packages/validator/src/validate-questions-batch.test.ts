import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readBatchResultsFile } from "@domain-eval/core/batch";
import {
  multipleChoiceHandler,
  VALIDATION_QUESTIONS as QUESTIONS,
  readingPanel,
  type ScriptedBatchOptions,
  type ScriptedOpenAIServer,
  startScriptedOpenAIServer,
} from "@domain-eval/testing";
import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { createEndpointMember } from "./endpoint-member.js";
import type { PanelMember } from "./panel-member.js";
import { validateQuestions } from "./validate-questions.js";
import {
  prepareValidationBatchLines,
  validateFromBatchResults,
  validateQuestionsBatch,
} from "./validate-questions-batch.js";

let server: ScriptedOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const all = Object.values(QUESTIONS);
// 12 requests per question (open book 1, order swap 3, closed book 4, options only 4)
const REQUESTS = 12 * all.length;

async function start(batches?: ScriptedBatchOptions): Promise<ScriptedOpenAIServer> {
  server = await startScriptedOpenAIServer({
    // log-probabilities too, so the batch path reads them as the direct path does
    handler: multipleChoiceHandler({ decide: readingPanel, confidence: 0.7 }),
    batches: { stepMs: 5, ...batches },
  });
  return server;
}

const member = (s: ScriptedOpenAIServer) => createEndpointMember({ baseUrl: s.url, model: "reader" });
const clientFor = (baseURL: string) => new OpenAI({ baseURL, apiKey: "test", maxRetries: 0 });
const batchLines = (s: ScriptedOpenAIServer) => s.requests.filter((r) => r.batchId !== undefined);
const directCalls = (s: ScriptedOpenAIServer) => s.requests.filter((r) => r.path.endsWith("/chat/completions"));

/** The direct run's results on the same scripted answers. */
async function direct(s: ScriptedOpenAIServer) {
  const { results } = await validateQuestions({ questions: all, panel: [member(s)] });
  return results;
}

describe("validateQuestionsBatch against the scripted Batch API", () => {
  it("gives the same validation blocks and findings as the direct run, in one batch of one line per request", async () => {
    const s = await start();
    const expected = await direct(s);
    const before = s.requests.length;
    const run = await validateQuestionsBatch({ questions: all, panel: [member(s)], clientFor, pollIntervalMs: 5 });
    expect(run.results).toEqual(expected);
    expect(run.results.find((r) => r.id === "wrong-key")?.findings.map((f) => f.code)).toEqual(["KEY_DISPUTED"]);
    expect(run.results[0]?.validation?.panel).toEqual([{ model: "reader", kind: "endpoint", scoring: "logprobs" }]);
    expect(run.stats).toMatchObject({ validated: 4, calls: REQUESTS, resumed: 0 });
    expect(s.batches()).toHaveLength(1);
    expect(run.submitted).toEqual([s.batches()[0]?.id]);
    expect(batchLines(s)).toHaveLength(REQUESTS);
    // no direct chat completion besides the batch lines
    expect(
      directCalls(s)
        .slice(before)
        .filter((r) => r.batchId === undefined),
    ).toHaveLength(0);
  });

  it("records a reply that names no option as no answer with the same reason as the direct run", async () => {
    server = await startScriptedOpenAIServer({
      handler: multipleChoiceHandler({
        decide: (item) => (item.setting === "options_only" ? null : readingPanel(item)),
      }),
      batches: { stepMs: 5 },
    });
    const s = server;
    const expected = await direct(s);
    const run = await validateQuestionsBatch({ questions: all, panel: [member(s)], clientFor, pollIntervalMs: 5 });
    expect(run.results).toEqual(expected);
    const answers = run.results[0]?.validation?.settings.options_only.answers ?? [];
    expect(answers).toHaveLength(4);
    expect(answers.every((a) => a.choice === null && /not JSON/.test(a.no_answer ?? ""))).toBe(true);
    expect(run.stats.noAnswers).toBe(16);
  });

  it("resumes a run stopped mid-poll from the journal: the batch is polled, never submitted again", async () => {
    const s = await start({ stepMs: 60 });
    const expected = await direct(s);
    const dir = await mkdtemp(join(tmpdir(), "validate-batch-"));
    const journalPath = join(dir, "validated.jsonl.journal.jsonl");
    const stop = new AbortController();
    const first = await validateQuestionsBatch({
      questions: all,
      panel: [member(s)],
      clientFor,
      journalPath,
      pollIntervalMs: 5,
      signal: stop.signal,
      onBatchProgress: () => stop.abort(),
    });
    expect(first.stats.stoppedBy).toBe("aborted");
    expect(first.running).toHaveLength(1);
    expect(first.results.every((r) => r.validation === null)).toBe(true);
    expect(await readFile(journalPath, "utf8")).toContain(`"batch_id":"${first.submitted[0]}"`);

    const second = await validateQuestionsBatch({
      questions: all,
      panel: [member(s)],
      clientFor,
      journalPath,
      resume: true,
      pollIntervalMs: 5,
    });
    expect(second.submitted).toEqual([]);
    expect(second.resumedBatches).toEqual(first.submitted);
    expect(s.batches()).toHaveLength(1);
    expect(second.results).toEqual(expected);
  });

  it("sends expired lines again in a follow-up batch, or directly with retryMode sync, and loses none", async () => {
    for (const retryMode of ["batch", "sync"] as const) {
      const s = await start({ fault: ({ index }) => (index === 0 ? { expireAfterLines: 10 } : undefined) });
      const expected = await direct(s);
      const before = s.requests.length;
      const run = await validateQuestionsBatch({
        questions: all,
        panel: [member(s)],
        clientFor,
        pollIntervalMs: 5,
        retryMode,
      });
      expect(s.batches()[0]?.status).toBe("expired");
      expect(run.results).toEqual(expected);
      expect(run.stats.calls).toBe(REQUESTS);
      // the tokens are told apart by how they were asked (batch jobs are priced lower)
      const usages = Object.values(run.stats.usageByMember);
      expect(usages).toHaveLength(1);
      const usage = usages[0] as (typeof usages)[number];
      expect(usage.sync.promptTokens + usage.batch.promptTokens).toBe(run.stats.promptTokens);
      expect(usage.sync.completionTokens + usage.batch.completionTokens).toBe(run.stats.completionTokens);
      expect(usage.batch.promptTokens).toBeGreaterThan(0);
      if (retryMode === "batch") expect(usage.sync.promptTokens).toBe(0);
      else expect(usage.sync.promptTokens).toBeGreaterThan(0);
      const answeredAgain = s.requests.slice(before).filter((r) => r.path.endsWith("/chat/completions"));
      if (retryMode === "batch") {
        expect(s.batches()).toHaveLength(2);
        expect(s.batches()[1]?.request_counts.total).toBe(REQUESTS - 10);
      } else {
        expect(s.batches()).toHaveLength(1);
        expect(answeredAgain.filter((r) => r.batchId === undefined)).toHaveLength(REQUESTS - 10);
      }
      await s.close();
      server = undefined;
    }
  });

  it("sends failed lines (server errors) again and loses none; a refused line ends the run with the others journaled", async () => {
    const answer = multipleChoiceHandler({ decide: readingPanel, confidence: 0.7 });
    const seen = new Set<string>();
    let refuse = false;
    server = await startScriptedOpenAIServer({
      handler: (request, context) => {
        const asked = JSON.stringify(request.messages);
        // every options-only request fails once with a server error (retryable); with `refuse`, one is a 400
        if (asked.includes("options of a multiple-choice question you are not shown") && !seen.has(asked)) {
          seen.add(asked);
          return { error: { status: refuse ? 400 : 500, message: refuse ? "bad request" : "overloaded" } };
        }
        return answer(request, context);
      },
      batches: { stepMs: 5 },
    });
    const s = server;
    const run = await validateQuestionsBatch({ questions: all, panel: [member(s)], clientFor, pollIntervalMs: 5 });
    expect(s.batches()).toHaveLength(2);
    expect(s.batches()[0]?.request_counts.failed).toBe(16);
    expect(s.batches()[1]?.request_counts.total).toBe(16);
    expect(run.results).toEqual(await direct(s));

    seen.clear();
    refuse = true;
    const dir = await mkdtemp(join(tmpdir(), "validate-batch-"));
    const journalPath = join(dir, "j.jsonl");
    await expect(
      validateQuestionsBatch({ questions: all, panel: [member(s)], clientFor, journalPath, pollIntervalMs: 5 }),
    ).rejects.toMatchObject({ code: "ENDPOINT_FAILED", message: expect.stringMatching(/bad request/) });
    const answers = (await readFile(journalPath, "utf8")).split("\n").filter((l) => l.includes('"type":"answer"'));
    expect(answers).toHaveLength(REQUESTS - 16);
  });

  it("splits requests over the per-batch limit into several batches", async () => {
    const s = await start();
    const expected = await direct(s);
    const run = await validateQuestionsBatch({
      questions: all,
      panel: [member(s)],
      clientFor,
      pollIntervalMs: 5,
      limits: { maxRequests: 20 },
    });
    expect(s.batches().map((b) => b.request_counts.total)).toEqual([20, 20, 8]);
    expect(run.results).toEqual(expected);
  });

  it("sends each endpoint member's requests to its own endpoint's Batch API", async () => {
    const s = await start();
    const other = await startScriptedOpenAIServer({
      handler: multipleChoiceHandler({ decide: () => 0 }),
      batches: { stepMs: 5 },
    });
    try {
      const panel = [member(s), createEndpointMember({ baseUrl: other.url, model: "letter-a" })];
      const expected = await validateQuestions({ questions: all, panel });
      const run = await validateQuestionsBatch({ questions: all, panel, clientFor, pollIntervalMs: 5 });
      expect(s.batches().map((b) => b.request_counts.total)).toEqual([REQUESTS]);
      expect(other.batches().map((b) => b.request_counts.total)).toEqual([REQUESTS]);
      expect(run.results).toEqual(expected.results);
      expect(run.submitted).toHaveLength(2);
    } finally {
      await other.close();
    }
  });

  it("answers a local member in-process beside the batches", async () => {
    const s = await start();
    let localCalls = 0;
    const local: PanelMember = {
      name: "local-a",
      kind: "local",
      scoring: "logprobs",
      concurrency: 1,
      completionTokensPerAnswer: 0,
      estimatePromptTokens: async () => 10,
      answer: async ({ item }) => {
        localCalls++;
        return {
          choice: 0,
          probabilities: item.options.map((_, i) => (i === 0 ? 1 : 0)),
          noAnswer: null,
          usage: { promptTokens: 10, completionTokens: 0 },
        };
      },
    };
    const expected = await validateQuestions({ questions: all, panel: [member(s), local] });
    localCalls = 0;
    const run = await validateQuestionsBatch({
      questions: all,
      panel: [member(s), local],
      clientFor,
      pollIntervalMs: 5,
    });
    expect(localCalls).toBe(REQUESTS);
    expect(s.batches()[0]?.request_counts.total).toBe(REQUESTS);
    expect(run.results).toEqual(expected.results);
  });
});

describe("prepareValidationBatchLines and validateFromBatchResults (an offline engine's results file)", () => {
  it("reads a results file as the direct run, asking directly only for the line it lacks", async () => {
    const s = await start();
    const expected = await direct(s);
    const lines = prepareValidationBatchLines({ questions: all, panel: [member(s)] });
    expect(lines).toHaveLength(REQUESTS);
    expect(new Set(lines.map((l) => l.custom_id)).size).toBe(REQUESTS);
    // the engine: here the scripted Batch API; its output file is in the format vLLM's run_batch writes
    const client = clientFor(s.url);
    const file = await client.files.create({
      file: new File([lines.map((l) => `${JSON.stringify(l)}\n`).join("")], "requests.jsonl"),
      purpose: "batch",
    });
    let batch = await client.batches.create({
      input_file_id: file.id,
      endpoint: "/v1/chat/completions",
      completion_window: "24h",
    });
    while (batch.status !== "completed") batch = await client.batches.retrieve(batch.id);
    const output = (await (await client.files.content(batch.output_file_id as string)).text()).trim().split("\n");
    const dir = await mkdtemp(join(tmpdir(), "validate-results-"));
    const path = join(dir, "results.jsonl");
    await writeFile(path, `${output.slice(1).join("\n")}\n`);
    const before = s.requests.length;
    const run = await validateFromBatchResults({
      questions: all,
      panel: [member(s)],
      results: await readBatchResultsFile({ path }),
    });
    expect(run.fromFile).toBe(REQUESTS - 1);
    expect(s.requests.slice(before)).toHaveLength(1);
    expect(run.results).toEqual(expected);
  });
});
