import { assignAnswerPositions, type ExamItem, type ExamQuestion, toExamItem } from "@domain-eval/core";

/** Text that trips naive writers: non-BMP emoji, right-to-left scripts, combining marks, newlines, quotes, NUL-free. */
export const AWKWARD_TEXTS = [
  "Which rate applies? 😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 — \"quoted\" and 'single'",
  "ما هو سعر الفائدة؟\nשורה שנייה בעברית",
  "Multi-line\r\nwith CRLF\tand a tab, then 中文 and e\u0301",
  "| pipe | and `backticks` and **stars** and <html> & ---",
];

/**
 * `count` valid dataset rows built the way the pipeline builds them (core's toExamItem with balanced positions), with
 * unicode in every text column, a mix of 4- and 5-option questions and of reviewed / unreviewed rows.
 */
export function makeExamItems(count: number, options: { seed?: string; fiveOptionsEvery?: number } = {}): ExamItem[] {
  const seed = options.seed ?? "fixture";
  const questions: ExamQuestion[] = Array.from({ length: count }, (_, i) => {
    const awkward = AWKWARD_TEXTS[i % AWKWARD_TEXTS.length] as string;
    const five = options.fiveOptionsEvery !== undefined && i % options.fiveOptionsEvery === 0;
    return {
      id: `q-${String(i).padStart(6, "0")}`,
      question: `Question ${i}: ${awkward}`,
      answer: `right ${i} ✓`,
      distractors: [`wrong a ${i}`, `wrong b ${i} 🙃`, `wrong c ${i} שגוי`, ...(five ? [`wrong d ${i}`] : [])],
      citations: [`quote ${i} from the filing`, awkward],
      source: { document_id: `doc-${i % 7}`, chunk_id: `doc-${i % 7}#${i}`, start: i, end: i + 10 },
      generator_model: i % 3 === 0 ? "qwen2.5-7b-instruct" : "llama-3.1-8b-instruct",
      prompt_version: "exam-v1+finance@1.0.0",
      // Every fifth question was validated by a panel (the validation_* columns); the others have nulls there.
      ...(i % 5 === 0
        ? {
            validation: {
              settings: {
                open_book: { rate: 0.75 },
                closed_book: { rate: i % 10 === 0 ? 1 : 0.25 },
                options_only: { rate: 0 },
                order_swap: { position_sensitive: i % 10 === 0 },
              },
            },
          }
        : {}),
    };
  });
  const positions = assignAnswerPositions({
    items: questions.map((q) => ({ id: q.id, optionCount: q.distractors.length + 1 })),
    seed,
  });
  return questions.map((q, i) =>
    toExamItem({
      question: q,
      subject: "finance",
      seed,
      answerIndex: positions.get(q.id),
      review:
        i % 4 === 3
          ? { status: "unreviewed", reviewerCount: 0, agreement: null }
          : { status: "submitted", reviewerCount: 2, agreement: i % 2 === 0 ? 1 : 0.5 },
    }),
  );
}

/** A card input every test can start from. */
export const CARD = {
  prettyName: "Acme Treasury Exam",
  description: "Questions on Acme's treasury policies.",
  license: "cc-by-4.0",
  language: "en",
  tags: ["finance"],
  source: {
    documents: "Acme treasury policy manuals (PDF)",
    domainPlugin: { id: "finance", version: "1.0.0", displayName: "Finance" },
  },
  review: { discarded: 3, reviewers: "two treasury analysts" },
} as const;
