import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
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
