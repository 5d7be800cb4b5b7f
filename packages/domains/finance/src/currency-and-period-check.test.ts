import type { CheckableQuestion } from "@domain-eval/core";
import { describe, expect, it } from "vitest";
import { currencyAndPeriodCheck } from "./currency-and-period-check.js";

const citations = ["Revenue for the year ended 31 December 2024 was €412.6 million"];

function codesFor(question: string, answer: string): string[] {
  const q: CheckableQuestion = { question, answer, distractors: [], citations };
  return currencyAndPeriodCheck.run(q, {}).map((f) => f.code);
}

describe("currencyAndPeriodCheck", () => {
  it.each([
    ["What was revenue in euros for the year ended 31 December 2024?", "€412.6 million"],
    ["What was revenue in EUR for FY2024?", "€412.6 million"],
    ["What was net debt in € as at 31 March 2025?", "€101.2 million"],
    ["What was revenue, in euros, in Q1 2025?", "€104.9 million"],
    ["What was the operating margin for 2024?", "14.2%"],
    ["What was net debt to EBITDA at 31 December 2024?", "1.2x"],
    ["How many employees did the group have at the end of 2024?", "2,140 employees"],
    ["Which city hosts the new warehouses?", "Rotterdam"],
    ["桜川精密株式会社の2024年3月期の連結売上高はいくらか。", "486億円"],
    ["2024年3月期の1株当たり年間配当金は何円か？", "60円"],
    ["2024年3月期の営業損益はいくらか。", "▲500百万円"],
    ["华川电子2023年实现的营业收入是多少？", "125.6亿元"],
    ["华川电子2023年年报披露的股份回购资金总额下限是多少？", "1500万元"],
    ["華川電子2023年度的營業收入為多少？", "新臺幣3億2,000萬元"],
  ])("accepts %s", (question, answer) => {
    expect(codesFor(question, answer)).toEqual([]);
  });

  it.each([
    ["What was revenue in euros?", "€412.6 million", ["NUMERIC_QUESTION_MISSING_PERIOD"]],
    ["What was revenue for 2024?", "€412.6 million", ["NUMERIC_QUESTION_MISSING_CURRENCY"]],
    ["What was revenue?", "412.6 million", ["NUMERIC_QUESTION_MISSING_PERIOD", "NUMERIC_QUESTION_MISSING_CURRENCY"]],
    ["What was the operating margin?", "14.2%", ["NUMERIC_QUESTION_MISSING_PERIOD"]],
    ["2024年3月期の海外売上高はいくらか。", "12億米ドル", ["NUMERIC_QUESTION_MISSING_CURRENCY"]],
    ["华川电子2023年的海外收入是多少？", "3.2亿美元", ["NUMERIC_QUESTION_MISSING_CURRENCY"]],
    ["What was revenue for 2024?", "486億円", ["NUMERIC_QUESTION_MISSING_CURRENCY"]],
  ])("flags %s", (question, answer, want) => {
    expect(codesFor(question, answer)).toEqual(want);
  });
});
