import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { errorMessage, ifExists } from "@domain-eval/core";
import { datasetCardLanguages } from "@domain-eval/hub-publisher";
import {
  type LightevalVersion,
  renderLightevalTask,
  renderLmEvalTask,
  type TaskConfig,
  TaskConfigError,
  type TaskScoring,
} from "@domain-eval/lighteval-task";
import { type Command, Option } from "commander";
import { CliError, EXIT } from "../cli-error.js";
import { filePath, type JsonFlag, languageCode, nonNegativeInt } from "../command-options.js";
import { createOutput } from "../output.js";

export interface TaskOptions {
  dataset: string;
  name: string;
  out: string;
  instruction?: string;
  /** Language of the default header; default: the dataset card's first language (local folders), else English. */
  language?: string;
  revision?: string;
  lightevalVersion: LightevalVersion;
  format: "lighteval" | "lm-eval";
  metrics?: TaskScoring;
  fewShots?: number;
  modelArgs?: string;
}

/** A Hub dataset id, `owner/name`, as LightEval and the task config take it (not a relative path such as ./x/y). */
const HUB_DATASET_ID = /^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/u;

/** A dataset argument is a local folder (holding data/*.parquet) when it exists on disk; otherwise a Hub id. */
function datasetFor(options: TaskOptions): TaskConfig["dataset"] {
  if (existsSync(options.dataset)) {
    if (!statSync(options.dataset).isDirectory()) {
      throw new CliError(`--dataset ${options.dataset} is a file: pass the dataset folder (the one holding data/)`);
    }
    if (options.revision) throw new CliError("--revision applies to Hub datasets only: drop it for a local folder");
    const data = join(options.dataset, "data");
    let parquet: string[] = [];
    try {
      parquet = readdirSync(data).filter((f) => f.endsWith(".parquet"));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") {
        throw new CliError(
          `cannot read ${data} (${errorMessage(error)}): check the dataset folder's permissions`,
          EXIT.USAGE,
          {
            cause: error,
          },
        );
      }
    }
    if (parquet.length === 0) {
      throw new CliError(
        `--dataset ${options.dataset} holds no data/*.parquet: pass a dataset folder written by domain-eval export (or a Hub id owner/name)`,
      );
    }
    return { path: resolve(options.dataset) };
  }
  // a path that does not exist is not a Hub id (owner/name): say it is missing, not that it is a bad id
  if (!HUB_DATASET_ID.test(options.dataset)) {
    throw new CliError(
      `--dataset ${options.dataset} does not exist: pass the folder domain-eval export wrote, or a Hub id owner/name`,
    );
  }
  return { repo: options.dataset, revision: options.revision };
}

/**
 * The first language a local dataset folder's card declares (hub-publisher writes it from the questions). A folder
 * without a card has none; an unreadable one is an error with its cause (it would fail in LightEval too).
 */
async function cardLanguage(dir: string): Promise<string | undefined> {
  const path = join(dir, "README.md");
  const readme = await ifExists(readFile(path, "utf8")).catch((error: unknown) => {
    throw new CliError(
      `cannot read ${path} (${errorMessage(error)}): check the dataset folder's permissions`,
      EXIT.USAGE,
      {
        cause: error,
      },
    );
  });
  return readme === undefined ? undefined : datasetCardLanguages({ readme })[0];
}

/** Writes text through a temporary file so an existing task file is never left half-written. */
async function writeFileAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text, "utf8");
  await rename(temporary, path);
}

/**
 * `domain-eval task`: writes a LightEval task file (or lm-evaluation-harness YAML) and returns the command that
 * runs it. Rule-breaking names and values are input errors (exit 2) naming the rule.
 */
export async function runTask(options: TaskOptions): Promise<{ file: string; command: string; taskSpec?: string }> {
  const out = resolve(options.out);
  const dataset = datasetFor(options);
  const config: TaskConfig = {
    name: options.name,
    dataset,
    instruction: options.instruction,
    language: options.language ?? ("path" in dataset ? await cardLanguage(dataset.path) : undefined),
    lightevalVersion: options.lightevalVersion,
    metrics: options.metrics,
    fewShots: options.fewShots,
    modelArgs: options.modelArgs,
    taskFilePath: out,
  };
  try {
    if (options.format === "lm-eval") {
      const rendered = renderLmEvalTask({ ...config, includePath: dirname(out) });
      await writeFileAtomically(out, rendered.yaml);
      return { file: out, command: rendered.command };
    }
    const rendered = renderLightevalTask(config);
    await writeFileAtomically(out, rendered.source);
    return { file: out, command: rendered.command, taskSpec: rendered.taskSpec };
  } catch (error) {
    if (error instanceof TaskConfigError) throw new CliError(error.message, EXIT.USAGE, { cause: error });
    throw error;
  }
}

export function taskFileName(name: string, format: TaskOptions["format"]): string {
  return format === "lm-eval" ? `${basename(name)}.yaml` : `${basename(name)}.py`;
}

/** Options of `domain-eval task`. */
export interface TaskCommandOptions extends JsonFlag {
  dataset: string;
  name: string;
  out?: string;
  instruction?: string;
  language?: string;
  revision?: string;
  lightevalVersion: LightevalVersion;
  format: TaskOptions["format"];
  metrics?: TaskScoring;
  fewShots?: number;
  modelArgs?: string;
}

/** Adds `domain-eval task` to the program. */
export function registerTaskCommand(program: Command): void {
  program
    .command("task")
    .description("write the LightEval task file (or lm-evaluation-harness YAML) for a dataset, and print the command")
    .requiredOption("--dataset <dir-or-repo>", "dataset folder, or Hub dataset id owner/name")
    .requiredOption("--name <name>", "task name: letters, digits, _ and -, starting with a letter")
    .option("--out <file>", "file to write (default: NAME.py, or NAME.yaml for lm-eval)", filePath("--out", "task.py"))
    .option("--instruction <text>", "text shown before every question")
    .option(
      "--language <code>",
      "language of the default header (default: the dataset card's, else en)",
      languageCode("--language"),
    )
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
    .action(async (opts: TaskCommandOptions) => {
      const out = createOutput({ json: Boolean(opts.json) });
      const result = await runTask({
        dataset: opts.dataset,
        name: opts.name,
        out: opts.out ?? `${opts.name}.${opts.format === "lm-eval" ? "yaml" : "py"}`,
        instruction: opts.instruction,
        language: opts.language,
        revision: opts.revision,
        lightevalVersion: opts.lightevalVersion,
        format: opts.format,
        metrics: opts.metrics,
        fewShots: opts.fewShots,
        modelArgs: opts.modelArgs,
      });
      out.result(`wrote ${result.file}\nrun it with:\n  ${result.command}`, result);
    });
}
