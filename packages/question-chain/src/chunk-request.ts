import type { CheckThresholds, DomainPlugin, ExamQuestion, FindingPolicy } from "@domain-eval/core";
import type { DocumentInterface } from "@langchain/core/documents";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, type BaseMessage, HumanMessage, isBaseMessage } from "@langchain/core/messages";
import type { Runnable } from "@langchain/core/runnables";
import {
  type CitationStyle,
  citableSentences,
  type GroundingOrder,
  groundedQuestionsSchema,
  groundingInstructions,
  resolveCitations,
} from "./grounding-schema.js";
import { documentIdFor } from "./load-documents.js";
import type { ModelCallFailure, ModelCallFailureCode } from "./model-call-failure.js";
import { applyQuestionPolicy, type DroppedQuestion } from "./question-policy.js";
import { buildQuestionPrompt } from "./question-prompt.js";
import { type ModelOutputReading, readModelOutput } from "./read-model-output.js";
import type { ChunkMetadata } from "./split-documents.js";
import { type StructuredOutputStrategy, structuredModelFor } from "./structured-output.js";
import { addAnsweredCallUsage, emptyUsage, type QuestionChainUsage } from "./usage-accounting.js";

/** The chain's input: a chunk from `splitDocuments`, any LangChain `Document`, or plain text. */
export type QuestionChainInput = DocumentInterface | string;

/** What the chain returns for one chunk. */
export interface QuestionChainOutput {
  chunk_id: string;
  /** Kept questions, in the model's order; flagged ones carry `findings`. */
  questions: ExamQuestion[];
  /** Questions the policy dropped, with their findings. */
  dropped: DroppedQuestion[];
  /** Set when no usable answer came back: at once for a failure that cannot change, else after every attempt. */
  failure?: { message: string; attempts: number; code?: ModelCallFailureCode; retryable?: boolean };
  /** Model calls made (1 + retries). */
  attempts: number;
  usage: QuestionChainUsage;
}

/** A chain's settings after validation: everything that shapes one chunk's request and what is made of the answer. */
export interface QuestionChainSettings {
  model: BaseChatModel;
  strategy: StructuredOutputStrategy;
  promptVersion: string;
  questionsPerChunk: number;
  optionsPerQuestion: number;
  maxRetries: number;
  /** Attempts after a rate limit that do not count against `maxRetries`. */
  maxRateLimitRetries: number;
  retryDelayMs: number;
  language?: string;
  domain?: DomainPlugin;
  policy?: FindingPolicy;
  thresholds?: CheckThresholds;
  grounding: GroundingOrder;
  citationStyle: CitationStyle;
  /** Values scrubbed from every failure message (the model's API key, `secrets`), as core's `redactSecrets` does. */
  secrets: readonly string[];
}

/** One chunk as the chain sees it: its text, where it comes from, what may be quoted and what is asked. */
export interface PlannedChunk {
  text: string;
  source: ChunkMetadata;
  /** Sentences a question may quote. */
  sentences: string[];
  /** Questions asked for (0: nothing to quote, no call is made). */
  questions: number;
}

/** What is needed to ask again after an unusable answer: the error is fed back with the reply. */
export interface ChunkRetry {
  /** Why the last answer could not be used. */
  error: string;
  /** The last answer's text, shown back to the model. */
  rawText: string | undefined;
  /** Model calls made for this chunk so far. */
  attempts: number;
  /** Usage of those calls. */
  usage: QuestionChainUsage;
}

function chunkOf(input: QuestionChainInput): { text: string; source: ChunkMetadata } {
  if (typeof input === "string") {
    const documentId = documentIdFor(input);
    return {
      text: input,
      source: {
        document_id: documentId,
        chunk_id: `${documentId}:0-${input.length}`,
        chunk_index: 0,
        start: 0,
        end: input.length,
      },
    };
  }
  if (typeof input?.pageContent !== "string") {
    throw new TypeError("the question chain takes a Document (with pageContent) or a string");
  }
  const m = (input.metadata ?? {}) as Partial<ChunkMetadata>;
  const text = input.pageContent;
  const documentId = typeof m.document_id === "string" ? m.document_id : documentIdFor(text);
  const start = typeof m.start === "number" ? m.start : 0;
  const end = typeof m.end === "number" ? m.end : start + text.length;
  const source: ChunkMetadata = {
    document_id: documentId,
    chunk_id: typeof m.chunk_id === "string" ? m.chunk_id : `${documentId}:${start}-${end}`,
    chunk_index: typeof m.chunk_index === "number" ? m.chunk_index : 0,
    start,
    end,
  };
  if (typeof m.document_path === "string") source.document_path = m.document_path;
  return { text, source };
}

