import type { CallbackManagerForLLMRun } from "@langchain/core/callbacks/manager";
import type { BaseLanguageModelInput, StructuredOutputMethodOptions } from "@langchain/core/language_models/base";
import {
  BaseChatModel,
  type BaseChatModelCallOptions,
  type BaseChatModelParams,
  type LangSmithParams,
} from "@langchain/core/language_models/chat_models";
import {
  assembleStructuredOutputPipeline,
  createContentParser,
} from "@langchain/core/language_models/structured_output";
import { AIMessage, AIMessageChunk, type BaseMessage, type UsageMetadata } from "@langchain/core/messages";
import { ChatGenerationChunk, type ChatResult } from "@langchain/core/outputs";
import type { Runnable } from "@langchain/core/runnables";
import { toJsonSchema } from "@langchain/core/utils/json_schema";
import type { SerializableSchema } from "@langchain/core/utils/standard_schema";
import type { InteropZodType } from "@langchain/core/utils/types";
import {
  type LlamaChat,
  LlamaChat as LlamaChatClass,
  type LlamaContext,
  type LlamaContextSequence,
  type LlamaGrammar,
} from "node-llama-cpp";
import { availableCpus, defaultGenerationThreads } from "./available-cpus.js";
import { toChatHistory } from "./chat-history.js";
import { toGrammarJsonSchema } from "./json-schema-grammar.js";
import { type LlamaBinaryChoice, type LlamaBinaryInfo, llamaBinaryChoice } from "./llama-build.js";
import { explainLoadFailure, type LoadedLocalModel, loadLocalModel } from "./load-local-model.js";
import { LocalModelError } from "./local-model-error.js";

/** Compiled grammars kept per model (one per distinct schema). */
const MAX_CACHED_GRAMMARS = 16;

/** Context window used when `contextSize` is not given (or the model's own, if smaller). */
export const DEFAULT_CONTEXT_SIZE = 8192;
/** Answer length limit used when `maxTokens` is not given. */
export const DEFAULT_MAX_TOKENS = 2048;
/** Sampling temperature used when `temperature` is not given: low, for factual, well-formed answers. */
export const DEFAULT_TEMPERATURE = 0.2;

/** How to load and run a local GGUF model. */
export interface LocalChatModelParams extends BaseChatModelParams {
  /** Path of the `.gguf` model file. Nothing is downloaded: the file must already be on this machine. */
  modelFile: string;
  /** Context window in tokens (prompt + answer). Default: the model's trained context, at most 8192. */
  contextSize?: number;
  /** Sampling temperature; `0` is greedy and deterministic. Default 0.2. */
  temperature?: number;
  /** Most tokens one answer may have. Default 2048. */
  maxTokens?: number;
  /** Offload layers to a GPU (CUDA, Vulkan or Metal) when one is available. Default `false`: CPU only. */
  gpu?: boolean;
  /** Seed for sampling, for repeatable answers at a temperature above 0. */
  seed?: number;
  /**
   * CPU threads for evaluation. Default: one less than the CPUs this process may really use ({@link availableCpus}:
   * the affinity mask and any cgroup CPU quota; at most the physical cores useful for math), at least 1
   * ({@link defaultGenerationThreads}): node-llama-cpp's own threads need a free CPU between tokens, and on 2 CPUs
   * 1 thread generated about twice as fast as 2. More threads than CPUs make llama.cpp threads wait for each other
   * (~100x slower).
   */
  threads?: number;
  /**
   * Which llama.cpp binary to run on: `"auto"` (this machine's own build when `npx --no domain-eval-build-llama`
   * made one, else node-llama-cpp's prebuilt binary), `"prebuilt"`, or `"built"` (fail when there is no build).
   * Default: the `DOMAIN_EVAL_LLAMA_BINARY` environment variable, else `"auto"`. {@link LocalChatModel.loadedLlamaBinary}
   * says which one is in use. Keep to one choice per process.
   */
  llamaBinary?: LlamaBinaryChoice;
}

