import { z } from "zod";
import { orderChoices } from "./choice-order.js";
import { describeZodIssues, type ExamQuestion } from "./exam-question.js";

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

/** A number {@link ExamItemSchema} takes as a rate: finite, from 0 to 1. */
const isRate = (v: unknown): boolean => typeof v === "number" && v >= 0 && v <= 1;
/** A count {@link ExamItemSchema} takes: a non-negative safe integer. */
const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;
function isStringArray(v: unknown): v is string[] {
  if (!Array.isArray(v)) return false;
  for (const element of v) if (typeof element !== "string") return false;
  return true;
}

/**
 * The row `ExamItemSchema.parse` returns for `value`, when a few plain checks show it is valid; undefined when they
 * cannot tell (then the schema decides, and names the problem). Each check accepts only what the schema accepts, and
 * the copy is the schema's (its keys, in its order, unknown keys dropped). Exported for its tests; use
 * {@link safeParseExamItem}.
 */
export function plainExamItem(value: unknown): ExamItem | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const { id, question, subject, choices, answer, source_document_id, source_chunk_id, citations } = v;
  const { generator_model, prompt_version, review_status, reviewer_count, agreement } = v;
  if (typeof id !== "string" || id.length < 1 || typeof question !== "string" || question.length < 1) return undefined;
  if (typeof subject !== "string" || !isStringArray(choices) || choices.length < 2) return undefined;
  if (!isCount(answer) || (answer as number) >= choices.length || !isStringArray(citations)) return undefined;
  if (typeof source_document_id !== "string" || typeof source_chunk_id !== "string") return undefined;
  if (typeof generator_model !== "string" || typeof prompt_version !== "string") return undefined;
  if (review_status !== "submitted" && review_status !== "unreviewed") return undefined;
  if (!isCount(reviewer_count) || (agreement !== null && !isRate(agreement))) return undefined;
  const item: ExamItem = {
    id,
    question,
    subject,
    choices: [...choices],
    answer: answer as number,
    source_document_id,
    source_chunk_id,
    citations: [...citations],
    generator_model,
    prompt_version,
    review_status,
    reviewer_count: reviewer_count as number,
    agreement: agreement as number | null,
  };
  for (const key of VALIDATION_COLUMNS) {
    if (!(key in v)) continue;
    const column = v[key];
    const valid =
      column === undefined ||
      column === null ||
      (key === "validation_position_sensitive" ? typeof column === "boolean" : isRate(column));
    if (!valid) return undefined;
    (item as Record<string, unknown>)[key] = column;
  }
  return item;
}

/**
 * Validates a dataset row as {@link ExamItemSchema} does, with the same result (the schema's copy: its keys in its
 * order, unknown keys dropped), at a fraction of the cost for valid rows: plain checks first, the schema only for a
 * row they cannot vouch for, so a bad row still gets the schema's messages. For code that checks a row per record or
 * per line (readers, writers).
 *
 * @example
 * const parsed = safeParseExamItem(JSON.parse(line));
 * if (!parsed.success) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; "));
 */
export function safeParseExamItem(
  value: unknown,
): { success: true; data: ExamItem } | { success: false; issues: { path: string; message: string }[] } {
  const plain = plainExamItem(value);
  if (plain) return { success: true, data: plain };
  const parsed = ExamItemSchema.safeParse(value);
  return parsed.success
    ? { success: true, data: parsed.data }
    : { success: false, issues: describeZodIssues(parsed.error) };
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
