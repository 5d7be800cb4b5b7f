import { classifyModelCallError, JsonlAppender, waitUnlessAborted } from "@domain-eval/core";
import {
  type BatchChatCompletion,
  type BatchClient,
  type BatchJournalRecord,
  type BatchLimits,
  type BatchLineResult,
  type BatchRequestLine,
  type BatchRoundsResult,
  type BatchRunProgress,
  batchFailureReason,
  readJournalBatches as readBatchRecords,
  runBatchRounds,
} from "@domain-eval/core/batch";
import type OpenAI from "openai";
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
import type { QuestionChain } from "../question-chain.js";
/**
 * A batch recorded in the run's journal (a line `{"type": "batch", …}` beside the chunk lines), so `resume` polls it
 * instead of submitting its requests again.
 */
export interface JournalBatchRecord extends BatchJournalRecord {
  /** The chunks whose requests it holds (custom_id = chunk id). */
  chunk_ids: string[];
  /** Chunks asked again after an unusable answer: the state their answers are read with. */
  retries?: Record<string, ChunkRetry>;
}

/** Tokens by how they were sent: batch jobs are priced with the batch discount, synchronous calls are not. */
export interface UsageByMode {
  batch: { calls: number; promptTokens: number; completionTokens: number };
  sync: { calls: number; promptTokens: number; completionTokens: number };
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

/** Reads the batch records of a generate journal (the chunk lines are read by the run itself). */
export function readJournalBatches(params: { path: string }): Promise<JournalBatchRecord[]> {
  return readBatchRecords<JournalBatchRecord>(params);
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
        await waitUnlessAborted({
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
  let rounds: BatchRoundsResult = { submitted: [], resumedBatches: [], running: [] };
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
    const { take, answerSynchronously } = answerReader({ run, params, usageByMode });
    rounds = await runBatchRounds<Job>({
      clientFor: () => params.client,
      groupOf: () => "",
      keyOf: (job) => job.chunk.metadata.chunk_id,
      resumed: [...attached].map(([batchId, jobs]) => ({ batchId, group: "", jobs })),
      fresh,
      // each request is one call: a batch never holds more than the budget leaves
      admit: ({ queued, inFlight }) => maxCalls === undefined || callsSoFar + inFlight + queued < maxCalls,
      shouldStop: () => run.shouldStop() !== undefined,
      prepare: async (job) => {
        const request = await prepareChunkRequest({ chain: params.chain, chunk: job.chunk.chunk, retry: job.retry });
        if (!request.send) {
          await run.acceptChunkResult(job.chunk, request.emptyOutput as QuestionChainOutput);
          return undefined;
        }
        return {
          custom_id: request.chunkId,
          method: "POST",
          url: "/v1/chat/completions",
          body: chunkRequestBody(request),
        };
      },
      onSubmitted: async ({ batch, jobs }) => {
        const retries = Object.fromEntries(
          jobs.filter((j) => j.retry).map((j) => [j.chunk.metadata.chunk_id, j.retry as ChunkRetry]),
        );
        const record: JournalBatchRecord = {
          type: "batch",
          batch_id: batch.id,
          input_file_id: batch.input_file_id,
          chunk_ids: jobs.map((j) => j.chunk.metadata.chunk_id),
          ...(Object.keys(retries).length > 0 ? { retries } : {}),
          submitted_at: new Date().toISOString(),
        };
        await journal?.append(record);
      },
      take: (job, result) => take(job, result, "batch"),
      onBatchFailed: async (batch, jobs) => {
        const why = batchFailureReason(batch);
        for (const job of jobs) await run.acceptChunkResult(job.chunk, failedOutput(job, undefined, why));
      },
      resend: (job) => ({ ...job, unanswered: job.unanswered + 1 }),
      retry:
        retryMode === "sync"
          ? async (jobs) => {
              for (const job of jobs) await answerSynchronously(job);
            }
          : "batch",
      limits: params.limits,
      pollIntervalMs: params.pollIntervalMs,
      metadata: params.metadata,
      signal: params.signal,
      onBatchProgress: params.onBatchProgress,
    });
    if (params.signal?.aborted) run.markAborted();
    // records a budget the last answers reached (chunks left out for it stay "not run")
    run.shouldStop();
  } finally {
    await journal?.close();
    await run.close();
  }
  return {
    ...run.finish(),
    submitted: rounds.submitted,
    resumedBatches: rounds.resumedBatches,
    running: rounds.running,
    usageByMode,
  };
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
