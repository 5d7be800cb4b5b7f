export { type PythonLiteralValue, toPythonLiteral } from "./python-literal.js";
export { type RenderedLightevalTask, renderLightevalTask, TASK_FILE_CONSTANTS } from "./render-lighteval-task.js";
export { type RenderedLmEvalTask, renderLmEvalTask } from "./render-lm-eval-task.js";
export { shellCommand } from "./shell-command.js";
export {
  type LightevalVersion,
  type ResolvedTaskConfig,
  resolveTaskConfig,
  type TaskColumns,
  type TaskConfig,
  type TaskDataset,
  type TaskScoring,
} from "./task-config.js";
export { TaskConfigError, type TaskConfigErrorCode } from "./task-config-error.js";
export { TASK_HEADER_LANGUAGES, type TaskHeader, taskHeaderFor } from "./task-header.js";
export { validateTaskName } from "./task-name.js";
export { PACKAGE_VERSION } from "./version.js";
