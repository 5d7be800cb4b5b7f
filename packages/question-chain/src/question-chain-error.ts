import { DomainEvalError } from "@domain-eval/core";

/** Codes of {@link QuestionChainError}. */
export type QuestionChainErrorCode =
  | "BATCH_LINE_TOO_LARGE"
  | "BATCH_RESULTS_UNREADABLE"
  | "BATCH_FAILED"
  | "BATCH_NOT_FOUND"
  | "BATCH_SETTINGS_CHANGED";

/**
 * The error type of question-chain (so far raised by its batch path): a stable `code` and a one-line message that
 * names the problem and the fix; extends core's `DomainEvalError`.
 *
 * @example
 * throw new QuestionChainError({ code: "BATCH_RESULTS_UNREADABLE", message: "results.jsonl does not exist: …" });
 */
export class QuestionChainError extends DomainEvalError<QuestionChainErrorCode> {
  override name = "QuestionChainError";
}