/** The chunk, the sentences it offers to quote and how many questions to ask of it. */
export function planChunk(params: { settings: QuestionChainSettings; input: QuestionChainInput }): PlannedChunk {
  const { settings, input } = params;
  const { text, source } = chunkOf(input);
  const sentences = citableSentences({ text, language: settings.language ?? settings.domain?.languages[0] });
  return { text, source, sentences, questions: Math.min(settings.questionsPerChunk, sentences.length) };
}

/** The messages of a chunk's first request. */
export function promptMessages(params: { settings: QuestionChainSettings; plan: PlannedChunk }): BaseMessage[] {
  const { settings, plan } = params;
  const messages = buildQuestionPrompt({
    sourceText: plan.text,
    questionsPerChunk: Math.max(1, plan.questions),
    optionsPerQuestion: settings.optionsPerQuestion,
    language: settings.language,
    domain: settings.domain,
  });
  const extra = groundingInstructions({
    sentences: plan.sentences,
    order: settings.grounding,
    citationStyle: settings.citationStyle,
  });
  if (extra === "") return messages;
  const last = messages.at(-1) as BaseMessage;
  return [...messages.slice(0, -1), new HumanMessage(`${String(last.content)}\n\n${extra}`)];
}

/** The messages of a retry: the first request, the unusable reply, and what was wrong with it. */
export function retryMessages(params: {
  basePrompt: readonly BaseMessage[];
  retry: Pick<ChunkRetry, "error" | "rawText">;
}): BaseMessage[] {
  const { basePrompt, retry } = params;
  return [
    ...basePrompt,
    new AIMessage(retry.rawText ?? "(no usable reply)"),
    new HumanMessage(
      `Your reply could not be used: ${retry.error}. Reply again with the complete JSON object only, fixing these problems.`,
    ),
  ];
}

/** The JSON schema the chunk's answer must follow (exact question count, options, quotable sentences). */
export function answerSchema(params: { settings: QuestionChainSettings; plan: PlannedChunk }): Record<string, unknown> {
  const { settings, plan } = params;
  return groundedQuestionsSchema({
    sentences: plan.sentences,
    questions: plan.questions,
    optionsPerQuestion: settings.optionsPerQuestion,
    order: settings.grounding,
    citationStyle: settings.citationStyle,
  });
}

/** The runnable that makes the chunk's model call (the model bound to the chunk's schema, or the bare model). */
export function chunkModel(params: {
  settings: QuestionChainSettings;
  plan: PlannedChunk;
}): Runnable<BaseMessage[], unknown> {
  const { settings, plan } = params;
  return structuredModelFor({
    model: settings.model,
    strategy: settings.strategy,
    schema: answerSchema({ settings, plan }),
  });
}

/** The reply message inside what a model call returned (a message, or `{ raw, parsed }`). */
export function rawMessage(output: unknown): BaseMessage | undefined {
  if (isBaseMessage(output)) return output;
  if (typeof output === "object" && output !== null && "raw" in output) {
    const raw = (output as { raw: unknown }).raw;
    if (isBaseMessage(raw)) return raw;
  }
  return undefined;
}

/** The model's name as configured (`model` / `modelName`), else its LangChain type. */
export function configuredModelName(model: BaseChatModel): string {
  const configured = model as unknown as { model?: unknown; modelName?: unknown };
  if (typeof configured.model === "string" && configured.model !== "") return configured.model;
  if (typeof configured.modelName === "string" && configured.modelName !== "") return configured.modelName;
  return model._llmType();
}

/** The model's name as the reply reports it, else as configured. */
function reportedModelName(message: BaseMessage | undefined, model: BaseChatModel): string {
  const metadata = (message?.response_metadata ?? {}) as Record<string, unknown>;
  for (const key of ["model_name", "model", "modelId", "model_id"]) {
    const value = metadata[key];
    if (typeof value === "string" && value !== "") return value;
  }
  return configuredModelName(model);
}

/** A parsed answer, before the checks: the questions with their quotes resolved, and the model that wrote them. */
export interface ParsedChunkAnswer {
  generated: { question: string; answer: string; distractors: string[]; citations: string[] }[];
  generatorModel: string;
}

