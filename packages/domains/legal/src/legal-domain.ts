import { defineDomainPlugin } from "@domain-eval/core";
import { legalFewShotExamples } from "./few-shot-examples.js";
import { legalInstructions } from "./instructions.js";
import { legalAdviceFramingCheck } from "./legal-advice-framing-check.js";
import { provisionReferenceCheck } from "./provision-reference-check.js";
import { legalReviewerGuidelines } from "./reviewer-guidelines.js";

/**
 * The legal domain plugin: questions tied to the exact provision and jurisdiction, distractors from adjacent
 * provisions, never framed as legal advice.
 *
 * @example
 * import { legalDomain } from "@domain-eval/domain-legal";
 * const findings = checkQuestion({ question, sourceText, extraChecks: legalDomain.checks });
 */
export const legalDomain = defineDomainPlugin({
  id: "legal",
  displayName: "Legal",
  subject: "law",
  languages: ["en"],
  version: "1.0.0",
  instructions: legalInstructions,
  fewShotExamples: legalFewShotExamples,
  reviewerGuidelines: legalReviewerGuidelines,
  checks: [provisionReferenceCheck, legalAdviceFramingCheck],
});

export default legalDomain;
