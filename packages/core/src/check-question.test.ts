import { describe, expect, it } from "vitest";
import { type CheckableQuestion, checkQuestion, type QualityCheck } from "./check-question.js";
import { DEFAULT_FINDING_POLICY, decideFindingAction } from "./findings.js";
import { cleanQuestion, SOURCE_TEXT } from "./test-fixtures.js";

const codes = (q: CheckableQuestion, sourceText?: string) =>
  checkQuestion({ question: q, sourceText })
    .filter((f) => f.severity !== "info")
    .map((f) => f.code);

describe("checkQuestion", () => {
  it("takes an answer written as a number word from a passage that writes the digits, without a warning", () => {
    const question = {
      question: "How many days does each block of leave last?",
      answer: "Three",
      distractors: ["Five", "Ten", "Two"],
      citations: ["Employees take leave in blocks of 3 days."],
    };
    const sourceText = "Employees take leave in blocks of 3 days. Requests go to the team lead.";
    expect(codes(question, sourceText)).not.toContain("ANSWER_NOT_IN_SOURCE");
    expect(codes({ ...question, answer: "Seven" }, sourceText)).toContain("ANSWER_NOT_IN_SOURCE");
  });

  it("passes a clean, grounded question with only an informational grounding score", () => {
    const findings = checkQuestion({ question: cleanQuestion() });
    expect(findings.filter((f) => f.severity !== "info")).toEqual([]);
    const score = findings.find((f) => f.code === "GROUNDING_SCORE");
    expect(score?.data?.score).toBe(1);
    expect(decideFindingAction({ findings })).toBe("keep");
  });

  it.each<[string, Partial<CheckableQuestion>, string, "error" | "warning"]>([
    ["an empty question", { question: "" }, "EMPTY_TEXT", "error"],
    ["a one-word question", { question: "Revenue?" }, "TRIVIAL_QUESTION", "error"],
    ["an empty distractor", { distractors: ["EUR 381 million", " ", "EUR 398 million"] }, "EMPTY_TEXT", "error"],
    ["two distractors", { distractors: ["EUR 381 million", "EUR 445 million"] }, "TOO_FEW_DISTRACTORS", "error"],
    [
      "the answer repeated as a distractor (case, spacing and punctuation aside)",
      { distractors: ["eur  412 Million.", "EUR 445 million", "EUR 398 million"] },
      "ANSWER_IN_DISTRACTORS",
      "error",
    ],
    [
      "two identical distractors",
      { distractors: ["EUR 381 million", "EUR 381 million!", "EUR 398 million"] },
      "DUPLICATE_OPTIONS",
      "error",
    ],
    [
      "near-identical long options",
      {
        answer: "Logistics costs fell during the fiscal year",
        distractors: ["Logistics costs fell during the fiscal years", "Wages rose sharply", "Rent was renegotiated"],
        citations: ["logistics costs fell"],
      },
      "NEAR_DUPLICATE_OPTIONS",
      "warning",
    ],
    [
      '"all of the above"',
      { distractors: ["EUR 381 million", "EUR 445 million", "All of the above"] },
      "ALL_OR_NONE_OF_THE_ABOVE",
      "warning",
    ],
    [
      '"none of these"',
      { distractors: ["EUR 381 million", "None of these", "EUR 398 million"] },
      "ALL_OR_NONE_OF_THE_ABOVE",
      "warning",
    ],
    [
      "an answer much longer than the distractors",
      { answer: "EUR 412 million, up 8% from EUR 381 million in fiscal 2022 as logistics costs fell" },
      "LENGTH_BIAS",
      "warning",
    ],
    [
      "an answer much shorter than the distractors",
      {
        question: "Which costs fell, improving the operating margin?",
        answer: "Logistics",
        distractors: [
          "Research and development spending on new product lines",
          "Marketing expenses for the regional expansion campaign",
          "Interest payments on the refinanced revolving credit facility",
        ],
        citations: ["as logistics costs fell"],
      },
      "LENGTH_BIAS",
      "warning",
    ],
    ["no quotes", { citations: [] }, "MISSING_CITATIONS", "error"],
    [
      "a quote absent from the chunk",
      { citations: ["Net revenue for fiscal 2023 was EUR 500 million"] },
      "UNGROUNDED_QUOTE",
      "error",
    ],
    [
      "an answer whose words are not in the chunk",
      {
        answer: "Approximately seventy-three billion yen",
        distractors: ["EUR 381 million", "EUR 445 million", "EUR 398 million"],
      },
      "ANSWER_NOT_IN_SOURCE",
      "warning",
    ],
  ])("catches %s", (_name, patch, code, severity) => {
    const findings = checkQuestion({ question: { ...cleanQuestion(), ...patch } });
    const hit = findings.find((f) => f.code === code);
    expect(hit, `expected ${code} in ${JSON.stringify(findings)}`).toBeDefined();
    expect(hit?.severity).toBe(severity);
    expect(hit?.message.length).toBeGreaterThan(10);
    expect(decideFindingAction({ findings })).toBe(severity === "error" ? "drop" : "flag");
  });

  it("matches quotes regardless of case, whitespace and typographic quotes", () => {
    const q = cleanQuestion({
      citations: ["net   REVENUE for fiscal 2023\nwas EUR 412 million", "The board proposed a dividend"],
    });
    expect(codes(q)).toEqual([]);
    const report = checkQuestion({
      question: { ...q, citations: ["The board proposed a dividend", "not in the text at all"] },
    }).find((f) => f.code === "GROUNDING_SCORE");
    expect(report?.data?.quoteScore).toBe(0.5);
  });

  it("skips grounding checks without a source chunk but still requires quotes", () => {
    const { source_text: _omit, ...withoutSource } = cleanQuestion();
    expect(codes(withoutSource)).toEqual([]);
    expect(codes({ ...withoutSource, citations: [] })).toEqual(["MISSING_CITATIONS"]);
    expect(codes(withoutSource, SOURCE_TEXT.replace("412", "999"))).toContain("UNGROUNDED_QUOTE");
  });

  it("does not call short, differing numbers near-duplicates or biased", () => {
    expect(
      codes({
        ...cleanQuestion(),
        question: "What was the operating margin?",
        answer: "14.2%",
        distractors: ["12.4%", "14.8%", "8%"],
        citations: ["Operating margin improved to 14.2%"],
      }),
    ).toEqual([]);
  });

  it("tells signed figures apart: a sign error is a valid distractor", () => {
    const q = {
      ...cleanQuestion(),
      question: "By how much did operating cash flow change in fiscal 2023?",
      answer: "-6.3%",
      distractors: ["6.3%", "-3.6%", "3.6%"],
      citations: ["Operating margin improved to 14.2%"],
    };
    expect(codes(q).filter((c) => c === "ANSWER_IN_DISTRACTORS" || c === "DUPLICATE_OPTIONS")).toEqual([]);
    expect(codes({ ...q, distractors: ["\u22126.3%", "-3.6%", "3.6%"] })).toContain("ANSWER_IN_DISTRACTORS");
  });

  it("tells apart a loss written the accountants' way: ▲/△ in Japanese accounts, parentheses around a figure", () => {
    const signs = (answer: string, distractors: string[]) =>
      codes({ ...cleanQuestion(), answer, distractors }).filter(
        (c) => c === "ANSWER_IN_DISTRACTORS" || c === "DUPLICATE_OPTIONS",
      );
    expect(signs("▲500百万円", ["500百万円", "▲300百万円", "300百万円"])).toEqual([]);
    expect(signs("△1,200億円", ["1,200億円", "△800億円", "800億円"])).toEqual([]);
    expect(signs("(3.1)", ["3.1", "(1.3)", "1.3"])).toEqual([]);
    // the same sign written two ways is the same answer
    expect(signs("▲500百万円", ["-500百万円", "▲300百万円", "300百万円"])).toContain("ANSWER_IN_DISTRACTORS");
    expect(signs("(3.1)", ["-3.1", "(1.3)", "1.3"])).toContain("ANSWER_IN_DISTRACTORS");
    // a label in parentheses is not a sign when words follow
    expect(signs("(1) and (2)", ["(1) only", "(2) only", "(3) only"])).toEqual([]);
  });

  it("runs extra checks and lets a policy keep flagged questions", () => {
    const extra: QualityCheck = {
      name: "currency",
      codes: ["NO_CURRENCY"],
      description: "numeric answers name a currency",
      run: (q) =>
        /EUR|USD/u.test(q.answer) ? [] : [{ code: "NO_CURRENCY", severity: "warning", message: "no currency" }],
    };
    const findings = checkQuestion({
      question: {
        ...cleanQuestion(),
        answer: "412 million",
        distractors: ["381 million", "445 million", "398 million"],
      },
      extraChecks: [extra],
    });
    expect(findings.map((f) => f.code)).toContain("NO_CURRENCY");
    expect(decideFindingAction({ findings, policy: { ...DEFAULT_FINDING_POLICY, warning: "keep" } })).toBe("keep");
  });
});
