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
    ["Chinese amounts, one of them 2000万元", "1500万元", ["1000万元", "2000万元", "2500万元"]],
    ["Japanese amounts, one of them 2000億円", "1800億円", ["1500億円", "2000億円", "2200億円"]],
    ["Japanese negative amounts", "▲500百万円", ["▲300百万円", "200百万円", "▲800百万円"]],
    ["Japanese percentages", "前期比12.3%増", ["前期比8.1%増", "前期比12.3%減", "前期比15.0%増"]],
  ])("accepts options that are all %s", (_name, answer, distractors) => {
    expect(flagged(answer, distractors)).toEqual([]);
  });

  it("flags each distractor whose format differs from the answer's", () => {
    expect(flagged("14.2%", ["12.3%", "€58.6 million", "roughly half"])).toEqual([2, 3]);
  });

  it("calls a yen or yuan amount an amount of money, not a plain number", () => {
    const [finding] = figureFormatCheck.run({ question: "q", answer: "1500万元", distractors: ["12.5%"] }, {});
    expect(finding?.message).toContain("the answer is an amount of money");
    expect(flagged("486億円", ["449億円", "7.5%", "512億円"])).toEqual([2]);
  });
});
