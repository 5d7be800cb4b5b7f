import { z } from "zod";
import { DomainEvalError } from "./domain-eval-error.js";
import { normalizeForComparison } from "./normalize-text.js";

/** Where a question came from: the document, the chunk and the chunk's character span in the document. */
export const QuestionSourceSchema = z.looseObject({
  document_id: z.string().min(1),
  document_path: z.string().optional(),
  chunk_id: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type QuestionSource = z.infer<typeof QuestionSourceSchema>;

export const FindingSchema = z.looseObject({
  code: z.string().min(1),
  severity: z.enum(["error", "warning", "info"]),
  message: z.string(),
  data: z.record(z.string(), z.unknown()).optional(),
});

const nonBlank = (what: string) =>
  z.string().refine((s) => s.trim() !== "", { message: `${what} must not be empty or whitespace` });

/**
 * One generated multiple-choice question: a line of `questions.jsonl`. Field names are snake_case because this is a
 * file format read by Python tools too. Unknown fields are preserved.
 *
 * Rules enforced by the schema (structure, not quality): at least 3 distractors, all distinct from each other and
 * from the answer after normalising case, spacing and punctuation; a span with `end >= start`. Quality (grounding,
 * length bias, …) is judged by {@link checkQuestion}.
 */
export const ExamQuestionSchema = z
  .looseObject({
    id: z.string().min(1),
    question: nonBlank("question"),
    answer: nonBlank("answer"),
    distractors: z.array(nonBlank("a distractor")).min(3, { message: "at least 3 distractors are required" }),
    citations: z.array(z.string()),
    difficulty: z.enum(["easy", "medium", "hard"]).optional(),
    question_type: z.string().min(1).optional(),
    source: QuestionSourceSchema,
    source_text: z.string().optional(),
    generator_model: z.string().min(1),
    prompt_version: z.string().min(1),
    findings: z.array(FindingSchema).optional(),
  })
  .superRefine((q, ctx) => {
    // index 0 is the answer, 1.. are the distractors
    const seen = new Map<string, number>();
    [q.answer, ...q.distractors].forEach((option, index) => {
      const key = normalizeForComparison(option);
      const earlier = seen.get(key);
      if (earlier === undefined) {
        seen.set(key, index);
        return;
      }
      ctx.addIssue({
        code: "custom",
        path: ["distractors", index - 1],
        message:
          earlier === 0
            ? `distractor "${option}" is the correct answer: remove it from the distractors`
            : `distractor "${option}" duplicates distractor "${q.distractors[earlier - 1]}": distractors must be distinct`,
      });
    });
    if (q.source.end < q.source.start) {
      ctx.addIssue({ code: "custom", path: ["source", "end"], message: "source.end must be >= source.start" });
    }
  });

export type ExamQuestion = z.infer<typeof ExamQuestionSchema>;

/** Thrown by {@link parseExamQuestion} (code `INVALID_EXAM_QUESTION`) with every problem listed by its field path. */
export class ExamQuestionValidationError extends DomainEvalError<"INVALID_EXAM_QUESTION"> {
  override readonly name = "ExamQuestionValidationError";
  readonly issues: { path: string; message: string }[];
  constructor(params: { issues: { path: string; message: string }[]; context?: string }) {
    const { issues, context } = params;
    const list = issues.map((i) => `${i.path || "(root)"}: ${i.message}`).join("; ");
    super({ code: "INVALID_EXAM_QUESTION", message: `${context ? `${context}: ` : ""}invalid exam question: ${list}` });
    this.issues = issues;
  }
}

/** Converts zod issues into `{ path, message }` pairs with dotted paths (`distractors.1`). */
export function describeZodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/**
 * Validates an unknown value (for example a parsed JSONL line) as an {@link ExamQuestion}.
 *
 * @throws ExamQuestionValidationError naming each bad field.
 * @example
 * const question = parseExamQuestion({ value: JSON.parse(line), context: `questions.jsonl line ${n}` });
 */
export function parseExamQuestion(params: {
  /** The value to validate, e.g. a parsed JSONL line. */
  value: unknown;
  /** Prefixed to the error message, e.g. `questions.jsonl line 12`. */
  context?: string;
}): ExamQuestion {
  const { value, context } = params;
  const result = ExamQuestionSchema.safeParse(value);
  if (!result.success)
    throw new ExamQuestionValidationError({ issues: describeZodIssues(result.error), context: context });
  return result.data;
}

const DIFFICULTIES: ReadonlySet<unknown> = new Set(["easy", "medium", "hard"]);
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const isNonBlank = (v: unknown): boolean => typeof v === "string" && v.trim() !== "";
const isFilled = (v: unknown): boolean => typeof v === "string" && v.length > 0;
const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;

/**
 * Whether the schema takes `value` as it stands, by plain checks that accept only what {@link ExamQuestionSchema}
 * accepts; false when they cannot tell (findings, an unusual field), and the schema decides.
 */
function plainValidQuestion(value: unknown): value is ExamQuestion {
  if (!isPlainObject(value)) return false;
  const { id, question, answer, distractors, citations, source, generator_model, prompt_version } = value;
  if (!isFilled(id) || !isNonBlank(question) || !isNonBlank(answer)) return false;
  if (!Array.isArray(distractors) || distractors.length < 3 || !Array.isArray(citations)) return false;
  for (const distractor of distractors) if (!isNonBlank(distractor)) return false;
  for (const citation of citations) if (typeof citation !== "string") return false;
  if (!isFilled(generator_model) || !isFilled(prompt_version)) return false;
  if (value.difficulty !== undefined && !DIFFICULTIES.has(value.difficulty)) return false;
  if (value.question_type !== undefined && !isFilled(value.question_type)) return false;
  if (value.source_text !== undefined && typeof value.source_text !== "string") return false;
  if (value.findings !== undefined) return false;
  if (!isPlainObject(source) || !isFilled(source.document_id) || !isFilled(source.chunk_id)) return false;
  if (source.document_path !== undefined && typeof source.document_path !== "string") return false;
  if (!isCount(source.start) || !isCount(source.end) || (source.end as number) < (source.start as number)) return false;
  // The options must stay distinct once normalised, as the schema's refinement demands.
  const seen = new Set<string>([normalizeForComparison(answer as string)]);
  for (const distractor of distractors as string[]) {
    const key = normalizeForComparison(distractor);
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

/**
 * Whether `value` is a valid {@link ExamQuestion} as it stands: what {@link parseExamQuestion} accepts, without
 * copying it or describing problems. For loops over many questions that only read them (building dataset rows from a
 * large questions file); a value that is not one is left to {@link parseExamQuestion} to name the problem. Unknown
 * fields are kept, as the schema keeps them.
 *
 * @example
 * const question = isExamQuestion(value) ? value : parseExamQuestion({ value, context: `questions.jsonl line ${n}` });
 */
export function isExamQuestion(value: unknown): value is ExamQuestion {
  return plainValidQuestion(value) || ExamQuestionSchema.safeParse(value).success;
}
