import { existsSync } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { type DomainPlugin, type ExamQuestion, errorMessage, ifExists, writeJsonl } from "@domain-eval/core";
import {
  createQuestionChain,
  type ExamStats,
  estimateExam,
  generateExam,
  loadDocuments,
  type SkippedFile,
  splitDocuments,
} from "@domain-eval/question-chain";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Command } from "commander";
import { createChatModel, DryRunChatModel, describeModel, disposeChatModel } from "../chat-model.js";
import { CliError, EXIT } from "../cli-error.js";
import { commandContext, interruptSignal } from "../command-context.js";
import { addModelOptions, generateOptions, type JsonFlag, type ModelFlags } from "../command-options.js";
import type { CliOutput } from "../output.js";
import { runValidationStep } from "./validate.js";

/** Options of `domain-eval generate` (and the generate step of `run`). */
export interface GenerateOptions {
  docs: string;
  out: string;
  domain?: DomainPlugin;
  questionsPerChunk: number;
  options: number;
  chunkSize: number;
  chunkOverlap: number;
  concurrency: number;
  maxQuestions?: number;
  maxCalls?: number;
  maxTokens?: number;
  resume: boolean;
  dryRun: boolean;
  language?: string;
}

export interface GenerateSummary {
  out: string | null;
  documents: number;
  skipped: SkippedFile[];
  chunks: number;
  stats?: ExamStats;
  estimate?: { calls: number; maxCalls: number; promptTokens: number; completionTokens: number };
  failures: { chunk_id: string; message: string }[];
  droppedFile?: string;
  journal?: string;
}

/** The journal next to the output file, so `--resume` finds it. */
export function journalPathFor(out: string): string {
  return `${out}.journal.jsonl`;
}

/** Loads and chunks the documents; a missing, empty or all-skipped folder is an input error. */
async function loadCorpus(docs: string, options: GenerateOptions) {
  // Only a missing folder "does not exist": an unreadable one reports its own cause (EACCES).
  const info = await ifExists(stat(docs)).catch((error: unknown) => {
    throw new CliError(`cannot read --docs ${docs} (${errorMessage(error)}): check its permissions`, EXIT.USAGE, {
      cause: error,
    });
  });
  if (!info)
    throw new CliError(`--docs ${docs} does not exist: point it at a folder of .txt, .md, .html, .pdf or .docx files`);
  if (!info.isDirectory()) throw new CliError(`--docs ${docs} is a file: point it at the folder that holds it`);
  const { documents, skipped } = await loadDocuments({ dir: docs });
  if (documents.length === 0) {
    const why = skipped.length > 0 ? ` (${skipped.map((s) => `${s.path}: ${s.reason}`).join("; ")})` : "";
    throw new CliError(`--docs ${docs} holds no usable documents${why}: add .txt, .md, .html, .pdf or .docx files`);
  }
  const chunks = await splitDocuments({ documents, chunkSize: options.chunkSize, chunkOverlap: options.chunkOverlap });
  return { documents, skipped, chunks };
}

/**
 * `domain-eval generate`: documents → checked questions in a JSONL file, with progress, a journal for `--resume`,
 * and `--dry-run` estimates. The output file is replaced only when the run ends; until then the journal holds
 * every finished chunk.
 */
export async function runGenerate(params: {
  options: GenerateOptions;
  model: () => Promise<BaseChatModel>;
  output: CliOutput;
  signal?: AbortSignal;
}): Promise<{ summary: GenerateSummary; exitCode: number; questions: ExamQuestion[] }> {
  const { options, output } = params;
  const { documents, skipped, chunks } = await loadCorpus(options.docs, options);
  for (const s of skipped) output.info(`skipped ${s.path}: ${s.reason}`);
  const journal = journalPathFor(options.out);
  if (!options.dryRun && !options.resume && existsSync(journal)) {
    throw new CliError(
      `${journal} holds an interrupted run: pass --resume to continue it, or delete the file to start over`,
    );
  }
  if (options.resume && !existsSync(journal)) {
    output.info(`no journal at ${journal}: starting a new run`);
  }
  const model = await params.model();
  const chain = createQuestionChain({
    model,
    domain: options.domain,
    questionsPerChunk: options.questionsPerChunk,
    optionsPerQuestion: options.options,
    language: options.language,
  });
  const base: GenerateSummary = {
    out: null,
    documents: documents.length,
    skipped,
    chunks: chunks.length,
    failures: [],
  };

  if (options.dryRun) {
    const estimate = await estimateExam({ chunks, chain });
    return { summary: { ...base, estimate }, exitCode: EXIT.OK, questions: [] };
  }

  const result = await generateExam({
    chunks,
    chain,
    concurrency: options.concurrency,
    budget: { maxQuestions: options.maxQuestions, maxCalls: options.maxCalls, maxTokens: options.maxTokens },
    journalPath: journal,
    resume: options.resume && existsSync(journal),
    signal: params.signal,
    onProgress: (p) => output.progress("generating", p.done, p.total),
  });
  output.endProgress();

  await writeJsonl({ path: options.out, values: result.questions });
  let droppedFile: string | undefined;
  if (result.dropped.length > 0) {
    droppedFile = `${options.out.replace(/\.jsonl$/u, "")}.dropped.jsonl`;
    await writeJsonl({ path: droppedFile, values: result.dropped });
  }
  const complete = result.failures.length === 0 && result.stats.stoppedBy === undefined;
  // A complete run needs no journal; an incomplete one keeps it so --resume continues where it stopped.
  if (complete) await rm(journal, { force: true });
  const summary: GenerateSummary = {
    ...base,
    out: options.out,
    stats: result.stats,
    failures: result.failures.map((f) => ({ chunk_id: f.chunk_id, message: f.message })),
    droppedFile,
    journal: complete ? undefined : journal,
  };
  const exitCode = result.stats.stoppedBy === "aborted" || result.questions.length === 0 ? EXIT.FAILED : EXIT.OK;
  return { summary, exitCode, questions: result.questions };
}

