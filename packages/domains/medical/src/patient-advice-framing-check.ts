import type { Finding, QualityCheck } from "@domain-eval/core";

const ADVICE_PATTERNS: RegExp[] = [
  /\b(?:should|can|could|may|must)\s+I\s+(?:take|stop|give|use|start|double|increase|reduce|skip|drink|eat|go|see|be)\b/iu,
  /\bhow\s+(?:much|many|often)\b[^?]*\bshould\s+I\b/iu,
  /\bis\s+it\s+(?:safe|ok|okay|dangerous)\s+for\s+(?:me|my)\b/iu,
  /\bmy\s+\p{L}+/iu, // "my child", "my dose", "my liver": a vignette never speaks in the first person
  /\bI(?:'m|\s+am|\s+have|\s+feel|\s+was|'ve)\b/u,
  /\byou\s+should\s+(?:take|stop|start|see|use|give|go|avoid|increase|reduce)\b/iu,
  /\bwhat\s+should\s+(?:I|you|we)\s+do\b/iu,
];

/**
 * Medical check: questions and answers test clinical knowledge about described patients (third-person vignettes),
 * never advice to the reader about their own health ("should I take …", "my child has …", "you should stop …").
 * Reported as an error, so with the default policy the question is dropped.
 *
 * @example
 * checkQuestion({ question: { question: "How much paracetamol should I give my child?", ... },
 *   extraChecks: [patientAdviceFramingCheck] }) // → PATIENT_ADVICE_FRAMING
 */
export const patientAdviceFramingCheck: QualityCheck = {
  name: "patient-advice-framing",
  codes: ["PATIENT_ADVICE_FRAMING"],
  description:
    'Questions describe patients in the third person; nothing reads as personal medical advice ("should I take", "my child", "you should stop").',
  run(question): Finding[] {
    const out: Finding[] = [];
    for (const [part, text] of [
      ["question", question.question],
      ["answer", question.answer],
    ] as const) {
      const phrase = ADVICE_PATTERNS.map((p) => p.exec(text)?.[0]).find((m) => m !== undefined);
      if (phrase) {
        out.push({
          code: "PATIENT_ADVICE_FRAMING",
          severity: "error",
          message: `the ${part} reads as personal medical advice ("${phrase}"): describe a patient in the third person and ask what the source recommends`,
        });
      }
    }
    return out;
  },
};
