// Flawed and clean questions for the content checks, as question writers produce them in finance, law and medicine,
// in English, Japanese, Chinese, German, French and Spanish (Arabic and Hebrew for the standalone-stem phrases).
// Each flawed question must get its code; each clean one must get no warning or error from any check.
import { describe, expect, it } from "vitest";
import { type CheckableQuestion, checkQuestion } from "./check-question.js";
import { classifyOption, type OptionKind } from "./option-kinds.js";
import type { PhraseLists } from "./phrase-lists.js";
import { SOURCE_TEXT } from "./test-fixtures.js";

const FINANCE_EN = SOURCE_TEXT;
const LAW_EN =
  "Section 40 - Notice of termination. (1) An employer who terminates the employment of an employee must give at least: " +
  "(a) one week's notice, if the employee has been employed for less than one year; (b) two weeks' notice, if the " +
  "employee has been employed for one year or more. (2) A complaint about unpaid wages may be made to the Labour " +
  "Inspectorate. (3) An employee who is dismissed may appeal to the Employment Tribunal within 28 days of dismissal.";
const MEDICAL_EN =
  "Start metformin at 500 mg once daily with the evening meal. Increase by 500 mg every one to two weeks, up to " +
  "2000 mg daily. Stop metformin if the eGFR falls below 30 mL/min/1.73 m². For low-severity community-acquired " +
  "pneumonia, amoxicillin is the first choice.";
const FINANCE_JA =
  "2023年度の連結売上高は４８０億円となり、前年度の４５２億円から６．２％増加した。営業利益は３６億円で、" +
  "物流費の削減が\n寄与した。取締役会は１株当たり２５円の期末配当を提案した。";
const MEDICAL_JA =
  "ルミナフェン錠は1回1錠、1日3回まで服用できます。腎臓の機能が低下している方は、医師に相談してください。" +
  "服用後に発疹が現れた場合は、すぐに服用を中止してください。";
const MEDICAL_ZH =
  "成人患者口服阿莫西林的常规剂量为每次500毫克，每8小时一次。肾功能不全患者（肌酐清除率低于30毫升/分钟）" +
  "应延长给药间隔至每12小时一次。治疗疗程通常为7至10天。";
const FINANCE_ZH = "2023年公司营业收入为480亿元，同比增长6.2%。营业利润为36亿元，主要得益于物流成本下降。";
const LEAVE_JA =
  "入社日から6か月間継続して勤務し、所定労働日の8割以上出勤した従業員には、10日の年次有給休暇を付与する。\n" +
  "その後は1年ごとに付与日数を加算し、勤続6年6か月以上の従業員には毎年20日を付与する。";
const LAW_DE =
  "Der Arbeitnehmer hat in jedem Kalenderjahr Anspruch auf 30 Arbeitstage bezahlten Erholungsurlaub. Nicht " +
  "genommener Urlaub verfällt am 31. März des Folgejahres.";
const MEDICAL_FR =
  "Chez l'adulte, la dose maximale de paracétamol est de 4 grammes par jour. En cas d'insuffisance hépatique, la " +
  "dose maximale est réduite à 3 grammes par jour.";
const FINANCE_ES =
  "La empresa registró unos ingresos netos de 1.250 millones de euros en el ejercicio 2023. El consejo de " +
  "administración propuso un dividendo de 0,45 euros por acción y una recompra de acciones propias.";

interface Case {
  name: string;
  source: string;
  question: CheckableQuestion;
}

const q = (
  source: string,
  question: string,
  answer: string,
  distractors: string[],
  citations: string[],
): { source: string; question: CheckableQuestion } => ({
  source,
  question: { question, answer, distractors, citations },
});

