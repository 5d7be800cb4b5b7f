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
  // Japanese: 私は…すべきですか, 私は…できますか, あなたは…べきだ, 私の大家, 私の場合, どうすればよいですか
  {
    pattern:
      /(?:私|わたし|僕|ぼく|私たち|我々|当方)(?:は|が|も)[^。？?！!]{0,40}?(?:べき|できますか|できる(?:の)?(?:か|でしょうか)|[しす]なければ(?:なりません|ならない)か|必要があります?か|必要ですか|い(?:い|よい)(?:ですか|でしょうか)|よいですか|よいでしょうか)/u,
    example: "私は…すべきですか",
  },
  { pattern: /あなた(?:は|が|も)[^。？?！!]{0,40}?(?:べき|ください|ましょう)/u, example: "あなたは…べき" },
  {
    pattern:
      /(?:私|わたし|僕)の(?:大家|家主|貸主|借主|雇用主|勤務先|会社|上司|弁護士|依頼人|依頼者|契約|賃貸借契約|ケース|事件|場合|状況)/u,
    example: "私の大家",
  },
  {
    pattern:
      /どう(?:すれば|したら)(?:よい|いい|良い)(?:ですか|でしょうか|か)|(?:助言|アドバイス)(?:して|を)(?:ください|お願い)/u,
    example: "どうすればよいですか",
  },
  // Chinese (Simplified and Traditional): 我应该…吗, 我可以…吗, 你应该, 我的房东, 我该怎么办 (我国/我國 is "our country")
  {
    pattern:
      /(?<!自)我(?:们|們)?(?![国國方院])[^，。？?！!、]{0,12}?(?:应该|應該|应当|應當|该不该|該不該|该怎么|該怎麼|需不需要|需要|必须|必須|可以|可不可以|能否|能不能|有没有权|有沒有權|有权|有權|是否)/u,
    example: "我应该",
  },
  { pattern: /(?:你|您)(?:们|們)?(?:应该|應該|应当|應當|最好|必须|必須)|建[议議](?:你|您)/u, example: "你应该" },
  {
    pattern:
      /我(?:们|們)?的(?:房东|房東|房客|租客|雇主|老板|老闆|公司|上司|律师|律師|客户|客戶|案件|案子|合同|合約|契约|契約|租约|租約|情况|情況)/u,
    example: "我的房东",
  },
];

/**
 * Legal check: questions and answers must test what the source says, not advise someone what to do ("should I …",
 * "you should …", "my landlord …"; in Japanese 私は…すべきですか, 私の大家; in Chinese 我应该…吗, 我的房东). An exam item framed as advice invites answers that depend on facts the source
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
    'The question and answer ask what the law says, not what someone should do ("should I", "you should", "my landlord", "私は…すべきですか", "我应该…吗", "我的房东").',
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
