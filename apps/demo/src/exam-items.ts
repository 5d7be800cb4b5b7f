import {
  type AnswerRanks,
  answerPositionsInOrder,
  answerRanks,
  assignAnswerPositions,
  type DomainPlugin,
  type ExamItem,
  type ExamQuestion,
  ExamQuestionValidationError,
  isExamQuestion,
  JsonlParseError,
  parseExamQuestion,
  parseJsonlLine,
  readJsonlLines,
  scanJsonlLines,
  toExamItem,
} from "@domain-eval/core";
import { CliError, EXIT } from "./cli-error.js";

/** Seed of the choice order; fixed so reruns produce the same dataset. `--seed` overrides it. */
export const DEFAULT_CHOICE_SEED = 1234;

/** The questions of a questions.jsonl file, validated one line at a time; a bad line is an input error naming it. */
async function* questionsIn(file: string): AsyncGenerator<ExamQuestion> {
  try {
    for await (const { line, lineNumber } of readJsonlLines({ path: file }))
      yield questionOnLine(file, line, lineNumber);
  } catch (error) {
    throw questionsFileError(file, error);
  }
}

/** A bad line or a missing file as the CLI's input error; anything else unchanged. */
export function questionsFileError(file: string, error: unknown): unknown {
  if (error instanceof JsonlParseError || error instanceof ExamQuestionValidationError)
    return new CliError(error.message, EXIT.USAGE, { cause: error });
  if ((error as NodeJS.ErrnoException).code === "ENOENT") {
    return new CliError(`${file} does not exist: create it with domain-eval generate --docs DIR --out ${file}`);
  }
  return error;
}

/** Reads and validates a questions.jsonl file; a bad line is an input error naming the line and field. */
export async function readQuestionsFile(file: string): Promise<ExamQuestion[]> {
  const questions: ExamQuestion[] = [];
  for await (const question of questionsIn(file)) questions.push(question);
  if (questions.length === 0) throw new CliError(`${file} holds no questions`);
  return questions;
}

/**
 * Id and option count of a parsed questions.jsonl line, without validating the rest; a line without them fails with
 * the validator's message naming the line.
 */
function questionShape(value: unknown, context: string): { id: string; optionCount: number } {
  const { id, distractors } = (value ?? {}) as { id?: unknown; distractors?: unknown };
  if (typeof id === "string" && Array.isArray(distractors)) return { id, optionCount: distractors.length + 1 };
  return { id: parseExamQuestion({ value, context }).id, optionCount: 0 };
}

const ID_START = Buffer.from('{"id":"');
const ID_KEY = Buffer.from('"id":');
const DISTRACTORS_START = Buffer.from('"distractors":[');
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const CLOSING_BRACKET = 93;

/**
 * Id and option count of a questions.jsonl line as the tools write it (`{"id":"…",…,"distractors":["…",…],…}`),
 * read from its UTF-8 bytes without decoding or parsing the line; undefined whenever the scan cannot be sure (an
 * escaped id, a second `"id"` or `"distractors"` key anywhere, unexpected spacing), and the line is parsed instead.
 * The second pass parses every line in full and checks it against what this pass saw. (A quote, backslash, bracket or
 * comma byte is never part of a multi-byte UTF-8 character.)
 */
export function scannedShape(line: Buffer): { id: string; optionCount: number } | undefined {
  if (line.length < ID_START.length || line.compare(ID_START, 0, ID_START.length, 0, ID_START.length) !== 0)
    return undefined;
  const idEnd = line.indexOf(QUOTE, ID_START.length);
  if (idEnd < 0) return undefined;
  // An unescaped `"key":` can only be a key; a second one (nested or repeated) would make the scan ambiguous.
  const backslash = line.indexOf(BACKSLASH, ID_START.length);
  if ((backslash >= 0 && backslash < idEnd) || line.includes(ID_KEY, idEnd)) return undefined;
  const listStart = line.indexOf(DISTRACTORS_START, idEnd);
  if (listStart < 0 || line.includes(DISTRACTORS_START, listStart + 1)) return undefined;
  let i = listStart + DISTRACTORS_START.length;
  let count = 0;
  if (line[i] !== CLOSING_BRACKET) {
    for (;;) {
      if (line[i] !== QUOTE) return undefined;
      for (i++; ; i++) {
        const c = line[i];
        if (c === undefined) return undefined;
        if (c === BACKSLASH) i++;
        else if (c === QUOTE) break;
      }
      count++;
      const next = line[i + 1];
      i += 2;
      if (next === CLOSING_BRACKET) break;
      if (next !== COMMA) return undefined;
    }
  }
  return { id: line.toString("utf8", ID_START.length, idEnd), optionCount: count + 1 };
}

/** Ids, option counts and byte offsets of the questions of a questions.jsonl file (or of a byte range of it). */
export interface QuestionShapes {
  ids: string[];
  optionCounts: number[];
  /** Where each question's line starts in the file. */
  offsets: number[];
  /** The ids' ranks for balancing the answer positions (`answerRanks`, with the export's seed). */
  ranks: AnswerRanks;
}

