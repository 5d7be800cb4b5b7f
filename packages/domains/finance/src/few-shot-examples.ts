import type { FewShotExample } from "@domain-eval/core";

/**
 * Worked examples for the finance question writer (fictional company). Each passes the core checks and the finance
 * checks against its own `source_text`; the contract suite verifies that.
 */
export const financeFewShotExamples: FewShotExample[] = [
  {
    source_text:
      "Harbourline Logistics plc reported profit before tax of €52.4 million for the year ended 31 December 2024 (2023: €40.7 million). After an income tax expense of €13.1 million (2023: €10.2 million), profit for the year was €39.3 million (2023: €30.5 million).",
    question: "What was Harbourline Logistics' profit for the year, in euros, for the year ended 31 December 2023?",
    answer: "€30.5 million",
    distractors: ["€39.3 million", "€40.7 million", "€50.9 million"],
    citations: ["profit for the year was €39.3 million (2023: €30.5 million)"],
    explanation:
      "€39.3 million is the 2024 figure (wrong period); €40.7 million is 2023 profit before tax (wrong line); €50.9 million adds the 2023 tax charge to profit before tax instead of deducting it (sign error).",
  },
  {
    source_text:
      "Revenue for the year ended 31 December 2024 was €412.6 million (2023: €388.0 million). Operating profit rose to €58.6 million (2023: €47.8 million), reflecting higher warehouse utilisation.",
    question:
      "Using the reported euro figures, which calculation gives Harbourline Logistics' operating margin (operating profit as a share of revenue) for the year ended 31 December 2024?",
    answer: "€58.6 million ÷ €412.6 million = 14.2%",
    distractors: [
      "€47.8 million ÷ €388.0 million = 12.3%",
      "€58.6 million ÷ €388.0 million = 15.1%",
      "€47.8 million ÷ €412.6 million = 11.6%",
    ],
    citations: [
      "Revenue for the year ended 31 December 2024 was €412.6 million",
      "Operating profit rose to €58.6 million (2023: €47.8 million)",
    ],
    explanation:
      "12.3% is the 2023 margin (wrong period); 15.1% divides 2024 operating profit by 2023 revenue and 11.6% divides 2023 operating profit by 2024 revenue (periods mixed).",
  },
  {
    source_text:
      "Net debt fell to €96.4 million at 31 December 2024 (31 December 2023: €118.9 million), helped by cash generated from operations of €84.7 million.",
    question:
      "By how much did Harbourline Logistics' net debt, in euros, change between 31 December 2023 and 31 December 2024?",
    answer: "It fell by €22.5 million",
    distractors: ["It rose by €22.5 million", "It fell by €96.4 million", "It fell by €34.2 million"],
    citations: ["Net debt fell to €96.4 million at 31 December 2024 (31 December 2023: €118.9 million)"],
    explanation:
      "A rise of €22.5 million has the sign wrong; €96.4 million is the closing balance, not the change; €34.2 million subtracts cash generated from operations from opening net debt.",
  },
];