/** Parses what one model call returned; an unusable answer says why (fed back to the model on retry). */
export function parseChunkAnswer(params: {
  settings: QuestionChainSettings;
  plan: PlannedChunk;
  output: unknown;
}): { ok: true; answer: ParsedChunkAnswer } | Extract<ModelOutputReading, { ok: false }> {
  const { settings, plan, output } = params;
  const reading = readModelOutput(output);
  if (!reading.ok) return reading;
  return {
    ok: true,
    answer: {
      generatorModel: reportedModelName(rawMessage(output), settings.model),
      generated: reading.value.questions.map((q) => ({
        ...q,
        citations: resolveCitations({ citations: q.citations, sentences: plan.sentences }),
      })),
    },
  };
}

/** The per-question policy over a parsed answer: what the chain returns for the chunk. */
export function checkChunkAnswer(params: {
  settings: QuestionChainSettings;
  plan: PlannedChunk;
  answer: ParsedChunkAnswer;
  call: { attempts: number; usage: QuestionChainUsage };
}): QuestionChainOutput {
  const { settings, plan, answer, call } = params;
  const { questions, dropped } = applyQuestionPolicy({
    generated: answer.generated,
    text: plan.text,
    source: plan.source,
    generatorModel: answer.generatorModel,
    settings,
  });
  return { chunk_id: plan.source.chunk_id, questions, dropped, attempts: call.attempts, usage: call.usage };
}

/**
 * Why the reply shows that the model did not do the structured output asked for explicitly, or undefined: a forced
 * tool call (`tool`) answered with plain text means the endpoint ignores tools, and parsing that text would be the
 * silent fallback only `auto` may take.
 */
export function unsupportedModeReply(params: {
  settings: QuestionChainSettings;
  output: unknown;
}): ModelCallFailure | undefined {
  const { settings, output } = params;
  if (settings.strategy.mode !== "tool") return undefined;
  const raw = rawMessage(output);
  if (!raw || !AIMessage.isInstance(raw)) return undefined;
  if ((raw.tool_calls?.length ?? 0) > 0 || (raw.invalid_tool_calls?.length ?? 0) > 0) return undefined;
  return {
    code: "BAD_REQUEST",
    retryable: false,
    message: 'the model answered in text instead of the forced tool call asked for by structuredOutput "tool"',
    fix: 'the endpoint does not support tool calling: use structuredOutput "auto" or "json_mode"',
  };
}

/** The output for a chunk whose last call failed in a way a retry cannot change. */
export function finalFailureOutput(params: {
  plan: PlannedChunk;
  failure: ModelCallFailure;
  attempts: number;
  usage: QuestionChainUsage;
}): QuestionChainOutput {
  const { plan, failure, attempts, usage } = params;
  const fix = failure.fix ? `: ${failure.fix}` : "";
  return {
    chunk_id: plan.source.chunk_id,
    questions: [],
    dropped: [],
    failure: {
      message: `the model call failed (${failure.code}, not retried): ${failure.message}${fix}`,
      attempts,
      code: failure.code,
      retryable: false,
    },
    attempts,
    usage,
  };
}

/** The output for a chunk that never got a usable answer after `attempts` calls. */
export function unusableAnswerOutput(params: {
  plan: PlannedChunk;
  last: { code: ModelCallFailureCode; message: string; fix?: string } | undefined;
  attempts: number;
  usage: QuestionChainUsage;
}): QuestionChainOutput {
  const { plan, last, attempts, usage } = params;
  return {
    chunk_id: plan.source.chunk_id,
    questions: [],
    dropped: [],
    failure: {
      message: `no usable answer after ${attempts} attempt(s): ${last?.code === "UNPARSEABLE" ? "" : `the model call failed (${last?.code}): `}${last?.message ?? ""}${last?.fix ? `: ${last.fix}` : ""}`,
      attempts,
      ...(last ? { code: last.code, retryable: true } : {}),
    },
    attempts,
    usage,
  };
}

/** The output for a chunk with nothing to quote: no call is made. */
export function emptyChunkOutput(plan: PlannedChunk): QuestionChainOutput {
  return { chunk_id: plan.source.chunk_id, questions: [], dropped: [], attempts: 0, usage: emptyUsage() };
}

// --- the same request and answer as plain data (batch inference) ---

/** A chat message as plain data, in the chat-completions shape. */
export interface ChunkRequestMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