/** Human-readable summary lines of a generate run. */
export function describeGenerateSummary(summary: GenerateSummary): string[] {
  const lines = [`documents: ${summary.documents} (${summary.skipped.length} skipped), chunks: ${summary.chunks}`];
  if (summary.estimate) {
    const e = summary.estimate;
    lines.push(
      `dry run — would make ${e.calls} model calls (at most ${e.maxCalls} with retries), about ${e.promptTokens} prompt + ${e.completionTokens} completion tokens`,
    );
    return lines;
  }
  const s = summary.stats;
  if (!s) return lines;
  const reasons = Object.entries(s.dropReasons)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ${n}`)
    .join(", ");
  lines.push(
    `questions: ${s.questionsKept} kept (${s.questionsFlagged} flagged for review), ${s.questionsDropped} dropped${reasons ? ` (${reasons})` : ""}`,
    `model calls: ${s.calls}, tokens: ${s.promptTokens} prompt + ${s.completionTokens} completion${s.tokensEstimated ? " (partly estimated)" : ""}, time: ${(s.elapsedMs / 1000).toFixed(1)} s`,
  );
  if (s.chunksResumed > 0) lines.push(`resumed: ${s.chunksResumed} chunks taken from the journal`);
  if (summary.failures.length > 0) {
    lines.push(`failed chunks: ${summary.failures.length} (rerun with --resume to retry them)`);
    for (const f of summary.failures.slice(0, 5)) lines.push(`  ${f.chunk_id}: ${f.message}`);
  }
  if (s.stoppedBy) {
    const why = s.stopReason ? ` (${s.stopReason})` : "";
    lines.push(`stopped early: ${s.stoppedBy}${why}${summary.journal ? ` — continue with --resume` : ""}`);
  }
  if (summary.out)
    lines.push(`wrote ${summary.out}${summary.droppedFile ? ` (dropped questions: ${summary.droppedFile})` : ""}`);
  return lines;
}

/** Options of `domain-eval generate`. */
export interface GenerateCommandOptions extends ModelFlags, JsonFlag {
  docs: string;
  out: string;
  dryRun: boolean;
  validate: boolean;
}

/** Adds `domain-eval generate` to the program. */
export function registerGenerateCommand(program: Command): void {
  addModelOptions(
    program
      .command("generate")
      .description("documents → checked multiple-choice questions (questions.jsonl)")
      .requiredOption("--docs <dir>", "folder of .txt, .md, .html, .pdf, .docx documents")
      .option("--out <file>", "questions file to write", "questions.jsonl")
      .option("--dry-run", "load and chunk, list skipped files, estimate calls and tokens; no model is called", false)
      .option(
        "--validate",
        "then validate the questions with the configured model; error findings drop questions",
        false,
      )
      .option("--json", "print the summary as JSON"),
  )
    .addHelpText(
      "after",
      "\nExamples:\n  OPENAI_BASE_URL=http://localhost:8000/v1 DOMAIN_EVAL_MODEL=Qwen/Qwen2.5-7B-Instruct domain-eval generate --docs ./docs --out questions.jsonl\n  domain-eval generate --docs ./docs --dry-run\n  domain-eval generate --docs ./docs --out questions.jsonl --resume   # after an interruption",
    )
    .action(async (opts: GenerateCommandOptions) => {
      const { config, out, domain } = await commandContext(program, opts);
      const dryRun = opts.dryRun;
      let model: BaseChatModel | undefined;
      const signal = interruptSignal((t) => out.info(t));
      const { summary, exitCode, questions } = await runGenerate({
        options: { ...generateOptions(opts, domain), out: opts.out, dryRun },
        // A dry run never calls the model, so it needs none configured.
        model: async () => {
          model =
            dryRun && !config.modelFile && !config.openaiBaseUrl && !config.openaiApiKey
              ? new DryRunChatModel({})
              : await createChatModel(config, {
                  maxOutputTokens: opts.maxOutputTokens,
                  info: (line) => out.info(line),
                });
          return model;
        },
        output: out,
        signal,
      }).finally(() => disposeChatModel(model));
      const validation =
        opts.validate && !dryRun && questions.length > 0
          ? await runValidationStep({
              questionsFile: opts.out,
              questions,
              resume: opts.resume,
              journalPath: `${opts.out}.validation-journal.jsonl`,
              config,
              output: out,
              signal,
            })
          : undefined;
      if (out.json)
        out.result("", validation ? { ...summary, validation: { ...validation, kept: undefined } } : summary);
      else {
        if (!dryRun) out.info(`model: ${describeModel(config)}`);
        for (const line of describeGenerateSummary(summary)) out.info(line);
      }
      process.exitCode = validation?.stoppedBy ? EXIT.FAILED : exitCode;
    });
}