/**
 * The first pass over a questions file: each line's id, option count and offset, without validating the rest, and the
 * ids' ranks for `seed` (the hashes that balance the answer positions: the thread that reads a range ranks its ids).
 * Most lines give them to a scan of their bytes; any other line is decoded and parsed. A line that is not JSON, or lacks an id or
 * distractors, fails with the CLI's input error naming the line (`firstLineNumber` numbers a range's lines).
 */
export async function scanQuestionShapes(params: {
  file: string;
  seed: number;
  start?: number;
  end?: number;
  firstLineNumber?: number;
}): Promise<QuestionShapes> {
  const ids: string[] = [];
  const optionCounts: number[] = [];
  const offsets: number[] = [];
  try {
    await scanJsonlLines({
      path: params.file,
      ...rangeOf(params),
      onLine: (bytes, lineNumber, offset) => {
        let shape = scannedShape(bytes);
        if (shape === undefined) {
          const line = bytes.toString("utf8");
          if (line.trim() === "") return;
          const value = parseJsonlLine({ path: params.file, lineNumber, line });
          shape = questionShape(value, `${params.file} line ${lineNumber}`);
        }
        ids.push(shape.id);
        optionCounts.push(shape.optionCount);
        offsets.push(offset);
      },
    });
  } catch (error) {
    throw questionsFileError(params.file, error);
  }
  return { ids, optionCounts, offsets, ranks: answerRanks({ ids, seed: params.seed }) };
}

function rangeOf(params: { start?: number; end?: number; firstLineNumber?: number }) {
  return { start: params.start, end: params.end, firstLineNumber: params.firstLineNumber };
}

/** The question on one line of a questions file; a bad line fails with the parser's or the schema's error naming it. */
export function questionOnLine(file: string, line: string, lineNumber: number): ExamQuestion {
  const value = parseJsonlLine({ path: file, lineNumber, line });
  // A well-formed line is taken as it stands (plain checks); a bad one is named by the schema.
  return isExamQuestion(value) ? value : parseExamQuestion({ value, context: `${file} line ${lineNumber}` });
}

/** What the second pass checks each line against, and where each answer goes: from the first pass. */
export interface ExpectedRows {
  ids: readonly string[];
  optionCounts: ArrayLike<number>;
  answerIndexes: ArrayLike<number>;
}

/** The refusal when a questions file is not the one the first pass read. */
export function fileChangedError(file: string): CliError {
  return new CliError(`${file} changed while it was exported: run the export again once it is written`);
}

/**
 * The dataset rows of a byte range of a questions file, checked line by line against the first pass (same id, same
 * number of options, no line more or less): the second pass, in whichever thread reads that range. A bad line fails
 * with the CLI's input error naming it.
 */
export async function* examItemsOfRange(params: {
  file: string;
  subject: string;
  seed: number;
  expected: ExpectedRows;
  start?: number;
  end?: number;
  firstLineNumber?: number;
}): AsyncGenerator<ExamItem> {
  const { file, subject, seed, expected } = params;
  let rows = 0;
  try {
    for await (const { line, lineNumber } of readJsonlLines({ path: file, ...rangeOf(params) })) {
      const question = questionOnLine(file, line, lineNumber);
      if (expected.ids[rows] !== question.id || expected.optionCounts[rows] !== question.distractors.length + 1)
        throw fileChangedError(file);
      yield toExamItem({ question, subject, seed, answerIndex: expected.answerIndexes[rows] });
      rows++;
    }
  } catch (error) {
    throw questionsFileError(file, error);
  }
  if (rows !== expected.ids.length) throw fileChangedError(file);
}

/** Answer positions balanced over a questions file's first pass, in line order. */
export function answerIndexesOf(shapes: QuestionShapes, seed: number): Uint16Array {
  return answerPositionsInOrder({ ids: shapes.ids, optionCounts: shapes.optionCounts, seed, ranks: shapes.ranks });
}

/**
 * A questions.jsonl file as dataset rows, streamed: the same rows as {@link questionsToExamItems} over
 * {@link readQuestionsFile}, without holding the questions. The balanced answer positions depend on every id, so a
 * first pass reads only ids and option counts; the second validates each line (a bad line is an input error naming
 * it, raised before the writer has committed anything) and builds its row.
 */
export async function streamQuestionsFileAsExamItems(params: {
  file: string;
  subject: string;
  seed?: number;
}): Promise<{ count: number; items: AsyncIterable<ExamItem> }> {
  const seed = params.seed ?? DEFAULT_CHOICE_SEED;
  const shapes = await scanQuestionShapes({ file: params.file, seed });
  if (shapes.ids.length === 0) throw new CliError(`${params.file} holds no questions`);
  const expected = { ...shapes, answerIndexes: answerIndexesOf(shapes, seed) };
  return {
    count: shapes.ids.length,
    items: examItemsOfRange({ file: params.file, subject: params.subject, seed, expected }),
  };
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
