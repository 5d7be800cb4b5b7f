import {
  type BatchClient,
  type BatchJournalRecord,
  type BatchLimits,
  type BatchLineResult,
  type BatchRequestLine,
  type BatchRunProgress,
  batchFailureReason,
  batchRunProgress,
  downloadBatchResults,
  FINISHED_BATCH_STATUSES,
  submitBatchRequests,
  waitForBatchJobs,
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
    await run.record(job.task, reader.readReply({ item: itemFor(job.task), reply: result.completion }));
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
  const submitted: string[] = [];
  const resumedBatches: string[] = [];
  const active = new Map<string, { baseUrl: string; jobs: Job[] }>();
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
    const fresh: Job[] = [];
    for (const task of batchable) {
      const record = latest.get(task.key);
      if (!record) {
        fresh.push({ task, unanswered: 0 });
        continue;
      }
      const entry = active.get(record.batch_id) ?? { baseUrl: record.base_url, jobs: [] };
      entry.jobs.push({ task, unanswered: 0 });
      active.set(record.batch_id, entry);
    }
    resumedBatches.push(...active.keys());

    const submit = async (jobs: readonly Job[]) => {
      const byBase = new Map<string, Job[]>();
      const inFlight = [...active.values()].reduce((n, b) => n + b.jobs.length, 0);
      const maxCalls = params.budget?.maxCalls;
      let taken = 0;
      for (const job of jobs) {
        // each request is one call: the batches never hold more than the budget leaves
        if (maxCalls !== undefined && run.stats.calls + inFlight + taken >= maxCalls) break;
        const baseUrl = job.task.member.batch?.baseUrl as string;
        byBase.set(baseUrl, [...(byBase.get(baseUrl) ?? []), job]);
        taken++;
      }
      for (const [baseUrl, baseJobs] of byBase) {
        const jobOf = new Map(baseJobs.map((j) => [j.task.key, j]));
        await submitBatchRequests({
          client: params.clientFor(baseUrl),
          lines: baseJobs.map((j) => requestLine(j.task)),
          limits: params.limits,
          metadata: params.metadata,
          signal: params.signal,
          onSubmitted: async ({ batch, customIds }) => {
            const record: ValidationBatchRecord = {
              type: "batch",
              batch_id: batch.id,
              input_file_id: batch.input_file_id,
              base_url: baseUrl,
              custom_ids: customIds,
              submitted_at: new Date().toISOString(),
            };
            await run.appendToJournal({ ...record });
            submitted.push(batch.id);
            active.set(batch.id, { baseUrl, jobs: customIds.map((id) => jobOf.get(id) as Job) });
          },
        });
      }
    };

    const poll = async () => {
      const retriedFailed = new Set<string>();
      let fatal: unknown;
      while (active.size > 0 && !params.signal?.aborted) {
        const byBase = new Map<string, string[]>();
        for (const [id, entry] of active) byBase.set(entry.baseUrl, [...(byBase.get(entry.baseUrl) ?? []), id]);
        const statuses = new Map<string, Awaited<ReturnType<typeof waitForBatchJobs>>>();
        // one poll loop per endpoint, each until all its batches have finished
        await Promise.all(
          [...byBase].map(async ([baseUrl, ids]) => {
            statuses.set(
              baseUrl,
              await waitForBatchJobs({
                client: params.clientFor(baseUrl),
                batchIds: ids,
                pollIntervalMs: params.pollIntervalMs,
                signal: params.signal,
                onStatus: (batches) =>
                  params.onBatchProgress?.(
                    batchRunProgress({ batches, requestsOf: (id) => active.get(id)?.jobs.length ?? 0 }),
                  ),
              }),
            );
          }),
        );
        if (params.signal?.aborted) break;
        const again: Job[] = [];
        for (const [baseUrl, batches] of statuses) {
          for (const batch of batches) {
            if (!FINISHED_BATCH_STATUSES.has(batch.status)) continue;
            const jobs = active.get(batch.id)?.jobs ?? [];
            active.delete(batch.id);
            if (batch.status === "failed") {
              if (resumedBatches.includes(batch.id) && !retriedFailed.has(batch.id)) {
                // a batch of an earlier run that failed validation: sent again (its limits may have changed since)
                retriedFailed.add(batch.id);
                again.push(...jobs);
                continue;
              }
              throw new ValidatorError({
                code: "ENDPOINT_FAILED",
                message: `${batchFailureReason(batch)}: fix the cause (--batch-max-requests for a batch too large), then rerun with --resume`,
              });
            }
            const results = new Map(
              (await downloadBatchResults({ client: params.clientFor(baseUrl), batch })).map((r) => [r.custom_id, r]),
            );
            for (const job of jobs) {
              try {
                const next = await take(run, job, results.get(job.task.key));
                if (next) again.push(next);
              } catch (error) {
                // the other answers of the batch are recorded first, so a rerun asks only for what is missing
                fatal ??= error;
              }
            }
          }
        }
        if (fatal !== undefined) throw fatal;
        if (again.length === 0 || run.stopReason()) continue;
        if (retryMode === "sync") await run.answerDirectly(again.map((j) => j.task));
        else await submit(again);
      }
    };

    await submit(fresh);
    // local members are scored in-process while the batches run
    await Promise.all([run.answerDirectly(local), poll()]);
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
  return { results, stats, submitted, resumedBatches, running: [...active.keys()] };
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
