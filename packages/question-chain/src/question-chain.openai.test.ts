import { examWriterHandler, type ScriptedOpenAIServer, startScriptedOpenAIServer } from "@domain-eval/testing";
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import { Document } from "@langchain/core/documents";
import { RunnableLambda, RunnableSequence } from "@langchain/core/runnables";
import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { RESERVE_SOURCE, reserveChunk } from "../test/reserve-chunk.js";
import { chatModel } from "../test/scripted-chat-model.js";
import { createQuestionChain, type StructuredOutputMode } from "./question-chain.js";

const SOURCE = RESERVE_SOURCE;
const chunk = reserveChunk;

let server: ScriptedOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A callback handler that records every chain run (by run name) and chat model run, with its parent. */
function runRecorder() {
  const runs: { name: string; parent?: string; id: string }[] = [];
  class Recorder extends BaseCallbackHandler {
    name = "recorder";
    override handleChainStart(
      _c: unknown,
      _i: unknown,
      runId: string,
      parentRunId?: string,
      _t?: unknown,
      _m?: unknown,
      _rt?: unknown,
      runName?: string,
    ) {
      runs.push({ name: runName ?? "?", parent: parentRunId, id: runId });
    }
    override handleChatModelStart(_l: unknown, _m: unknown, runId: string, parentRunId?: string) {
      runs.push({ name: "ChatOpenAI", parent: parentRunId, id: runId });
    }
  }
  return { recorder: new Recorder(), runs };
}

type Body = { messages: { role: string; content: unknown }[]; tools?: unknown[]; response_format?: { type: string } };

