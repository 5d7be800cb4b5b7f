import { AIMessage, type BaseMessage } from "@langchain/core/messages";
import { tokenCounter } from "./count-tokens.js";

/** Model calls and tokens spent on one chunk. */
export interface QuestionChainUsage {
  calls: number;
  promptTokens: number;
  completionTokens: number;
  /** True when the model did not report token usage and the numbers are tokenizer estimates. */
  estimated?: boolean;
}

/** Usage before the first call. */
export function emptyUsage(): QuestionChainUsage {
  return { calls: 0, promptTokens: 0, completionTokens: 0 };
}

/** Adds the tokens a failed call reports (a local model cut off mid-answer): they count against budgets. */
export function addFailedCallUsage(params: { usage: QuestionChainUsage; error: unknown }): void {
  const { usage, error } = params;
  const spent = (error as { usage?: { input_tokens?: unknown; output_tokens?: unknown } } | null)?.usage;
  if (typeof spent?.input_tokens === "number" && typeof spent.output_tokens === "number") {
    usage.promptTokens += spent.input_tokens;
    usage.completionTokens += spent.output_tokens;
  }
}

function messageText(message: BaseMessage): string {
  return typeof message.content === "string" ? message.content : JSON.stringify(message.content);
}

/**
 * Adds the tokens of one answered call: as the model reported them, else tokenizer estimates of the messages sent and
 * the reply (and `usage.estimated` is set).
 */
export async function addAnsweredCallUsage(params: {
  /** The running totals to add to. */
  usage: QuestionChainUsage;
  /** The reply message, when there is one. */
  raw: BaseMessage | undefined;
  /** The messages sent. */
  messages: readonly BaseMessage[];
  /** What the call returned (counted when there is no reply message). */
  output: unknown;
}): Promise<void> {
  const { usage, raw } = params;
  const reported = raw && AIMessage.isInstance(raw) ? raw.usage_metadata : undefined;
  if (reported) {
    usage.promptTokens += reported.input_tokens;
    usage.completionTokens += reported.output_tokens;
    return;
  }
  const count = await tokenCounter();
  usage.estimated = true;
  usage.promptTokens += params.messages.reduce((sum, m) => sum + count(messageText(m)), 0);
  const reply = raw ? messageText(raw) : JSON.stringify(params.output);
  usage.completionTokens += count(reply ?? "");
}
