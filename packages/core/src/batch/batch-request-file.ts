import { BatchError } from "./batch-error.js";

/**
 * One line of a batch input file in the OpenAI Batch API format, also read by vLLM's `run_batch` and other
 * providers' batch endpoints: `custom_id` names the request (a chunk id, a validation answer key), `body` is the exact chat completions request.
 */
export interface BatchRequestLine {
  custom_id: string;
  method: "POST";
  url: "/v1/chat/completions";
  body: Record<string, unknown>;
}

/**
 * Per-batch limits of the OpenAI Batch API (the `input_file_id` parameter of `batches.create` in its reference): at
 * most 50,000 requests and 200 MB per input file.
 */
export const OPENAI_BATCH_LIMITS = { maxRequests: 50_000, maxBytes: 200 * 1024 * 1024 } as const;

/** Limits a batch input file must stay under. */
export interface BatchLimits {
  /** Requests per batch (default 50,000). */
  maxRequests?: number;
  /** Bytes per input file, newlines included (default 200 MB). */
  maxBytes?: number;
}

/**
 * Splits request lines into batch input files that stay under the per-batch limits, keeping their order. Each part
 * is the file's text (one JSON line per request, newline-terminated) with the custom ids it holds.
 *
 * @throws BatchError (`BATCH_LINE_TOO_LARGE`) when one request alone is over `maxBytes`.
 * @example
 * const parts = splitBatchRequests({ lines, maxRequests: 50_000 });
 * for (const part of parts) await writeFile(`requests-${n++}.jsonl`, part.text);
 */
export function splitBatchRequests(params: {
  lines: readonly BatchRequestLine[];
  limits?: BatchLimits;
}): { text: string; customIds: string[]; bytes: number }[] {
  const maxRequests = params.limits?.maxRequests ?? OPENAI_BATCH_LIMITS.maxRequests;
  const maxBytes = params.limits?.maxBytes ?? OPENAI_BATCH_LIMITS.maxBytes;
  if (!Number.isInteger(maxRequests) || maxRequests < 1) {
    throw new TypeError(`limits.maxRequests must be a whole number of at least 1, got ${maxRequests}`);
  }
  if (!(maxBytes > 0)) throw new TypeError(`limits.maxBytes must be more than 0, got ${maxBytes}`);
  const parts: { text: string; customIds: string[]; bytes: number }[] = [];
  let texts: string[] = [];
  let ids: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (ids.length === 0) return;
    parts.push({ text: texts.join(""), customIds: ids, bytes });
    texts = [];
    ids = [];
    bytes = 0;
  };
  for (const line of params.lines) {
    const text = `${JSON.stringify(line)}\n`;
    const size = Buffer.byteLength(text);
    if (size > maxBytes) {
      throw new BatchError({
        code: "BATCH_LINE_TOO_LARGE",
        message: `the request ${line.custom_id} is ${size} bytes, over the ${maxBytes}-byte batch file limit: make the requests smaller (generate: --chunk-size)`,
      });
    }
    if (ids.length >= maxRequests || bytes + size > maxBytes) flush();
    texts.push(text);
    ids.push(line.custom_id);
    bytes += size;
  }
  flush();
  return parts;
}
