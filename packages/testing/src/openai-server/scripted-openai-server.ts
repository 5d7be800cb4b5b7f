import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { abortableSleep } from "./abortable-sleep.js";
import { createBatchEndpoints, type ScriptedBatch, type ScriptedBatchOptions } from "./batch-endpoints.js";
import { type ApiErrorReply, type ChatCompletionRequest, messageText, validateChatRequest } from "./chat-request.js";
import { createFaultPicker, type FaultKind, type FaultOptions, malformText, truncateText } from "./fault-injection.js";

/**
 * One scripted answer. `json` answers in whatever form the request asked for: a call of the requested tool when the
 * request has `tools`, else JSON text in `content` (covering `json_object` and `json_schema` response formats).
 */
export type ScriptedReply = (
  | { content: string; finishReason?: "stop" | "length" }
  | { json: unknown }
  | { toolCalls: { name: string; arguments: string | Record<string, unknown> }[] }
  | { error: ApiErrorReply & { retryAfterSeconds?: number } }
  | { fault: FaultKind }
) & {
  /** Token usage to report instead of the estimate (characters / 4). */
  usage?: { prompt_tokens: number; completion_tokens: number };
  /** Model name to report for this answer. */
  model?: string;
  /**
   * Token log-probabilities of the answer (OpenAI's `choices[0].logprobs.content`), sent only when the request asks
   * for them with `logprobs: true` (non-streaming answers).
   */
  logprobs?: ScriptedTokenLogprob[];
};

/** One token of an answer with its log-probability and the most likely alternatives, as OpenAI reports them. */
export interface ScriptedTokenLogprob {
  token: string;
  logprob: number;
  top_logprobs?: { token: string; logprob: number }[];
}

/** What a handler knows about the request besides its body. */
export interface ScriptedRequestContext {
  /** 0-based number of the chat completion request (in arrival order). */
  index: number;
  /** Aborted when the client disconnects. */
  signal: AbortSignal;
}

/** Computes the answer to a chat completion request, e.g. a fake model that writes questions from the prompt. */
export type ScriptedHandler = (
  request: ChatCompletionRequest,
  context: ScriptedRequestContext,
) => ScriptedReply | Promise<ScriptedReply>;

/** One request the server received, for tests to inspect. */
export interface RecordedRequest {
  index: number;
  method: string;
  path: string;
  /** The parsed JSON body (undefined for GETs and unparsable bodies). */
  body?: unknown;
  /** Set on the lines of a batch, which the server answers itself: the batch's id. */
  batchId?: string;
  /** HTTP status sent, or 0 when no answer was sent (timeout, disconnect, client gone). */
  status: number;
  fault?: FaultKind;
  receivedAt: number;
  finishedAt?: number;
}

/** Options of {@link startScriptedOpenAIServer}; give `script` or `handler`. */
export interface ScriptedOpenAIServerOptions {
  /** Answers given in order, one per chat completion request; when it runs out, requests get a 500 saying so. */
  script?: ScriptedReply[];
  /** Computes each answer from the request; used when `script` is not given. */
  handler?: ScriptedHandler;
  /** Port to listen on (default 0: any free port). The host is always 127.0.0.1. */
  port?: number;
  /** Delay before each answer, in ms, or a function of the request (default 0). */
  latencyMs?: number | ((request: ChatCompletionRequest) => number);
  /** Requests answered at the same time; later ones wait in a queue (default unlimited). */
  maxConcurrency?: number;
  /** Random faults (429, 500, timeouts, truncated or malformed output, disconnects). */
  faults?: FaultOptions;
  /** When set, requests must carry `Authorization: Bearer <apiKey>` (else 401, as the real API answers). */
  apiKey?: string;
  /** Models listed by `/v1/models`; when given, other models get a 404 `model_not_found` (default: any model). */
  models?: string[];
  /**
   * The model's context window in tokens (estimated as characters / 4): a request whose messages plus `max_tokens`
   * exceed it gets the API's 400 `context_length_exceeded` (default: no limit).
   */
  contextTokens?: number;
  /** Model name reported in answers (default: the requested one), like a real endpoint reporting a snapshot name. */
  reportedModel?: string | ((requestedModel: string) => string);
  /** How long a `timeout` fault holds the request before dropping the connection (default 120 000 ms). */
  timeoutFaultMs?: number;
  /** Called with each finished request (e.g. to write a log file); batch lines are recorded with path `batch:<id>`. */
  onRequest?: (request: RecordedRequest) => void;
  /** The Files and Batches endpoints: status step delay, per-batch limits, batch faults. */
  batches?: ScriptedBatchOptions;
}

