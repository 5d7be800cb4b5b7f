import type { BaseMessage } from "@langchain/core/messages";
import { type TokenEncodingName, tokenCounter } from "./count-tokens.js";
import { chunksOf, type ExamSource } from "./exam-run.js";
import type { QuestionChain } from "./question-chain.js";

/** Parameters of {@link estimateExam}. */
export type EstimateExamParams = ExamSource & {
  /** The chain whose prompt is measured (from `createQuestionChain`). */
  chain: Pick<QuestionChain, "promptFor" | "questionsPerChunk" | "optionsPerQuestion" | "maxRetries">;
  /** Expected completion tokens per question (default 40 + 12 per option: question, options, a quote, JSON). */
  completionTokensPerQuestion?: number;
  /** Tokenizer for counting (default `cl100k_base`). */
  encoding?: TokenEncodingName;
};

/** A dry-run estimate: what a `generateExam` run would spend if every chunk succeeded first time. */
export interface ExamEstimate {
  chunks: number;
  /** One call per chunk. */
  calls: number;
  /** The worst case, when every chunk uses all its retries. */
  maxCalls: number;
  /** Tokens of the prompts exactly as they would be sent (plus a few per message for the chat format). */
  promptTokens: number;
  /** Expected completion tokens. */
  completionTokens: number;
}

const TOKENS_PER_MESSAGE = 4;

function text(message: BaseMessage): string {
  return typeof message.content === "string" ? message.content : JSON.stringify(message.content);
}

/**
 * Estimates calls and tokens of a run without calling any model: builds each chunk's prompt and counts its tokens.
 * Use it for a "this will cost about …" confirmation before `generateExam`.
 *
 * @example
 * const estimate = await estimateExam({ chunks, chain });
 * console.log(`${estimate.calls} calls, ~${estimate.promptTokens + estimate.completionTokens} tokens`);
 */
export async function estimateExam(params: EstimateExamParams): Promise<ExamEstimate> {
  if (!params.chain || typeof params.chain.promptFor !== "function") {
    throw new TypeError("estimateExam needs `chain` from createQuestionChain (it measures that chain's prompt)");
  }
  const chunks = await chunksOf({ source: params, caller: "estimateExam" });
  const count = await tokenCounter({ encoding: params.encoding });
  let promptTokens = 0;
  for (const chunk of chunks) {
    for (const message of params.chain.promptFor(chunk)) promptTokens += count(text(message)) + TOKENS_PER_MESSAGE;
  }
  const perQuestion = params.completionTokensPerQuestion ?? 40 + 12 * params.chain.optionsPerQuestion;
  return {
    chunks: chunks.length,
    calls: chunks.length,
    maxCalls: chunks.length * (1 + params.chain.maxRetries),
    promptTokens,
    completionTokens: chunks.length * params.chain.questionsPerChunk * perQuestion,
  };
}
