import { resolveModelFile } from "node-llama-cpp";
import { LocalModelError } from "./local-model-error.js";

/** True for a model URI node-llama-cpp downloads (`hf:owner/repo/file.gguf`, `https://…`) rather than a local path. */
export function isModelUri(modelFile: string): boolean {
  return /^(hf:|huggingface:|https?:\/\/)/iu.test(modelFile.trim());
}

/**
 * Turns a model URI such as `hf:owner/repo/file.gguf` into a local file with node-llama-cpp's own resolver
 * (`resolveModelFile`): downloaded once into `directory`, reused afterwards. A local path is returned unchanged. This
 * is a thin pass-through for machines that reach the Hugging Face Hub; it is not tested here, where the Hub is not
 * reachable.
 *
 * @example
 * ```ts
 * const modelFile = await resolveModelUri({ uri: "hf:bartowski/Qwen2.5-1.5B-Instruct-GGUF/Qwen2.5-1.5B-Instruct-Q4_K_M.gguf", directory: cacheDir });
 * const model = await createLocalChatModel({ modelFile });
 * ```
 */
export async function resolveModelUri(params: {
  /** A `hf:` / `https:` model URI, or a local path (returned as is). */
  uri: string;
  /** Where downloaded models are kept. */
  directory: string;
  /** Hugging Face token for gated or private repositories. */
  hfToken?: string;
}): Promise<string> {
  if (!isModelUri(params.uri)) return params.uri;
  try {
    return await resolveModelFile(params.uri, {
      directory: params.directory,
      cli: false,
      ...(params.hfToken ? { tokens: { huggingFace: params.hfToken } } : {}),
    });
  } catch (error) {
    throw new LocalModelError({
      code: "MODEL_FETCH_FAILED",
      modelFile: params.uri,
      message: `cannot download ${params.uri} (${error instanceof Error ? error.message.split("\n")[0] : String(error)}): check the URI and your connection to the Hub, or download the .gguf file yourself and pass its path`,
      cause: error,
    });
  }
}
