import type { ExamItem, Finding } from "@domain-eval/core";
import { type ArgillaApiError, ArgillaClientError, createArgillaApiError, dataOrThrow } from "./argilla-api-error.js";
import type { ArgillaClient } from "./create-argilla-client.js";
import { EXAM_DATASET_NAMES } from "./exam-dataset-layout.js";
import { choicesOfRecordFields, examItemProblems, examRecordFor, keepChoiceOrder } from "./exam-record.js";
import { retryTransient } from "./retry-transient.js";

/** Argilla's limit on records per bulk request; also the default batch size. */
export const MAX_BULK_RECORDS = 500;
/**
 * Bulk requests in flight by default. Measured against Argilla 2.8 on a 2-core machine (apps/bench, ingestion):
 * 2 beat 1 in every interleaved pair; more did not help reliably, the server indexes each batch synchronously.
 */
export const DEFAULT_LOG_CONCURRENCY = 2;
/** Argilla's limit on values in one terms filter. */
const MAX_TERMS_FILTER_VALUES = 250;

/** One or more items cannot be logged; nothing of the rejected batch was written. */
export class ExamRecordRejectedError extends ArgillaClientError {
  override readonly name = "ExamRecordRejectedError";
  /** The item id and what is wrong with it, for each rejected item that could be identified. */
  readonly rejected: { itemId: string; reason: string }[];
  constructor(params: { message: string; rejected: { itemId: string; reason: string }[]; cause?: unknown }) {
    const { rejected, ...rest } = params;
    super({ code: "RECORDS_REJECTED", ...rest });
    this.rejected = rejected;
  }
}

/** Progress after each batch. */
export interface LogExamRecordsProgress {
  /** Items written so far (created + updated). */
  done: number;
  created: number;
  updated: number;
  /** Size of the batch just written. */
  batchSize: number;
}

/** Parameters of {@link logExamRecords}. */
export interface LogExamRecordsParams {
  /** Client from {@link createArgillaClient}. */
  client: ArgillaClient;
  /** The exam dataset (from {@link createExamDataset} or {@link findDataset}). */
  dataset: { id: string };
  /** Items to log: an array (all validated before anything is sent) or a stream (validated batch by batch). */
  items: Iterable<ExamItem> | AsyncIterable<ExamItem>;
  /** Records per bulk request, 1–500. Default 500 (fewer, larger batches ingest faster). */
  batchSize?: number;
  /** Batches in flight at once. Default {@link DEFAULT_LOG_CONCURRENCY} (2). */
  concurrency?: number;
  /** Retries per batch on network errors and 5xx, with exponential backoff. Default 4. */
  retries?: number;
  /** First backoff in ms (doubles per retry). Default 500. */
  retryBaseDelayMs?: number;
  /** Confidence of the generator's answer, 0..1, when known; sent as the suggestion's score. */
  suggestionScore?: (item: ExamItem) => number | undefined;
  /**
   * Findings of an item (quality checks, `domain-eval validate`): shown to reviewers in the `findings` field and
   * filterable by code (`finding_codes` metadata).
   */
  findings?: (item: ExamItem) => readonly Finding[] | undefined;
  /** Called after each batch is written. */
  onProgress?: (progress: LogExamRecordsProgress) => void;
  /** Stops sending batches; batches already written stay written (re-running upserts, never duplicates). */
  signal?: AbortSignal;
}

/** Result of {@link logExamRecords}. */
export interface LogExamRecordsResult {
  /** Records that did not exist before. */
  created: number;
  /** Records that existed (same item id) and were updated in place; their reviews are kept. */
  updated: number;
  /** Items logged. */
  total: number;
}

type Batch = ExamItem[];

