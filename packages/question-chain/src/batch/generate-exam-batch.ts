import { existsSync } from "node:fs";
import { JsonlAppender, readJsonl } from "@domain-eval/core";
import type OpenAI from "openai";
import { abortableSleep } from "../abortable-sleep.js";
import {
  type ChatCompletionAnswer,
  type ChunkRequest,
  type ChunkRetry,
  prepareChunkRequest,
  type QuestionChainInput,
  type QuestionChainOutput,
  readChunkAnswer,
} from "../chunk-request.js";
import {
  type ExamRun,
  type ExamRunChunk,
  type ExamRunParams,
  type GenerateExamResult,
  startExamRun,
} from "../exam-run.js";
import { classifyModelCallError } from "../model-call-failure.js";
import type { QuestionChain } from "../question-chain.js";
import { type BatchLimits, type BatchRequestLine, splitBatchRequests } from "./batch-request-file.js";
import type { BatchChatCompletion, BatchLineResult } from "./batch-results.js";
import {
  type BatchClient,
  type BatchJob,
  downloadBatchResults,
  FINISHED_BATCH_STATUSES,
  submitBatchJob,
  waitForBatchJobs,
} from "./openai-batch-jobs.js";

/**
 * A batch recorded in the run's journal (a line `{"type": "batch", …}` beside the chunk lines), so `resume` polls it
 * instead of submitting its requests again.
 */
export interface JournalBatchRecord {
  type: "batch";
  /** The provider's batch id. */
  batch_id: string;
  input_file_id: string;
  /** The chunks whose requests it holds (custom_id = chunk id). */
  chunk_ids: string[];
  /** Chunks asked again after an unusable answer: the state their answers are read with. */
  retries?: Record<string, ChunkRetry>;
  submitted_at: string;
}

/** Tokens by how they were sent: batch jobs are priced with the batch discount, synchronous calls are not. */
export interface UsageByMode {
  batch: { calls: number; promptTokens: number; completionTokens: number };
  sync: { calls: number; promptTokens: number; completionTokens: number };
}

/** Progress of the batches of a run, after each poll. */
export interface BatchRunProgress {
  batches: { id: string; status: BatchJob["status"]; completed: number; failed: number; total: number }[];
  /** Requests answered (completed or failed) over all running batches. */
  answered: number;
  /** Requests in all running batches. */
  requests: number;
}

/** Parameters of {@link generateExamBatch}. */
export type GenerateExamBatchParams = Omit<ExamRunParams, "chain"> & {
  /** The chain (`createQuestionChain` with the `ChatOpenAI` model whose requests are sent). */
  chain: QuestionChain;
  /** An `OpenAI` client of the provider: Files and Batches, and chat completions for synchronous retries. */
  client: BatchClient & Pick<OpenAI, "chat">;
  /** Per-batch limits; larger request sets are split into several batches (default: the OpenAI Batch API's). */
  limits?: BatchLimits;
  /** Wait between polls (default 30 000 ms). */
  pollIntervalMs?: number;
  /**
   * What to do with requests a batch did not answer usefully (expired, cancelled, rate limited, server error, or an
   * unusable answer with retries left): send them again in a follow-up `batch` (default), or one by one (`sync`).
   */
  retryMode?: "batch" | "sync";
  /** Metadata stored with each batch at the provider. */
  metadata?: Record<string, string>;
  onBatchProgress?: (progress: BatchRunProgress) => void;
};

/** Result of {@link generateExamBatch}: the `generateExam` result plus the batches and the usage by mode. */
export interface GenerateExamBatchResult extends GenerateExamResult {
  /** Batches created by this call (not the ones a resume picked up). */
  submitted: string[];
  /** Batches a resume picked up from the journal instead of submitting again. */
  resumedBatches: string[];
  /** Batches still running when the run stopped (aborted): `resume` picks them up. */
  running: string[];
  usageByMode: UsageByMode;
}

