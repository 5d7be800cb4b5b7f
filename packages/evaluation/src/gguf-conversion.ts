import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { EVALUATION_PYTHON_DIR } from "./lighteval-output.js";
import { failureReason, runProcess } from "./lighteval-process.js";

/**
 * Converts a GGUF file to a transformers model folder once: `modelCacheDir/<sha256>/transformers`, next to where
 * `fetchEmbeddedModel` keeps the GGUF itself. transformers de-quantizes the weights to float32 (`gguf_file=`, needs the
 * `gguf` package in the evaluation Python); later calls find the folder and return at once.
 *
 * @example
 * const { dir } = await convertGgufToTransformers({ ggufFile, sha256, modelCacheDir, python });
 */
export async function convertGgufToTransformers(params: {
  /** The GGUF file. */
  ggufFile: string;
  /** Its sha256 (hex): the cache key. */
  sha256: string;
  /** Cache root, e.g. `~/.cache/domain-eval/models`. */
  modelCacheDir: string;
  /** Evaluation Python (transformers, gguf). */
  python: string;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Told when a conversion starts (not when the folder is cached). */
  onConvert?: () => void;
}): Promise<{ dir: string } | { error: string }> {
  const dir = join(params.modelCacheDir, params.sha256, "transformers");
  if (existsSync(join(dir, "config.json"))) return { dir };
  params.onConvert?.();
  await mkdir(join(params.modelCacheDir, params.sha256), { recursive: true });
  const outcome = await runProcess({
    command: params.python,
    args: [join(EVALUATION_PYTHON_DIR, "convert_gguf.py"), params.ggufFile, dir],
    env: params.env,
    signal: params.signal,
  });
  if (outcome.code !== 0 || !existsSync(join(dir, "config.json"))) {
    return { error: `converting ${params.ggufFile} with transformers failed: ${failureReason(outcome.tail)}` };
  }
  return { dir };
}
