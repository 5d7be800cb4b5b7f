/**
 * Why a model call failed, as a stable code in SCREAMING_SNAKE_CASE like every error code of the project (they were
 * lowercase before; a journal never replays a failure, so older journals resume the same):
 * - worth retrying, because the next attempt can succeed: `RATE_LIMITED`, `SERVER_ERROR`, `TIMEOUT`, `CONNECTION`,
 *   `UNPARSEABLE` (the reply was not the JSON asked for; the error is fed back);
 * - final, because the same request fails the same way: `UNAUTHORIZED` (401/403), `MODEL_NOT_FOUND`,
 *   `CONTEXT_OVERFLOW` (the prompt does not fit the model's context), `BAD_REQUEST` (another 4xx), `MODEL_ERROR` (a
 *   local model that cannot run), `NOT_AN_API` (the URL answered, but not as an OpenAI-compatible API: an HTML page,
 *   a 404 for the chat completions path).
 */
export type ModelCallFailureCode =
  | "RATE_LIMITED"
  | "SERVER_ERROR"
  | "TIMEOUT"
  | "CONNECTION"
  | "UNPARSEABLE"
  | "UNAUTHORIZED"
  | "MODEL_NOT_FOUND"
  | "CONTEXT_OVERFLOW"
  | "BAD_REQUEST"
  | "MODEL_ERROR"
  | "NOT_AN_API";

/** A classified model-call failure. */
export interface ModelCallFailure {
  code: ModelCallFailureCode;
  /** True when trying again can give a different outcome. */
  retryable: boolean;
  /** One line: what failed. */
  message: string;
  /** What to do about it. */
  fix?: string;
}

const RETRYABLE: ReadonlySet<ModelCallFailureCode> = new Set([
  "RATE_LIMITED",
  "SERVER_ERROR",
  "TIMEOUT",
  "CONNECTION",
  "UNPARSEABLE",
]);

const FIXES: Partial<Record<ModelCallFailureCode, string>> = {
  UNAUTHORIZED: "check the API key (OPENAI_API_KEY) and that it may use this model",
  MODEL_NOT_FOUND: "check the model id (GET /v1/models on the endpoint lists the ones it serves)",
  CONTEXT_OVERFLOW: "use smaller chunks (--chunk-size), fewer questions per chunk, or a model with a larger context",
  BAD_REQUEST: "the endpoint rejected the request: check that it supports the structured output mode asked for",
  MODEL_ERROR: "check the local model file and its settings",
  NOT_AN_API: "check OPENAI_BASE_URL: it is the API's base URL, which usually ends in /v1",
  TIMEOUT: "the server may be overloaded or the model slow: check that it answers, or raise the request timeout",
};

/** What to do about a connection that failed, by the system error code under it. */
const CONNECTION_FIXES: Record<string, string> = {
  ECONNREFUSED: "is the server running? check OPENAI_BASE_URL",
  ENOTFOUND: "check the host name in OPENAI_BASE_URL",
  EAI_AGAIN: "the host name did not resolve (DNS): check the network and OPENAI_BASE_URL",
  ECONNRESET:
    "the server dropped the connection: check that it is running and that OPENAI_BASE_URL uses the right scheme (http or https)",
};
const CONNECTION_FIX = "check that the server is running and that OPENAI_BASE_URL is right";

const CONTEXT_OVERFLOW =
  /context[_ ]length|context window|maximum context|prompt is too long|too many (input )?tokens|input is too long|exceeds? the (model's )?(context|maximum)|reduce the length/iu;

function field(error: unknown, name: string): unknown {
  return typeof error === "object" && error !== null ? (error as Record<string, unknown>)[name] : undefined;
}

/** The system error code (ECONNREFUSED, ENOTFOUND, …) somewhere in the error's cause chain, with the address it was for. */
function systemErrorOf(error: unknown, depth = 0): { code: string; address?: string } | undefined {
  if (depth > 5 || typeof error !== "object" || error === null) return undefined;
  const code = field(error, "code");
  if (typeof code === "string" && /^E[A-Z_]+$/u.test(code)) {
    const address = field(error, "address") ?? field(error, "hostname");
    const port = field(error, "port");
    return {
      code,
      ...(typeof address === "string" ? { address: port !== undefined ? `${address}:${String(port)}` : address } : {}),
    };
  }
  // AggregateError (a host with several addresses) holds the attempts in `errors`.
  const errors = field(error, "errors");
  for (const inner of Array.isArray(errors) ? errors : []) {
    const found = systemErrorOf(inner, depth + 1);
    if (found) return found;
  }
  const cause = field(error, "cause");
  return cause && cause !== error ? systemErrorOf(cause, depth + 1) : undefined;
}

/** The message of the innermost cause (fetch's "bad port", a TLS error), which says more than "Connection error.". */
function deepestMessage(error: unknown): string {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    const cause = field(current, "cause");
    if (!(cause instanceof Error) || cause === current) break;
    current = cause;
  }
  return ((current instanceof Error ? current.message : String(current)).split("\n")[0] ?? "").trim();
}

