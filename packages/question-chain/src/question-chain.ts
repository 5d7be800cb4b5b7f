import { createHash } from "node:crypto";
import {
  type CheckThresholds,
  checkQuestion,
  DEFAULT_FINDING_POLICY,
  type DomainPlugin,
  decideFindingAction,
  describeZodIssues,
  type ExamQuestion,
  ExamQuestionSchema,
  type Finding,
  type FindingPolicy,
  NearDuplicateIndex,
  normalizeForComparison,
  promptVersionFor,
} from "@domain-eval/core";
import type { CallbackManagerForChainRun } from "@langchain/core/callbacks/manager";
import type { DocumentInterface } from "@langchain/core/documents";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { AIMessage, type BaseMessage, HumanMessage, isBaseMessage } from "@langchain/core/messages";
import { patchConfig, Runnable, type RunnableConfig } from "@langchain/core/runnables";
import { z } from "zod";
import { tokenCounter } from "./count-tokens.js";
import {
  type CitationStyle,
  citableSentences,
  type GroundingOrder,
  groundedQuestionsSchema,
  groundingInstructions,
  resolveCitations,
} from "./grounding-schema.js";
import { documentIdFor } from "./load-documents.js";
import { classifyModelCallError, type ModelCallFailure, type ModelCallFailureCode } from "./model-call-failure.js";
import { buildQuestionPrompt, GeneratedQuestionsSchema, QUESTION_PROMPT_VERSION } from "./question-prompt.js";
import { readModelOutput } from "./read-model-output.js";
import type { ChunkMetadata } from "./split-documents.js";

/**
 * How the chain asks for structured output:
 * - `auto` (default): the model's own `withStructuredOutput` default (JSON schema for recent OpenAI models, tool
 *   calling for most others); models without tool support get the JSON prompt and their text is parsed;
 * - `tool`: a forced tool call; `json_schema`: a JSON-schema response format; `json_mode`: JSON mode plus the schema in
 *   the prompt.
 */
export type StructuredOutputMode = "auto" | "tool" | "json_schema" | "json_mode";

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
  /** Wait before retrying a rate limit, server error, timeout or dropped connection: this many ms, doubled per attempt (default 1000). */
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
}

/** A generated question that did not pass the checks, with the findings that dropped it. */
export interface DroppedQuestion {
  question: Partial<ExamQuestion> & Pick<ExamQuestion, "id" | "question" | "answer" | "distractors" | "citations">;
  findings: Finding[];
}

/** Model calls and tokens spent on one chunk. */
export interface QuestionChainUsage {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  /** True when the model did not report token usage and the numbers are tokenizer estimates. */
  estimated?: boolean;
}

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

/** The chain's input: a chunk from `splitDocuments`, any LangChain `Document`, or plain text. */
export type QuestionChainInput = DocumentInterface | string;

const OutputJsonSchema = (() => {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(GeneratedQuestionsSchema) as Record<string, unknown>;
  return schema;
})();

const SCHEMA_NAME = "exam_questions";

function positiveInteger(name: string, value: number, minimum: number): number {
  if (!Number.isInteger(value) || value < minimum) {
    throw new TypeError(`${name} must be a whole number of at least ${minimum}, got ${value}`);
  }
  return value;
}

/** Stable question id: from the chunk id and the question's normalised text. */
export function questionIdFor(chunkId: string, question: string): string {
  return `q-${createHash("sha256")
    .update(`${chunkId}\n${normalizeForComparison(question)}`)
    .digest("hex")
    .slice(0, 16)}`;
}