/** Per-call options; `withStructuredOutput` sets `jsonSchema`. */
export interface LocalChatModelCallOptions extends BaseChatModelCallOptions {
  /** Constrain the answer to JSON matching this schema (compiled into a llama.cpp grammar). */
  jsonSchema?: Record<string, unknown>;
  /** Overrides the model's `maxTokens` for this call. */
  maxTokens?: number;
  /** Overrides the model's `temperature` for this call. */
  temperature?: number;
  /** Overrides the model's `seed` for this call. */
  seed?: number;
}

interface Session extends LoadedLocalModel {
  context: LlamaContext;
  sequence: LlamaContextSequence;
  chat: LlamaChat;
}

/**
 * A LangChain chat model that runs a GGUF model in this process with node-llama-cpp (llama.cpp): prompts and
 * documents never leave the machine. The model is loaded once and reused for every call; calls run one at a time.
 * `withStructuredOutput(schema)` constrains generation with a grammar built from the schema, so the answer always
 * parses as JSON of that shape. Create it with {@link createLocalChatModel}; call `dispose()` when done.
 *
 * @example
 * ```ts
 * const model = await createLocalChatModel({ modelFile: "models/qwen2.5-1.5b-instruct-q4_k_m.gguf" });
 * const reply = await model.invoke("Name one prime number.");
 * console.log(reply.content, reply.usage_metadata);
 * await model.dispose();
 * ```
 */
export class LocalChatModel extends BaseChatModel<LocalChatModelCallOptions> {
  static override lc_name(): string {
    return "LocalChatModel";
  }

  /** Path of the model file as given. */
  readonly modelFile: string;
  /** The model file's name, reported as `model_name`. */
  readonly modelName: string;
  readonly contextSize: number | undefined;
  readonly temperature: number;
  readonly maxTokens: number;
  readonly gpu: boolean;
  readonly seed: number | undefined;
  readonly threads: number | undefined;
  readonly llamaBinary: LlamaBinaryChoice | undefined;

  private session: Promise<Session> | undefined;
  private readonly grammars = new Map<string, Promise<LlamaGrammar>>();
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(params: LocalChatModelParams) {
    super(params);
    if (!params || typeof params.modelFile !== "string" || params.modelFile.trim() === "") {
      throw new TypeError("modelFile is required: pass the path of a .gguf model file");
    }
    checkPositiveInteger("contextSize", params.contextSize);
    checkPositiveInteger("maxTokens", params.maxTokens);
    checkPositiveInteger("threads", params.threads);
    if (params.temperature !== undefined && !(params.temperature >= 0)) {
      throw new TypeError(`temperature must be 0 or more, got ${params.temperature}`);
    }
    this.modelFile = params.modelFile;
    this.modelName = params.modelFile.split(/[\\/]/).pop() ?? params.modelFile;
    this.contextSize = params.contextSize;
    this.temperature = params.temperature ?? DEFAULT_TEMPERATURE;
    this.maxTokens = params.maxTokens ?? DEFAULT_MAX_TOKENS;
    this.gpu = params.gpu ?? false;
    this.seed = params.seed;
    this.threads = params.threads;
    if (params.llamaBinary !== undefined) llamaBinaryChoice({ choice: params.llamaBinary });
    this.llamaBinary = params.llamaBinary;
  }

  _llmType(): string {
    return "node-llama-cpp";
  }

  override invocationParams(options?: this["ParsedCallOptions"]) {
    return {
      model_name: this.modelName,
      temperature: options?.temperature ?? this.temperature,
      max_tokens: options?.maxTokens ?? this.maxTokens,
      seed: options?.seed ?? this.seed,
    };
  }

  override getLsParams(options: this["ParsedCallOptions"]): LangSmithParams {
    return {
      ls_provider: "node-llama-cpp",
      ls_model_name: this.modelName,
      ls_model_type: "chat",
      ls_temperature: options.temperature ?? this.temperature,
      ls_max_tokens: options.maxTokens ?? this.maxTokens,
      ls_stop: options.stop,
    };
  }

