import { createReadStream, existsSync, statSync } from "node:fs";
import { rm } from "node:fs/promises";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import {
  type CostAmount,
  DEFAULT_FINDING_POLICY,
  decideFindingAction,
  type ExamQuestion,
  ExamQuestionValidationError,
  errorMessage,
  type FindingSeverity,
  formatCost,
  type PriceTable,
  parseExamQuestion,
  VALIDATION_FINDINGS,
  validationDroppedFileFor,
  writeJsonl,
} from "@domain-eval/core";
import {
  createEndpointMember,
  createLocalMember,
  estimateValidation,
  type PanelMember,
  type QuestionValidation,
  type ValidateQuestionsParams,
  type ValidationEstimate,
  type ValidationStats,
  ValidatorError,
  validateQuestions,
  withValidation,
} from "@domain-eval/validator";
import { type Command, InvalidArgumentError } from "commander";
import { addBatchOptions, type BatchFlags, type BatchSettings, batchSettingsFrom } from "../batch-generation.js";
import {
  type BatchValidation,
  estimateValidationCost,
  panelPrices,
  runBatchValidation,
  type ValidationCost,
  validationSpend,
} from "../batch-validation.js";
import { DEFAULT_EMBEDDED_MODEL, modelCacheDir } from "../chat-model.js";
import { CliError, EXIT } from "../cli-error.js";
import { commandContext, interruptSignal } from "../command-context.js";
import { filePath, type JsonFlag } from "../command-options.js";
import type { CliConfig } from "../config.js";
import type { CliOutput } from "../output.js";
import { addPriceOptions, type PriceFlags, readPriceTable } from "../price-options.js";

/** The stats of a run that asked nothing (`--batch-file-only`). */
function emptyStats(run: ValidateQuestionsParams): ValidationStats {
  const stats = { validated: 0, calls: 0, resumed: 0, noAnswers: 0, promptTokens: 0, completionTokens: 0 };
  return { questions: run.questions.length, ...stats, usageByMember: {}, elapsedMs: 0 };
}

/** Options of `domain-eval validate` (and the validation step of `run`). */
export interface ValidateOptions {
  /** Panel members: `MODEL` (at OPENAI_BASE_URL), `MODEL@BASE_URL`, `gguf:PATH`, `embedded:NAME`; default: the configured model. */
  panel: string[];
  /** Threads of local members (default and maximum: the cores). */
  threads?: number;
  orders?: number;
  alpha?: number;
  /** Make ANSWERABLE_WITHOUT_SOURCE an error (so the policy drops such questions). */
  closedBookError: boolean;
  concurrency?: number;
  /** Seconds one request of an endpoint member may take (default 120). */
  timeout?: number;
  maxCalls?: number;
  maxTokens?: number;
  resume: boolean;
  /** Endpoint members' requests as batch jobs, a request file, or a results file (`--batch*`). */
  batch?: BatchSettings;
  /** Prices per model (`--prices`): the dry run's estimate, or the run's spend, in money. */
  prices?: PriceTable;
}

export interface ValidateSummary {
  input: string;
  out: string | null;
  questions: number;
  validated: number;
  skippedLines: { line: number; reason: string }[];
  panel: string[];
  findings: Record<string, number>;
  questionsWithErrors: number;
  stats?: ValidationStats;
  estimate?: ValidationEstimate;
  journal?: string;
  /** Estimated cost of the dry run (with --prices). */
  cost?: ValidationCost;
  /** What this run's answers cost at --prices (endpoint members; batch answers at the batch discount). */
  spend?: CostAmount;
  /** Batches of a `--batch` run: created now, picked up from the journal, still running when it stopped. */
  batches?: { submitted: string[]; resumed: string[]; running: string[] };
  /** Request files written by `--batch-file-only`. */
  batchFiles?: { path: string; requests: number; bytes: number }[];
  /** Panel models some of whose answers named no option (never counted right or wrong): how many, and one reason. */
  unusable?: UnusableAnswers[];
}

