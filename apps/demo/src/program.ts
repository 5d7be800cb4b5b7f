import { basename, resolve } from "node:path";
import type { DomainPlugin } from "@domain-eval/core";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { createChatModel, DryRunChatModel, describeModel, disposeChatModel } from "./chat-model.js";
import { CliError, EXIT } from "./cli-error.js";
import { runAnnotate } from "./commands/annotate.js";
import { runCheck } from "./commands/check.js";
import { addEvaluateCommand } from "./commands/evaluate.js";
import { type CardOptions, runExport, runExportUnreviewed, taskNameFor } from "./commands/export.js";
import { describeGenerateSummary, type GenerateOptions, runGenerate } from "./commands/generate.js";
import { registerReportCommand, writeExportReport } from "./commands/report.js";
import { runPipeline } from "./commands/run.js";
import { runTask } from "./commands/task.js";
import { registerValidateCommand, runValidationStep } from "./commands/validate.js";
import { type CliConfig, loadConfig, redactSecrets, secretValues } from "./config.js";
import { listInstalledDomains, loadDomain } from "./domains.js";
import { readQuestionsFile } from "./exam-items.js";
import { type CliOutput, createOutput } from "./output.js";

let knownSecrets: string[] = [];

/** What every command starts from: the resolved config (secrets noted for redaction), the output, the domain. */
async function commandContext(
  program: Command,
  opts: Record<string, unknown>,
): Promise<{ config: CliConfig; out: CliOutput; domain: DomainPlugin | undefined }> {
  const config = await loadConfig({
    flags: { ...program.opts(), ...opts } as Partial<CliConfig> & { config?: string },
  });
  knownSecrets = secretValues(config);
  const out = createOutput({ json: Boolean(opts.json) });
  const domain = config.domain ? await loadDomain(config.domain) : undefined;
  return { config, out, domain };
}

function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number of at least 1`);
    return n;
  };
}

function nonNegativeInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number of at least 0`);
    return n;
  };
}

function addModelOptions(command: Command): Command {
  return command
    .option("--model <id>", "model id the endpoint serves (env DOMAIN_EVAL_MODEL)")
    .option(
      "--openai-base-url <url>",
      "OpenAI-compatible endpoint, e.g. http://localhost:8000/v1 (env OPENAI_BASE_URL)",
    )
    .option("--model-file <path.gguf>", "run a local GGUF model in-process with node-llama-cpp instead of an endpoint")
    .option(
      "--domain <id>",
      "domain plugin: instructions, examples, reviewer guidelines, checks (see `domain-eval domains`)",
    )
    .option("--language <code>", "language to write questions in (default: the domain's, else en)")
    .option("--questions-per-chunk <n>", "questions asked per chunk", positiveInt("--questions-per-chunk"), 2)
    .option("--options <n>", "options per question, answer included", positiveInt("--options"), 4)
    .option("--chunk-size <tokens>", "chunk size in tokens", positiveInt("--chunk-size"), 600)
    .option("--chunk-overlap <tokens>", "overlap between chunks in tokens", nonNegativeInt("--chunk-overlap"), 60)
    .option("--concurrency <n>", "chunks in flight at once", positiveInt("--concurrency"), 4)
    .option("--max-questions <n>", "stop once this many questions are kept", positiveInt("--max-questions"))
    .option("--max-calls <n>", "stop after this many model calls", positiveInt("--max-calls"))
    .option("--max-tokens <n>", "stop after this many prompt + completion tokens", positiveInt("--max-tokens"))
    .option("--max-output-tokens <n>", "cap on tokens the model may write per call", positiveInt("--max-output-tokens"))
    .option("--resume", "continue an interrupted run from its journal", false);
}

function addArgillaOptions(command: Command): Command {
  return command
    .option("--argilla-api-url <url>", "Argilla server (env ARGILLA_API_URL)")
    .addOption(
      new Option("--argilla-api-key <key>", "Argilla API key (env ARGILLA_API_KEY; prefer the env)").hideHelp(),
    )
    .option("--workspace <name>", "Argilla workspace (default: your first)");
}

function addCardOptions(command: Command): Command {
  return command
    .option("--title <text>", "dataset title (default: the dataset name)")
    .option("--license <id>", "Hub license id of the dataset card", "unknown")
    .option("--documents <text>", 'describe the source documents in the card, e.g. "Acme annual reports 2022-2024"')
    .option("--push-to-hub <repo>", "also publish to this Hub dataset repo (needs HF_TOKEN; private unless --public)")
    .option("--public", "make a newly created Hub repo public", false);
}

