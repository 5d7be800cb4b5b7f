import { DomainEvalError } from "../domain-eval-error.js";

/** What went wrong with a batch file, as a stable code. */
export type BatchErrorCode =
  /** One request alone is over the per-batch byte limit. */
  | "BATCH_LINE_TOO_LARGE"
  /** A batch results file (or downloaded output/error file) is missing or not in the OpenAI / vLLM format. */
  | "BATCH_RESULTS_UNREADABLE";

/**
 * The error of `@domain-eval/core/batch` (batch request files, results readers, batch jobs).
 *
 * @example
 * try { await readBatchResultsFile({ path: "results.jsonl" }); }
 * catch (error) { if (error instanceof BatchError && error.code === "BATCH_RESULTS_UNREADABLE") console.error(error.message); }
 */
export class BatchError extends DomainEvalError<BatchErrorCode> {
  override name = "BatchError";
}
