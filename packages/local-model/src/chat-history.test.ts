import { AIMessage, ChatMessage, HumanMessage, SystemMessage, ToolMessage } from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import { toChatHistory } from "./chat-history.js";

describe("toChatHistory", () => {
  it("maps system, human and AI turns in order and leaves an empty model turn for the answer", () => {
    const history = toChatHistory({
      messages: [
        new SystemMessage("You write exam questions."),
        new HumanMessage("Chunk one"),
        new AIMessage('{"questions": []}'),
        new HumanMessage({
          content: [
            { type: "text", text: "Chunk " },
            { type: "text", text: "two" },
          ],
        }),
      ],
    });
    expect(history).toEqual([
      { type: "system", text: "You write exam questions." },
      { type: "user", text: "Chunk one" },
      { type: "model", response: ['{"questions": []}'] },
      { type: "user", text: "Chunk two" },
      { type: "model", response: [] },
    ]);
  });

  it("accepts generic messages with user/assistant roles", () => {
    const history = toChatHistory({ messages: [new ChatMessage("hi", "user"), new ChatMessage("hello", "assistant")] });
    expect(history.slice(0, 2)).toEqual([
      { type: "user", text: "hi" },
      { type: "model", response: ["hello"] },
    ]);
  });

  it("refuses tool messages, saying tool calling is not available", () => {
    const messages = [new HumanMessage("hi"), new ToolMessage({ content: "42", tool_call_id: "1" })];
    expect(() => toChatHistory({ messages })).toThrow(/message 1 has role "tool".*tool calling is not available/);
  });

  it("refuses images, saying the model reads text only", () => {
    const messages = [
      new HumanMessage({ content: [{ type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } }] }),
    ];
    expect(() => toChatHistory({ messages })).toThrow(/"image_url" content block: the local model reads text only/);
  });

  it("refuses a conversation with nothing to answer", () => {
    expect(() => toChatHistory({ messages: [new SystemMessage("rules")] })).toThrow(/no human message to answer/);
  });
});
