export { doseUnitsCheck } from "./dose-units-check.js";
export { medicalFewShotExamples } from "./few-shot-examples.js";
export { medicalInstructions } from "./instructions.js";
export { default, medicalDomain } from "./medical-domain.js";
export { patientAdviceFramingCheck } from "./patient-advice-framing-check.js";
export { medicalReviewerGuidelines } from "./reviewer-guidelines.js";
export { medicalSamplesDir } from "./samples-dir.js";
