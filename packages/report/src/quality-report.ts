import { statSync } from "node:fs";
import { mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { droppedFileFor, errorMessage, ifExists, readJsonl, validationDroppedFileFor } from "@domain-eval/core";
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } from "hyparquet";
import { collectReportData } from "./collect-report-data.js";
import { renderReportHtml } from "./render-report-html.js";
import { renderReportCharts } from "./report-charts.js";
import { ReportError, type ReportErrorCode } from "./report-error.js";
import type { DatasetRowInput, EvaluationResultsInput, QualityReportInput, RunSummaryInput } from "./report-input.js";

/**
 * Renders the quality report of a generated exam as one self-contained HTML page: charts are rendered to SVG by
 * Vega at build time, so the page has no script, loads nothing from the network, opens from disk and prints well.
 * Every text from the inputs is escaped. The size is bounded: tables are capped and scatter plots sampled
 * (`limits`), and both say how much is left out.
 *
 * @example
 * const html = await renderQualityReport({
 *   questions: [{ id: "q1", question: "What rose?", answer: "The margin", distractors: ["Costs", "Tax", "Debt"], citations: [] }],
 *   datasetRows: [{ id: "q1", choices: ["Costs", "The margin", "Tax", "Debt"], answer: 1, review_status: "submitted", reviewer_count: 1, agreement: 1 }],
 * });
 */
export async function renderQualityReport(params: QualityReportInput): Promise<string> {
  const data = await collectReportData(params);
  const charts = await renderReportCharts(data);
  return renderReportHtml({ data, charts });
}

/** Paths in the header are relative to the working folder when inside it, so a shared report shows no home folder. */
function shownPath(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const rel = relative(process.cwd(), resolve(path));
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

// The names of the files beside a questions file are core's (generate and validate write them); re-exported here.
export { droppedFileFor, validationDroppedFileFor };

/** False only when the path does not exist; an unreadable one (EACCES) is a ReportError with its cause. */
function pathExists(path: string, code: ReportErrorCode): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch (error) {
    throw new ReportError({
      code,
      message: `cannot read ${path} (${errorMessage(error)}): check its permissions`,
      cause: error,
    });
  }
}

async function* jsonlValues(file: string, code: "QUESTIONS_UNREADABLE"): AsyncGenerator<unknown> {
  try {
    for await (const { value } of readJsonl(file)) yield value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new ReportError({
        code,
        message: `${file} does not exist: pass the questions.jsonl written by domain-eval generate`,
      });
    }
    throw new ReportError({ code, message: `${file} cannot be read: ${(error as Error).message}`, cause: error });
  }
}

const DATASET_COLUMNS = ["id", "choices", "answer", "review_status", "reviewer_count", "agreement"];

async function* datasetRowsFrom(dir: string): AsyncGenerator<DatasetRowInput> {
  const dataDir = join(dir, "data");
  const names = await ifExists(readdir(dataDir)).catch((error: unknown) => {
    throw new ReportError({
      code: "DATASET_UNREADABLE",
      message: `cannot read dataset ${dir} (${errorMessage(error)}): check the folder's permissions`,
      cause: error,
    });
  });
  const files = (names ?? []).filter((f) => f.endsWith(".parquet")).sort();
  if (files.length === 0) {
    throw new ReportError({
      code: "DATASET_UNREADABLE",
      message: `${dir} holds no data/*.parquet: pass a dataset folder written by domain-eval export`,
    });
  }
  // test first, then dev: the order does not matter for counts
  for (const name of files) {
    const path = join(dataDir, name);
    try {
      const file = await asyncBufferFromFile(path);
      const metadata = await parquetMetadataAsync(file);
      const present = new Set(parquetSchema(metadata).children.map((c) => c.element.name));
      const missing = ["id", "choices", "answer"].filter((c) => !present.has(c));
      if (missing.length > 0) {
        throw new Error(`it has no ${missing.join(", ")} column: is it an exam dataset written by domain-eval export?`);
      }
      const rows = await parquetReadObjects({
        file,
        metadata,
        columns: DATASET_COLUMNS.filter((c) => present.has(c)),
      });
      for (const row of rows) {
        yield {
          id: String(row.id),
          choices: (row.choices as unknown[]).map(String),
          answer: Number(row.answer),
          review_status: row.review_status as string | null | undefined,
          reviewer_count:
            row.reviewer_count === undefined || row.reviewer_count === null ? null : Number(row.reviewer_count),
          agreement: row.agreement === undefined || row.agreement === null ? null : Number(row.agreement),
        };
      }
    } catch (error) {
      if (error instanceof ReportError) throw error;
      throw new ReportError({
        code: "DATASET_UNREADABLE",
        message: `${path} cannot be read: ${(error as Error).message}`,
        cause: error,
      });
    }
  }
}

async function readJsonFile(path: string, code: "RESULTS_UNREADABLE" | "SUMMARY_UNREADABLE", fix: string) {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new ReportError({
      code,
      message: `${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}): ${fix}`,
      cause: error,
    });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ReportError({
      code,
      message: `${path} is not valid JSON (${(error as Error).message}): ${fix}`,
      cause: error,
    });
  }
}

