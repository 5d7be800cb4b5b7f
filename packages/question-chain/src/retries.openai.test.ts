import { getEventListeners } from "node:events";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  examWriterHandler,
  type ScriptedOpenAIServer,
  type ScriptedOpenAIServerOptions,
  startScriptedOpenAIServer,
} from "@domain-eval/testing";
import { Document } from "@langchain/core/documents";
import { afterEach, describe, expect, it } from "vitest";
import { chatModel } from "../test/scripted-chat-model.js";
import { generateExam } from "./generate-exam.js";
import { classifyModelCallError } from "./model-call-failure.js";
import { createQuestionChain } from "./question-chain.js";
import type { ChunkMetadata } from "./split-documents.js";

const SENTENCES = [
  "The reserve requirement for demand deposits was lowered to 10 percent in 2020.",
  "Banks that fall below the requirement must borrow overnight from the central bank at the penalty rate.",
  "The penalty rate is set 150 basis points above the main refinancing rate.",
];

function chunk(i: number): Document<ChunkMetadata> {
  const text = `${SENTENCES.join(" ")} Item ${i} of the rulebook applies from ${2000 + i} onwards to every member bank.`;
  return new Document({
    pageContent: text,
    metadata: {
      document_id: "doc-r",
      chunk_id: `doc-r:${i * 1000}-${i * 1000 + text.length}`,
      chunk_index: i,
      start: i * 1000,
      end: i * 1000 + text.length,
    },
  });
}

let server: ScriptedOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const chatRequests = () => server?.requests.filter((r) => r.path.endsWith("/chat/completions")) ?? [];