/** A panel model's answers that named no option. */
export interface UnusableAnswers {
  model: string;
  answers: number;
  unusable: number;
  /** The first reason given, e.g. `the reply names no option letter A/B/C/D: "…"`. */
  reason: string;
}

/** Per panel model, the answers in the questions' validations that named no option; models whose answers all did not. */
export function unusableAnswers(questions: readonly ExamQuestion[]): UnusableAnswers[] {
  const byModel = new Map<string, UnusableAnswers>();
  for (const question of questions) {
    const validation = (question as { validation?: QuestionValidation }).validation;
    for (const setting of Object.values(validation?.settings ?? {})) {
      for (const answer of setting.answers) {
        let entry = byModel.get(answer.model);
        if (!entry) {
          entry = { model: answer.model, answers: 0, unusable: 0, reason: "" };
          byModel.set(answer.model, entry);
        }
        entry.answers++;
        if (answer.no_answer === null) continue;
        entry.unusable++;
        if (!entry.reason) entry.reason = answer.no_answer;
      }
    }
  }
  return [...byModel.values()].filter((entry) => entry.unusable > 0);
}

/** True when every answer of every model named no option: the validation measured nothing. */
function nothingMeasured(unusable: readonly UnusableAnswers[], panelSize: number): boolean {
  return unusable.length === panelSize && unusable.every((entry) => entry.unusable === entry.answers);
}

/**
 * Lines that warn of panel answers that named no option: a model none of whose answers did says that nothing was
 * measured with it and what to check; one that failed in at least half says its rates rest on few answers.
 */
export function describeUnusableAnswers(unusable: readonly UnusableAnswers[]): string[] {
  const lines: string[] = [];
  for (const entry of unusable) {
    const reason = entry.reason.length > 160 ? `${entry.reason.slice(0, 157)}...` : entry.reason;
    if (entry.unusable === entry.answers) {
      lines.push(
        `${entry.model} named no option in any of its ${entry.answers} answers (e.g. ${reason}): nothing was measured with it; check that its endpoint supports json_schema response formats or tool calls (or use another model in --panel)`,
      );
    } else if (entry.unusable * 2 >= entry.answers) {
      lines.push(
        `${entry.model} named no option in ${entry.unusable} of its ${entry.answers} answers (e.g. ${reason}): its rates rest on the other ${entry.answers - entry.unusable}`,
      );
    }
  }
  return lines;
}

/** The journal next to the output file, so `--resume` finds it. */
export function validationJournalPathFor(out: string): string {
  return `${out}.journal.jsonl`;
}

