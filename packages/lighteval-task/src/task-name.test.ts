import { DomainEvalError } from "@domain-eval/core";
import { describe, expect, test } from "vitest";
import { TaskConfigError } from "./task-config-error.js";
import { validateTaskName } from "./task-name.js";

describe("validateTaskName", () => {
  test.each(["finance_exam", "Exam-2025", "a"])("accepts %s", (name) => {
    expect(validateTaskName({ name })).toBe(name);
  });

  const rejected: [string, { given: string; code: TaskConfigError["code"]; message: RegExp }][] = [
    ["empty", { given: "", code: "TASK_NAME_EMPTY", message: /is empty/ }],
    [
      "a pipe",
      { given: "community|finance", code: "TASK_NAME_PIPE", message: /LightEval splits task specs on "\|".*"finance"/ },
    ],
    ["a comma", { given: "a,b", code: "TASK_NAME_CHARACTERS", message: /only letters, digits/ }],
    ["an @", { given: "exam@k=1", code: "TASK_NAME_CHARACTERS", message: /only letters, digits/ }],
    ["a colon", { given: "mmlu:finance", code: "TASK_NAME_CHARACTERS", message: /":"/ }],
    ["a leading digit", { given: "1exam", code: "TASK_NAME_CHARACTERS", message: /start with a letter/ }],
    ["a newline", { given: "exam\nimport os", code: "TASK_NAME_CHARACTERS", message: /only letters/ }],
    ["a long name", { given: `e${"x".repeat(64)}`, code: "TASK_NAME_TOO_LONG", message: /at most 64/ }],
    [
      "a built-in task",
      { given: "hellaswag", code: "TASK_NAME_BUILTIN", message: /built into LightEval 0\.13\.0.*my_hellaswag/ },
    ],
    ["a built-in task group", { given: "mmlu", code: "TASK_NAME_BUILTIN", message: /built into LightEval/ }],
  ];
  test.each(rejected)("rejects %s with the rule it breaks", (_, { given, code, message }) => {
    let error: unknown;
    try {
      validateTaskName({ name: given });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TaskConfigError);
    expect(error).toBeInstanceOf(DomainEvalError);
    expect(error).toMatchObject({ code, field: "name" });
    expect((error as Error).message).toMatch(message);
  });
});