async function* batchesOf(items: Iterable<ExamItem> | AsyncIterable<ExamItem>, size: number): AsyncGenerator<Batch> {
  let batch: Batch = [];
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

function checkItems(items: readonly unknown[], optionCount: number, seen: Set<string>): void {
  const rejected: { itemId: string; reason: string }[] = [];
  items.forEach((item, index) => {
    const id = (item as { id?: unknown })?.id;
    const itemId = typeof id === "string" ? id : `(item ${index})`;
    const problems = examItemProblems(item, optionCount);
    if (typeof id === "string") {
      if (seen.has(id)) problems.push("its id appears more than once: item ids must be unique");
      seen.add(id);
    }
    if (problems.length > 0) rejected.push({ itemId, reason: problems.join("; ") });
  });
  if (rejected.length > 0) {
    const shown = rejected
      .slice(0, 5)
      .map((r) => `"${r.itemId}": ${r.reason}`)
      .join(" | ");
    const more = rejected.length > 5 ? ` (and ${rejected.length - 5} more)` : "";
    throw new ExamRecordRejectedError({
      message: `${rejected.length} exam item(s) cannot be logged, so none of them was sent: ${shown}${more}`,
      rejected,
    });
  }
}

/**
 * The records these external ids already have in the dataset, as the choice texts in the order reviewers see them
 * (`answer_a`, `answer_b`, …).
 */
async function existingChoiceOrders(
  client: ArgillaClient,
  datasetId: string,
  ids: string[],
): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (let start = 0; start < ids.length; start += MAX_TERMS_FILTER_VALUES) {
    const values = ids.slice(start, start + MAX_TERMS_FILTER_VALUES);
    const page = dataOrThrow(
      await client.POST("/datasets/{dataset_id}/records/search", {
        params: { path: { dataset_id: datasetId }, query: { offset: 0, limit: values.length } },
        body: {
          filters: {
            and: [{ type: "terms", scope: { entity: "record", property: "external_id" }, values }],
          },
        },
      }),
    );
    for (const { record } of page.items) {
      if (record.external_id) found.set(record.external_id, choicesOfRecordFields(record.fields));
    }
  }
  return found;
}

/** Rewrites "Record at position N is not valid because …" to name the item. */
function rejectionFrom(error: ArgillaApiError, batch: Batch): ExamRecordRejectedError {
  const detail = typeof error.detail === "string" ? error.detail : error.message;
  const match = /Record at position (\d+) is not valid because (.*)$/s.exec(detail);
  const item = match ? batch[Number(match[1])] : undefined;
  if (match && item) {
    const reason = match[2] ?? "invalid";
    return new ExamRecordRejectedError({
      message:
        `Argilla rejected exam item "${item.id}" (record ${Number(match[1]) + 1} of its batch): ${reason}. ` +
        "Nothing of that batch was written; fix the item (or recreate the dataset to match it) and log again.",
      rejected: [{ itemId: item.id, reason }],
      cause: error,
    });
  }
  return new ExamRecordRejectedError({
    message: `Argilla rejected a batch of ${batch.length} exam items (first "${batch[0]?.id}"): ${error.message}`,
    rejected: batch.map((i) => ({ itemId: i.id, reason: detail })),
    cause: error,
  });
}

/**
 * Logs exam items as Argilla records: bulk upserts keyed by item id (`external_id`), so a rerun or a retry updates
 * instead of duplicating and keeps reviewers' responses. The generator's answer becomes the `correct_answer`
 * suggestion, options keep the item's order — except for a record that already exists, whose option order is kept
 * (reviewers answered by letter) with the suggestion mapped onto it. Invalid items are reported before anything of their batch is sent.
 *
 * @example
 * const { created, updated, total } = await logExamRecords({
 *   client, dataset, items: examItems,
 *   onProgress: ({ done }) => console.log(`${done} logged`),
 * });
 */
