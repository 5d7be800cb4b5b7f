import { BEYOND_ASCII, hasSpacelessScript, joinSpacelessScript, segmentWords } from "./text-units.js";

// Invisible marks that change no letter: bidi controls around numbers in Arabic and Hebrew text, zero-width spaces.
const INVISIBLE_MARKS = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu;
const DECIMAL_DIGIT = /\p{Nd}/u;

/**
 * NFKC, then every decimal digit as an ASCII digit: NFKC turns full-width `４８０` into `480` but leaves
 * Arabic-Indic `١٠٠٠` and Devanagari digits alone. Unicode lays out each set of decimal digits as a run 0 to 9.
 */
function canonicalForm(text: string): string {
  return text
    .normalize("NFKC")
    .replace(INVISIBLE_MARKS, "")
    .replace(/[^\P{Nd}0-9]/gu, (digit) => {
      let zero = digit.codePointAt(0) as number;
      while (DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
      return String(((digit.codePointAt(0) as number) - zero) % 10);
    });
}

const KANJI_DIGIT_VALUES: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const KANJI_POWER_VALUES: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const KANJI_NUMERAL = /[〇零一二两兩三四五六七八九十百千]/u;
const KANJI_NUMERAL_RUN = /(百分之|千分之)?([〇零一二两兩三四五六七八九十百千]+)/gu;
// What follows a figure in Japanese and Chinese: a counter or unit (日, 天, か月, 个月, 条, 円, 元, 倍, 割, 万, …). A
// kanji numeral is folded to digits only before one of these, after 第 (an ordinal: 第十九条), or standing alone
// (the whole option, or set off by punctuation): 一般, 三菱, 統一 and 万一 keep their kanji.
const COUNTER_AFTER =
  /^(?:[年月日天週周时時分秒歳岁歲个個回次人名件条條項项号號款章節节届屆円元圓圆倍割成度台本枚冊册杯錠粒片袋包箱瓶毫克升点點位份种種级級期页頁层層階家间間株社万萬亿億兆%‰]|[かヶケカヵ]月|[かヶケカヵ]所|[かヶケカヵ]国)/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** The value of a kanji numeral (十九 19, 二十 20, 一百零五 105, 二〇二三 2023), or undefined when it is not one. */
function kanjiNumeralValue(numeral: string): string | undefined {
  const chars = [...numeral];
  if (!chars.some((c) => c in KANJI_POWER_VALUES)) return chars.map((c) => KANJI_DIGIT_VALUES[c]).join("");
  let total = 0;
  let digit: number | undefined;
  let lastPower = Number.POSITIVE_INFINITY;
  for (const c of chars) {
    const power = KANJI_POWER_VALUES[c];
    if (power === undefined) {
      const value = KANJI_DIGIT_VALUES[c] as number;
      if (value === 0) {
        digit = undefined;
        continue;
      }
      if (digit !== undefined) return undefined;
      digit = value;
      continue;
    }
    if (power >= lastPower) return undefined;
    total += (digit ?? 1) * power;
    digit = undefined;
    lastPower = power;
  }
  return String(total + (digit ?? 0));
}

/**
 * Kanji numerals as digits where they are figures: before a counter or unit (三日 is 3日, 二个月 is 2个月), after 第
 * (第十九条 is 第19条), or standing alone; 百分之八十 is 80%. Words that contain these characters (一般, 三菱, 統一, 十分な)
 * are left alone. Applied after NFKC.
 */
function foldKanjiNumerals(text: string): string {
  if (!KANJI_NUMERAL.test(text)) return text;
  return text.replace(KANJI_NUMERAL_RUN, (match, percent: string | undefined, numeral: string, at: number) => {
    const after = text.slice(at + match.length);
    const before = text.slice(0, at);
    const value = kanjiNumeralValue(numeral);
    if (value === undefined) return match;
    if (percent !== undefined) return `${value}${percent === "百分之" ? "%" : "‰"}`;
    // 百分比, 十分な (enough), 十分に: 分 there is no minute.
    if (/^分[之比なにでだ]/u.test(after)) return match;
    const standsAlone = !LETTER_OR_DIGIT.test(before.slice(-1)) && !LETTER_OR_DIGIT.test(after.slice(0, 1));
    if (before.endsWith("第") || standsAlone || COUNTER_AFTER.test(after)) return value;
    return match;
  });
}

/**
 * The numbers written in a text, in order, as digit strings with `.` for every separator: NFKC and every decimal
 * digit set as ASCII first, so `４８０`, `١٠٠٠` and `480` are the same number and `0,45` is `0.45`; kanji numerals
 * that are figures (三日, 第十九条, 百分之八十) are numbers too. Unlike {@link normalizeForComparison}, decimals stay
 * whole (`14.2%` is `14.2`, not `14` and `2`).
 *
 * @example
 * numbersIn({ text: "EUR 0,45 je Aktie (２０２３)" }) // ["0.45", "2023"]
 * numbersIn({ text: "试用期不得超过六个月" })        // ["6"]
 */
export function numbersIn(params: { text: string }): string[] {
  return (foldKanjiNumerals(canonicalForm(params.text)).match(/\d+(?:[.,\u066B\u066C]\d+)*/gu) ?? []).map((n) =>
    n.replace(/[,\u066B\u066C]/gu, "."),
  );
}

/**
 * Text normalisation shared by every comparison in the quality checks, so "The Answer." and "the  answer" compare
 * equal everywhere: Unicode NFKC (full-width `４８０億円` is `480億円`; any decimal digits, `١٠٠٠`, are ASCII digits; kanji numerals that are figures,
 * `三日`, are digits), lower case, punctuation removed, runs of
 * whitespace collapsed, and no whitespace next to scripts written without spaces (`480 億円` is `480億円`).
 */
export function normalizeForComparison(text: string): string {
  // Words of ASCII letters and digits with single spaces (most options: "mermerva", "14 days") have nothing to fold
  // but their case.
  if (PLAIN_ASCII_WORDS.test(text)) return text.toLowerCase();
  return foldForComparison(text);
}

/** ASCII letters and digits in words separated by single spaces: {@link normalizeForComparison} only lowers them. */
const PLAIN_ASCII_WORDS = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/** {@link normalizeForComparison} without its fast path (exported for the test that compares the two). @internal */
export function foldForComparison(text: string): string {
  // ASCII text is its own canonical form (NFKC, invisible marks and other digit sets are all beyond ASCII) and holds
  // no script written without spaces: the folding below is all there is to do (this runs on every option of a set).
  const ascii = !BEYOND_ASCII.test(text);
  const folded = (ascii ? text : foldKanjiNumerals(canonicalForm(text)))
    .toLowerCase()
    // A sign is meaning, not punctuation: "-6.3%" and "6.3%" are different answers; so are Japanese accounts' ▲/△
    // ("▲500百万円", a loss) and accountants' parentheses ("(3.1)" is -3.1) around a number standing alone.
    .replace(/(^|[^\p{L}\p{N}])[-\u2212\u2012\u2013\u25B2\u25B3](?=\d)/gu, "$1 minus ")
    .replace(/(^|[^\p{L}\p{N}(])\((\d[\d.,]*)\)(?![\p{L}\p{N}])/gu, "$1 minus $2")
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
  return ascii ? folded : joinSpacelessScript({ text: folded });
}

/**
 * Case- and whitespace-insensitive form used for quote matching: punctuation is kept, because quotes are verbatim.
 * NFKC, and whitespace next to scripts written without spaces is dropped: a Japanese sentence wrapped over two lines
 * in the source still matches the quote copied on one line. Marks that are the same mark in another typography are
 * one: the ideographic comma and full stop (`、` `。`, typed as `，` `．` in some Japanese and Chinese writing, or as
 * `､` `｡` in half-width forms) are `,` and `.`, the wave dash `〜` is `~`.
 *
 * @example
 * normalizeForQuoteMatch("発送された後は，注文の取消しはできず．") === normalizeForQuoteMatch("発送された後は、注文の取消しはできず。") // true
 */
export function normalizeForQuoteMatch(text: string): string {
  return joinSpacelessScript({
    text: canonicalForm(text)
      .toLowerCase()
      // after NFKC: ， is ",", ． is ".", ､ is 、, ｡ is 。, ～ is ~
      .replace(/\u3001/gu, ",")
      .replace(/\u3002/gu, ".")
      .replace(/\u301C/gu, "~")
      .replace(/[\u2018\u2019\u201A\u201B]/gu, "'")
      .replace(/[\u201C\u201D\u201E\u201F]/gu, '"')
      .replace(/[\u2010-\u2015]/gu, "-")
      .replace(/\s+/gu, " ")
      .trim(),
  });
}

/**
 * Words of the comparison form, as the platform segments them (`Intl.Segmenter`): spaces separate English words,
 * ICU's dictionaries separate Japanese, Chinese and Thai ones.
 *
 * @example
 * wordTokens("年次有給休暇は何日？") // ["年次", "有給", "休暇", "は", "何", "日"]
 */
export function wordTokens(text: string): string[] {
  const normalized = normalizeForComparison(text);
  return normalized === "" ? [] : segmentWords({ text: normalized });
}

/**
 * Character n-gram shingles of the comparison form (the whole string when it is shorter than `size`).
 *
 * @example
 * characterShingles({ text: "Net margin", size: 5 }); // Set { "net m", "et ma", … }
 */
export function characterShingles(params: {
  /** The text to shingle (compared in its normalized form). */
  text: string;
  /** Shingle length in characters. Default 5. */
  size?: number;
}): Set<string> {
  const { text, size: n = 5 } = params;
  const normalized = normalizeForComparison(text);
  const shingles = new Set<string>();
  if (normalized.length <= n) {
    if (normalized !== "") shingles.add(normalized);
    return shingles;
  }
  for (let i = 0; i + n <= normalized.length; i++) shingles.add(normalized.slice(i, i + n));
  return shingles;
}

/**
 * Jaccard similarity of two sets (1 for two empty sets).
 *
 * @example
 * jaccard({ a: new Set([1, 2]), b: new Set([2, 3]) }); // 1/3
 */
export function jaccard<T>(params: {
  /** One set. */
  a: ReadonlySet<T>;
  /** The other set. */
  b: ReadonlySet<T>;
}): number {
  const { a, b } = params;
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

const STOPWORDS = new Set(
  (
    "a an the and or but nor not no of in on at to for from by with as into onto over under about than then that this these those " +
    "is are was were be been being am do does did done has have had having will would shall should can could may might must " +
    "what which who whom whose when where why how it its they them their there here he she his her him we our you your i me my " +
    "all any each also such only more most other some so too very one two per if"
  ).split(" "),
);

// Particles, auxiliaries and question endings of Japanese and Chinese as ICU segments them ("されますか" is
// さ|れ|ます|か): they carry no topic, and a question asked again with another particle is the same question.
const CJK_STOPWORDS = new Set(
  (
    "は が を に へ と で や の も か ね よ な から まで より など って けど ので のに " +
    "です でし でした ます まし ました ません だ だっ た て い いる い る れ られ さ せ し する した して され ある あり あっ ない なかっ なり なる " +
    "こと もの ため よう その この それ これ どの どれ いずれ どちら どう について における による によって として に対して " +
    "何 いくら どのくらい どのよう どんな なぜ いつ どこ 誰 什么 多少 哪个 哪些 怎么 如何 为什么 為什麼 谁 誰 何时 哪里 " +
    "的 了 是 在 和 与 及 或 吗 呢 吧 啊 之 其 为 為 于 於 被 把 将 將 由 对 對 从 從 也 都 就 而 并 並 又 该 該 这 這 那 哪 个 個 些 有 等"
  ).split(" "),
);

/**
 * True for function words that carry no topic: English ones, and the particles and auxiliaries of Japanese and
 * Chinese (which cannot be mistaken for words of another language).
 */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word) || CJK_STOPWORDS.has(word);
}

/** A light English stemmer: enough to equate "companies"/"company", "rates"/"rate", "rising"/"rise". */
export function stemWord(word: string): string {
  if (/\d/u.test(word) || word.length <= 3) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("ing") && word.length > 5) return word.slice(0, -3).replace(/(.)\1$/u, "$1");
  if (word.endsWith("ed") && word.length > 4) return word.slice(0, -2).replace(/(.)\1$/u, "$1");
  if (word.endsWith("es") && /(sh|ch|x|z|ss)es$/u.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is"))
    return word.slice(0, -1);
  return word;
}

/**
 * Stems of the words that carry meaning: no stopwords, no single letters (a single kanji is a word); numbers are kept
 * as they are.
 */
export function contentWordStems(text: string): string[] {
  return wordTokens(text)
    .filter((w) => /\d/u.test(w) || ((w.length > 1 || hasSpacelessScript({ text: w })) && !isStopword(w)))
    .map(stemWord);
}
