import { totalmem } from "node:os";
import {
  GgufInsights,
  getLlama,
  InsufficientMemoryError,
  type Llama,
  LlamaLogLevel,
  type LlamaModel,
  NoBinaryFoundError,
  readGgufFileInfo,
} from "node-llama-cpp";
import { LocalModelError } from "./local-model-error.js";
import { type CheckedModelFile, checkModelFile } from "./model-file.js";

/** A model loaded into memory, with the llama.cpp runtime that owns it. */
export interface LoadedLocalModel {
  llama: Llama;
  model: LlamaModel;
  file: CheckedModelFile;
}

const runtimes = new Map<string, Promise<Llama>>();

/**
 * llama.cpp's last error lines. They say why a load failed ("tensor … data is not within the file bounds"), which
 * node-llama-cpp's exception does not, so they go into our one-line message instead of onto stderr.
 */
const recentLlamaErrors: string[] = [];

function rememberLlamaError(_level: LlamaLogLevel, message: string): void {
  const line = message.trim();
  if (line === "") return;
  recentLlamaErrors.push(line);
  if (recentLlamaErrors.length > 5) recentLlamaErrors.shift();
}

/** The most specific reason llama.cpp logged for a failed load, if any, and forget the rest. */
function takeLlamaLoadReason(): string | undefined {
  const reason =
    recentLlamaErrors.find((line) => line.includes("error loading model:")) ??
    recentLlamaErrors.find((line) => !line.includes("failed to load model"));
  recentLlamaErrors.length = 0;
  return reason?.replace(/^.*error loading model:\s*/, "");
}

/**
 * The llama.cpp runtime, created once per process and GPU choice. `build: "never"` and `skipDownload` make sure
 * nothing is fetched or compiled at run time: only the prebuilt binary installed from the npm registry is used.
 */
function llamaRuntime(gpu: boolean): Promise<Llama> {
  const key = gpu ? "gpu" : "cpu";
  let runtime = runtimes.get(key);
  if (!runtime) {
    runtime = getLlama({
      gpu: gpu ? "auto" : false,
      build: "never",
      skipDownload: true,
      progressLogs: false,
      logLevel: LlamaLogLevel.error,
      logger: rememberLlamaError,
    });
    runtimes.set(key, runtime);
    runtime.catch(() => runtimes.delete(key));
  }
  return runtime;
}

/** Turns node-llama-cpp's failures into one line that says what to do. */
export function explainLoadFailure(error: unknown, modelFile: string): LocalModelError {
  if (error instanceof LocalModelError) return error;
  if (error instanceof NoBinaryFoundError) {
    return new LocalModelError({
      code: "NO_LLAMA_BINARY",
      modelFile,
      message: `node-llama-cpp has no working prebuilt llama.cpp binary for ${process.platform}-${process.arch}: reinstall with optional dependencies enabled (npm install --include=optional), or build one with \`npx --no node-llama-cpp source download\` (needs cmake and a C++ compiler)`,
      cause: error,
    });
  }
  if (error instanceof InsufficientMemoryError) {
    return new LocalModelError({
      code: "INSUFFICIENT_MEMORY",
      modelFile,
      message: `not enough memory for ${modelFile} (${error.message}): pass a smaller contextSize, close other programs, or use a smaller quantization of the model`,
      cause: error,
    });
  }
  const detail = takeLlamaLoadReason() ?? (error instanceof Error ? error.message : String(error));
  return new LocalModelError({
    code: "MODEL_LOAD_FAILED",
    modelFile,
    message: `llama.cpp could not load ${modelFile} (${detail}): the file may be truncated (download it again) or use an architecture this node-llama-cpp version does not support (update node-llama-cpp)`,
    cause: error,
  });
}

/**
 * Checks the file, refuses models larger than this machine's memory, and loads the model with llama.cpp.
 *
 * @example
 * ```ts
 * const { model } = await loadLocalModel({ modelFile: "models/model.gguf", gpu: false });
 * ```
 */
export async function loadLocalModel(params: {
  /** Path of the `.gguf` file. */
  modelFile: string;
  /** Offload layers to a GPU when one is available. */
  gpu: boolean;
}): Promise<LoadedLocalModel> {
  const file = await checkModelFile({ modelFile: params.modelFile });
  try {
    const llama = await llamaRuntime(params.gpu);
    const info = await readGgufFileInfo(file.path, { sourceType: "filesystem", logWarnings: false });
    const insights = await GgufInsights.from(info, llama);
    const memoryBytes = totalmem();
    if (!params.gpu && insights.modelSize > memoryBytes) {
      throw new LocalModelError({
        code: "INSUFFICIENT_MEMORY",
        modelFile: file.path,
        message: `${file.fileName} needs about ${formatGiB(insights.modelSize)} of memory but this machine has ${formatGiB(memoryBytes)}: use a smaller model or a smaller quantization (for example Q4_K_M)`,
      });
    }
    takeLlamaLoadReason(); // forget errors logged before this load
    const model = await llama.loadModel({ modelPath: file.path, gpuLayers: params.gpu ? "auto" : 0 });
    return { llama, model, file };
  } catch (error) {
    await llamaLogsDelivered();
    throw explainLoadFailure(error, file.path);
  }
}

/**
 * llama.cpp's log lines reach JavaScript through a thread-safe callback, so on a busy machine the line that says why
 * a load failed can arrive after the exception: wait for it a little (only on this failure path).
 */
async function llamaLogsDelivered(): Promise<void> {
  for (
    let waited = 0;
    waited < 1000 && !recentLlamaErrors.some((l) => l.includes("error loading model:"));
    waited += 20
  ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function formatGiB(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
}
