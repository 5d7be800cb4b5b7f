import {
  type BatchClient,
  type BatchJournalRecord,
  type BatchLimits,
  type BatchLineResult,
  type BatchRequestLine,
  type BatchRoundsResult,
  type BatchRunProgress,
  batchFailureReason,
  runBatchRounds,
} from "@domain-eval/core/batch";
import type { PanelMemberBatch } from "./panel-member.js";
import {
  itemFor,
  planTasks,
  type QuestionValidationResult,
  startValidationRun,
  type ValidateQuestionsParams,
  type ValidationRun,
  type ValidationStats,
  type ValidationTask,
} from "./validate-questions.js";
import { ValidatorError } from "./validator-error.js";

/**
 * A batch in the validation journal (beside the answer lines): `--resume` polls it instead of submitting its
 * requests again. `custom_ids` are the answer keys (question content, setting, model, sample, order).
 */
export interface ValidationBatchRecord extends BatchJournalRecord {
  /** The endpoint the batch was submitted to. */
  base_url: string;
  custom_ids: string[];
}

/** Parameters of {@link validateQuestionsBatch}. */
export type ValidateQuestionsBatchParams = ValidateQuestionsParams & {
  /** The `OpenAI` client (Files and Batches) of an endpoint member's base URL. */
  clientFor: (baseUrl: string) => BatchClient;
  /** Per-batch limits; more requests are split into several batches (default: the OpenAI Batch API's). */
  limits?: BatchLimits;
  /** Wait between polls (default 30 000 ms). */
  pollIntervalMs?: number;
  /**
   * Requests a batch did not answer (expired, cancelled, rate limited, server error): send them again in a follow-up
   * `batch` (default), or ask the member directly (`sync`).
   */
  retryMode?: "batch" | "sync";
  /** Metadata stored with each batch at the provider. */
  metadata?: Record<string, string>;
  onBatchProgress?: (progress: BatchRunProgress) => void;
};

/** Result of {@link validateQuestionsBatch}: the `validateQuestions` result plus the batches. */
export interface ValidateQuestionsBatchResult {
  results: QuestionValidationResult[];
  stats: ValidationStats;
  /** Batches created by this call. */
  submitted: string[];
  /** Batches of an earlier run that this one polled instead of submitting again. */
  resumedBatches: string[];
  /** Batches still running when the run stopped (aborted): `resume` picks them up. */
  running: string[];
}

interface Job {
  task: ValidationTask;
  /** Times the request came back unanswered: bounded so a run always ends. */
  unanswered: number;
}

const MAX_UNANSWERED = 3;

function requestLine(task: ValidationTask): BatchRequestLine {
  return {
    custom_id: task.key,
    method: "POST",
    url: "/v1/chat/completions",
    body: task.member.batch?.requestBody(itemFor(task)) ?? {},
  };
}

/**
 * Reads one request's outcome into the run with the member's own reader (as its direct calls are read). Returns the
 * job again when the request must be sent again; throws for failures a retry cannot fix, as the direct path does.
 */
async function take(run: ValidationRun, job: Job, result: BatchLineResult | undefined): Promise<Job | undefined> {
  if (result?.ok) {
    run.stats.calls++;
    const reader = job.task.member.batch as PanelMemberBatch;
    await run.record(job.task, reader.readReply({ item: itemFor(job.task), reply: result.completion }), "batch");
    return undefined;
  }
  const why = result ? `${result.code}: ${result.message}` : "the batch returned no line for it";
  if (result && !result.retryable) {
    throw new ValidatorError({
      code: "ENDPOINT_FAILED",
      message: `${job.task.member.name} refused a validation request in a batch (${why}): check the model id, the API key, and that the endpoint supports the request`,
    });
  }
  if (job.unanswered + 1 < MAX_UNANSWERED) return { ...job, unanswered: job.unanswered + 1 };
  throw new ValidatorError({
    code: "ENDPOINT_UNAVAILABLE",
    message: `${job.task.member.name} left a validation request unanswered ${MAX_UNANSWERED} times in batches (${why}): rerun with --resume later, or without --batch`,
  });
}

/** Splits pending tasks into endpoint jobs (batchable) and the tasks local members answer in-process. */
function partition(tasks: readonly ValidationTask[]): { batchable: ValidationTask[]; local: ValidationTask[] } {
  const batchable: ValidationTask[] = [];
  const local: ValidationTask[] = [];
  for (const task of tasks) (task.member.batch ? batchable : local).push(task);
  return { batchable, local };
}

/**
 * Validates through a batch inference API (the OpenAI Batch API, or any provider with the same Files and Batches
 * endpoints): every request the endpoint members would send (question × setting × sample × order) becomes one batch
 * line whose `custom_id` is the answer's journal key, and each output line is read by the member's own reader, so
 * the answers, the `validation` blocks and the findings are those of {@link validateQuestions}. Local members
 * (scored in-process) answer directly meanwhile. Batch ids are journaled: with `resume`, running batches are polled,
 * not submitted again. Requests that came back unanswered go out again (`retryMode`).
 *
 * @example
 * const { results, submitted } = await validateQuestionsBatch({
 *   questions, panel, journalPath: "validated.jsonl.journal.jsonl", resume: true,
 *   clientFor: (baseURL) => new OpenAI({ baseURL, apiKey: process.env.OPENAI_API_KEY }),
 *   onBatchProgress: (p) => console.log(`${p.answered}/${p.requests}`),
 * });
 */
