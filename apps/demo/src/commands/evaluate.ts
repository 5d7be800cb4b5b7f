import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { errorMessage, ifExists } from "@domain-eval/core";
import {
  EvaluationError,
  type EvaluationProgress,
  type EvaluationResults,
  evaluateModels,
  parseModelSpec,
  readDatasetSource,
  renderHubEvalFiles,
  renderResultsMarkdown,
} from "@domain-eval/evaluation";
import { publishDataset, replaceCardResults } from "@domain-eval/hub-publisher";
import type { Command } from "commander";
import { CliError, EXIT } from "../cli-error.js";
import { commandContext } from "../command-context.js";
import { folderPath, type JsonFlag } from "../command-options.js";
import type { CliConfig } from "../config.js";
import type { CliOutput } from "../output.js";
import { taskNameFor } from "./export.js";

export interface EvaluateOptions {
  dataset: string;
  models: string[];
  out: string;
  revision?: string;
  taskFile?: string;
  name?: string;
  instruction?: string;
  fewShots?: number;
  device?: string;
  batchSize?: number;
  modelArgs?: string;
  python?: string;
  pushToHub?: string;
  public: boolean;
}

/** The evaluation venv's Python: --python, else $DOMAIN_EVAL_PYTHON, else the one tools/peers/venv.sh builds. */
function evaluationPython(options: EvaluateOptions, output: CliOutput): string {
  const given = options.python ?? process.env.DOMAIN_EVAL_PYTHON;
  if (given) return resolve(given);
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "tools", "peers", "venv.sh"))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new CliError(
        "no evaluation Python: pass --python /path/to/venv/bin/python (a venv with lighteval==0.13.0, transformers, gguf) or set DOMAIN_EVAL_PYTHON",
      );
    }
    dir = parent;
  }
  const script = join(dir, "tools", "peers", "venv.sh");
  try {
    return join(execFileSync("bash", [script, "eval", "--if-ready"], { encoding: "utf8" }).trim(), "bin", "python");
  } catch {
    output.info(
      "installing the evaluation venv (tools/peers/venv.sh eval: LightEval, transformers, torch; once per machine)",
    );
  }
  const venv = execFileSync("bash", [script, "eval"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  return join(venv, "bin", "python");
}

function parseModelArgs(text: string | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  const pairs = text.split(",").map((pair) => pair.split("="));
  if (pairs.some((pair) => pair.length !== 2 || !pair[0] || !pair[1])) {
    throw new CliError(`--model-args ${JSON.stringify(text)} is not key=value,key=value (e.g. max_length=512)`);
  }
  return Object.fromEntries(pairs as [string, string][]);
}

function describeResult(event: Extract<EvaluationProgress, { type: "model-done" }>): string {
  const { result, index, total } = event;
  const where = `[${index + 1}/${total}] ${result.name}`;
  if (result.status === "failed") return `✗ ${where}: failed: ${result.error}`;
  const s = result.scores;
  const norm = s?.acc_norm === null || s?.acc_norm === undefined ? "" : `, acc_norm ${s.acc_norm.toFixed(3)}`;
  const took = result.cached ? "reused from the results cache" : `${result.seconds.toFixed(0)} s`;
  return `✓ ${where}: acc ${s?.acc.toFixed(3)} ± ${(s?.acc_stderr ?? 0).toFixed(3)}${norm} (${result.items.length} questions, ${took})`;
}

/**
 * `domain-eval evaluate`: runs LightEval on each model, writes RESULTS_DIR/results.json, puts the leaderboard and
 * item analysis into the dataset card's Results section, prints them, and optionally publishes them with the dataset.
 * Exit 1 when any model failed; 130 when interrupted (finished models are kept).
 */
export async function runEvaluate(params: {
  options: EvaluateOptions;
  config: CliConfig;
  output: CliOutput;
  signal?: AbortSignal;
}): Promise<{ results: EvaluationResults; exitCode: number; card: string | null; hub?: { commitUrl: string } }> {
  const { options, output } = params;
  if (options.pushToHub && !params.config.hfToken) {
    throw new CliError("HF_TOKEN is not set: export a Hugging Face write token (hf_…) to publish with --push-to-hub");
  }
  let results: EvaluationResults;
  try {
    // The dataset and the model specs are checked before anything slow (finding or installing the evaluation venv,
    // loading models) and before anything is written: a mistyped path fails here, not as a failed row in the card.
    await readDatasetSource({ dataset: options.dataset, revision: options.revision });
    const problems = options.models.flatMap((spec) => {
      const parsed = parseModelSpec({ spec });
      return "problem" in parsed ? [parsed.problem] : [];
    });
    if (problems.length > 0) throw new CliError(`--models: ${problems.join("; ")}`, EXIT.USAGE);
    const python = evaluationPython(options, output);
    results = await evaluateModels({
      dataset: options.dataset,
      revision: options.revision,
      models: options.models,
      outDir: options.out,
      python,
      taskFile: options.taskFile,
      taskName: options.taskFile
        ? undefined
        : taskNameFor(options.name ?? resolve(options.dataset).split("/").at(-1) ?? "exam"),
      instruction: options.instruction,
      fewShots: options.fewShots,
      device: options.device,
      batchSize: options.batchSize,
      modelArgs: parseModelArgs(options.modelArgs),
      signal: params.signal,
      onProgress: (event) => {
        if (event.type === "model-start") {
          output.info(
            `[${event.index + 1}/${event.total}] ${event.name}: starting${event.command ? `\n  ${event.command}` : ""}`,
          );
        } else if (event.type === "converting") {
          output.info(`  ${event.name}: converting ${event.ggufFile} to a transformers folder (once; cached)`);
        } else if (event.type === "phase") {
          output.info(`  ${event.name}: ${event.phase}`);
        } else {
          output.info(describeResult(event));
        }
      },
    });
  } catch (error) {
    if (error instanceof EvaluationError) throw new CliError(error.message, EXIT.USAGE, { cause: error });
    throw error;
  }
  const markdown = renderResultsMarkdown({ results });
  await writeFile(join(resolve(options.out), "results.md"), `${markdown}\n`, "utf8");
  let card: string | null = null;
  const readmePath = join(resolve(options.dataset), "README.md");
  const readme = await ifExists(readFile(readmePath, "utf8"));
  // a card only gains results a model produced: a run where every model failed leaves it as it was
  const anyFinished = results.models.some((m) => m.status === "ok");
  if (readme !== undefined && !anyFinished) output.info(`${readmePath} left unchanged: no model finished`);
  if (readme !== undefined && anyFinished) {
    await writeFile(readmePath, replaceCardResults({ readme, results: markdown }), "utf8");
    card = readmePath;
  }
  let hub: { commitUrl: string } | undefined;
  if (options.pushToHub && !results.interrupted && !anyFinished) {
    output.info(`not published to ${options.pushToHub}: no model finished`);
  }
  if (options.pushToHub && !results.interrupted && anyFinished) {
    try {
      const published = await publishDataset({
        repo: options.pushToHub,
        dir: options.dataset,
        accessToken: params.config.hfToken,
        private: !options.public,
        commitMessage: "Add evaluation results (domain-eval evaluate)",
        extraFiles: renderHubEvalFiles({ results, repo: options.pushToHub }),
        hubUrl: process.env.HF_ENDPOINT,
      });
      hub = { commitUrl: published.commitUrl };
    } catch (error) {
      throw new CliError(`publishing the results to ${options.pushToHub} failed: ${errorMessage(error)}`, EXIT.FAILED, {
        cause: error,
      });
    }
  }
  const anyFailed = results.models.some((m) => m.status === "failed");
  return {
    results,
    card,
    hub,
    exitCode: results.interrupted ? 130 : anyFailed ? EXIT.FAILED : EXIT.OK,
  };
}

/** Options of `domain-eval evaluate`. */
export interface EvaluateCommandOptions extends EvaluateOptions, JsonFlag {}

/** Adds `domain-eval evaluate` to the program. */
export function registerEvaluateCommand(program: Command): void {
  program
    .command("evaluate")
    .description(
      "run LightEval on models, write results.json with item analysis, and add a Results section to the card",
    )
    .requiredOption("--dataset <dir-or-repo>", "dataset folder (from export), or Hub dataset id owner/name")
    .requiredOption(
      "--models <spec...>",
      "smollm2-135m-instruct, gemma-3-270m, a .gguf file, a model folder, a Hub model id, or endpoint:MODEL@BASE_URL",
    )
    .requiredOption(
      "--out <dir>",
      "results folder (results.json, results.md, LightEval's output, the results cache)",
      folderPath("--out"),
    )
    .option("--revision <sha>", "pin a Hub dataset to this commit")
    .option("--task-file <file>", "reuse this LightEval task file (from `domain-eval task`) instead of writing one")
    .option("--name <task>", "task name of the written task file (default: from the dataset folder name)")
    .option("--instruction <text>", "text shown before every question")
    .option("--few-shots <k>", "few-shot examples from the dev split", (v) => Number.parseInt(v, 10))
    .option("--device <device>", "transformers device: cpu (default, float32), cuda, mps", "cpu")
    .option("--batch-size <n>", "LightEval batch size for transformers models", (v) => Number.parseInt(v, 10), 8)
    .option("--model-args <k=v,...>", "extra LightEval model arguments for transformers models, e.g. max_length=512")
    .option(
      "--python <path>",
      "Python of the evaluation venv (env DOMAIN_EVAL_PYTHON; default: tools/peers/venv.sh eval)",
    )
    .option(
      "--push-to-hub <repo>",
      "publish the dataset with eval.yaml and the results to this Hub repo (needs HF_TOKEN)",
    )
    .option("--public", "make a newly created Hub repo public", false)
    .option("--json", "print results.json instead of the tables")
    .addHelpText(
      "after",
      "\nExit codes: 0 every model evaluated, 1 some model failed (the others are in results.json), 2 unusable input, 130 interrupted.\n\nExamples:\n  domain-eval evaluate --dataset out/acme-exam --models smollm2-135m-instruct gemma-3-270m --out out/acme-results\n  domain-eval evaluate --dataset out/acme-exam --models ./my-model.gguf endpoint:qwen2.5-7b@http://127.0.0.1:8000/v1 --out out/r",
    )
    .action(async (opts: EvaluateCommandOptions) => {
      const { config, out } = await commandContext(program, opts);
      const controller = new AbortController();
      process.once("SIGINT", () => {
        out.info(
          "interrupted: stopping the model in progress; finished models stay in results.json (Ctrl-C again to quit now)",
        );
        controller.abort();
        process.once("SIGINT", () => process.exit(130));
      });
      const { results, exitCode, card, hub } = await runEvaluate({
        options: opts,
        config,
        output: out,
        signal: controller.signal,
      });
      const where = join(resolve(opts.out), "results.json");
      if (out.json) out.result("", results);
      else {
        out.result(renderResultsMarkdown({ results, headingLevel: 2 }));
        out.info(
          `wrote ${where}${card ? `; Results section in ${card}` : ""}${hub ? `; published ${hub.commitUrl}` : ""}`,
        );
      }
      process.exitCode = exitCode;
    });
}
