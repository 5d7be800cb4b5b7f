import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Python helpers shipped with this package (`python/`). */
export const EVALUATION_PYTHON_DIR = fileURLToPath(new URL("../python", import.meta.url));

/** Where LightEval 0.13 wrote one run's output. */
export interface LightevalOutputFiles {
  resultsFile: string;
  detailsDir: string;
  detailsFile: string;
}

/** One row of LightEval's details, as `read_lighteval_details.py` prints it. */
export interface LightevalDetail {
  index: number;
  gold: number;
  choices: string[];
  metrics: Record<string, number>;
  logprobs: number[];
  text: string[];
}

/**
 * Finds the results and details files LightEval 0.13 wrote for a model:
 * `OUT/results/<model_name without leading />/results_<date>.json` and
 * `OUT/details/<model_name>/<date>/details_<task>_<date>.parquet`; the newest run not in `before`.
 */
export async function findLightevalOutput(params: {
  outputDir: string;
  /** LightEval's `model_name` argument. */
  modelName: string;
  /** Task spec, e.g. `finance_exam|0`. */
  taskSpec: string;
  /** Results files that existed before the run (ignored). */
  before?: ReadonlySet<string>;
}): Promise<LightevalOutputFiles | null> {
  const relative = params.modelName.replace(/^\/+|\/+$/gu, "");
  const resultsDir = join(params.outputDir, "results", relative);
  if (!existsSync(resultsDir)) return null;
  const files = (await readdir(resultsDir))
    .filter((f) => /^results_.*\.json$/u.test(f))
    .map((f) => join(resultsDir, f))
    .filter((f) => !params.before?.has(f))
    .sort();
  const resultsFile = files.at(-1);
  if (!resultsFile) return null;
  const dateId = (resultsFile.match(/results_(.*)\.json$/u) as RegExpMatchArray)[1] as string;
  const detailsDir = join(params.outputDir, "details", relative, dateId);
  const detailsFile = join(detailsDir, `details_${params.taskSpec}_${dateId}.parquet`);
  return { resultsFile, detailsDir, detailsFile };
}

/** Results files already present for a model (so a new run's file can be told apart). */
export async function existingResultsFiles(params: { outputDir: string; modelName: string }): Promise<Set<string>> {
  const dir = join(params.outputDir, "results", params.modelName.replace(/^\/+|\/+$/gu, ""));
  if (!existsSync(dir)) return new Set();
  return new Set((await readdir(dir)).map((f) => join(dir, f)));
}

/** LightEval's scores for a task from its results JSON (`results["name|k"]`). */
export async function readLightevalScores(params: {
  resultsFile: string;
  taskSpec: string;
}): Promise<Record<string, number>> {
  const json = JSON.parse(await readFile(params.resultsFile, "utf8")) as {
    results?: Record<string, Record<string, number>>;
  };
  const scores = json.results?.[params.taskSpec];
  if (!scores) {
    throw new Error(
      `${params.resultsFile} has no results for ${params.taskSpec} (it has ${Object.keys(json.results ?? {}).join(", ")})`,
    );
  }
  return scores;
}

/** LightEval's per-question details, read from its Parquet file with the evaluation Python (pyarrow). */
export async function readLightevalDetails(params: {
  python: string;
  detailsFile: string;
  env: NodeJS.ProcessEnv;
}): Promise<LightevalDetail[]> {
  let stdout = "";
  const outcome = await new Promise<{ code: number | null; stderr: string }>((resolvePromise, reject) => {
    const child = spawn(params.python, [join(EVALUATION_PYTHON_DIR, "read_lighteval_details.py"), params.detailsFile], {
      env: params.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString("utf8");
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => resolvePromise({ code, stderr }));
  });
  if (outcome.code !== 0)
    throw new Error(`cannot read ${params.detailsFile}: ${outcome.stderr.trim().split("\n").at(-1)}`);
  return JSON.parse(stdout) as LightevalDetail[];
}
