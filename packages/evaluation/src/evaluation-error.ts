import { DomainEvalError } from "@domain-eval/core";

/** What went wrong, as a stable code the CLI can map to an exit code without matching on message text. */
export type EvaluationErrorCode =
  /** The dataset folder is missing, has no test Parquet file, or lacks a column the task reads. */
  | "INVALID_DATASET"
  /** A model spec cannot be understood (not an embedded name, GGUF file, model folder, Hub id or endpoint). */
  | "INVALID_MODEL_SPEC"
  /** Another option is unusable (task file, output folder, model arguments). */
  | "INVALID_OPTION"
  /** The evaluation Python (LightEval) cannot be started. */
  | "PYTHON_UNAVAILABLE";

/**
 * The one error type of `@domain-eval/evaluation`: bad input found before any model runs. A model that fails while
 * it is evaluated is not an error but a `"failed"` entry in the results, with LightEval's reason.
 *
 * @example
 * try {
 *   await evaluateModels({ dataset: "not-a-dataset", models: ["smollm2-135m-instruct"], outDir: "results" });
 * } catch (error) {
 *   if (error instanceof EvaluationError && error.code === "INVALID_DATASET") process.exitCode = 2;
 * }
 */
export class EvaluationError extends DomainEvalError<EvaluationErrorCode> {
  override readonly name = "EvaluationError";
}
