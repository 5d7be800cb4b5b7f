import { normalizeForComparison, numbersIn, stemWord, wordTokens } from "./normalize-text.js";
import { isFunctionWord } from "./phrase-lists.js";
import { hasSpacelessScript } from "./text-units.js";

/**
 * What a text says, as the content checks compare it: its numbers (decimals whole, any digit set) and the stems of
 * its content words (no function word of any supported language, no single Latin letter; a kanji word can be one
 * character).
 */
export interface ContentUnits {
  numbers: string[];
  words: string[];
}

// Numbers written as words, where the word is not also an article ("un", "eine", "una" are left alone).
const NUMBER_WORD_VALUES = new Map<string, number>(
  [
    "one two three four five six seven eight nine ten eleven twelve",
    "eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf",
    "_ deux trois quatre cinq six _ huit neuf dix onze douze",
    "_ dos tres cuatro cinco seis siete ocho nueve diez _ doce",
  ].flatMap((line) =>
    line
      .split(" ")
      .map((word, i) => [word, i + 1] as [string, number])
      .filter(([word]) => word !== "_"),
  ),
);

// A short answer that says yes or no: no quote or stem "contains" it in a way rules can judge.
const YES_NO = new Set(
  "yes no true false ja nein wahr falsch oui non vrai faux sí si verdadero falso はい いいえ 正しい 誤り 是 否 对 錯 错 對".split(
    " ",
  ),
);

/**
 * The content units of a text.
 *
 * @example
 * contentUnits({ text: "Net revenue was EUR 412.5 million" }) // { numbers: ["412.5"], words: ["net", "revenue", "eur", "million"] }
 * contentUnits({ text: "売上高は480億円" }).words                // ["売上", "高", "億", "円"]
 */
export function contentUnits(params: { text: string }): ContentUnits {
  const tokens = wordTokens(params.text);
  const words = tokens
    .filter((w) => !/^\d+$/u.test(w) && !NUMBER_WORD_VALUES.has(w))
    .filter((w) => (w.length > 1 || hasSpacelessScript({ text: w })) && !isFunctionWord({ word: w }))
    .map(stemWord);
  // "three" and "3" are the same figure: a quote that says "3 free withdrawals" supports the answer "Three".
  const spelled = tokens.flatMap((w) => {
    const value = NUMBER_WORD_VALUES.get(w);
    return value === undefined ? [] : [String(value)];
  });
  return { numbers: [...numbersIn({ text: params.text }), ...spelled], words: [...new Set(words)] };
}

/** True when the text is only a yes or a no ("Yes", "Nein", "いいえ"). */
export function isYesOrNo(params: { text: string }): boolean {
  const form = normalizeForComparison(params.text);
  return form !== "" && YES_NO.has(form);
}

// German and French inflect where the light English stemmer does not: "Arbeitstage" / "Arbeitstagen".
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.length - short.length <= 2 && long.startsWith(short);
}

/**
 * A text to look content units up in: a word is present when the text has the same word (or, for German or French
 * inflection, one that differs only in a short ending), or, in a script written without spaces, when its
 * characters occur anywhere in the text (the segmenter may cut them differently there); a number is present when the
 * text writes the same number.
 *
 * @example
 * const quotes = new ContentHaystack({ text: "Net revenue for fiscal 2023 was EUR 412 million" });
 * quotes.hasWord("revenue") // true
 * quotes.hasNumber("412")   // true
 */
export class ContentHaystack {
  readonly units: ContentUnits;
  private readonly words: Set<string>;
  private readonly numbers: Set<string>;
  private readonly compact: string;

  constructor(params: { text: string }) {
    this.units = contentUnits(params);
    this.words = new Set(this.units.words);
    this.numbers = new Set(this.units.numbers);
    this.compact = normalizeForComparison(params.text).replace(/ /gu, "");
  }

  /** True when the word (a stem of {@link contentUnits}) is in the text. */
  hasWord(word: string): boolean {
    if (this.words.has(word)) return true;
    if (hasSpacelessScript({ text: word })) return this.compact.includes(word);
    for (const w of this.words) if (sameWord(w, word)) return true;
    return false;
  }

  /** True when the number (as {@link contentUnits} writes it) is in the text. */
  hasNumber(number: string): boolean {
    return this.numbers.has(number);
  }

  /** True when the unit, a number or a word, is in the text. */
  has(unit: Unit): boolean {
    return unit.kind === "number" ? this.hasNumber(unit.value) : this.hasWord(unit.value);
  }
}

/** One content unit: a number or a word stem. */
export interface Unit {
  kind: "number" | "word";
  value: string;
}

/** The units of a text as one list, numbers first. */
export function unitList(units: ContentUnits): Unit[] {
  return [
    ...units.numbers.map((value) => ({ kind: "number" as const, value })),
    ...units.words.map((value) => ({ kind: "word" as const, value })),
  ];
}

/**
 * For each option, the units that set it apart: those not shared by every option. "30 Arbeitstage" among
 * "24 Arbeitstage" and "28 Arbeitstage" is set apart by `30` alone.
 *
 * @example
 * distinguishingUnits({ options: ["EUR 412 million", "EUR 381 million"] })[0] // [{ kind: "number", value: "412" }]
 */
export function distinguishingUnits(params: { options: readonly string[] }): Unit[][] {
  const haystacks = params.options.map((text) => new ContentHaystack({ text }));
  return haystacks.map((own) =>
    unitList(own.units).filter((unit) => !haystacks.every((other) => other === own || other.has(unit))),
  );
}
