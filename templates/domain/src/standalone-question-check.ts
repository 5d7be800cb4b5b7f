import type { Finding, QualityCheck } from "@domain-eval/core";

const REFERS_TO_SOURCE =
  /\b(?:according\s+to|based\s+on|in|from|as\s+(?:stated|described|mentioned)\s+in)\s+the\s+(?:passage|text|excerpt|document|source|extract|paragraph|article)(?:\s+above)?\b|\b(?:the\s+)?(?:passage|text|excerpt)\s+above\b/iu;

/**
 * An example domain check: the question must stand alone, because the person answering an exam question does not see
 * the source passage. Keep it, and add checks for what matters in your field; each needs a `name`, the `codes` it
 * may emit, a one-sentence `description` and flawed examples in the test that prove it catches what it claims.
 *
 * @example
 * checkQuestion({ question: "According to the passage, how long may staff stay?", ... },
 *   { extraChecks: [standaloneQuestionCheck] }) // → QUESTION_REFERS_TO_SOURCE
 */
export const standaloneQuestionCheck: QualityCheck = {
  name: "standalone-question",
  codes: ["QUESTION_REFERS_TO_SOURCE"],
  description: 'The question stands alone: it does not say "according to the passage", which the reader never sees.',
  run(question): Finding[] {
    const phrase = REFERS_TO_SOURCE.exec(question.question)?.[0];
    if (!phrase) return [];
    return [
      {
        code: "QUESTION_REFERS_TO_SOURCE",
        severity: "warning",
        message: `the question refers to "${phrase}", which the person answering does not see: name the document or organisation instead`,
      },
    ];
  },
};
