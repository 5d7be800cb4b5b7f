import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { type PriceTable, pricesForModel, type TokenPrices } from "@domain-eval/core";
import { loadDocuments, splitDocuments } from "@domain-eval/question-chain";
import type { CorpusChunk, RunSummaryInput } from "@domain-eval/report";
import { ReportError, readQualityReportInput, writeQualityReport } from "@domain-eval/report";
import { type Command, InvalidArgumentError } from "commander";
import { CliError, EXIT } from "../cli-error.js";
import { filePath, type JsonFlag } from "../command-options.js";
import { createOutput } from "../output.js";
import { addPriceOptions, type PriceFlags, readPriceTable } from "../price-options.js";

/** Options of `domain-eval report` (and the report step of `run` and `export --report`). */
export interface ReportOptions {
  questions: string;
  out: string;
  dataset?: string;
  results?: string;
  summary?: string;
  /** The generate summary in memory (`run` has it; files do not store it). */
  runSummary?: RunSummaryInput;
  /** The documents, chunked again with the run's settings, to show chunks nobody asked about. */
  docs?: { dir: string; chunkSize: number; chunkOverlap: number };
  /** Prices per model; the run summary's model picks the entry. */
  prices?: PriceTable;
  argillaUrl?: string;
  title?: string;
}

function pricesOf(table: PriceTable, model: string | undefined): TokenPrices {
  const prices = pricesForModel({ table, model });
  if (!prices) {
    throw new CliError(
      `the price table has no entry for ${model ? `model ${model}` : "this run (its summary names no model)"}: add it, or a "*" entry for any model`,
    );
  }
  return prices;
}

async function corpusOf(docs: NonNullable<ReportOptions["docs"]>): Promise<CorpusChunk[]> {
  if (!existsSync(docs.dir) || !statSync(docs.dir).isDirectory()) {
    throw new CliError(
      `--docs ${docs.dir} is not a folder: pass the folder of documents the questions were generated from`,
    );
  }
  const { documents } = await loadDocuments({ dir: docs.dir });
  const chunks = await splitDocuments({ documents, chunkSize: docs.chunkSize, chunkOverlap: docs.chunkOverlap });
  return chunks.map((c) => ({
    document_id: c.metadata.document_id,
    document_path: c.metadata.document_path,
    chunk_id: c.metadata.chunk_id,
    start: c.metadata.start,
  }));
}

/**
 * `domain-eval report`: one self-contained HTML page (charts as SVG, no script, no network) about a generated exam,
 * from the questions file and, when given, the dataset folder, the evaluation results and the run summary.
 */
export async function runReport(options: ReportOptions): Promise<{ file: string; bytes: number }> {
  try {
    const input = await readQualityReportInput({
      questionsFile: options.questions,
      datasetDir: options.dataset,
      results: options.results,
      summaryFile: options.summary,
    });
    return await writeQualityReport({
      ...input,
      runSummary: options.runSummary ?? input.runSummary,
      corpus: options.docs ? await corpusOf(options.docs) : undefined,
      prices: options.prices ? pricesOf(options.prices, (options.runSummary ?? input.runSummary)?.model) : undefined,
      argillaDatasetUrl: options.argillaUrl,
      title: options.title,
      out: options.out,
    });
  } catch (error) {
    if (error instanceof ReportError) throw new CliError(error.message, EXIT.USAGE, { cause: error });
    throw error;
  }
}

/** `export --report [questions]`: the report inside the dataset folder (`domain-eval export` replaces it with the folder). */
export async function writeExportReport(params: {
  report: string | true;
  questions?: string;
  dir: string;
}): Promise<string> {
  const questions = typeof params.report === "string" ? params.report : params.questions;
  if (typeof questions !== "string") {
    throw new CliError("--report needs the questions file: pass --report questions.jsonl (the file annotate sent)");
  }
  const written = await runReport({ questions, dataset: params.dir, out: join(params.dir, "report.html") });
  return written.file;
}

function wholeNumber(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new InvalidArgumentError(`${name} must be a whole number of at least ${min}`);
    return n;
  };
}

/** Options of `domain-eval report`. */
export interface ReportCommandOptions extends JsonFlag, PriceFlags {
  questions: string;
  out: string;
  dataset?: string;
  results?: string;
  summary?: string;
  docs?: string;
  chunkSize: number;
  chunkOverlap: number;
  argillaUrl?: string;
  title?: string;
}

/** Adds `domain-eval report` to the program. */
export function registerReportCommand(program: Command): void {
  addPriceOptions(program.command("report"))
    .description("one self-contained HTML quality report (charts, no script, opens offline) of a generated exam")
    .requiredOption(
      "--questions <file>",
      "questions.jsonl from generate (questions.dropped.jsonl and questions.validation-dropped.jsonl beside it are read too)",
      filePath("--questions", "questions.jsonl"),
    )
    .option("--dataset <dir>", "dataset folder from export: answer positions, review statistics")
    .option("--results <dir>", "folder written by evaluate (results.json): leaderboard, item analysis")
    .option(
      "--summary <file>",
      "run summary: the output of generate --json or run --json (calls, tokens; the validation's cost)",
      filePath("--summary", "summary.json"),
    )
    .option("--docs <dir>", "the documents, to show the chunks and documents that produced no question")
    .option(
      "--chunk-size <tokens>",
      "chunk size the questions were generated with",
      wholeNumber("--chunk-size", 1),
      600,
    )
    .option("--chunk-overlap <tokens>", "chunk overlap used", wholeNumber("--chunk-overlap", 0), 60)
    .option("--argilla-url <url>", "the Argilla dataset page annotate printed; flagged questions link to it")
    .option("--title <text>", "page title")
    .option("--out <file>", "HTML file to write", filePath("--out", "report.html"), "report.html")
    .option("--json", "print {file, bytes} as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  domain-eval report --questions out/demo/questions.jsonl --dataset out/demo/dataset --out out/demo/report.html\n  domain-eval report --questions q.jsonl --results results/ --summary summary.json --price-input 0.15 --price-output 0.6",
    )
    .action(async (opts: ReportCommandOptions) => {
      const out = createOutput({ json: Boolean(opts.json) });
      const written = await runReport({
        questions: opts.questions,
        out: opts.out,
        dataset: opts.dataset,
        results: opts.results,
        summary: opts.summary,
        docs: opts.docs ? { dir: opts.docs, chunkSize: opts.chunkSize, chunkOverlap: opts.chunkOverlap } : undefined,
        prices: await readPriceTable(opts),
        argillaUrl: opts.argillaUrl,
        title: opts.title,
      });
      out.result(`wrote ${written.file} (${(written.bytes / 1024).toFixed(0)} KiB)`, written);
    });
}
