import {
  DEFAULT_DUPLICATE_THRESHOLD,
  DuplicateQuestionFilter,
  type ExamQuestion,
  type Finding,
  type JournalSettings,
  redactSecrets,
  secretsOf,
} from "@domain-eval/core";
import type { DocumentInterface } from "@langchain/core/documents";
import type { Runnable } from "@langchain/core/runnables";
import type { QuestionChainInput, QuestionChainOutput } from "./chunk-request.js";
import { type ExamJournal, openExamJournal } from "./exam-journal.js";
import type { DroppedQuestion } from "./question-policy.js";
import {
  type ChunkMetadata,
  resolveSplitSettings,
  type SplitDocumentsParams,
  type SplitSettings,
  splitDocuments,
} from "./split-documents.js";

/** Caps on a run; a run stops starting new chunks once one is reached (chunks in flight still finish). */
export interface ExamBudget {
  /** Stop once this many questions are kept; the result holds at most this many. */
  maxQuestions?: number;
  /** Stop once this many model calls were made (retries count). */
  maxCalls?: number;
  /** Stop once prompt + completion tokens reach this. */
  maxTokens?: number;
}

/** Where the chunks come from: ready chunks, or documents to split. */
export type ExamSource =
  | {
      chunks: readonly DocumentInterface[];
      /**
       * How the chunks were made (the `splitDocuments` settings), recorded in the journal so a resume with other
       * chunking is refused; without it the journal records `chunking: null` (chunks made some other way).
       */
      chunking?: Omit<SplitDocumentsParams, "documents">;
      documents?: never;
      split?: never;
    }
  | {
      documents: readonly DocumentInterface[];
      /** Splitter settings (chunkSize, chunkOverlap in tokens); see `splitDocuments`. */
      split?: Omit<SplitDocumentsParams, "documents">;
      chunks?: never;
      chunking?: never;
    };

/** Progress after each finished chunk, for progress bars. */
export interface ExamProgress {
  chunk_id: string;
  /** Chunks finished (including ones taken from the journal). */
  done: number;
  total: number;
  /** True when this chunk's result came from the journal. */
  resumed: boolean;
  failed: number;
  questionsKept: number;
  calls: number;
  promptTokens: number;
  completionTokens: number;
  elapsedMs: number;
}

/** A chunk that produced no usable answer. */
export interface ExamFailure {
  chunk_id: string;
  document_path?: string;
  message: string;
  attempts: number;
  /** Why the model call failed, when known (see `ModelCallFailureCode`). */
  code?: string;
}

/** Counts of a run. Calls and tokens include chunks taken from the journal (the cost of the whole exam). */
export interface ExamStats {
  documents: number;
  chunks: number;
  /** Chunks with a result (questions or a failure). */
  chunksDone: number;
  /** Chunks whose result came from the journal. */
  chunksResumed: number;
  chunksFailed: number;
  /** Chunks never started because a budget was reached or the run was aborted. */
  chunksNotRun: number;
  questionsKept: number;
  /** Kept questions that carry findings (warnings) for reviewers. */
  questionsFlagged: number;
  questionsDropped: number;
  /** Dropped questions by the code of the finding that dropped them. */
  dropReasons: Record<string, number>;
  calls: number;
  promptTokens: number;
  completionTokens: number;
  /** True when some token counts are tokenizer estimates (the model reported no usage). */
  tokensEstimated: boolean;
  elapsedMs: number;
  stoppedBy?: "maxQuestions" | "maxCalls" | "maxTokens" | "aborted" | "repeatedFailures";
  /** Why the run stopped early, in one line, when `stoppedBy` is `repeatedFailures`. */
  stopReason?: string;
}

/** Result of `generateExam`: kept questions in document and chunk order, dropped ones, failures, counts. */
export interface GenerateExamResult {
  questions: ExamQuestion[];
  dropped: DroppedQuestion[];
  failures: ExamFailure[];
  stats: ExamStats;
}

