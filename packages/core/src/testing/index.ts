export {
  type DomainPluginContractOptions,
  describeDomainPluginContract,
  type FlawedExample,
  MAX_REVIEWER_GUIDELINES_CHARS,
} from "./describe-domain-plugin-contract.js";
export { findMarkdownProblems, type MarkdownHeading, type MarkdownReport } from "./markdown-problems.js";
