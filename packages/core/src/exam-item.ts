import { z } from "zod";
import { orderChoices } from "./choice-order.js";
import type { ExamQuestion } from "./exam-question.js";

/** Review outcome of a dataset row. Discarded questions are never published, so they have no status here. */
export const ReviewStatusSchema = z.enum(["submitted", "unreviewed"]);
export type ReviewStatus = z.infer<typeof ReviewStatusSchema>;

/**
 * One dataset row, MMLU-compatible (`question`, `subject`, `choices`, `answer` as an integer index whose class-label
 * names are A, B, …) so existing prompt functions and harnesses read it unchanged, followed by provenance and review
 * columns.
 */
export const ExamItemSchema = z
  .object({
    id: z.string().min(1),
    question: z.string().min(1),
    subject: z.string(),
    choices: z.array(z.string()).min(2),
    answer: z.number().int().nonnegative(),
    source_document_id: z.string(),
    source_chunk_id: z.string(),
    citations: z.array(z.string()),
    generator_model: z.string(),
    prompt_version: z.string(),
    review_status: ReviewStatusSchema,
    reviewer_count: z.number().int().nonnegative(),
    /** Share of reviewers who agreed with the published answer, 0..1; null when nobody reviewed. */
    agreement: z.number().min(0).max(1).nullable(),
    /** Share of the validation panel's open-book answers that chose the key; null or absent when not validated. */
    validation_open_book: z.number().min(0).max(1).nullable().optional(),
    /** Share of closed-book (no passage) answers that chose the key. */
    validation_closed_book: z.number().min(0).max(1).nullable().optional(),
    /** Share of options-only (no question) answers that chose the key. */
    validation_options_only: z.number().min(0).max(1).nullable().optional(),
    /** Whether a panel model chose different option texts when the option order changed. */
    validation_position_sensitive: z.boolean().nullable().optional(),
  })
  .refine((item) => item.answer < item.choices.length, {
    message: "answer must index into choices",
    path: ["answer"],
  });
export type ExamItem = z.infer<typeof ExamItemSchema>;

/** The dataset columns in order, for writers that need an explicit schema. */
export const EXAM_ITEM_COLUMNS = [
  "id",
  "question",
  "subject",
  "choices",
  "answer",
  "source_document_id",
  "source_chunk_id",
  "citations",
  "generator_model",
  "prompt_version",
  "review_status",
  "reviewer_count",
  "agreement",
  "validation_open_book",
  "validation_closed_book",
  "validation_options_only",
  "validation_position_sensitive",
] as const satisfies readonly (keyof ExamItem)[];

/** The dataset columns that carry a question's validation (written by `domain-eval validate`). */
export const VALIDATION_COLUMNS = [
  "validation_open_book",
  "validation_closed_book",
  "validation_options_only",
  "validation_position_sensitive",
] as const satisfies readonly (keyof ExamItem)[];

/** The validation columns of a question: its `validation` rates, or nulls when it was not validated. */
export function validationColumnsOf(question: ExamQuestion): Pick<ExamItem, (typeof VALIDATION_COLUMNS)[number]> {
  const settings = (question as { validation?: { settings?: Record<string, Record<string, unknown>> } }).validation
    ?.settings;
  const rate = (name: string): number | null => {
    const value = settings?.[name]?.rate;
    return typeof value === "number" ? value : null;
  };
  const sensitive = settings?.order_swap?.position_sensitive;
  return {
    validation_open_book: rate("open_book"),
    validation_closed_book: rate("closed_book"),
    validation_options_only: rate("options_only"),
    validation_position_sensitive: typeof sensitive === "boolean" ? sensitive : null,
  };
}

/** What {@link toExamItem} needs besides the question. */
export interface ToExamItemOptions {
  /** The dataset's subject column. */
  subject: string;
  /** Seed of the choice order. */
  seed: string | number;
  /** Where the answer goes (from {@link assignAnswerPositions}); default: derived from seed and id. */
  answerIndex?: number;
  /** The review; default unreviewed. */
  review?: { status: ReviewStatus; reviewerCount: number; agreement: number | null };
}

/**
 * Turns a generated question into a dataset row with its choices ordered deterministically.
 * Pass `answerIndex` from {@link assignAnswerPositions} to balance answer positions over a set.
 *
 * @example
 * const positions = assignAnswerPositions({ items: questions.map((q) => ({ id: q.id, optionCount: q.distractors.length + 1 })), seed });
 * const rows = questions.map((question) => toExamItem({ question, subject: "finance", seed, answerIndex: positions.get(question.id) }));
 */
export function toExamItem(
  params: ToExamItemOptions & {
    /** The generated question. */
    question: ExamQuestion;
  },
): ExamItem {
  const { question, ...options } = params;
  const { choices, answerIndex } = orderChoices({
    item: question,
    seed: options.seed,
    answerIndex: options.answerIndex,
  });
  const review = options.review ?? { status: "unreviewed", reviewerCount: 0, agreement: null };
  return {
    id: question.id,
    question: question.question,
    subject: options.subject,
    choices,
    answer: answerIndex,
    source_document_id: question.source.document_id,
    source_chunk_id: question.source.chunk_id,
    citations: [...question.citations],
    generator_model: question.generator_model,
    prompt_version: question.prompt_version,
    review_status: review.status,
    reviewer_count: review.reviewerCount,
    agreement: review.agreement,
    ...validationColumnsOf(question),
  };
}