/** Reads the batch records of a journal (the chunk lines are read by the run itself). */
export async function readJournalBatches(params: { path: string }): Promise<JournalBatchRecord[]> {
  if (!existsSync(params.path)) return [];
  const records: JournalBatchRecord[] = [];
  try {
    for await (const { value } of readJsonl(params.path)) {
      const record = value as Partial<JournalBatchRecord>;
      if (record.type === "batch" && typeof record.batch_id === "string") records.push(record as JournalBatchRecord);
    }
  } catch {
    // a half-written last line (a kill mid-write) is dropped by the run when it opens the journal
  }
  return records;
}

/** The chat completions body of a chunk's request: the chain's parameters and messages, never streamed. */
export function chunkRequestBody(request: ChunkRequest): Record<string, unknown> {
  const { stream: _stream, stream_options: _streamOptions, ...params } = request.params;
  return { ...params, messages: request.messages };
}

interface Job {
  chunk: ExamRunChunk;
  retry?: ChunkRetry;
  /** Times the request came back unanswered (expired, cancelled, rate limited): bounded so a run always ends. */
  unanswered: number;
}

const MAX_UNANSWERED = 3;

function addUsage(target: UsageByMode["batch"], before: ChunkRetry | undefined, output: QuestionChainOutput): void {
  target.calls += output.usage.calls - (before?.usage.calls ?? 0);
  target.promptTokens += output.usage.promptTokens - (before?.usage.promptTokens ?? 0);
  target.completionTokens += output.usage.completionTokens - (before?.usage.completionTokens ?? 0);
}

function failedOutput(job: Job, result: Extract<BatchLineResult, { ok: false }> | undefined, why: string) {
  const usage = job.retry ? { ...job.retry.usage } : { calls: 0, promptTokens: 0, completionTokens: 0 };
  const output: QuestionChainOutput = {
    chunk_id: job.chunk.metadata.chunk_id,
    questions: [],
    dropped: [],
    failure: {
      message: why,
      attempts: job.retry?.attempts ?? 0,
      ...(result ? { code: result.failure, retryable: result.retryable } : {}),
    },
    attempts: job.retry?.attempts ?? 0,
    usage,
  };
  return output;
}

/** Reads answers into the run: the same code for batch output lines, results files and synchronous retries. */
function answerReader(context: {
  run: ExamRun;
  params: {
    chain: QuestionChain;
    client?: Pick<OpenAI, "chat">;
    signal?: AbortSignal;
  };
  usageByMode: UsageByMode;
}) {
  const { run, params, usageByMode } = context;
  /** Reads one answered request; returns the job again when it must be asked again. */
  const take = async (
    job: Job,
    result: BatchLineResult | undefined,
    mode: "batch" | "sync",
  ): Promise<Job | undefined> => {
    if (!result || (!result.ok && result.retryable)) {
      if (job.unanswered + 1 < MAX_UNANSWERED) return { ...job, unanswered: job.unanswered + 1 };
      const why = result ? `${result.code}: ${result.message}` : "the batch returned no line for it";
      await run.acceptChunkResult(
        job.chunk,
        failedOutput(
          job,
          result?.ok === false ? result : undefined,
          `no answer after ${MAX_UNANSWERED} tries (${why})`,
        ),
      );
      return undefined;
    }
    if (!result.ok) {
      const output = failedOutput(
        job,
        result,
        `the request failed (${result.failure}, not retried): ${result.message}`,
      );
      output.usage.calls++;
      output.attempts++;
      if (output.failure) output.failure.attempts++;
      usageByMode[mode].calls++;
      await run.acceptChunkResult(job.chunk, output);
      return undefined;
    }
    const reading = await readChunkAnswer({
      chain: params.chain,
      chunk: job.chunk.chunk,
      answer: result.completion as ChatCompletionAnswer,
      retry: job.retry,
    });
    addUsage(usageByMode[mode], job.retry, reading.output);
    if (reading.retry) return { chunk: job.chunk, retry: reading.retry, unanswered: 0 };
    await run.acceptChunkResult(job.chunk, reading.output);
    return undefined;
  };

  const answerSynchronously = async (job: Job): Promise<void> => {
    let current: Job | undefined = job;
    while (current && !params.signal?.aborted) {
      const request = await prepareChunkRequest({
        chain: params.chain,
        chunk: current.chunk.chunk,
        retry: current.retry,
      });
      let result: BatchLineResult;
      try {
        const completion = await (params.client as Pick<OpenAI, "chat">).chat.completions.create(
          chunkRequestBody(request) as unknown as OpenAI.Chat.ChatCompletionCreateParamsNonStreaming,
          { signal: params.signal },
        );
        result = { custom_id: request.chunkId, ok: true, completion: completion as unknown as BatchChatCompletion };
      } catch (error) {
        if (params.signal?.aborted) return;
        const failure = classifyModelCallError(error);
        result = {
          custom_id: request.chunkId,
          ok: false,
          code: failure.code,
          message: failure.message,
          retryable: failure.retryable,
          failure: failure.code,
        };
      }
      const before: Job = current;
      current = await take(current, result, "sync");
      if (current && current.unanswered > before.unanswered) {
        // rate limited, server error, timeout: wait as the chain waits before retrying
        await abortableSleep({
          ms: params.chain.settings.retryDelayMs * 2 ** (current.unanswered - 1),
          signal: params.signal,
        });
      }
    }
  };

  return { take, answerSynchronously };
}