/** Questions a careful writer would accept: no content check may flag them. */
const CLEAN: Case[] = [
  {
    name: "en finance: a computed figure quoted next to the figures it comes from",
    ...q(
      FINANCE_EN,
      "By how much did the company's net revenue increase from fiscal 2022 to fiscal 2023?",
      "EUR 31 million",
      ["EUR 412 million", "EUR 381 million", "EUR 29 million"],
      ["Net revenue for fiscal 2023 was EUR 412 million, up 8% from EUR 381 million in fiscal 2022"],
    ),
  },
  {
    name: "en finance: the stem names the topic the options share, not the answer",
    ...q(
      FINANCE_EN,
      "Which cost reduction improved the company's operating margin to 14.2% in fiscal 2023?",
      "Lower logistics costs",
      ["Lower wage costs", "Lower energy costs", "Lower rent costs"],
      ["Operating margin improved to 14.2% as logistics costs fell."],
    ),
  },
  {
    name: "en law: distractors from the neighbouring provisions, one of them verbatim from the source",
    ...q(
      LAW_EN,
      "Under section 40 of the Employment Standards Act, to which body may a dismissed employee appeal?",
      "The Employment Tribunal",
      ["The Labour Inspectorate", "The High Court", "The Ombudsman"],
      ["An employee who is dismissed may appeal to the Employment Tribunal within 28 days of dismissal."],
    ),
  },
  {
    name: "en law: a duration among durations and a denial",
    ...q(
      LAW_EN,
      "Under section 40 of the Employment Standards Act, within what time may a dismissed employee appeal?",
      "Within 28 days of dismissal",
      ["Within 14 days of dismissal", "Within 6 months of dismissal", "No time limit applies"],
      ["An employee who is dismissed may appeal to the Employment Tribunal within 28 days of dismissal."],
    ),
  },
  {
    name: "en medical: the drug named in the stem and in the answer, but the action sets the answer apart",
    ...q(
      MEDICAL_EN,
      "A patient taking metformin has an eGFR of 25 mL/min/1.73 m². What should be done with metformin?",
      "Stop metformin",
      ["Halve the dose", "Continue at the same dose", "Double the dose"],
      ["Stop metformin if the eGFR falls below 30 mL/min/1.73 m²."],
    ),
  },
  {
    name: "en: figures swapped between the same words, and two parts swapped, are fair distractors",
    ...q(
      "No one may enter the cold room alone between 18:00 and 07:00. The employer pays the employee for standby time.",
      "Under the Northgate cold room procedure, who pays for standby time?",
      "The employer pays the employee",
      ["The employee pays the employer", "The agency pays the employee", "Nobody pays anyone"],
      ["The employer pays the employee for standby time."],
    ),
  },
  {
    name: "en law: a distractor copied from the source with an abbreviation in it is a complete phrase",
    ...q(
      "Requests are answered by the data protection officer. Appeals go to the Supervisory Authority under Art. 77 GDPR.",
      "Under the Northgate privacy policy, who answers a data access request?",
      "The data protection officer",
      ["The Supervisory Authority under Art. 77 GDPR", "The chief executive", "The IT helpdesk"],
      ["Requests are answered by the data protection officer."],
    ),
  },
  {
    name: "ja finance: kanji amounts in the same form",
    ...q(
      FINANCE_JA,
      "2023年度の連結売上高はいくらでしたか。",
      "480億円",
      ["452億円", "510億円", "436億円"],
      ["2023年度の連結売上高は480億円となり"],
    ),
  },
  {
    name: "ja law: the statute's own 本文 (main clause) is not a reference to the passage",
    ...q(
      "第39条本文によれば、会社は年次有給休暇を10日付与する。",
      "みなと物流の就業規則第39条本文によれば、会社は年次有給休暇を何日付与するか。",
      "10日",
      ["5日", "15日", "20日"],
      ["第39条本文によれば、会社は年次有給休暇を10日付与する。"],
    ),
  },
  {
    name: "ja medical: the answer in the leaflet's words",
    ...q(
      MEDICAL_JA,
      "ルミナフェン錠を飲んだ後に発疹が出た場合、どうするよう説明されているか。",
      "すぐに服用を中止する",
      ["服用量を半分にして続ける", "食後に服用する", "水を多めに飲む"],
      ["服用後に発疹が現れた場合は、すぐに服用を中止してください。"],
    ),
  },
  {
    name: "zh medical: intervals of one form",
    ...q(
      MEDICAL_ZH,
      "肌酐清除率低于30毫升/分钟的患者，阿莫西林的给药间隔应延长至多久一次？",
      "每12小时一次",
      ["每6小时一次", "每8小时一次", "每24小时一次"],
      ["肾功能不全患者（肌酐清除率低于30毫升/分钟）应延长给药间隔至每12小时一次"],
    ),
  },
  {
    name: "zh finance: a cause in words among causes in words",
    ...q(
      FINANCE_ZH,
      "2023年公司营业利润主要得益于哪一因素？",
      "物流成本下降",
      ["人工成本下降", "销售价格上涨", "汇率变动"],
      ["营业利润为36亿元，主要得益于物流成本下降。"],
    ),
  },
  {
    name: "de law: the unit every option shares is in the stem",
    ...q(
      LAW_DE,
      "Wie viele Arbeitstage Erholungsurlaub stehen dem Arbeitnehmer in jedem Kalenderjahr zu?",
      "30 Arbeitstage",
      ["24 Arbeitstage", "28 Arbeitstage", "Keine gesetzliche Mindestzahl"],
      ["Der Arbeitnehmer hat in jedem Kalenderjahr Anspruch auf 30 Arbeitstage bezahlten Erholungsurlaub."],
    ),
  },
  {
    name: "fr medical: doses of one form",
    ...q(
      MEDICAL_FR,
      "Quelle est la dose maximale quotidienne de paracétamol chez l'adulte sans insuffisance hépatique ?",
      "4 grammes par jour",
      ["3 grammes par jour", "6 grammes par jour", "2 grammes par jour"],
      ["Chez l'adulte, la dose maximale de paracétamol est de 4 grammes par jour."],
    ),
  },
  {
    name: "es finance: amounts of one form",
    ...q(
      FINANCE_ES,
      "¿Qué dividendo por acción propuso el consejo de administración para el ejercicio 2023?",
      "0,45 euros",
      ["0,54 euros", "0,40 euros", "0,50 euros"],
      ["El consejo de administración propuso un dividendo de 0,45 euros por acción"],
    ),
  },
  {
    name: "ja law: the stem states a longer figure with the answer's counter (120日 / 20日) and another figure",
    ...q(
      LEAVE_JA,
      "入社後120日の試用期間を経た従業員に、勤続6年6か月以上で毎年付与される年次有給休暇は何日か。",
      "20日",
      ["10日", "15日", "25日"],
      ["勤続6年6か月以上の従業員には毎年20日を付与する。"],
    ),
  },
  {
    name: "en law: the stem states a distractor's figure as well as the answer's",
    ...q(
      LAW_EN,
      "Is the appeal period 28 days or 14 days from the dismissal of the employee?",
      "28 days",
      ["14 days", "7 days", "60 days"],
      ["An employee who is dismissed may appeal to the Employment Tribunal within 28 days of dismissal."],
    ),
  },
];

