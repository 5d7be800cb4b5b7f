import { DomainEvalError } from "@domain-eval/core";

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
export class ReportError extends DomainEvalError<ReportErrorCode> {
  override readonly name = "ReportError";
}