  /**
   * Loads the model and creates its context now, instead of on the first call. Safe to call more than once.
   * Fails with a {@link LocalModelError} whose message says what to do.
   */
  async load(): Promise<void> {
    await this.getSession();
  }

  /** CPU threads llama.cpp evaluates with, once loaded (see `threads`). */
  async loadedThreads(): Promise<number> {
    return (await this.getSession()).context.idealThreads;
  }

  /**
   * Which llama.cpp binary runs the model, once loaded: `kind` ("built": this machine's own build, "prebuilt":
   * node-llama-cpp's), whether it uses OpenMP, and a one-line `message` for logs.
   */
  async loadedLlamaBinary(): Promise<LlamaBinaryInfo> {
    return (await this.getSession()).binary;
  }

  /** The context window in tokens, once loaded. */
  async loadedContextSize(): Promise<number> {
    return (await this.getSession()).context.contextSize;
  }

  /** Frees the model, its context and grammars. The model cannot be used afterwards. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    const session = this.session;
    this.session = undefined;
    this.grammars.clear();
    if (!session) return;
    const loaded = await session.catch(() => undefined);
    await this.queue.catch(() => undefined);
    if (!loaded) return;
    loaded.chat.dispose();
    await loaded.context.dispose();
    await loaded.model.dispose();
  }

  async _generate(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ): Promise<ChatResult> {
    const { text, usage, stopReason } = await this.respond(messages, options, (piece) => {
      void runManager?.handleLLMNewToken(piece);
    });
    const message = new AIMessage({
      content: text,
      response_metadata: this.responseMetadata(stopReason),
      usage_metadata: usage,
    });
    return {
      generations: [{ text, message, generationInfo: { finish_reason: finishReason(stopReason) } }],
      llmOutput: {
        tokenUsage: {
          promptTokens: usage.input_tokens,
          completionTokens: usage.output_tokens,
          totalTokens: usage.total_tokens,
        },
      },
    };
  }

  /**
   * Streams the answer token by token as it is generated (`model.stream(...)`, `streamEvents`); the last chunk
   * carries the usage and the finish reason, so the concatenated chunks equal what `invoke` returns.
   */
  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const pending: string[] = [];
    let wake: (() => void) | undefined;
    let finished = false;
    const done = this.respond(messages, options, (piece) => {
      if (piece === "") return;
      pending.push(piece);
      wake?.();
    }).finally(() => {
      finished = true;
      wake?.();
    });
    // Surfaced by `await done` below; keeps an early failure from being reported as unhandled meanwhile.
    done.catch(() => undefined);
    while (true) {
      const piece = pending.shift();
      if (piece !== undefined) {
        yield new ChatGenerationChunk({ text: piece, message: new AIMessageChunk({ content: piece }) });
        await runManager?.handleLLMNewToken(piece);
        continue;
      }
      if (finished) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
    const { usage, stopReason } = await done;
    yield new ChatGenerationChunk({
      text: "",
      message: new AIMessageChunk({
        content: "",
        response_metadata: this.responseMetadata(stopReason),
        usage_metadata: usage,
      }),
      generationInfo: { finish_reason: finishReason(stopReason) },
    });
  }

  private responseMetadata(stopReason: string): Record<string, unknown> {
    return {
      model_name: this.modelName,
      model_provider: "node-llama-cpp",
      finish_reason: finishReason(stopReason),
      stop_reason: stopReason,
    };
  }

