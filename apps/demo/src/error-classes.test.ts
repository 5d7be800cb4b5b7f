// One error base across the packages: every package's error is a core DomainEvalError with a SCREAMING_SNAKE_CASE
// `code` and keeps its cause, and the old classes still match with instanceof.
import {
  ArgillaApiError,
  ArgillaClientError,
  ArgillaConnectionError,
  ExamDatasetMismatchError,
  ExamRecordRejectedError,
} from "@domain-eval/argilla-client";
import { DomainEvalError, ExamQuestionValidationError, JsonlParseError } from "@domain-eval/core";
import { EvaluationError } from "@domain-eval/evaluation";
import { HubPublishError } from "@domain-eval/hub-publisher";
import { TaskConfigError, validateTaskName } from "@domain-eval/lighteval-task";
import { LocalModelError } from "@domain-eval/local-model";
import { ReportError } from "@domain-eval/report";
import { ValidatorError } from "@domain-eval/validator";
import { describe, expect, it } from "vitest";
import { CliError, EXIT } from "./cli-error.js";

const cause = new Error("EACCES: permission denied");

const errors: [string, Error, new (...args: never[]) => Error][] = [
  [
    "ArgillaApiError",
    new ArgillaApiError({ status: 401, method: "GET", url: "http://a/api/v1/me", detail: "no", message: "401" }),
    ArgillaApiError,
  ],
  [
    "ArgillaConnectionError",
    new ArgillaConnectionError({ method: "GET", url: "http://a", cause }),
    ArgillaConnectionError,
  ],
  [
    "ExamDatasetMismatchError",
    new ExamDatasetMismatchError({ datasetName: "d", datasetId: "1", problems: ["x"] }),
    ExamDatasetMismatchError,
  ],
  [
    "ExamRecordRejectedError",
    new ExamRecordRejectedError({ message: "rejected", rejected: [], cause: cause }),
    ExamRecordRejectedError,
  ],
  [
    "JsonlParseError",
    new JsonlParseError({ path: "q.jsonl", lineNumber: 3, cause: new SyntaxError("Unexpected token") }),
    JsonlParseError,
  ],
  [
    "ExamQuestionValidationError",
    new ExamQuestionValidationError({ issues: [{ path: "answer", message: "x" }] }),
    ExamQuestionValidationError,
  ],
  ["EvaluationError", new EvaluationError({ code: "INVALID_DATASET", message: "m", cause }), EvaluationError],
  ["HubPublishError", new HubPublishError({ message: "m", reason: "not-a-dataset-folder", cause }), HubPublishError],
  ["TaskConfigError", new TaskConfigError({ code: "TASK_NAME_PIPE", field: "name", message: "m" }), TaskConfigError],
  [
    "LocalModelError",
    new LocalModelError({ code: "MODEL_FILE_NOT_FOUND", modelFile: "m.gguf", message: "m", cause }),
    LocalModelError,
  ],
  ["ReportError", new ReportError({ code: "DATASET_UNREADABLE", message: "m", cause }), ReportError],
  ["ValidatorError", new ValidatorError({ code: "ENDPOINT_FAILED", message: "m", cause }), ValidatorError],
  ["CliError", new CliError("m", EXIT.FAILED, { cause }), CliError],
];

describe("every package's error extends core's DomainEvalError", () => {
  it.each(errors)(
    "%s: instanceof its class and DomainEvalError, a SCREAMING_SNAKE code, its name",
    (name, error, cls) => {
      expect(error).toBeInstanceOf(cls);
      expect(error).toBeInstanceOf(DomainEvalError);
      expect((error as DomainEvalError).code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(error.name).toBe(name);
    },
  );

  it("keeps the cause of a wrapped error", () => {
    for (const [, error] of errors.filter(
      ([name]) => !/ExamDatasetMismatch|ExamQuestionValidation|TaskConfig|ArgillaApiError/.test(name),
    )) {
      expect(error.cause).toBeDefined();
    }
  });

  it("argilla-client's errors share one base, and the codes a caller branches on are stable", () => {
    expect(new ArgillaConnectionError({ method: "GET", url: "http://a", cause })).toBeInstanceOf(ArgillaClientError);
    expect(new ArgillaApiError({ status: 401, method: "GET", url: "u", detail: "", message: "" }).code).toBe(
      "UNAUTHORIZED",
    );
    expect(new HubPublishError({ message: "m", reason: "rejected-token" }).code).toBe("REJECTED_TOKEN");
    const thrown = (() => {
      try {
        validateTaskName({ name: "a|b" });
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toMatchObject({ code: "TASK_NAME_PIPE" });
  });
});