type CommonFlags = Partial<CliConfig> & { json?: boolean; workspace?: string };

function cardOptions(opts: { title?: string; license: string; language?: string; documents?: string }): CardOptions {
  return { title: opts.title, license: opts.license, language: opts.language, documents: opts.documents };
}

function generateOptions(
  opts: Record<string, unknown>,
  domain: DomainPlugin | undefined,
): Omit<GenerateOptions, "out" | "dryRun"> {
  return {
    docs: opts.docs as string,
    domain,
    language: opts.language as string | undefined,
    questionsPerChunk: opts.questionsPerChunk as number,
    options: opts.options as number,
    chunkSize: opts.chunkSize as number,
    chunkOverlap: opts.chunkOverlap as number,
    concurrency: opts.concurrency as number,
    maxQuestions: opts.maxQuestions as number | undefined,
    maxCalls: opts.maxCalls as number | undefined,
    maxTokens: opts.maxTokens as number | undefined,
    resume: Boolean(opts.resume),
  };
}

/** Ctrl-C stops starting new work; what finished stays in the journal. A second Ctrl-C exits at once. */
function interruptSignal(info: (text: string) => void): AbortSignal {
  const controller = new AbortController();
  process.once("SIGINT", () => {
    info("interrupted: finishing the chunks in flight; run again with --resume to continue (Ctrl-C again to quit now)");
    controller.abort();
    process.once("SIGINT", () => process.exit(130));
  });
  return controller.signal;
}

