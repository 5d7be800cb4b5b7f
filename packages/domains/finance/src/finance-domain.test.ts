import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { checkQuestion } from "@domain-eval/core";
import { describeDomainPluginContract } from "@domain-eval/core/testing";
import { describe, expect, it } from "vitest";
import financeDefault, { financeDomain, financeSamplesDir } from "./index.js";

const source =
  "Revenue for the year ended 31 December 2024 was €412.6 million (2023: €388.0 million). Operating profit rose to €58.6 million (2023: €47.8 million).";
const quotes = [
  "Revenue for the year ended 31 December 2024 was €412.6 million",
  "Operating profit rose to €58.6 million (2023: €47.8 million)",
];

describeDomainPluginContract({
  plugin: financeDomain,
  flawed: [
    {
      // 58.6 / 412.6 is 14.2%, not 14.9%
      question: {
        question: "What was Harbourline Logistics' operating margin for the year ended 31 December 2024?",
        answer: "14.9%",
        distractors: ["12.3%", "15.1%", "11.6%"],
        citations: quotes,
        source_text: source,
      },
      expectCodes: ["NUMERIC_ANSWER_UNSUPPORTED"],
    },
    {
      question: {
        question: "What was Harbourline Logistics' revenue in euros?",
        answer: "€412.6 million",
        distractors: ["€388.0 million", "€58.6 million", "€470.2 million"],
        citations: [quotes[0] as string],
        source_text: source,
      },
      expectCodes: ["NUMERIC_QUESTION_MISSING_PERIOD"],
    },
    {
      question: {
        question: "What was Harbourline Logistics' revenue for the year ended 31 December 2024?",
        answer: "€412.6 million",
        distractors: ["€388.0 million", "€58.6 million", "€470.2 million"],
        citations: [quotes[0] as string],
        source_text: source,
      },
      expectCodes: ["NUMERIC_QUESTION_MISSING_CURRENCY"],
    },
    {
      question: {
        question: "What was Harbourline Logistics' operating margin for the year ended 31 December 2024?",
        answer: "14.2%",
        distractors: ["12.3%", "€58.6 million", "11.6%"],
        citations: quotes,
        source_text: source,
      },
      expectCodes: ["FIGURE_FORMAT_GIVEAWAY"],
    },
  ],
  clean: [
    {
      question: "What was Harbourline Logistics' operating margin for the year ended 31 December 2024?",
      answer: "14.2%",
      distractors: ["12.3%", "15.1%", "11.6%"],
      citations: [...quotes, "operating margin improved to 14.2% (2023: 12.3%)"],
      source_text: `${source} The operating margin improved to 14.2% (2023: 12.3%).`,
    },
    {
      question: "By what percentage did Harbourline Logistics' revenue grow in the year ended 31 December 2024?",
      answer: "6.3%",
      distractors: ["5.9%", "7.1%", "6.8%"],
      citations: ["Revenue for the year ended 31 December 2024 was €412.6 million (2023: €388.0 million)"],
    },
    {
      question: "Which city hosts Harbourline Logistics' new warehouse contracts?",
      answer: "Rotterdam",
      distractors: ["Hamburg", "Le Havre", "Felixstowe"],
      citations: ["three new warehouse contracts in Rotterdam"],
      source_text: "Contract logistics grew as three new warehouse contracts in Rotterdam reached full volumes.",
    },
  ],
});

describe("finance package exports", () => {
  it("default-exports the same plugin as financeDomain, with id finance", () => {
    expect(financeDefault).toBe(financeDomain);
    expect(financeDomain.id).toBe("finance");
  });

  it("ships sample documents, each marked as fictional", async () => {
    const files = (await readdir(financeSamplesDir)).filter((f) => /\.(md|txt|html)$/u.test(f));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) {
      expect(await readFile(join(financeSamplesDir, file), "utf8"), file).toMatch(/fictional/iu);
    }
  });
});

describe("finance checks on Japanese questions", () => {
  const ja = "2024年度の連結売上高は486億円となり、前年度の452億円から7.5%増加しました。";
  const check = (q: { question: string; answer: string; distractors: string[]; citations: string[] }) =>
    checkQuestion({ question: q, sourceText: ja, extraChecks: financeDomain.checks })
      .filter((f) => f.severity !== "info")
      .map((f) => f.code);

  it("passes clean questions: figures written against Japanese words are read, Japanese periods are periods", () => {
    expect(
      check({
        question: "令和6年度の連結売上高はいくらでしたか。",
        answer: "486億円",
        distractors: ["452億円", "510億円", "213億円"],
        citations: ["2024年度の連結売上高は486億円となり"],
      }),
    ).toEqual([]);
    expect(
      check({
        question: "2024年度の連結売上高は前年度から何%増加しましたか。",
        answer: "7.5%",
        distractors: ["6.2%", "8.4%", "18%"],
        citations: ["前年度の452億円から7.5%増加しました"],
      }),
    ).toEqual([]);
  });

  it("still catches an answer the quotes do not support and a missing period", () => {
    expect(
      check({
        question: "連結売上高は前年度から何%増加しましたか。",
        answer: "8.2%",
        distractors: ["6.2%", "8.4%", "18%"],
        citations: ["前年度の452億円から7.5%増加しました"],
      }),
    ).toEqual(expect.arrayContaining(["NUMERIC_QUESTION_MISSING_PERIOD", "NUMERIC_ANSWER_UNSUPPORTED"]));
  });
});
