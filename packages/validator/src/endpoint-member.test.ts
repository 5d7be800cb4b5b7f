import { getEventListeners } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DomainEvalError } from "@domain-eval/core";
import { multipleChoiceHandler, type ScriptedOpenAIServer, startScriptedOpenAIServer } from "@domain-eval/testing";
import { afterEach, describe, expect, it } from "vitest";
import { createEndpointMember } from "./endpoint-member.js";
import { ValidatorError } from "./validator-error.js";

let server: ScriptedOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const item = { setting: "closed_book" as const, question: "Capital of France?", options: ["Rome", "Paris", "Oslo"] };

describe("createEndpointMember", () => {
  it("asks for a letter with a json_schema enum at temperature 0, and retries a 429", async () => {
    server = await startScriptedOpenAIServer({
      script: [{ error: { status: 429, message: "slow down" } }, { json: { answer: "B" } }],
    });
    const member = createEndpointMember({ baseUrl: server.url, model: "m", retryBaseDelayMs: 1 });
    const answer = await member.answer({ item });
    expect(answer).toMatchObject({ choice: 1, probabilities: null, noAnswer: null });
    const body = server.requests[1]?.body as {
      temperature?: number;
      logprobs?: boolean;
      response_format?: { json_schema?: { schema?: { properties?: { answer?: { enum?: string[] } } } } };
    };
    expect(body.temperature).toBe(0);
    expect(body.response_format?.json_schema?.schema?.properties?.answer?.enum).toEqual(["A", "B", "C"]);
    expect(body.logprobs).toBe(true);
  });

  it("retries under one long-lived signal leave no abort listener behind (no listener-leak warning in long runs)", async () => {
    // a validation run shares one signal (Ctrl-C) across thousands of requests: each retry's wait must let go of it
    const script = [];
    for (let i = 0; i < 12; i++) script.push({ error: { status: 503, message: "busy" } }, { json: { answer: "B" } });
    server = await startScriptedOpenAIServer({ script });
    // fetch without the signal: undici's own listener goes only when its request is garbage collected, and this
    // counts the member's
    const member = createEndpointMember({
      baseUrl: server.url,
      model: "m",
      retryBaseDelayMs: 1,
      fetch: (url, init) => fetch(url, { ...init, signal: undefined }),
    });
    const controller = new AbortController();
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      for (let i = 0; i < 12; i++) {
        const answer = await member.answer({ item, signal: controller.signal });
        expect(answer.choice).toBe(1);
      }
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off("warning", onWarning);
    }
    expect(server.requests).toHaveLength(24);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    expect(warnings.map((w) => w.message).join("\n")).not.toMatch(/MaxListeners|memory leak/);
  });

  it("Ctrl-C during a retry's wait stops at once with the abort's reason", async () => {
    server = await startScriptedOpenAIServer({ script: [{ error: { status: 503, message: "busy" } }] });
    const member = createEndpointMember({ baseUrl: server.url, model: "m", retryBaseDelayMs: 60_000 });
    const controller = new AbortController();
    const started = Date.now();
    const pending = member.answer({ item, signal: controller.signal }).catch((e: unknown) => e);
    while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort(new Error("stopped by the user"));
    const error = await pending;
    expect((error as Error).message).toBe("stopped by the user");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(server.requests).toHaveLength(1);
  });

  it("an endpoint that accepts the request and never answers times out, is retried, then named with the wait", async () => {
    const requests: number[] = [];
    // holds every request open without answering
    const silent: Server = createServer(() => requests.push(Date.now()));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const member = createEndpointMember({
        baseUrl: `${origin}/v1`,
        model: "m",
        timeoutMs: 200,
        maxRetries: 1,
        retryBaseDelayMs: 1,
      });
      const controller = new AbortController();
      const started = Date.now();
      const error = await member.answer({ item, signal: controller.signal }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidatorError);
      expect((error as ValidatorError).code).toBe("ENDPOINT_UNAVAILABLE");
      expect((error as Error).message).toBe(
        `m at ${origin} did not answer after 2 attempts (no answer in 0.2 s): check that it is running, or lower --concurrency`,
      );
      expect(requests).toHaveLength(2);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("a URL that is not an OpenAI API (an HTML page, a 404 on the path) says to check the base URL", async () => {
    const pages: Server = createServer((request, response) => {
      if (request.url?.startsWith("/site/")) {
        response.writeHead(200, { "content-type": "text/html" });
        response.end("<!doctype html><html><body>Welcome to nginx!</body></html>");
      } else {
        response.writeHead(404, { "content-type": "application/json" });
        response.end(JSON.stringify({ error: { message: "Invalid URL (POST /chat/completions)" } }));
      }
    });
    await new Promise<void>((resolve) => pages.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
    try {
      const html = await createEndpointMember({ baseUrl: `${origin}/site/v1`, model: "m" })
        .answer({ item })
        .catch((e: unknown) => e);
      expect(html).toBeInstanceOf(ValidatorError);
      expect((html as Error).message).toBe(
        `m at ${origin} answered with an HTML page, not an OpenAI chat completion: check the base URL (an OpenAI-compatible API usually ends in /v1)`,
      );
      const noPrefix = await createEndpointMember({ baseUrl: origin, model: "m" })
        .answer({ item })
        .catch((e: unknown) => e);
      expect((noPrefix as Error).message).toBe(
        `m at ${origin} has no chat completions API at ${origin}/chat/completions (HTTP 404): check the base URL (an OpenAI-compatible API usually ends in /v1)`,
      );
    } finally {
      await new Promise((resolve) => pages.close(resolve));
    }
  });

  it("a refused request is a ValidatorError naming the model, never the key", async () => {
    server = await startScriptedOpenAIServer({
      handler: multipleChoiceHandler({ decide: () => 0 }),
      apiKey: "sk-right",
    });
    const member = createEndpointMember({ baseUrl: server.url, model: "m", apiKey: "sk-wrong-secret" });
    const error = await member.answer({ item }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidatorError);
    expect((error as ValidatorError).code).toBe("ENDPOINT_FAILED");
    expect((error as Error).message).toMatch(/m at http:\/\/127\.0\.0\.1.*HTTP 401/);
    expect((error as Error).message).not.toContain("sk-wrong-secret");
  });

  it("a server that echoes the key in its refusal: the key never reaches the message", async () => {
    const key = "sk-proj-echoed-0123456789";
    server = await startScriptedOpenAIServer({
      script: [{ error: { status: 401, message: `Incorrect API key provided: ${key}. Find your key in settings.` } }],
    });
    const member = createEndpointMember({ baseUrl: server.url, model: "m", apiKey: key });
    const error = await member.answer({ item }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainEvalError);
    expect((error as Error).message).toContain("Incorrect API key provided: ***");
    expect((error as Error).message).not.toContain(key);
  });

  it("a letter outside the options is no answer, with the reply quoted", async () => {
    server = await startScriptedOpenAIServer({ script: [{ json: { answer: "Z" } }] });
    const answer = await createEndpointMember({ baseUrl: server.url, model: "m" }).answer({ item });
    expect(answer.choice).toBeNull();
    expect(answer.noAnswer).toMatch(/names no option letter A\/B\/C/);
  });
});