/** Parameters of {@link startExamRun}: everything of `generateExam` except how the chunks are sent. */
export type ExamRunParams = ExamSource & {
  /**
   * The question chain (`createQuestionChain`), or any runnable with the same input and output. With `journalPath`, a
   * runnable of your own states what its journal records: a `journalSettings()` method returning the settings that
   * shape its output, or a `promptVersion` (a string that changes whenever the prompt does; `null` states that it has
   * none, and a resume then checks the chunking only).
   */
  chain: Runnable<QuestionChainInput, QuestionChainOutput> & {
    journalSettings?: () => JournalSettings;
    promptVersion?: string | null;
  };
  budget?: ExamBudget;
  /** JSONL journal: one line per finished chunk, so an interrupted run can resume. */
  journalPath?: string;
  /** Continue the run recorded in `journalPath`: finished chunks are not requested again; failed ones are retried. */
  resume?: boolean;
  /** Similarity in (0, 1] at or above which questions across the run are near-duplicates (default 0.8, core's `DEFAULT_DUPLICATE_THRESHOLD`). */
  duplicateThreshold?: number;
  onProgress?: (progress: ExamProgress) => void;
  /** Stops starting new chunks and cancels model calls in flight; the result holds what was finished. */
  signal?: AbortSignal;
  /**
   * Stop the run after this many chunks in a row failed the same way (same failure code, e.g. `UNAUTHORIZED` or
   * `RATE_LIMITED`): the rest would fail too. The journal keeps what finished (default 3; 0 never stops).
   */
  stopAfterRepeatedFailures?: number;
  /**
   * Secrets (API keys) scrubbed as `***` from every failure message before it is journaled, counted or returned: an
   * endpoint that echoes the request's `Authorization` header in its errors would otherwise put the key there.
   * `createQuestionChain` scrubs its model's key itself; this also covers chains of your own and thrown errors.
   */
  secrets?: readonly (string | undefined)[];
};

/** A chunk of the run: the chunk, its metadata, and its position in the run's (document, then chunk) order. */
export interface ExamRunChunk {
  position: number;
  chunk: DocumentInterface;
  metadata: ChunkMetadata;
}

/**
 * A run in progress: the chunks still to do, and one function that takes a chunk's result. However the results are
 * obtained (one call per chunk, many in flight, a batch API), they go through the same journal, budgets, failure
 * watch and, at the end, the same de-duplication and budget cap.
 */
export interface ExamRun {
  /** Chunks still to run, in document and chunk order (ones the journal finished are already taken). */
  readonly pending: readonly ExamRunChunk[];
  /** Why no further chunk may start (a budget, the signal, repeated failures), or undefined to go on. Sets the run's `stoppedBy`. */
  shouldStop(): ExamStats["stoppedBy"];
  /** Records that the run was aborted (a chunk's call was cancelled by the signal). */
  markAborted(): void;
  /** Takes one chunk's result: appends it to the journal, adds its usage and questions, watches failures, reports progress. */
  acceptChunkResult(chunk: ExamRunChunk, result: QuestionChainOutput): Promise<void>;
  /** Closes the journal (call once, also after an error). */
  close(): Promise<void>;
  /** Kept questions in document/chunk order with near-duplicates across the run and questions over the cap dropped, and the counts. */
  finish(): GenerateExamResult;
}

function chunkMetadata(chunk: DocumentInterface, index: number): ChunkMetadata {
  const m = chunk.metadata as Partial<ChunkMetadata> | undefined;
  if (typeof m?.chunk_id !== "string" || typeof m.document_id !== "string") {
    throw new TypeError(
      `chunk ${index} has no metadata.chunk_id / document_id: make chunks with splitDocuments, or pass documents instead of chunks`,
    );
  }
  return m as ChunkMetadata;
}

function dropReasonCodes(findings: readonly Finding[]): string[] {
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity === "warning");
  const deciding = errors.length > 0 ? errors : warnings.length > 0 ? warnings : findings;
  return [...new Set(deciding.map((f) => f.code))];
}

function wholeNumber(name: string, value: unknown, minimum: number): void {
  if (value !== undefined && !(Number.isInteger(value) && (value as number) >= minimum)) {
    throw new TypeError(`${name} must be a whole number of at least ${minimum}, got ${String(value)}`);
  }
}

/**
 * Every parameter of a run checked before anything is read, split or sent, so a bad one never costs a model call.
 * Returns the chunking the journal records.
 */