/** One chunk's request as the chain would send it, as plain data. */
export interface ChunkRequest {
  chunkId: string;
  /** False when the chunk has nothing to quote: the chain sends nothing (its output is `emptyOutput`). */
  send: boolean;
  /** The output the chain returns when `send` is false. */
  emptyOutput?: QuestionChainOutput;
  messages: ChunkRequestMessage[];
  /** The JSON schema the answer must follow. */
  schema: Record<string, unknown>;
  /** How the answer is asked for: the `withStructuredOutput` method, or `text` when the model's text is parsed. */
  method: "functionCalling" | "jsonSchema" | "jsonMode" | "default" | "text";
  /**
   * Everything besides the messages the model would send, as the model reports it (`invocationParams` of LangChain
   * chat models: for `ChatOpenAI` the chat-completions body fields `model`, `temperature`, `response_format`, `tools`,
   * `tool_choice`, …). Empty for models that report nothing.
   */
  params: Record<string, unknown>;
}

function roleOf(message: BaseMessage): ChunkRequestMessage["role"] {
  const type = message.getType();
  if (type === "system") return "system";
  if (type === "ai") return "assistant";
  return "user";
}

type ParamsReporter = { invocationParams(options?: unknown): unknown };

function reportsParams(value: unknown): value is ParamsReporter {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { invocationParams?: unknown }).invocationParams === "function" &&
    typeof (value as { _llmType?: unknown })._llmType === "function"
  );
}

/**
 * The chat model inside a runnable built by `withStructuredOutput`, with the call options bound to it (a
 * `RunnableBinding`'s config; `ChatOpenAI` instead returns a copy of itself holding them as its defaults).
 */
