import { linkedAbortController } from "@domain-eval/core";
import type { QuestionChainOutput } from "./chunk-request.js";
import { type ExamRunParams, type GenerateExamResult, startExamRun, thrownChainResult } from "./exam-run.js";
import { type ChunkAnswer, QuestionChain } from "./question-chain.js";

export type {
  ExamBudget,
  ExamFailure,
  ExamProgress,
  ExamSource,
  ExamStats,
  GenerateExamResult,
} from "./exam-run.js";

/** Parameters of {@link generateExam}. */
export type GenerateExamParams = ExamRunParams & {
  /** Chunks processed at the same time (default 4). */
  concurrency?: number;
};

/**
 * Generates an exam from a corpus: runs the question chain over every chunk with bounded concurrency and budgets,
 * removes near-duplicate questions across the whole run, and journals each finished chunk so an interrupted run
 * resumes without repeating finished chunks or losing questions. The output order (document, then chunk) does not
 * depend on concurrency.
 *
 * @throws TypeError for bad settings (all checked before the first model call); core's JournalError when the journal
 * exists without `resume`, or was written with other settings (model, prompt version, domain, questions per chunk,
 * options, chunking, …).
 * @example
 * const { questions, failures, stats } = await generateExam({
 *   documents, split: { chunkSize: 800 }, chain, concurrency: 8,
 *   budget: { maxCalls: 500 }, journalPath: "run.journal.jsonl", resume: true,
 *   onProgress: (p) => bar.update(p.done, { total: p.total }),
 * });
 */
export async function generateExam(params: GenerateExamParams): Promise<GenerateExamResult> {
  const run = await startExamRun(params); // checks every parameter, concurrency included, before any call
  const concurrency = params.concurrency ?? 4;
  // Send first, then check: a QuestionChain's answer is checked only once the worker's next request is on its way, so
  // the checks never hold a request back. Budgets count what the checks keep before the next chunk may start, so a
  // run with a budget keeps the plain order (answer, check, next request).
  const split = params.chain instanceof QuestionChain ? params.chain : undefined;
  const hasBudget = Object.values(params.budget ?? {}).some((limit) => limit !== undefined);
  const sendFirst = split !== undefined && !hasBudget;
  const checkTurns = new CheckTurns();
  try {
    const { pending } = run;
    let next = 0;
    /** Starts the next pending chunk's model call; resolves to what to record for it, or "aborted". */
    const startNext = () => {
      if (next >= pending.length || run.shouldStop()) return undefined;
      const chunk = pending[next++] as (typeof pending)[number];
      // a signal per chunk: model clients add abort listeners per call and do not always remove them
      const chunkAbort = linkedAbortController({ parent: params.signal });
      const config = params.signal ? { signal: chunkAbort.signal } : {};
      const call: Promise<ChunkAnswer | QuestionChainOutput> = split
        ? split.requestAnswer(chunk.chunk, config)
        : params.chain.invoke(chunk.chunk, config);
      const outcome = call.then(
        (value) => ({ value }) as const,
        (error: unknown) => ({ error }) as const,
      );
      return {
        chunk,
        outcome: outcome.finally(() => chunkAbort.dispose()),
      };
    };
    const worker = async () => {
      let current = startNext();
      while (current) {
        const { chunk } = current;
        const settled = await current.outcome;
        checkTurns.answerArrived();
        if ("error" in settled && params.signal?.aborted) {
          run.markAborted();
          return;
        }
        // Only a parsed answer has checks to run; a failure or an empty chunk is recorded before anything else starts
        // (so the repeated-failures stop still sees each failure before the next chunk begins).
        const checksAhead = sendFirst && "value" in settled && (settled.value as ChunkAnswer).kind === "answer";
        let following: ReturnType<typeof startNext>;
        if (checksAhead) {
          following = startNext();
          // The chunk a worker will send next, built now while answers are awaited.
          const upcoming = pending[next];
          if (upcoming) split.prepareRequest(upcoming.chunk);
          // Checks wait for their turn: one at a time, and only once answers stop arriving, so every answer that
          // arrives meanwhile starts its next request before a check holds the event loop.
          await checkTurns.next();
        }
        let result: QuestionChainOutput;
        if ("error" in settled) result = thrownChainResult(chunk.metadata.chunk_id, settled.error);
        else if (split) {
          try {
            result = split.checkAnswer(settled.value as ChunkAnswer);
          } catch (error) {
            result = thrownChainResult(chunk.metadata.chunk_id, error);
          }
        } else result = settled.value as QuestionChainOutput;
        if (checksAhead) checkTurns.done();
        await run.acceptChunkResult(chunk, result);
        current = checksAhead ? following : startNext();
      }
    };
    const workers = Array.from({ length: Math.min(concurrency, Math.max(1, pending.length)) }, worker);
    // The first requests are on their way (each worker started one): warm the checks up while the answers are awaited.
    const first = pending[0];
    if (sendFirst && first) {
      setImmediate(() => {
        try {
          split.warmUpChecks(first.chunk);
        } catch {
          // a warm-up that fails changes nothing: the real check reports the problem
        }
      });
    }
    await Promise.all(workers);
  } finally {
    await run.close();
  }
  return run.finish();
}

/** Turns of the event loop a check waits at most for answers to stop arriving (see CheckTurns). */
const MAX_CHECK_DEFERRALS = 8;

/**
 * Hands out turns for the checks: a check starts only after the previous one has finished and a turn of the event loop
 * has passed in which no answer arrived (setImmediate runs after pending I/O; at most MAX_CHECK_DEFERRALS turns are
 * waited), so requests being written and answers arriving are never held back by a row of checks. When answers arrive
 * together (the first wave of a run: every request was sent at once), each starts its next request before any is
 * checked: measured with the generation benchmark, +0.014 of the ideal throughput at the server's cap (8 of 8 paired
 * runs), where one check per turn let a cold check (~10 ms) run between two answers.
 */
class CheckTurns {
  #waiting: (() => void)[] = [];
  #busy = false;
  /** Answers that arrived since the last turn of the event loop was looked at. */
  #arrived = 0;
  /** Turns a waiting check was put off in a row. */
  #deferrals = 0;

  /** Records that an answer arrived (and its next request was started): the next check waits for a quiet turn. */
  answerArrived(): void {
    this.#arrived++;
  }

  /** Resolves when it is this caller's turn; call {@link CheckTurns.done} after the check. */
  next(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.#waiting.push(resolve);
      if (!this.#busy) this.#schedule();
    });
  }

  done(): void {
    this.#busy = false;
    if (this.#waiting.length > 0) this.#schedule();
  }

  #schedule(): void {
    this.#busy = true;
    const tick = () => {
      if (this.#arrived > 0 && this.#deferrals < MAX_CHECK_DEFERRALS) {
        this.#arrived = 0;
        this.#deferrals++;
        setImmediate(tick);
        return;
      }
      this.#arrived = 0;
      this.#deferrals = 0;
      const turn = this.#waiting.shift();
      if (turn) turn();
      else this.#busy = false;
    };
    setImmediate(tick);
  }
}
