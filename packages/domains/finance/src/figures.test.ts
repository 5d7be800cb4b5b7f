import { describe, expect, it } from "vitest";
import { extractFigures, mentionsCurrency } from "./figures.js";

describe("extractFigures", () => {
  it.each([
    ["€412.6 million", { value: 412.6, absolute: 412_600_000, decimals: 1, currency: true, percent: false }],
    ["(301.4)", { value: -301.4, decimals: 1, currency: false }],
    ["-2.4%", { value: -2.4, percent: true }],
    ["up 6.3 per cent", { value: 6.3, percent: true }],
    ["1.2x", { value: 1.2, multiple: true, currency: false }],
    ["USD 3bn", { value: 3, absolute: 3e9, currency: true }],
    ["£1,204k", { value: 1204, absolute: 1_204_000, currency: true }],
    ["8.4 cents per share", { value: 8.4, currency: true, count: false }],
    ["2,140 employees", { value: 2140, count: true, date: false }],
    ["in 2024", { value: 2024, date: true }],
  ])("reads %s", (text, want) => {
    const [figure] = extractFigures({ text });
    expect(figure).toMatchObject(want);
  });

  it("reads every figure in a sentence, skipping codes such as FY2024 and Q1", () => {
    const figures = extractFigures({ text: "In FY2024 and Q1 revenue was €412.6 million (2023: €388.0 million)" });
    expect(figures.map((f) => f.value)).toEqual([412.6, 2023, 388]);
  });

  it("reads figures written against Japanese and Chinese words, full-width digits included", () => {
    const figures = extractFigures({
      text: "2024年度の連結売上高は486億円となり、前年度の４５２億円から7.5%増加した。",
    });
    expect(figures.map((f) => [f.value, f.percent, f.date])).toEqual([
      [2024, false, true],
      [486, false, false],
      [452, false, false],
      [7.5, true, false],
    ]);
    expect(extractFigures({ text: "净利润为12.4亿元" }).map((f) => f.value)).toEqual([12.4]);
    expect(extractFigures({ text: "FY2024 und Q1" })).toEqual([]);
  });

  it("does not read a scale from a following word such as months", () => {
    const [figure] = extractFigures({ text: "5 months" });
    expect(figure).toMatchObject({ value: 5, absolute: 5, count: true });
  });
});

describe("mentionsCurrency", () => {
  it.each([
    ["in euros", true],
    ["in USD millions", true],
    ["€ million", true],
    ["pounds sterling", true],
    ["as a share of revenue", false],
    ["the ROE for 2024", false],
  ])("%s → %s", (text, want) => {
    expect(mentionsCurrency({ text })).toBe(want);
  });
});

describe("extractFigures dates", () => {
  it("marks the day of a date as a date, not an amount", () => {
    const figures = extractFigures({ text: "at 31 December 2024 and on March 6 it was 31 days" });
    expect(figures.map((f) => [f.value, f.date])).toEqual([
      [31, true],
      [2024, true],
      [6, true],
      [31, false],
    ]);
  });
});
