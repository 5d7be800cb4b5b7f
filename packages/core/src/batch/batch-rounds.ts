import type { BatchLimits, BatchRequestLine } from "./batch-request-file.js";
import type { BatchLineResult } from "./batch-results.js";
import { type BatchRunProgress, batchRunProgress, submitBatchRequests } from "./batch-submission.js";
import {
  type BatchClient,
  type BatchJob,
  downloadBatchResults,
  FINISHED_BATCH_STATUSES,
  waitForBatchJobs,
} from "./openai-batch-jobs.js";

/** Parameters of {@link runBatchRounds}: what the caller's requests are and how their answers are read. */
export interface BatchRoundsParams<Job> {
  /** The client of an endpoint (`group`): several endpoints get batches of their own. */
  clientFor: (group: string) => BatchClient;
  /** The endpoint a job's request goes to (one group: any constant). */
  groupOf: (job: Job) => string;
  /** The `custom_id` of a job's request. */
  keyOf: (job: Job) => string;
  /** Jobs whose requests an earlier run submitted (from its journal): their batches are polled, not submitted again. */
  resumed: readonly { batchId: string; group: string; jobs: Job[] }[];
  /** Jobs to submit now. */
  fresh: readonly Job[];
  /**
   * The request line of a job (its `custom_id` names the job in the results), or undefined when the job needs no
   * request (the caller has recorded it).
   */
  prepare: (job: Job) => Promise<BatchRequestLine | undefined>;
  /** May one more request go out, with `queued` already in this submission and `inFlight` in running batches? */
  admit: (counts: { queued: number; inFlight: number }) => boolean;
  /** After a batch is created: journal it here, so a run killed right after polls it on resume. */
  onSubmitted: (submitted: { batch: BatchJob; group: string; jobs: Job[] }) => Promise<void>;
  /**
   * Reads a job's result (undefined: the batch returned no line for it); returns the job again when its request must
   * go out again. A throw is kept until every other line of the round is read, then ends the run.
   */
  take: (job: Job, result: BatchLineResult | undefined) => Promise<Job | undefined>;
  /** A batch of this run that failed validation at the provider: record its jobs as failed (or throw). */
  onBatchFailed: (batch: BatchJob, jobs: Job[]) => Promise<void>;
  /** A job of a resumed batch that failed validation, before it goes out once more (default: as it is). */
  resend?: (job: Job) => Job;
  /** Jobs to send again: in a follow-up `batch`, or a function that asks for them directly. */
  retry: "batch" | ((jobs: Job[]) => Promise<void>);
  /** True when no more requests should start (a budget reached). */
  shouldStop: () => boolean;
  limits?: BatchLimits;
  pollIntervalMs?: number;
  metadata?: Record<string, string>;
  signal?: AbortSignal;
  onBatchProgress?: (progress: BatchRunProgress) => void;
}

/** The batches of {@link runBatchRounds}. */
export interface BatchRoundsResult {
  /** Batches created by this call. */
  submitted: string[];
  /** Batches of an earlier run that this one polled instead of submitting again. */
  resumedBatches: string[];
  /** Batches still running when the signal aborted: a resume picks them up. */
  running: string[];
}

/**
 * The batch job loop both `generate --batch` and `validate --batch` run: submits the fresh jobs' requests (split
 * under the limits, one batch per endpoint and part), polls until the batches finish, downloads their output and
 * error files, hands every line to `take`, and sends what comes back unanswered again (a follow-up batch, or
 * `retry`) until nothing is left, the budget stops it or the signal aborts (the running batches are then returned).
 *
 * @example
 * const { submitted, running } = await runBatchRounds({
 *   clientFor: () => client, groupOf: () => "", keyOf: (job) => job.id, resumed: [], fresh: jobs,
 *   prepare: async (job) => ({ custom_id: job.id, method: "POST", url: "/v1/chat/completions", body: job.body }),
 *   admit: () => true, shouldStop: () => false, retry: "batch",
 *   onSubmitted: ({ batch, jobs }) => journal.append({ type: "batch", batch_id: batch.id, ids: jobs.map((j) => j.id) }),
 *   take: async (job, result) => (result?.ok ? void record(job, result.completion) : job),
 *   onBatchFailed: async (batch) => { throw new Error(batchFailureReason(batch)); },
 * });
 */
