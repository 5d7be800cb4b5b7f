import { LIGHTEVAL_BUILTIN_TASK_NAMES, LIGHTEVAL_BUILTIN_TASKS_VERSION } from "./lighteval-builtin-tasks.js";
import { TaskConfigError } from "./task-config-error.js";

/** Letters, digits, `_` and `-`, starting with a letter: safe as a LightEval task, a file name and an lm-eval task. */
const TASK_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
const MAX_TASK_NAME_LENGTH = 64;

/**
 * Checks that `name` can be a LightEval custom task name and returns it. LightEval splits task specs on `|`
 * (`name|k`), `,` (task lists) and `@` (metric parameters), groups tasks on `:`, and rejects a custom task named like
 * a built-in one, so the name must start with a letter, hold only letters, digits, `_` and `-`, be at most 64
 * characters and not be a LightEval 0.13 built-in task or task group (e.g. `mmlu`).
 *
 * @throws {TaskConfigError} (a core `DomainEvalError`) whose `code` names the rule: `TASK_NAME_EMPTY`, `TASK_NAME_PIPE`,
 *   `TASK_NAME_CHARACTERS`, `TASK_NAME_TOO_LONG` or `TASK_NAME_BUILTIN`.
 * @example
 * validateTaskName({ name: "finance_exam" }); // "finance_exam"
 * validateTaskName({ name: "community|finance" }); // throws TaskConfigError, code "TASK_NAME_PIPE"
 */
export function validateTaskName(params: {
  /** The proposed task name. */
  name: string;
}): string {
  const { name } = params;
  const fail = (code: TaskConfigError["code"], rule: string): never => {
    throw new TaskConfigError({ code, field: "name", message: `task name ${JSON.stringify(name)} ${rule}` });
  };
  if (typeof name !== "string" || name.length === 0) {
    return fail("TASK_NAME_EMPTY", 'is empty: give the task a name such as "finance_exam"');
  }
  if (name.includes("|")) {
    const suggestion = name.split("|").filter(Boolean).at(-1) ?? "my_exam";
    return fail(
      "TASK_NAME_PIPE",
      `contains "|": LightEval splits task specs on "|" ("name|few-shots"), so a name cannot hold one; use e.g. ${JSON.stringify(suggestion.replace(/[^A-Za-z0-9_-]/g, "_"))}`,
    );
  }
  if (!TASK_NAME_PATTERN.test(name)) {
    return fail(
      "TASK_NAME_CHARACTERS",
      'must start with a letter and hold only letters, digits, "_" and "-" (LightEval reads ",", "@", ":" and "|" in task specs)',
    );
  }
  if (name.length > MAX_TASK_NAME_LENGTH) {
    return fail("TASK_NAME_TOO_LONG", `is ${name.length} characters long: use at most ${MAX_TASK_NAME_LENGTH}`);
  }
  if (LIGHTEVAL_BUILTIN_TASK_NAMES.has(name)) {
    return fail(
      "TASK_NAME_BUILTIN",
      `is a task built into LightEval ${LIGHTEVAL_BUILTIN_TASKS_VERSION}, which refuses custom tasks with built-in names: prefix it, e.g. ${JSON.stringify(`my_${name}`)}`,
    );
  }
  return name;
}
