import { describe, expect, it } from "vitest";
import { ExamQuestionSchema, ExamQuestionValidationError, isExamQuestion, parseExamQuestion } from "./exam-question.js";
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

/** Questions with one field changed to a value at the edge of what the schema takes, or just past it. */
function questionVariants(): unknown[] {
  const question = cleanQuestion() as unknown as Record<string, unknown>;
  const source = question.source as Record<string, unknown>;
  const edits: Record<string, unknown[]> = {
    id: ["", 1, undefined, "x"],
    question: ["", " \n", null, "?"],
    answer: ["", "  ", 5, "Ünïcode ４８０"],
    distractors: [
      ["a", "b"],
      ["a", "b", " "],
      ["a", "b", 3],
      "abc",
      ["a", "b", "c", "d", "e"],
      ["EUR 1", "eur 1.", "EUR 3"],
      ["４８０億円", "480 億円", "x"],
      ["-6.3%", "6.3%", "6.3 %"],
      ["Straße", "STRASSE", "strasse"],
      ["١٠٠٠", "1000", "x"],
    ],
    citations: [[], [1], "c", null, [""]],
    difficulty: ["easy", "hard", "impossible", null, undefined],
    question_type: ["", "numeric", 3, undefined],
    source_text: ["", 4, undefined],
    generator_model: ["", 1],
    prompt_version: ["", "v2"],
    findings: [[], [{ code: "X", severity: "warning", message: "m" }], [{ code: "", severity: "bad", message: 1 }]],
    source: [
      null,
      [],
      { ...source, start: 10, end: 5 },
      { ...source, start: 0, end: 0 },
      { ...source, start: -1 },
      { ...source, end: 1.5 },
      { ...source, end: 2 ** 53 },
      { ...source, document_id: "" },
      { ...source, chunk_id: undefined },
      { ...source, document_path: 7 },
      { ...source, document_path: "doc.txt" },
    ],
    validation: [{ settings: {} }],
  };
  const out: unknown[] = [question, null, [], "question", 3];
  for (const [key, values] of Object.entries(edits))
    for (const value of values) out.push({ ...question, [key]: value });
  return out;
}

describe("isExamQuestion", () => {
  it("says exactly what the schema says, for every edge of every field", () => {
    let valid = 0;
    for (const value of questionVariants()) {
      const expected = ExamQuestionSchema.safeParse(value).success;
      expect(isExamQuestion(value), JSON.stringify(value)).toBe(expected);
      if (expected) valid++;
    }
    // Both sides of the line are exercised.
    expect(valid).toBeGreaterThan(10);
    expect(valid).toBeLessThan(questionVariants().length - 20);
  });

  it("takes a generated question as it stands, so reading it needs no copy", () => {
    const value = JSON.parse(JSON.stringify(cleanQuestion({ difficulty: "medium" })));
    expect(isExamQuestion(value)).toBe(true);
    expect(parseExamQuestion({ value })).toStrictEqual(value);
  });
});
