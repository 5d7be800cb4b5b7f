import { describe, expect, it } from "vitest";
import { figureFormatCheck } from "./figure-format-check.js";

function flagged(answer: string, distractors: string[]): number[] {
  return figureFormatCheck
    .run({ question: "q", answer, distractors }, {})
    .map((f) => Number(/distractor (\d+)/u.exec(f.message)?.[1]));
}

describe("figureFormatCheck", () => {
  it.each([
    ["percentages", "14.2%", ["12.3%", "15.1%", "11.6%"]],
    ["amounts", "€22.5 million", ["€96.4 million", "€34.2 million", "€118.9 million"]],
    [
      "amounts in words",
      "It fell by €22.5 million",
      ["It rose by €22.5 million", "It fell by €96.4 million", "It fell by €34.2 million"],
    ],
    ["multiples", "1.2x", ["1.8x", "0.8x", "2.1x"]],
    ["text answers", "Rotterdam", ["Hamburg", "€3 million", "12%"]],
  ])("accepts options that are all %s", (_name, answer, distractors) => {
    expect(flagged(answer, distractors)).toEqual([]);
  });

  it("flags each distractor whose format differs from the answer's", () => {
    expect(flagged("14.2%", ["12.3%", "€58.6 million", "roughly half"])).toEqual([2, 3]);
  });
});
