import { existsSync } from "node:fs";
import { readJsonl } from "../jsonl.js";
import { type BatchLimits, type BatchRequestLine, splitBatchRequests } from "./batch-request-file.js";
import { type BatchClient, type BatchJob, submitBatchJob } from "./openai-batch-jobs.js";

/**
 * A batch recorded in a run's journal (a line `{"type": "batch", …}` beside the run's own lines), so a resume polls it
 * instead of submitting its requests again. Each run adds what it needs to read the answers (`generate`: the chunk
 * ids and retry state; `validate`: the answer keys).
 */
export interface BatchJournalRecord {
  type: "batch";
  /** The provider's batch id. */
  batch_id: string;
  input_file_id: string;
  submitted_at: string;
}

/**
 * The batch records of a journal (any JSONL journal: its other lines are skipped), in the order they were written.
 * A journal that does not exist has none.
 *
 * @example
 * const records = await readJournalBatches({ path: "questions.jsonl.journal.jsonl" });
 * for (const r of records) console.log(r.batch_id, r.submitted_at);
 */
export async function readJournalBatches<Record extends BatchJournalRecord = BatchJournalRecord>(params: {
  path: string;
}): Promise<Record[]> {
  if (!existsSync(params.path)) return [];
  const records: Record[] = [];
  try {
    for await (const { value } of readJsonl(params.path)) {
      const record = value as Partial<BatchJournalRecord> | null;
      if (record?.type === "batch" && typeof record.batch_id === "string") records.push(record as Record);
    }
  } catch {
    // a half-written last line (a kill mid-write) is dropped by the run when it opens the journal
  }
  return records;
}

/** One batch created by {@link submitBatchRequests}, with the custom ids of the requests it holds. */
export interface SubmittedBatch {
  batch: BatchJob;
  customIds: string[];
}

/**
 * Splits request lines under the per-batch limits and submits each part as a batch (`submitBatchJob`). After each
 * batch is created, `onSubmitted` runs (journal it there, so a run killed right after can resume it); an aborted
 * `signal` stops before the next part.
 *
 * @example
 * await submitBatchRequests({
 *   client, lines, metadata: { created_by: "me" },
 *   onSubmitted: ({ batch, customIds }) => journal.append({ type: "batch", batch_id: batch.id, custom_ids: customIds }),
 * });
 */
export async function submitBatchRequests(params: {
  client: BatchClient;
  lines: readonly BatchRequestLine[];
  /** Per-batch limits (default: the OpenAI Batch API's). */
  limits?: BatchLimits;
  metadata?: Record<string, string>;
  signal?: AbortSignal;
  onSubmitted?: (submitted: SubmittedBatch) => Promise<void> | void;
}): Promise<SubmittedBatch[]> {
  const submitted: SubmittedBatch[] = [];
  for (const part of splitBatchRequests({ lines: params.lines, limits: params.limits })) {
    if (params.signal?.aborted) break;
    const batch = await submitBatchJob({ client: params.client, text: part.text, metadata: params.metadata });
    const entry = { batch, customIds: part.customIds };
    await params.onSubmitted?.(entry);
    submitted.push(entry);
  }
  return submitted;
}

/** Progress of the batches of a run, after each poll. */
export interface BatchRunProgress {
  batches: { id: string; status: BatchJob["status"]; completed: number; failed: number; total: number }[];
  /** Requests answered (completed or failed) over all running batches. */
  answered: number;
  /** Requests in all running batches. */
  requests: number;
}

/**
 * The progress of polled batches (`waitForBatchJobs`'s `onStatus`), counting a batch whose provider reports no total
 * yet with the requests the run put in it.
 *
 * @example
 * onStatus: (batches) => onBatchProgress(batchRunProgress({ batches, requestsOf: (id) => jobs.get(id)?.length ?? 0 }))
 */
export function batchRunProgress(params: {
  batches: readonly BatchJob[];
  requestsOf: (batchId: string) => number;
}): BatchRunProgress {
  const counts = params.batches.map((b) => ({
    id: b.id,
    status: b.status,
    completed: b.request_counts?.completed ?? 0,
    failed: b.request_counts?.failed ?? 0,
    total: b.request_counts?.total || params.requestsOf(b.id),
  }));
  return {
    batches: counts,
    answered: counts.reduce((n, b) => n + b.completed + b.failed, 0),
    requests: counts.reduce((n, b) => n + b.total, 0),
  };
}

/** Why a batch failed validation at the provider (its `errors`), in one line. */
export function batchFailureReason(batch: BatchJob): string {
  const errors = (batch.errors?.data ?? []).map((e) => `${e.code}${e.line ? ` (line ${e.line})` : ""}: ${e.message}`);
  return `batch ${batch.id} failed validation: ${errors.join("; ") || "no reason given"}`;
}
