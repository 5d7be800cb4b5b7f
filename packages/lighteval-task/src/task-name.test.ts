import { describe, expect, test } from "vitest";
import { TaskConfigError } from "./task-config-error.js";
import { validateTaskName } from "./task-name.js";

describe("validateTaskName", () => {
  test.each(["finance_exam", "Exam-2025", "a"])("accepts %s", (name) => {
    expect(validateTaskName({ name })).toBe(name);
  });

  const rejected: [string, { given: string; code: TaskConfigError["code"]; message: RegExp }][] = [
    ["empty", { given: "", code: "task-name-empty", message: /is empty/ }],
    [
      "a pipe",
      { given: "community|finance", code: "task-name-pipe", message: /LightEval splits task specs on "\|".*"finance"/ },
    ],
    ["a comma", { given: "a,b", code: "task-name-characters", message: /only letters, digits/ }],
    ["an @", { given: "exam@k=1", code: "task-name-characters", message: /only letters, digits/ }],
    ["a colon", { given: "mmlu:finance", code: "task-name-characters", message: /":"/ }],
    ["a leading digit", { given: "1exam", code: "task-name-characters", message: /start with a letter/ }],
    ["a newline", { given: "exam\nimport os", code: "task-name-characters", message: /only letters/ }],
    ["a long name", { given: `e${"x".repeat(64)}`, code: "task-name-too-long", message: /at most 64/ }],
    [
      "a built-in task",
      { given: "hellaswag", code: "task-name-builtin", message: /built into LightEval 0\.13\.0.*my_hellaswag/ },
    ],
    ["a built-in task group", { given: "mmlu", code: "task-name-builtin", message: /built into LightEval/ }],
  ];
  test.each(rejected)("rejects %s with the rule it breaks", (_, { given, code, message }) => {
    let error: unknown;
    try {
      validateTaskName({ name: given });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TaskConfigError);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).toMatchObject({ code, field: "name" });
    expect((error as Error).message).toMatch(message);
  });
});