describe("question chain with the real ChatOpenAI against the scripted server", () => {
  it.each<[StructuredOutputMode, (body: Body) => void]>([
    ["auto", (b) => expect(b.response_format?.type).toBe("json_schema")],
    ["json_schema", (b) => expect(b.response_format?.type).toBe("json_schema")],
    ["tool", (b) => expect(b.tools).toHaveLength(1)],
    ["json_mode", (b) => expect(b.response_format?.type).toBe("json_object")],
  ])("structuredOutput %s: requests the right format and keeps grounded questions", async (mode, checkRequest) => {
    server = await startScriptedOpenAIServer({ handler: examWriterHandler(), reportedModel: "gpt-4o-mini-2024-07-18" });
    const chain = createQuestionChain({ model: chatModel(server.url), questionsPerChunk: 2, structuredOutput: mode });
    const out = await chain.invoke(chunk);
    expect(out.failure).toBeUndefined();
    expect(out.questions).toHaveLength(2);
    expect(out.questions.map((q) => q.answer)).toEqual(["2020", "requirement"]);
    expect(out.questions.every((q) => q.generator_model === "gpt-4o-mini-2024-07-18")).toBe(true);
    const body = server.requests[0]?.body as Body;
    checkRequest(body);
    expect(out.usage.estimated).toBeUndefined();
    expect(out.usage.calls).toBe(1);
    expect(out.usage.promptTokens).toBeGreaterThan(100);
    expect(out.usage.completionTokens).toBeGreaterThan(10);
  });

  it('structuredOutput "tool" answered in text (an endpoint that ignores tools) fails with that reason, not parsed', async () => {
    const writer = examWriterHandler();
    server = await startScriptedOpenAIServer({
      handler: async (request, context) => {
        const reply = await writer({ ...request, tools: undefined, tool_choice: undefined }, context);
        return "json" in reply ? { content: JSON.stringify(reply.json) } : reply;
      },
    });
    const tool = createQuestionChain({ model: chatModel(server.url), questionsPerChunk: 2, structuredOutput: "tool" });
    const out = await tool.invoke(chunk);
    expect(out.questions).toEqual([]);
    expect(out.failure).toMatchObject({ code: "BAD_REQUEST", retryable: false, attempts: 1 });
    expect(out.failure?.message).toMatch(
      /answered in text instead of the forced tool call .*: the endpoint does not support tool calling: use structuredOutput "auto" or "json_mode"/u,
    );
    expect(server.requests).toHaveLength(1);
    // auto takes the same text answer
    const auto = createQuestionChain({ model: chatModel(server.url), questionsPerChunk: 2, structuredOutput: "auto" });
    expect((await auto.invoke(chunk)).questions).toHaveLength(2);
  });

  it("retries truncated and malformed answers with the error fed back", async () => {
    const writer = examWriterHandler();
    let calls = 0;
    server = await startScriptedOpenAIServer({
      handler: async (request, context) => {
        calls++;
        const reply = await writer(request, context);
        if (calls === 1 && "json" in reply)
          return { content: JSON.stringify(reply.json).slice(0, 60), finishReason: "length" };
        if (calls === 2 && "json" in reply) return { content: `Sure: ${JSON.stringify(reply.json).slice(0, -2)}` };
        return reply;
      },
    });
    const out = await createQuestionChain({
      model: chatModel(server.url),
      questionsPerChunk: 2,
      structuredOutput: "json_mode",
    }).invoke(chunk);
    expect(out.failure).toBeUndefined();
    expect(out.attempts).toBe(3);
    expect(out.questions).toHaveLength(2);
    const second = server.requests[1]?.body as Body;
    expect(second.messages.at(-1)?.content).toMatch(/not valid JSON.*cut off by the token limit/su);
    const third = server.requests[2]?.body as Body;
    expect(third.messages.at(-1)?.content).toMatch(/not valid JSON/u);
    expect(out.usage.calls).toBe(3);
  });

  it("reports a failure when every attempt fails, with the server's reason", async () => {
    server = await startScriptedOpenAIServer({
      handler: () => ({ error: { status: 500, message: "model overloaded" } }),
    });
    const out = await createQuestionChain({ model: chatModel(server.url), maxRetries: 1, retryDelayMs: 0 }).invoke(
      chunk,
    );
    expect(out.failure?.attempts).toBe(2);
    expect(out.failure?.message).toMatch(/model overloaded/u);
    expect(server.requests).toHaveLength(2);
  });

  it("keeps, flags and drops scripted flawed questions", async () => {
    server = await startScriptedOpenAIServer({
      handler: examWriterHandler({
        questionsPerRequest: 2,
        transform: (questions) => {
          const [a, b] = questions;
          if (!a || !b) throw new Error("writer produced too few questions");
          return [
            a,
            { ...b, citations: ["This sentence is not in the passage at all."] },
            {
              ...a,
              question: "Which rate applies when banks fall below the reserve requirement overnight?",
              answer: "the penalty rate which is set well above the main refinancing rate",
              distractors: ["zero", "the deposit rate", "none"],
            },
          ];
        },
      }),
    });
    const out = await createQuestionChain({ model: chatModel(server.url), questionsPerChunk: 3 }).invoke(chunk);
    expect(out.questions).toHaveLength(2);
    expect(out.questions[0]?.findings).toBeUndefined();
    expect(out.questions[1]?.findings?.map((f) => f.code)).toContain("LENGTH_BIAS");
    expect(out.dropped.map((d) => d.findings.find((f) => f.severity === "error")?.code)).toEqual(["UNGROUNDED_QUOTE"]);
  });

  it("composes in a user-style RunnableSequence, batches, streams and reports child runs to callbacks", async () => {
    server = await startScriptedOpenAIServer({ handler: examWriterHandler(), latencyMs: 30, maxConcurrency: 4 });
    const chain = createQuestionChain({ model: chatModel(server.url), questionsPerChunk: 1 });
    const pipeline = RunnableSequence.from([
      RunnableLambda.from((input: { text: string }) => new Document({ pageContent: input.text })),
      chain,
      RunnableLambda.from((out: { questions: { question: string }[] }) => out.questions.map((q) => q.question)),
    ]);
    const { recorder, runs } = runRecorder();
    const texts = [
      SOURCE,
      "Deposit insurance covers up to 100000 euros per depositor and per bank in the union.",
      "The liquidity coverage ratio requires a stock of high quality liquid assets covering 30 days of outflows.",
    ];
    const results = await pipeline.batch(
      texts.map((text) => ({ text })),
      { callbacks: [recorder], maxConcurrency: 3 },
    );
    expect(results.map((r) => r.length)).toEqual([1, 1, 1]);
    expect(server.requests).toHaveLength(3);
    const chainRuns = runs.filter((r) => r.name === "QuestionChain");
    expect(chainRuns).toHaveLength(3);
    // each model call is a descendant of a QuestionChain run
    const byId = new Map(runs.map((r) => [r.id, r]));
    for (const call of runs.filter((r) => r.name === "ChatOpenAI")) {
      let cursor = call.parent ? byId.get(call.parent) : undefined;
      while (cursor && cursor.name !== "QuestionChain") cursor = cursor.parent ? byId.get(cursor.parent) : undefined;
      expect(cursor?.name).toBe("QuestionChain");
    }
    const streamed = [];
    for await (const part of await chain.stream(chunk)) streamed.push(part);
    expect(streamed).toHaveLength(1);
    expect(streamed[0]?.questions).toHaveLength(1);
  });

  it("calls ChatOpenAI bound to the answer schema directly: no LangChain parsing step runs after the model", async () => {
    // withStructuredOutput(…, { includeRaw: true }) is a sequence: the model, then a parser with a fallback. The chain
    // reads the raw reply itself, so it calls the model step alone (the parser parsed every answer a second time).
    server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
    const chain = createQuestionChain({
      model: chatModel(server.url),
      questionsPerChunk: 2,
      structuredOutput: "json_schema",
    });
    const { recorder, runs } = runRecorder();
    const out = await chain.invoke(chunk, { callbacks: [recorder] });
    expect(out.questions).toHaveLength(2);
    expect(runs.map((r) => r.name)).toEqual(["QuestionChain", "ChatOpenAI"]);
    const body = server.requests[0]?.body as Body & { response_format?: { json_schema?: { name?: string } } };
    expect(body.response_format?.json_schema?.name).toBe("exam_questions");
  });

  it("the openai SDK sees the same protocol: JSON schema answers, streaming, 429 with Retry-After then success", async () => {
    server = await startScriptedOpenAIServer({
      script: [
        { error: { status: 429, message: "slow down", type: "requests", retryAfterSeconds: 0 } },
        { json: { questions: [] } },
        { content: "streamed words here" },
      ],
    });
    const client = new OpenAI({ apiKey: "sk-test", baseURL: server.url, maxRetries: 2 });
    const completion = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "reply" }],
      response_format: { type: "json_schema", json_schema: { name: "out", schema: { type: "object" } } },
    });
    expect(JSON.parse(completion.choices[0]?.message.content ?? "")).toEqual({ questions: [] });
    expect(server.requests.map((r) => r.status)).toEqual([429, 200]);
    const stream = await client.chat.completions.create({
      model: "gpt-4o-mini",
      messages: [{ role: "user", content: "x" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    let usage = 0;
    for await (const part of stream) {
      text += part.choices[0]?.delta.content ?? "";
      usage = part.usage?.completion_tokens ?? usage;
    }
    expect(text).toBe("streamed words here");
    expect(usage).toBeGreaterThan(0);
    await expect(client.chat.completions.create({ model: "gpt-4o-mini", messages: [] })).rejects.toMatchObject({
      status: 400,
    });
  });
});