/** Flawed questions: [code, case]. Each must get that code (a warning). */
const FLAWED: [string, Case][] = [
  // the cited quote does not support the answer
  [
    "QUOTE_DOES_NOT_SUPPORT_ANSWER",
    {
      name: "en finance: the quote is about the dividend, the answer about costs",
      ...q(
        FINANCE_EN,
        "Which costs fell in fiscal 2023, improving the company's operating margin?",
        "Logistics costs",
        ["Wage costs", "Energy costs", "Rent costs"],
        ["The board proposed a dividend of EUR 0.85 per share."],
      ),
    },
  ],
  [
    "QUOTE_DOES_NOT_SUPPORT_ANSWER",
    {
      name: "en law: the quote states a distractor, not the answer",
      ...q(
        LAW_EN,
        "Under section 40 of the Employment Standards Act, to which body may a dismissed employee appeal?",
        "The Employment Tribunal",
        ["The High Court", "The Labour Inspectorate", "The Ombudsman"],
        ["A complaint about unpaid wages may be made to the Labour Inspectorate."],
      ),
    },
  ],
  [
    "QUOTE_DOES_NOT_SUPPORT_ANSWER",
    {
      name: "ja medical: the quote supports a distractor",
      ...q(
        MEDICAL_JA,
        "ルミナフェン錠を飲んだ後に発疹が出た場合、どうするよう説明されているか。",
        "服用を中止する",
        ["服用量を倍にする", "食前に服用する", "医師に相談する"],
        ["腎臓の機能が低下している方は、医師に相談してください。"],
      ),
    },
  ],
  [
    "QUOTE_DOES_NOT_SUPPORT_ANSWER",
    {
      name: "zh finance: the quote shares nothing with the answer",
      ...q(
        FINANCE_ZH,
        "2023年公司营业利润主要得益于哪一因素？",
        "物流成本下降",
        ["人工成本下降", "销售价格上涨", "汇率变动"],
        ["2023年公司营业收入为480亿元"],
      ),
    },
  ],
  [
    "QUOTE_DOES_NOT_SUPPORT_ANSWER",
    {
      name: "de law: the quote is about the entitlement, the answer about forfeiture",
      ...q(
        LAW_DE,
        "Was geschieht nach dem Urlaubsrecht von Varnia mit Urlaub, der bis zum Ende des Folgejahres nicht genommen wurde?",
        "Er verfällt",
        ["Er wird ausgezahlt", "Er wird übertragen", "Er wird verdoppelt"],
        ["Der Arbeitnehmer hat in jedem Kalenderjahr Anspruch auf 30 Arbeitstage bezahlten Erholungsurlaub."],
      ),
    },
  ],
  // the stem is not standalone
  ...(
    [
      ["en", FINANCE_EN, "According to the passage, what was the company's net revenue for fiscal 2023?"],
      ["en", FINANCE_EN, "What was the net revenue for fiscal 2023 in the text above?"],
      ["ja", FINANCE_JA, "本文によると、2023年度の連結売上高はいくらでしたか。"],
      ["zh", MEDICAL_ZH, "根据上文，肌酐清除率低于30毫升/分钟的患者，阿莫西林的给药间隔应延长至多久一次？"],
      ["de", LAW_DE, "Wie viele Arbeitstage Erholungsurlaub stehen dem Arbeitnehmer laut Text zu?"],
      ["fr", MEDICAL_FR, "Selon le texte, quelle est la dose maximale quotidienne de paracétamol chez l'adulte ?"],
      ["es", FINANCE_ES, "Según el texto, ¿qué dividendo por acción propuso el consejo de administración?"],
      ["ar", FINANCE_EN, "وفقا للنص، ما هو صافي الإيرادات للسنة المالية 2023؟"],
      ["he", FINANCE_EN, "לפי הקטע, מה היו ההכנסות נטו בשנת הכספים 2023?"],
    ] as const
  ).map(([language, source, stem]): [string, Case] => [
    "QUESTION_REFERS_TO_SOURCE",
    { name: `${language}: ${stem}`, source, question: { question: stem, answer: "x", distractors: ["y", "z", "w"] } },
  ]),
  // the stem gives the answer away
  [
    "STEM_GIVES_AWAY_ANSWER",
    {
      name: "en finance: the stem names the costs that fell",
      ...q(
        FINANCE_EN,
        "Which costs fell in fiscal 2023 as logistics were reorganised, improving the operating margin?",
        "Logistics costs",
        ["Wage costs", "Energy costs", "Rent costs"],
        ["Operating margin improved to 14.2% as logistics costs fell."],
      ),
    },
  ],
  [
    "STEM_GIVES_AWAY_ANSWER",
    {
      name: "en medical: the stem names the drug",
      ...q(
        MEDICAL_EN,
        "Amoxicillin is the standard: which antibiotic is first choice for low-severity community-acquired pneumonia?",
        "Amoxicillin",
        ["Doxycycline", "Clarithromycin", "Levofloxacin"],
        ["For low-severity community-acquired pneumonia, amoxicillin is the first choice."],
      ),
    },
  ],
  [
    "STEM_GIVES_AWAY_ANSWER",
    {
      name: "ja law: the stem quotes the rule with the answer, a figure with its counter",
      ...q(
        LEAVE_JA,
        "就業規則では「勤続6年6か月以上の従業員には毎年20日を付与する」とされている。勤続6年6か月以上の従業員に毎年付与される年次有給休暇は何日か。",
        "20日",
        ["10日", "15日", "25日"],
        ["勤続6年6か月以上の従業員には毎年20日を付与する。"],
      ),
    },
  ],
  [
    "STEM_GIVES_AWAY_ANSWER",
    {
      name: "zh medical: the stem states the answer's days",
      ...q(
        MEDICAL_ZH,
        "说明书写明治疗疗程通常为7至10天，成人阿莫西林治疗疗程最长通常为多少？",
        "10天",
        ["5天", "14天", "21天"],
        ["治疗疗程通常为7至10天。"],
      ),
    },
  ],
  [
    "STEM_GIVES_AWAY_ANSWER",
    {
      name: "ja finance: the stem names the cost",
      ...q(
        FINANCE_JA,
        "営業利益の増加に寄与した物流費の削減とは、どの費用の削減か。",
        "物流費",
        ["人件費", "広告宣伝費", "研究開発費"],
        ["物流費の削減が寄与した"],
      ),
    },
  ],
  [
    "STEM_GIVES_AWAY_ANSWER",
    {
      name: "zh medical: the stem says what to do",
      ...q(
        MEDICAL_ZH,
        "肾功能不全患者应延长给药间隔：对肾功能不全患者应如何调整阿莫西林的给药？",
        "延长给药间隔",
        ["缩短给药间隔", "加倍单次剂量", "改为静脉给药"],
        ["肾功能不全患者（肌酐清除率低于30毫升/分钟）应延长给药间隔至每12小时一次"],
      ),
    },
  ],
  [
    "STEM_GIVES_AWAY_ANSWER",
    {
      name: "fr medical: the stem says the dose is reduced",
      ...q(
        MEDICAL_FR,
        "La dose maximale est réduite en cas d'insuffisance hépatique : que devient la dose maximale de paracétamol ?",
        "Elle est réduite",
        ["Elle est doublée", "Elle reste inchangée", "Elle est supprimée"],
        ["En cas d'insuffisance hépatique, la dose maximale est réduite à 3 grammes par jour."],
      ),
    },
  ],
  // distractors that are not real options
  [
    "DISTRACTOR_SHUFFLED_WORDS",
    {
      name: "en finance: the answer's words shuffled",
      ...q(
        FINANCE_EN,
        "Why did the company's operating margin improve in fiscal 2023?",
        "Logistics costs fell during the year",
        ["year the during fell costs Logistics", "Wage costs were cut", "Prices were raised"],
        ["Operating margin improved to 14.2% as logistics costs fell."],
      ),
    },
  ],
  [
    "DISTRACTOR_SHUFFLED_WORDS",
    {
      name: "ja finance: the answer's words shuffled",
      ...q(
        FINANCE_JA,
        "2023年度の営業利益の増加に寄与した要因は何でしたか。",
        "物流費の削減",
        ["削減の物流費", "人件費の削減", "広告宣伝費の削減"],
        ["物流費の削減が寄与した"],
      ),
    },
  ],
  [
    "DISTRACTOR_SHUFFLED_WORDS",
    {
      name: "es finance: the answer's words shuffled",
      ...q(
        FINANCE_ES,
        "¿Qué propuso el consejo de administración además del dividendo?",
        "Una recompra de acciones propias",
        ["propias acciones de recompra una", "Una ampliación de capital", "Una emisión de bonos"],
        [
          "El consejo de administración propuso un dividendo de 0,45 euros por acción y una recompra de acciones propias.",
        ],
      ),
    },
  ],
  [
    "DISTRACTOR_SOURCE_FRAGMENT",
    {
      name: "en finance: a clause cut out of the source",
      ...q(
        FINANCE_EN,
        "Which costs fell in fiscal 2023, improving the company's operating margin?",
        "Logistics costs",
        ["as logistics costs fell", "Wage costs", "Energy costs"],
        ["Operating margin improved to 14.2% as logistics costs fell."],
      ),
    },
  ],
  [
    "DISTRACTOR_SOURCE_FRAGMENT",
    {
      name: "en law: half a sentence of the statute",
      ...q(
        LAW_EN,
        "Under section 40 of the Employment Standards Act, to which body may a dismissed employee appeal?",
        "The Employment Tribunal",
        ["The High Court", "if the employee has been employed for", "The Ombudsman"],
        ["An employee who is dismissed may appeal to the Employment Tribunal within 28 days of dismissal."],
      ),
    },
  ],
  [
    "DISTRACTOR_SOURCE_FRAGMENT",
    {
      name: "ja finance: a clause ending in a particle",
      ...q(
        FINANCE_JA,
        "2023年度の営業利益の増加に寄与した要因は何でしたか。",
        "物流費の削減",
        ["人件費の削減", "前年度の452億円から", "広告宣伝費の削減"],
        ["物流費の削減が寄与した"],
      ),
    },
  ],
  [
    "DISTRACTOR_SOURCE_FRAGMENT",
    {
      name: "zh medical: text running over a sentence end",
      ...q(
        MEDICAL_ZH,
        "成人患者口服阿莫西林的治疗疗程通常为多少天？",
        "7至10天",
        ["3至5天", "14至21天", "每8小时一次。肾功能不全患者"],
        ["治疗疗程通常为7至10天。"],
      ),
    },
  ],
  [
    "DISTRACTOR_SOURCE_FRAGMENT",
    {
      name: "fr medical: a phrase cut before its figure",
      ...q(
        MEDICAL_FR,
        "Quelle est la dose maximale quotidienne de paracétamol chez l'adulte sans insuffisance hépatique ?",
        "4 grammes par jour",
        ["3 grammes par jour", "6 grammes par jour", "la dose maximale de paracétamol est de"],
        ["Chez l'adulte, la dose maximale de paracétamol est de 4 grammes par jour."],
      ),
    },
  ],
  [
    "DISTRACTOR_NOT_AN_ANSWER",
    {
      name: "en medical: a question offered as an option",
      ...q(
        MEDICAL_EN,
        "What is the maximum daily dose of metformin in the teaching note's titration plan?",
        "2000 mg",
        ["1000 mg", "3000 mg", "How often should the dose be increased?"],
        ["Increase by 500 mg every one to two weeks, up to 2000 mg daily."],
      ),
    },
  ],
  [
    "DISTRACTOR_NOT_AN_ANSWER",
    {
      name: "de law: the question's own words offered as an option",
      ...q(
        LAW_DE,
        "Wie viele Arbeitstage Erholungsurlaub stehen dem Arbeitnehmer in jedem Kalenderjahr zu?",
        "30 Arbeitstage",
        ["24 Arbeitstage", "28 Arbeitstage", "Erholungsurlaub des Arbeitnehmers im Kalenderjahr"],
        ["Der Arbeitnehmer hat in jedem Kalenderjahr Anspruch auf 30 Arbeitstage bezahlten Erholungsurlaub."],
      ),
    },
  ],
  [
    "DISTRACTOR_NOT_AN_ANSWER",
    {
      name: "zh medical: the question's own words offered as an option",
      ...q(
        MEDICAL_ZH,
        "肌酐清除率低于30毫升/分钟的患者，阿莫西林的给药间隔应延长至多久一次？",
        "每12小时一次",
        ["每6小时一次", "每24小时一次", "阿莫西林的给药间隔"],
        ["肾功能不全患者（肌酐清除率低于30毫升/分钟）应延长给药间隔至每12小时一次"],
      ),
    },
  ],
  // distractors of another kind than the answer
  [
    "OPTION_KIND_MISMATCH",
    {
      name: "en finance: words among amounts",
      ...q(
        FINANCE_EN,
        "What was the company's net revenue for fiscal 2023?",
        "EUR 412 million",
        ["EUR 381 million", "Logistics costs", "EUR 398 million"],
        ["Net revenue for fiscal 2023 was EUR 412 million"],
      ),
    },
  ],
  [
    "OPTION_KIND_MISMATCH",
    {
      name: "en finance: an amount among percentages",
      ...q(
        FINANCE_EN,
        "What was the company's operating margin in fiscal 2023?",
        "14.2%",
        ["12.4%", "EUR 58 million", "8%"],
        ["Operating margin improved to 14.2% as logistics costs fell."],
      ),
    },
  ],
  [
    "OPTION_KIND_MISMATCH",
    {
      name: "en law: a duration among dates",
      ...q(
        "Unused leave is forfeited on 31 March of the following year.",
        "Under the Varnia leave rules, on which date is unused leave forfeited?",
        "31 March",
        ["30 June", "12 months", "31 December"],
        ["Unused leave is forfeited on 31 March of the following year."],
      ),
    },
  ],
  [
    "OPTION_KIND_MISMATCH",
    {
      name: "en medical: a drug name among doses",
      ...q(
        MEDICAL_EN,
        "At what dose does the teaching note start metformin?",
        "500 mg",
        ["250 mg", "Paracetamol", "1000 mg"],
        ["Start metformin at 500 mg once daily with the evening meal."],
      ),
    },
  ],
  [
    "OPTION_KIND_MISMATCH",
    {
      name: "ja finance: words among amounts",
      ...q(
        FINANCE_JA,
        "2023年度の連結売上高はいくらでしたか。",
        "480億円",
        ["452億円", "物流費の削減", "510億円"],
        ["2023年度の連結売上高は480億円となり"],
      ),
    },
  ],
  [
    "OPTION_KIND_MISMATCH",
    {
      name: "zh medical: a drug change among intervals",
      ...q(
        MEDICAL_ZH,
        "肌酐清除率低于30毫升/分钟的患者，阿莫西林的给药间隔应延长至多久一次？",
        "每12小时一次",
        ["每6小时一次", "改用静脉注射头孢曲松", "每24小时一次"],
        ["肾功能不全患者（肌酐清除率低于30毫升/分钟）应延长给药间隔至每12小时一次"],
      ),
    },
  ],
  [
    "OPTION_KIND_MISMATCH",
    {
      name: "de law: words among durations",
      ...q(
        LAW_DE,
        "Wie viele Arbeitstage Erholungsurlaub stehen dem Arbeitnehmer in jedem Kalenderjahr zu?",
        "30 Arbeitstage",
        ["24 Arbeitstage", "Bezahlter Sonderurlaub", "28 Arbeitstage"],
        ["Der Arbeitnehmer hat in jedem Kalenderjahr Anspruch auf 30 Arbeitstage bezahlten Erholungsurlaub."],
      ),
    },
  ],
  [
    "OPTION_KIND_MISMATCH",
    {
      name: "es finance: words among amounts",
      ...q(
        FINANCE_ES,
        "¿Qué dividendo por acción propuso el consejo de administración para el ejercicio 2023?",
        "0,45 euros",
        ["0,54 euros", "Acciones propias", "0,50 euros"],
        ["El consejo de administración propuso un dividendo de 0,45 euros por acción"],
      ),
    },
  ],
];