export function checkExamRunParams(params: ExamRunParams & { concurrency?: number }): SplitSettings | null {
  wholeNumber("concurrency", params.concurrency, 1);
  if (params.budget !== undefined && (typeof params.budget !== "object" || params.budget === null)) {
    throw new TypeError("budget must be an object such as { maxCalls: 500 }");
  }
  for (const [name, value] of Object.entries(params.budget ?? {})) {
    if (!["maxQuestions", "maxCalls", "maxTokens"].includes(name)) {
      throw new TypeError(`budget.${name} is not a budget: use maxQuestions, maxCalls or maxTokens`);
    }
    if (value !== undefined && !(typeof value === "number" && value >= 0)) {
      throw new TypeError(`budget.${name} must be a non-negative number, got ${String(value)}`);
    }
  }
  if (!params.chain || typeof params.chain.invoke !== "function") {
    throw new TypeError("generateExam needs `chain`: create one with createQuestionChain({ model })");
  }
  const threshold = params.duplicateThreshold;
  if (threshold !== undefined && !(typeof threshold === "number" && threshold > 0 && threshold <= 1)) {
    throw new TypeError(
      `duplicateThreshold must be a similarity above 0 and at most 1 (default ${DEFAULT_DUPLICATE_THRESHOLD}), got ${String(threshold)}`,
    );
  }
  wholeNumber("stopAfterRepeatedFailures", params.stopAfterRepeatedFailures, 0);
  if (params.secrets !== undefined && !Array.isArray(params.secrets)) {
    throw new TypeError("secrets must be an array of strings, e.g. [process.env.OPENAI_API_KEY]");
  }
  if (params.onProgress !== undefined && typeof params.onProgress !== "function") {
    throw new TypeError("onProgress must be a function: (progress) => void");
  }
  if (params.journalPath !== undefined && (typeof params.journalPath !== "string" || params.journalPath === "")) {
    throw new TypeError("journalPath must be the path of a file, e.g. exam.journal.jsonl");
  }
  if (params.resume && !params.journalPath) {
    throw new TypeError("resume: true needs journalPath: the journal of the run to continue");
  }
  if (params.journalPath && typeof params.chain.journalSettings !== "function") {
    const version = params.chain.promptVersion;
    if (version !== null && typeof version !== "string") {
      throw new TypeError(
        "journalPath with a chain that has no promptVersion: set chain.promptVersion to a string that changes with its prompt (so a resume with another prompt is refused), or to null to journal without that check",
      );
    }
  }
  if (params.chunks === undefined && params.documents === undefined) {
    throw new TypeError("generateExam needs `chunks` (from splitDocuments) or `documents`");
  }
  if (params.documents !== undefined) return resolveSplitSettings(params.split ?? {});
  return params.chunking ? resolveSplitSettings(params.chunking) : null;
}

/** The chunks of a source: the given ones, or the documents split. */
export async function chunksOf(params: { source: ExamSource; caller?: string }): Promise<readonly DocumentInterface[]> {
  const { source, caller = "generateExam" } = params;
  if (source.chunks) return source.chunks;
  if (source.documents) return splitDocuments({ ...source.split, documents: source.documents });
  throw new TypeError(`${caller} needs \`chunks\` (from splitDocuments) or \`documents\``);
}

/** What the journal header records: the chain's settings and the chunking. */
function journalSettingsOf(params: ExamRunParams, chunking: SplitSettings | null): JournalSettings {
  const { chain } = params;
  const chainSettings: JournalSettings =
    typeof chain.journalSettings === "function"
      ? chain.journalSettings()
      : { chain: "custom", prompt_version: chain.promptVersion ?? null };
  return {
    ...chainSettings,
    chunking: chunking
      ? {
          chunk_size: chunking.chunkSize,
          chunk_overlap: chunking.chunkOverlap,
          encoding: chunking.encoding,
          min_chunk_tokens: chunking.minChunkTokens,
        }
      : null,
  };
}

/** A chunk's result with the secrets scrubbed from its failure message (the rest is the model's output). */
function withoutSecrets(result: QuestionChainOutput, secrets: readonly string[]): QuestionChainOutput {
  if (!result.failure) return result;
  const message = redactSecrets({ text: result.failure.message, secrets });
  return message === result.failure.message ? result : { ...result, failure: { ...result.failure, message } };
}

/** The failure a chain that throws (instead of reporting a failure) is recorded with. */
export function thrownChainResult(chunkId: string, error: unknown): QuestionChainOutput {
  return {
    chunk_id: chunkId,
    questions: [],
    dropped: [],
    failure: { message: `the chain threw: ${(error as Error).message}`, attempts: 1 },
    attempts: 1,
    usage: { calls: 1, promptTokens: 0, completionTokens: 0 },
  };
}