export function buildProgram(): Command {
  const program = new Command("domain-eval")
    .description(
      "Turn a folder of domain documents into a reviewed, published, runnable evaluation benchmark.\n" +
        "Pipeline: generate → annotate (Argilla) → export (dataset folder / Hub) → task (LightEval).",
    )
    .option("--config <file>", "JSON config file (default: ./domain-eval.config.json if present)")
    .showHelpAfterError()
    .exitOverride();

  program
    .command("check")
    .description("run the quality checks on a questions file (one JSON question per line)")
    .argument("<file>", "questions.jsonl: id, question, answer, distractors, citations, optional source_text")
    .option("--json", "one JSON line per question: {id, ok, findings}")
    .option("--domain <id>", "also run this domain plugin's checks")
    .addHelpText(
      "after",
      "\nExit codes: 0 no question has an error, 1 some do, 2 the input is unusable.\n\nExamples:\n  domain-eval check questions.jsonl\n  domain-eval check questions.jsonl --json | jq 'select(.ok == false)'",
    )
    .action(async (file: string, opts: { json?: boolean; domain?: string }) => {
      const { out, domain } = await commandContext(program, opts);
      const { summary, exitCode } = await runCheck({
        file,
        extraChecks: domain?.checks,
        phrases: domain?.phrases,
        onResult: (r) => {
          if (out.json) out.result("", r);
          else if (r.findings.length > 0) {
            out.result(
              [
                `${r.ok ? "!" : "✗"} ${r.id}`,
                ...r.findings.map((f) => `    ${f.severity} ${f.code}: ${f.message}`),
              ].join("\n"),
            );
          }
        },
      });
      if (!out.json) {
        out.info(
          `${summary.questions} questions: ${summary.questions - summary.withErrors - summary.withWarnings} clean, ${summary.withWarnings} with warnings only, ${summary.withErrors} with errors`,
        );
      }
      process.exitCode = exitCode;
    });

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
    .action(async (opts: Record<string, unknown> & CommonFlags) => {
      const { config, out, domain } = await commandContext(program, opts);
      const dryRun = Boolean(opts.dryRun);
      let model: BaseChatModel | undefined;
      const signal = interruptSignal((t) => out.info(t));
      const { summary, exitCode, questions } = await runGenerate({
        options: { ...generateOptions(opts, domain), out: opts.out as string, dryRun },
        // A dry run never calls the model, so it needs none configured.
        model: async () => {
          model =
            dryRun && !config.modelFile && !config.openaiBaseUrl && !config.openaiApiKey
              ? new DryRunChatModel({})
              : await createChatModel(config, {
                  maxOutputTokens: opts.maxOutputTokens as number | undefined,
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
              questionsFile: opts.out as string,
              questions,
              resume: Boolean(opts.resume),
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

  addArgillaOptions(
    program
      .command("annotate")
      .description("send questions to an Argilla review dataset, the model's answer as a suggestion")
      .argument("<file>", "questions.jsonl from generate")
      .requiredOption("--dataset <name>", "Argilla dataset name (reused if it exists)")
      .option("--replace", "delete and recreate a dataset of the same name", false)
      .option("--domain <id>", "domain plugin whose reviewer guidelines to show")
      .option("--seed <n>", "seed of the choice order", nonNegativeInt("--seed"))
      .option("--json", "print the summary as JSON"),
  ).action(async (file: string, opts: Record<string, unknown> & CommonFlags) => {
    const { config, out, domain } = await commandContext(program, opts);
    const summary = await runAnnotate({
      file,
      dataset: opts.dataset as string,
      workspace: opts.workspace,
      replace: Boolean(opts.replace),
      seed: opts.seed as number | undefined,
      domain,
      config,
      output: out,
    });
    out.result(
      `${summary.records.total} questions in Argilla dataset ${summary.dataset} (${summary.records.created} new, ${summary.records.updated} updated): review them at ${summary.url}`,
      summary,
    );
  });

  addCardOptions(
    addArgillaOptions(
      program
        .command("export")
        .description("reviewed questions → dataset folder (Parquet + card), optionally published to the Hub")
        .option("--dataset <name>", "Argilla dataset to read the reviews from")
        .option(
          "--questions <file>",
          "instead of Argilla: publish a questions file without review (rows marked unreviewed)",
        )
        .requiredOption("--out <dir>", "dataset folder to write")
        .option("--include-unreviewed", "also export records nobody reviewed, marked unreviewed", false)
        .option(
          "--report [questions]",
          "also write report.html into the dataset folder (questions file: --questions's)",
        )
        .option("--domain <id>", "domain plugin (subject, card)")
        .option("--language <code>", "language of the questions for the card")
        .option("--json", "print the summary as JSON"),
    ),
  ).action(async (opts: Record<string, unknown> & CommonFlags) => {
    const { config, out, domain } = await commandContext(program, opts);
    if (Boolean(opts.dataset) === Boolean(opts.questions)) {
      throw new CliError(
        "pass either --dataset NAME (reviewed in Argilla) or --questions FILE (publish without review)",
      );
    }
    const common = {
      out: opts.out as string,
      pushToHub: opts.pushToHub as string | undefined,
      public: Boolean(opts.public),
      domain,
      card: cardOptions(opts as never),
      config,
    };
    const summary = opts.questions
      ? await runExportUnreviewed({
          ...common,
          questions: await readQuestionsFile(opts.questions as string),
          name: basename(resolve(opts.out as string)),
        })
      : await runExport({
          ...common,
          dataset: opts.dataset as string,
          workspace: opts.workspace,
          includeUnreviewed: Boolean(opts.includeUnreviewed),
          output: out,
        });
    if (opts.report)
      summary.report = await writeExportReport({ report: opts.report, questions: opts.questions, dir: summary.dir });
    const r = summary.records;
    out.result(
      [
        `wrote ${summary.dir}: test ${summary.splits.test} rows, dev ${summary.splits.dev} rows (${r.unreviewed} unreviewed)`,
        opts.dataset
          ? `reviews: ${r.submitted} submitted, ${r.discarded} discarded, ${r.draft} draft, ${r.pending} pending`
          : undefined,
        summary.hub
          ? `published ${summary.hub.commitUrl} (${summary.hub.private ? "private" : "public"}); pin it with --revision ${summary.hub.commitOid}`
          : undefined,
        summary.report ? `report: ${summary.report}` : undefined,
      ]
        .filter(Boolean)
        .join("\n"),
      summary,
    );
  });

  addEvaluateCommand(program, (opts) => commandContext(program, opts));

  program
    .command("task")
    .description("write the LightEval task file (or lm-evaluation-harness YAML) for a dataset, and print the command")
    .requiredOption("--dataset <dir-or-repo>", "dataset folder, or Hub dataset id owner/name")
    .requiredOption("--name <name>", "task name: letters, digits, _ and -, starting with a letter")
    .option("--out <file>", "file to write (default: NAME.py, or NAME.yaml for lm-eval)")
    .option("--instruction <text>", "text shown before every question")
    .option("--language <code>", "language of the default header (default: the dataset card's, else en)")
    .option("--revision <sha>", "pin a Hub dataset to this commit")
    .addOption(
      new Option("--lighteval-version <v>", "LightEval API to target").choices(["0.13", "0.10"]).default("0.13"),
    )
    .addOption(new Option("--format <f>", "task file format").choices(["lighteval", "lm-eval"]).default("lighteval"))
    .addOption(
      new Option("--metrics <mode>", "scoring").choices(["loglikelihood", "loglikelihood-letters", "generative"]),
    )
    .option("--few-shots <k>", "few-shot examples from the dev split", nonNegativeInt("--few-shots"))
    .option("--model-args <args>", "model arguments for the printed command, e.g. model_name=/path/to/model")
    .option("--json", "print {file, command} as JSON")
    .action(async (opts: Record<string, unknown> & { json?: boolean }) => {
      const out = createOutput({ json: Boolean(opts.json) });
      const format = opts.format as "lighteval" | "lm-eval";
      const name = opts.name as string;
      const result = await runTask({
        dataset: opts.dataset as string,
        name,
        out: (opts.out as string | undefined) ?? `${name}.${format === "lm-eval" ? "yaml" : "py"}`,
        instruction: opts.instruction as string | undefined,
        language: opts.language as string | undefined,
        revision: opts.revision as string | undefined,
        lightevalVersion: opts.lightevalVersion as "0.13" | "0.10",
        format,
        metrics: opts.metrics as never,
        fewShots: opts.fewShots as number | undefined,
        modelArgs: opts.modelArgs as string | undefined,
      });
      out.result(`wrote ${result.file}\nrun it with:\n  ${result.command}`, result);
    });

  addCardOptions(
    addArgillaOptions(
      addModelOptions(
        program
          .command("run")
          .description("the whole pipeline: generate → review in Argilla → export → task")
          .requiredOption("--docs <dir>", "folder of documents")
          .option("--out <dir>", "folder for questions.jsonl, the dataset and the task file", "out")
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
  )
    .addHelpText(
      "after",
      "\nWith a reachable Argilla the run stops after sending the questions for review: review them, then run export and task.\nWithout one it stops before review, unless --skip-review.\n\nExample:\n  domain-eval run --docs examples/documents --out out/demo --skip-review",
    )
    .action(async (opts: Record<string, unknown> & CommonFlags) => {
      const { config, out, domain } = await commandContext(program, opts);
      // Fail on a missing model before any work.
      const model = await createChatModel(config, {
        maxOutputTokens: opts.maxOutputTokens as number | undefined,
        info: (line) => out.info(line),
      });
      const { summary, exitCode } = await runPipeline({
        generate: { ...generateOptions(opts, domain), outDir: opts.out as string },
        datasetName: taskNameFor(opts.dataset as string),
        skipReview: Boolean(opts.skipReview),
        validate: opts.validate !== false,
        pushToHub: opts.pushToHub as string | undefined,
        public: Boolean(opts.public),
        card: cardOptions(opts as never),
        config,
        model: async () => model,
        output: out,
        signal: interruptSignal((t) => out.info(t)),
      }).finally(() => disposeChatModel(model));
      if (out.json) out.result("", summary);
      else if (summary.next.length > 0) out.result(["next:", ...summary.next.map((n) => `  ${n}`)].join("\n"));
      process.exitCode = exitCode;
    });

  registerReportCommand(program);
  registerValidateCommand(program, { context: (opts) => commandContext(program, opts), signal: interruptSignal });

  program
    .command("domains")
    .description("list the installed domain plugins (use one with --domain ID)")
    .option("--json", "JSON output")
    .action(async (opts: { json?: boolean }) => {
      const out = createOutput({ json: Boolean(opts.json) });
      const installed = await listInstalledDomains();
      if (installed.length === 0)
        out.info("no domain plugins installed: npm install @domain-eval/domain-finance, or npm run new:domain -- NAME");
      for (const d of installed) {
        const plugin = await loadDomain(d.id).catch(() => undefined);
        out.result(`${d.id.padEnd(14)} ${plugin?.displayName ?? "(not built)"}  ${d.packageName}@${d.version}`, {
          id: d.id,
          displayName: plugin?.displayName,
          package: d.packageName,
          version: d.version,
          languages: plugin?.languages,
        });
      }
    });

  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander already printed help or the usage error
      process.exitCode = error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
      return;
    }
    const message = redactSecrets(error instanceof Error ? error.message : String(error), knownSecrets);
    process.stderr.write(`domain-eval: ${message}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : EXIT.FAILED;
  }
}