/**
 * Generates an exam through a batch inference API (the OpenAI Batch API, or any provider with the same Files and
 * Batches endpoints): writes one request per chunk (`custom_id` = chunk id, the same messages and response format as
 * the chain sends), splits them under the per-batch limits, uploads and creates the batches, polls them, downloads
 * the output and error files, and reads every answer exactly as the chain does (parsing, checks, policy,
 * de-duplication, journal). Requests that came back unanswered, or whose answer was unusable with retries left, go
 * out again (`retryMode`). The batch ids are journaled: with `resume`, running batches are polled, not resubmitted.
 *
 * @example
 * const result = await generateExamBatch({
 *   chunks, chain, client: new OpenAI(), journalPath: "questions.jsonl.journal.jsonl", resume: true,
 *   onBatchProgress: (p) => console.log(`${p.answered}/${p.requests}`),
 * });
 */
export async function generateExamBatch(params: GenerateExamBatchParams): Promise<GenerateExamBatchResult> {
  const retryMode = params.retryMode ?? "batch";
  if (retryMode !== "batch" && retryMode !== "sync") {
    throw new TypeError(`retryMode "${String(retryMode)}" is not one of batch, sync`);
  }
  const recorded = params.resume && params.journalPath ? await readJournalBatches({ path: params.journalPath }) : [];
  // the run's call count (resumed chunks included), for the maxCalls budget of each submission
  let callsSoFar = 0;
  const run = await startExamRun({
    ...params,
    chain: params.chain,
    onProgress: (p) => {
      callsSoFar = p.calls;
      params.onProgress?.(p);
    },
  } as ExamRunParams);
  const usageByMode: UsageByMode = {
    batch: { calls: 0, promptTokens: 0, completionTokens: 0 },
    sync: { calls: 0, promptTokens: 0, completionTokens: 0 },
  };
  const maxCalls = params.budget?.maxCalls;
  const submitted: string[] = [];
  const resumedBatches: string[] = [];
  let running: string[] = [];
  let journal: JsonlAppender | undefined;
  try {
    if (params.journalPath) journal = await JsonlAppender.open(params.journalPath);
    const byId = new Map(run.pending.map((c) => [c.metadata.chunk_id, c]));
    // the latest batch of each pending chunk
    const latest = new Map<string, JournalBatchRecord>();
    for (const record of recorded) for (const id of record.chunk_ids) if (byId.has(id)) latest.set(id, record);
    const attached = new Map<string, Job[]>();
    const fresh: Job[] = [];
    for (const chunk of run.pending) {
      const record = latest.get(chunk.metadata.chunk_id);
      if (record) {
        const job: Job = { chunk, retry: record.retries?.[chunk.metadata.chunk_id], unanswered: 0 };
        attached.set(record.batch_id, [...(attached.get(record.batch_id) ?? []), job]);
      } else fresh.push({ chunk, unanswered: 0 });
    }
    const active = new Map<string, Job[]>();
    for (const [batchId, jobs] of attached) {
      active.set(batchId, jobs);
      resumedBatches.push(batchId);
    }

    const submit = async (jobs: Job[]) => {
      const lines: BatchRequestLine[] = [];
      const jobOf = new Map<string, Job>();
      const inFlight = [...active.values()].reduce((n, batchJobs) => n + batchJobs.length, 0);
      for (const job of jobs) {
        if (run.shouldStop()) break;
        // each request is one call: a batch never holds more than the budget leaves
        if (maxCalls !== undefined && callsSoFar + inFlight + lines.length >= maxCalls) break;
        const request = await prepareChunkRequest({ chain: params.chain, chunk: job.chunk.chunk, retry: job.retry });
        if (!request.send) {
          await run.acceptChunkResult(job.chunk, request.emptyOutput as QuestionChainOutput);
          continue;
        }
        lines.push({
          custom_id: request.chunkId,
          method: "POST",
          url: "/v1/chat/completions",
          body: chunkRequestBody(request),
        });
        jobOf.set(request.chunkId, job);
      }
      for (const part of splitBatchRequests({ lines, limits: params.limits })) {
        if (params.signal?.aborted) return;
        const batch = await submitBatchJob({ client: params.client, text: part.text, metadata: params.metadata });
        const partJobs = part.customIds.map((id) => jobOf.get(id) as Job);
        const retries = Object.fromEntries(
          partJobs.filter((j) => j.retry).map((j) => [j.chunk.metadata.chunk_id, j.retry as ChunkRetry]),
        );
        const record: JournalBatchRecord = {
          type: "batch",
          batch_id: batch.id,
          input_file_id: batch.input_file_id,
          chunk_ids: part.customIds,
          ...(Object.keys(retries).length > 0 ? { retries } : {}),
          submitted_at: new Date().toISOString(),
        };
        await journal?.append(record);
        submitted.push(batch.id);
        active.set(batch.id, partJobs);
      }
    };

    const { take, answerSynchronously } = answerReader({ run, params, usageByMode });

    await submit(fresh);
    const retriedFailed = new Set<string>();
    while (active.size > 0 && !params.signal?.aborted) {
      const ids = [...active.keys()];
      const finished = await waitForBatchJobs({
        client: params.client,
        batchIds: ids,
        pollIntervalMs: params.pollIntervalMs,
        signal: params.signal,
        onStatus: (batches) => {
          const counts = batches.map((b) => ({
            id: b.id,
            status: b.status,
            completed: b.request_counts?.completed ?? 0,
            failed: b.request_counts?.failed ?? 0,
            total: b.request_counts?.total || (active.get(b.id)?.length ?? 0),
          }));
          params.onBatchProgress?.({
            batches: counts,
            answered: counts.reduce((n, b) => n + b.completed + b.failed, 0),
            requests: counts.reduce((n, b) => n + b.total, 0),
          });
        },
      });
      if (params.signal?.aborted) break;
      const again: Job[] = [];
      for (const batch of finished) {
        if (!FINISHED_BATCH_STATUSES.has(batch.status)) continue;
        const jobs = active.get(batch.id) ?? [];
        active.delete(batch.id);
        if (batch.status === "failed" && resumedBatches.includes(batch.id) && !retriedFailed.has(batch.id)) {
          // a batch of an earlier run that failed validation: its requests are built and sent again (the settings
          // that made it fail, such as the per-batch limits, may have changed since)
          retriedFailed.add(batch.id);
          again.push(...jobs.map((job) => ({ ...job, unanswered: job.unanswered + 1 })));
          continue;
        }
        if (batch.status === "failed") {
          const errors = (batch.errors?.data ?? []).map(
            (e) => `${e.code}${e.line ? ` (line ${e.line})` : ""}: ${e.message}`,
          );
          const why = `batch ${batch.id} failed validation: ${errors.join("; ") || "no reason given"}`;
          for (const job of jobs) await run.acceptChunkResult(job.chunk, failedOutput(job, undefined, why));
          continue;
        }
        const results = new Map(
          (await downloadBatchResults({ client: params.client, batch })).map((r) => [r.custom_id, r]),
        );
        for (const job of jobs) {
          const next = await take(job, results.get(job.chunk.metadata.chunk_id), "batch");
          if (next) again.push(next);
        }
      }
      if (again.length === 0 || run.shouldStop()) continue;
      if (retryMode === "sync") for (const job of again) await answerSynchronously(job);
      else await submit(again);
    }
    running = [...active.keys()];
    if (params.signal?.aborted) run.markAborted();
    // records a budget the last answers reached (chunks left out for it stay "not run")
    run.shouldStop();
  } finally {
    await journal?.close();
    await run.close();
  }
  return { ...run.finish(), submitted, resumedBatches, running, usageByMode };
}