/** A running scripted server. */
export interface ScriptedOpenAIServer {
  /** Base URL for OpenAI clients, ending in `/v1` (e.g. `http://127.0.0.1:41234/v1`). */
  url: string;
  port: number;
  /** Every request received, in arrival order. */
  requests: RecordedRequest[];
  /** The most chat completions that were being answered at the same time. */
  readonly maxObservedConcurrency: number;
  /** Every batch created, in creation order, as `GET /v1/batches/{id}` would return it now. */
  batches(): ScriptedBatch[];
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

const estimateTokens = (text: string) => Math.ceil(text.length / 4);

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    "x-request-id": `req_${randomUUID().replaceAll("-", "")}`,
    ...headers,
  });
  res.end(text);
}

/** The API's error body: `{ error: { message, type, param, code } }`. */
export function errorBody(error: ApiErrorReply): { error: Record<string, unknown> } {
  return {
    error: {
      message: error.message,
      type: error.type ?? (error.status >= 500 ? "server_error" : "invalid_request_error"),
      param: error.param ?? null,
      code: error.code ?? null,
    },
  };
}

export function sendError(res: ServerResponse, error: ApiErrorReply, headers: Record<string, string> = {}): void {
  sendJson(res, error.status, errorBody(error), headers);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

/** A counting semaphore: the server-side concurrency cap. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  inUse = 0;
  constructor(limit: number) {
    this.free = limit;
  }
  async acquire(signal: AbortSignal): Promise<boolean> {
    if (this.free > 0) {
      this.free--;
      this.inUse++;
      return true;
    }
    const granted = await new Promise<boolean>((resolve) => {
      const grant = () => {
        signal.removeEventListener("abort", cancel);
        resolve(true);
      };
      const cancel = () => {
        const i = this.waiting.indexOf(grant);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve(false);
      };
      this.waiting.push(grant);
      signal.addEventListener("abort", cancel, { once: true });
    });
    if (granted) this.inUse++;
    return granted;
  }
  release(): void {
    this.inUse--;
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

/** What answering one chat completion body came to. */
type ChatOutcome =
  | { kind: "error"; error: ApiErrorReply; headers?: Record<string, string> }
  | { kind: "dropped"; fault: "timeout" | "disconnect" }
  | { kind: "gone" }
  | {
      kind: "answer";
      request: ChatCompletionRequest;
      answer: Answer;
      model: string;
      usage: { prompt_tokens: number; completion_tokens: number };
      logprobs?: ScriptedTokenLogprob[];
    };

interface Answer {
  content: string | null;
  toolCalls?: { id: string; name: string; arguments: string }[];
  finishReason: "stop" | "length" | "tool_calls";
}

/** Shapes a scripted reply into an assistant message for this request. */
function toAnswer(reply: ScriptedReply, request: ChatCompletionRequest): Answer {
  const callId = () => `call_${randomUUID().replaceAll("-", "").slice(0, 24)}`;
  if ("toolCalls" in reply) {
    return {
      content: null,
      finishReason: "tool_calls",
      toolCalls: reply.toolCalls.map((c) => ({
        id: callId(),
        name: c.name,
        arguments: typeof c.arguments === "string" ? c.arguments : JSON.stringify(c.arguments),
      })),
    };
  }
  if ("json" in reply) {
    const tools = request.tools ?? [];
    const choice = request.tool_choice;
    if (tools.length > 0 && choice !== "none") {
      const name = typeof choice === "object" && choice !== null ? choice.function.name : tools[0]?.function.name;
      return {
        content: null,
        finishReason: "tool_calls",
        toolCalls: [{ id: callId(), name: name as string, arguments: JSON.stringify(reply.json) }],
      };
    }
    return { content: JSON.stringify(reply.json), finishReason: "stop" };
  }
  if ("content" in reply) return { content: reply.content, finishReason: reply.finishReason ?? "stop" };
  throw new Error("unreachable");
}

function damage(answer: Answer, fault: "truncated" | "malformed"): Answer {
  const change = fault === "truncated" ? truncateText : malformText;
  const finishReason = fault === "truncated" ? "length" : answer.finishReason;
  if (answer.toolCalls) {
    return {
      ...answer,
      finishReason,
      toolCalls: answer.toolCalls.map((c) => ({ ...c, arguments: change(c.arguments) })),
    };
  }
  return { ...answer, finishReason, content: change(answer.content ?? "") };
}

/**
 * Starts a real HTTP server on 127.0.0.1 that speaks the OpenAI chat completions protocol with scripted answers:
 * non-streaming and `stream: true` (SSE) answers, `response_format` `json_object` / `json_schema`, `tools` and
 * `tool_choice`, token usage, `/v1/models`, and the API's 400/401/404 answers for bad requests. Latency, a
 * server-side concurrency cap and seeded random faults make it usable for retry tests and benchmarks.
 *
 * @example
 * const server = await startScriptedOpenAIServer({ script: [{ json: { questions: [] } }], latencyMs: 50 });
 * const model = new ChatOpenAI({ model: "scripted", apiKey: "test", configuration: { baseURL: server.url } });
 * // … run code under test …
 * expect(server.requests).toHaveLength(1);
 * await server.close();
 */
export async function startScriptedOpenAIServer(options: ScriptedOpenAIServerOptions): Promise<ScriptedOpenAIServer> {
  if (!options.script && !options.handler) {
    throw new TypeError(
      "startScriptedOpenAIServer needs `script` (answers in order) or `handler` (answer per request)",
    );
  }
  if (options.maxConcurrency !== undefined && !(options.maxConcurrency >= 1)) {
    throw new RangeError(`maxConcurrency must be at least 1, got ${options.maxConcurrency}`);
  }
  const pickFault = createFaultPicker(options.faults);
  const slots = new Slots(options.maxConcurrency ?? Number.POSITIVE_INFINITY);
  const requests: RecordedRequest[] = [];
  let chatIndex = 0;
  let scriptIndex = 0;
  let maxObservedConcurrency = 0;
  const reportedModel = (requested: string) =>
    typeof options.reportedModel === "function"
      ? options.reportedModel(requested)
      : (options.reportedModel ?? requested);

  async function nextReply(request: ChatCompletionRequest, context: ScriptedRequestContext): Promise<ScriptedReply> {
    if (options.script) {
      const reply = options.script[scriptIndex++];
      if (reply === undefined) {
        return {
          error: {
            status: 500,
            message: `scripted server: the script has only ${options.script.length} answers and request ${context.index + 1} asked for another`,
          },
        };
      }
      return reply;
    }
    return (options.handler as ScriptedHandler)(request, context);
  }

  /**
   * Answers one chat completion body exactly as `POST /v1/chat/completions` does (validation, model check, context
   * limit, latency, concurrency slots, faults, script/handler). The HTTP route and each line of a batch use it, so a
   * batch line gets the answer the same request would get synchronously.
   */
  async function answerChat(body: unknown, signal: AbortSignal, record: RecordedRequest): Promise<ChatOutcome> {
    record.body = body;
    const checked = validateChatRequest(body);
    if ("error" in checked) return { kind: "error", error: checked.error };
    const request = checked.request;
    if (options.models && !options.models.includes(request.model)) {
      return {
        kind: "error",
        error: {
          status: 404,
          message: `The model \`${request.model}\` does not exist or you do not have access to it.`,
          code: "model_not_found",
        },
      };
    }
    if (options.contextTokens !== undefined) {
      const promptTokens = estimateTokens(request.messages.map((m) => messageText(m)).join("\n"));
      const maxTokens = Number(
        (body as { max_tokens?: unknown; max_completion_tokens?: unknown }).max_completion_tokens ??
          (body as { max_tokens?: unknown }).max_tokens ??
          0,
      );
      if (promptTokens + maxTokens > options.contextTokens) {
        return {
          kind: "error",
          error: {
            status: 400,
            message: `This model's maximum context length is ${options.contextTokens} tokens. However, you requested ${promptTokens + maxTokens} tokens (${promptTokens} in the messages, ${maxTokens} in the completion). Please reduce the length of the messages or completion.`,
            param: "messages",
            code: "context_length_exceeded",
          },
        };
      }
    }
    const index = chatIndex++;
    record.index = index;
    if (!(await slots.acquire(signal))) return { kind: "gone" };
    maxObservedConcurrency = Math.max(maxObservedConcurrency, slots.inUse);
    try {
      const latency = typeof options.latencyMs === "function" ? options.latencyMs(request) : (options.latencyMs ?? 0);
      await abortableSleep({ ms: latency, signal });
      if (signal.aborted) return { kind: "gone" };
      const injected = pickFault();
      let reply: ScriptedReply =
        injected === "429" || injected === "500" || injected === "timeout" || injected === "disconnect"
          ? { fault: injected }
          : await nextReply(request, { index, signal });
      if (signal.aborted) return { kind: "gone" };
      let fault: FaultKind | undefined = "fault" in reply ? reply.fault : undefined;
      if (fault === "truncated" || fault === "malformed") {
        // a scripted truncated/malformed answer damages the next real answer
        reply = await nextReply(request, { index, signal });
      }
      if (injected) fault = injected;
      record.fault = fault;
      if (fault === "429") {
        const seconds = options.faults?.retryAfterSeconds ?? 1;
        return {
          kind: "error",
          error: {
            status: 429,
            message: "Rate limit reached for requests (scripted fault). Please try again later.",
            type: "requests",
            code: "rate_limit_exceeded",
          },
          headers: { "retry-after": String(seconds) },
        };
      }
      if (fault === "500") {
        return {
          kind: "error",
          error: { status: 500, message: "The server had an error while processing your request (scripted fault)." },
        };
      }
      if (fault === "disconnect" || fault === "timeout") return { kind: "dropped", fault };
      if ("error" in reply) {
        const headers: Record<string, string> =
          reply.error.retryAfterSeconds !== undefined ? { "retry-after": String(reply.error.retryAfterSeconds) } : {};
        return { kind: "error", error: reply.error, headers };
      }
      if ("fault" in reply) throw new Error("unreachable");
      let answer = toAnswer(reply, request);
      if (fault === "truncated" || fault === "malformed") answer = damage(answer, fault);
      const promptText = request.messages.map((m) => messageText(m)).join("\n");
      const outputText = answer.content ?? (answer.toolCalls ?? []).map((c) => c.name + c.arguments).join("");
      const usage = reply.usage ?? {
        prompt_tokens: estimateTokens(promptText),
        completion_tokens: estimateTokens(outputText),
      };
      const model = reply.model ?? reportedModel(request.model);
      return {
        kind: "answer",
        request,
        answer,
        model,
        usage,
        logprobs: request.logprobs === true ? reply.logprobs : undefined,
      };
    } finally {
      slots.release();
    }
  }

  async function handleChat(req: IncomingMessage, res: ServerResponse, record: RecordedRequest): Promise<void> {
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      record.status = 400;
      return sendError(res, {
        status: 400,
        message:
          "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)",
      });
    }
    const controller = new AbortController();
    res.on("close", () => controller.abort());
    const outcome = await answerChat(body, controller.signal, record);
    if (outcome.kind === "gone") return;
    if (outcome.kind === "error") {
      record.status = outcome.error.status;
      return sendError(res, outcome.error, outcome.headers);
    }
    if (outcome.kind === "dropped") {
      if (outcome.fault === "timeout")
        await abortableSleep({ ms: options.timeoutFaultMs ?? 120_000, signal: controller.signal });
      res.socket?.destroy();
      return;
    }
    record.status = 200;
    if (outcome.request.stream) sendStream(res, outcome.request, outcome.answer, outcome.model, outcome.usage);
    else sendJson(res, 200, completionBody(outcome.answer, outcome.model, outcome.usage, outcome.logprobs));
  }

  const batches = createBatchEndpoints({
    options: options.batches,
    answer: async (body, record) => {
      const outcome = await answerChat(body, new AbortController().signal, record);
      if (outcome.kind === "answer") {
        if (outcome.request.stream) {
          return {
            status: 400,
            body: errorBody({ status: 400, message: "stream is not supported in a batch", param: "stream" }),
          };
        }
        return { status: 200, body: completionBody(outcome.answer, outcome.model, outcome.usage, outcome.logprobs) };
      }
      if (outcome.kind === "error") return { status: outcome.error.status, body: errorBody(outcome.error) };
      // a dropped connection inside the provider's batch worker: the line fails as a server error
      return {
        status: 500,
        body: errorBody({ status: 500, message: "The server had an error while processing your request." }),
      };
    },
    record: (record) => {
      requests.push(record);
      options.onRequest?.(record);
    },
  });

  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] as string;
    const record: RecordedRequest = { index: -1, method: req.method ?? "GET", path, status: 0, receivedAt: Date.now() };
    requests.push(record);
    res.on("close", () => {
      record.finishedAt = Date.now();
      options.onRequest?.(record);
    });
    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      record.status = 401;
      // like the real API, never echo the key that was sent
      return sendError(res, {
        status: 401,
        message: "Incorrect API key provided. You can find your API key in your account settings.",
        code: "invalid_api_key",
      });
    }
    if (path === "/v1/models" && req.method === "GET") {
      record.status = 200;
      const ids = options.models ?? ["scripted-model"];
      return sendJson(res, 200, {
        object: "list",
        data: ids.map((id) => ({ id, object: "model", created: 1700000000, owned_by: "domain-eval-scripted" })),
      });
    }
    if (batches.handles(path)) {
      batches.handle(req, res, record).catch((error: unknown) => {
        record.status = 500;
        if (!res.headersSent) {
          sendError(res, { status: 500, message: `scripted server: ${(error as Error).message}` });
        } else res.destroy();
      });
      return;
    }
    if (path === "/v1/chat/completions") {
      if (req.method !== "POST") {
        record.status = 405;
        return sendError(res, { status: 405, message: `Method ${req.method} not allowed: use POST` });
      }
      handleChat(req, res, record).catch((error: unknown) => {
        record.status = 500;
        if (!res.headersSent) {
          sendError(res, { status: 500, message: `scripted server handler failed: ${(error as Error).message}` });
        } else res.destroy();
      });
      return;
    }
    record.status = 404;
    sendError(res, { status: 404, message: `Invalid URL (${req.method} ${path})` });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    get maxObservedConcurrency() {
      return maxObservedConcurrency;
    },
    batches: batches.list,
    close: () =>
      new Promise<void>((resolve) => {
        batches.stop();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function completionId(): string {
  return `chatcmpl-${randomUUID().replaceAll("-", "").slice(0, 24)}`;
}

function usageBody(usage: { prompt_tokens: number; completion_tokens: number }) {
  return { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
}

/** The body of a non-streaming chat completion answer. */
function completionBody(
  answer: Answer,
  model: string,
  usage: { prompt_tokens: number; completion_tokens: number },
  logprobs?: ScriptedTokenLogprob[],
): Record<string, unknown> {
  const message: Record<string, unknown> = { role: "assistant", content: answer.content, refusal: null };
  if (answer.toolCalls) {
    message.tool_calls = answer.toolCalls.map((c) => ({
      id: c.id,
      type: "function",
      function: { name: c.name, arguments: c.arguments },
    }));
  }
  return {
    id: completionId(),
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    system_fingerprint: "fp_scripted",
    choices: [
      {
        index: 0,
        message,
        logprobs: logprobs
          ? {
              content: logprobs.map((t) => ({
                token: t.token,
                logprob: t.logprob,
                bytes: [...Buffer.from(t.token, "utf8")],
                top_logprobs: (t.top_logprobs ?? []).map((a) => ({ ...a, bytes: [...Buffer.from(a.token, "utf8")] })),
              })),
              refusal: null,
            }
          : null,
        finish_reason: answer.finishReason,
      },
    ],
    usage: usageBody(usage),
  };
}

function pieces(text: string, size = 24): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

function sendStream(
  res: ServerResponse,
  request: ChatCompletionRequest,
  answer: Answer,
  model: string,
  usage: { prompt_tokens: number; completion_tokens: number },
): void {
  const id = completionId();
  const created = Math.floor(Date.now() / 1000);
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  const includeUsage = request.stream_options?.include_usage === true;
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    res.write(
      `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created, model, system_fingerprint: "fp_scripted", choices, ...(includeUsage ? { usage: null } : {}), ...extra })}\n\n`,
    );
  chunk([{ index: 0, delta: { role: "assistant", content: answer.toolCalls ? null : "" }, finish_reason: null }]);
  if (answer.toolCalls) {
    answer.toolCalls.forEach((call, index) => {
      chunk([
        {
          index: 0,
          delta: {
            tool_calls: [{ index, id: call.id, type: "function", function: { name: call.name, arguments: "" } }],
          },
          finish_reason: null,
        },
      ]);
      for (const piece of pieces(call.arguments)) {
        chunk([{ index: 0, delta: { tool_calls: [{ index, function: { arguments: piece } }] }, finish_reason: null }]);
      }
    });
  } else {
    for (const piece of pieces(answer.content ?? "")) {
      chunk([{ index: 0, delta: { content: piece }, finish_reason: null }]);
    }
  }
  chunk([{ index: 0, delta: {}, finish_reason: answer.finishReason }]);
  if (includeUsage) chunk([], { usage: usageBody(usage) });
  res.end("data: [DONE]\n\n");
}
