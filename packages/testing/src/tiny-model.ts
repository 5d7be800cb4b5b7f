import { writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runEvalPython } from "./run-eval-python.js";

/** Python helpers shipped with this package (`packages/testing/python`). */
export const TESTING_PYTHON_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "python");

/**
 * `PYTHONPATH` entry whose `sitecustomize.py` works around two defects of the LightEval 0.13 environment for tests
 * (its import-time GitHub download and xxhash 4); a no-op where the environment is already fixed.
 */
export const LIGHTEVAL_ENV_FIXES = join(TESTING_PYTHON_DIR, "lighteval-env-fixes");

/**
 * Builds a tiny randomly initialised Llama (2 layers, 32 dims) with a WordLevel tokenizer trained on `texts`, and
 * saves it to `dir` — a model LightEval's transformers backend can load with no download.
 *
 * @example
 * await makeTinyModel({ dir: join(work, "tiny"), texts: rows.flatMap((r) => [r.question, ...r.choices]) });
 */
export async function makeTinyModel(params: { dir: string; texts: readonly string[] }): Promise<string> {
  const vocabulary = `${params.dir}.words.txt`;
  await writeFile(vocabulary, [...params.texts, "Question Answer"].join("\n"));
  const result = await runEvalPython({
    args: [join(TESTING_PYTHON_DIR, "make_tiny_model.py"), params.dir, vocabulary],
  });
  if (result.code !== 0) throw new Error(`make_tiny_model.py failed (${result.code}): ${result.stderr.slice(-2000)}`);
  return params.dir;
}
