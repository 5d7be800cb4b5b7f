/** Codes of {@link QuestionChainError}. */
export type QuestionChainErrorCode =
  | "BATCH_LINE_TOO_LARGE"
  | "BATCH_RESULTS_UNREADABLE"
  | "BATCH_FAILED"
  | "BATCH_NOT_FOUND"
  | "BATCH_SETTINGS_CHANGED";

/** The error type of question-chain (so far raised by its batch path): a stable `code` and a message that names the problem and the fix. */
export class QuestionChainError extends Error {
  override name = "QuestionChainError";
  constructor(
    readonly code: QuestionChainErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
