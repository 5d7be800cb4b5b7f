import type OpenAI from "openai";
import { waitUnlessAborted } from "../wait-unless-aborted.js";
import { type BatchLineResult, readBatchResultsText } from "./batch-results.js";

/** What the batch path needs of an `OpenAI` client: its Files and Batches resources. */
export type BatchClient = Pick<OpenAI, "files" | "batches">;

/** A batch as the provider reports it (`openai`'s `Batch`). */
export type BatchJob = OpenAI.Batches.Batch;

/** Statuses after which a batch changes no more. */
export const FINISHED_BATCH_STATUSES: ReadonlySet<BatchJob["status"]> = new Set([
  "completed",
  "failed",
  "expired",
  "cancelled",
]);

/**
 * Uploads a batch input file (`files.create`, purpose `batch`) and creates the batch (`batches.create`, endpoint
 * `/v1/chat/completions`, 24-hour window).
 *
 * @example
 * const batch = await submitBatchJob({ client: new OpenAI(), text: part.text, metadata: { run: "exam" } });
 */
export async function submitBatchJob(params: {
  client: BatchClient;
  /** The JSONL text: one request per line (see `splitBatchRequests`). */
  text: string;
  /** File name shown in the provider's dashboard (default `requests.jsonl`). */
  filename?: string;
  /** Up to 16 key-value pairs stored with the batch. */
  metadata?: Record<string, string>;
}): Promise<BatchJob> {
  const file = await params.client.files.create({
    // Node's File (global since Node 20): this module needs `openai` for its types only
    file: new File([params.text], params.filename ?? "requests.jsonl", { type: "application/jsonl" }),
    purpose: "batch",
  });
  return params.client.batches.create({
    input_file_id: file.id,
    endpoint: "/v1/chat/completions",
    completion_window: "24h",
    ...(params.metadata ? { metadata: params.metadata } : {}),
  });
}

/**
 * Polls batches until each has finished (completed, failed, expired or cancelled), reporting every status seen.
 * Returns the last state of each; when `signal` aborts it returns at once with the batches still running (they go
 * on at the provider, and their ids are what a resume picks up).
 *
 * @example
 * const done = await waitForBatchJobs({ client, batchIds, pollIntervalMs: 30_000, onStatus: (b) => log(b.status) });
 */
export async function waitForBatchJobs(params: {
  client: BatchClient;
  batchIds: readonly string[];
  /** Wait between polls (default 30 000 ms). */
  pollIntervalMs?: number;
  signal?: AbortSignal;
  onStatus?: (batches: BatchJob[]) => void;
}): Promise<BatchJob[]> {
  const interval = params.pollIntervalMs ?? 30_000;
  for (;;) {
    const batches = await Promise.all(params.batchIds.map((id) => params.client.batches.retrieve(id)));
    params.onStatus?.(batches);
    if (batches.every((b) => FINISHED_BATCH_STATUSES.has(b.status)) || params.signal?.aborted) return batches;
    await waitUnlessAborted({ ms: interval, signal: params.signal });
    if (params.signal?.aborted) return batches;
  }
}

/**
 * Downloads a finished batch's output and error files and reads every line (see `readBatchResultLine`).
 *
 * @example
 * const results = await downloadBatchResults({ client, batch });
 */
export async function downloadBatchResults(params: {
  client: BatchClient;
  batch: BatchJob;
}): Promise<BatchLineResult[]> {
  const results: BatchLineResult[] = [];
  for (const fileId of [params.batch.output_file_id, params.batch.error_file_id]) {
    if (!fileId) continue;
    const response = await params.client.files.content(fileId);
    results.push(...readBatchResultsText(await response.text()));
  }
  return results;
}

/**
 * Cancels a batch (`batches.cancel`): it turns `cancelling`, then `cancelled`, keeping the answers it already has.
 *
 * @example
 * await cancelBatchJob({ client, batchId: "batch_abc123" });
 */
export function cancelBatchJob(params: { client: BatchClient; batchId: string }): Promise<BatchJob> {
  return params.client.batches.cancel(params.batchId);
}

/**
 * The account's batches, newest first, page by page.
 *
 * @example
 * for await (const batch of listBatchJobs({ client })) console.log(batch.id, batch.status);
 */
export async function* listBatchJobs(params: { client: BatchClient; pageSize?: number }): AsyncGenerator<BatchJob> {
  for await (const batch of params.client.batches.list({ limit: params.pageSize ?? 100 })) yield batch;
}
