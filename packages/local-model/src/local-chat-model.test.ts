import { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { LocalChatModel } from "./local-chat-model.js";

// Nothing here loads a model: the constructor and withStructuredOutput check their input before any file is read.
const modelFile = "/models/does-not-need-to-exist.gguf";

describe("LocalChatModel (no model loaded)", () => {
  it("is a LangChain chat model named after its file, with documented defaults", () => {
    const model = new LocalChatModel({ modelFile });
    expect(model).toBeInstanceOf(BaseChatModel);
    expect(model._llmType()).toBe("node-llama-cpp");
    expect(model.invocationParams()).toEqual({
      model_name: "does-not-need-to-exist.gguf",
      temperature: 0.2,
      max_tokens: 2048,
      seed: undefined,
    });
    expect(model.gpu).toBe(false);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ["no model file", { modelFile: "" }, /modelFile is required/],
    ["a fractional context size", { modelFile, contextSize: 1000.5 }, /contextSize must be a positive whole number/],
    ["zero maxTokens", { modelFile, maxTokens: 0 }, /maxTokens must be a positive whole number/],
    ["a negative temperature", { modelFile, temperature: -1 }, /temperature must be 0 or more/],
    ["zero threads", { modelFile, threads: 0 }, /threads must be a positive whole number/],
  ])("refuses %s", (_name, params, message) => {
    expect(() => new LocalChatModel(params as never)).toThrow(message);
  });

  it("refuses, when asked, a schema the grammar cannot express, naming the field", () => {
    const model = new LocalChatModel({ modelFile });
    expect(() => model.withStructuredOutput(z.object({ answer: z.string(), extra: z.unknown() }))).toThrow(
      /#\/properties\/extra uses a value of any type/,
    );
  });

  it("refuses tool calling as a structured-output method", () => {
    const model = new LocalChatModel({ modelFile });
    expect(() => model.withStructuredOutput(z.object({ a: z.string() }), { method: "functionCalling" })).toThrow(
      /method "functionCalling" is not supported.*use "jsonSchema"/,
    );
  });
});
