import { readGgufFileInfo } from "node-llama-cpp";
import { explainLoadFailure } from "./load-local-model.js";
import { checkModelFile } from "./model-file.js";

/** What a GGUF model file says about itself, for a run summary. */
export interface LocalModelDescription {
  /** The model's name from its metadata (`general.name`), else the file name. */
  name: string;
  /** The file name. */
  fileName: string;
  /** File size in bytes. */
  sizeBytes: number;
  /** The model architecture, e.g. `llama`, `qwen2`, `gemma3`. */
  architecture: string;
  /** The context length the model was trained for, in tokens, when the file says. */
  contextLength: number | undefined;
}

/**
 * Reads a GGUF file's header (not its weights) and describes the model: quick, and without loading it.
 * Fails with a {@link LocalModelError} when the file is missing or not GGUF.
 *
 * @example
 * ```ts
 * const { name, architecture, contextLength, sizeBytes } = await describeLocalModel({
 *   modelFile: "models/qwen2.5-1.5b-instruct-q4_k_m.gguf",
 * });
 * console.log(`${name} (${architecture}, ${contextLength} tokens, ${(sizeBytes / 1e9).toFixed(1)} GB)`);
 * ```
 */
export async function describeLocalModel(params: {
  /** Path of the `.gguf` model file. */
  modelFile: string;
}): Promise<LocalModelDescription> {
  const file = await checkModelFile({ modelFile: params.modelFile });
  try {
    const info = await readGgufFileInfo(file.path, {
      sourceType: "filesystem",
      readTensorInfo: false,
      logWarnings: false,
      // The vocabulary is most of a header and is not needed here.
      ignoreKeys: [
        "tokenizer.ggml.tokens",
        "tokenizer.ggml.scores",
        "tokenizer.ggml.token_type",
        "tokenizer.ggml.merges",
      ],
    });
    const general = info.metadata.general as { name?: unknown; architecture?: unknown } | undefined;
    const contextLength = (info.architectureMetadata as { context_length?: unknown }).context_length;
    return {
      name: typeof general?.name === "string" && general.name.trim() !== "" ? general.name : file.fileName,
      fileName: file.fileName,
      sizeBytes: file.sizeBytes,
      architecture: typeof general?.architecture === "string" ? general.architecture : "unknown",
      contextLength: typeof contextLength === "number" ? contextLength : undefined,
    };
  } catch (error) {
    throw explainLoadFailure(error, file.path);
  }
}
