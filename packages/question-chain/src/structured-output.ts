import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseMessage } from "@langchain/core/messages";
import { Runnable, RunnableBinding, RunnableMap, RunnableSequence } from "@langchain/core/runnables";
import { z } from "zod";
import { GeneratedQuestionsSchema } from "./question-prompt.js";

/**
 * How the chain asks for structured output:
 * - `auto` (default): the model's own `withStructuredOutput` default (JSON schema for recent OpenAI models, tool
 *   calling for most others); models without tool support get the JSON prompt and their text is parsed;
 * - `tool`: a forced tool call; `json_schema`: a JSON-schema response format; `json_mode`: JSON mode plus the schema in
 *   the prompt.
 */
export type StructuredOutputMode = "auto" | "tool" | "json_schema" | "json_mode";

export const STRUCTURED_OUTPUT_MODES: readonly StructuredOutputMode[] = ["auto", "tool", "json_schema", "json_mode"];

/** Name of the tool / JSON schema the model is asked to fill. */
export const SCHEMA_NAME = "exam_questions";

/** LangChain's `withStructuredOutput` method per mode (`undefined`: the model's default). */
const METHODS: Record<StructuredOutputMode, string | undefined> = {
  auto: undefined,
  tool: "functionCalling",
  json_schema: "jsonSchema",
  json_mode: "jsonMode",
};

/** The generic answer schema (no per-chunk bounds): used to learn up front whether the model can do the mode. */
const OUTPUT_JSON_SCHEMA = (() => {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(GeneratedQuestionsSchema) as Record<string, unknown>;
  return schema;
})();

/**
 * How one chain asks a model for structured output, settled once when the chain is created: the
 * `withStructuredOutput` method, or `null` when the model has no structured output and its text is parsed.
 */
export interface StructuredOutputStrategy {
  mode: StructuredOutputMode;
  method: string | undefined | null;
}

function structuredRunnable(
  model: BaseChatModel,
  schema: Record<string, unknown>,
  method: string | undefined,
): Runnable<BaseMessage[], unknown> {
  // A JSON schema rather than the zod object: with zod, some providers parse inside the SDK and throw away the raw
  // reply on a parse error, and the raw reply is what the retry shows the model.
  const pipeline = model.withStructuredOutput(schema, {
    name: SCHEMA_NAME,
    includeRaw: true,
    ...(method ? { method: method as "functionCalling" } : {}),
  }) as Runnable<BaseMessage[], unknown>;
  return modelStepOf(pipeline) ?? pipeline;
}

/**
 * The model call inside a `withStructuredOutput(schema, { includeRaw: true })` pipeline, or undefined when the
 * pipeline is not the standard one. LangChain builds it (`assembleStructuredOutputPipeline` in @langchain/core, used by
 * ChatOpenAI and most providers) as `RunnableSequence([{ raw: model bound to the schema }, parse, or null on failure])`,
 * sometimes under a binding that only names the run. The chain reads the raw reply only (`readModelOutput`: the retry
 * shows the model its own text), so it calls the model step alone: the step after it parsed the same JSON a second
 * time through a fallback runnable and two run trees, ~1 ms per answer between the answer and the next request, and
 * ~15 ms on the first answer of a run (cold code), measured with the generation benchmark. The request sent is the
 * same: the step is the bound model itself.
 */
function modelStepOf(pipeline: Runnable<BaseMessage[], unknown>): Runnable<BaseMessage[], unknown> | undefined {
  let node: unknown = pipeline;
  if (
    node instanceof RunnableBinding &&
    Object.keys(node.kwargs ?? {}).length === 0 &&
    Object.keys(node.config ?? {}).every((key) => key === "runName")
  ) {
    node = node.bound;
  }
  if (!RunnableSequence.isRunnableSequence(node) || node.steps.length !== 2) return undefined;
  const map = node.steps[0];
  if (!(map instanceof RunnableMap)) return undefined;
  const keys = map.getStepsKeys();
  if (keys.length !== 1 || keys[0] !== "raw") return undefined;
  // `steps` is protected in RunnableMap's types; getStepsKeys() above is its public view of the same object.
  const step = (map as unknown as { steps: Record<string, unknown> }).steps.raw;
  return Runnable.isRunnable(step) ? (step as Runnable<BaseMessage[], unknown>) : undefined;
}

/**
 * Settles the strategy for a model and mode. Fails now, not on the first chunk, when the model cannot do what was
 * asked: only `auto` falls back to parsing the model's text.
 *
 * @throws TypeError when `tool`, `json_schema` or `json_mode` was asked for and the model does not support it.
 */
export function structuredOutputStrategy(params: {
  model: BaseChatModel;
  mode: StructuredOutputMode;
}): StructuredOutputStrategy {
  const method = METHODS[params.mode];
  try {
    structuredRunnable(params.model, OUTPUT_JSON_SCHEMA, method);
    return { mode: params.mode, method };
  } catch (error) {
    if (params.mode === "auto") {
      // no structured output: the prompt asks for JSON and the text is parsed
      return { mode: params.mode, method: null };
    }
    const fix = params.mode === "json_mode" ? 'use "auto" to have its text parsed' : 'use "auto" or "json_mode"';
    throw new TypeError(
      `structuredOutput "${params.mode}" is not supported by this model (${(error as Error).message}): ${fix}`,
    );
  }
}

/**
 * The runnable that makes one chunk's model call: the model bound to the chunk's schema, or the bare model when its
 * text is parsed.
 */
export function structuredModelFor(params: {
  model: BaseChatModel;
  strategy: StructuredOutputStrategy;
  schema: Record<string, unknown>;
}): Runnable<BaseMessage[], unknown> {
  if (params.strategy.method === null) return params.model as unknown as Runnable<BaseMessage[], unknown>;
  return structuredRunnable(params.model, params.schema, params.strategy.method);
}