/** Builds the panel from `--panel` specs, else from the configured model. */
export async function createPanel(params: {
  specs: readonly string[];
  config: CliConfig;
  threads?: number;
  concurrency?: number;
  /** Seconds one request of an endpoint member may take (default: the validator's, 120). */
  timeoutSeconds?: number;
  /** A dry run never loads a model: embedded models are not fetched. */
  dryRun?: boolean;
}): Promise<PanelMember[]> {
  const { config } = params;
  const endpoint = (model: string, baseUrl: string | undefined): PanelMember => {
    if (!baseUrl) {
      throw new CliError(
        `--panel ${model}: no endpoint for it: set OPENAI_BASE_URL, or write MODEL@BASE_URL (e.g. ${model}@http://localhost:8000/v1)`,
      );
    }
    try {
      return createEndpointMember({
        baseUrl,
        model,
        apiKey: config.openaiApiKey,
        concurrency: params.concurrency,
        ...(params.timeoutSeconds ? { timeoutMs: params.timeoutSeconds * 1000 } : {}),
      });
    } catch (error) {
      throw new CliError(`--panel ${model}: ${errorMessage(error)}`, EXIT.USAGE, { cause: error });
    }
  };
  const local = (modelFile: string, name?: string, mustExist = true): PanelMember => {
    if (mustExist && !existsSync(modelFile)) throw new CliError(`--panel gguf:${modelFile}: the file does not exist`);
    try {
      return createLocalMember({ modelFile, name, threads: params.threads });
    } catch (error) {
      throw new CliError(`--panel gguf:${modelFile}: ${errorMessage(error)}`, EXIT.USAGE, { cause: error });
    }
  };
  const specs = [...params.specs];
  if (specs.length === 0) {
    if (config.modelFile) return [local(config.modelFile)];
    if (config.openaiBaseUrl && config.model) return [endpoint(config.model, config.openaiBaseUrl)];
    // The same default as the chat model: OpenAI itself when only a key is configured.
    if (!config.openaiBaseUrl && config.openaiApiKey) {
      return [endpoint(config.model ?? "gpt-4o-mini", "https://api.openai.com/v1")];
    }
    if (config.openaiBaseUrl) {
      throw new CliError(
        `no validation panel: OPENAI_BASE_URL is set but no model id: set DOMAIN_EVAL_MODEL, pass --model, or pass --panel MODEL, --panel MODEL@BASE_URL, --panel gguf:PATH.gguf or --panel embedded:${DEFAULT_EMBEDDED_MODEL}`,
      );
    }
    // Nothing configured: the embedded default model, as for generation.
    specs.push(`embedded:${DEFAULT_EMBEDDED_MODEL}`);
  }
  const members: PanelMember[] = [];
  for (const spec of specs) {
    if (spec.startsWith("gguf:")) members.push(local(spec.slice(5)));
    else if (spec.startsWith("embedded:")) {
      const name = spec.slice(9);
      const { EMBEDDED_MODELS, fetchEmbeddedModel } = await import("@domain-eval/local-model");
      if (!(name in EMBEDDED_MODELS)) {
        throw new CliError(
          `--panel ${spec}: unknown embedded model: use one of ${Object.keys(EMBEDDED_MODELS).join(", ")}`,
        );
      }
      const model = name as keyof typeof EMBEDDED_MODELS;
      if (params.dryRun) members.push(local(EMBEDDED_MODELS[model].fileName, name, false));
      else members.push(local((await fetchEmbeddedModel({ model, cacheDir: modelCacheDir() })).path, name));
    } else {
      const at = spec.lastIndexOf("@");
      if (at > 0 && /^https?:\/\//u.test(spec.slice(at + 1)))
        members.push(endpoint(spec.slice(0, at), spec.slice(at + 1)));
      else members.push(endpoint(spec, config.openaiBaseUrl));
    }
  }
  const names = members.map((m) => m.name);
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) throw new CliError(`--panel names ${repeated} twice: each panel model must be distinct`);
  return members;
}

/** Reads the questions; broken lines are listed (line and reason), never fatal when `skipInvalid`. */
export async function readQuestionsForValidation(params: {
  file: string;
  skipInvalid: boolean;
}): Promise<{ questions: ExamQuestion[]; skipped: { line: number; reason: string }[] }> {
  const found = (() => {
    try {
      return statSync(params.file, { throwIfNoEntry: false });
    } catch (error) {
      throw new CliError(`cannot read ${params.file} (${errorMessage(error)}): check its permissions`, EXIT.USAGE, {
        cause: error,
      });
    }
  })();
  if (!found) throw new CliError(`cannot read ${params.file}: the file does not exist`);
  const questions: ExamQuestion[] = [];
  const skipped: { line: number; reason: string }[] = [];
  const ids = new Set<string>();
  const lines = createInterface({ input: createReadStream(params.file, "utf8"), crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const raw of lines) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/u, "") : raw;
    if (text.trim() === "") continue;
    try {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new Error(`not valid JSON (${(error as Error).message})`);
      }
      const question = parseExamQuestion({ value });
      if (ids.has(question.id)) throw new Error(`repeats id "${question.id}"`);
      ids.add(question.id);
      questions.push(question);
    } catch (error) {
      const reason =
        error instanceof ExamQuestionValidationError
          ? error.issues.map((i) => `${i.path || "(root)"}: ${i.message}`).join("; ")
          : (error as Error).message;
      skipped.push({ line, reason });
    }
  }
  if (skipped.length > 0 && !params.skipInvalid) {
    const shown = skipped
      .slice(0, 3)
      .map((s) => `line ${s.line}: ${s.reason}`)
      .join("; ");
    const more = skipped.length > 3 ? ` (and ${skipped.length - 3} more)` : "";
    throw new CliError(
      `${params.file} has ${skipped.length} unusable line(s): ${shown}${more}. Fix them, or pass --skip-invalid to validate the other lines (the input is never rewritten)`,
    );
  }
  if (questions.length === 0) throw new CliError(`${params.file} holds no usable questions`);
  return { questions, skipped };
}

