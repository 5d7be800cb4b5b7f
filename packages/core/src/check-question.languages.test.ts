// Clean and flawed questions in languages other than English, as an exam writer of each would write them. A clean
// question must get no warning or error; each flaw must be caught in every language.
import { describe, expect, it } from "vitest";
import { type CheckableQuestion, checkQuestion } from "./check-question.js";
import { normalizeForComparison, numbersIn } from "./normalize-text.js";

interface LanguageCase {
  source: string;
  clean: CheckableQuestion;
  /** The answer written with full-width (or other-script) digits or letters: the same option. */
  answerVariant: string;
  /** A distractor and another way of writing it (width, spacing, punctuation). */
  duplicate: [string, string];
  allOfTheAbove: string;
  noneOfTheAbove: string;
  /** A quote that reads like the passage but is not in it. */
  ungroundedQuote: string;
  /** A wrong answer whose words the passage does not contain. */
  answerNotInSource: string;
}

const CASES: Record<string, LanguageCase> = {
  ja: {
    source:
      "2023年度の連結売上高は４８０億円となり、前年度の４５２億円から６．２％増加した。営業利益は３６億円で、" +
      "物流費の削減が\n寄与した。取締役会は１株当たり２５円の期末配当を提案した。",
    clean: {
      question: "2023年度の連結売上高はいくらでしたか。",
      answer: "480億円",
      distractors: ["452億円", "510億円", "436億円"],
      // copied on one line from a passage wrapped over two, with half-width digits
      citations: ["2023年度の連結売上高は480億円となり", "物流費の削減が寄与した"],
    },
    answerVariant: "４８０億円",
    duplicate: ["452億円", "４５２ 億円。"],
    allOfTheAbove: "上記のすべて",
    noneOfTheAbove: "上記のいずれでもない",
    ungroundedQuote: "2023年度の連結売上高は500億円となり",
    answerNotInSource: "海外子会社株式の売却益",
  },
  zh: {
    source:
      "成人患者口服阿莫西林的常规剂量为每次500毫克，每8小时一次。肾功能不全患者（肌酐清除率低于30毫升/分钟）" +
      "应延长给药间隔至每12小时一次。治疗疗程通常为7至10天。",
    clean: {
      question: "肌酐清除率低于30毫升/分钟的患者，阿莫西林的给药间隔应延长至多久一次？",
      answer: "每12小时一次",
      distractors: ["每6小时一次", "每8小时一次", "每24小时一次"],
      citations: ["肾功能不全患者（肌酐清除率低于30毫升/分钟）应延长给药间隔至每12小时一次"],
    },
    answerVariant: "每１２小时一次",
    duplicate: ["每24小时一次", "每 24 小时一次。"],
    allOfTheAbove: "以上都是",
    noneOfTheAbove: "以上都不是",
    ungroundedQuote: "应延长给药间隔至每24小时一次",
    answerNotInSource: "改用静脉注射头孢曲松",
  },
  de: {
    source:
      "Der Arbeitnehmer hat in jedem Kalenderjahr Anspruch auf 30 Arbeitstage bezahlten Erholungsurlaub. Der volle " +
      "Urlaubsanspruch wird erstmalig nach sechsmonatigem Bestehen des Arbeitsverhältnisses erworben. Nicht " +
      "genommener Urlaub verfällt am 31. März des Folgejahres.",
    clean: {
      question: "Wie viele Arbeitstage Erholungsurlaub stehen dem Arbeitnehmer in jedem Kalenderjahr zu?",
      answer: "30 Arbeitstage",
      distractors: ["24 Arbeitstage", "28 Arbeitstage", "25 Arbeitstage"],
      citations: ["Der Arbeitnehmer hat in jedem Kalenderjahr Anspruch auf 30 Arbeitstage bezahlten Erholungsurlaub."],
    },
    answerVariant: "３０ Ａｒｂｅｉｔｓｔａｇｅ",
    duplicate: ["28 Arbeitstage", "28  Arbeitstage."],
    allOfTheAbove: "Alle genannten Antworten sind richtig",
    noneOfTheAbove: "Keine der genannten Antworten",
    ungroundedQuote: "Der Arbeitnehmer hat in jedem Kalenderjahr Anspruch auf 35 Arbeitstage",
    answerNotInSource: "Eine Abfindung in Höhe eines Monatsgehalts",
  },
  fr: {
    source:
      "Le paracétamol est indiqué dans le traitement des douleurs légères à modérées. Chez l'adulte, la dose " +
      "maximale est de 4 grammes par jour, en respectant un intervalle d'au moins 4 heures entre deux prises. En cas " +
      "d'insuffisance hépatique, la dose maximale est réduite à 3 grammes par jour.",
    clean: {
      question: "Quelle est la dose maximale quotidienne de paracétamol chez l'adulte sans insuffisance hépatique ?",
      answer: "4 grammes par jour",
      distractors: ["3 grammes par jour", "6 grammes par jour", "2 grammes par jour"],
      citations: ["Chez l’adulte, la dose maximale est de 4 grammes par jour"],
    },
    answerVariant: "４ grammes par jour",
    duplicate: ["6 grammes par jour", "6 Grammes par jour."],
    allOfTheAbove: "Toutes les réponses ci-dessus",
    noneOfTheAbove: "Aucune de ces réponses",
    ungroundedQuote: "Chez l'adulte, la dose maximale est de 5 grammes par jour",
    answerNotInSource: "Une injection intraveineuse unique",
  },
  es: {
    source:
      "La empresa registró unos ingresos netos de 1.250 millones de euros en el ejercicio 2023, un 7 % más que en " +
      "2022. El margen operativo se situó en el 12,4 %. El consejo de administración propuso un dividendo de 0,45 " +
      "euros por acción.",
    clean: {
      question: "¿Qué dividendo por acción propuso el consejo de administración?",
      answer: "0,45 euros",
      distractors: ["0,54 euros", "0,40 euros", "0,50 euros"],
      citations: ["El consejo de administración propuso un dividendo de 0,45 euros por acción."],
    },
    answerVariant: "０，４５ euros",
    duplicate: ["0,40 euros", "0,40 Euros."],
    allOfTheAbove: "Todas las anteriores",
    noneOfTheAbove: "Ninguna de las anteriores",
    ungroundedQuote: "El consejo de administración propuso un dividendo de 0,60 euros por acción.",
    answerNotInSource: "Una recompra de acciones propias",
  },
  ar: {
    source:
      "يُصرف الدواء للبالغين بجرعة 500 ملغ مرتين يوميًا بعد الطعام. ولا يجوز أن تتجاوز الجرعة اليومية 1000 ملغ. " +
      "ويجب إيقاف العلاج عند ظهور طفح جلدي.",
    clean: {
      question: "ما الحد الأقصى للجرعة اليومية من الدواء للبالغين؟",
      answer: "1000 ملغ",
      distractors: ["500 ملغ", "1500 ملغ", "2000 ملغ"],
      citations: ["ولا يجوز أن تتجاوز الجرعة اليومية 1000 ملغ"],
    },
    // Arabic-Indic digits and a right-to-left mark, as Arabic text often carries them
    answerVariant: "\u200F١٠٠٠ ملغ",
    duplicate: ["1500 ملغ", "１５００ ملغ."],
    allOfTheAbove: "جميع ما سبق",
    noneOfTheAbove: "لا شيء مما سبق",
    ungroundedQuote: "ولا يجوز أن تتجاوز الجرعة اليومية 2000 ملغ",
    answerNotInSource: "الامتناع عن شرب الحليب",
  },
};

