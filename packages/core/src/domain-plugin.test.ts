import { describe, expect, it } from "vitest";
import { type DomainPlugin, defineDomainPlugin, promptVersionFor } from "./domain-plugin.js";

const valid: DomainPlugin = {
  id: "finance",
  displayName: "Finance",
  subject: "finance",
  languages: ["en"],
  version: "1.0.0",
  instructions: "State the currency and period.",
  fewShotExamples: [
    {
      source_text: "Revenue was EUR 5m.",
      question: "What was revenue?",
      answer: "EUR 5m",
      distractors: ["EUR 4m", "EUR 6m", "EUR 7m"],
      citations: ["Revenue was EUR 5m."],
    },
  ],
  reviewerGuidelines: "# Review\nCheck the figures.",
};

describe("defineDomainPlugin", () => {
  it("returns a frozen plugin", () => {
    const plugin = defineDomainPlugin(valid);
    expect(Object.isFrozen(plugin)).toBe(true);
    expect(promptVersionFor({ basePromptVersion: "qc-1", plugin })).toBe("qc-1+finance@1.0.0");
    expect(promptVersionFor({ basePromptVersion: "qc-1" })).toBe("qc-1");
  });

  it("keeps a plugin's phrases for the phrase checks", () => {
    const phrases = {
      de: { noneOfTheAbove: ["keines der genannten Arzneimittel"] },
      en: { refersToSource: ["in the leaflet"] },
    };
    expect(defineDomainPlugin({ ...valid, phrases }).phrases).toEqual(phrases);
  });

  it.each<[string, Partial<DomainPlugin>, RegExp]>([
    ["a non-kebab id", { id: "Finance Plugin" }, /lower-case kebab-case/],
    ["no languages", { languages: [] }, /at least one language/],
    ["a bad language code", { languages: ["english"] }, /not a language code/],
    ["no examples", { fewShotExamples: [] }, /at least one worked example/],
    ["empty guidelines", { reviewerGuidelines: " " }, /reviewerGuidelines must be a non-empty string/],
    [
      "a check without codes",
      { checks: [{ name: "x", codes: [], description: "", run: () => [] }] },
      /check "x" needs/,
    ],
    [
      "phrases under a language name",
      { phrases: { Japanese: { allOfTheAbove: ["上記のすべて"] } } },
      /not a language code/,
    ],
    ["an unknown phrase kind", { phrases: { ja: { negation: ["ではない"] } as never } }, /not a phrase kind/],
    ["an empty phrase", { phrases: { de: { noneOfTheAbove: [" "] } } }, /list of non-empty strings/],
  ])("rejects %s with the fix", (_name, patch, message) => {
    expect(() => defineDomainPlugin({ ...valid, ...patch })).toThrowError(message);
  });
});