function boundModel(runnable: unknown, depth = 0): { model: ParamsReporter; options: unknown } | undefined {
  if (depth > 8 || typeof runnable !== "object" || runnable === null) return undefined;
  if (reportsParams(runnable)) return { model: runnable, options: {} };
  const node = runnable as Record<string, unknown>;
  if ("bound" in node && reportsParams(node.bound)) {
    return { model: node.bound, options: { ...(node.kwargs as object), ...(node.config as object) } };
  }
  const children = [node.bound, node.first, ...((node.middle as unknown[]) ?? []), node.last, node.runnable];
  if (typeof node.steps === "object" && node.steps !== null) children.push(...Object.values(node.steps));
  for (const child of children) {
    const found = boundModel(child, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Everything besides the messages the chunk's model call sends, as the model reports it (its `invocationParams` for
 * the bound call options). Read from the runnable's structure: nothing is sent.
 */
function requestParams(settings: QuestionChainSettings, plan: PlannedChunk): Record<string, unknown> {
  const found = boundModel(chunkModel({ settings, plan }));
  if (!found) return {};
  const { callbacks: _callbacks, signal: _signal, ...options } = (found.options ?? {}) as Record<string, unknown>;
  const reported = found.model.invocationParams(options);
  if (typeof reported !== "object" || reported === null) return {};
  // Drop fields the model leaves unset: they are not sent.
  return Object.fromEntries(Object.entries(reported).filter(([, value]) => value !== undefined));
}

/** A chunk's plan and the messages of its request (the first, or the retry after `retry`). */
function requestFor(
  settings: QuestionChainSettings,
  chunk: QuestionChainInput,
  retry: ChunkRetry | undefined,
): { plan: PlannedChunk; messages: BaseMessage[] } {
  const plan = planChunk({ settings, input: chunk });
  const base = promptMessages({ settings, plan });
  return { plan, messages: retry ? retryMessages({ basePrompt: base, retry }) : base };
}

/**
 * The request the chain would send for a chunk, as plain data, for sending it another way (e.g. a batch API). Pass
 * `retry` (from {@link readChunkAnswer}) for the request that asks again after an unusable answer.
 *
 * @example
 * const request = await prepareChunkRequest({ chain, chunk });
 * if (request.send) lines.push({ custom_id: request.chunkId, body: { ...request.params, messages: request.messages } });
 */
export async function prepareChunkRequest(params: {
  /** The chain (from `createQuestionChain`). */
  chain: { readonly settings: QuestionChainSettings };
  /** The chunk. */
  chunk: QuestionChainInput;
  /** Set to ask again after an unusable answer. */
  retry?: ChunkRetry;
}): Promise<ChunkRequest> {
  const { settings } = params.chain;
  const { plan, messages } = requestFor(settings, params.chunk, params.retry);
  const method =
    settings.strategy.method === null ? "text" : ((settings.strategy.method ?? "default") as ChunkRequest["method"]);
  const request: ChunkRequest = {
    chunkId: plan.source.chunk_id,
    send: plan.questions > 0,
    messages: messages.map((m) => ({
      role: roleOf(m),
      content: typeof m.content === "string" ? m.content : JSON.stringify(m.content),
    })),
    schema: answerSchema({ settings, plan }),
    method,
    params: plan.questions > 0 ? requestParams(settings, plan) : {},
  };
  if (!request.send) request.emptyOutput = emptyChunkOutput(plan);
  return request;
}

/** A chat completion as an OpenAI-compatible endpoint returns it (the fields the chain reads). */
export interface ChatCompletionAnswer {
  model?: string;
  choices: {
    message: {
      content?: string | null;
      tool_calls?: { id?: string; type?: string; function: { name: string; arguments: string } }[] | null;
    };
    finish_reason?: string | null;
  }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens?: number } | null;
}

/** The answer as the LangChain message `ChatOpenAI` makes of the same completion. */
function answerMessage(answer: ChatCompletionAnswer): AIMessage {
  const choice = answer.choices[0];
  const toolCalls: { name: string; args: Record<string, unknown>; id?: string; type: "tool_call" }[] = [];
  const invalidToolCalls: { name: string; args: string; id?: string; error: string; type: "invalid_tool_call" }[] = [];
  for (const call of choice?.message.tool_calls ?? []) {
    try {
      const args = JSON.parse(call.function.arguments) as Record<string, unknown>;
      toolCalls.push({ name: call.function.name, args, id: call.id, type: "tool_call" });
    } catch (error) {
      invalidToolCalls.push({
        name: call.function.name,
        args: call.function.arguments,
        id: call.id,
        error: (error as Error).message,
        type: "invalid_tool_call",
      });
    }
  }
  const usage = answer.usage;
  return new AIMessage({
    content: choice?.message.content ?? "",
    tool_calls: toolCalls,
    invalid_tool_calls: invalidToolCalls,
    response_metadata: {
      ...(answer.model ? { model_name: answer.model } : {}),
      ...(choice?.finish_reason ? { finish_reason: choice.finish_reason } : {}),
    },
    ...(usage
      ? {
          usage_metadata: {
            input_tokens: usage.prompt_tokens,
            output_tokens: usage.completion_tokens,
            total_tokens: usage.total_tokens ?? usage.prompt_tokens + usage.completion_tokens,
          },
        }
      : {}),
  });
}

/** What {@link readChunkAnswer} made of one answer. */
export interface ChunkAnswerReading {
  /** What the chain returns for the chunk: questions and dropped ones, or (when the answer was unusable) a failure. */
  output: QuestionChainOutput;
  /** Set when the answer was unusable and a retry is allowed: pass it to `prepareChunkRequest` to ask again. */
  retry?: ChunkRetry;
}

/**
 * Reads one answer to a {@link prepareChunkRequest} request exactly as the chain reads its own: the same parsing,
 * checks, ids, findings, policy and usage accounting. Pass the `retry` the request was made with, if any.
 *
 * @example
 * const { output, retry } = await readChunkAnswer({ chain, chunk, answer: completion });
 * if (retry) nextRound.push(await prepareChunkRequest({ chain, chunk, retry }));
 */
export async function readChunkAnswer(params: {
  chain: { readonly settings: QuestionChainSettings };
  chunk: QuestionChainInput;
  /** The chat completion returned for the request. */
  answer: ChatCompletionAnswer;
  /** The `retry` the request was prepared with. */
  retry?: ChunkRetry;
}): Promise<ChunkAnswerReading> {
  const { settings } = params.chain;
  const { plan, messages } = requestFor(settings, params.chunk, params.retry);
  const attempts = (params.retry?.attempts ?? 0) + 1;
  const usage: QuestionChainUsage = params.retry ? { ...params.retry.usage } : emptyUsage();
  usage.calls++;
  const raw = answerMessage(params.answer);
  await addAnsweredCallUsage({ usage, raw, messages, output: raw });
  const unsupported = unsupportedModeReply({ settings, output: raw });
  if (unsupported) return { output: finalFailureOutput({ plan, failure: unsupported, attempts, usage }) };
  const parsed = parseChunkAnswer({ settings, plan, output: raw });
  if (parsed.ok)
    return { output: checkChunkAnswer({ settings, plan, answer: parsed.answer, call: { attempts, usage } }) };
  const output = unusableAnswerOutput({ plan, last: { code: "UNPARSEABLE", message: parsed.error }, attempts, usage });
  if (attempts >= 1 + settings.maxRetries) return { output };
  return { output, retry: { error: parsed.error, rawText: parsed.rawText, attempts, usage } };
}