function countFindings(questions: readonly ExamQuestion[]): { byCode: Record<string, number>; withErrors: number } {
  const byCode: Record<string, number> = {};
  let withErrors = 0;
  for (const q of questions) {
    const own = (q.findings ?? []).filter((f) => f.code in VALIDATION_FINDINGS);
    for (const f of own) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
    if (own.some((f) => f.severity === "error")) withErrors++;
  }
  return { byCode, withErrors };
}

/**
 * Validates questions with a panel and returns them with `validation` and findings (questions the run did not finish
 * are returned unchanged). The journal at `journalPath` lets an interrupted run resume.
 */
export async function validateExamQuestions(params: {
  questions: readonly ExamQuestion[];
  panel: readonly PanelMember[];
  options: ValidateOptions;
  journalPath: string;
  output: CliOutput;
  signal?: AbortSignal;
  out?: string;
  config?: CliConfig;
}): Promise<{ questions: ExamQuestion[]; stats: ValidationStats; batch?: BatchValidation }> {
  const { options, output } = params;
  const severity: FindingSeverity = options.closedBookError ? "error" : "warning";
  try {
    const run: ValidateQuestionsParams = {
      questions: params.questions,
      panel: params.panel,
      orders: options.orders,
      policy: { closedBookSeverity: severity, alpha: options.alpha },
      journalPath: params.journalPath,
      resume: options.resume && existsSync(params.journalPath),
      budget: { maxCalls: options.maxCalls, maxTokens: options.maxTokens },
      signal: params.signal,
      onProgress: (p) => output.progress("validating", p.done, p.total),
    };
    const batch =
      options.batch && params.config
        ? await runBatchValidation({
            settings: options.batch,
            run,
            config: params.config,
            out: params.out ?? "",
            output,
          })
        : undefined;
    if (batch?.kind === "files") return { questions: [...params.questions], stats: emptyStats(run), batch };
    const { results, stats } = batch ?? (await validateQuestions(run));
    output.endProgress();
    const questions = params.questions.map((question, i) => {
      const result = results[i];
      return result?.validation
        ? (withValidation({ question, validation: result.validation, findings: result.findings }) as ExamQuestion)
        : question;
    });
    return { questions, stats, batch };
  } catch (error) {
    output.endProgress();
    if (error instanceof ValidatorError) {
      throw new CliError(
        `${error.message}${error.code === "JOURNAL_MISMATCH" ? "" : ` (answers so far are in ${params.journalPath}: rerun with --resume)`}`,
        EXIT.FAILED,
        { cause: error },
      );
    }
    throw error;
  }
}

/** Splits validated questions by the finding policy: errors drop (as `generate` does), the rest stay. */
export function applyFindingPolicy(questions: readonly ExamQuestion[]): {
  kept: ExamQuestion[];
  dropped: ExamQuestion[];
} {
  const kept: ExamQuestion[] = [];
  const dropped: ExamQuestion[] = [];
  for (const q of questions) {
    (decideFindingAction({ findings: q.findings ?? [], policy: DEFAULT_FINDING_POLICY }) === "drop"
      ? dropped
      : kept
    ).push(q);
  }
  return { kept, dropped };
}

