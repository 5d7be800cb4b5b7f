import type { BaseMessage } from "@langchain/core/messages";
import type { ChatHistoryItem } from "node-llama-cpp";

/**
 * Converts LangChain messages into node-llama-cpp's chat history, ending with an empty model turn for the answer.
 * The model's chat wrapper (from the GGUF's chat template) then formats it the way the model was trained.
 *
 * @example
 * ```ts
 * const history = toChatHistory({ messages: [new SystemMessage("Be brief."), new HumanMessage("Hi")] });
 * // [{ type: "system", text: "Be brief." }, { type: "user", text: "Hi" }, { type: "model", response: [] }]
 * ```
 */
export function toChatHistory(params: {
  /** The conversation so far, as LangChain messages. */
  messages: BaseMessage[];
}): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = [];
  for (const [index, message] of params.messages.entries()) {
    const text = textOf(message, index);
    const role = message.type === "generic" ? String((message as { role?: unknown }).role) : message.type;
    switch (role) {
      case "system":
      case "developer":
        history.push({ type: "system", text });
        break;
      case "human":
      case "user":
        history.push({ type: "user", text });
        break;
      case "ai":
      case "assistant":
        history.push({ type: "model", response: [text] });
        break;
      default:
        throw new TypeError(
          `message ${index} has role "${role}", which the local model does not support: send only system, human and AI messages (tool calling is not available)`,
        );
    }
  }
  if (!history.some((item) => item.type === "user")) {
    throw new TypeError("no human message to answer: pass at least one HumanMessage (or a string) to the local model");
  }
  history.push({ type: "model", response: [] });
  return history;
}

function textOf(message: BaseMessage, index: number): string {
  if (typeof message.content === "string") return message.content;
  const parts: string[] = [];
  for (const block of message.content) {
    if (block.type === "text" && typeof block.text === "string") parts.push(block.text);
    else {
      throw new TypeError(
        `message ${index} has a "${block.type}" content block: the local model reads text only, so pass text content`,
      );
    }
  }
  return parts.join("");
}
