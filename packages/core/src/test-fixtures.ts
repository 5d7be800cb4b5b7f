import type { ExamQuestion } from "./exam-question.js";

/** A clean, grounded question used across core's tests (not exported from the package). */
export const SOURCE_TEXT =
  "Net revenue for fiscal 2023 was EUR 412 million, up 8% from EUR 381 million in fiscal 2022. " +
  "Operating margin improved to 14.2% as logistics costs fell. The board proposed a dividend of EUR 0.85 per share.";

export function cleanQuestion(overrides: Partial<ExamQuestion> = {}): ExamQuestion {
  return {
    id: "q-1",
    question: "What was the company's net revenue for fiscal 2023?",
    answer: "EUR 412 million",
    distractors: ["EUR 381 million", "EUR 445 million", "EUR 398 million"],
    citations: ["Net revenue for fiscal 2023 was EUR 412 million"],
    source: { document_id: "doc-1", document_path: "annual-report.md", chunk_id: "doc-1#0", start: 0, end: 210 },
    source_text: SOURCE_TEXT,
    generator_model: "gpt-4o-mini",
    prompt_version: "qc-1",
    ...overrides,
  };
}