/** `domain-eval validate FILE --out OUT`: the panel answers every question; OUT gets the questions with results. */
export async function runValidate(params: {
  file: string;
  out: string;
  options: ValidateOptions;
  dryRun: boolean;
  skipInvalid: boolean;
  config: CliConfig;
  output: CliOutput;
  signal?: AbortSignal;
}): Promise<{ summary: ValidateSummary; exitCode: number }> {
  const { options, output } = params;
  if (resolve(params.out) === resolve(params.file)) {
    throw new CliError("--out is the input file: validate never rewrites its input, write to another file");
  }
  const { questions, skipped } = await readQuestionsForValidation({
    file: params.file,
    skipInvalid: params.skipInvalid,
  });
  for (const s of skipped) output.info(`skipped ${params.file} line ${s.line}: ${s.reason}`);
  const withoutPassage = questions.filter((q) => !q.source_text?.trim()).length;
  if (withoutPassage > 0) {
    output.info(
      `${withoutPassage} question(s) have no source_text: open book and order swap cannot run for them (regenerate them with generate, which keeps the passage)`,
    );
  }
  const journal = validationJournalPathFor(params.out);
  if (!params.dryRun && !options.resume && existsSync(journal)) {
    throw new CliError(
      `${journal} holds an interrupted validation: pass --resume to continue it, or delete the file to start over`,
    );
  }
  const panel = await createPanel({
    specs: options.panel,
    config: params.config,
    threads: options.threads,
    concurrency: options.concurrency,
    timeoutSeconds: options.timeout,
    dryRun: params.dryRun,
  });
  const base: ValidateSummary = {
    input: params.file,
    out: null,
    questions: questions.length,
    validated: 0,
    skippedLines: skipped,
    panel: panel.map((m) => `${m.name} (${m.kind})`),
    findings: {},
    questionsWithErrors: 0,
  };
  try {
    // every endpoint model of the panel must have a price before any call, so the spend can be told at the end
    if (options.prices) panelPrices({ panel, prices: options.prices });
    if (params.dryRun) {
      const estimate = await estimateValidation({ questions, panel, orders: options.orders });
      const cost =
        options.prices &&
        (await estimateValidationCost({ questions, panel, orders: options.orders, prices: options.prices }));
      return { summary: { ...base, estimate, ...(cost ? { cost } : {}) }, exitCode: EXIT.OK };
    }
    const {
      questions: validated,
      stats,
      batch,
    } = await validateExamQuestions({
      questions,
      panel,
      options,
      journalPath: journal,
      output,
      signal: params.signal,
      out: params.out,
      config: params.config,
    });
    if (batch?.kind === "files") return { summary: { ...base, batchFiles: batch.files }, exitCode: EXIT.OK };
    await writeJsonl({ path: params.out, values: validated });
    const complete = stats.stoppedBy === undefined;
    if (complete) await rm(journal, { force: true });
    const { byCode, withErrors } = countFindings(validated);
    const unusable = unusableAnswers(validated);
    const summary: ValidateSummary = {
      ...base,
      out: params.out,
      validated: stats.validated,
      findings: byCode,
      questionsWithErrors: withErrors,
      stats,
      journal: complete ? undefined : journal,
      ...(batch?.kind === "run" && batch.batches ? { batches: batch.batches } : {}),
      ...(options.prices ? { spend: validationSpend({ stats, panel, prices: options.prices }) } : {}),
      ...(unusable.length > 0 ? { unusable } : {}),
    };
    // a run in which no answer named an option measured nothing: "no validation findings" would be false comfort
    const measured = !nothingMeasured(unusable, panel.length);
    return { summary, exitCode: complete && withErrors === 0 && measured ? EXIT.OK : EXIT.FAILED };
  } finally {
    await Promise.all(panel.map((m) => m.dispose?.()));
  }
}