describe("retries that can succeed (real ChatOpenAI against the scripted server)", () => {
  it("retries rate limits, server errors and unparseable output, then keeps the questions", async () => {
    const writer = examWriterHandler();
    server = await startScriptedOpenAIServer({
      handler: (request, context) => {
        if (context.index === 0) return { fault: "429" };
        if (context.index === 1) return { fault: "500" };
        if (context.index === 2) return { content: 'Sure! Here it is: {"questions": [{"question": "Wh' };
        return writer(request, context);
      },
      faults: { rate: 0, retryAfterSeconds: 0 },
    });
    const chain = createQuestionChain({ model: chatModel(server.url), maxRetries: 3, retryDelayMs: 0 });
    const out = await chain.invoke(chunk(0));
    expect(out.failure).toBeUndefined();
    expect(out.questions.length).toBeGreaterThan(0);
    expect(out.attempts).toBe(4);
    expect(chatRequests().map((r) => r.status)).toEqual([429, 500, 200, 200]);
  });

  it("waits as long as a rate limit's Retry-After asks before retrying (the client does not retry itself)", async () => {
    const writer = examWriterHandler();
    server = await startScriptedOpenAIServer({
      handler: (request, context) => (context.index === 0 ? { fault: "429" } : writer(request, context)),
      faults: { rate: 0, retryAfterSeconds: 1 },
    });
    const chain = createQuestionChain({ model: chatModel(server.url), retryDelayMs: 0 });
    const started = Date.now();
    const out = await chain.invoke(chunk(0));
    expect(out.failure).toBeUndefined();
    expect(out.attempts).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("rate limits have their own budget: five 429s in a row still end with the questions; other failures do not", async () => {
    const writer = examWriterHandler();
    server = await startScriptedOpenAIServer({
      handler: (request, context) => (context.index < 5 ? { fault: "429" } : writer(request, context)),
      faults: { rate: 0, retryAfterSeconds: 0 },
    });
    // default maxRetries (2) and maxRateLimitRetries (4): 1 + 2 + 4 attempts at most
    const chain = createQuestionChain({ model: chatModel(server.url), retryDelayMs: 0 });
    const out = await chain.invoke(chunk(0));
    expect(out.failure).toBeUndefined();
    expect(out.attempts).toBe(6);
    expect(chatRequests().map((r) => r.status)).toEqual([429, 429, 429, 429, 429, 200]);

    // without the rate-limit budget the same run fails the chunk after maxRetries
    await server.close();
    server = await startScriptedOpenAIServer({
      handler: (request, context) => (context.index < 5 ? { fault: "429" } : writer(request, context)),
      faults: { rate: 0, retryAfterSeconds: 0 },
    });
    const strict = createQuestionChain({ model: chatModel(server.url), retryDelayMs: 0, maxRateLimitRetries: 0 });
    const failed = await strict.invoke(chunk(0));
    expect(failed.failure?.code).toBe("RATE_LIMITED");
    expect(failed.attempts).toBe(3);

    // a server error is bounded by maxRetries alone
    await server.close();
    server = await startScriptedOpenAIServer({
      handler: () => ({ fault: "500" }),
      faults: { rate: 0 },
    });
    const errors = await createQuestionChain({ model: chatModel(server.url), retryDelayMs: 0 }).invoke(chunk(0));
    expect(errors.attempts).toBe(3);
  });

  it("retries a timeout", async () => {
    const writer = examWriterHandler();
    server = await startScriptedOpenAIServer({
      handler: (request, context) => (context.index === 0 ? { fault: "timeout" } : writer(request, context)),
      timeoutFaultMs: 5_000,
    });
    const chain = createQuestionChain({ model: chatModel(server.url, { timeout: 300 }), retryDelayMs: 0 });
    const out = await chain.invoke(chunk(0));
    expect(out.failure).toBeUndefined();
    expect(out.attempts).toBe(2);
  });

  it.each<[string, Partial<ScriptedOpenAIServerOptions>, string, RegExp]>([
    ["a rejected key (401)", { apiKey: "sk-right" }, "UNAUTHORIZED", /API key/u],
    ["an unknown model (404)", { models: ["gpt-4.1"] }, "MODEL_NOT_FOUND", /gpt-4o-mini/u],
    [
      "a prompt too long for the context (400)",
      { contextTokens: 200 },
      "CONTEXT_OVERFLOW",
      /maximum context length is 200/u,
    ],
  ])("fails the chunk at once with the reason on %s", async (_name, serverOptions, code, reason) => {
    server = await startScriptedOpenAIServer({ handler: examWriterHandler(), ...serverOptions });
    const chain = createQuestionChain({ model: chatModel(server.url), maxRetries: 3, retryDelayMs: 0 });
    const out = await chain.invoke(chunk(0));
    expect(chatRequests()).toHaveLength(1);
    expect(out.failure).toMatchObject({ attempts: 1, code, retryable: false });
    expect(out.failure?.message).toMatch(reason);
    expect(out.failure?.message).toMatch(/not retried/u);
    expect(out.failure?.message).not.toContain("sk-test");
  });

  it("stops the run after 3 identical failures in a row, says why, and keeps the journal", async () => {
    server = await startScriptedOpenAIServer({ handler: examWriterHandler(), apiKey: "sk-right" });
    const dir = await mkdtemp(join(tmpdir(), "retries-"));
    try {
      const journalPath = join(dir, "run.journal.jsonl");
      const chain = createQuestionChain({ model: chatModel(server.url), retryDelayMs: 0 });
      const chunks = Array.from({ length: 10 }, (_, i) => chunk(i));
      const result = await generateExam({ chunks, chain, concurrency: 1, journalPath });
      expect(result.stats.stoppedBy).toBe("repeatedFailures");
      expect(result.stats.stopReason).toMatch(/3 chunks in a row failed the same way.*UNAUTHORIZED/u);
      expect(result.stats.chunksFailed).toBe(3);
      expect(result.stats.chunksNotRun).toBe(7);
      expect(chatRequests()).toHaveLength(3);
      const journal = (await readFile(journalPath, "utf8")).trim().split("\n");
      expect(journal.length).toBeGreaterThanOrEqual(3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("does not stop for failures of different kinds or with successes in between", async () => {
    const writer = examWriterHandler();
    server = await startScriptedOpenAIServer({
      handler: (request, context) =>
        context.index % 2 === 0 ? { error: { status: 400, message: "bad request shape" } } : writer(request, context),
    });
    const chain = createQuestionChain({ model: chatModel(server.url), retryDelayMs: 0 });
    const result = await generateExam({ chunks: Array.from({ length: 6 }, (_, i) => chunk(i)), chain, concurrency: 1 });
    expect(result.stats.stoppedBy).toBeUndefined();
    expect(result.stats.chunksFailed).toBe(3);
    expect(result.failures[0]).toMatchObject({ code: "BAD_REQUEST" });
    expect(result.questions.length).toBeGreaterThan(0);
  });
});

describe("failures of the endpoint itself", () => {
  it("leaves no abort listener on the caller's signal, however many attempts", async () => {
    server = await startScriptedOpenAIServer({ handler: () => ({ fault: "500" }) });
    const chain = createQuestionChain({ model: chatModel(server.url), maxRetries: 12, retryDelayMs: 0 });
    const controller = new AbortController();
    const out = await chain.invoke(chunk(0), { signal: controller.signal });
    expect(out.failure).toMatchObject({ attempts: 13, code: "SERVER_ERROR" });
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("scrubs the model's key and the given secrets from a failure an endpoint echoes them in", async () => {
    server = await startScriptedOpenAIServer({
      handler: () => ({
        error: { status: 401, message: "Bad key: Bearer sk-test-echoed-1234, also hf-like ARGILLA-SECRET-99" },
      }),
    });
    const model = chatModel(server.url, { apiKey: "sk-test-echoed-1234" });
    const chain = createQuestionChain({ model, secrets: ["ARGILLA-SECRET-99"] });
    const out = await chain.invoke(chunk(0));
    expect(out.failure?.message).toContain("Bad key: Bearer ***, also hf-like ***");
    expect(out.failure?.message).not.toMatch(/sk-test-echoed|ARGILLA-SECRET/u);
  });

  it("generateExam scrubs secrets from the failures of any chain before journaling them", async () => {
    const dir = await mkdtemp(join(tmpdir(), "secrets-"));
    try {
      const journalPath = join(dir, "run.journal.jsonl");
      const throwing = createQuestionChain({ model: chatModel("http://127.0.0.1:1/v1") });
      throwing.requestAnswer = async () => {
        throw new Error("proxy said: token tok-SECRET-4567 rejected");
      };
      const result = await generateExam({
        chunks: [chunk(0)],
        chain: throwing,
        journalPath,
        secrets: ["tok-SECRET-4567"],
      });
      expect(result.failures[0]?.message).toBe("the chain threw: proxy said: token *** rejected");
      expect(await readFile(journalPath, "utf8")).not.toContain("tok-SECRET-4567");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("classifyModelCallError", () => {
  it.each([
    [Object.assign(new Error("429 Rate limit reached"), { status: 429 }), "RATE_LIMITED", true],
    [Object.assign(new Error("502 Bad gateway"), { status: 502 }), "SERVER_ERROR", true],
    [Object.assign(new Error("Request timed out."), { name: "APIConnectionTimeoutError" }), "TIMEOUT", true],
    [new Error("fetch failed"), "CONNECTION", true],
    [Object.assign(new Error("404 Invalid URL (POST /chat/completions)"), { status: 404 }), "NOT_AN_API", false],
    [Object.assign(new Error("404 The model `x` does not exist"), { status: 404 }), "MODEL_NOT_FOUND", false],
    [new TypeError("Cannot read properties of undefined (reading 'map')"), "NOT_AN_API", false],
    [
      Object.assign(new Error("the structured answer was cut off"), {
        name: "LocalModelError",
        code: "OUTPUT_TRUNCATED",
      }),
      "UNPARSEABLE",
      true,
    ],
    [Object.assign(new Error("401 Incorrect API key"), { status: 401 }), "UNAUTHORIZED", false],
    [Object.assign(new Error("model missing"), { lc_error_code: "MODEL_NOT_FOUND" }), "MODEL_NOT_FOUND", false],
    [
      new RangeError("the prompt (9000 tokens) plus maxTokens (2048) exceeds the context window of 8192 tokens"),
      "CONTEXT_OVERFLOW",
      false,
    ],
    [
      Object.assign(new Error("prompt is too long: 210000 tokens > 200000 maximum"), { status: 400 }),
      "CONTEXT_OVERFLOW",
      false,
    ],
    [
      Object.assign(new Error("llama.cpp could not load"), { name: "LocalModelError", code: "MODEL_LOAD_FAILED" }),
      "MODEL_ERROR",
      false,
    ],
  ] as const)("%s → %s", (error, code, retryable) => {
    expect(classifyModelCallError(error)).toMatchObject({ code, retryable });
  });

  it("names the endpoint, the system error and the fix of a refused connection", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:8000"), {
      code: "ECONNREFUSED",
      address: "127.0.0.1",
      port: 8000,
    });
    const error = Object.assign(new Error("Connection error."), {
      name: "APIConnectionError",
      cause: new TypeError("fetch failed", { cause: refused }),
    });
    expect(classifyModelCallError(error, { endpoint: "http://localhost:8000/v1" })).toEqual({
      code: "CONNECTION",
      retryable: true,
      message: "cannot connect to http://localhost:8000/v1 (ECONNREFUSED)",
      fix: "is the server running? check OPENAI_BASE_URL",
    });
    expect(classifyModelCallError(error).message).toBe("cannot connect to 127.0.0.1:8000 (ECONNREFUSED)");
  });

  it("says how long a timed-out call waited, and for what", () => {
    const error = Object.assign(new Error("Request timed out."), { name: "TimeoutError" });
    expect(classifyModelCallError(error, { endpoint: "http://x/v1", timeoutMs: 120_000 }).message).toBe(
      "no answer from http://x/v1 in 120 s (Request timed out.)",
    );
  });
});