export async function logExamRecords(params: LogExamRecordsParams): Promise<LogExamRecordsResult> {
  const { client, dataset, signal } = params;
  const batchSize = params.batchSize ?? MAX_BULK_RECORDS;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BULK_RECORDS) {
    throw new TypeError(
      `batchSize must be an integer from 1 to ${MAX_BULK_RECORDS} (Argilla's limit), got ${batchSize}`,
    );
  }
  const concurrency = params.concurrency ?? DEFAULT_LOG_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new TypeError(`concurrency must be a positive integer, got ${concurrency}`);
  }
  signal?.throwIfAborted();

  const questions = dataOrThrow(
    await client.GET("/datasets/{dataset_id}/questions", { params: { path: { dataset_id: dataset.id } } }),
  );
  const fields = dataOrThrow(
    await client.GET("/datasets/{dataset_id}/fields", { params: { path: { dataset_id: dataset.id } } }),
  );
  const correct = questions.items.find((q) => q.name === EXAM_DATASET_NAMES.correctAnswerQuestion);
  if (correct?.settings.type !== "label_selection") {
    throw new TypeError(
      `dataset ${dataset.id} has no "${EXAM_DATASET_NAMES.correctAnswerQuestion}" label question: create it with createExamDataset`,
    );
  }
  const optionCount = correct.settings.options.length;
  const hasCitationsField = fields.items.some((f) => f.name === EXAM_DATASET_NAMES.citationsField);
  const hasFindingsField = fields.items.some((f) => f.name === EXAM_DATASET_NAMES.findingsField);

  // A dataset with no records yet (the usual first log) cannot hold any of these ids: item ids are unique within
  // this call, so the per-batch existence look-ups (two searches per 500 records, work for the server's search
  // index while it is busy indexing) are skipped. When the count cannot be read, look up as usual.
  const progress = await client
    .GET("/datasets/{dataset_id}/progress", { params: { path: { dataset_id: dataset.id } } })
    .catch(() => undefined);
  const startsEmpty = progress?.data?.total === 0;

  const seen = new Set<string>();
  if (Array.isArray(params.items)) checkItems(params.items, optionCount, seen);
  const checkedUpFront = Array.isArray(params.items);

  const totals = { created: 0, updated: 0 };
  const writeBatch = async (given: Batch): Promise<void> => {
    const existing = startsEmpty
      ? new Map<string, string[]>()
      : await retryTransient({
          call: () =>
            existingChoiceOrders(
              client,
              dataset.id,
              given.map((i) => i.id),
            ),
          retries: params.retries,
          baseDelayMs: params.retryBaseDelayMs,
          signal,
        });
    // A record that exists may carry reviews of its options by letter: keep the order reviewers saw.
    const batch = given.map((item) => keepChoiceOrder({ item, existingChoices: existing.get(item.id) }));
    const records = batch.map((item) => {
      const score = params.suggestionScore?.(item);
      if (score !== undefined && !(Number.isFinite(score) && score >= 0 && score <= 1)) {
        throw new ExamRecordRejectedError({
          message: `suggestionScore returned ${score} for exam item "${item.id}": scores must be between 0 and 1; nothing of its batch was sent`,
          rejected: [{ itemId: item.id, reason: `suggestion score ${score} is outside 0..1` }],
        });
      }
      const record = examRecordFor({
        item,
        correctAnswerQuestionId: correct.id,
        score,
        findings: params.findings?.(item) ?? [],
      });
      if (!hasCitationsField && record.fields) delete record.fields[EXAM_DATASET_NAMES.citationsField];
      if (!hasFindingsField && record.fields) delete record.fields[EXAM_DATASET_NAMES.findingsField];
      return record;
    });
    await retryTransient({
      call: async () => {
        signal?.throwIfAborted();
        const result = await client.PUT("/datasets/{dataset_id}/records/bulk", {
          params: { path: { dataset_id: dataset.id } },
          body: { items: records },
          ...(signal ? { signal } : {}),
        });
        if (result.error !== undefined || !result.response.ok) {
          const error = createArgillaApiError({ response: result.response, body: result.error });
          throw error.status === 422 ? rejectionFrom(error, batch) : error;
        }
      },
      retries: params.retries,
      baseDelayMs: params.retryBaseDelayMs,
      signal,
    });
    totals.created += batch.length - existing.size;
    totals.updated += existing.size;
    params.onProgress?.({ done: totals.created + totals.updated, ...totals, batchSize: batch.length });
  };

  // Bounded concurrency: keep up to `concurrency` batches in flight, stop at the first failure.
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  try {
    for await (const batch of batchesOf(params.items, batchSize)) {
      if (failure) break;
      signal?.throwIfAborted();
      if (!checkedUpFront) checkItems(batch, optionCount, seen);
      const task = writeBatch(batch).catch((error: unknown) => {
        failure ??= { error };
      });
      const tracked = task.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
  } finally {
    // Let batches already sent finish (or fail) before reporting, so the counts match what the server holds.
    await Promise.all(inFlight);
  }
  if (failure) throw failure.error;
  return { created: totals.created, updated: totals.updated, total: totals.created + totals.updated };
}