const problems = (question: CheckableQuestion, source: string) =>
  checkQuestion({ question, sourceText: source }).filter((f) => f.severity !== "info");
const codes = (question: CheckableQuestion, source: string) => problems(question, source).map((f) => f.code);

describe.each(Object.entries(CASES))("checkQuestion in %s", (_language, c) => {
  it("passes the clean question with no warning or error and full grounding", () => {
    expect(problems(c.clean, c.source)).toEqual([]);
    const score = checkQuestion({ question: c.clean, sourceText: c.source }).find((f) => f.code === "GROUNDING_SCORE");
    expect(score?.data?.score).toBe(1);
  });

  it("catches the answer written again in another width or digit set", () => {
    const q = { ...c.clean, distractors: [c.answerVariant, ...c.clean.distractors.slice(1)] };
    expect(codes(q, c.source)).toContain("ANSWER_IN_DISTRACTORS");
  });

  it("catches two distractors that differ only in width, spacing or punctuation", () => {
    const others = c.clean.distractors.filter((d) => d !== c.duplicate[0]);
    const q = { ...c.clean, distractors: [c.duplicate[0], c.duplicate[1], ...others.slice(1)] };
    expect(codes(q, c.source)).toEqual(["DUPLICATE_OPTIONS"]);
  });

  it('catches "all of the above" and "none of the above"', () => {
    for (const option of [c.allOfTheAbove, c.noneOfTheAbove]) {
      const q = { ...c.clean, distractors: [...c.clean.distractors.slice(0, 2), option] };
      expect(codes(q, c.source), option).toContain("ALL_OR_NONE_OF_THE_ABOVE");
    }
  });

  it("catches a quote that is not in the passage", () => {
    const q = { ...c.clean, citations: [c.ungroundedQuote] };
    expect(codes(q, c.source)).toContain("UNGROUNDED_QUOTE");
  });

  it("catches an answer whose words are not in the passage", () => {
    const q = { ...c.clean, answer: c.answerNotInSource };
    expect(codes(q, c.source)).toContain("ANSWER_NOT_IN_SOURCE");
  });
});

