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
  ])("accepts %s", (question, answer) => {
    expect(codesFor(question, answer)).toEqual([]);
  });

  it.each([
    ["What was revenue in euros?", "€412.6 million", ["NUMERIC_QUESTION_MISSING_PERIOD"]],
    ["What was revenue for 2024?", "€412.6 million", ["NUMERIC_QUESTION_MISSING_CURRENCY"]],
    ["What was revenue?", "412.6 million", ["NUMERIC_QUESTION_MISSING_PERIOD", "NUMERIC_QUESTION_MISSING_CURRENCY"]],
    ["What was the operating margin?", "14.2%", ["NUMERIC_QUESTION_MISSING_PERIOD"]],
  ])("flags %s", (question, answer, want) => {
    expect(codesFor(question, answer)).toEqual(want);
  });
});