export async function runBatchRounds<Job>(params: BatchRoundsParams<Job>): Promise<BatchRoundsResult> {
  const active = new Map<string, { group: string; jobs: Job[] }>();
  const submitted: string[] = [];
  const resumedBatches: string[] = [];
  for (const entry of params.resumed) {
    active.set(entry.batchId, { group: entry.group, jobs: entry.jobs });
    resumedBatches.push(entry.batchId);
  }

  const submit = async (jobs: readonly Job[]) => {
    const inFlight = [...active.values()].reduce((n, b) => n + b.jobs.length, 0);
    const byGroup = new Map<string, { lines: BatchRequestLine[]; jobOf: Map<string, Job> }>();
    let queued = 0;
    for (const job of jobs) {
      if (params.shouldStop() || !params.admit({ queued, inFlight })) break;
      const line = await params.prepare(job);
      if (!line) continue;
      const group = params.groupOf(job);
      const entry = byGroup.get(group) ?? { lines: [], jobOf: new Map<string, Job>() };
      entry.lines.push(line);
      entry.jobOf.set(line.custom_id, job);
      byGroup.set(group, entry);
      queued++;
    }
    for (const [group, { lines, jobOf }] of byGroup) {
      await submitBatchRequests({
        client: params.clientFor(group),
        lines,
        limits: params.limits,
        metadata: params.metadata,
        signal: params.signal,
        onSubmitted: async ({ batch, customIds }) => {
          const batchJobs = customIds.map((id) => jobOf.get(id) as Job);
          await params.onSubmitted({ batch, group, jobs: batchJobs });
          submitted.push(batch.id);
          active.set(batch.id, { group, jobs: batchJobs });
        },
      });
    }
  };

  await submit(params.fresh);
  const retriedFailed = new Set<string>();
  while (active.size > 0 && !params.signal?.aborted) {
    const idsByGroup = new Map<string, string[]>();
    for (const [id, { group }] of active) idsByGroup.set(group, [...(idsByGroup.get(group) ?? []), id]);
    const finished = await Promise.all(
      [...idsByGroup].map(async ([group, batchIds]) => ({
        group,
        batches: await waitForBatchJobs({
          client: params.clientFor(group),
          batchIds,
          pollIntervalMs: params.pollIntervalMs,
          signal: params.signal,
          onStatus: (batches) =>
            params.onBatchProgress?.(
              batchRunProgress({ batches, requestsOf: (id) => active.get(id)?.jobs.length ?? 0 }),
            ),
        }),
      })),
    );
    if (params.signal?.aborted) break;
    const again: Job[] = [];
    let fatal: unknown;
    for (const { group, batches } of finished) {
      for (const batch of batches) {
        if (!FINISHED_BATCH_STATUSES.has(batch.status)) continue;
        const jobs = active.get(batch.id)?.jobs ?? [];
        active.delete(batch.id);
        if (batch.status === "failed" && resumedBatches.includes(batch.id) && !retriedFailed.has(batch.id)) {
          // a batch of an earlier run that failed validation: its requests are built and sent again (the settings
          // that made it fail, such as the per-batch limits, may have changed since)
          retriedFailed.add(batch.id);
          again.push(...jobs.map((job) => params.resend?.(job) ?? job));
          continue;
        }
        if (batch.status === "failed") {
          await params.onBatchFailed(batch, jobs);
          continue;
        }
        const results = new Map(
          (await downloadBatchResults({ client: params.clientFor(group), batch })).map((r) => [r.custom_id, r]),
        );
        for (const job of jobs) {
          try {
            const next = await params.take(job, results.get(params.keyOf(job)));
            if (next) again.push(next);
          } catch (error) {
            // the other lines are read first, so what they answered is recorded
            fatal ??= error;
          }
        }
      }
    }
    if (fatal !== undefined) throw fatal;
    if (again.length === 0 || params.shouldStop()) continue;
    if (params.retry === "batch") await submit(again);
    else await params.retry(again);
  }
  return { submitted, resumedBatches, running: [...active.keys()] };
}