/**
 * Starts a `generateExam` run without sending anything: checks the settings, orders the chunks, opens the journal and
 * takes the chunks it finished. Send the `pending` chunks any way, give each result to `acceptChunkResult`, then
 * `close()` and `finish()`.
 *
 * @example
 * const run = await startExamRun({ chunks, chain, journalPath, resume: true });
 * try {
 *   for (const chunk of run.pending) {
 *     if (run.shouldStop()) break;
 *     await run.acceptChunkResult(chunk, await chain.invoke(chunk.chunk));
 *   }
 * } finally {
 *   await run.close();
 * }
 * const { questions, stats } = run.finish();
 */
export async function startExamRun(params: ExamRunParams): Promise<ExamRun> {
  const started = Date.now();
  const chunking = checkExamRunParams(params);
  const given = await chunksOf({ source: params });

  // document order (first appearance), then position in the document
  const documentOrder = new Map<string, number>();
  const indexed = given.map((chunk, index) => {
    const metadata = chunkMetadata(chunk, index);
    if (!documentOrder.has(metadata.document_id)) documentOrder.set(metadata.document_id, documentOrder.size);
    return { chunk, metadata, index };
  });
  indexed.sort(
    (a, b) =>
      (documentOrder.get(a.metadata.document_id) as number) - (documentOrder.get(b.metadata.document_id) as number) ||
      a.metadata.start - b.metadata.start ||
      a.index - b.index,
  );
  const seenChunkIds = new Set<string>();
  for (const { metadata } of indexed) {
    if (seenChunkIds.has(metadata.chunk_id)) {
      throw new TypeError(`chunk id ${metadata.chunk_id} appears twice: pass each chunk once`);
    }
    seenChunkIds.add(metadata.chunk_id);
  }
  const chunks: ExamRunChunk[] = indexed.map(({ chunk, metadata }, position) => ({ position, chunk, metadata }));

  const stopAfter = params.stopAfterRepeatedFailures ?? 3;
  // A question chain's own secrets (its model's key) too: results made outside its calls (batch lines, a
  // synchronous retry of a batch) are scrubbed here.
  const chainSecrets = (params.chain as { settings?: { secrets?: readonly string[] } }).settings?.secrets ?? [];
  const secrets = secretsOf({ values: [...(params.secrets ?? []), ...chainSecrets] });
  const journal: ExamJournal | undefined = params.journalPath
    ? await openExamJournal({
        path: params.journalPath,
        resume: params.resume ?? false,
        settings: journalSettingsOf(params, chunking),
      })
    : undefined;
  const streak = { key: "", count: 0 };
  let stopReason: string | undefined;
  const results: (QuestionChainOutput | undefined)[] = new Array(chunks.length);
  const resumedFlags: boolean[] = new Array(chunks.length).fill(false);
  const totals = { calls: 0, promptTokens: 0, completionTokens: 0, kept: 0, failed: 0, done: 0, estimated: false };
  let stoppedBy: ExamStats["stoppedBy"];

  const progress = (i: number) => {
    params.onProgress?.({
      chunk_id: chunks[i]?.metadata.chunk_id as string,
      done: totals.done,
      total: chunks.length,
      resumed: resumedFlags[i] as boolean,
      failed: totals.failed,
      questionsKept: totals.kept,
      calls: totals.calls,
      promptTokens: totals.promptTokens,
      completionTokens: totals.completionTokens,
      elapsedMs: Date.now() - started,
    });
  };
  const record = (i: number, result: QuestionChainOutput) => {
    results[i] = result;
    totals.done++;
    totals.calls += result.usage.calls;
    totals.promptTokens += result.usage.promptTokens;
    totals.completionTokens += result.usage.completionTokens;
    totals.estimated ||= result.usage.estimated === true;
    totals.kept += result.questions.length;
    if (result.failure) totals.failed++;
  };
  /** Counts failures of the same kind in a row (in the order chunks finish) and stops the run at the limit. */
  const watchFailures = (result: QuestionChainOutput) => {
    if (!result.failure) {
      streak.count = 0;
      return;
    }
    const key = result.failure.code ?? result.failure.message;
    streak.count = streak.key === key ? streak.count + 1 : 1;
    streak.key = key;
    if (stopAfter > 0 && streak.count >= stopAfter && !stoppedBy) {
      stoppedBy = "repeatedFailures";
      stopReason = `${streak.count} chunks in a row failed the same way, so the run stopped (the journal keeps what finished): ${result.failure.message}`;
    }
  };

  const pending: ExamRunChunk[] = [];
  for (const chunk of chunks) {
    const earlier = journal?.finished.get(chunk.metadata.chunk_id);
    if (earlier && !earlier.failure) {
      resumedFlags[chunk.position] = true;
      record(chunk.position, earlier);
      progress(chunk.position);
    } else pending.push(chunk);
  }

  const budget = params.budget ?? {};
  const budgetReached = (): ExamStats["stoppedBy"] => {
    if (params.signal?.aborted) return "aborted";
    if (budget.maxQuestions !== undefined && totals.kept >= budget.maxQuestions) return "maxQuestions";
    if (budget.maxCalls !== undefined && totals.calls >= budget.maxCalls) return "maxCalls";
    if (budget.maxTokens !== undefined && totals.promptTokens + totals.completionTokens >= budget.maxTokens) {
      return "maxTokens";
    }
    return undefined;
  };

  return {
    pending,
    shouldStop() {
      if (stoppedBy === "repeatedFailures") return stoppedBy;
      const reached = budgetReached();
      if (reached) stoppedBy ??= reached;
      return reached;
    },
    markAborted() {
      stoppedBy ??= "aborted";
    },
    async acceptChunkResult(chunk, given) {
      const result = withoutSecrets(given, secrets);
      await journal?.append(result);
      record(chunk.position, result);
      watchFailures(result);
      progress(chunk.position);
    },
    async close() {
      await journal?.close();
    },
    finish() {
      if (!stoppedBy && params.signal?.aborted && totals.done < chunks.length) stoppedBy = "aborted";
      // assemble in document/chunk order; near-duplicates across the run are dropped in that order
      const duplicates = new DuplicateQuestionFilter({ threshold: params.duplicateThreshold });
      const questions: ExamQuestion[] = [];
      const dropped: DroppedQuestion[] = [];
      const failures: ExamFailure[] = [];
      results.forEach((result, i) => {
        if (!result) return;
        const metadata = chunks[i]?.metadata as ChunkMetadata;
        if (result.failure) {
          const failure: ExamFailure = { chunk_id: result.chunk_id, ...result.failure };
          if (metadata.document_path !== undefined) failure.document_path = metadata.document_path;
          failures.push(failure);
        }
        dropped.push(...result.dropped);
        for (const question of result.questions) {
          const duplicate = duplicates.check(question);
          if (duplicate) {
            dropped.push({ question, findings: [duplicate] });
          } else questions.push(question);
        }
      });
      const maxQuestions = params.budget?.maxQuestions;
      const kept = maxQuestions !== undefined ? questions.slice(0, maxQuestions) : questions;
      // Chunks in flight when the cap was reached can overshoot it: report what is cut, never lose it silently. The
      // run counts as stopped by the budget, so the journal (which holds them) is kept for a resume with a higher cap.
      for (const question of questions.slice(kept.length)) {
        dropped.push({
          question,
          findings: [
            {
              code: "OVER_BUDGET",
              severity: "info",
              message: `beyond budget.maxQuestions (${maxQuestions}): kept in the journal, resume with a higher cap to keep it`,
            },
          ],
        });
      }
      if (kept.length < questions.length) stoppedBy ??= "maxQuestions";
      const dropReasons: Record<string, number> = {};
      for (const d of dropped) {
        for (const code of dropReasonCodes(d.findings)) dropReasons[code] = (dropReasons[code] ?? 0) + 1;
      }
      const stats: ExamStats = {
        documents: documentOrder.size,
        chunks: chunks.length,
        chunksDone: totals.done,
        chunksResumed: resumedFlags.filter(Boolean).length,
        chunksFailed: failures.length,
        chunksNotRun: chunks.length - totals.done,
        questionsKept: kept.length,
        questionsFlagged: kept.filter((q) => (q.findings?.length ?? 0) > 0).length,
        questionsDropped: dropped.length,
        dropReasons,
        calls: totals.calls,
        promptTokens: totals.promptTokens,
        completionTokens: totals.completionTokens,
        tokensEstimated: totals.estimated,
        elapsedMs: Date.now() - started,
      };
      if (stoppedBy) stats.stoppedBy = stoppedBy;
      if (stopReason) stats.stopReason = stopReason;
      return { questions: kept, dropped, failures, stats };
    },
  };
}