/** Reads `results.json` from a results folder (or the file itself) and checks its format. */
export async function readEvaluationResults(params: { path: string }): Promise<EvaluationResultsInput> {
  const info = await stat(params.path).catch(() => undefined);
  const file = info?.isDirectory() ? join(params.path, "results.json") : params.path;
  const fix = "pass the folder domain-eval evaluate wrote (it holds results.json)";
  const value = (await readJsonFile(file, "RESULTS_UNREADABLE", fix)) as Partial<EvaluationResultsInput> | null;
  if (value?.format !== "domain-eval/results@1" || !Array.isArray(value.models) || !Array.isArray(value.items)) {
    throw new ReportError({
      code: "RESULTS_UNREADABLE",
      message: `${file} is not a domain-eval results file (format "domain-eval/results@1" with models and items): ${fix}`,
    });
  }
  return value as EvaluationResultsInput;
}

/** Reads a run summary: the JSON of `generate --json`, or of `run --json` (its `generate` part). */
export async function readRunSummary(params: { path: string }): Promise<RunSummaryInput> {
  const fix = "save it with domain-eval generate --json > summary.json";
  const value = (await readJsonFile(params.path, "SUMMARY_UNREADABLE", fix)) as Record<string, unknown> | null;
  // `run --json` holds the generate summary under `generate` and the validation step beside it
  const run = value && typeof value.generate === "object" ? value : undefined;
  const summary = (
    run
      ? { ...(run.generate as object), ...(typeof run.validation === "object" ? { validation: run.validation } : {}) }
      : value
  ) as RunSummaryInput | null;
  if (!summary || typeof summary !== "object" || (summary.documents === undefined && summary.stats === undefined)) {
    throw new ReportError({ code: "SUMMARY_UNREADABLE", message: `${params.path} is not a generate summary: ${fix}` });
  }
  return summary;
}

/**
 * The report's input from files: questions.jsonl (streamed; questions.dropped.jsonl and
 * questions.validation-dropped.jsonl beside it when present), a
 * dataset folder (its Parquet rows), a results folder (results.json) and a run summary, each optional but the first.
 *
 * @example
 * const input = await readQualityReportInput({ questionsFile: "out/questions.jsonl", datasetDir: "out/dataset" });
 * await writeQualityReport({ ...input, out: "out/report.html" });
 */
export async function readQualityReportInput(params: {
  questionsFile: string;
  /** Default: questions.dropped.jsonl beside the questions file, when it exists. */
  droppedFile?: string;
  /** Default: questions.validation-dropped.jsonl beside the questions file, when it exists. */
  validationDroppedFile?: string;
  datasetDir?: string;
  /** A folder holding results.json, or the file. */
  results?: string;
  summaryFile?: string;
}): Promise<QualityReportInput> {
  if (!pathExists(params.questionsFile, "QUESTIONS_UNREADABLE")) {
    throw new ReportError({
      code: "QUESTIONS_UNREADABLE",
      message: `${params.questionsFile} does not exist: pass the questions.jsonl written by domain-eval generate`,
    });
  }
  const droppedFile = params.droppedFile ?? droppedFileFor(params.questionsFile);
  const validationDroppedFile = params.validationDroppedFile ?? validationDroppedFileFor(params.questionsFile);
  if (params.datasetDir && !pathExists(params.datasetDir, "DATASET_UNREADABLE")) {
    throw new ReportError({
      code: "DATASET_UNREADABLE",
      message: `${params.datasetDir} does not exist: pass a dataset folder written by domain-eval export`,
    });
  }
  return {
    questions: jsonlValues(params.questionsFile, "QUESTIONS_UNREADABLE"),
    dropped: pathExists(droppedFile, "QUESTIONS_UNREADABLE")
      ? jsonlValues(droppedFile, "QUESTIONS_UNREADABLE")
      : undefined,
    validationDropped: pathExists(validationDroppedFile, "QUESTIONS_UNREADABLE")
      ? jsonlValues(validationDroppedFile, "QUESTIONS_UNREADABLE")
      : undefined,
    datasetRows: params.datasetDir ? datasetRowsFrom(params.datasetDir) : undefined,
    results: params.results ? await readEvaluationResults({ path: params.results }) : undefined,
    runSummary: params.summaryFile ? await readRunSummary({ path: params.summaryFile }) : undefined,
    sources: {
      questions: shownPath(params.questionsFile),
      dataset: shownPath(params.datasetDir),
      results: shownPath(params.results),
      summary: shownPath(params.summaryFile),
    },
  };
}

/**
 * Renders the report and writes it atomically (a temporary file renamed into place).
 *
 * @example
 * const { file, bytes } = await writeQualityReport({ ...input, out: "out/report.html" });
 */
export async function writeQualityReport(
  params: QualityReportInput & { out: string },
): Promise<{ file: string; bytes: number }> {
  const { out, ...input } = params;
  const html = await renderQualityReport(input);
  const file = resolve(out);
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, html, "utf8");
  await rename(temporary, file);
  return { file, bytes: Buffer.byteLength(html) };
}
