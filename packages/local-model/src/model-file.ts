import { open, stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { LocalModelError } from "./local-model-error.js";

/** Every GGUF file starts with these four bytes. */
const GGUF_MAGIC = "GGUF";

/** A model file that exists, is readable, and starts like a GGUF file. */
export interface CheckedModelFile {
  /** Absolute path. */
  path: string;
  /** The file name, used as the model's name in responses. */
  fileName: string;
  /** File size in bytes. */
  sizeBytes: number;
}

/**
 * Checks that `modelFile` is a readable GGUF file before anything heavier touches it, so the user gets one line
 * saying what is wrong instead of a llama.cpp failure.
 *
 * @example
 * ```ts
 * const { path, sizeBytes } = await checkModelFile({ modelFile: "models/qwen2.5-1.5b-instruct-q4_k_m.gguf" });
 * ```
 */
export async function checkModelFile(params: {
  /** Path of the `.gguf` file, absolute or relative to the working directory. */
  modelFile: string;
}): Promise<CheckedModelFile> {
  const { modelFile } = params;
  if (typeof modelFile !== "string" || modelFile.trim() === "") {
    throw new TypeError("modelFile is empty: pass the path of a .gguf model file");
  }
  const path = resolve(modelFile);
  let sizeBytes: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      throw new LocalModelError({
        code: "NOT_A_GGUF_FILE",
        modelFile: path,
        message: `${path} is a folder, not a model file: pass the path of the .gguf file inside it`,
      });
    }
    sizeBytes = info.size;
  } catch (error) {
    if (error instanceof LocalModelError) throw error;
    const missing = ["ENOENT", "ENOTDIR"].includes((error as NodeJS.ErrnoException).code ?? "");
    throw new LocalModelError({
      code: "MODEL_FILE_NOT_FOUND",
      modelFile: path,
      message: missing
        ? `model file not found: ${path}: check the path, or download a GGUF model (for example a small instruct model) and pass its path`
        : `cannot read model file ${path} (${(error as Error).message}): check its permissions`,
      cause: error,
    });
  }

  let head: Buffer;
  try {
    const handle = await open(path, "r");
    try {
      head = Buffer.alloc(4);
      const { bytesRead } = await handle.read(head, 0, 4, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new LocalModelError({
      code: "MODEL_FILE_NOT_FOUND",
      modelFile: path,
      message: `cannot read model file ${path} (${(error as Error).message}): check its permissions`,
      cause: error,
    });
  }
  if (head.toString("latin1") !== GGUF_MAGIC) {
    throw new LocalModelError({
      code: "NOT_A_GGUF_FILE",
      modelFile: path,
      message: `${path} is not a GGUF model file: llama.cpp needs a .gguf file (download the GGUF version of the model, or convert it with llama.cpp's convert_hf_to_gguf.py)`,
    });
  }
  return { path, fileName: basename(path), sizeBytes };
}
