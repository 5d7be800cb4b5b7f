import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { datasetCardLanguages } from "@domain-eval/hub-publisher";
import {
  type LightevalVersion,
  renderLightevalTask,
  renderLmEvalTask,
  type TaskConfig,
  TaskConfigError,
  type TaskScoring,
} from "@domain-eval/lighteval-task";
import { CliError } from "../cli-error.js";

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

/** A dataset argument is a local folder when it exists on disk; otherwise a Hub id. */
function datasetFor(options: TaskOptions): TaskConfig["dataset"] {
  if (existsSync(options.dataset)) {
    if (!statSync(options.dataset).isDirectory()) {
      throw new CliError(`--dataset ${options.dataset} is a file: pass the dataset folder (the one holding data/)`);
    }
    if (options.revision) throw new CliError("--revision applies to Hub datasets only: drop it for a local folder");
    return { path: resolve(options.dataset) };
  }
  return { repo: options.dataset, revision: options.revision };
}

/** The first language a local dataset folder's card declares (hub-publisher writes it from the questions). */
function cardLanguage(dir: string): string | undefined {
  const readme = join(dir, "README.md");
  return existsSync(readme) ? datasetCardLanguages({ readme: readFileSync(readme, "utf8") })[0] : undefined;
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
    language: options.language ?? ("path" in dataset ? cardLanguage(dataset.path) : undefined),
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
    if (error instanceof TaskConfigError) throw new CliError(error.message);
    throw error;
  }
}

export function taskFileName(name: string, format: TaskOptions["format"]): string {
  return format === "lm-eval" ? `${basename(name)}.yaml` : `${basename(name)}.py`;
}
