import type { Finding, QualityCheck } from "@domain-eval/core";

const ADVICE_PATTERNS: RegExp[] = [
  /\b(?:should|can|could|may|must)\s+I\s+(?:take|stop|give|use|start|double|increase|reduce|skip|drink|eat|go|see|be)\b/iu,
  /\bhow\s+(?:much|many|often)\b[^?]*\bshould\s+I\b/iu,
  /\bis\s+it\s+(?:safe|ok|okay|dangerous)\s+for\s+(?:me|my)\b/iu,
  /\bmy\s+\p{L}+/iu, // "my child", "my dose", "my liver": a vignette never speaks in the first person
  /\bI(?:'m|\s+am|\s+have|\s+feel|\s+was|'ve)\b/u,
  /\byou\s+should\s+(?:take|stop|start|see|use|give|go|avoid|increase|reduce)\b/iu,
  /\bwhat\s+should\s+(?:I|you|we)\s+do\b/iu,
  // Japanese: a first-person speaker (私は, 私の子ども, うちの子), "may I take" (飲んでもいいですか), "what should I do"
  // (どうすればよいですか), "you should" (あなたは…してください). "あなたが主治医なら" sets a role and is not advice.
  /(?:私|わたし|僕|ぼく)(?:は|が|の|も|に|を)/u,
  /うちの(?:子|娘|息子|夫|妻|主人|母|父|祖母|祖父|赤ちゃん)/u,
  /(?:飲ん|服用し|使っ|使用し|塗っ|やめ|止め|中止し|減らし|増やし)[てで]も(?:いい|よい|良い|大丈夫|問題ない)(?:ですか|でしょうか|か)/u,
  /どう(?:すれば|したら)(?:いい|よい|良い)(?:ですか|でしょうか)/u,
  /あなたは[^。？?！!]{0,30}?(?:ください|ましょう|べきです)/u,
  // Chinese: a first-person speaker (我, 我的孩子, 我妈) but not 我国 / 我院 / 我科 (our country, hospital, department
  // in case reports), "you should" (你应该, 建议你)
  /(?<!自)我(?![国國院科])/u,
  /(?:你|您)(?:们|們)?(?:应该|應該|应当|應當|最好|必须|必須|可以)|建[议議](?:你|您)/u,
];

/**
 * Medical check: questions and answers test clinical knowledge about described patients (third-person vignettes),
 * never advice to the reader about their own health ("should I take …", "my child has …", "you should stop …";
 * 私は…飲んでもいいですか, 私の子ども; 我可以吃…吗, 我的孩子, 你应该).
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
