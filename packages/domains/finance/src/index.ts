export { currencyAndPeriodCheck } from "./currency-and-period-check.js";
export { financeFewShotExamples } from "./few-shot-examples.js";
export { figureFormatCheck } from "./figure-format-check.js";
export { extractFigures, type Figure, mentionsCurrency } from "./figures.js";
export { default, financeDomain } from "./finance-domain.js";
export { financeInstructions } from "./instructions.js";
export { quotedFigureSupportCheck } from "./quoted-figure-support-check.js";
export { financeReviewerGuidelines } from "./reviewer-guidelines.js";
export { financeSamplesDir } from "./samples-dir.js";
