/** What was wrong with a task config; stable, so a CLI can map it to an exit code and tests can assert it. */
export type TaskConfigErrorCode =
  | "task-name-empty"
  | "task-name-pipe"
  | "task-name-characters"
  | "task-name-too-long"
  | "task-name-builtin"
  | "invalid-dataset"
  | "invalid-option"
  | "invalid-column"
  | "invalid-model-args"
  | "not-representable";

/**
 * The one error type of this package: a config value the generator cannot turn into a working task file. It is a
 * `TypeError` (bad input), carries a stable `code`, the config `field` at fault and a message that says how to fix it.
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
export class TaskConfigError extends TypeError {
  override readonly name = "TaskConfigError";
  /** Which rule was broken. */
  readonly code: TaskConfigErrorCode;
  /** Dotted path of the config field at fault, e.g. `"name"` or `"columns.answer"`. */
  readonly field: string;

  constructor(params: { code: TaskConfigErrorCode; field: string; message: string }) {
    super(params.message);
    this.code = params.code;
    this.field = params.field;
  }
}
