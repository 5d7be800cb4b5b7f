import { describe, expect, it } from "vitest";
import { quotedFigureSupportCheck } from "./quoted-figure-support-check.js";

const quotes = [
  "Revenue for the year ended 31 December 2024 was €412.6 million (2023: €388.0 million)",
  "Operating profit rose to €58.6 million (2023: €47.8 million)",
];

function codesFor(answer: string, citations = quotes): string[] {
  return quotedFigureSupportCheck
    .run({ question: "q for 2024", answer, distractors: [], citations }, {})
    .map((f) => f.code);
}

describe("quotedFigureSupportCheck", () => {
  it.each([
    ["a quoted figure", "€412.6 million"],
    ["a quoted figure in a different scale", "€412,600,000"],
    ["a margin (58.6 / 412.6)", "14.2%"],
    ["growth ((412.6 - 388.0) / 388.0)", "6.3%"],
    ["a change (58.6 - 47.8)", "€10.8 million"],
    ["a total of two lines (412.6 + 388.0)", "€800.6 million"],
    ["an answer with its working", "€58.6 million ÷ €412.6 million = 14.2%"],
    ["a non-numeric answer", "Rotterdam"],
    ["a year only", "2024"],
    ["a coarser rounding of a margin", "14%"],
  ])("accepts %s", (_name, answer) => {
    expect(codesFor(answer)).toEqual([]);
  });

  it.each([
    ["a wrong margin", "14.9%"],
    ["a figure from nowhere", "€77.0 million"],
    ["a wrong whole-number percentage", "13%"],
    ["working with one wrong figure", "€58.6 million ÷ €412.6 million = 15.2%"],
  ])("flags %s", (_name, answer) => {
    expect(codesFor(answer)).toEqual(["NUMERIC_ANSWER_UNSUPPORTED"]);
  });

  it("names the unsupported figure and the quoted ones in the message", () => {
    const [finding] = quotedFigureSupportCheck.run(
      { question: "q", answer: "14.9%", distractors: [], citations: quotes },
      {},
    );
    expect(finding?.severity).toBe("warning");
    expect(finding?.message).toContain('"14.9%"');
    expect(finding?.message).toContain("€412.6 million");
  });

  it.each([
    ["the same amount in another Japanese unit", "3.2億円", ["当期の営業利益は3億2,000万円となった。"]],
    ["a Japanese negative amount", "-500百万円", ["営業損益は▲500百万円（前期は300百万円）。"]],
    ["a Chinese amount of 2000万元", "2000万元", ["回购资金总额不低于人民币1500万元，不超过人民币2000万元。"]],
  ])("accepts %s", (_name, answer, citations) => {
    expect(codesFor(answer, citations)).toEqual([]);
  });

  it("does not take a Japanese amount of 2000億円 in the quotes for a year", () => {
    expect(codesFor("2200億円", ["売上高は2000億円、前期は1800億円。"])).toEqual(["NUMERIC_ANSWER_UNSUPPORTED"]);
    expect(codesFor("200億円", ["売上高は2000億円、前期は1800億円。"])).toEqual([]);
  });

  it("leaves questions without quotes to the core MISSING_CITATIONS check", () => {
    expect(codesFor("14.9%", [])).toEqual([]);
  });
});

describe("quotedFigureSupportCheck message", () => {
  it("reads as a sentence for one and for several unsupported figures", () => {
    const one = quotedFigureSupportCheck.run(
      { question: "q", answer: "14.9%", distractors: [], citations: quotes },
      {},
    );
    expect(one[0]?.message).toContain('"14.9%" neither appears in the quoted figures');
    expect(one[0]?.message).toContain("nor follows from them");
    const two = quotedFigureSupportCheck.run(
      { question: "q", answer: "€77.0 million or 14.9%", distractors: [], citations: quotes },
      {},
    );
    expect(two[0]?.message).toContain('"€77.0 million", "14.9%" neither appear in the quoted figures');
    expect(two[0]?.message).toContain("nor follow from them");
  });
});
