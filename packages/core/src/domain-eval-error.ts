/**
 * The base of every error a domain-eval package throws on purpose: a stable `code` in SCREAMING_SNAKE_CASE that
 * callers branch on (never the message text), a one-line `message` naming the problem and the fix, and the underlying
 * error as `cause` when there is one. Each package extends it with its own class and codes (`ArgillaApiError`,
 * `HubPublishError`, `ValidatorError`, …), so `instanceof DomainEvalError` catches them all.
 *
 * @example
 * try {
 *   await publishDataset({ repo: "me/exam", dir: "out/exam", accessToken: process.env.HF_TOKEN });
 * } catch (error) {
 *   if (error instanceof DomainEvalError) console.error(`${error.code}: ${error.message}`);
 *   else throw error;
 * }
 */
export class DomainEvalError<Code extends string = string> extends Error {
  override name = "DomainEvalError";
  /** What went wrong, as a stable SCREAMING_SNAKE_CASE code. */
  readonly code: Code;

  constructor(params: {
    /** What went wrong, e.g. `"MODEL_FILE_NOT_FOUND"`. */
    code: Code;
    /** One line: the problem and the fix. Never a secret. */
    message: string;
    /** The underlying error, kept so nothing of the cause is lost. */
    cause?: unknown;
  }) {
    super(params.message, params.cause === undefined ? undefined : { cause: params.cause });
    this.code = params.code;
  }
}

/** The message of anything thrown, for wrapping it into a one-line error without losing what it said. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
