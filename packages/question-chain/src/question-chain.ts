import {
  type CheckThresholds,
  DEFAULT_FINDING_POLICY,
  type DomainPlugin,
  defineDomainPlugin,
  type FindingPolicy,
  type JournalSettings,
  linkedAbortController,
  promptVersionFor,
  redactSecrets,
  secretsOf,
  waitUnlessAborted,
} from "@domain-eval/core";
import type { CallbackManagerForChainRun } from "@langchain/core/callbacks/manager";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import { patchConfig, Runnable, type RunnableConfig } from "@langchain/core/runnables";
import {
  checkChunkAnswer,
  chunkModel,
  configuredModelName,
  emptyChunkOutput,
  finalFailureOutput,
  type ParsedChunkAnswer,
  type PlannedChunk,
  parseChunkAnswer,
  planChunk,
  promptMessages,
  type QuestionChainInput,
  type QuestionChainOutput,
  type QuestionChainSettings,
  rawMessage,
  retryMessages,
  unsupportedModeReply,
  unusableAnswerOutput,
} from "./chunk-request.js";
import type { CitationStyle, GroundingOrder } from "./grounding-schema.js";
import { classifyModelCallError, type ModelCallContext, type ModelCallFailure } from "./model-call-failure.js";
import { QUESTION_PROMPT_VERSION } from "./question-prompt.js";
import { STRUCTURED_OUTPUT_MODES, type StructuredOutputMode, structuredOutputStrategy } from "./structured-output.js";
import { addAnsweredCallUsage, addFailedCallUsage, emptyUsage, type QuestionChainUsage } from "./usage-accounting.js";

export type { QuestionChainInput, QuestionChainOutput } from "./chunk-request.js";
export { type DroppedQuestion, questionIdFor } from "./question-policy.js";
export type { StructuredOutputMode } from "./structured-output.js";
export type { QuestionChainUsage } from "./usage-accounting.js";

/** Parameters of {@link createQuestionChain}. */
export interface QuestionChainParams {
  /** Any LangChain chat model: `ChatOpenAI`, `ChatAnthropic`, `ChatOllama`, a fake model in tests, … */
  model: BaseChatModel;
  /** Domain plugin: instructions and worked examples for the prompt, extra checks, and part of `prompt_version`. */
  domain?: DomainPlugin;
  /** Questions asked per chunk (default 3). */
  questionsPerChunk?: number;
  /** Options per question, answer included (default 4, so 3 distractors). At least 4. */
  optionsPerQuestion?: number;
  /** Language to write in; default: the domain's first language, else English. */
  language?: string;
  /**
   * Extra attempts after a failure that can change: an unusable answer (the error is fed back to the model), a rate
   * limit, a server error, a timeout or a dropped connection (default 2). A failure that cannot change (a rejected
   * key, an unknown model, a prompt too long for the context) fails the chunk at once.
   */
  maxRetries?: number;
  /**
   * Extra attempts after a rate limit (HTTP 429), on top of `maxRetries` (default 4): a provider that asks to slow
   * down will answer later, unlike a server that refuses the connection, so a busy run keeps its chunks.
   */
  maxRateLimitRetries?: number;
  /**
   * Wait before retrying a rate limit, server error, timeout or dropped connection: this many ms, doubled per attempt
   * (default 1000), or what a rate limit's `Retry-After` asks when that is longer (at most 60 s). Turn the model
   * client's own retries off (`maxRetries: 0` on `ChatOpenAI`): stacked under these they multiply the attempts.
   */
  retryDelayMs?: number;
  /** What to do with questions by finding severity (default: drop errors, flag warnings, keep the rest). */
  policy?: FindingPolicy;
  /** Thresholds of the built-in quality checks. */
  thresholds?: CheckThresholds;
  /** How to ask for structured output (default `auto`). */
  structuredOutput?: StructuredOutputMode;
  /**
   * Order of the fields in each question the model writes: `quote-first` (default) has it pick a sentence of the
   * passage, then ask about it; `question-first` asks, then quotes. Either way the quote is one of the passage's
   * sentences by construction whenever the model's output follows the schema.
   */
  grounding?: GroundingOrder;
  /**
   * How questions cite the passage: `number` (default) — numbers of sentences from a numbered list sent with the
   * passage, turned back into the sentences' text; `sentence` — the sentences' text, as an enum.
   */
  citationStyle?: CitationStyle;
  /**
   * Secrets to scrub (as `***`) from failure messages before they reach the output, a journal or a log: an endpoint
   * that echoes the request's `Authorization` header in its error would otherwise put the key there. The model's own
   * API key (`apiKey` of `ChatOpenAI` and most LangChain chat models) is always scrubbed.
   */
  secrets?: readonly (string | undefined)[];
}

