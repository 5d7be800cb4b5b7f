import { DomainEvalError } from "@domain-eval/core";

/** Exit codes of the CLI, the same for every command. */
export const EXIT = {
  /** Everything worked (for `check`: no question has an error). */
  OK: 0,
  /** The work ran and failed, or (for `check`) some question has an error. */
  FAILED: 1,
  /** The input or the configuration is unusable: nothing was done. */
  USAGE: 2,
} as const;

/** `USAGE` for unusable input or configuration (exit 2), `FAILED` for work that ran and failed (exit 1 or more). */
export type CliErrorCode = "USAGE" | "FAILED";

/** An error the CLI reports as one line, with the exit code it deserves; `cause` keeps the error it wraps. */
export class CliError extends DomainEvalError<CliErrorCode> {
  override readonly name = "CliError";

  constructor(
    message: string,
    readonly exitCode: number = EXIT.USAGE,
    options: { cause?: unknown } = {},
  ) {
    super({ code: exitCode === EXIT.USAGE ? "USAGE" : "FAILED", message, cause: options.cause });
  }
}
