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
import {
  type LlamaBinaryChoice,
  type LlamaBinaryInfo,
  llamaBinaryChoice,
  type RestoredLlamaBuild,
  restoreLlamaBuild,
} from "./llama-build.js";
import { LocalModelError } from "./local-model-error.js";
import { type CheckedModelFile, checkModelFile } from "./model-file.js";

/** A model loaded into memory, with the llama.cpp runtime that owns it. */
export interface LoadedLocalModel {
  llama: Llama;
  model: LlamaModel;
  file: CheckedModelFile;
  /** Which llama.cpp binary runs it (this machine's build or node-llama-cpp's prebuilt one), with one line saying so. */
  binary: LlamaBinaryInfo;
}

interface Runtime {
  llama: Llama;
  binary: LlamaBinaryInfo;
}

const runtimes = new Map<string, Promise<Runtime>>();
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
 * The llama.cpp runtime, created once per process, GPU choice and binary choice. `build: "never"` and `skipDownload`
 * make sure nothing is fetched or compiled at run time: the binary is node-llama-cpp's prebuilt one or, for the CPU,
 * this machine's own build when `buildLlama` made one (`llamaBinary` "auto" or "built"). Two different llama.cpp
 * binaries must not be loaded into one process (they share library names), so a process should keep to one choice.
 */
function llamaRuntime(gpu: boolean, choice: LlamaBinaryChoice, modelFile: string): Promise<Runtime> {
  const key = `${gpu ? "gpu" : "cpu"}-${choice}`;
  let runtime = runtimes.get(key);
  if (!runtime) {
    runtime = openRuntime(gpu, choice, modelFile);
    runtimes.set(key, runtime);
    runtime.catch(() => runtimes.delete(key));
  }
  return runtime;
}

const PREBUILT_HINT =
  "an OpenMP build for this machine (faster with every CPU as threads): `npx --no domain-eval-build-llama`";

async function openRuntime(gpu: boolean, choice: LlamaBinaryChoice, modelFile: string): Promise<Runtime> {
  let restored: RestoredLlamaBuild = { restored: false, missing: true, reason: "" };
  if (choice !== "prebuilt") {
    if (gpu && choice === "built") {
      throw new LocalModelError({
        code: "NO_LLAMA_BUILD",
        modelFile,
        message:
          'this machine\'s llama.cpp build is for the CPU only, but gpu is true: use gpu: false, or llamaBinary "auto" or "prebuilt"',
      });
    }
    if (!gpu) restored = await restoreLlamaBuild({});
    if (!restored.restored && choice === "built") {
      throw new LocalModelError({
        code: "NO_LLAMA_BUILD",
        modelFile,
        message: `llamaBinary is "built" but ${restored.reason}: build one once with \`npx --no domain-eval-build-llama\` (needs cmake, a C++ compiler and git; minutes), or use llamaBinary "auto"`,
      });
    }
  }
  const llama = await getLlama({
    gpu: gpu ? "auto" : false,
    build: "never",
    skipDownload: true,
    ...(restored.restored ? { cmakeOptions: { ...restored.cmakeOptions } } : {}),
    progressLogs: false,
    logLevel: LlamaLogLevel.error,
    logger: rememberLlamaError,
  });
  const openmp = /\bOPENMP = 1\b/u.test(llama.systemInfo);
  if (restored.restored && llama.buildType === "localBuild") {
    return {
      llama,
      binary: {
        kind: "built",
        openmp,
        message: `llama.cpp: this machine's own build${openmp ? " (OpenMP)" : ""} from ${restored.dir}`,
      },
    };
  }
  if (choice === "built") {
    await llama.dispose();
    throw new LocalModelError({
      code: "NO_LLAMA_BUILD",
      modelFile,
      message: `llamaBinary is "built" but node-llama-cpp could not load the build in ${restored.restored ? restored.dir : "the cache"}: build it again with \`npx --no domain-eval-build-llama --force\`, or use llamaBinary "auto"`,
    });
  }
  if (llama.buildType === "localBuild") {
    return {
      llama,
      binary: {
        kind: "node-llama-cpp-build",
        openmp,
        message: `llama.cpp: a build made with node-llama-cpp's own CLI${openmp ? " (OpenMP)" : ""}`,
      },
    };
  }
  // A build that exists but could not be used is worth a word; no build at all is the usual case.
  const why = !restored.restored && !restored.missing ? ` (${restored.reason})` : "";
  return {
    llama,
    binary: {
      kind: "prebuilt",
      openmp,
      message: `llama.cpp: node-llama-cpp's prebuilt binary${openmp ? "" : " (no OpenMP)"}${why}${openmp || gpu ? "" : `; ${PREBUILT_HINT}`}`,
    },
  };
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
  /** Which llama.cpp binary to run on (default: `DOMAIN_EVAL_LLAMA_BINARY`, else "auto"). */
  llamaBinary?: LlamaBinaryChoice;
}): Promise<LoadedLocalModel> {
  const file = await checkModelFile({ modelFile: params.modelFile });
  const choice = llamaBinaryChoice({ choice: params.llamaBinary });
  try {
    const { llama, binary } = await llamaRuntime(params.gpu, choice, file.path);
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
    return { llama, model, file, binary };
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
