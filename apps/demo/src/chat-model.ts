import { type BaseChatModel, SimpleChatModel } from "@langchain/core/language_models/chat_models";
import { ChatOpenAI } from "@langchain/openai";
import { CliError } from "./cli-error.js";
import type { CliConfig } from "./config.js";

/** What to tell a user who has configured no model: every way to configure one. */
export const NO_MODEL_MESSAGE =
  "no model configured: set OPENAI_BASE_URL and DOMAIN_EVAL_MODEL for any OpenAI-compatible endpoint " +
  "(OpenAI, Hugging Face Inference Providers, vLLM, TGI, Ollama, llama.cpp server; plus OPENAI_API_KEY if it needs one), " +
  "or pass --model-file PATH.gguf to run a local GGUF model in-process";

/** A short description of the configured model for summaries (never includes a key). */
export function describeModel(config: CliConfig): string {
  if (config.modelFile) return `local GGUF ${config.modelFile}`;
  return `${config.model ?? "(default model)"} at ${config.openaiBaseUrl ?? "https://api.openai.com/v1"}`;
}

/**
 * Builds the chat model from the configuration: a local GGUF file (node-llama-cpp, in-process) when `modelFile` is
 * set, else any OpenAI-compatible endpoint through `ChatOpenAI`.
 */
export async function createChatModel(
  config: CliConfig,
  options: { maxOutputTokens?: number } = {},
): Promise<BaseChatModel> {
  if (config.modelFile) {
    // Imported lazily so endpoint users never load node-llama-cpp.
    const { createLocalChatModel, LocalModelError } = await import("@domain-eval/local-model");
    try {
      return (await createLocalChatModel({
        modelFile: config.modelFile,
        maxTokens: options.maxOutputTokens,
      })) as unknown as BaseChatModel;
    } catch (error) {
      if (error instanceof LocalModelError) throw new CliError(`--model-file: ${error.message}`);
      throw error;
    }
  }
  if (!config.openaiBaseUrl && !config.openaiApiKey) throw new CliError(NO_MODEL_MESSAGE);
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
  return new ChatOpenAI({
    model: config.model ?? "gpt-4o-mini",
    // Local servers (vLLM, Ollama, llama.cpp) accept any key; the SDK insists on one.
    apiKey: config.openaiApiKey ?? "not-needed",
    configuration: config.openaiBaseUrl ? { baseURL: config.openaiBaseUrl } : undefined,
    temperature: 0.7,
    maxRetries: 4,
    maxTokens: options.maxOutputTokens,
  });
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
