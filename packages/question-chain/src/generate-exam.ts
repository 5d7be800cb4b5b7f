import type { QuestionChainOutput } from "./chunk-request.js";
import { type ExamRunParams, type GenerateExamResult, startExamRun, thrownChainResult } from "./exam-run.js";

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
  try {
    const { pending } = run;
    let next = 0;
    const worker = async () => {
      while (next < pending.length) {
        if (run.shouldStop()) return;
        const chunk = pending[next++] as (typeof pending)[number];
        let result: QuestionChainOutput;
        // a signal per chunk: model clients add abort listeners per call and do not always remove them
        const chunkAbort = new AbortController();
        const forwardAbort = () => chunkAbort.abort(params.signal?.reason);
        params.signal?.addEventListener("abort", forwardAbort, { once: true });
        try {
          result = await params.chain.invoke(chunk.chunk, params.signal ? { signal: chunkAbort.signal } : {});
        } catch (error) {
          if (params.signal?.aborted) {
            run.markAborted();
            return;
          }
          result = thrownChainResult(chunk.metadata.chunk_id, error);
        } finally {
          params.signal?.removeEventListener("abort", forwardAbort);
        }
        await run.acceptChunkResult(chunk, result);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, pending.length)) }, worker));
  } finally {
    await run.close();
  }
  return run.finish();
}
