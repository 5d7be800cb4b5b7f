export { __DOMAIN_CAMEL__Domain, default } from "./__DOMAIN_ID__-domain.js";
export { __DOMAIN_CAMEL__FewShotExamples } from "./few-shot-examples.js";
export { __DOMAIN_CAMEL__Instructions } from "./instructions.js";
export { __DOMAIN_CAMEL__ReviewerGuidelines } from "./reviewer-guidelines.js";
export { __DOMAIN_CAMEL__SamplesDir } from "./samples-dir.js";
