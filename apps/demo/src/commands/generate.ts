import { existsSync } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import {
  type CostAmount,
  costOf,
  type DomainPlugin,
  droppedFileFor,
  type ExamQuestion,
  errorMessage,
  formatCost,
  ifExists,
  type PriceTable,
  pricesForModel,
  type TokenPrices,
  writeJsonl,
} from "@domain-eval/core";
import {
  createQuestionChain,
  type ExamStats,
  estimateExam,
  type GenerateExamResult,
  generateExam,
  loadDocuments,
  type QuestionChain,
  type SkippedFile,
  splitDocuments,
} from "@domain-eval/question-chain";
import type { UsageByMode } from "@domain-eval/question-chain/batch";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Command } from "commander";
import {
  addBatchOptions,
  type BatchFlags,
  type BatchSettings,
  batchSettingsFrom,
  runBatchGeneration,
} from "../batch-generation.js";
import {
  createChatModel,
  DEFAULT_EMBEDDED_MODEL,
  DryRunChatModel,
  describeModel,
  disposeChatModel,
  endpointChatModel,
  HOW_TO_USE_A_REAL_MODEL,
  usesEmbeddedModel,
} from "../chat-model.js";
import { CliError, EXIT } from "../cli-error.js";
import { commandContext, interruptSignal, knownSecretValues } from "../command-context.js";
import { addModelOptions, generateOptions, type JsonFlag, type ModelFlags } from "../command-options.js";
import type { CliConfig } from "../config.js";
import type { CliOutput } from "../output.js";
import { addPriceOptions, type PriceFlags, readPriceTable } from "../price-options.js";
import { runValidationStep, type ValidationStepSummary } from "./validate.js";

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
  /** Send the requests as batch jobs, write them to a file, or read a results file (`--batch*`). */
  batch?: BatchSettings;
  /** Prices per model (`--prices`): the dry run's estimate and the run's spend in money. */
  prices?: PriceTable;
  /** The model id the price table is looked up with (the configured one). */
  pricingModel?: string;
}

/** Money: the dry run's estimate for both ways of sending, the estimate for the way used, and what was spent. */
export interface GenerateCost {
  /** The model the prices are for. */
  model?: string;
  estimateSync?: CostAmount;
  estimateBatch?: CostAmount;
  /** The estimate for the way the run sent its requests. */
  estimate?: CostAmount;
  /** What the run spent: batch tokens at the batch price, synchronous ones at the full price. */
  spend?: CostAmount;
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
  /** The configured model id (prices are looked up with it). */
  model?: string;
  /** How the requests were sent. */
  mode?: "sync" | "batch";
  cost?: GenerateCost;
  /** Batches of a `--batch` run: created now, picked up from the journal, still running when it stopped. */
  batches?: { submitted: string[]; resumed: string[]; running: string[] };
  /** Request files written by `--batch-file-only`. */
  batchFiles?: { path: string; requests: number; bytes: number }[];
}

/** The prices of the configured model in the `--prices` table; an error when the table has none for it. */
function pricesFor(options: GenerateOptions): TokenPrices | undefined {
  if (!options.prices) return undefined;
  const prices = pricesForModel({ table: options.prices, model: options.pricingModel });
  if (!prices) {
    throw new CliError(
      `--prices has no entry for model ${options.pricingModel ?? "(none configured)"}: add it, or a "*" entry for any model`,
    );
  }
  return prices;
}

/** Tokens of the run at their price: synchronous calls at the full price, batch ones (and resumed ones) discounted. */
function spendOf(prices: TokenPrices, stats: ExamStats, usage: UsageByMode | undefined, batch: boolean): CostAmount {
  if (!batch || !usage) {
    return costOf({ prices, promptTokens: stats.promptTokens, completionTokens: stats.completionTokens });
  }
  const sync = costOf({ prices, promptTokens: usage.sync.promptTokens, completionTokens: usage.sync.completionTokens });
  const batched = costOf({
    prices,
    promptTokens: stats.promptTokens - usage.sync.promptTokens,
    completionTokens: stats.completionTokens - usage.sync.completionTokens,
    batch: true,
  });
  return { amount: sync.amount + batched.amount, currency: sync.currency };
}

/** The journal next to the output file, so `--resume` finds it. */
export function journalPathFor(out: string): string {
  return `${out}.journal.jsonl`;
}

