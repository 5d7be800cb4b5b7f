// What Node's ICU actually segments (Node 20, ICU 7x): these are the units every check counts and compares.
import { describe, expect, it } from "vitest";
import { scoreGrounding } from "./grounding.js";
import { foldForComparison, normalizeForComparison, normalizeForQuoteMatch, wordTokens } from "./normalize-text.js";
import { findPhrase } from "./phrase-lists.js";
import {
  countLettersAndDigits,
  detectLanguageFromScript,
  displayWidth,
  isMostlySpacelessScript,
  segmentWords,
} from "./text-units.js";

describe("segmentWords (Intl.Segmenter)", () => {
  it.each([
    ["ja", "2023年度の売上高は480億円", ["2023", "年度", "の", "売上", "高", "は", "480", "億", "円"]],
    ["ja", "上記のすべて", ["上記", "の", "すべて"]],
    ["zh", "以上都不是", ["以上", "都不是"]],
    ["zh", "公司净利润为多少亿元", ["公司", "净", "利润", "为", "多少", "亿", "元"]],
    ["th", "ยานี้ควรรับประทานหลังอาหาร", ["ยา", "นี้", "ควร", "รับ", "ประทาน", "หลัง", "อาหาร"]],
    ["ar", "ما هي الجرعة اليومية القصوى؟", ["ما", "هي", "الجرعة", "اليومية", "القصوى"]],
    ["he", "מה המינון היומי המרבי?", ["מה", "המינון", "היומי", "המרבי"]],
    ["de", "Keine der genannten Antworten.", ["Keine", "der", "genannten", "Antworten"]],
  ])("%s: %s", (_language, text, words) => {
    expect(segmentWords({ text })).toEqual(words);
  });

  it("splits ASCII words on their spaces exactly as Intl.Segmenter segments them (the fast path of English text)", () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: "word" });
    const reference = (text: string) => [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);
    // a fixed pseudo-random series: words of letters, digits and both, single spaces between them
    let state = 12345;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    const texts = [
      normalizeForComparison("The company's net margin rose to 14.2% in FY2023, e.g. from 12.1% (Q4: 3.5%)."),
      normalizeForComparison("Which of the following is NOT a covered benefit under plan B-12?"),
      "a",
      "7",
      "abc123def 4x4 x86 64bit",
    ];
    for (let t = 0; t < 2_000; t++) {
      const words = Array.from({ length: 1 + next(12) }, () =>
        Array.from({ length: 1 + next(9) }, () => alphabet[next(alphabet.length)]).join(""),
      );
      texts.push(words.join(" "));
    }
    for (const text of texts) expect(segmentWords({ text }), text).toEqual(reference(text));
    // anything else still goes to the segmenter: punctuation, double spaces, apostrophes, non-ASCII letters
    for (const text of ["don't stop", "a  b", " a", "3.14 pi", "café au lait", "e.g. this"]) {
      expect(segmentWords({ text }), text).toEqual(reference(text));
    }
  });

  it("normalizes plain ASCII words (the fast path) exactly as the full folding does", () => {
    let state = 4242;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    // any ASCII character now and then, so texts just outside the fast path are compared too
    for (let t = 0; t < 3_000; t++) {
      const text = Array.from({ length: next(30) }, () =>
        next(6) === 0 ? String.fromCharCode(next(128)) : next(5) === 0 ? " " : alphabet[next(alphabet.length)],
      ).join("");
      expect(normalizeForComparison(text), JSON.stringify(text)).toBe(foldForComparison(text));
    }
    for (const text of ["Mermerva", "14 days", "FY2023 Q4", "", " a", "a ", "a  b", "-6", "e.g.", "ＡＢＣ", "x\ty"]) {
      expect(normalizeForComparison(text), JSON.stringify(text)).toBe(foldForComparison(text));
    }
  });

  it("counts ASCII text (any of its 128 characters) as the Unicode rules do", () => {
    let state = 99;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    for (let t = 0; t < 2_000; t++) {
      const text = Array.from({ length: next(40) }, () => String.fromCharCode(next(128))).join("");
      expect(displayWidth({ text }), JSON.stringify(text)).toBe([...text.normalize("NFKC").trim()].length);
      expect(countLettersAndDigits({ text }), JSON.stringify(text)).toBe(
        [...text].filter((c) => /[\p{L}\p{N}]/u.test(c)).length,
      );
      expect(isMostlySpacelessScript({ text }), JSON.stringify(text)).toBe(false);
    }
  });

  it("reads full-width digits and letters as half-width after normalisation", () => {
    expect(normalizeForComparison("４８０億円")).toBe("480億円");
    expect(normalizeForComparison("ＡＢＣ社")).toBe("abc社");
    expect(wordTokens("売上高は４８０億円")).toEqual(["売上", "高", "は", "480", "億", "円"]);
  });

  it("reads Arabic-Indic digits as digits and drops bidi marks", () => {
    expect(normalizeForComparison("\u200F١٠٠٠ ملغ")).toBe("1000 ملغ");
    expect(normalizeForComparison("۱۲٫۵")).toBe("12 5");
  });

  it("drops spaces and line breaks inside Japanese text, keeps them between English words", () => {
    expect(normalizeForQuoteMatch("物流費の削減が\n寄与した")).toBe("物流費の削減が寄与した");
    expect(normalizeForComparison("480 億円")).toBe("480億円");
    expect(normalizeForComparison("net  revenue\nrose")).toBe("net revenue rose");
  });
});

