import { describe, expect, it } from "vitest";
import { assignAnswerPositions } from "./choice-order.js";
import { ExamItemSchema, toExamItem } from "./exam-item.js";
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