const problems = (c: Case) =>
  checkQuestion({ question: c.question, sourceText: c.source })
    .filter((f) => f.severity !== "info")
    .map((f) => `${f.code}: ${f.message}`);

describe("content checks leave clean questions alone", () => {
  it.each(CLEAN.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    expect(problems(c)).toEqual([]);
  });
});

describe("content checks catch flawed questions", () => {
  it.each(FLAWED.map(([code, c]) => [code, c.name, c] as const))("%s: %s", (code, _name, c) => {
    const findings = checkQuestion({ question: c.question, sourceText: c.source });
    const hit = findings.find((f) => f.code === code);
    expect(hit, `expected ${code}, got ${JSON.stringify(problems(c))}`).toBeDefined();
    expect(hit?.severity).toBe("warning");
    // the message names the problem and the fix (after a colon)
    expect(hit?.message).toMatch(/: [a-z]/u);
  });
});

describe("standalone stems", () => {
  const stem = (question: string, phrases?: PhraseLists) =>
    checkQuestion({
      question: { question, answer: "30 days", distractors: ["14 days", "60 days", "90 days"] },
      phrases,
    })
      .filter((f) => f.code === "QUESTION_REFERS_TO_SOURCE")
      .map((f) => f.data?.phrase);

  it("leave the other senses of passage, text and document alone", () => {
    expect(stem("What did the passage of the Employment Standards Act 2019 change about notice periods?")).toEqual([]);
    expect(stem("Which document must the employer give the employee within 14 days of the start of work?")).toEqual([]);
    expect(stem("How many days' notice does section 40 require from an employer?")).toEqual([]);
  });

  it("in Japanese and Chinese, leave words that contain a phrase alone (注文中, 原材料中, 线上文档)", () => {
    expect(stem("さくらマート会員規約で、注文中の商品が発送された後に会員が利用できる手続はどれか。")).toEqual([]);
    expect(stem("禾丰饼干原材料中含量最高的是哪一种？")).toEqual([]);
    expect(stem("涉及客户合同的线上文档应至少保存多少年？")).toEqual([]);
    expect(stem("本文によると、返品は商品到着後何日以内に申し出なければならないか。")).toEqual(["本文によると"]);
    expect(stem("根据上文，华川电子2023年研发投入占营业收入的比例是多少？")).toEqual(["根据上文"]);
    expect(stem("请根据上文回答：华川电子2023年研发投入是多少？")).toEqual(["根据上文"]);
    expect(stem("この文中の下線部が指すものはどれか。")).toEqual(["文中の"]);
  });

  it("catch Japanese and Traditional Chinese stems that cite an unseen document", () => {
    for (const [question, phrase] of [
      ["上記の規約によれば、返品は商品到着後何日以内に申し出なければならないか。", "上記の規約によれば"],
      ["この説明書によると、1日の最大量はいくらか。", "この説明書によると"],
      ["上記の説明文によると、服用後に発疹があらわれた場合はどうするか。", "上記の説明文によると"],
      ["根據短文，勞工繼續工作三年以上五年未滿者，每年有幾日特別休假？", "根據短文"],
      ["依據本文，勞工繼續工作一年以上者可享有幾日特別休假？", "依據本文"],
      ["根據上述資料，成人每日最大劑量為多少？", "根據上述資料"],
      ["根据上述资料，成人每日最大剂量为多少？", "根据上述资料"],
    ]) {
      expect(stem(question as string), question).toEqual([phrase]);
    }
    // a rule the stem itself names
    expect(stem("労働基準法第39条について、この規定によれば年次有給休暇は何日付与されるか。")).toEqual([]);
  });

  it("take a domain plugin's phrases", () => {
    expect(stem("How long is the shelf life stated in the leaflet?")).toEqual([]);
    expect(
      stem("How long is the shelf life stated in the leaflet?", { en: { refersToSource: ["in the leaflet"] } }),
    ).toEqual(["in the leaflet"]);
  });
});