/**
 * Checks `--out` before any model call: a folder is an input error (the questions would be lost after all the calls),
 * and missing parent folders are created (so the journal can be written), unless nothing is written (`create` false).
 */
async function prepareOutPath(out: string, create: boolean): Promise<void> {
  const info = await ifExists(stat(out)).catch(() => undefined);
  if (info?.isDirectory()) {
    throw new CliError(`--out ${out} is a folder: pass a file path, e.g. --out ${join(out, "questions.jsonl")}`);
  }
  if (!create) return;
  try {
    await mkdir(dirname(out), { recursive: true });
  } catch (error) {
    throw new CliError(
      `cannot create the folder of --out ${out} (${errorMessage(error)}): pick a path you may write to`,
      EXIT.USAGE,
      { cause: error },
    );
  }
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
  /** The endpoint of `--batch` runs. */
  config?: CliConfig;
}): Promise<{ summary: GenerateSummary; exitCode: number; questions: ExamQuestion[] }> {
  const { options, output } = params;
  await prepareOutPath(options.out, !options.dryRun);
  const { documents, skipped, chunks } = await loadCorpus(options.docs, options);
  for (const s of skipped) output.info(`skipped ${s.path}: ${s.reason}`);
  const journal = journalPathFor(options.out);
  if (!options.dryRun && options.batch?.mode !== "file-only" && !options.resume && existsSync(journal)) {
    throw new CliError(
      `${journal} holds an interrupted run: pass --resume to continue it, or delete the file to start over`,
    );
  }
  if (options.resume && !existsSync(journal)) {
    output.info(`no journal at ${journal}: starting a new run`);
  }
  const model = await params.model();
  // Failures are scrubbed where they are recorded: an endpoint that echoes the Authorization header in its errors
  // would otherwise put the key in the summary, the journal and the --json output.
  const secrets = knownSecretValues();
  const chain = createQuestionChain({
    model,
    secrets,
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

  const prices = pricesFor(options);
  if (options.dryRun) {
    const estimate = await estimateExam({ chunks, chain });
    const cost: GenerateCost | undefined = prices && {
      model: options.pricingModel,
      estimateSync: costOf({ prices, ...estimate }),
      estimateBatch: costOf({ prices, ...estimate, batch: true }),
    };
    return { summary: { ...base, estimate, ...(cost ? { cost } : {}) }, exitCode: EXIT.OK, questions: [] };
  }

  const chunking = { chunkSize: options.chunkSize, chunkOverlap: options.chunkOverlap };
  const budget = { maxQuestions: options.maxQuestions, maxCalls: options.maxCalls, maxTokens: options.maxTokens };
  const resume = options.resume && existsSync(journal);
  let usageByMode: UsageByMode | undefined;
  let batches: GenerateSummary["batches"];
  let result: GenerateExamResult;
  if (options.batch) {
    const generation = await runBatchGeneration({
      settings: options.batch,
      chunks,
      chunking,
      chain: chain as QuestionChain,
      config: params.config ?? {},
      out: options.out,
      journalPath: journal,
      resume,
      budget,
      output,
      signal: params.signal,
    });
    output.endProgress();
    if (generation.kind === "files") {
      return {
        summary: {
          ...base,
          out: options.out,
          model: options.pricingModel,
          mode: "batch",
          batchFiles: generation.files,
        },
        exitCode: EXIT.OK,
        questions: [],
      };
    }
    result = generation.result;
    usageByMode = generation.result.usageByMode;
    if (options.batch.mode === "submit") {
      batches = {
        submitted: generation.result.submitted,
        resumed: generation.result.resumedBatches,
        running: generation.result.running,
      };
    }
  } else {
    result = await generateExam({
      chunks,
      chunking,
      chain,
      concurrency: options.concurrency,
      budget,
      journalPath: journal,
      resume,
      signal: params.signal,
      secrets,
      onProgress: (p) => output.progress("generating", p.done, p.total),
    });
    output.endProgress();
  }

  await writeJsonl({ path: options.out, values: result.questions });
  let droppedFile: string | undefined;
  if (result.dropped.length > 0) {
    droppedFile = droppedFileFor(options.out);
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
    model: options.pricingModel,
    mode: options.batch ? "batch" : "sync",
    ...(batches ? { batches } : {}),
  };
  if (prices) {
    const estimate = await estimateExam({ chunks, chain });
    summary.cost = {
      model: options.pricingModel,
      estimate: costOf({ prices, ...estimate, batch: Boolean(options.batch) }),
      spend: spendOf(prices, result.stats, usageByMode, Boolean(options.batch)),
    };
  }
  const exitCode = result.stats.stoppedBy === "aborted" || result.questions.length === 0 ? EXIT.FAILED : EXIT.OK;
  return { summary, exitCode, questions: result.questions };
}

/**
 * Why a generate run (and its validation) kept no question — the checks or the validation dropped them all, or every
 * chunk failed — and where to look and what to change. A tiny embedded model often ends here, more so outside English.
 */
export function whyNoQuestionKept(params: {
  generated: GenerateSummary;
  validation?: ValidationStepSummary;
  config: CliConfig;
}): { why: string; next: string[] } {
  const { generated, validation } = params;
  const dropped = generated.stats?.questionsDropped ?? 0;
  const failed = generated.failures.length;
  const why =
    validation && validation.validated > 0
      ? `the checks kept ${validation.validated} of ${validation.validated + dropped} and validation dropped ${validation.dropped === 1 ? "it" : `all ${validation.dropped}`}`
      : dropped > 0
        ? `the checks dropped all ${dropped} the model wrote`
        : failed > 0
          ? `${failed} chunk(s) failed and the others gave none`
          : "the model wrote none";
  const next: string[] = [];
  if (generated.droppedFile) next.push(`why the checks dropped each question: ${generated.droppedFile}`);
  if (validation?.droppedFile) next.push(`why validation dropped each question: ${validation.droppedFile}`);
  if (failed > 0) next.push("retry the failed chunks: the same command with --resume");
  next.push(
    usesEmbeddedModel(params.config)
      ? `the embedded ${DEFAULT_EMBEDDED_MODEL} (135M parameters, trained mostly on English) is there to run the pipeline, not to write good questions; for real ones ${HOW_TO_USE_A_REAL_MODEL}`
      : "a stronger model, or more or longer documents, give the checks more to keep",
  );
  return { why, next };
}

/** Human-readable summary lines of a generate run. */
export function describeGenerateSummary(summary: GenerateSummary): string[] {
  const lines = [`documents: ${summary.documents} (${summary.skipped.length} skipped), chunks: ${summary.chunks}`];
  if (summary.estimate) {
    const e = summary.estimate;
    lines.push(
      `dry run — would make ${e.calls} model calls (at most ${e.maxCalls} with retries), about ${e.promptTokens} prompt + ${e.completionTokens} completion tokens`,
    );
    const c = summary.cost;
    if (c?.estimateSync && c.estimateBatch) {
      lines.push(
        `estimated cost${c.model ? ` (${c.model})` : ""}: ${formatCost(c.estimateSync)} sent one by one, ${formatCost(c.estimateBatch)} as a batch (--batch)`,
      );
    } else lines.push("estimated cost: pass --prices FILE (prices per million tokens per model) to see it in money");
    return lines;
  }
  if (summary.batchFiles) {
    for (const f of summary.batchFiles) lines.push(`wrote ${f.path}: ${f.requests} requests, ${f.bytes} bytes`);
    const first = summary.batchFiles[0]?.path ?? "requests.jsonl";
    lines.push(
      `run them with vLLM: python -m vllm.entrypoints.openai.run_batch -i ${first} -o results.jsonl --model ${summary.model ?? "MODEL"}`,
      `then: domain-eval generate --docs DOCS --model ${summary.model ?? "MODEL"} --out ${summary.out ?? "questions.jsonl"} --from-batch-results results.jsonl`,
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
  if (summary.cost?.spend) {
    const estimate = summary.cost.estimate ? ` (estimated ${formatCost(summary.cost.estimate)})` : "";
    lines.push(`spend: ${formatCost(summary.cost.spend)}${estimate}`);
  }
  if (summary.batches) {
    const b = summary.batches;
    lines.push(
      `batches: ${b.submitted.length} submitted${b.resumed.length > 0 ? `, ${b.resumed.length} picked up from the journal` : ""}${b.running.length > 0 ? `, ${b.running.length} still running (${b.running.join(", ")}): continue with --resume` : ""}`,
    );
  }
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
export interface GenerateCommandOptions extends ModelFlags, JsonFlag, BatchFlags, PriceFlags {
  docs: string;
  out: string;
  dryRun: boolean;
  validate: boolean;
}

/** Adds `domain-eval generate` to the program. */
export function registerGenerateCommand(program: Command): void {
  addBatchOptions(
    addPriceOptions(
      addModelOptions(
        program
          .command("generate")
          .description("documents → checked multiple-choice questions (questions.jsonl)")
          .requiredOption("--docs <dir>", "folder of .txt, .md, .html, .pdf, .docx documents")
          .option("--out <file>", "questions file to write", "questions.jsonl")
          .option(
            "--dry-run",
            "load and chunk, list skipped files, estimate calls and tokens; no model is called",
            false,
          )
          .option(
            "--validate",
            "then validate the questions with the configured model; error findings drop questions",
            false,
          )
          .option("--json", "print the summary as JSON"),
      ),
    ),
  )
    .addHelpText(
      "after",
      "\nExamples:\n  OPENAI_BASE_URL=http://localhost:8000/v1 DOMAIN_EVAL_MODEL=Qwen/Qwen2.5-7B-Instruct domain-eval generate --docs ./docs --out questions.jsonl\n  domain-eval generate --docs ./docs --dry-run\n  domain-eval generate --docs ./docs --out questions.jsonl --resume   # after an interruption\n  OPENAI_API_KEY=… DOMAIN_EVAL_MODEL=gpt-4o-mini domain-eval generate --docs ./docs --batch --prices prices.json\n  domain-eval generate --docs ./docs --model Qwen/Qwen2.5-7B-Instruct --batch-file-only   # for vLLM's run_batch\n  domain-eval generate --docs ./docs --model Qwen/Qwen2.5-7B-Instruct --from-batch-results results.jsonl",
    )
    .action(async (opts: GenerateCommandOptions) => {
      const { config, out, domain } = await commandContext(program, opts);
      const dryRun = opts.dryRun;
      const batch = batchSettingsFrom(opts);
      const prices = await readPriceTable(opts);
      let model: BaseChatModel | undefined;
      const signal = interruptSignal((t) => out.info(t));
      const { summary, exitCode, questions } = await runGenerate({
        options: {
          ...generateOptions(opts, domain),
          out: opts.out,
          dryRun,
          batch,
          prices,
          pricingModel: config.model,
        },
        // A dry run never calls the model, so it needs none configured.
        model: async () => {
          if (batch && !dryRun) {
            // The batch lines are the requests ChatOpenAI would send to the endpoint.
            if (!config.model) {
              throw new CliError(
                "batch requests need the model id: set DOMAIN_EVAL_MODEL or pass --model (the id the provider or vLLM serves)",
              );
            }
            model = endpointChatModel(config, { maxOutputTokens: opts.maxOutputTokens, timeoutSeconds: opts.timeout });
            return model;
          }
          model =
            dryRun && usesEmbeddedModel(config)
              ? new DryRunChatModel({})
              : await createChatModel(config, {
                  maxOutputTokens: opts.maxOutputTokens,
                  timeoutSeconds: opts.timeout,
                  info: (line) => out.info(line),
                });
          // Said before the first call, so a run that hangs or fails shows what it is calling.
          if (!dryRun) out.info(`model: ${describeModel(config)}`);
          return model;
        },
        output: out,
        signal,
        config,
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
              prices,
              timeoutSeconds: opts.timeout,
            })
          : undefined;
      if (out.json)
        out.result("", validation ? { ...summary, validation: { ...validation, kept: undefined } } : summary);
      else {
        if (batch && !dryRun)
          out.info(
            `model: ${config.model} (${batch.mode === "submit" ? `batch API at ${config.openaiBaseUrl ?? "https://api.openai.com/v1"}` : "batch requests"})`,
          );
        for (const line of describeGenerateSummary(summary)) out.info(line);
        const kept = validation ? validation.kept.length : questions.length;
        if (!dryRun && !batch && kept === 0 && summary.stats?.stoppedBy !== "aborted") {
          const nothing = whyNoQuestionKept({ generated: summary, validation, config });
          out.info(`no questions kept: ${nothing.why}`);
          for (const line of nothing.next) out.info(`  ${line}`);
        }
      }
      // validation that dropped every question leaves nothing to use, as a generation that kept none
      process.exitCode = validation?.stoppedBy || validation?.kept.length === 0 ? EXIT.FAILED : exitCode;
    });
}
