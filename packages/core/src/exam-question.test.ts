import { describe, expect, it } from "vitest";
import { ExamQuestionValidationError, parseExamQuestion } from "./exam-question.js";
import { cleanQuestion } from "./test-fixtures.js";

describe("parseExamQuestion", () => {
  it("accepts a complete question and keeps unknown fields", () => {
    const parsed = parseExamQuestion({ value: { ...cleanQuestion(), difficulty: "hard", reviewer_note: "keep me" } });
    expect(parsed.question).toBe("What was the company's net revenue for fiscal 2023?");
    expect(parsed.difficulty).toBe("hard");
    expect((parsed as Record<string, unknown>).reviewer_note).toBe("keep me");
  });

  it.each([
    ["no distractors field", { distractors: undefined }, "distractors"],
    ["two distractors", { distractors: ["a", "b"] }, "at least 3 distractors"],
    ["blank question", { question: "   " }, "question must not be empty"],
    ["answer among distractors", { distractors: ["eur 412 MILLION", "x y", "z w"] }, "is the correct answer"],
    ["repeated distractor", { distractors: ["EUR 1", "eur 1.", "EUR 3"] }, 'duplicates distractor "EUR 1"'],
    ["negative span", { source: { document_id: "d", chunk_id: "c", start: 10, end: 5 } }, "source.end"],
    ["missing provenance", { generator_model: "" }, "generator_model"],
    ["bad difficulty", { difficulty: "impossible" }, "difficulty"],
  ] as const)("rejects %s with a message naming the field", (_name, patch, expected) => {
    const value = { ...cleanQuestion(), ...patch };
    expect(() => parseExamQuestion({ value, context: "questions.jsonl line 3" })).toThrowError(
      ExamQuestionValidationError,
    );
    try {
      parseExamQuestion({ value, context: "questions.jsonl line 3" });
    } catch (error) {
      expect((error as Error).message).toContain("questions.jsonl line 3: invalid exam question");
      expect((error as Error).message).toContain(expected);
    }
  });

  it("rejects values that are not objects", () => {
    expect(() => parseExamQuestion({ value: "nope" })).toThrowError(/invalid exam question/);
  });
});