/** Human-readable summary lines of a validate run. */
export function describeValidateSummary(summary: ValidateSummary): string[] {
  const lines = [`panel: ${summary.panel.join(", ")}`];
  if (summary.skippedLines.length > 0)
    lines.push(`skipped ${summary.skippedLines.length} unusable line(s) of ${summary.input}`);
  if (summary.batchFiles) {
    for (const f of summary.batchFiles) lines.push(`wrote ${f.path}: ${f.requests} requests, ${f.bytes} bytes`);
    lines.push(
      "run them with an offline engine (python -m vllm.entrypoints.openai.run_batch -i FILE -o results.jsonl), then: domain-eval validate FILE --out OUT --from-batch-results results.jsonl",
    );
    return lines;
  }
  if (summary.estimate) {
    const e = summary.estimate;
    lines.push(`dry run — ${summary.questions} questions; no model is called:`);
    for (const [setting, s] of Object.entries(e.settings)) {
      lines.push(
        `  ${setting.padEnd(13)} ${s.calls} calls, about ${s.promptTokens} prompt + ${s.completionTokens} completion tokens`,
      );
    }
    lines.push(
      `  ${"total".padEnd(13)} ${e.calls} calls, about ${e.promptTokens} prompt + ${e.completionTokens} completion tokens`,
    );
    const c = summary.cost;
    lines.push(
      c
        ? `estimated cost: ${formatCost(c.estimateSync)} sent one by one, ${formatCost(c.estimateBatch)} as a batch (--batch)`
        : "estimated cost: pass --prices FILE (prices per million tokens per model) to see it in money",
    );
    return lines;
  }
  const s = summary.stats;
  if (!s) return lines;
  const found = Object.entries(summary.findings)
    .map(([code, n]) => `${code} ${n}`)
    .join(", ");
  const unusable = summary.unusable ?? [];
  const none = nothingMeasured(unusable, summary.panel.length);
  lines.push(
    `validated ${s.validated} of ${summary.questions} questions: ${none ? "nothing measured (no answer named an option)" : found || "no validation findings"}`,
    `answers: ${s.calls} asked, ${s.resumed} from the journal, ${s.noAnswers} without a usable answer; tokens: ${s.promptTokens} prompt + ${s.completionTokens} completion; time: ${(s.elapsedMs / 1000).toFixed(1)} s`,
  );
  lines.push(...describeUnusableAnswers(unusable));
  if (summary.spend) lines.push(`spend: ${formatCost(summary.spend)} (this run's answers at --prices)`);
  if (s.stoppedBy) lines.push(`stopped early: ${s.stoppedBy} — continue with --resume (journal ${summary.journal})`);
  const b = summary.batches;
  if (b) {
    lines.push(`batches: ${b.submitted.length} submitted, ${b.resumed.length} resumed from the journal`);
    if (b.running.length > 0) lines.push(`still running: ${b.running.join(", ")} — --resume polls them`);
  }
  if (summary.out) lines.push(`wrote ${summary.out}`);
  return lines;
}

function positive(name: string, integer: boolean) {
  return (value: string): number => {
    const n = Number(value);
    if (!(n > 0) || (integer && !Number.isInteger(n))) {
      throw new InvalidArgumentError(
        `${name} must be ${integer ? "a whole number of at least 1" : "a number above 0"}`,
      );
    }
    return n;
  };
}

/** Options of `domain-eval validate`. */
export interface ValidateCommandOptions
  extends JsonFlag,
    BatchFlags,
    PriceFlags,
    Omit<ValidateOptions, "panel" | "batch" | "prices"> {
  out: string;
  /** Absent when no --panel is given. */
  panel?: string[];
  model?: string;
  openaiBaseUrl?: string;
  modelFile?: string;
  skipInvalid: boolean;
  dryRun: boolean;
}

