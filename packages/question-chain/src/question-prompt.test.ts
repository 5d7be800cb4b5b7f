import { describe, expect, it } from "vitest";
import { buildQuestionPrompt } from "./question-prompt.js";

const system = (language?: string) =>
  String(buildQuestionPrompt({ sourceText: "…", questionsPerChunk: 2, optionsPerQuestion: 4, language })[0]?.content);

describe("buildQuestionPrompt: the language's conventions", () => {
  it("asks a Japanese exam writer to keep Japanese punctuation and never romanise", () => {
    const text = system("ja");
    expect(text).toContain("Write in Japanese.");
    expect(text).toContain("never romanise");
    expect(text).toContain("、 。 「」");
    expect(text).toContain("上記のすべて");
  });

  it("keeps simplified or traditional Chinese as the passage writes it", () => {
    expect(system("zh-TW")).toContain("keep simplified or traditional characters exactly as the passage writes them");
  });

  it("leaves the English prompt as it was", () => {
    expect(system("en")).not.toContain("romanise");
    expect(system()).toBe(system("en"));
  });

  it("names a language it has no conventions for and still forbids romanising", () => {
    const text = system("de");
    expect(text).toContain("Write in German.");
    expect(text).toContain("never romanise");
    expect(text).not.toContain("「」");
  });
});
