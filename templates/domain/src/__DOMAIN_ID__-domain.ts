import { defineDomainPlugin } from "@domain-eval/core";
import { __DOMAIN_CAMEL__FewShotExamples } from "./few-shot-examples.js";
import { __DOMAIN_CAMEL__Instructions } from "./instructions.js";
import { __DOMAIN_CAMEL__ReviewerGuidelines } from "./reviewer-guidelines.js";

/**
 * The __DOMAIN_DISPLAY_NAME_LOWER__ domain plugin. `domain-eval generate --domain __DOMAIN_ID__` finds it by the
 * `"domain-eval": { "domain": "__DOMAIN_ID__" }` field of package.json and uses this default export.
 *
 * @example
 * import { __DOMAIN_CAMEL__Domain } from "@domain-eval/domain-__DOMAIN_ID__";
 * const findings = checkQuestion({ question, sourceText, extraChecks: __DOMAIN_CAMEL__Domain.checks });
 */
export const __DOMAIN_CAMEL__Domain = defineDomainPlugin({
  id: "__DOMAIN_ID__",
  displayName: "__DOMAIN_DISPLAY_NAME__",
  subject: "__DOMAIN_SUBJECT__",
  languages: ["en"],
  // Bump when you change instructions, examples or checks: it is recorded in every question's prompt_version.
  version: "1.0.0",
  instructions: __DOMAIN_CAMEL__Instructions,
  fewShotExamples: __DOMAIN_CAMEL__FewShotExamples,
  reviewerGuidelines: __DOMAIN_CAMEL__ReviewerGuidelines,
  // Core's checks already run on every domain: form, grounding, a stem that refers to "the passage"
  // (QUESTION_REFERS_TO_SOURCE), an answer the stem gives away, distractors that are not real options or of another
  // kind. Add checks here for what matters in your field only (packages/domains/medical/src/dose-units-check.ts is a
  // model): each needs a name, its codes, a description and a flawed example in the test.
  checks: [],
});

export default __DOMAIN_CAMEL__Domain;
