import { choiceLetter } from "@domain-eval/core";

/** Version of the prompts and rules below; stored in every `validation` object. */
export const VALIDATION_PROMPT_VERSION = "validate-1";

/** The four ways a question is put to the panel. */
export type ValidationSetting = "open_book" | "closed_book" | "options_only" | "order_swap";

/** Every setting, in the order they are reported. */
export const VALIDATION_SETTINGS: readonly ValidationSetting[] = [
  "open_book",
  "closed_book",
  "options_only",
  "order_swap",
];

/** One multiple-choice item as shown to a panel member: what it may see, and the options in display order. */
export interface PanelItem {
  setting: ValidationSetting;
  /** The passage (open book and order swap only). */
  passage?: string;
  /** The question (every setting but options only). */
  question?: string;
  /** Option texts in the order shown (A, B, …). */
  options: readonly string[];
}

/** A chat prompt asking for one letter: a system and a user message. */
export interface LetterPrompt {
  system: string;
  user: string;
}

function optionLines(options: readonly string[]): string {
  return options.map((o, i) => `${choiceLetter(i)}. ${o}`).join("\n");
}

/**
 * The chat prompt for endpoints, which answer with a letter through structured output.
 *
 * @example
 * letterPrompt({ setting: "closed_book", question: "Capital of France?", options: ["Paris", "Rome"] }).user
 */
export function letterPrompt(item: PanelItem): LetterPrompt {
  const letters = item.options.map((_, i) => choiceLetter(i)).join(", ");
  const system = `You answer multiple-choice questions. Reply with the letter of the one correct option (${letters}).`;
  if (item.setting === "options_only") {
    return {
      system,
      user: `These are the options of a multiple-choice question you are not shown. Exactly one of them is the correct answer. Which one?\n\n${optionLines(item.options)}`,
    };
  }
  const passage = item.passage !== undefined ? `Passage:\n${item.passage}\n\n` : "";
  const instruction = item.passage !== undefined ? "Answer from the passage." : "Answer from what you know.";
  return {
    system,
    user: `${passage}Question: ${item.question ?? ""}\n\n${optionLines(item.options)}\n\n${instruction}`,
  };
}

/**
 * The plain-text prompt for local models, which score each option's text as its continuation (LightEval's cloze
 * form). The options are not listed: a small model shown a list copies by position, not by content, so the order
 * shown cannot change a local model's answer.
 *
 * @example
 * continuationPrompt({ setting: "closed_book", question: "Capital of France?", options: ["Paris", "Rome"] })
 * // "Question: Capital of France?\nAnswer:"
 */
export function continuationPrompt(item: PanelItem): string {
  if (item.setting === "options_only") return "Answer:";
  const passage = item.passage !== undefined ? `${item.passage.trim()}\n\n` : "";
  return `${passage}Question: ${item.question ?? ""}\nAnswer:`;
}