/**
 * One chunk after its model calls, before the checks: a parsed answer to check with {@link QuestionChain.checkAnswer},
 * or the chunk's final output (a failure, or no call for a chunk with nothing to quote).
 */
export type ChunkAnswer =
  | { kind: "answer"; plan: PlannedChunk; answer: ParsedChunkAnswer; attempts: number; usage: QuestionChainUsage }
  | { kind: "output"; output: QuestionChainOutput };

function positiveInteger(name: string, value: number, minimum: number): number {
  if (!Number.isInteger(value) || value < minimum) {
    throw new TypeError(`${name} must be a whole number of at least ${minimum}, got ${value}`);
  }
  return value;
}

const FINDING_ACTIONS = ["keep", "flag", "drop"];

function checkedPolicy(policy: FindingPolicy | undefined): FindingPolicy | undefined {
  if (policy === undefined) return undefined;
  if (typeof policy !== "object" || policy === null) {
    throw new TypeError('policy must be an object such as { error: "drop", warning: "flag", info: "keep" }');
  }
  for (const [severity, action] of Object.entries(policy)) {
    if (!(severity in DEFAULT_FINDING_POLICY)) {
      throw new TypeError(`policy.${severity} is not a finding severity: use error, warning and info`);
    }
    if (!FINDING_ACTIONS.includes(action as string)) {
      throw new TypeError(`policy.${severity} "${String(action)}" is not one of keep, flag, drop`);
    }
  }
  return policy;
}

function checkedThresholds(thresholds: CheckThresholds | undefined): CheckThresholds | undefined {
  if (thresholds === undefined) return undefined;
  if (typeof thresholds !== "object" || thresholds === null) {
    throw new TypeError("thresholds must be an object of numbers, e.g. { minQuestionWords: 4 }");
  }
  for (const [name, value] of Object.entries(thresholds)) {
    if (value !== undefined && !(typeof value === "number" && Number.isFinite(value) && value >= 0)) {
      throw new TypeError(`thresholds.${name} must be a number of 0 or more, got ${String(value)}`);
    }
  }
  return thresholds;
}

/** Every parameter checked before anything is sent: a bad one fails `createQuestionChain`, not the first chunk. */
function settingsFor(params: QuestionChainParams): QuestionChainSettings {
  if (!params.model || typeof params.model.invoke !== "function") {
    throw new TypeError("createQuestionChain needs `model`: a LangChain chat model such as new ChatOpenAI({ model })");
  }
  if (params.language !== undefined && (typeof params.language !== "string" || params.language.trim() === "")) {
    throw new TypeError(
      `language must be a language code or name such as "en" or "German", got ${String(params.language)}`,
    );
  }
  // a plugin's own checks (id, version, languages, examples), so a malformed one fails here, not on the first chunk
  if (params.domain !== undefined) defineDomainPlugin(params.domain);
  const questionsPerChunk = positiveInteger("questionsPerChunk", params.questionsPerChunk ?? 3, 1);
  const optionsPerQuestion = positiveInteger("optionsPerQuestion", params.optionsPerQuestion ?? 4, 4);
  const maxRetries = positiveInteger("maxRetries", params.maxRetries ?? 2, 0);
  const maxRateLimitRetries = positiveInteger("maxRateLimitRetries", params.maxRateLimitRetries ?? 4, 0);
  if (params.retryDelayMs !== undefined && !(params.retryDelayMs >= 0)) {
    throw new TypeError(`retryDelayMs must be 0 or more, got ${params.retryDelayMs}`);
  }
  const mode = params.structuredOutput ?? "auto";
  if (!STRUCTURED_OUTPUT_MODES.includes(mode)) {
    throw new TypeError(`structuredOutput "${mode}" is not one of auto, tool, json_schema, json_mode`);
  }
  const grounding = params.grounding ?? "quote-first";
  if (!["quote-first", "question-first"].includes(grounding)) {
    throw new TypeError(`grounding "${grounding}" is not one of quote-first, question-first`);
  }
  const citationStyle = params.citationStyle ?? "number";
  if (!["number", "sentence"].includes(citationStyle)) {
    throw new TypeError(`citationStyle "${citationStyle}" is not one of number, sentence`);
  }
  const promptVersion = promptVersionFor({ basePromptVersion: QUESTION_PROMPT_VERSION, plugin: params.domain });
  if (params.secrets !== undefined && !Array.isArray(params.secrets)) {
    throw new TypeError("secrets must be an array of strings, e.g. [process.env.OPENAI_API_KEY]");
  }
  const modelFields = params.model as unknown as Record<string, unknown>;
  const modelKeys = ["apiKey", "openAIApiKey", "anthropicApiKey"].map((k) =>
    typeof modelFields[k] === "string" ? (modelFields[k] as string) : undefined,
  );
  return {
    model: params.model,
    strategy: structuredOutputStrategy({ model: params.model, mode }),
    promptVersion,
    questionsPerChunk,
    optionsPerQuestion,
    maxRetries,
    maxRateLimitRetries,
    retryDelayMs: params.retryDelayMs ?? 1000,
    language: params.language,
    domain: params.domain,
    policy: checkedPolicy(params.policy),
    thresholds: checkedThresholds(params.thresholds),
    grounding,
    citationStyle,
    secrets: secretsOf({ values: [...(params.secrets ?? []), ...modelKeys] }),
  };
}