  /** Generates one answer, passing each piece of text to `onText` as it comes; one call at a time. */
  private respond(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    onText: (text: string) => void,
  ): Promise<{ text: string; usage: UsageMetadata; stopReason: string }> {
    const history = toChatHistory({ messages });
    const maxTokens = options.maxTokens ?? this.maxTokens;
    checkPositiveInteger("maxTokens", maxTokens);
    return this.exclusive(async () => {
      options.signal?.throwIfAborted();
      const session = await this.getSession();
      const grammar = options.jsonSchema ? await this.grammarFor(session, options.jsonSchema) : undefined;

      const { contextText } = session.chat.chatWrapper.generateContextState({ chatHistory: history });
      const promptTokens = contextText.tokenize(session.model.tokenizer).length;
      const contextSize = session.context.contextSize;
      if (promptTokens + maxTokens > contextSize) {
        // llama.cpp would otherwise silently drop the start of the conversation to make room.
        throw new RangeError(
          `the prompt (${promptTokens} tokens) plus maxTokens (${maxTokens}) exceeds the context window of ${contextSize} tokens: use shorter chunks, a lower maxTokens, or a larger contextSize`,
        );
      }

      const before = session.sequence.tokenMeter.getState();
      const result = await session.chat.generateResponse(history, {
        maxTokens,
        temperature: options.temperature ?? this.temperature,
        seed: options.seed ?? this.seed,
        signal: options.signal,
        customStopTriggers: options.stop?.length ? options.stop : undefined,
        ...(grammar ? { grammar } : {}),
        onTextChunk: onText,
      });
      const after = session.sequence.tokenMeter.getState();

      // Input is the whole formatted prompt (as hosted APIs count it), even when llama.cpp reused a cached prefix;
      // output is every token sampled, including the end-of-turn token.
      const outputTokens = after.usedOutputTokens - before.usedOutputTokens;
      const usage: UsageMetadata = {
        input_tokens: promptTokens,
        output_tokens: outputTokens,
        total_tokens: promptTokens + outputTokens,
      };
      const stopReason = result.metadata.stopReason;
      if (grammar && stopReason === "maxTokens") {
        throw new LocalModelError({
          code: "OUTPUT_TRUNCATED",
          modelFile: session.file.path,
          message: `the structured answer was cut off after maxTokens (${maxTokens}) tokens before the JSON was complete: raise maxTokens or ask for less per call`,
          usage,
        });
      }
      return { text: result.response, usage, stopReason };
    });
  }

