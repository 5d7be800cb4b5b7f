import { DomainEvalError, redactSecrets } from "@domain-eval/core";

/** What went wrong, as a stable code (every error of this package extends {@link ArgillaClientError}). */
export type ArgillaClientErrorCode =
  /** HTTP 401: the API key is wrong or missing. */
  | "UNAUTHORIZED"
  /** HTTP 403: the key's user may not do this. */
  | "FORBIDDEN"
  /** HTTP 404. */
  | "NOT_FOUND"
  /** HTTP 409: it already exists. */
  | "CONFLICT"
  /** HTTP 422: the server rejected the values sent. */
  | "INVALID_REQUEST"
  /** HTTP 5xx: the server failed. */
  | "SERVER_ERROR"
  /** Any other HTTP error status. */
  | "HTTP_ERROR"
  /** The server could not be reached (connection refused, DNS, reset, timeout). */
  | "UNREACHABLE"
  /** An existing dataset of that name cannot hold exam items. */
  | "DATASET_MISMATCH"
  /** Items were rejected before or by the server; nothing of the batch was written. */
  | "RECORDS_REJECTED";

/**
 * The base of every error `@domain-eval/argilla-client` throws (a core `DomainEvalError`): catch this one to handle
 * them all, or a subclass ({@link ArgillaApiError}, {@link ArgillaConnectionError}, …) for one kind.
 *
 * @example
 * try { await createExamDataset({ client, name: "exam", optionCount: 4, guidelines }); }
 * catch (error) { if (error instanceof ArgillaClientError && error.code === "UNAUTHORIZED") console.error("check ARGILLA_API_KEY"); }
 */
export class ArgillaClientError extends DomainEvalError<ArgillaClientErrorCode> {
  override name = "ArgillaClientError";
}

function codeOfStatus(status: number): ArgillaClientErrorCode {
  if (status === 401) return "UNAUTHORIZED";
  if (status === 403) return "FORBIDDEN";
  if (status === 404) return "NOT_FOUND";
  if (status === 409) return "CONFLICT";
  if (status === 422) return "INVALID_REQUEST";
  if (status >= 500) return "SERVER_ERROR";
  return "HTTP_ERROR";
}

/** Where a failed request went: kept per response so errors can name the call without logging headers. */
export interface ArgillaRequestInfo {
  method: string;
  url: string;
}

const requestOfResponse = new WeakMap<Response, ArgillaRequestInfo & { secret?: string }>();

/** Remembers which request produced a response, and the key to scrub from errors (called by the client middleware). */
export function rememberRequest(response: Response, request: ArgillaRequestInfo & { secret?: string }): void {
  requestOfResponse.set(response, request);
}

/** One field-level problem from a FastAPI validation error (`detail: [{ loc, msg, type }]`). */
export interface ArgillaValidationIssue {
  /** Dotted location, e.g. `body.items.3.fields.question`. */
  field: string;
  message: string;
}

/**
 * An HTTP error from the Argilla server. `message` says what went wrong and what to do; `detail` is the server's
 * `detail` as sent (string, list of validation issues or `{ code, params }`). The API key is never part of it.
 */
export class ArgillaApiError extends ArgillaClientError {
  override readonly name = "ArgillaApiError";
  /** HTTP status code. */
  readonly status: number;
  /** HTTP method of the failed request. */
  readonly method: string;
  /** Full request URL (the key travels in a header, never in the URL). */
  readonly url: string;
  /** The server's `detail`, as parsed from the JSON body (or the raw text when the body is not JSON). */
  readonly detail: unknown;
  /** Field-level issues of a 422 validation error; empty otherwise. */
  readonly issues: ArgillaValidationIssue[];

  constructor(params: { status: number; method: string; url: string; detail: unknown; message: string }) {
    super({ code: codeOfStatus(params.status), message: params.message });
    this.status = params.status;
    this.method = params.method;
    this.url = params.url;
    this.detail = params.detail;
    this.issues = validationIssues(params.detail);
  }
}

function validationIssues(detail: unknown): ArgillaValidationIssue[] {
  if (!Array.isArray(detail)) return [];
  return detail.flatMap((entry) => {
    if (typeof entry !== "object" || entry === null) return [];
    const { loc, msg } = entry as { loc?: unknown; msg?: unknown };
    return [{ field: Array.isArray(loc) ? loc.join(".") : "(request)", message: String(msg ?? "invalid") }];
  });
}

/** A readable one-line version of any `detail` shape the server sends. */
export function describeDetail(detail: unknown): string {
  if (detail === undefined || detail === null || detail === "") return "";
  if (typeof detail === "string") return detail;
  const issues = validationIssues(detail);
  if (issues.length > 0) return issues.map((i) => `${i.field}: ${i.message}`).join("; ");
  if (typeof detail === "object") {
    const { code, message, params } = detail as { code?: unknown; message?: unknown; params?: unknown };
    if (typeof message === "string") return message;
    if (typeof code === "string") return params ? `${code} ${JSON.stringify(params)}` : code;
  }
  return JSON.stringify(detail);
}

