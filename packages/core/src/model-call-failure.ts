/**
 * Why a model call failed, as a stable code:
 * - worth retrying, because the next attempt can succeed: `rate_limited`, `server_error`, `timeout`, `connection`,
 *   `unparseable` (the reply was not the JSON asked for; the error is fed back);
 * - final, because the same request fails the same way: `unauthorized` (401/403), `model_not_found`,
 *   `context_overflow` (the prompt does not fit the model's context), `bad_request` (another 4xx), `model_error` (a
 *   local model that cannot run).
 */
export type ModelCallFailureCode =
  | "rate_limited"
  | "server_error"
  | "timeout"
  | "connection"
  | "unparseable"
  | "unauthorized"
  | "model_not_found"
  | "context_overflow"
  | "bad_request"
  | "model_error";

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
  "rate_limited",
  "server_error",
  "timeout",
  "connection",
  "unparseable",
]);

const FIXES: Partial<Record<ModelCallFailureCode, string>> = {
  unauthorized: "check the API key (OPENAI_API_KEY) and that it may use this model",
  model_not_found: "check the model id (GET /v1/models on the endpoint lists the ones it serves)",
  context_overflow: "use smaller chunks (--chunk-size), fewer questions per chunk, or a model with a larger context",
  bad_request: "the endpoint rejected the request: check that it supports the structured output mode asked for",
  model_error: "check the local model file and its settings",
};

const CONTEXT_OVERFLOW =
  /context[_ ]length|context window|maximum context|prompt is too long|too many (input )?tokens|input is too long|exceeds? the (model's )?(context|maximum)|reduce the length/iu;

function field(error: unknown, name: string): unknown {
  return typeof error === "object" && error !== null ? (error as Record<string, unknown>)[name] : undefined;
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
 * local model errors) so the chain retries only what can change.
 *
 * @example
 * classifyModelCallError(new Error("429 Rate limit reached")).retryable // true
 */
export function classifyModelCallError(error: unknown): ModelCallFailure {
  const message = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
  const status = statusOf(error);
  const code = String(field(error, "code") ?? field(field(error, "error"), "code") ?? "");
  const lcCode = String(field(error, "lc_error_code") ?? "");
  const name = error instanceof Error ? error.name : "";
  const classify = (failure: ModelCallFailureCode): ModelCallFailure => {
    const fix = FIXES[failure];
    return { code: failure, retryable: RETRYABLE.has(failure), message, ...(fix ? { fix } : {}) };
  };

  // local-model's LocalModelError: OUTPUT_TRUNCATED since its codes follow core's casing (output_truncated before).
  if (code === "OUTPUT_TRUNCATED" || code === "output_truncated") return classify("unparseable");
  if (code === "context_length_exceeded" || CONTEXT_OVERFLOW.test(message) || name === "RangeError") {
    return classify("context_overflow");
  }
  if (status === 401 || status === 403 || lcCode === "MODEL_AUTHENTICATION" || code === "invalid_api_key") {
    return classify("unauthorized");
  }
  if (status === 404 || lcCode === "MODEL_NOT_FOUND" || code === "model_not_found") return classify("model_not_found");
  if (status === 429 || lcCode === "MODEL_RATE_LIMIT" || code === "rate_limit_exceeded")
    return classify("rate_limited");
  if (status !== undefined && status >= 500) return classify("server_error");
  if (status === 408 || /timed? ?out|timeout/iu.test(`${name} ${message}`)) return classify("timeout");
  if (status !== undefined && status >= 400) return classify("bad_request");
  if (
    /APIConnectionError|FetchError/u.test(name) ||
    /ECONNRESET|ECONNREFUSED|EPIPE|socket hang up|fetch failed|connection error|terminated/iu.test(message)
  ) {
    return classify("connection");
  }
  if (name === "LocalModelError") return classify("model_error");
  if (name === "OutputParserException" || error instanceof SyntaxError) return classify("unparseable");
  // Unknown errors are retried: a transient failure is likelier than a new kind of permanent one.
  return { code: "server_error", retryable: true, message };
}
