export { legalFewShotExamples } from "./few-shot-examples.js";
export { legalInstructions } from "./instructions.js";
export { legalAdviceFramingCheck } from "./legal-advice-framing-check.js";
export { default, legalDomain } from "./legal-domain.js";
export { provisionReferenceCheck } from "./provision-reference-check.js";
export { legalReviewerGuidelines } from "./reviewer-guidelines.js";
export { legalSamplesDir } from "./samples-dir.js";
