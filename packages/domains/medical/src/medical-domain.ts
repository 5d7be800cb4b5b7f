import { defineDomainPlugin } from "@domain-eval/core";
import { doseUnitsCheck } from "./dose-units-check.js";
import { medicalFewShotExamples } from "./few-shot-examples.js";
import { medicalInstructions } from "./instructions.js";
import { patientAdviceFramingCheck } from "./patient-advice-framing-check.js";
import { medicalReviewerGuidelines } from "./reviewer-guidelines.js";

/**
 * The medical domain plugin: clinical-vignette questions, distractors from differential diagnoses and dosing errors,
 * never patient-specific advice; reviewers check against the source, not memory.
 *
 * @example
 * import { medicalDomain } from "@domain-eval/domain-medical";
 * const findings = checkQuestion({ question, sourceText, extraChecks: medicalDomain.checks });
 */
export const medicalDomain = defineDomainPlugin({
  id: "medical",
  displayName: "Medical",
  subject: "medicine",
  languages: ["en"],
  version: "1.0.0",
  instructions: medicalInstructions,
  fewShotExamples: medicalFewShotExamples,
  reviewerGuidelines: medicalReviewerGuidelines,
  checks: [patientAdviceFramingCheck, doseUnitsCheck],
});

export default medicalDomain;