function asChunk(input: QuestionChainInput): { text: string; source: ChunkMetadata } {
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

function reportedModelName(message: BaseMessage | undefined, model: BaseChatModel): string {
  const metadata = (message?.response_metadata ?? {}) as Record<string, unknown>;
  for (const key of ["model_name", "model", "modelId", "model_id"]) {
    const value = metadata[key];
    if (typeof value === "string" && value !== "") return value;
  }
  const configured = model as unknown as { model?: unknown; modelName?: unknown };
  if (typeof configured.model === "string" && configured.model !== "") return configured.model;
  if (typeof configured.modelName === "string" && configured.modelName !== "") return configured.modelName;
  return model._llmType();
}

function rawMessage(output: unknown): BaseMessage | undefined {
  if (isBaseMessage(output)) return output;
  if (typeof output === "object" && output !== null && "raw" in output) {
    const raw = (output as { raw: unknown }).raw;
    if (isBaseMessage(raw)) return raw;
  }
  return undefined;
}

function finding(code: string, severity: Finding["severity"], message: string): Finding {
  return { code, severity, message };
}

/**
 * A LangChain `Runnable` from a chunk to checked exam questions. Create it with {@link createQuestionChain}; use it
 * like any runnable: `invoke`, `batch`, `stream`, `pipe`, callbacks and tracing (the model call is a child run).
 */
export class QuestionChain extends Runnable<QuestionChainInput, QuestionChainOutput> {
  override lc_namespace = ["domain_eval", "question_chain"];

  /** `prompt_version` stamped on every question. */
  readonly promptVersion: string;
  readonly questionsPerChunk: number;
  readonly optionsPerQuestion: number;
  readonly maxRetries: number;
  readonly grounding: GroundingOrder;
  readonly citationStyle: CitationStyle;
  /** `withStructuredOutput` method, or null when the model has none and its text is parsed. */
  private readonly method: string | undefined | null;

  static override lc_name(): string {
    return "QuestionChain";
  }

  constructor(private readonly params: QuestionChainParams) {
    super();
    if (!params.model || typeof params.model.invoke !== "function") {
      throw new TypeError(
        "createQuestionChain needs `model`: a LangChain chat model such as new ChatOpenAI({ model })",
      );
    }
    this.questionsPerChunk = positiveInteger("questionsPerChunk", params.questionsPerChunk ?? 3, 1);
    this.optionsPerQuestion = positiveInteger("optionsPerQuestion", params.optionsPerQuestion ?? 4, 4);
    this.maxRetries = positiveInteger("maxRetries", params.maxRetries ?? 2, 0);
    if (params.retryDelayMs !== undefined && !(params.retryDelayMs >= 0)) {
      throw new TypeError(`retryDelayMs must be 0 or more, got ${params.retryDelayMs}`);
    }
    const mode = params.structuredOutput ?? "auto";
    if (!["auto", "tool", "json_schema", "json_mode"].includes(mode)) {
      throw new TypeError(`structuredOutput "${mode}" is not one of auto, tool, json_schema, json_mode`);
    }
    this.grounding = params.grounding ?? "quote-first";
    if (!["quote-first", "question-first"].includes(this.grounding)) {
      throw new TypeError(`grounding "${this.grounding}" is not one of quote-first, question-first`);
    }
    this.citationStyle = params.citationStyle ?? "number";
    if (!["number", "sentence"].includes(this.citationStyle)) {
      throw new TypeError(`citationStyle "${this.citationStyle}" is not one of number, sentence`);
    }
    this.promptVersion = promptVersionFor(QUESTION_PROMPT_VERSION, params.domain);
    const method = { auto: undefined, tool: "functionCalling", json_schema: "jsonSchema", json_mode: "jsonMode" }[mode];
    // Fails now, not on the first chunk, when the model cannot do what was asked.
    this.method = this.structuredModel(OutputJsonSchema, method) ? method : null;
  }

  private structuredModel(
    schema: Record<string, unknown>,
    method: string | undefined,
  ): Runnable<BaseMessage[], unknown> | undefined {
    const { model } = this.params;
    try {
      // A JSON schema rather than the zod object: with zod, some providers parse inside the SDK and throw away the
      // raw reply on a parse error, and the raw reply is what the retry shows the model.
      return model.withStructuredOutput(schema, {
        name: SCHEMA_NAME,
        includeRaw: true,
        ...(method ? { method: method as "functionCalling" } : {}),
      }) as Runnable<BaseMessage[], unknown>;
    } catch (error) {
      const mode = this.params.structuredOutput ?? "auto";
      if (mode === "tool" || mode === "json_schema") {
        throw new TypeError(
          `structuredOutput "${mode}" is not supported by this model (${(error as Error).message}): use "auto" or "json_mode"`,
        );
      }
      // no tool calling: the prompt asks for JSON and the text is parsed
      return undefined;
    }
  }

  /** What the chain asks of the model for one chunk: the sentences it may quote and how many questions. */
  private planFor(text: string): { sentences: string[]; questions: number } {
    const sentences = citableSentences(text, this.params.language ?? this.params.domain?.languages[0]);
    return { sentences, questions: Math.min(this.questionsPerChunk, sentences.length) };
  }

  /** The messages the chain sends for a chunk (before any retry), e.g. for cost estimates. */
  promptFor(input: QuestionChainInput): BaseMessage[] {
    const text = asChunk(input).text;
    const plan = this.planFor(text);
    const messages = buildQuestionPrompt({
      sourceText: text,
      questionsPerChunk: Math.max(1, plan.questions),
      optionsPerQuestion: this.optionsPerQuestion,
      language: this.params.language,
      domain: this.params.domain,
    });
    const extra = groundingInstructions({
      sentences: plan.sentences,
      order: this.grounding,
      citationStyle: this.citationStyle,
    });
    if (extra === "") return messages;
    const last = messages.at(-1) as BaseMessage;
    return [...messages.slice(0, -1), new HumanMessage(`${String(last.content)}\n\n${extra}`)];
  }

  override async invoke(input: QuestionChainInput, options?: Partial<RunnableConfig>): Promise<QuestionChainOutput> {
    return this._callWithConfig(this.generate.bind(this), input, options);
  }

  private async generate(
    input: QuestionChainInput,
    config?: Partial<RunnableConfig>,
    runManager?: CallbackManagerForChainRun,
  ): Promise<QuestionChainOutput> {
    const { text, source } = asChunk(input);
    const usage: QuestionChainUsage = { calls: 0, promptTokens: 0, completionTokens: 0 };
    const plan = this.planFor(text);
    // Nothing a question could quote (a heading, a table of numbers): no call is spent on it.
    if (plan.questions === 0) return { chunk_id: source.chunk_id, questions: [], dropped: [], attempts: 0, usage };
    const childConfig = patchConfig(config, { callbacks: runManager?.getChild() });
    const basePrompt = this.promptFor(input);
    const structured =
      this.method === null
        ? (this.params.model as unknown as Runnable<BaseMessage[], unknown>)
        : (this.structuredModel(
            groundedQuestionsSchema({
              sentences: plan.sentences,
              questions: plan.questions,
              optionsPerQuestion: this.optionsPerQuestion,
              order: this.grounding,
              citationStyle: this.citationStyle,
            }),
            this.method,
          ) as Runnable<BaseMessage[], unknown>);
    let messages = basePrompt;
    let last: ModelCallFailure | undefined;
    const maxAttempts = 1 + this.maxRetries;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (attempt > 1 && last && last.code !== "unparseable") {
        await sleep((this.params.retryDelayMs ?? 1000) * 2 ** (attempt - 2), config?.signal);
      }
      usage.calls++;
      let output: unknown;
      try {
        output = await structured.invoke(messages, childConfig);
      } catch (error) {
        if (config?.signal?.aborted) throw error;
        // A local model cut off mid-answer reports the tokens it spent: they count against budgets.
        const spent = (error as { usage?: { input_tokens?: unknown; output_tokens?: unknown } }).usage;
        if (typeof spent?.input_tokens === "number" && typeof spent.output_tokens === "number") {
          usage.promptTokens += spent.input_tokens;
          usage.completionTokens += spent.output_tokens;
        }
        last = classifyModelCallError(error);
        if (!last.retryable) {
          const fix = last.fix ? `: ${last.fix}` : "";
          return {
            chunk_id: source.chunk_id,
            questions: [],
            dropped: [],
            failure: {
              message: `the model call failed (${last.code}, not retried): ${last.message}${fix}`,
              attempts: attempt,
              code: last.code,
              retryable: false,
            },
            attempts: attempt,
            usage,
          };
        }
        continue;
      }
      const raw = rawMessage(output);
      await this.addUsage(usage, raw, messages, output);
      const reading = readModelOutput(output);
      if (reading.ok) {
        const model = reportedModelName(raw, this.params.model);
        const generated = reading.value.questions.map((q) => ({
          ...q,
          citations: resolveCitations(q.citations, plan.sentences),
        }));
        return { ...this.checkQuestions(generated, text, source, model), attempts: attempt, usage };
      }
      last = { code: "unparseable", retryable: true, message: reading.error };
      messages = [
        ...basePrompt,
        new AIMessage(reading.rawText ?? "(no usable reply)"),
        new HumanMessage(
          `Your reply could not be used: ${reading.error}. Reply again with the complete JSON object only, fixing these problems.`,
        ),
      ];
    }
    return {
      chunk_id: source.chunk_id,
      questions: [],
      dropped: [],
      failure: {
        message: `no usable answer after ${maxAttempts} attempt(s): ${last?.code === "unparseable" ? "" : `the model call failed (${last?.code}): `}${last?.message ?? ""}`,
        attempts: maxAttempts,
        ...(last ? { code: last.code, retryable: true } : {}),
      },
      attempts: maxAttempts,
      usage,
    };
  }

  private async addUsage(
    usage: QuestionChainUsage,
    raw: BaseMessage | undefined,
    messages: BaseMessage[],
    output: unknown,
  ): Promise<void> {
    const reported = raw && AIMessage.isInstance(raw) ? raw.usage_metadata : undefined;
    if (reported) {
      usage.promptTokens += reported.input_tokens;
      usage.completionTokens += reported.output_tokens;
      return;
    }
    const count = await tokenCounter();
    usage.estimated = true;
    usage.promptTokens += messages.reduce(
      (sum, m) => sum + count(typeof m.content === "string" ? m.content : JSON.stringify(m.content)),
      0,
    );
    const reply = raw
      ? typeof raw.content === "string"
        ? raw.content
        : JSON.stringify(raw.content)
      : JSON.stringify(output);
    usage.completionTokens += count(reply ?? "");
  }

  private checkQuestions(
    generated: { question: string; answer: string; distractors: string[]; citations: string[] }[],
    text: string,
    source: ChunkMetadata,
    generatorModel: string,
  ): Omit<QuestionChainOutput, "attempts" | "usage"> {
    const policy = this.params.policy ?? DEFAULT_FINDING_POLICY;
    const wanted = this.optionsPerQuestion - 1;
    const questions: ExamQuestion[] = [];
    const dropped: DroppedQuestion[] = [];
    const duplicates = new NearDuplicateIndex();
    const seenIds = new Map<string, string>();
    generated.forEach((g, index) => {
      const questionText = g.question.trim();
      const id = questionIdFor(source.chunk_id, questionText);
      const findings: Finding[] = [];
      let distractors = g.distractors.map((d) => d.trim());
      if (distractors.length > wanted) {
        findings.push(
          finding(
            "EXTRA_DISTRACTORS",
            "info",
            `${distractors.length} distractors given, ${wanted} kept (the first ones)`,
          ),
        );
        distractors = distractors.slice(0, wanted);
      } else if (distractors.length < wanted && distractors.length >= 3) {
        findings.push(
          finding(
            "WRONG_OPTION_COUNT",
            "error",
            `${distractors.length} distractors where ${wanted} were asked for (${this.optionsPerQuestion} options per question)`,
          ),
        );
      }
      const candidate: ExamQuestion = {
        id,
        question: questionText,
        answer: g.answer.trim(),
        distractors,
        citations: g.citations.map((c) => c.trim()).filter((c) => c !== ""),
        source: { ...source },
        source_text: text,
        generator_model: generatorModel,
        prompt_version: this.promptVersion,
      };
      if (index >= this.questionsPerChunk) {
        findings.push(
          finding("EXTRA_QUESTION", "error", `question ${index + 1} is beyond the ${this.questionsPerChunk} asked for`),
        );
      }
      findings.push(
        ...checkQuestion(candidate, {
          sourceText: text,
          extraChecks: this.params.domain?.checks,
          phrases: this.params.domain?.phrases,
          thresholds: this.params.thresholds,
        }),
      );
      const earlier = seenIds.get(id);
      const match = earlier === undefined ? duplicates.add(id, questionText) : { duplicateOf: earlier, similarity: 1 };
      if (earlier === undefined) seenIds.set(id, id);
      if (match) {
        findings.push(
          finding(
            "DUPLICATE_QUESTION",
            "error",
            `near-duplicate of question ${match.duplicateOf} (similarity ${match.similarity.toFixed(2)})`,
          ),
        );
      }
      const action = decideFindingAction(findings, policy);
      if (action === "drop") {
        dropped.push({ question: candidate, findings });
        return;
      }
      const checked = ExamQuestionSchema.safeParse(action === "flag" ? { ...candidate, findings } : candidate);
      if (!checked.success) {
        const issues = describeZodIssues(checked.error)
          .map((i) => `${i.path}: ${i.message}`)
          .join("; ");
        findings.push(finding("INVALID_QUESTION", "error", `not a valid exam question: ${issues}`));
        dropped.push({ question: candidate, findings });
        return;
      }
      questions.push(checked.data);
    });
    return { chunk_id: source.chunk_id, questions, dropped };
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
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
