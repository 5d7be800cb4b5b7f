import { describeZodIssues } from "@domain-eval/core";
import { AIMessage, type BaseMessage, isBaseMessage } from "@langchain/core/messages";
import { type GeneratedQuestions, GeneratedQuestionsSchema } from "./question-prompt.js";

/** The result of reading one model answer: the questions, or why the answer cannot be used and what it said. */
export type ModelOutputReading =
  | { ok: true; value: GeneratedQuestions }
  | { ok: false; error: string; rawText: string | undefined };

function messageText(message: BaseMessage): string {
  const { content } = message;
  if (typeof content === "string") return content;
  return content.map((part) => (part.type === "text" && typeof part.text === "string" ? part.text : "")).join("");
}

/** JSON from a model's text: bare, in a ```json fence, or after some prose. */
function parseJsonText(text: string): { value: unknown } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { error: "the reply was empty" };
  const fenced = /```(?:json)?\s*([\s\S]*?)```/u.exec(trimmed);
  const candidates = [trimmed];
  if (fenced?.[1]) candidates.push(fenced[1].trim());
  const first = trimmed.search(/[[{]/u);
  const last = Math.max(trimmed.lastIndexOf("}"), trimmed.lastIndexOf("]"));
  if (first >= 0 && last > first) candidates.push(trimmed.slice(first, last + 1));
  let firstError = "";
  for (const candidate of candidates) {
    try {
      return { value: JSON.parse(candidate) };
    } catch (error) {
      firstError ||= (error as Error).message;
    }
  }
  return { error: `the reply is not valid JSON (${firstError})` };
}

function validate(value: unknown, rawText: string | undefined): ModelOutputReading {
  const wrapped = Array.isArray(value) ? { questions: value } : value;
  const result = GeneratedQuestionsSchema.safeParse(wrapped);
  if (result.success) return { ok: true, value: result.data };
  const issues = describeZodIssues(result.error)
    .slice(0, 8)
    .map((i) => `${i.path || "(root)"}: ${i.message}`)
    .join("; ");
  return {
    ok: false,
    error: `the JSON does not match the required shape {"questions": [{"question", "answer", "distractors", "citations"}]}: ${issues}`,
    rawText: rawText ?? JSON.stringify(value),
  };
}

function truncationHint(message: BaseMessage): string {
  const reason = (message.response_metadata as Record<string, unknown> | undefined)?.finish_reason;
  return reason === "length" ? " (the reply was cut off by the token limit: it must be shorter)" : "";
}

/**
 * Reads what a chat model returned for the question prompt, whatever way it came: a tool call, JSON text (bare, fenced
 * or after prose), a `{ raw, parsed }` pair from `withStructuredOutput(..., { includeRaw: true })`, or an already
 * parsed object. Validates the structure and says precisely what is wrong, so the error can be fed back to the model.
 */
export function readModelOutput(output: unknown): ModelOutputReading {
  if (
    typeof output === "object" &&
    output !== null &&
    "raw" in output &&
    isBaseMessage((output as { raw: unknown }).raw)
  ) {
    return readModelOutput((output as { raw: BaseMessage }).raw);
  }
  if (isBaseMessage(output)) {
    const message = output;
    const ai = AIMessage.isInstance(message) ? message : undefined;
    const toolCall = ai?.tool_calls?.[0];
    if (toolCall) return validate(toolCall.args, JSON.stringify(toolCall.args));
    const invalid = ai?.invalid_tool_calls?.[0];
    if (invalid) {
      const parsed = parseJsonText(invalid.args ?? "");
      if ("value" in parsed) return validate(parsed.value, invalid.args);
      return {
        ok: false,
        error: `the tool call arguments are not valid JSON${truncationHint(message)}: ${invalid.error ?? parsed.error}`,
        rawText: invalid.args,
      };
    }
    const text = messageText(message);
    const parsed = parseJsonText(text);
    if ("error" in parsed) return { ok: false, error: `${parsed.error}${truncationHint(message)}`, rawText: text };
    return validate(parsed.value, text);
  }
  if (typeof output === "string") {
    const parsed = parseJsonText(output);
    if ("error" in parsed) return { ok: false, error: parsed.error, rawText: output };
    return validate(parsed.value, output);
  }
  return validate(output, undefined);
}