function adviceFor(status: number, method: string, url: string): string {
  const path = url.replace(/^https?:\/\/[^/]+/, "").split("?")[0] ?? "";
  if (status === 401) {
    return "the API key was rejected: check ARGILLA_API_KEY (or the apiKey you passed) against the key shown in your Argilla user settings";
  }
  if (status === 403) {
    return "this user may not do that: use an owner or admin API key, or ask an owner to add the user to the workspace";
  }
  if (status === 404) {
    return /\/datasets\//.test(path)
      ? "the dataset does not exist (or was deleted): check its id, or look it up by name with findDataset"
      : "not found: check the id in the URL and that the server is Argilla 2.x";
  }
  if (status === 409) {
    return method === "POST" && path.endsWith("/datasets")
      ? "a dataset with this name already exists in the workspace: choose another name, reuse it, or pass replace: true to createExamDataset"
      : "it already exists: choose another name";
  }
  if (status === 422) return "the server rejected the request as invalid: fix the values listed";
  if (status >= 500) return "the Argilla server failed: see its log; retrying later may help";
  return "";
}

/**
 * Builds an {@link ArgillaApiError} from a failed response whose body was already parsed (as openapi-fetch does).
 *
 * @example
 * const { data, error, response } = await client.GET("/me");
 * if (error) throw createArgillaApiError({ response, body: error });
 */
export function createArgillaApiError(params: {
  /** The failed response. */
  response: Response;
  /** Its parsed JSON body (openapi-fetch's `error`), or text. */
  body: unknown;
  /** Method and URL when the response did not pass through {@link createArgillaClient}'s middleware. */
  request?: ArgillaRequestInfo;
  /** A secret to scrub from the message, should the server ever echo it. */
  secret?: string;
}): ArgillaApiError {
  const { response, body } = params;
  const remembered = requestOfResponse.get(response);
  const request = params.request ?? remembered ?? { method: "?", url: response.url };
  const secret = params.secret ?? remembered?.secret;
  const rawDetail =
    typeof body === "object" && body !== null && "detail" in body ? (body as { detail: unknown }).detail : body;
  // Should the server ever echo the key, scrub it from the kept detail too (errors get logged and serialized).
  const json = rawDetail === undefined ? undefined : JSON.stringify(rawDetail);
  const scrubbed = json === undefined ? undefined : redactSecrets({ text: json, secrets: [secret] });
  const detail = scrubbed !== json && scrubbed !== undefined ? JSON.parse(scrubbed) : rawDetail;
  const described = describeDetail(detail);
  const advice = adviceFor(response.status, request.method, request.url);
  const statusText = response.statusText ? ` ${response.statusText}` : "";
  const message = redactSecrets({
    text:
      `Argilla ${request.method} ${request.url} failed with ${response.status}${statusText}` +
      `${described ? `: ${described}` : ""}${advice ? ` — ${advice}` : ""}`,
    secrets: [secret],
  });
  const url = redactSecrets({ text: request.url, secrets: [secret] });
  return new ArgillaApiError({ status: response.status, method: request.method, url, detail, message });
}

/**
 * Returns `data` of an openapi-fetch result, or throws an {@link ArgillaApiError} saying what to do.
 *
 * @example
 * const me = dataOrThrow(await client.GET("/me"));
 * console.log(me.username);
 */
export function dataOrThrow<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) {
    throw createArgillaApiError({ response: result.response, body: result.error });
  }
  return result.data as T;
}

/**
 * The server could not be reached (connection refused, DNS, reset, timeout). Retried by the helpers; `cause` holds
 * the underlying fetch error.
 */
export class ArgillaConnectionError extends ArgillaClientError {
  override readonly name = "ArgillaConnectionError";
  readonly method: string;
  readonly url: string;
  constructor(params: { method: string; url: string; cause: unknown }) {
    const reason = describeNetworkCause(params.cause);
    super({
      code: "UNREACHABLE",
      message: `cannot reach Argilla for ${params.method} ${params.url} (${reason}): check that the server is running and that ARGILLA_API_URL (or baseUrl) points at it`,
      cause: params.cause,
    });
    this.method = params.method;
    this.url = params.url;
  }
}

function describeNetworkCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === "string" ? `${code}: ${cause.message}` : cause.message;
  }
  return error.message;
}

/** True for errors a retry may fix: connection failures and HTTP 5xx (but not aborts or 4xx). */
export function isTransientArgillaError(error: unknown): boolean {
  if (error instanceof ArgillaConnectionError) return true;
  return error instanceof ArgillaApiError && (error.status >= 500 || error.status === 429);
}
