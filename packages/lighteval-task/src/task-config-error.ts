import { DomainEvalError } from "@domain-eval/core";

/** What was wrong with a task config; stable, so a CLI can map it to an exit code and tests can assert it. */
export type TaskConfigErrorCode =
  | "TASK_NAME_EMPTY"
  | "TASK_NAME_PIPE"
  | "TASK_NAME_CHARACTERS"
  | "TASK_NAME_TOO_LONG"
  | "TASK_NAME_BUILTIN"
  | "INVALID_DATASET"
  | "INVALID_OPTION"
  | "INVALID_COLUMN"
  | "INVALID_MODEL_ARGS"
  | "NOT_REPRESENTABLE";

/**
 * The one error type of this package: a config value the generator cannot turn into a working task file (bad
 * input). It extends core's `DomainEvalError`: a stable `code`, the config `field` at fault and a message that says how to fix it.
 *
 * @example
 * try {
 *   renderLightevalTask({ name: "finance|exam", dataset: { path: "/data/exam" } });
 * } catch (error) {
 *   if (error instanceof TaskConfigError) {
 *     console.error(error.message); // task name "finance|exam" contains "|": ...
 *     process.exit(2);
 *   }
 *   throw error;
 * }
 */
export class TaskConfigError extends DomainEvalError<TaskConfigErrorCode> {
  override readonly name = "TaskConfigError";
  /** Dotted path of the config field at fault, e.g. `"name"` or `"columns.answer"`. */
  readonly field: string;

  constructor(params: { code: TaskConfigErrorCode; field: string; message: string }) {
    super(params);
    this.field = params.field;
  }
}
