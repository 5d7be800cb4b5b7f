import { examWriterHandler, type ScriptedOpenAIServer, startScriptedOpenAIServer } from "@domain-eval/testing";
import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { reserveChunk } from "../test/reserve-chunk.js";
import { chatModel } from "../test/scripted-chat-model.js";
import { type ChatCompletionAnswer, prepareChunkRequest, readChunkAnswer } from "./chunk-request.js";
import { createQuestionChain, type StructuredOutputMode } from "./question-chain.js";

const chunk = reserveChunk;

let server: ScriptedOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Sends a prepared request the way a batch line would be sent: the plain body, through the OpenAI SDK. */
async function send(url: string, body: Record<string, unknown>): Promise<ChatCompletionAnswer> {
  const client = new OpenAI({ apiKey: "sk-test", baseURL: url, maxRetries: 0 });
  return (await client.chat.completions.create(body as never)) as unknown as ChatCompletionAnswer;
}

describe("prepareChunkRequest and readChunkAnswer: the chain's request and reading as plain data", () => {
  it.each<StructuredOutputMode>(["auto", "json_schema", "tool", "json_mode"])(
    "structuredOutput %s: the prepared body is the one the chain sends, and its answer reads to the chain's output",
    async (mode) => {
      server = await startScriptedOpenAIServer({
        handler: examWriterHandler(),
        reportedModel: "gpt-4o-mini-2024-07-18",
      });
      const chain = createQuestionChain({ model: chatModel(server.url), questionsPerChunk: 2, structuredOutput: mode });
      const viaChain = await chain.invoke(chunk);

      const request = await prepareChunkRequest({ chain, chunk });
      expect(request.send).toBe(true);
      expect(request.chunkId).toBe("doc-r:0-260");
      const body = { ...request.params, messages: request.messages };
      expect(body).toEqual(server.requests[0]?.body);

      const answer = await send(server.url, body);
      const reading = await readChunkAnswer({ chain, chunk, answer });
      expect(reading.retry).toBeUndefined();
      expect(reading.output).toEqual(viaChain);
      expect(reading.output.questions).toHaveLength(2);
    },
  );

  it("an unusable answer gives the chain's retry request (error fed back) and, at the last attempt, its failure", async () => {
    server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
    const chain = createQuestionChain({ model: chatModel(server.url), questionsPerChunk: 2, maxRetries: 1 });
    const broken: ChatCompletionAnswer = {
      model: "gpt-4o-mini",
      choices: [{ message: { content: '{"questions": [{"question": "cut off' }, finish_reason: "length" }],
      usage: { prompt_tokens: 500, completion_tokens: 12 },
    };
    const first = await readChunkAnswer({ chain, chunk, answer: broken });
    expect(first.output.failure?.code).toBe("UNPARSEABLE");
    expect(first.retry?.error).toMatch(/not valid JSON.*cut off by the token limit/u);
    expect(first.retry?.attempts).toBe(1);
    expect(first.retry?.usage).toEqual({ calls: 1, promptTokens: 500, completionTokens: 12 });

    const again = await prepareChunkRequest({ chain, chunk, retry: first.retry });
    expect(again.messages.map((m) => m.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(again.messages[2]?.content).toBe('{"questions": [{"question": "cut off');
    expect(again.messages[3]?.content).toMatch(/^Your reply could not be used: the reply is not valid JSON/u);

    const last = await readChunkAnswer({ chain, chunk, answer: broken, retry: first.retry });
    expect(last.retry).toBeUndefined();
    expect(last.output.failure).toMatchObject({ code: "UNPARSEABLE", attempts: 2, retryable: true });
    expect(last.output.failure?.message).toMatch(/^no usable answer after 2 attempt\(s\)/u);
    expect(last.output.usage).toEqual({ calls: 2, promptTokens: 1000, completionTokens: 24 });
  });

  it('structuredOutput "tool" answered in text reads as the chain reads it: a final failure, no retry', async () => {
    server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
    const chain = createQuestionChain({ model: chatModel(server.url), structuredOutput: "tool" });
    const text: ChatCompletionAnswer = {
      choices: [{ message: { content: '{"questions": []}' }, finish_reason: "stop" }],
      usage: { prompt_tokens: 400, completion_tokens: 5 },
    };
    const { output, retry } = await readChunkAnswer({ chain, chunk, answer: text });
    expect(retry).toBeUndefined();
    expect(output.failure).toMatchObject({ code: "BAD_REQUEST", retryable: false, attempts: 1 });
  });

  it("a chunk with nothing to quote asks for no request", async () => {
    server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
    const chain = createQuestionChain({ model: chatModel(server.url) });
    const request = await prepareChunkRequest({ chain, chunk: "## 3.2 Rates" });
    expect(request.send).toBe(false);
    expect(request.emptyOutput).toMatchObject({ questions: [], attempts: 0, usage: { calls: 0 } });
    expect(server.requests).toHaveLength(0);
  });
});