describe("question length in scripts without spaces", () => {
  const { source, clean } = CASES.ja as LanguageCase;

  it("counts characters: a 12-character Japanese question is complete, a 4-character one is not", () => {
    expect(codes({ ...clean, question: "年次有給休暇の日数は何日" }, source)).not.toContain("TRIVIAL_QUESTION");
    expect(codes({ ...clean, question: "売上高は？" }, source)).toEqual(["TRIVIAL_QUESTION"]);
    expect(codes({ ...clean, question: "净利润？" }, source)).toEqual(["TRIVIAL_QUESTION"]);
  });

  it("measures option length with kanji and kana as wide characters", () => {
    const q = {
      ...clean,
      question: "2023年度の営業利益の増加に寄与した要因は何でしたか。",
      answer: "物流費の削減",
      distractors: ["人件費の削減", "広告宣伝費の削減", "研究開発費の削減"],
      citations: ["物流費の削減が寄与した"],
    };
    expect(codes(q, source)).toEqual([]);
    expect(codes({ ...q, answer: "物流拠点の統廃合と配送ルートの見直しによる物流費の大幅な削減" }, source)).toContain(
      "LENGTH_BIAS",
    );
  });
});

describe("phrases a domain plugin adds", () => {
  it("are caught besides the built-in lists", () => {
    const { source, clean } = CASES.ja as LanguageCase;
    const q = { ...clean, distractors: [...clean.distractors.slice(0, 2), "該当する勘定科目はない"] };
    expect(codes(q, source)).toEqual([]);
    const findings = checkQuestion({
      question: q,
      sourceText: source,
      phrases: { ja: { noneOfTheAbove: ["該当する勘定科目はない"] } },
    });
    expect(findings.map((f) => f.code)).toContain("ALL_OR_NONE_OF_THE_ABOVE");
  });
});

