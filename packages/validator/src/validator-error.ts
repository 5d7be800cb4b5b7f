/** What went wrong, as a stable code. */
export type ValidatorErrorCode =
  /** An endpoint refused the request in a way a retry cannot fix (bad model id, key, unsupported format). */
  | "endpoint_failed"
  /** An endpoint stayed unreachable or overloaded after the retries. */
  | "endpoint_unavailable"
  /** The journal of another run, or of other settings. */
  | "journal_mismatch"
  /** The local model could not be loaded or run. */
  | "local_model_failed";

/**
 * The one error type of `@domain-eval/validator`. The message is one line: what happened and what to do. Secrets
 * (API keys) never appear in it.
 *
 * @example
 * try { await validateQuestions({ questions, panel }); }
 * catch (error) { if (error instanceof ValidatorError && error.code === "endpoint_failed") process.exitCode = 2; }
 */
export class ValidatorError extends Error {
  override readonly name = "ValidatorError";
  readonly code: ValidatorErrorCode;
  constructor(params: { code: ValidatorErrorCode; message: string; cause?: unknown }) {
    super(params.message, params.cause === undefined ? undefined : { cause: params.cause });
    this.code = params.code;
  }
}
