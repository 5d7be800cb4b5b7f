import { readJsonl } from "../jsonl.js";
import { classifyModelCallError, type ModelCallFailureCode } from "../model-call-failure.js";
import { BatchError } from "./batch-error.js";

/** The parts of a chat completion (the `body` of a result line) the batch path reads. */
export interface BatchChatCompletion {
  model?: string;
  choices: {
    message: {
      content?: string | null;
      tool_calls?: { id?: string; type?: string; function: { name: string; arguments: string } }[] | null;
      refusal?: string | null;
    };
    finish_reason?: string | null;
  }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
}

/** One request's outcome in a batch results file: the chat completion, or why there is none. */
export type BatchLineResult =
  | { custom_id: string; ok: true; completion: BatchChatCompletion }
  | {
      custom_id: string;
      ok: false;
      /** HTTP status of the request when it got one. */
      status?: number;
      /** The provider's code (`batch_expired`, `rate_limit_exceeded`, …) or the classified failure. */
      code: string;
      message: string;
      /** True when sending the request again can succeed (expired, cancelled, rate limited, server error). */
      retryable: boolean;
      /** The classified failure, as the synchronous path reports it. */
      failure: ModelCallFailureCode;
    };

/** Codes of lines the provider never ran: sending them again is the fix. */
const NOT_RUN = new Set(["batch_expired", "batch_cancelled"]);

function errorParts(error: unknown): { code?: string; message?: string; status?: number } {
  if (typeof error === "string") return { message: error };
  if (typeof error !== "object" || error === null) return {};
  const e = error as { code?: unknown; message?: unknown; error?: unknown; type?: unknown };
  // OpenAI `{ error: { message, type, code } }` and vLLM's ErrorResponse `{ error: { message, type, code } }`
  if (typeof e.error === "object" && e.error !== null) return errorParts(e.error);
  return {
    code: typeof e.code === "string" ? e.code : undefined,
    // vLLM puts the HTTP status in `code` (an int)
    status: typeof e.code === "number" ? e.code : undefined,
    message: typeof e.message === "string" ? e.message : typeof e.type === "string" ? e.type : undefined,
  };
}

function failed(customId: string, parts: { code?: string; message?: string; status?: number }): BatchLineResult {
  const message = parts.message ?? `the request failed${parts.status ? ` with status ${parts.status}` : ""}`;
  if (parts.code && NOT_RUN.has(parts.code)) {
    return { custom_id: customId, ok: false, code: parts.code, message, retryable: true, failure: "TIMEOUT" };
  }
  const classified = classifyModelCallError(
    Object.assign(new Error(message), { status: parts.status, code: parts.code }),
  );
  return {
    custom_id: customId,
    ok: false,
    ...(parts.status !== undefined ? { status: parts.status } : {}),
    code: parts.code ?? classified.code,
    message,
    retryable: classified.retryable,
    failure: classified.code,
  };
}

/**
 * Reads one line of a batch results file, in either format that carries `custom_id` and `response`:
 * - the OpenAI Batch API's output and error files: `{id, custom_id, response: {status_code, request_id, body}, error}`,
 *   where `error` is `{code, message}` for lines that never ran (`batch_expired`);
 * - vLLM's offline batch runner (`python -m vllm.entrypoints.openai.run_batch`), whose `BatchRequestOutput` and
 *   `BatchResponseData` classes (vllm/entrypoints/openai/run_batch.py) write the same shape, with `error` a string
 *   or an `ErrorResponse` and `response.body` null on failure.
 *
 * @throws BatchError (`BATCH_RESULTS_UNREADABLE`) when the line has neither shape.
 * @example
 * readBatchResultLine({ custom_id: "doc:0-800", response: { status_code: 200, body: completion }, error: null });
 */
export function readBatchResultLine(value: unknown): BatchLineResult {
  const line = value as { custom_id?: unknown; response?: unknown; error?: unknown } | null;
  if (typeof line !== "object" || line === null || typeof line.custom_id !== "string") {
    throw new BatchError({
      code: "BATCH_RESULTS_UNREADABLE",
      message:
        "a batch result line has no custom_id: pass the output (or error) file of an OpenAI batch or of vLLM's run_batch",
    });
  }
  const customId = line.custom_id;
  const response = line.response as { status_code?: unknown; body?: unknown } | null | undefined;
  const status = typeof response?.status_code === "number" ? response.status_code : undefined;
  const body = response?.body as BatchChatCompletion | null | undefined;
  if (
    (status === undefined || status === 200) &&
    (line.error === null || line.error === undefined) &&
    body &&
    Array.isArray(body.choices)
  ) {
    return { custom_id: customId, ok: true, completion: body };
  }
  const fromError = errorParts(line.error);
  const fromBody = errorParts(body);
  return failed(customId, {
    code: fromError.code ?? fromBody.code,
    message: fromError.message ?? fromBody.message,
    status: status ?? fromError.status ?? fromBody.status,
  });
}

/**
 * Reads a whole batch results file (JSONL), OpenAI or vLLM format; the last line of a `custom_id` wins.
 *
 * @example
 * const results = await readBatchResultsFile({ path: "results.jsonl" });
 * for (const [chunkId, r] of results) if (!r.ok) console.log(chunkId, r.message);
 */
export async function readBatchResultsFile(params: { path: string }): Promise<Map<string, BatchLineResult>> {
  const results = new Map<string, BatchLineResult>();
  try {
    for await (const { value } of readJsonl(params.path)) {
      const result = readBatchResultLine(value);
      results.set(result.custom_id, result);
    }
  } catch (error) {
    if (error instanceof BatchError) {
      throw new BatchError({
        code: "BATCH_RESULTS_UNREADABLE",
        message: `${params.path}: ${error.message}`,
        cause: error,
      });
    }
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new BatchError({
        code: "BATCH_RESULTS_UNREADABLE",
        message: `${params.path} does not exist: pass the results file the batch runner wrote (vLLM run_batch -o FILE)`,
      });
    }
    throw new BatchError({
      code: "BATCH_RESULTS_UNREADABLE",
      message: `${params.path} is not a JSONL batch results file (${(error as Error).message}): pass the output file of an OpenAI batch or of vLLM's run_batch`,
      cause: error,
    });
  }
  return results;
}

/** Reads result lines from a text (a downloaded output or error file). */
export function readBatchResultsText(text: string): BatchLineResult[] {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l, i) => {
      try {
        return readBatchResultLine(JSON.parse(l));
      } catch (error) {
        throw new BatchError({
          code: "BATCH_RESULTS_UNREADABLE",
          message: `line ${i + 1} of a batch results file is unreadable (${(error as Error).message}): download it again`,
          cause: error,
        });
      }
    });
}
