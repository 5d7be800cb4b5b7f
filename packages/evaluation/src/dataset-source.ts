import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { errorMessage, ifExists } from "@domain-eval/core";
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } from "hyparquet";
import { EvaluationError } from "./evaluation-error.js";
import type { AnalysedQuestion } from "./item-analysis.js";

/** Columns the generated task file reads from every row. */
export const REQUIRED_COLUMNS = ["question", "choices", "answer"] as const;

/** The dataset being evaluated, checked before any model runs. */
export interface DatasetSource {
  /** Absolute folder, or the Hub id. */
  location: string;
  isLocal: boolean;
  /** Name for task names and tables: the folder name or the repo name. */
  name: string;
  /**
   * Content hash of the Parquet files (`sha256:` + hex, local folders) or the pinned Hub revision; null for an
   * unpinned Hub dataset (then nothing is reused from the results cache).
   */
  revision: string | null;
  /** The evaluated (test) split's questions in file order; empty for a Hub dataset (read from LightEval's details). */
  questions: AnalysedQuestion[];
}

function invalid(message: string, cause?: unknown): never {
  throw new EvaluationError({ code: "INVALID_DATASET", message, cause });
}

/** The .parquet files of a dataset's data/ folder; none when it is missing, the real cause when it is unreadable. */
async function parquetFilesIn(dataDir: string, given: string): Promise<string[]> {
  const names = await ifExists(readdir(dataDir)).catch((error: unknown) =>
    invalid(`cannot read dataset ${given} (${errorMessage(error)}): check the folder's permissions`, error),
  );
  return (names ?? []).filter((f) => f.endsWith(".parquet")).sort();
}

async function sha256Files(paths: readonly string[], root: string): Promise<string> {
  const hash = createHash("sha256");
  for (const path of paths) {
    hash.update(`${path.slice(root.length + 1)}\0`);
    await pipeline(createReadStream(path), hash, { end: false });
    hash.update("\0");
  }
  return `sha256:${hash.digest("hex")}`;
}

/**
 * Checks a dataset folder (as `writeDatasetFolder` / `domain-eval export` write it: `data/test-*.parquet` with
 * `question`, `choices`, `answer`) and reads what evaluation needs from it: the questions' ids and keys, their
 * closed-book validation rate if present, and a content hash of the Parquet files that identifies this revision.
 * A Hub id (`owner/name`) is passed through; LightEval loads it.
 *
 * @throws {EvaluationError} `INVALID_DATASET`, one line naming what is missing.
 * @example
 * const dataset = await readDatasetSource({ dataset: "out/acme-exam" });
 * console.log(dataset.questions.length, dataset.revision); // 95 sha256:…
 */
export async function readDatasetSource(params: {
  /** Dataset folder, or Hub dataset id `owner/name`. */
  dataset: string;
  /** Hub revision (commit) to pin, for a Hub id. */
  revision?: string;
}): Promise<DatasetSource> {
  const given = params.dataset;
  if (typeof given !== "string" || given.trim() === "")
    invalid("--dataset is empty: pass a dataset folder or owner/name");
  const found = (() => {
    try {
      return statSync(given, { throwIfNoEntry: false });
    } catch (error) {
      return invalid(`cannot read dataset ${given} (${errorMessage(error)}): check its permissions`, error);
    }
  })();
  if (!found) {
    if (/^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/u.test(given) && !given.startsWith(".")) {
      return {
        location: given,
        isLocal: false,
        name: given.split("/")[1] as string,
        revision: params.revision ?? null,
        questions: [],
      };
    }
    invalid(`dataset ${given} does not exist: pass the folder \`domain-eval export\` wrote, or a Hub id owner/name`);
  }
  const dir = resolve(given);
  if (!(await stat(dir)).isDirectory())
    invalid(`dataset ${given} is a file: pass the dataset folder (the one holding data/)`);
  if (params.revision) invalid("--revision applies to Hub datasets only: drop it for a local folder");
  const dataDir = join(dir, "data");
  const parquet = await parquetFilesIn(dataDir, given);
  if (parquet.length === 0) {
    invalid(`${given} is not a dataset folder: no data/*.parquet files (write one with \`domain-eval export\`)`);
  }
  const testFiles = parquet.filter((f) => f.startsWith("test"));
  if (testFiles.length === 0) {
    invalid(`${given} has no test split: no data/test-*.parquet file (found ${parquet.join(", ")})`);
  }
  const questions: AnalysedQuestion[] = [];
  for (const file of testFiles) {
    const buffer = await asyncBufferFromFile(join(dataDir, file));
    const metadata = await parquetMetadataAsync(buffer);
    const columns = parquetSchema(metadata).children.map((c) => c.element.name);
    const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
    if (missing.length > 0) {
      invalid(
        `data/${file} lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (it has ${columns.join(", ")}): evaluate reads question, choices and answer`,
      );
    }
    const wanted = ["answer", ...["id", "validation_closed_book"].filter((c) => columns.includes(c))];
    const rows = (await parquetReadObjects({ file: buffer, columns: wanted })) as Record<string, unknown>[];
    for (const row of rows) {
      const index = questions.length;
      const answer = Number(row.answer);
      if (!Number.isInteger(answer) || answer < 0) {
        invalid(
          `data/${file} row ${index} has answer ${String(row.answer)}: answer must be the index of the correct option`,
        );
      }
      const rate = row.validation_closed_book;
      questions.push({
        id: typeof row.id === "string" && row.id !== "" ? row.id : `row-${index}`,
        gold: answer,
        closedBookRate: typeof rate === "number" ? rate : null,
      });
    }
  }
  if (questions.length === 0) invalid(`${given} has an empty test split: export some questions first`);
  return {
    location: dir,
    isLocal: true,
    name: basename(dir),
    revision: await sha256Files(
      parquet.map((f) => join(dataDir, f)),
      dir,
    ),
    questions,
  };
}
