import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { detectLanguageFromScript, type ExamItem, safeParseExamItem } from "@domain-eval/core";
import { readCardResults } from "./card-results.js";
import { cardInputProblems, type DatasetCardInput, renderDatasetCard } from "./dataset-card.js";
import type { EncodedDatasetPart } from "./dataset-part.js";
import { type DatasetStatistics, DatasetStatisticsAccumulator } from "./dataset-statistics.js";
import { HubPublishError } from "./hub-publish-error.js";
import { knownSecrets, secretLeakIn } from "./secret-guard.js";
import { SplitParquetWriter } from "./split-parquet-writer.js";

/** Rows whose text is read to detect the language when the card does not give it. */
const LANGUAGE_SAMPLE_ROWS = 200;

/** Few-shot rows in the `dev` split unless the caller says otherwise (MMLU uses 5). */
export const DEFAULT_DEV_ROWS = 5;
/** Rows per Parquet row group: small enough for the dataset viewer's first page, large enough to compress well. */
export const DEFAULT_ROW_GROUP_SIZE = 1000;

/** File names as `datasets` writes them, so the Hub and `datasets` recognise the layout. */
export const SPLIT_FILE_PATHS = {
  test: "data/test-00000-of-00001.parquet",
  dev: "data/dev-00000-of-00001.parquet",
} as const;

/**
 * Whether a text holds a lone UTF-16 surrogate: `String.prototype.isWellFormed` (Node 20 on; not in TypeScript's
 * ES2023 lib yet), ~10× faster than a `/[\uD800-\uDFFF]/u` test on the export's texts.
 */
function hasLoneSurrogate(text: string): boolean {
  return !(text as string & { isWellFormed(): boolean }).isWellFormed();
}

/** What {@link writeDatasetFolder} wrote. */
export interface DatasetFolder {
  /** Absolute path of the dataset folder. */
  dir: string;
  /** Files in the folder, relative, `/`-separated, sorted: `README.md`, `data/…parquet`. */
  files: string[];
  /** Rows per split. */
  splits: { test: number; dev: number };
  /** Rows per correct-answer letter over all splits, e.g. `{ A: 26, B: 25, C: 25, D: 24 }`. */
  answerDistribution: Record<string, number>;
  /** Class-label names of `answer`. */
  classLabelNames: string[];
  /** Everything the card reports, computed from the rows. */
  statistics: DatasetStatistics;
}

/** The only entries a folder may hold for {@link writeDatasetFolder} to replace it. */
async function datasetFolderProblems(dir: string): Promise<string[] | "missing"> {
  let entries: string[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) {
      throw new HubPublishError({
        reason: "not-a-dataset-folder",
        message: `${dir} is a file, not a folder: choose a folder path for the dataset`,
      });
    }
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw error;
  }
  // report.html: the quality report `domain-eval export --report` writes beside the data (never published)
  const unexpected = entries.filter((name) => name !== "README.md" && name !== "data" && name !== "report.html");
  if (entries.includes("data")) {
    const dataDir = join(dir, "data");
    if (!(await stat(dataDir)).isDirectory()) unexpected.push("data (a file)");
    else {
      for (const name of await readdir(dataDir)) if (!name.endsWith(".parquet")) unexpected.push(`data/${name}`);
    }
  }
  return unexpected;
}

function itemProblem(value: unknown, index: number): { item?: ExamItem; message?: string } {
  const parsed = safeParseExamItem(value);
  if (parsed.success) return { item: parsed.data };
  const id = (value as { id?: unknown } | null)?.id;
  const where = `item ${index + 1}${typeof id === "string" ? ` (id "${id}")` : ""}`;
  const issues = parsed.issues.map((issue) => `${issue.path || "(row)"}: ${issue.message}`).join("; ");
  return {
    message: `${where} is not a valid dataset row: ${issues}. Build rows with toExamItem() from @domain-eval/core`,
  };
}

/** Every string value of a nested object with its dotted path. */
function stringLeaves(value: unknown, path: string): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, `${path}[${i}]`));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, v]) => stringLeaves(v, path ? `${path}.${key}` : key));
  }
  return [];
}