describe("scoreGrounding with words the segmenter joins", () => {
  it("finds a number written against a unit or a kanji, and nothing else", () => {
    const source = "ルミナフェン錠200mg　患者向け説明書。1日の服用は3回（600mg）まで。";
    expect(scoreGrounding({ question: { answer: "200", citations: [] }, sourceText: source }).answerCoverage).toBe(1);
    expect(scoreGrounding({ question: { answer: "600mg", citations: [] }, sourceText: source }).answerCoverage).toBe(1);
    expect(scoreGrounding({ question: { answer: "20", citations: [] }, sourceText: source }).answerCoverage).toBe(0);
    expect(scoreGrounding({ question: { answer: "400mg", citations: [] }, sourceText: source }).answerCoverage).toBe(0);
  });

  it("reads an English number word and its digits as the same number, and no other", () => {
    const coverage = (answer: string, sourceText: string) =>
      scoreGrounding({ question: { answer, citations: [] }, sourceText }).answerCoverage;
    expect(coverage("Three", "Employees take leave in blocks of 3 days.")).toBe(1);
    expect(coverage("3 days", "Employees take leave in blocks of three days.")).toBe(1);
    expect(coverage("Twenty working days", "The notice period is 20 working days.")).toBe(1);
    expect(coverage("Four", "Employees take leave in blocks of 3 days.")).toBe(0);
    // a number on its own only: "three" is not in 13 or 3.5
    expect(coverage("Three", "Employees take leave in blocks of 13 days.")).toBe(0);
    expect(coverage("7", "Employees take leave in blocks of seventeen days.")).toBe(0);
  });
});

describe("script-aware measures", () => {
  it("tells scripts without spaces apart", () => {
    expect(isMostlySpacelessScript({ text: "2023年度の連結売上高はいくらでしたか。" })).toBe(true);
    expect(isMostlySpacelessScript({ text: "What was the net revenue of ABC社?" })).toBe(false);
    expect(isMostlySpacelessScript({ text: "ما الحد الأقصى للجرعة؟" })).toBe(false);
  });

  it("counts letters and digits, and widths with kanji as wide", () => {
    expect(countLettersAndDigits({ text: "有給休暇は何日？" })).toBe(7);
    expect(displayWidth({ text: "４８０億円" })).toBe(7);
    expect(displayWidth({ text: "EUR 412 million" })).toBe(15);
  });

  it("detects the language only where the script says it", () => {
    expect(detectLanguageFromScript({ texts: ["年次有給休暇は何日付与されますか？", "10日"] })).toBe("ja");
    expect(detectLanguageFromScript({ texts: ["阿莫西林的常规剂量为每次500毫克"] })).toBe("zh");
    expect(detectLanguageFromScript({ texts: ["ما الحد الأقصى للجرعة اليومية؟"] })).toBe("ar");
    expect(detectLanguageFromScript({ texts: ["מה המינון היומי המרבי?"] })).toBe("he");
    expect(detectLanguageFromScript({ texts: ["Wie hoch war der Umsatz?"] })).toBeUndefined();
    expect(detectLanguageFromScript({ texts: ["حداکثر دوز روزانه چقدر است؟"] })).toBeUndefined(); // Persian
    expect(detectLanguageFromScript({ texts: [] })).toBeUndefined();
  });
});

describe("findPhrase", () => {
  it.each([
    ["上記のすべて", "allOfTheAbove"],
    ["上記のすべてが正しい", "allOfTheAbove"],
    ["以上すべて", "allOfTheAbove"],
    ["いずれでもない", "noneOfTheAbove"],
    ["以上都是", "allOfTheAbove"],
    ["以上都不是", "noneOfTheAbove"],
    ["以上皆非", "noneOfTheAbove"],
    ["Alle genannten", "allOfTheAbove"],
    ["Keine der genannten Antworten", "noneOfTheAbove"],
    ["Aucune de ces réponses", "noneOfTheAbove"],
    ["Toutes les réponses ci-dessus", "allOfTheAbove"],
    ["Todas las anteriores", "allOfTheAbove"],
    ["Ninguna de las anteriores.", "noneOfTheAbove"],
    ["لا شيء مما سبق", "noneOfTheAbove"],
    ["אף אחת מהנ״ל", "noneOfTheAbove"],
  ])("%s is %s", (text, kind) => {
    expect(findPhrase({ text })?.kind).toBe(kind);
  });

  it.each([
    "Alle genannten Fristen verlängern sich um einen Monat",
    "すべて正しい手順で保管する",
    "以上の条件をすべて満たす者",
    "Toutes les 4 heures",
    "Ninguna sanción",
    "全部门",
  ])("leaves the standalone option %s alone", (text) => {
    expect(findPhrase({ text })).toBeUndefined();
  });

  it.each([
    ["What was revenue in fiscal 2023, according to the passage?", "en"],
    ["本文によると、売上高はいくらか。", "ja"],
    ["文中提到的给药间隔是多久？", "zh"],
    ["Wie viele Urlaubstage stehen laut dem Text zu?", "de"],
    ["D'après le texte, quelle est la dose maximale ?", "fr"],
  ])("finds a reference to the source anywhere in %s", (text, language) => {
    const match = findPhrase({ text, kinds: ["refersToSource"], position: "anywhere" });
    expect(match?.language).toBe(language);
    // an option is a reference only when it is one: the default position is the start of a short text
    expect(findPhrase({ text, kinds: ["refersToSource"] })).toBeUndefined();
  });

  it("finds references as whole words only, and never a statute's own 本文", () => {
    const anywhere = (text: string) => findPhrase({ text, kinds: ["refersToSource"], position: "anywhere" });
    expect(anywhere("What did the passage of the 2019 Act change?")).toBeUndefined();
    expect(anywhere("Which context applies under the textile rules?")).toBeUndefined();
    expect(anywhere("第40条本文に定める予告期間は何日か。")).toBeUndefined();
    expect(anywhere("上記の文章で、予告期間は何日か。")?.phrase).toBe("上記の文章");
  });
});
