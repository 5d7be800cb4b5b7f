import {
  assignAnswerPositions,
  type DomainPlugin,
  type ExamItem,
  type ExamQuestion,
  ExamQuestionValidationError,
  JsonlParseError,
  parseExamQuestion,
  readJsonl,
  toExamItem,
} from "@domain-eval/core";
import { CliError, EXIT } from "./cli-error.js";

/** Seed of the choice order; fixed so reruns produce the same dataset. `--seed` overrides it. */
export const DEFAULT_CHOICE_SEED = 1234;

/** Reads and validates a questions.jsonl file; a bad line is an input error naming the line and field. */
export async function readQuestionsFile(file: string): Promise<ExamQuestion[]> {
  const questions: ExamQuestion[] = [];
  try {
    for await (const { value, lineNumber } of readJsonl(file)) {
      questions.push(parseExamQuestion({ value, context: `${file} line ${lineNumber}` }));
    }
  } catch (error) {
    if (error instanceof JsonlParseError || error instanceof ExamQuestionValidationError)
      throw new CliError(error.message, EXIT.USAGE, { cause: error });
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new CliError(`${file} does not exist: create it with domain-eval generate --docs DIR --out ${file}`);
    }
    throw error;
  }
  if (questions.length === 0) throw new CliError(`${file} holds no questions`);
  return questions;
}

/** The subject label of the rows: the domain plugin's, else "general". */
export function subjectFor(domain?: DomainPlugin): string {
  return domain?.subject ?? "general";
}

/**
 * Questions → dataset rows with balanced answer positions over the set. Rows are `unreviewed` until a review says
 * otherwise.
 */
export function questionsToExamItems(params: {
  questions: readonly ExamQuestion[];
  subject: string;
  seed?: number;
}): ExamItem[] {
  const seed = params.seed ?? DEFAULT_CHOICE_SEED;
  const positions = assignAnswerPositions({
    items: params.questions.map((q) => ({ id: q.id, optionCount: q.distractors.length + 1 })),
    seed,
  });
  return params.questions.map((question) =>
    toExamItem({ question, subject: params.subject, seed, answerIndex: positions.get(question.id) }),
  );
}

/**
 * Rows set aside as the few-shot `dev` split: 5 (as MMLU has) once a set is big enough, fewer for tiny sets so the
 * test split keeps most of the questions.
 */
export function devSplitSize(rows: number): number {
  if (rows >= 50) return 5;
  return Math.floor(rows / 10);
}
