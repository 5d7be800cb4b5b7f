/** What went wrong while reading a report's inputs or writing the report. */
export type ReportErrorCode =
  | "QUESTIONS_UNREADABLE"
  | "DATASET_UNREADABLE"
  | "RESULTS_UNREADABLE"
  | "SUMMARY_UNREADABLE"
  | "BAD_OPTION";

/**
 * The one error type of `@domain-eval/report`: a stable `code` and a message that names the problem and the fix.
 *
 * @example
 * try { await readQualityReportInput({ questionsFile: "missing.jsonl" }); }
 * catch (error) { if (error instanceof ReportError) console.error(error.code, error.message); }
 */
export class ReportError extends Error {
  readonly code: ReportErrorCode;

  constructor(code: ReportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ReportError";
    this.code = code;
  }
}
