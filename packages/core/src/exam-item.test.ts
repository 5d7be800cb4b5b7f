import { describe, expect, it } from "vitest";
import { assignAnswerPositions } from "./choice-order.js";
import { ExamItemSchema, plainExamItem, safeParseExamItem, toExamItem } from "./exam-item.js";
import { cleanQuestion } from "./test-fixtures.js";

describe("toExamItem", () => {
  it("makes an MMLU-style row whose answer index points at the correct answer", () => {
    const question = cleanQuestion();
    const item = toExamItem({ question, subject: "finance", seed: 1, answerIndex: 2 });
    expect(item.choices[item.answer]).toBe("EUR 412 million");
    expect(item.answer).toBe(2);
    expect([...item.choices].sort()).toEqual([question.answer, ...question.distractors].sort());
    expect(item).toMatchObject({
      id: "q-1",
      subject: "finance",
      source_document_id: "doc-1",
      source_chunk_id: "doc-1#0",
      review_status: "unreviewed",
      reviewer_count: 0,
      agreement: null,
    });
    expect(ExamItemSchema.parse(item)).toEqual(item);
  });

  it("balances answer positions over a set", () => {
    const questions = Array.from({ length: 400 }, (_, i) => cleanQuestion({ id: `q${i}` }));
    const positions = assignAnswerPositions({
      items: questions.map((q) => ({ id: q.id, optionCount: q.distractors.length + 1 })),
      seed: "s",
    });
    const counts = [0, 0, 0, 0];
    for (const q of questions) {
      const item = toExamItem({ question: q, subject: "finance", seed: "s", answerIndex: positions.get(q.id) });
      counts[item.answer] = (counts[item.answer] ?? 0) + 1;
    }
    expect(counts).toEqual([100, 100, 100, 100]);
  });

  it("rejects rows whose answer does not index into choices", () => {
    const item = toExamItem({ question: cleanQuestion(), subject: "x", seed: 1 });
    expect(ExamItemSchema.safeParse({ ...item, answer: 4 }).success).toBe(false);
  });
});

/** Rows as the pipeline builds them: 4 and 5 options, reviewed and not, validated and not, non-Latin texts. */
function builtRows(): unknown[] {
  return Array.from({ length: 40 }, (_, i) =>
    toExamItem({
      question: cleanQuestion({
        id: `q-${i}`,
        question: i % 2 === 0 ? `Question ${i}: 2023年度の純収益はいくらか？ 😀` : `Question ${i}?`,
        distractors: ["EUR 381 million", "EUR 445 million", "EUR 398 million", ...(i % 4 === 0 ? ["EUR 1"] : [])],
        ...(i % 5 === 0
          ? {
              validation: {
                settings: {
                  open_book: { rate: 0.75 },
                  closed_book: { rate: 0 },
                  options_only: { rate: 1 },
                  order_swap: { position_sensitive: i % 10 === 0 },
                },
              },
            }
          : {}),
      } as never),
      subject: "finance",
      seed: "s",
      review:
        i % 3 === 0
          ? { status: "unreviewed", reviewerCount: 0, agreement: null }
          : { status: "submitted", reviewerCount: 2, agreement: 0.5 },
    }),
  );
}

/** Rows with one field changed to a value at the edge of what the schema takes, or just past it. */
function edgeRows(): unknown[] {
  const row = builtRows()[1] as Record<string, unknown>;
  const edits: Record<string, unknown[]> = {
    id: ["", 1, undefined],
    question: ["", null],
    subject: ["", 3],
    choices: [["only one"], ["a", 2], "ab", [], ["a", "b", "c", "d", "e", "f"]],
    answer: [-1, 0, -0, 1.5, 3, 4, 6, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, "1"],
    source_document_id: ["", undefined],
    citations: [[], [1], "c", null],
    generator_model: [""],
    review_status: ["submitted", "discarded", undefined],
    reviewer_count: [0, 3, -1, 0.5, 2 ** 53, Number.NaN],
    agreement: [null, 0, 1, -0, 1.0000001, -0.1, Number.NaN, undefined, "0.5"],
    validation_open_book: [undefined, null, 0, 1, 2, Number.NaN, "x"],
    validation_closed_book: [0.5, -1],
    validation_options_only: [null, true],
    validation_position_sensitive: [true, false, null, undefined, 0, "true"],
    extra_column: ["dropped"],
  };
  const out: unknown[] = [row, null, [], "row", { ...row, choices: ["a", "b"], answer: 1 }];
  for (const [key, values] of Object.entries(edits)) for (const value of values) out.push({ ...row, [key]: value });
  const withoutOptional = { ...row };
  delete withoutOptional.validation_closed_book;
  delete withoutOptional.validation_position_sensitive;
  out.push(withoutOptional);
  // The optional columns given in another order: the schema's copy has them in its own order.
  const { validation_open_book, ...rest } = row;
  out.push({ ...rest, validation_open_book });
  return out;
}

describe("safeParseExamItem", () => {
  it("takes the plain path for every row toExamItem builds, and gives the schema's row", () => {
    for (const row of builtRows()) {
      expect(plainExamItem(row)).toStrictEqual(ExamItemSchema.parse(row));
      expect(safeParseExamItem(row)).toStrictEqual({ success: true, data: ExamItemSchema.parse(row) });
    }
  });

  it("gives the schema's row (same keys in the same order) or leaves the row to the schema, never anything else", () => {
    let plain = 0;
    for (const value of edgeRows()) {
      const parsed = ExamItemSchema.safeParse(value);
      const fast = plainExamItem(value);
      if (fast !== undefined) {
        plain++;
        expect(parsed.success, JSON.stringify(value)).toBe(true);
        expect(Object.keys(fast)).toEqual(Object.keys(parsed.data as object));
        expect(fast).toStrictEqual(parsed.data);
      } else if (parsed.success) {
        // Left to the schema though it takes the row (e.g. answer -0): the schema's copy passes the plain checks.
        expect(plainExamItem(parsed.data)).toStrictEqual(parsed.data);
      }
      // Whatever path it takes, the verdict and the row are the schema's.
      const result = safeParseExamItem(value);
      expect(result.success, JSON.stringify(value)).toBe(parsed.success);
      if (result.success) expect(result.data).toStrictEqual(parsed.data);
    }
    expect(plain).toBeGreaterThan(20);
  });

  it("names each bad field with the schema's message", () => {
    const row = builtRows()[1] as Record<string, unknown>;
    expect(safeParseExamItem({ ...row, question: "", citations: "c" })).toMatchObject({
      success: false,
      issues: [{ path: "question" }, { path: "citations" }],
    });
    expect(safeParseExamItem({ ...row, answer: 9 })).toEqual({
      success: false,
      issues: [{ path: "answer", message: "answer must index into choices" }],
    });
  });
});
