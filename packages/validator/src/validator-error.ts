import { DomainEvalError } from "@domain-eval/core";

/** What went wrong, as a stable code. */
export type ValidatorErrorCode =
  /** An endpoint refused the request in a way a retry cannot fix (bad model id, key, unsupported format). */
  | "ENDPOINT_FAILED"
  /** An endpoint stayed unreachable or overloaded after the retries. */
  | "ENDPOINT_UNAVAILABLE"
  /** The journal of another run, or of other settings. */
  | "JOURNAL_MISMATCH"
  /** The local model could not be loaded or run. */
  | "LOCAL_MODEL_FAILED";

/**
 * The one error type of `@domain-eval/validator`. The message is one line: what happened and what to do. Secrets
 * (API keys) never appear in it.
 *
 * @example
 * try { await validateQuestions({ questions, panel }); }
 * catch (error) { if (error instanceof ValidatorError && error.code === "ENDPOINT_FAILED") process.exitCode = 2; }
 */
export class ValidatorError extends DomainEvalError<ValidatorErrorCode> {
  override readonly name = "ValidatorError";
}
