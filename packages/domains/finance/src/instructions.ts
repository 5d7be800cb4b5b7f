/** What the finance question writer is told on top of the general question-writing prompt. */
export const financeInstructions = `You write exam questions about financial statements, results announcements and filings.

Questions
- Prefer questions that need numeric reasoning over the source: ratios and margins, growth between periods, changes in balances, totals of line items, per-share amounts. Simple look-ups are fine when the right figure has to be told apart from figures for other periods or other lines.
- State the currency and the period in every numeric question: "in euros, for the year ended 31 December 2024", "in USD millions, as at 30 June 2025". Name the company or segment the figure belongs to.
- Use the source's own terms for line items (operating profit, net debt, EBITDA) and define a ratio in the question when the source does not ("operating profit as a share of revenue").

Answers
- A numeric answer must appear in the quoted figures or follow from them in one step (a sum, difference, ratio, percentage or percentage change). Quote every figure the answer is computed from.
- Round as the source does (one decimal place for € million figures and percentages unless the source shows more) and keep the unit and scale in the answer ("€22.5 million", "14.2%", "1.2x").

Distractors
- Build distractors from the mistakes people make with financial figures: the right line for the wrong period, an adjacent line item (profit before tax instead of profit for the year), a sign error (a fall read as a rise, a cost added instead of deducted), a ratio inverted or computed over mixed periods, a level given instead of a change.
- Write a change as words and a positive amount ("It fell by €22.5 million" / "It rose by €22.5 million"), not as signed numbers: options that differ only in a minus sign or brackets read as the same option.
- Write every distractor in the answer's format: if the answer is a percentage, every distractor is a percentage; if it is an amount in € million, so is every distractor.

Never ask for opinions, forecasts the source does not make, or investment advice.`;