describe("classifyOption", () => {
  it.each<[string, OptionKind]>([
    ["EUR 412 million", "amount"],
    ["£286.4 million", "amount"],
    ["480億円", "amount"],
    ["14.2%", "percentage"],
    ["6.2 percentage points", "percentage"],
    ["31 March 2024", "date"],
    ["2024年3月31日", "date"],
    ["FY2024", "mixed"],
    ["2023年度", "year"],
    ["30 Arbeitstage", "duration"],
    ["Within 28 days", "duration"],
    ["10日間", "duration"],
    ["500 mg", "number"],
    ["Between 18:00 and 07:00", "number"],
    ["Logistics costs", "text"],
    ["物流費の削減", "text"],
    ["It expires on 31 March of the following year", "mixed"],
  ])("%s is %s", (text, kind) => {
    expect(classifyOption({ text })).toBe(kind);
  });
});

describe("quote support with figures written out", () => {
  it('takes "three" in the quote and "3" in the answer as the same figure', () => {
    const source =
      "The Easy Saver account allows three free withdrawals per calendar month. Further withdrawals cost EUR 3 each. " +
      "The account has no monthly fee.";
    const c: Case = {
      name: "en finance: a spelled-out figure",
      ...q(
        source,
        "How many free withdrawals per calendar month does the Easy Saver account allow?",
        "3",
        ["1", "2", "5"],
        ["The Easy Saver account allows three free withdrawals per calendar month."],
      ),
    };
    expect(problems(c)).toEqual([]);
    const wrong = { ...c, question: { ...c.question, citations: ["The account has no monthly fee."] } };
    expect(problems(wrong)).toEqual([expect.stringMatching(/^QUOTE_DOES_NOT_SUPPORT_ANSWER/u)]);
  });
});
