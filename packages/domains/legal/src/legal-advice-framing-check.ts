import type { Finding, QualityCheck } from "@domain-eval/core";

const ADVICE_PATTERNS: { pattern: RegExp; example: string }[] = [
  { pattern: /\bshould\s+(?:I|we|my\s+client)\b/iu, example: "should I" },
  { pattern: /\byou\s+should\b/iu, example: "you should" },
  { pattern: /\b(?:can|may|could)\s+I\b/iu, example: "can I" },
  { pattern: /\bdo\s+I\s+(?:have|need)\b/iu, example: "do I have to" },
  { pattern: /\bam\s+I\b/iu, example: "am I" },
  { pattern: /\bwhat\s+(?:should|would)\s+you\s+(?:advise|recommend|do)\b/iu, example: "what would you advise" },
  { pattern: /\b(?:I|we)\s+(?:advise|recommend)\b/iu, example: "we advise" },
  {
    pattern:
      /\bmy\s+(?:landlord|tenant|employer|employee|lawyer|solicitor|client|case|contract|lease|company|claim)\b/iu,
    example: "my landlord",
  },
  { pattern: /\bin\s+my\s+(?:situation|case)\b/iu, example: "in my situation" },
];

/**
 * Legal check: questions and answers must test what the source says, not advise someone what to do ("should I …",
 * "you should …", "my landlord …"). An exam item framed as advice invites answers that depend on facts the source
 * does not give, and the dataset must not read as legal advice. Reported as an error, so the question is dropped.
 *
 * @example
 * checkQuestion({ question: { question: "Should I withhold rent if my landlord keeps the deposit?", ... },
 *   extraChecks: [legalAdviceFramingCheck] }) // → LEGAL_ADVICE_FRAMING
 */
export const legalAdviceFramingCheck: QualityCheck = {
  name: "legal-advice-framing",
  codes: ["LEGAL_ADVICE_FRAMING"],
  description:
    'The question and answer ask what the law says, not what someone should do ("should I", "you should", "my landlord").',
  run(question): Finding[] {
    const out: Finding[] = [];
    for (const [part, text] of [
      ["question", question.question],
      ["answer", question.answer],
    ] as const) {
      const hit = ADVICE_PATTERNS.find(({ pattern }) => pattern.test(text));
      if (hit) {
        const phrase = hit.pattern.exec(text)?.[0] ?? hit.example;
        out.push({
          code: "LEGAL_ADVICE_FRAMING",
          severity: "error",
          message: `the ${part} is framed as legal advice ("${phrase}"): ask what the provision says or requires, in the third person`,
        });
      }
    }
    return out;
  },
};
