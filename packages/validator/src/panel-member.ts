import type { PanelItem } from "./validation-prompts.js";

/** How a member's answers are scored: per-option probabilities (log-likelihoods or letter log-probs) or one letter. */
export type PanelScoring = "logprobs" | "letter";

/** One answer of a panel member to one item. */
export interface MemberAnswer {
  /** Index of the chosen option in the order shown; null when the member gave no usable answer. */
  choice: number | null;
  /** Probability of each option in the order shown, when the member gives them; else null. */
  probabilities: number[] | null;
  /** Why there is no answer (the reply did not fit the format, …); null when there is one. */
  noAnswer: string | null;
  /** Tokens spent: prompt (evaluated) and completion. */
  usage: { promptTokens: number; completionTokens: number };
}

/**
 * How an endpoint member's requests go into a batch job (`validateQuestionsBatch`): the exact request it would send,
 * and the same reader its direct calls use.
 */
export interface PanelMemberBatch {
  /** The endpoint's base URL (its Files and Batches API take the batch). */
  readonly baseUrl: string;
  /** The chat completions body the member sends for `item`. */
  requestBody(item: PanelItem): Record<string, unknown>;
  /** Reads a chat completion (a batch output line's body) into an answer, as `answer` reads its own reply. */
  readReply(params: { item: PanelItem; reply: unknown }): MemberAnswer;
}

/** A model on the validation panel. Create one with `createEndpointMember` or `createLocalMember`. */
export interface PanelMember {
  /** Model name recorded with every answer. */
  readonly name: string;
  readonly kind: "local" | "endpoint";
  /** How answers are scored (an endpoint that returns no log-probabilities reports "letter"). */
  readonly scoring: PanelScoring;
  /** Answers at most this many items at once (a local model: 1). */
  readonly concurrency: number;
  /** Answers one item. Throws `ValidatorError` only for failures that retries cannot fix. */
  answer(params: { item: PanelItem; signal?: AbortSignal }): Promise<MemberAnswer>;
  /** Prompt tokens an answer to `item` would take (for dry runs and budgets), without calling the model. */
  estimatePromptTokens(item: PanelItem): Promise<number>;
  /** Completion tokens an answer takes (a letter in JSON: a few; a scored continuation: none). */
  readonly completionTokensPerAnswer: number;
  /** Present when the member's requests can go into a batch job (endpoints); local models are scored in-process. */
  readonly batch?: PanelMemberBatch;
  /** Frees resources (a local model's memory). */
  dispose?(): Promise<void>;
}