/** What a model call was sent to, for the messages of failures that depend on it. */
export interface ModelCallContext {
  /** The endpoint's base URL (e.g. `http://localhost:8000/v1`), named in connection, timeout and wrong-URL failures. */
  endpoint?: string;
  /** The request timeout in ms, named in a timeout's message. */
  timeoutMs?: number;
}

function statusOf(error: unknown): number | undefined {
  for (const candidate of [field(error, "status"), field(field(error, "response"), "status")]) {
    if (typeof candidate === "number") return candidate;
  }
  const cause = field(error, "cause");
  return cause && cause !== error ? statusOf(cause) : undefined;
}

/**
 * Classifies an error thrown by a chat model call (OpenAI SDK and LangChain errors, fetch errors, node-llama-cpp's
 * local model errors) so the chain retries only what can change. `context` (the endpoint, the timeout) makes the
 * messages of connection failures, timeouts and wrong URLs name what was called.
 *
 * @example
 * classifyModelCallError(new Error("429 Rate limit reached")).retryable // true
 * classifyModelCallError(connectionError, { endpoint: "http://localhost:8000/v1" }).message
 * // "cannot connect to http://localhost:8000/v1 (ECONNREFUSED)"
 */
export function classifyModelCallError(error: unknown, context: ModelCallContext = {}): ModelCallFailure {
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
  const status = statusOf(error);
  const code = String(field(error, "code") ?? field(field(error, "error"), "code") ?? "");
  const lcCode = String(field(error, "lc_error_code") ?? "");
  const name = error instanceof Error ? error.name : "";
  const classify = (failure: ModelCallFailureCode, said = message, fix = FIXES[failure]): ModelCallFailure => {
    return { code: failure, retryable: RETRYABLE.has(failure), message: said, ...(fix ? { fix } : {}) };
  };
  const where = context.endpoint ?? "the endpoint";

  // local-model's LocalModelError: OUTPUT_TRUNCATED since its codes follow core's casing (output_truncated before).
  if (code === "OUTPUT_TRUNCATED" || code === "output_truncated") return classify("UNPARSEABLE");
  if (code === "context_length_exceeded" || CONTEXT_OVERFLOW.test(message) || name === "RangeError") {
    return classify("CONTEXT_OVERFLOW");
  }
  if (status === 401 || status === 403 || lcCode === "MODEL_AUTHENTICATION" || code === "invalid_api_key") {
    return classify("UNAUTHORIZED");
  }
  // LangChain stamps every 404 MODEL_NOT_FOUND; a 404 that names no model is a path the server does not have.
  if (status === 404 && code !== "model_not_found" && !/model/iu.test(message)) {
    return classify("NOT_AN_API", `${where} has no chat completions API (${message.slice(0, 120)})`);
  }
  if (status === 404 || lcCode === "MODEL_NOT_FOUND" || code === "model_not_found") return classify("MODEL_NOT_FOUND");
  if (status === 429 || lcCode === "MODEL_RATE_LIMIT" || code === "rate_limit_exceeded")
    return classify("RATE_LIMITED");
  if (status !== undefined && status >= 500) return classify("SERVER_ERROR");
  if (status === 408 || /timed? ?out|timeout/iu.test(`${name} ${message}`)) {
    const seconds = context.timeoutMs !== undefined ? ` in ${Math.round(context.timeoutMs / 1000)} s` : "";
    return classify("TIMEOUT", `no answer from ${where}${seconds} (${message})`);
  }
  if (status === 405 || /<!doctype html|<html/iu.test(message)) {
    return classify("NOT_AN_API", `${where} answered with a web page, not the OpenAI API (HTTP ${status ?? "?"})`);
  }
  if (status !== undefined && status >= 400) return classify("BAD_REQUEST");
  if (
    /APIConnectionError|FetchError/u.test(name) ||
    /ECONNRESET|ECONNREFUSED|EPIPE|socket hang up|fetch failed|connection error|terminated/iu.test(message)
  ) {
    const system = systemErrorOf(error);
    const target = context.endpoint ?? system?.address ?? "the endpoint";
    const said = `cannot connect to ${target} (${system?.code ?? deepestMessage(error).replace(/\.$/u, "")})`;
    return classify("CONNECTION", said, CONNECTION_FIXES[system?.code ?? ""] ?? CONNECTION_FIX);
  }
  if (name === "LocalModelError") return classify("MODEL_ERROR");
  if (name === "OutputParserException" || error instanceof SyntaxError) return classify("UNPARSEABLE");
  // A 200 whose body is not a chat completion (an HTML page, another API's JSON): the client reads a field it lacks.
  if (
    error instanceof TypeError &&
    /Cannot read properties of (undefined|null) \(reading '(map|choices|message|0)'\)/u.test(message)
  ) {
    return classify(
      "NOT_AN_API",
      `${where} did not answer as an OpenAI-compatible API (a reply without choices, e.g. a web page)`,
    );
  }
  // Unknown errors are retried: a transient failure is likelier than a new kind of permanent one.
  return { code: "SERVER_ERROR", retryable: true, message };
}