/** Why a text cannot be written (a lone surrogate or a secret), or undefined. */
type TextProblem = (text: string) => string | undefined;

/**
 * The first string of a row that has a problem, with its dotted path. Walks the row without building the list of
 * paths: every row is checked, and paths are only needed for the one that fails (this walk is on the export's hot path).
 */
function firstTextProblem(value: unknown, problem: TextProblem): { path: string; reason: string } | undefined {
  const failing = (v: unknown): boolean => {
    if (typeof v === "string") return problem(v) !== undefined;
    if (Array.isArray(v)) {
      for (const element of v) if (failing(element)) return true;
      return false;
    }
    if (v !== null && typeof v === "object") {
      for (const key in v) if (failing((v as Record<string, unknown>)[key])) return true;
    }
    return false;
  };
  if (!failing(value)) return undefined;
  for (const [path, text] of stringLeaves(value, "")) {
    const reason = problem(text);
    if (reason !== undefined) return { path, reason };
  }
  return undefined;
}

/** Why a text cannot be written: a lone surrogate or a secret. */
function textProblemWith(secrets: readonly string[]): TextProblem {
  return (text) => {
    if (hasLoneSurrogate(text)) {
      return "holds a lone UTF-16 surrogate (text cut in the middle of a character), which UTF-8 files cannot store: fix the text";
    }
    const leak = secretLeakIn(text, secrets);
    return leak === undefined ? undefined : `cannot be published: ${leak}`;
  };
}

/**
 * The checks every row of a dataset passes before it is written, wherever it is encoded: a valid row (the schema's
 * copy of it), an id no earlier row has, no text that UTF-8 cannot store or that holds a secret. Errors name the row
 * by its place in the whole dataset.
 */
export class RowChecks {
  readonly #textProblem: TextProblem;
  readonly #ids = new Set<string>();

  constructor(secrets: readonly string[] = knownSecrets()) {
    this.#textProblem = textProblemWith(secrets);
  }

  /** The row to write for `value`, the dataset's row `index` (from 0). @throws TypeError naming the row and field. */
  check(value: unknown, index: number): ExamItem {
    const { item, message } = itemProblem(value, index);
    if (!item) throw new TypeError(message);
    this.addIds([item.id], index);
    const bad = firstTextProblem(item, this.#textProblem);
    if (bad) throw new TypeError(`item ${index + 1} (id "${item.id}") field ${bad.path} ${bad.reason}`);
    return item;
  }

  /** Takes the ids of rows checked elsewhere, the first at row `firstIndex`. @throws TypeError for a repeated id. */
  addIds(ids: readonly string[], firstIndex: number): void {
    const seen = this.#ids;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as string;
      const before = seen.size;
      seen.add(id);
      if (seen.size === before) {
        throw new TypeError(
          `item ${firstIndex + i + 1} repeats id "${id}": ids must be unique; drop or rename the duplicate`,
        );
      }
    }
  }