/**
 * The batch request lines of a run's chunks (one per chunk that has something to quote), exactly the requests
 * {@link generateExamBatch} would submit: for an offline engine (`python -m vllm.entrypoints.openai.run_batch -i
 * requests.jsonl -o results.jsonl`) or another provider's batch endpoint. Split them with `splitBatchRequests`.
 *
 * @example
 * const lines = await prepareBatchRequestLines({ chain, chunks });
 * await writeFile("requests.jsonl", lines.map((l) => JSON.stringify(l)).join("\n"));
 */
export async function prepareBatchRequestLines(params: {
  chain: QuestionChain;
  chunks: readonly QuestionChainInput[];
}): Promise<BatchRequestLine[]> {
  const lines: BatchRequestLine[] = [];
  for (const chunk of params.chunks) {
    const request = await prepareChunkRequest({ chain: params.chain, chunk });
    if (!request.send) continue;
    lines.push({
      custom_id: request.chunkId,
      method: "POST",
      url: "/v1/chat/completions",
      body: chunkRequestBody(request),
    });
  }
  return lines;
}

/** Parameters of {@link generateExamFromBatchResults}. */
export type GenerateExamFromBatchResultsParams = Omit<ExamRunParams, "chain"> & {
  chain: QuestionChain;
  /** The results by chunk id (`readBatchResultsFile`): OpenAI output/error files or vLLM `run_batch` output. */
  results: ReadonlyMap<string, BatchLineResult>;
  /**
   * A client for synchronous retries of chunks whose result is missing, failed or unusable with retries left. Without
   * one those chunks are recorded as failures (retryable: a resume with a model, or a new results file, takes them).
   */
  client?: Pick<OpenAI, "chat">;
};

