/** What went wrong, as a stable code the CLI can map to an exit code without matching on message text. */
export type EvaluationErrorCode =
  /** The dataset folder is missing, has no test Parquet file, or lacks a column the task reads. */
  | "invalid_dataset"
  /** A model spec cannot be understood (not an embedded name, GGUF file, model folder, Hub id or endpoint). */
  | "invalid_model_spec"
  /** Another option is unusable (task file, output folder, model arguments). */
  | "invalid_option"
  /** The evaluation Python (LightEval) cannot be started. */
  | "python_unavailable";

/**
 * The one error type of `@domain-eval/evaluation`: bad input found before any model runs. A model that fails while
 * it is evaluated is not an error but a `"failed"` entry in the results, with LightEval's reason.
 *
 * @example
 * try {
 *   await evaluateModels({ dataset: "not-a-dataset", models: ["smollm2-135m-instruct"], outDir: "results" });
 * } catch (error) {
 *   if (error instanceof EvaluationError && error.code === "invalid_dataset") process.exitCode = 2;
 * }
 */
export class EvaluationError extends Error {
  override readonly name = "EvaluationError";
  /** What went wrong. */
  readonly code: EvaluationErrorCode;

  constructor(params: {
    /** What went wrong. */
    code: EvaluationErrorCode;
    /** One line: the problem and the fix. */
    message: string;
    /** The underlying error, if any. */
    cause?: unknown;
  }) {
    super(params.message, params.cause === undefined ? undefined : { cause: params.cause });
    this.code = params.code;
  }
}
