import { afterEach, describe, expect, it } from "vitest";
import { examWriterHandler, writeExamQuestions } from "./exam-writer.js";
import { type ScriptedOpenAIServer, startScriptedOpenAIServer } from "./scripted-openai-server.js";

let server: ScriptedOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function post(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server?.url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
}

const hello = { model: "m", messages: [{ role: "user", content: "Say hi in JSON" }] };

describe("startScriptedOpenAIServer", () => {
  it("answers a chat completion with content, usage and the reported model", async () => {
    server = await startScriptedOpenAIServer({ script: [{ content: "hi there" }], reportedModel: "m-2024-01-01" });
    const res = await post(hello);
    expect(res.status).toBe(200);
    const body = res.json();
    expect(body.object).toBe("chat.completion");
    expect(body.model).toBe("m-2024-01-01");
    expect(body.choices[0].message).toMatchObject({ role: "assistant", content: "hi there" });
    expect(body.choices[0].finish_reason).toBe("stop");
    expect(body.usage.prompt_tokens).toBeGreaterThan(0);
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ path: "/v1/chat/completions", status: 200, body: hello });
  });

  it.each([
    ["missing model", { messages: hello.messages }, /must provide a model/u],
    ["missing messages", { model: "m" }, /Missing required parameter: 'messages'/u],
    ["empty messages", { model: "m", messages: [] }, /empty array/u],
    ["bad role", { model: "m", messages: [{ role: "robot", content: "x" }] }, /role/u],
    [
      "json_object without the word json",
      { model: "m", messages: [{ role: "user", content: "hi" }], response_format: { type: "json_object" } },
      /must contain the word 'json'/u,
    ],
    [
      "json_schema without a name",
      { ...hello, response_format: { type: "json_schema", json_schema: { schema: {} } } },
      /json_schema\.name/u,
    ],
    ["tool_choice without tools", { ...hello, tool_choice: "required" }, /only allowed when 'tools'/u],
    [
      "tool_choice naming an unknown tool",
      {
        ...hello,
        tools: [{ type: "function", function: { name: "a", parameters: {} } }],
        tool_choice: { type: "function", function: { name: "b" } },
      },
      /no function named 'b'/u,
    ],
    [
      "tool calls without tool answers",
      {
        model: "m",
        messages: [
          { role: "user", content: "x" },
          { role: "assistant", tool_calls: [{ id: "c1", type: "function", function: { name: "a", arguments: "{}" } }] },
          { role: "user", content: "y" },
        ],
      },
      /must be followed by tool messages/u,
    ],
    ["invalid JSON", "{not json", /could not parse the JSON body/u],
  ])("rejects %s with a 400 like the real API", async (_name, body, message) => {
    server = await startScriptedOpenAIServer({ script: [{ content: "never sent" }] });
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.json().error.type).toBe("invalid_request_error");
    expect(res.json().error.message).toMatch(message);
  });

  it("sends scripted token log-probabilities only to requests that ask for them", async () => {
    const logprobs = [
      {
        token: "B",
        logprob: -0.1,
        top_logprobs: [
          { token: "B", logprob: -0.1 },
          { token: "A", logprob: -2.4 },
        ],
      },
    ];
    server = await startScriptedOpenAIServer({ handler: () => ({ content: "B", logprobs }) });
    const asked = (await post({ ...hello, logprobs: true, top_logprobs: 2 })).json();
    expect(asked.choices[0].logprobs.content[0]).toMatchObject({ token: "B", logprob: -0.1, bytes: [66] });
    expect(asked.choices[0].logprobs.content[0].top_logprobs[1]).toMatchObject({ token: "A", logprob: -2.4 });
    expect((await post(hello)).json().choices[0].logprobs).toBeNull();
  });

  it("requires the API key when one is set, without echoing what was sent", async () => {
    server = await startScriptedOpenAIServer({ script: [{ content: "ok" }], apiKey: "sk-right" });
    const wrong = await post(hello, { authorization: "Bearer sk-wrong-secret" });
    expect(wrong.status).toBe(401);
    expect(wrong.text).not.toContain("sk-wrong-secret");
    expect((await post(hello, { authorization: "Bearer sk-right" })).status).toBe(200);
  });

  it("lists models and rejects unknown ones when models are given", async () => {
    server = await startScriptedOpenAIServer({ script: [{ content: "ok" }], models: ["gpt-test"] });
    const list = (await (await fetch(`${server.url}/models`)).json()) as { data: { id: string }[] };
    expect(list.data.map((m) => m.id)).toEqual(["gpt-test"]);
    const res = await post(hello);
    expect(res.status).toBe(404);
    expect(res.json().error.code).toBe("model_not_found");
  });

  it("answers `json` replies as a call of the requested tool when tools are given", async () => {
    server = await startScriptedOpenAIServer({ script: [{ json: { a: 1 } }, { json: { b: 2 } }] });
    const tools = [
      { type: "function", function: { name: "first", parameters: { type: "object" } } },
      { type: "function", function: { name: "second", parameters: { type: "object" } } },
    ];
    const res = await post({ ...hello, tools, tool_choice: { type: "function", function: { name: "second" } } });
    const choice = res.json().choices[0];
    expect(choice.finish_reason).toBe("tool_calls");
    expect(choice.message.content).toBeNull();
    expect(choice.message.tool_calls[0].function).toEqual({ name: "second", arguments: '{"a":1}' });
    const schema = await post({
      ...hello,
      response_format: { type: "json_schema", json_schema: { name: "out", schema: { type: "object" } } },
    });
    expect(JSON.parse(schema.json().choices[0].message.content)).toEqual({ b: 2 });
  });

  it("streams content and tool calls as server-sent events with a usage chunk", async () => {
    server = await startScriptedOpenAIServer({
      script: [
        { content: "a fairly long streamed answer text" },
        { toolCalls: [{ name: "f", arguments: { x: "a long argument value" } }] },
      ],
    });
    const events = (text: string) =>
      text
        .split("\n\n")
        .filter((e) => e.startsWith("data: "))
        .map((e) => e.slice(6));
    const res = await post({ ...hello, stream: true, stream_options: { include_usage: true } });
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const data = events(res.text);
    expect(data.at(-1)).toBe("[DONE]");
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d));
    expect(chunks.map((c) => c.choices[0]?.delta?.content ?? "").join("")).toBe("a fairly long streamed answer text");
    expect(chunks.at(-1).usage.completion_tokens).toBeGreaterThan(0);
    expect(chunks.at(-2).choices[0].finish_reason).toBe("stop");
    const tools = await post({
      ...hello,
      stream: true,
      tools: [{ type: "function", function: { name: "f", parameters: { type: "object" } } }],
    });
    const toolChunks = events(tools.text)
      .slice(0, -1)
      .map((d) => JSON.parse(d));
    const args = toolChunks.map((c) => c.choices[0]?.delta?.tool_calls?.[0]?.function?.arguments ?? "").join("");
    expect(JSON.parse(args)).toEqual({ x: "a long argument value" });
    expect(toolChunks.at(-1).choices[0].finish_reason).toBe("tool_calls");
  });

  it("says so when the script runs out", async () => {
    server = await startScriptedOpenAIServer({ script: [{ content: "one" }] });
    await post(hello);
    const res = await post(hello);
    expect(res.status).toBe(500);
    expect(res.json().error.message).toMatch(/script has only 1 answers/u);
  });

  it("caps concurrent answers server-side: later requests wait", async () => {
    server = await startScriptedOpenAIServer({ handler: () => ({ content: "ok" }), latencyMs: 60, maxConcurrency: 2 });
    const results = await Promise.all(Array.from({ length: 6 }, () => post(hello)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(server.maxObservedConcurrency).toBe(2);
  });

  it("injects seeded faults: 429 with Retry-After, 500, truncated and malformed output", async () => {
    const run = async () => {
      const s = await startScriptedOpenAIServer({
        handler: () => ({ json: { answer: "a value long enough to cut" } }),
        faults: { rate: 0.5, kinds: ["429", "500", "truncated", "malformed"], seed: 7, retryAfterSeconds: 3 },
      });
      server = s;
      const out: string[] = [];
      for (let i = 0; i < 40; i++) {
        const res = await post(hello);
        if (res.status === 429) expect(res.headers.get("retry-after")).toBe("3");
        if (res.status !== 200) {
          out.push(String(res.status));
          continue;
        }
        const choice = res.json().choices[0];
        let valid = true;
        try {
          JSON.parse(choice.message.content);
        } catch {
          valid = false;
        }
        out.push(valid ? "ok" : choice.finish_reason === "length" ? "truncated" : "malformed");
      }
      await s.close();
      server = undefined;
      return out;
    };
    const first = await run();
    expect(new Set(first)).toEqual(new Set(["ok", "429", "500", "truncated", "malformed"]));
    const failures = first.filter((o) => o !== "ok").length;
    expect(failures).toBeGreaterThan(8);
    expect(failures).toBeLessThan(32);
    expect(await run()).toEqual(first);
  });

  it("holds a timeout fault until the client gives up", async () => {
    server = await startScriptedOpenAIServer({ script: [{ fault: "timeout" }] });
    const started = Date.now();
    await expect(
      fetch(`${server.url}/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(hello),
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests[0]?.status).toBe(0);
  });
});

describe("examWriterHandler", () => {
  it("writes grounded questions from the <source> passage, as many as the prompt asks", async () => {
    server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
    const source =
      "The central bank raised the policy rate to 4.25 percent in March. Inflation expectations remained anchored according to the survey. Lending to households slowed for the third consecutive quarter.";
    const res = await post({
      model: "m",
      messages: [
        { role: "system", content: "Answer in JSON. Each question has 3 distractors." },
        { role: "user", content: `<source>\n${source}\n</source>\nWrite exactly 2 questions.` },
      ],
      response_format: { type: "json_object" },
    });
    const { questions } = JSON.parse(res.json().choices[0].message.content);
    expect(questions).toHaveLength(2);
    for (const q of questions) {
      expect(source).toContain(q.citations[0]);
      expect(q.distractors).toHaveLength(3);
      expect(q.distractors).not.toContain(q.answer);
      expect(q.question).toContain("_____");
    }
    expect(questions[0].answer).toBe("4.25");
  });

  it("writes nothing for a passage without sentences", () => {
    expect(writeExamQuestions("Too short.", 3, 3)).toEqual([]);
  });
});