  /**
   * Returns a runnable whose answer is an object matching `outputSchema` (a zod schema, a standard schema, or a
   * JSON schema). Generation is constrained by a grammar compiled from the schema, so the output is always
   * well-formed JSON of that shape; zod refinements the grammar cannot express (numeric ranges, patterns) are
   * checked afterwards by the schema itself.
   */
  override withStructuredOutput<RunOutput extends Record<string, unknown> = Record<string, unknown>>(
    outputSchema: InteropZodType<RunOutput> | SerializableSchema<RunOutput> | Record<string, unknown>,
    config?: StructuredOutputMethodOptions<false>,
  ): Runnable<BaseLanguageModelInput, RunOutput>;
  override withStructuredOutput<RunOutput extends Record<string, unknown> = Record<string, unknown>>(
    outputSchema: InteropZodType<RunOutput> | SerializableSchema<RunOutput> | Record<string, unknown>,
    config?: StructuredOutputMethodOptions<true>,
  ): Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: RunOutput }>;
  override withStructuredOutput<RunOutput extends Record<string, unknown> = Record<string, unknown>>(
    outputSchema: InteropZodType<RunOutput> | SerializableSchema<RunOutput> | Record<string, unknown>,
    config?: StructuredOutputMethodOptions<boolean>,
  ):
    | Runnable<BaseLanguageModelInput, RunOutput>
    | Runnable<BaseLanguageModelInput, { raw: BaseMessage; parsed: RunOutput }> {
    const method = config?.method ?? "jsonSchema";
    if (method !== "jsonSchema" && method !== "jsonMode") {
      throw new TypeError(
        `withStructuredOutput method "${method}" is not supported by the local model: use "jsonSchema" (the default), which constrains generation with a grammar`,
      );
    }
    const jsonSchema = toJsonSchema(outputSchema as Parameters<typeof toJsonSchema>[0]) as Record<string, unknown>;
    // Fail now, with the place in the schema, rather than on the first call.
    toGrammarJsonSchema({ schema: jsonSchema });
    const llm = this.withConfig({
      jsonSchema,
      ls_structured_output_format: { kwargs: { method: "jsonSchema" }, schema: jsonSchema },
    } as Partial<LocalChatModelCallOptions>);
    const parser = createContentParser(outputSchema as InteropZodType<RunOutput>);
    return assembleStructuredOutputPipeline(
      llm,
      parser,
      config?.includeRaw,
      config?.includeRaw ? "StructuredOutputRunnable" : "StructuredOutput",
    );
  }

  private getSession(): Promise<Session> {
    if (this.disposed) {
      return Promise.reject(new Error(`the local model ${this.modelName} was disposed: create a new one`));
    }
    if (!this.session) {
      const session = this.openSession();
      this.session = session;
      // A failed load is not cached, so a fixed file (or freed memory) works on the next call.
      session.catch(() => {
        if (this.session === session) this.session = undefined;
      });
    }
    return this.session;
  }

  private async openSession(): Promise<Session> {
    const loaded = await loadLocalModel({ modelFile: this.modelFile, gpu: this.gpu, llamaBinary: this.llamaBinary });
    try {
      const context = await loaded.model.createContext({
        contextSize: this.contextSize ?? { max: DEFAULT_CONTEXT_SIZE },
        sequences: 1,
        threads:
          this.threads ?? defaultGenerationThreads({ cpus: availableCpus(), cpuMathCores: loaded.llama.cpuMathCores }),
      });
      const sequence = context.getSequence();
      const chat = new LlamaChatClass({ contextSequence: sequence });
      return { ...loaded, context, sequence, chat };
    } catch (error) {
      await loaded.model.dispose().catch(() => undefined);
      throw explainLoadFailure(error, loaded.file.path);
    }
  }

  private grammarFor(session: Session, jsonSchema: Record<string, unknown>): Promise<LlamaGrammar> {
    const key = JSON.stringify(jsonSchema);
    let grammar = this.grammars.get(key);
    if (!grammar) {
      const grammarSchema = toGrammarJsonSchema({ schema: jsonSchema });
      // The grammar schema is only known at run time, so its literal type cannot be inferred.
      grammar = session.llama.createGrammarForJsonSchema(grammarSchema as never) as Promise<LlamaGrammar>;
      // Per-chunk schemas (the question chain's) would otherwise pile up: keep the most recent few.
      if (this.grammars.size >= MAX_CACHED_GRAMMARS) this.grammars.delete(this.grammars.keys().next().value as string);
      this.grammars.set(key, grammar);
      grammar.catch(() => this.grammars.delete(key));
    }
    return grammar;
  }

  /** Runs calls one at a time: the model has one context sequence. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/**
 * Creates a {@link LocalChatModel} and loads the model file, so a wrong path, a file that is not GGUF or a model
 * too large for memory fails here with one line saying what to do (a {@link LocalModelError}).
 *
 * @example
 * ```ts
 * import { createLocalChatModel } from "@domain-eval/local-model";
 * import { z } from "zod";
 *
 * const model = await createLocalChatModel({
 *   modelFile: "models/qwen2.5-1.5b-instruct-q4_k_m.gguf",
 *   contextSize: 8192,
 *   temperature: 0.2,
 *   maxTokens: 1024,
 *   seed: 42,
 * });
 * const structured = model.withStructuredOutput(z.object({ answer: z.string(), confidence: z.enum(["low", "high"]) }));
 * const { answer } = await structured.invoke("What is the boiling point of water at sea level?");
 * await model.dispose();
 * ```
 */
export async function createLocalChatModel(params: LocalChatModelParams): Promise<LocalChatModel> {
  const model = new LocalChatModel(params);
  await model.load();
  return model;
}

function finishReason(stopReason: string): string {
  if (stopReason === "maxTokens") return "length";
  if (stopReason === "abort") return "abort";
  return "stop";
}

function checkPositiveInteger(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isInteger(value) && value > 0)) {
    throw new TypeError(`${name} must be a positive whole number, got ${value}`);
  }
}