/** Longest wait taken from a Retry-After header, so a server asking for an hour does not stall a run silently. */
const MAX_RETRY_AFTER_MS = 60_000;

/** The wait a rate-limited reply asks for (`retry-after-ms` or `retry-after` seconds), in ms; 0 when it names none. */
function retryAfterOf(error: unknown): number {
  const headers = (error as { headers?: unknown } | null)?.headers;
  const get = (name: string): string | null | undefined => {
    if (headers instanceof Headers) return headers.get(name);
    if (typeof headers === "object" && headers !== null) return (headers as Record<string, string>)[name];
    return undefined;
  };
  const ms = Number(get("retry-after-ms"));
  if (Number.isFinite(ms) && ms > 0) return Math.min(ms, MAX_RETRY_AFTER_MS);
  const seconds = Number(get("retry-after"));
  if (Number.isFinite(seconds) && seconds > 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  return 0;
}

/** Where a chat model sends its requests and how long it waits, when it says so (ChatOpenAI does), for failure messages. */
function callContextOf(model: BaseChatModel): ModelCallContext {
  const fields = model as unknown as { clientConfig?: { baseURL?: unknown }; timeout?: unknown };
  const endpoint = fields.clientConfig?.baseURL;
  return {
    ...(typeof endpoint === "string" && endpoint !== "" ? { endpoint } : {}),
    ...(typeof fields.timeout === "number" ? { timeoutMs: fields.timeout } : {}),
  };
}

/**
 * A LangChain `Runnable` from a chunk to checked exam questions. Create it with {@link createQuestionChain}; use it
 * like any runnable: `invoke`, `batch`, `stream`, `pipe`, callbacks and tracing (the model call is a child run).
 */
export class QuestionChain extends Runnable<QuestionChainInput, QuestionChainOutput> {
  override lc_namespace = ["domain_eval", "question_chain"];

  /** The validated settings: what shapes each request and what is made of each answer. */
  readonly settings: QuestionChainSettings;
  /** `prompt_version` stamped on every question. */
  readonly promptVersion: string;
  readonly questionsPerChunk: number;
  readonly optionsPerQuestion: number;
  readonly maxRetries: number;
  readonly grounding: GroundingOrder;
  readonly citationStyle: CitationStyle;

  static override lc_name(): string {
    return "QuestionChain";
  }

  constructor(params: QuestionChainParams) {
    super();
    this.settings = settingsFor(params);
    this.promptVersion = this.settings.promptVersion;
    this.questionsPerChunk = this.settings.questionsPerChunk;
    this.optionsPerQuestion = this.settings.optionsPerQuestion;
    this.maxRetries = this.settings.maxRetries;
    this.grounding = this.settings.grounding;
    this.citationStyle = this.settings.citationStyle;
  }

  /**
   * The settings that shape the chain's output, as a `generateExam` journal records them (snake_case, as in the
   * journal file): a resume with any of them changed is refused.
   */
  journalSettings(): JournalSettings {
    const { settings } = this;
    return {
      model: configuredModelName(settings.model),
      prompt_version: settings.promptVersion,
      domain: settings.domain ? { id: settings.domain.id, version: settings.domain.version } : null,
      questions_per_chunk: settings.questionsPerChunk,
      options_per_question: settings.optionsPerQuestion,
      language: settings.language ?? null,
      structured_output: settings.strategy.mode,
      grounding: settings.grounding,
      citation_style: settings.citationStyle,
      policy: { ...DEFAULT_FINDING_POLICY, ...settings.policy },
      thresholds: { ...settings.thresholds },
    };
  }

  /** The messages the chain sends for a chunk (before any retry), e.g. for cost estimates. */
  promptFor(input: QuestionChainInput): BaseMessage[] {
    return promptMessages({ settings: this.settings, plan: planChunk({ settings: this.settings, input }) });
  }

  override async invoke(input: QuestionChainInput, options?: Partial<RunnableConfig>): Promise<QuestionChainOutput> {
    return this._callWithConfig(
      async (chunk: QuestionChainInput, config?: Partial<RunnableConfig>, runManager?: CallbackManagerForChainRun) =>
        this.checkAnswer(await this.answer(chunk, config, runManager)),
      input,
      options,
    );
  }

  /**
   * The model calls for one chunk (with retries) up to a parsed answer, without the checks: run
   * {@link QuestionChain.checkAnswer} on the result, e.g. after the next chunk's request has been sent.
   * `invoke` is `checkAnswer(await requestAnswer(chunk))` plus a run of its own for callbacks and tracing.
   */
  requestAnswer(input: QuestionChainInput, config?: Partial<RunnableConfig>): Promise<ChunkAnswer> {
    return this.answer(input, config, undefined);
  }

  /** Requests built ahead by {@link QuestionChain.prepareRequest}, used (and forgotten) by the chunk's call. */
  readonly #prepared = new Map<QuestionChainInput, PreparedRequest>();

  #prepare(input: QuestionChainInput): PreparedRequest {
    const { settings } = this;
    const plan = planChunk({ settings, input });
    if (plan.questions === 0) return { plan, basePrompt: [], model: settings.model };
    return { plan, basePrompt: promptMessages({ settings, plan }), model: chunkModel({ settings, plan }) };
  }

  /**
   * Builds a chunk's request (its plan, messages and the model bound to its answer schema) ahead of its call, so
   * the call, when it comes, only sends it: `generateExam` prepares the next chunk while answers are awaited, which
   * keeps this work out of the time between one answer and the next request. The request is the same as one built
   * at call time (nothing in it depends on when it is built).
   *
   * @example
   * chain.prepareRequest(chunks[1]); // while chunk 0's answer is awaited
   */
  prepareRequest(input: QuestionChainInput): void {
    if (this.#prepared.has(input)) return;
    // Requests prepared for calls that never came (a run that stopped) are not kept forever.
    if (this.#prepared.size >= MAX_PREPARED_REQUESTS) this.#prepared.clear();
    this.#prepared.set(input, this.#prepare(input));
  }

  /**
   * Runs the checks once on a made-up answer for `input` (its first citable sentence, asked about) and throws the
   * result away, so the first real answers are not checked with cold code: V8 compiles each function on its first
   * call and word segmentation loads its data on first use, ~30 ms per slot in the first wave of a run.
   * `generateExam` calls it while its first requests are in flight, when the process would otherwise wait.
   *
   * @example
   * chain.warmUpChecks(chunks[0]); // before the first answers arrive
   */
  warmUpChecks(input: QuestionChainInput): void {
    const { settings } = this;
    const plan = planChunk({ settings, input });
    const sentence = plan.sentences[0];
    if (plan.questions === 0 || sentence === undefined) return;
    const words = sentence.split(/\s+/u).filter((w) => w !== "");
    const option = (i: number) => words[i % words.length] ?? sentence;
    const question = {
      question: `${sentence.slice(0, 80)}?`,
      answer: option(0),
      distractors: Array.from({ length: settings.optionsPerQuestion - 1 }, (_, i) => `${option(i + 1)} ${i + 1}`),
      citations: [settings.citationStyle === "number" ? 1 : sentence],
    };
    // The reply as a structured-output model returns it, so the parsing is warmed up too.
    const output = { raw: new AIMessage(JSON.stringify({ questions: [question] })), parsed: { questions: [question] } };
    const parsed = parseChunkAnswer({ settings, plan, output });
    if (!parsed.ok) return;
    checkChunkAnswer({ settings, plan, answer: parsed.answer, call: { attempts: 1, usage: emptyUsage() } });
  }

  /** The checks and per-question policy over an answer from {@link QuestionChain.requestAnswer}. */
  checkAnswer(answer: ChunkAnswer): QuestionChainOutput {
    if (answer.kind === "output") return answer.output;
    return checkChunkAnswer({ settings: this.settings, plan: answer.plan, answer: answer.answer, call: answer });
  }

  private async answer(
    input: QuestionChainInput,
    config?: Partial<RunnableConfig>,
    runManager?: CallbackManagerForChainRun,
  ): Promise<ChunkAnswer> {
    const { settings } = this;
    const prepared = this.#prepared.get(input) ?? this.#prepare(input);
    this.#prepared.delete(input);
    const { plan } = prepared;
    // Nothing a question could quote (a heading, a table of numbers): no call is spent on it.
    if (plan.questions === 0) return { kind: "output", output: emptyChunkOutput(plan) };
    const usage = emptyUsage();
    const childConfig = patchConfig(config, { callbacks: runManager?.getChild() });
    const { basePrompt, model } = prepared;
    let messages = basePrompt;
    let last: ModelCallFailure | undefined;
    let retryAfterMs = 0;
    // Rate limits have a budget of their own (maxRateLimitRetries): the attempts after them do not count against
    // maxRetries, which bounds every other failure (a refused connection stops after a few).
    let rateLimited = 0;
    let attempt = 0;
    while (attempt - rateLimited < 1 + settings.maxRetries) {
      attempt++;
      if (attempt > 1 && last && last.code !== "UNPARSEABLE") {
        // The server's Retry-After, when it sent one, else the doubling delay: the model client does not retry itself.
        const backoff = Math.min(settings.retryDelayMs * 2 ** (attempt - 2), MAX_RETRY_AFTER_MS);
        await waitUnlessAborted({ ms: Math.max(backoff, retryAfterMs), signal: config?.signal });
      }
      usage.calls++;
      let output: unknown;
      // A signal per attempt: model clients add an abort listener per call (and per retry of their own) and do not
      // always remove it, so attempts sharing the caller's signal pile up listeners (MaxListenersExceededWarning).
      const attemptAbort = linkedAbortController({ parent: config?.signal });
      try {
        output = await model.invoke(
          messages,
          config?.signal ? { ...childConfig, signal: attemptAbort.signal } : childConfig,
        );
      } catch (error) {
        if (config?.signal?.aborted) throw error;
        addFailedCallUsage({ usage, error });
        const failure = classifyModelCallError(error, callContextOf(settings.model));
        retryAfterMs = failure.code === "RATE_LIMITED" ? retryAfterOf(error) : 0;
        last = { ...failure, message: redactSecrets({ text: failure.message, secrets: settings.secrets }) };
        if (!last.retryable)
          return { kind: "output", output: finalFailureOutput({ plan, failure: last, attempts: attempt, usage }) };
        if (last.code === "RATE_LIMITED" && rateLimited < settings.maxRateLimitRetries) rateLimited++;
        continue;
      } finally {
        attemptAbort.dispose();
      }
      await addAnsweredCallUsage({ usage, raw: rawMessage(output), messages, output });
      const unsupported = unsupportedModeReply({ settings, output });
      if (unsupported)
        return { kind: "output", output: finalFailureOutput({ plan, failure: unsupported, attempts: attempt, usage }) };
      const parsed = parseChunkAnswer({ settings, plan, output });
      if (parsed.ok) return { kind: "answer", plan, answer: parsed.answer, attempts: attempt, usage };
      last = { code: "UNPARSEABLE", retryable: true, message: parsed.error };
      messages = retryMessages({ basePrompt, retry: parsed });
    }
    return { kind: "output", output: unusableAnswerOutput({ plan, last, attempts: attempt, usage }) };
  }
}

/** Prepared requests kept at most (a run prepares one per worker ahead). */
const MAX_PREPARED_REQUESTS = 256;

/** A chunk's request built ahead of its call. */
interface PreparedRequest {
  plan: ReturnType<typeof planChunk>;
  basePrompt: BaseMessage[];
  model: Runnable<BaseMessage[], unknown>;
}

/**
 * Creates the question chain: chunk in, checked exam questions out. Works with any chat model and inside your own
 * chains (`RunnableSequence.from([retriever, pickChunk, questionChain])`), with `invoke`, `batch`, `stream`,
 * callbacks and tracing. Unusable answers are retried with the error fed back; what still fails is reported in
 * `failure`, never silently dropped.
 *
 * @example
 * const chain = createQuestionChain({ model: new ChatOpenAI({ model: "gpt-4o-mini" }), questionsPerChunk: 3 });
 * const { questions, dropped, failure } = await chain.invoke(chunk);
 */
export function createQuestionChain(params: QuestionChainParams): QuestionChain {
  return new QuestionChain(params);
}
