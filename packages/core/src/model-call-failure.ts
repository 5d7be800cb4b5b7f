/**
 * Why a model call failed, as a stable code in SCREAMING_SNAKE_CASE like every error code of the project (they were
 * lowercase before; a journal never replays a failure, so older journals resume the same):
 * - worth retrying, because the next attempt can succeed: `RATE_LIMITED`, `SERVER_ERROR`, `TIMEOUT`, `CONNECTION`,
 *   `UNPARSEABLE` (the reply was not the JSON asked for; the error is fed back);
 * - final, because the same request fails the same way: `UNAUTHORIZED` (401/403), `MODEL_NOT_FOUND`,
 *   `CONTEXT_OVERFLOW` (the prompt does not fit the model's context), `BAD_REQUEST` (another 4xx), `MODEL_ERROR` (a
 *   local model that cannot run).
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
  | "MODEL_ERROR";

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
  if (code === "OUTPUT_TRUNCATED" || code === "output_truncated") return classify("UNPARSEABLE");
  if (code === "context_length_exceeded" || CONTEXT_OVERFLOW.test(message) || name === "RangeError") {
    return classify("CONTEXT_OVERFLOW");
  }
  if (status === 401 || status === 403 || lcCode === "MODEL_AUTHENTICATION" || code === "invalid_api_key") {
    return classify("UNAUTHORIZED");
  }
  if (status === 404 || lcCode === "MODEL_NOT_FOUND" || code === "model_not_found") return classify("MODEL_NOT_FOUND");
  if (status === 429 || lcCode === "MODEL_RATE_LIMIT" || code === "rate_limit_exceeded")
    return classify("RATE_LIMITED");
  if (status !== undefined && status >= 500) return classify("SERVER_ERROR");
  if (status === 408 || /timed? ?out|timeout/iu.test(`${name} ${message}`)) return classify("TIMEOUT");
  if (status !== undefined && status >= 400) return classify("BAD_REQUEST");
  if (
    /APIConnectionError|FetchError/u.test(name) ||
    /ECONNRESET|ECONNREFUSED|EPIPE|socket hang up|fetch failed|connection error|terminated/iu.test(message)
  ) {
    return classify("CONNECTION");
  }
  if (name === "LocalModelError") return classify("MODEL_ERROR");
  if (name === "OutputParserException" || error instanceof SyntaxError) return classify("UNPARSEABLE");
  // Unknown errors are retried: a transient failure is likelier than a new kind of permanent one.
  return { code: "SERVER_ERROR", retryable: true, message };
}
