/** Exit codes of the CLI, the same for every command. */
export const EXIT = {
  /** Everything worked (for `check`: no question has an error). */
  OK: 0,
  /** The work ran and failed, or (for `check`) some question has an error. */
  FAILED: 1,
  /** The input or the configuration is unusable: nothing was done. */
  USAGE: 2,
} as const;

/** An error the CLI reports as one line, with the exit code it deserves. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.USAGE,
  ) {
    super(message);
    this.name = "CliError";
  }
}
