/** Markdown shown to reviewers of finance questions in Argilla. */
export const financeReviewerGuidelines = `# Reviewing finance questions

Each record is a multiple-choice question generated from a financial document. The source passage is shown next to it. Check everything against the passage, not against what you remember about the company.

## Accept the question when

- The question names the **company or segment**, the **currency** and the **period** (e.g. "in euros, for the year ended 31 December 2024"). A Japanese or Chinese question may leave out its home currency (円; 元, 人民币) when the answer is in it.
- The correct answer appears in the quoted figures or follows from them in one step. Recompute ratios and changes yourself; rounding must match the source (usually one decimal place).
- Exactly one option is right. Distractors are plausible mistakes (wrong period, adjacent line, sign error, inverted ratio), not nonsense.
- All options share a format: all percentages, or all amounts with the same currency and scale.

## Correct the question when

- The currency or period is missing but clear from the passage: add it to the question.
- The answer is right but rounded differently from the source: fix the rounding.
- A distractor is also right (for example the same figure restated elsewhere in the passage): replace that distractor.

## Discard the question when

- The answer cannot be verified from the passage, or needs figures the passage does not give.
- It asks for an opinion, a forecast the passage does not make, or investment advice.
- The passage is a table of contents, a disclaimer or boilerplate with nothing to examine.

## Flags you may see

| Code | Meaning |
|---|---|
| \`NUMERIC_ANSWER_UNSUPPORTED\` | The answer's figure is not in the quotes and does not follow from them in one step: check the arithmetic. |
| \`NUMERIC_QUESTION_MISSING_PERIOD\` | The question does not say which period it is about. |
| \`NUMERIC_QUESTION_MISSING_CURRENCY\` | The answer is money but the question names no currency. |
| \`FIGURE_FORMAT_GIVEAWAY\` | A distractor has a different format from the answer (e.g. an amount among percentages). |
`;