/**
 * Ingests batch results produced elsewhere (vLLM's offline `run_batch`, another provider): every answer goes through
 * the chain's parsing, checks, policy, de-duplication and journal, as in {@link generateExamBatch}.
 *
 * @example
 * const results = await readBatchResultsFile({ path: "results.jsonl" });
 * const { questions, failures } = await generateExamFromBatchResults({ chunks, chain, results });
 */
export async function generateExamFromBatchResults(
  params: GenerateExamFromBatchResultsParams,
): Promise<GenerateExamBatchResult> {
  const run = await startExamRun({ ...params, chain: params.chain } as ExamRunParams);
  const usageByMode: UsageByMode = {
    batch: { calls: 0, promptTokens: 0, completionTokens: 0 },
    sync: { calls: 0, promptTokens: 0, completionTokens: 0 },
  };
  try {
    const { take, answerSynchronously } = answerReader({ run, params, usageByMode });
    for (const chunk of run.pending) {
      if (run.shouldStop()) break;
      const request = await prepareChunkRequest({ chain: params.chain, chunk: chunk.chunk });
      if (!request.send) {
        await run.acceptChunkResult(chunk, request.emptyOutput as QuestionChainOutput);
        continue;
      }
      const job: Job = { chunk, unanswered: 0 };
      const result = params.results.get(request.chunkId);
      const again = result?.ok || (result && !result.retryable) ? await take(job, result, "batch") : job;
      if (!again) continue;
      if (params.client) await answerSynchronously(again);
      else {
        const why = !result
          ? "the results file has no line for this chunk"
          : result.ok
            ? `the answer was unusable: ${again.retry?.error ?? ""}`
            : `${result.code}: ${result.message}`;
        await run.acceptChunkResult(
          chunk,
          failedOutput(
            again,
            undefined,
            `${why} (configure a model to retry it, or run the batch again for the failed chunks and pass its results with --resume)`,
          ),
        );
      }
    }
    if (params.signal?.aborted) run.markAborted();
  } finally {
    await run.close();
  }
  return { ...run.finish(), submitted: [], resumedBatches: [], running: [], usageByMode };
}