/** Adds `domain-eval validate` to the program. */
export function registerValidateCommand(program: Command): void {
  const command = program.command("validate");
  addBatchOptions(addPriceOptions(command));
  command
    .description("a panel of models answers every question open book, closed book, options only and order-swapped")
    .argument("<file>", "questions.jsonl", filePath("<file>", "questions.jsonl"))
    .requiredOption(
      "--out <file>",
      "validated questions to write (the input is never rewritten)",
      filePath("--out", "validated.jsonl"),
    )
    .option(
      "--panel <model>",
      "panel member, repeatable: MODEL (at OPENAI_BASE_URL), MODEL@BASE_URL, gguf:PATH.gguf, embedded:smollm2-135m-instruct (default: the configured model)",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option("--model <id>", "model id the endpoint serves (env DOMAIN_EVAL_MODEL)")
    .option("--openai-base-url <url>", "OpenAI-compatible endpoint (env OPENAI_BASE_URL)")
    .option("--model-file <path.gguf>", "a local GGUF model as the panel")
    .option(
      "--threads <n>",
      "CPU threads of local models (default and maximum: the cores)",
      positive("--threads", true),
    )
    .option("--orders <n>", "option orders per model and setting (default: one per option)", positive("--orders", true))
    .option("--alpha <p>", "significance level of 'clearly above chance' (default 0.05)", positive("--alpha", false))
    .option("--closed-book-error", "make ANSWERABLE_WITHOUT_SOURCE an error (dropped by the policy)", false)
    .option("--concurrency <n>", "requests in flight per endpoint model", positive("--concurrency", true))
    .option(
      "--timeout <seconds>",
      "how long one request to an endpoint model may take (default 120)",
      positive("--timeout", true),
    )
    .option("--max-calls <n>", "stop after this many answers", positive("--max-calls", true))
    .option("--max-tokens <n>", "stop after this many prompt + completion tokens", positive("--max-tokens", true))
    .option("--resume", "continue an interrupted run from its journal", false)
    .option("--skip-invalid", "validate the usable lines of a file with broken ones", false)
    .option("--dry-run", "print calls and tokens per setting; no model is called", false)
    .option("--json", "print the summary as JSON")
    .addHelpText(
      "after",
      "\nExit codes: 0 all validated and no question has an error finding, 1 some do or the run stopped early, 2 unusable input.\n\nExamples:\n  domain-eval validate questions.jsonl --out validated.jsonl --panel gpt-4o-mini --panel embedded:smollm2-135m-instruct\n  domain-eval validate questions.jsonl --out validated.jsonl --dry-run\n  domain-eval validate questions.jsonl --out validated.jsonl --resume   # after an interruption",
    )
    .action(async (file: string, opts: ValidateCommandOptions) => {
      const { config, out } = await commandContext(program, opts);
      const batch = batchSettingsFrom(opts);
      const prices = await readPriceTable(opts);
      const alpha = opts.alpha;
      if (alpha !== undefined && alpha >= 1) throw new CliError("--alpha must be below 1, e.g. 0.05");
      const { summary, exitCode } = await runValidate({
        file,
        out: opts.out,
        options: {
          panel: opts.panel ?? [],
          threads: opts.threads,
          orders: opts.orders,
          alpha,
          closedBookError: opts.closedBookError,
          concurrency: opts.concurrency,
          timeout: opts.timeout,
          maxCalls: opts.maxCalls,
          maxTokens: opts.maxTokens,
          resume: opts.resume,
          batch,
          prices,
        },
        dryRun: opts.dryRun,
        skipInvalid: opts.skipInvalid,
        config,
        output: out,
        signal: interruptSignal((t) => out.info(t)),
      });
      if (out.json) out.result("", summary);
      else for (const line of describeValidateSummary(summary)) out.info(line);
      process.exitCode = exitCode;
    });
}

/** What the validation step of `run` did. */
export interface ValidationStepSummary {
  panel: string[];
  validated: number;
  findings: Record<string, number>;
  /** Questions the finding policy dropped (errors such as KEY_DISPUTED), written beside the questions file. */
  dropped: number;
  droppedFile?: string;
  calls: number;
  /** Answers taken from the journal of an earlier, interrupted run (`--resume`): not in `calls` nor in `spend`. */
  resumed: number;
  /** Panel models some of whose answers named no option. */
  unusable?: UnusableAnswers[];
  stoppedBy?: ValidationStats["stoppedBy"];
  kept: ExamQuestion[];
  /** What the step's answers cost at `--prices`. */
  spend?: CostAmount;
}

/**
 * The validation step of `run` (and of anything that generates): the configured model is the panel; questions whose
 * findings the policy drops (errors, as `generate` does) move to `<questions>.validation-dropped.jsonl`, and the
 * questions file is rewritten with the kept questions and their `validation`.
 */
export async function runValidationStep(params: {
  questionsFile: string;
  questions: readonly ExamQuestion[];
  journalPath: string;
  resume: boolean;
  config: CliConfig;
  output: CliOutput;
  signal?: AbortSignal;
  panelSpecs?: string[];
  /** `--prices`: the step tells what it spent. */
  prices?: PriceTable;
  /** `--timeout`: seconds one request of an endpoint member may take. */
  timeoutSeconds?: number;
}): Promise<ValidationStepSummary> {
  const panel = await createPanel({
    specs: params.panelSpecs ?? [],
    config: params.config,
    timeoutSeconds: params.timeoutSeconds,
  });
  try {
    // every endpoint model of the panel must have a price before any call
    if (params.prices) panelPrices({ panel, prices: params.prices });
    const { questions, stats } = await validateExamQuestions({
      questions: params.questions,
      panel,
      options: { panel: [], closedBookError: false, resume: params.resume },
      journalPath: params.journalPath,
      output: params.output,
      signal: params.signal,
    });
    const { byCode } = countFindings(questions);
    const unusable = unusableAnswers(questions);
    const summary: ValidationStepSummary = {
      panel: panel.map((m) => `${m.name} (${m.kind})`),
      validated: stats.validated,
      findings: byCode,
      dropped: 0,
      calls: stats.calls,
      resumed: stats.resumed,
      stoppedBy: stats.stoppedBy,
      kept: [...questions],
      ...(unusable.length > 0 ? { unusable } : {}),
      ...(params.prices ? { spend: validationSpend({ stats, panel, prices: params.prices }) } : {}),
    };
    if (stats.stoppedBy) return summary;
    const { kept, dropped } = applyFindingPolicy(questions);
    await writeJsonl({ path: params.questionsFile, values: kept });
    if (dropped.length > 0) {
      summary.droppedFile = validationDroppedFileFor(params.questionsFile);
      await writeJsonl({ path: summary.droppedFile, values: dropped });
    }
    await rm(params.journalPath, { force: true });
    summary.kept = kept;
    summary.dropped = dropped.length;
    const found = Object.entries(byCode)
      .map(([code, n]) => `${code} ${n}`)
      .join(", ");
    for (const line of describeUnusableAnswers(summary.unusable ?? [])) params.output.info(`  warning: ${line}`);
    params.output.info(
      `  validated ${stats.validated} questions (${stats.calls} answers${stats.resumed ? `, ${stats.resumed} resumed` : ""}): ${found || "no validation findings"}; ${dropped.length} dropped${summary.droppedFile ? ` (${summary.droppedFile})` : ""}${summary.spend ? `; spend ${formatCost(summary.spend)}` : ""}`,
    );
    return summary;
  } finally {
    await Promise.all(panel.map((m) => m.dispose?.()));
  }
}
