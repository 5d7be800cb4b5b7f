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

  it.each([
    ["2000万元", { value: 2000, absolute: 20_000_000, currency: true, date: false }],
    ["2000億円", { value: 2000, absolute: 200_000_000_000, currency: true, date: false }],
    ["2000毫克", { value: 2000, currency: false, date: false }],
    ["100亿美元", { value: 100, absolute: 10_000_000_000, currency: true }],
    ["人民币1500万元", { value: 1500, absolute: 15_000_000, currency: true }],
    ["3億2,000万円", { raw: "3億2,000万円", absolute: 320_000_000, value: 32_000, currency: true }],
    ["▲500百万円", { value: -500, absolute: -500_000_000, currency: true }],
    ["△1,234百万円", { value: -1234, currency: true }],
    ["前期比12.3%増", { value: 12.3, percent: true, date: false }],
    ["1.2倍", { value: 1.2, multiple: true }],
    ["2,140名", { value: 2140, count: true, currency: false }],
    ["2024年度", { value: 2024, date: true }],
    ["2023财年", { value: 2023, date: true }],
  ])("reads the Japanese or Chinese figure %s", (text, want) => {
    const [figure] = extractFigures({ text });
    expect(figure).toMatchObject(want);
  });

  it("takes 2000 before a Japanese or Chinese magnitude, currency or unit as an amount, 2024年 as a year", () => {
    const figures = extractFigures({ text: "2024年3月期の回購総額は2000万元、上限は2000億円、用量は2000毫克" });
    expect(figures.map((f) => [f.raw, f.date])).toEqual([
      ["2024", true],
      ["3", true],
      ["2000万元", false],
      ["2000億円", false],
      ["2000", false],
    ]);
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
    ["1株当たり配当金は何円か", true],
    ["营业收入是多少元", true],
    ["以人民币计", true],
    ["単位：百万円", true],
    ["米ドル建て", true],
    ["元本の返済期日", false],
    ["第三单元的内容", false],
    ["業務は円滑に進んだ", false],
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