  /** Ids of the rows checked so far, in order. */
  ids(): string[] {
    return [...this.#ids];
  }
}

/**
 * Writes exam rows as a dataset folder the Hub, `datasets`, LightEval and lm-evaluation-harness load as is:
 * `data/test-00000-of-00001.parquet` (evaluation), `data/dev-00000-of-00001.parquet` (the first `splits.dev` rows, for
 * few-shot prompts) and a `README.md` card whose numbers come from the rows.
 *
 * Rows are streamed: each split is written one row group at a time, so an async iterable of 100,000 rows never sits
 * in memory. Everything is written into a temporary sibling folder and moved into place at the end: a failure (a bad
 * row, a full disk) leaves a dataset already at `dir` untouched. A `dir` holding anything other than a dataset
 * (`README.md`, `data/*.parquet`) is refused, never overwritten. The card's Results section (written by
 * `domain-eval evaluate`) is kept when a dataset is written again, unless `card.results` replaces it. Rows or card text containing an access token are
 * refused.
 *
 * @throws TypeError for a bad card, a bad row (naming the row and field) or duplicate ids; Error for an unsafe `dir`.
 * @example
 * const folder = await writeDatasetFolder({
 *   items: readReviewedRecords({ ... }),            // or an array of ExamItem
 *   dir: "out/acme-exam",
 *   splits: { dev: 5 },
 *   card: { prettyName: "Acme Treasury Exam", license: "cc-by-4.0", language: "en", review: { discarded: 3 } },
 * });
 * console.log(folder.splits, folder.answerDistribution); // { test: 95, dev: 5 } { A: 25, B: 25, C: 25, D: 25 }
 */
export async function writeDatasetFolder(params: {
  /** The rows, in order; the first `splits.dev` become the few-shot split. Arrays, generators and async streams work. */
  items: Iterable<ExamItem> | AsyncIterable<ExamItem>;
  /** Folder to write; created if missing, replaced if it already holds a dataset. */
  dir: string;
  /** Split sizes. `dev`: rows for few-shot examples, taken from the start of `items` (default 5; 0 for none). */
  splits?: { dev?: number };
  /**
   * What the rows do not say: title, license, language, sources, limitations, evaluation command.
   * `card.review.discarded` is read once the last row is written, so a stream can count discards while it is read
   * (a getter works).
   */
  card: DatasetCardInput;
  /** Rows per Parquet row group (default 1000); also how often `onProgress` is called. */
  rowGroupSize?: number;
  /**
   * Test-split rows checked and encoded elsewhere, e.g. in worker threads with {@link DatasetPartEncoder}: each part
   * follows `items` (and the parts before it) in the dataset, so its `firstIndex` is the number of rows before it.
   * Their row groups go into the test file as encoded, their ids and counts join the card's; a part that rejects
   * fails the write like a bad row. A part whose rows start at a row-group boundary gives the very bytes the same
   * rows would give through `items`.
   */
  encodedParts?: readonly PromiseLike<EncodedDatasetPart>[];
  /** Called after every `rowGroupSize` rows with the number of rows written so far. */
  onProgress?: (progress: { rows: number }) => void;
}): Promise<DatasetFolder> {
  const encodedParts = params.encodedParts ?? [];
  // A part that fails while the rows before it are still being written is reported when its turn comes (or not at
  // all when the write fails first), never as an unhandled rejection.
  for (const part of encodedParts) Promise.resolve(part).catch(() => undefined);
  const devRows = params.splits?.dev ?? DEFAULT_DEV_ROWS;
  const rowGroupSize = params.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE;
  const problems = cardInputProblems(params.card, { languageRequired: false });
  if (!Number.isInteger(devRows) || devRows < 0) {
    problems.push(`splits.dev must be a non-negative integer (rows for few-shot examples), got ${devRows}`);
  }
  if (!Number.isInteger(rowGroupSize) || rowGroupSize < 1) {
    problems.push(`rowGroupSize must be a positive integer, got ${rowGroupSize}`);
  }
  if (typeof params.dir !== "string" || params.dir.trim() === "") problems.push("dir must be the folder to write");
  const secrets = knownSecrets();
  for (const [path, text] of stringLeaves(params.card, "card")) {
    const leak = secretLeakIn(text, secrets);
    if (leak) problems.push(`${path} cannot be written: ${leak}; remove it`);
  }
  if (problems.length > 0) throw new TypeError(`cannot write the dataset folder: ${problems.join("; ")}`);

  const dir = resolve(params.dir);
  const existing = await datasetFolderProblems(dir);
  if (existing !== "missing" && existing.length > 0) {
    throw new HubPublishError({
      reason: "not-a-dataset-folder",
      message:
        `${dir} already exists and is not a dataset folder (it holds ${existing.slice(0, 5).join(", ")}${existing.length > 5 ? ", …" : ""}): ` +
        "choose a new or empty folder, or move those files away; only a folder holding README.md and data/*.parquet is replaced",
    });
  }

  await mkdir(dirname(dir), { recursive: true });
  const suffix = randomBytes(6).toString("hex");
  const staging = join(dirname(dir), `.${basename(dir)}.writing-${suffix}`);
  await mkdir(join(staging, "data"), { recursive: true });

  const checks = new RowChecks(secrets);
  const writers: { test?: SplitParquetWriter; dev?: SplitParquetWriter } = {};
  let finished = false;
  try {
    const statistics = new DatasetStatisticsAccumulator();
    // Texts to read the language from when the card does not give it; the first rows are enough.
    const languageSample: string[] = [];
    let index = 0;
    for await (const value of params.items) {
      const item = checks.check(value, index);
      const split = index < devRows ? "dev" : "test";
      writers[split] ??= new SplitParquetWriter({ path: join(staging, SPLIT_FILE_PATHS[split]), rowGroupSize });
      writers[split].add(item);
      statistics.add(item, split);
      if (params.card.language === undefined && index < LANGUAGE_SAMPLE_ROWS) {
        languageSample.push(item.question, ...item.choices);
      }
      index++;
      if (index % rowGroupSize === 0) params.onProgress?.({ rows: index });
    }
    for (const pending of encodedParts) {
      const part = await pending;
      if (part.firstIndex !== index || part.rowGroupSize !== rowGroupSize || index < devRows) {
        throw new TypeError(
          `encodedParts: a part must follow the rows before it in the test split, encoded with rowGroupSize ${rowGroupSize}; ` +
            `this one starts at item ${part.firstIndex + 1} (rowGroupSize ${part.rowGroupSize}) after ${index} item(s), ${devRows} of them for the dev split`,
        );
      }
      checks.addIds(part.ids, index);
      writers.test ??= new SplitParquetWriter({ path: join(staging, SPLIT_FILE_PATHS.test), rowGroupSize });
      writers.test.appendEncoded(part.rowGroups);
      statistics.merge(part.statistics);
      index += part.rows;
      params.onProgress?.({ rows: index });
    }
    if (!writers.test) {
      throw new TypeError(
        `no rows left for the test split: got ${index} item(s) and the dev split takes the first ${devRows}; ` +
          "pass more items or a smaller splits.dev",
      );
    }
    const stats = statistics.result({ discarded: params.card.review?.discarded });
    for (const writer of [writers.test, writers.dev]) writer?.finish({ classLabelNames: stats.classLabelNames });
    finished = true;

    const language = params.card.language ?? detectLanguageFromScript({ texts: languageSample });
    if (language === undefined) {
      throw new TypeError(
        'card.language is not set and the questions\' script does not tell their language (Latin and Cyrillic are shared by many): set card.language, e.g. "en" or "de"',
      );
    }
    // A Results section (from `domain-eval evaluate`) in the card being replaced is kept unless new results are given.
    const keptResults =
      params.card.results === undefined && existing !== "missing"
        ? await readFile(join(dir, "README.md"), "utf8").then(
            (readme) => readCardResults({ readme }),
            () => null,
          )
        : null;
    const card = { ...params.card, language, ...(keptResults ? { results: keptResults } : {}) };
    const readme = renderDatasetCard({ card, statistics: stats });
    await writeFile(join(staging, "README.md"), readme, "utf8");

    await moveIntoPlace(staging, dir, existing === "missing");
    if (index % rowGroupSize !== 0 && encodedParts.length === 0) params.onProgress?.({ rows: index });
    const files = ["README.md", ...(writers.dev ? [SPLIT_FILE_PATHS.dev] : []), SPLIT_FILE_PATHS.test];
    return {
      dir,
      files,
      splits: { test: stats.splits.test.rows, dev: stats.splits.dev.rows },
      answerDistribution: stats.answerDistribution,
      classLabelNames: stats.classLabelNames,
      statistics: stats,
    };
  } catch (error) {
    if (!finished) for (const writer of [writers.test, writers.dev]) writer?.abort();
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Replaces `dir` with `staging`; if the swap fails half way, the previous dataset is put back. */
async function moveIntoPlace(staging: string, dir: string, dirIsMissing: boolean): Promise<void> {
  if (dirIsMissing) {
    await rename(staging, dir);
    return;
  }
  const previous = `${staging}-previous`;
  await rename(dir, previous);
  try {
    await rename(staging, dir);
  } catch (error) {
    await rename(previous, dir);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}
