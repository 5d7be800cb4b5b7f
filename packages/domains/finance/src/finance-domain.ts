import { defineDomainPlugin } from "@domain-eval/core";
import { currencyAndPeriodCheck } from "./currency-and-period-check.js";
import { financeFewShotExamples } from "./few-shot-examples.js";
import { figureFormatCheck } from "./figure-format-check.js";
import { financeInstructions } from "./instructions.js";
import { quotedFigureSupportCheck } from "./quoted-figure-support-check.js";
import { financeReviewerGuidelines } from "./reviewer-guidelines.js";

/**
 * The finance domain plugin: numeric reasoning over statements and filings, distractors from calculation and sign
 * errors, currency and period in every numeric question.
 *
 * @example
 * import { financeDomain } from "@domain-eval/domain-finance";
 * const findings = checkQuestion({ question, sourceText, extraChecks: financeDomain.checks });
 */
export const financeDomain = defineDomainPlugin({
  id: "finance",
  displayName: "Finance",
  subject: "finance",
  languages: ["en"],
  version: "1.0.0",
  instructions: financeInstructions,
  fewShotExamples: financeFewShotExamples,
  reviewerGuidelines: financeReviewerGuidelines,
  checks: [quotedFigureSupportCheck, currencyAndPeriodCheck, figureFormatCheck],
});

export default financeDomain;
