import { type ChatCompletionRequest, messageText } from "./chat-request.js";
import type { ScriptedHandler, ScriptedReply } from "./scripted-openai-server.js";

/** A multiple-choice item as the answerer read it from a request. */
export interface AskedItem {
  /** `open_book` when the prompt holds a passage, `closed_book` with a question only, `options_only` with neither. */
  setting: "open_book" | "closed_book" | "options_only";
  passage: string | null;
  question: string | null;
  /** Option texts in the order shown (A, B, …). */
  options: string[];
}

/** Options of {@link multipleChoiceHandler}. */
export interface MultipleChoiceOptions {
  /**
   * Picks the answer: an option's text (or its 0-based position, to follow the letter), or null to reply with
   * something that is not an answer.
   */
  decide: (item: AskedItem, request: ChatCompletionRequest) => string | number | null;
  /** Also send token log-probabilities (when the request asks): this share on the pick, the rest spread evenly. */
  confidence?: number;
}

/** Reads `Passage:`, `Question:` and `A. …` lines from the last user message. */
export function readAskedItem(request: ChatCompletionRequest): AskedItem {
  const user = [...request.messages].reverse().find((m) => m.role === "user");
  const text = user ? messageText(user) : "";
  const passage = /Passage:\n([\s\S]*?)\n\nQuestion:/u.exec(text)?.[1] ?? null;
  const question = /Question: (.*)/u.exec(text)?.[1]?.trim() ?? null;
  const options = [...text.matchAll(/^([A-Z])\. (.*)$/gmu)].map((m) => (m[2] as string).trim());
  const setting = passage !== null ? "open_book" : question !== null ? "closed_book" : "options_only";
  return { setting, passage, question, options };
}

/**
 * A fake multiple-choice answerer for the scripted server: reads the item from the prompt, asks `decide` which option
 * to pick, and answers `{"answer": "<letter>"}` in the requested structured form (json_schema content or a tool
 * call), with token log-probabilities when asked for and `confidence` is set. Scripted panels: one that always knows,
 * one that never does, one that follows the letter.
 *
 * @example
 * const server = await startScriptedOpenAIServer({
 *   handler: multipleChoiceHandler({ decide: (item) => (item.setting === "options_only" ? 0 : KEYS[item.question ?? ""]) }),
 * });
 */
export function multipleChoiceHandler(options: MultipleChoiceOptions): ScriptedHandler {
  return (request) => {
    const item = readAskedItem(request);
    const picked = options.decide(item, request);
    if (picked === null) return { content: "I am not sure." };
    const position = typeof picked === "number" ? picked : item.options.indexOf(picked);
    if (position < 0 || position >= item.options.length) {
      return { content: `none of the options is "${String(picked)}"` };
    }
    const letter = String.fromCharCode(65 + position);
    const reply: ScriptedReply = { json: { answer: letter } };
    const confidence = options.confidence;
    if (confidence !== undefined) {
      const rest = (1 - confidence) / Math.max(1, item.options.length - 1);
      const top = item.options.map((_, i) => ({
        token: String.fromCharCode(65 + i),
        logprob: Math.log(i === position ? confidence : rest),
      }));
      reply.logprobs = [
        { token: '{"answer":"', logprob: 0 },
        { token: letter, logprob: Math.log(confidence), top_logprobs: top },
        { token: '"}', logprob: 0 },
      ];
    }
    return reply;
  };
}