describe("kanji numerals in options", () => {
  const LEAVE =
    "第38條 勞工在同一雇主或事業單位，繼續工作滿一定期間者，應依下列規定給予特別休假：\n一、六個月以上一年未滿者，三日。\n" +
    "二、一年以上二年未滿者，七日。\n三、二年以上三年未滿者，十日。\n四、三年以上五年未滿者，每年十四日。";
  const leave: CheckableQuestion = {
    question: "依台灣《勞動基準法》第38條，勞工在同一雇主繼續工作一年以上二年未滿者，應給予幾日特別休假？",
    answer: "七日",
    distractors: ["三日", "十日", "十四日"],
    citations: ["二、一年以上二年未滿者，七日。"],
  };

  it("are the same option as the figure in digits (三日 / 3日, 三天 / 3天, 七日 / ７日)", () => {
    for (const [answer, variant] of [
      ["3日", "三日"],
      ["3天", "三天"],
      ["七日", "７日"],
      ["二个月", "2个月"],
      ["十四日", "14日"],
      ["百分之八十", "80%"],
      ["1株当たり60円", "一株当たり六十円"],
    ] as const) {
      const q = { ...leave, answer, distractors: [variant, "5日", "25日"] };
      expect(codes(q, LEAVE), `${answer} / ${variant}`).toContain("ANSWER_IN_DISTRACTORS");
    }
    const q = { ...leave, distractors: ["三日", "3日", "十日"] };
    expect(codes(q, LEAVE)).toContain("DUPLICATE_OPTIONS");
  });

  it("leave a clean question written in kanji numerals alone, and words that contain them (一般, 三菱, 統一) intact", () => {
    expect(codes(leave, LEAVE)).toEqual([]);
    const firms = { ...leave, answer: "三菱", distractors: ["三井", "住友", "一般"] };
    expect(codes(firms, LEAVE)).not.toContain("ANSWER_IN_DISTRACTORS");
    for (const word of ["一般", "三菱商事", "統一", "万一", "十分な", "百分比"]) {
      expect(normalizeForComparison(word), word).toBe(word);
    }
    expect(normalizeForComparison("第十九条")).toBe("第19条");
    expect(numbersIn({ text: "劳动合同期限一年以上不满三年的，试用期不得超过二个月" })).toEqual(["1", "3", "2"]);
  });
});

describe("quotes typed with another form of the same punctuation", () => {
  const RULES =
    "さくらマート会員規約\n第8条（注文の取消し）\n会員は、商品の発送前に限り、マイページから注文を取り消すことができる。\n" +
    "注文中の商品が発送された後は、注文の取消しはできず、返品の手続によるものとする。\n返品は商品到着後8日以内に申し出なければならない。";
  const q: CheckableQuestion = {
    question: "さくらマート会員規約で、返品の申出期限は商品到着後何日以内とされているか。",
    answer: "8日以内",
    distractors: ["3日以内", "14日以内", "30日以内"],
    citations: ["返品は商品到着後8日以内に申し出なければならない。"],
  };

  it("are found: ， or , for 、, ． or ｡ for 。", () => {
    for (const quote of [
      "注文中の商品が発送された後は，注文の取消しはできず，返品の手続によるものとする。",
      "注文中の商品が発送された後は, 注文の取消しはできず, 返品の手続によるものとする．",
      "注文中の商品が発送された後は､注文の取消しはできず､返品の手続によるものとする｡",
    ]) {
      expect(codes({ ...q, citations: [quote, ...(q.citations ?? [])] }, RULES), quote).toEqual([]);
    }
  });

  it("are still ungrounded when their words are not the passage's", () => {
    const quote = "注文中の商品が発送された後は，注文の取消しができ，返品の手続は不要とする。";
    expect(codes({ ...q, citations: [quote] }, RULES)).toContain("UNGROUNDED_QUOTE");
    expect(
      codes({ ...q, citations: ["会員は、商品の発送後に限り、マイページから注文を取り消すことができる。"] }, RULES),
    ).toContain("UNGROUNDED_QUOTE");
  });
});

describe('"all of the above" and "none of the above" as Japanese and Chinese exam writers phrase them', () => {
  const { source, clean } = CASES.ja as LanguageCase;

  it.each([
    "すべて正しい",
    "全て正しい",
    "すべて誤り",
    "全て誤り",
    "以上均不正確",
    "以上均不正确",
    "以上選項均正確",
    "以上选项均正确",
    "以上皆是",
    "以上說法都不正確",
  ])("catches %s", (option) => {
    const q = { ...clean, distractors: [...clean.distractors.slice(0, 2), option] };
    expect(codes(q, source)).toContain("ALL_OR_NONE_OF_THE_ABOVE");
  });
});