export async function validateQuestionsBatch(
  params: ValidateQuestionsBatchParams,
): Promise<ValidateQuestionsBatchResult> {
  const retryMode = params.retryMode ?? "batch";
  if (retryMode !== "batch" && retryMode !== "sync") {
    throw new TypeError(`retryMode "${String(retryMode)}" is not one of batch, sync`);
  }
  const run = await startValidationRun(params);
  let rounds: BatchRoundsResult = { submitted: [], resumedBatches: [], running: [] };
  try {
    const { batchable, local } = partition(run.pending);
    // the latest recorded batch of each pending request
    const byKey = new Map(batchable.map((t) => [t.key, t]));
    const latest = new Map<string, ValidationBatchRecord>();
    for (const line of run.journalRecords) {
      const record = line as Partial<ValidationBatchRecord>;
      if (record.type !== "batch" || !Array.isArray(record.custom_ids)) continue;
      for (const key of record.custom_ids) if (byKey.has(key)) latest.set(key, record as ValidationBatchRecord);
    }
    const resumed = new Map<string, { batchId: string; group: string; jobs: Job[] }>();
    const fresh: Job[] = [];
    for (const task of batchable) {
      const record = latest.get(task.key);
      if (!record) {
        fresh.push({ task, unanswered: 0 });
        continue;
      }
      const entry = resumed.get(record.batch_id) ?? { batchId: record.batch_id, group: record.base_url, jobs: [] };
      entry.jobs.push({ task, unanswered: 0 });
      resumed.set(record.batch_id, entry);
    }
    const maxCalls = params.budget?.maxCalls;
    const batches = runBatchRounds<Job>({
      clientFor: params.clientFor,
      groupOf: (job) => job.task.member.batch?.baseUrl as string,
      keyOf: (job) => job.task.key,
      resumed: [...resumed.values()],
      fresh,
      // each request is one call: the batches never hold more than the budget leaves
      admit: ({ queued, inFlight }) => maxCalls === undefined || run.stats.calls + inFlight + queued < maxCalls,
      shouldStop: () => run.stopReason() !== undefined,
      prepare: async (job) => requestLine(job.task),
      onSubmitted: async ({ batch, group, jobs }) => {
        const record: ValidationBatchRecord = {
          type: "batch",
          batch_id: batch.id,
          input_file_id: batch.input_file_id,
          base_url: group,
          custom_ids: jobs.map((j) => j.task.key),
          submitted_at: new Date().toISOString(),
        };
        await run.appendToJournal({ ...record });
      },
      take: (job, result) => take(run, job, result),
      onBatchFailed: async (batch) => {
        throw new ValidatorError({
          code: "ENDPOINT_FAILED",
          message: `${batchFailureReason(batch)}: fix the cause (--batch-max-requests for a batch too large), then rerun with --resume`,
        });
      },
      retry: retryMode === "sync" ? (jobs) => run.answerDirectly(jobs.map((j) => j.task)) : "batch",
      limits: params.limits,
      pollIntervalMs: params.pollIntervalMs,
      metadata: params.metadata,
      signal: params.signal,
      onBatchProgress: params.onBatchProgress,
    });
    // local members are scored in-process while the batches run
    [rounds] = await Promise.all([batches, run.answerDirectly(local)]);
    if (params.signal?.aborted) run.stats.stoppedBy = "aborted";
    else if (run.stats.stoppedBy === undefined && run.pending.some((t) => !run.isAnswered(t))) {
      // requests the budget left out
      run.stats.stoppedBy = run.stopReason();
    }
  } catch (error) {
    await run.close();
    throw error;
  }
  const { results, stats } = await run.finish();
  return { results, stats, ...rounds };
}

/**
 * The batch request lines of a validation (one per request of an endpoint member), exactly the requests
 * {@link validateQuestionsBatch} would submit: for an offline engine (`python -m vllm.entrypoints.openai.run_batch -i
 * requests.jsonl -o results.jsonl`) or another provider's batch endpoint. Local members have none (they are scored
 * in-process when the results are read). Split them with `splitBatchRequests`.
 *
 * @example
 * const lines = prepareValidationBatchLines({ questions, panel });
 * await writeFile("requests.jsonl", lines.map((l) => `${JSON.stringify(l)}\n`).join(""));
 */
export function prepareValidationBatchLines(
  params: Pick<ValidateQuestionsParams, "questions" | "panel" | "orders" | "seed">,
): BatchRequestLine[] {
  return partition(planTasks(params)).batchable.map(requestLine);
}

/** Parameters of {@link validateFromBatchResults}. */
export type ValidateFromBatchResultsParams = ValidateQuestionsParams & {
  /** The results by custom id (`readBatchResultsFile`): OpenAI output/error files or vLLM `run_batch` output. */
  results: ReadonlyMap<string, BatchLineResult>;
};

/**
 * Ingests batch results produced elsewhere (vLLM's offline `run_batch`, another provider) for the requests of
 * {@link prepareValidationBatchLines}: each line is read by the member's own reader. Requests the file lacks, or whose
 * line failed, are asked of the member directly, as are the local members' answers.
 *
 * @example
 * const results = await readBatchResultsFile({ path: "results.jsonl" });
 * const { results: validated } = await validateFromBatchResults({ questions, panel, results });
 */
export async function validateFromBatchResults(
  params: ValidateFromBatchResultsParams,
): Promise<{ results: QuestionValidationResult[]; stats: ValidationStats; fromFile: number }> {
  const run = await startValidationRun(params);
  let fromFile = 0;
  try {
    const { batchable, local } = partition(run.pending);
    const direct: ValidationTask[] = [...local];
    for (const task of batchable) {
      const result = params.results.get(task.key);
      if (result?.ok) {
        await take(run, { task, unanswered: 0 }, result);
        fromFile++;
      } else direct.push(task);
    }
    await run.answerDirectly(direct);
  } catch (error) {
    await run.close();
    throw error;
  }
  return { ...(await run.finish()), fromFile };
}
