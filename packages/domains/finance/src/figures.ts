/** A number found in financial text, with what is needed to compare it with others. */
export interface Figure {
  /** The text it was read from, e.g. `€412.6 million` or `(3.1)`. */
  raw: string;
  /** The number as written, signed: `(3.1)` and `-3.1` are -3.1; `412.6 million` is 412.6. */
  value: number;
  /** `value` times the scale word: `412.6 million` is 412,600,000. */
  absolute: number;
  /** Digits after the decimal point; sets the rounding tolerance when comparing. */
  decimals: number;
  /** Written as a percentage (`%`, `per cent`). */
  percent: boolean;
  /** A multiple such as `1.2x` or `3 times`. */
  multiple: boolean;
  /** A currency symbol or code is attached (`€412.6m`, `USD 3bn`). */
  currency: boolean;
  /** Followed by a counted noun (`2,140 employees`): a count, not an amount of money. */
  count: boolean;
  /** Part of a date, not an amount: a bare year between 1900 and 2100 (`2024`) or a day (`31 December`). */
  date: boolean;
}

const MONTH_AFTER =
  /^\s+(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b/u;
const MONTH_BEFORE =
  /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\s+$/u;

const SCALES: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};

const CURRENCY_CODES = "USD|EUR|GBP|JPY|CHF|CAD|AUD|NZD|CNY|HKD|SGD|INR|SEK|NOK|DKK|PLN|ZAR|BRL|MXN|KRW";
const CURRENCY_SYMBOL = String.raw`(?:US\$|A\$|C\$|NZ\$|HK\$|S\$|R\$|[$€£¥₹₩])`;

// sign, opening parenthesis (accounting negative), currency, digits, decimals, closing parenthesis, percent or
// multiple, scale word, then the next word (to tell counts such as "2,140 employees" from amounts).
// Japanese and Chinese write numbers against the words around them (売上高は486億円): a letter of those scripts before
// a number does not make it part of a code such as FY2024.
const CJK_LETTER = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]`;
const FIGURE = new RegExp(
  String.raw`(?<![\p{N}.,])(?<!(?!${CJK_LETTER})\p{L})(\()?([-−–])?\s?(${CURRENCY_SYMBOL}|(?:${CURRENCY_CODES})\s)?\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\))?` +
    String.raw`(?:\s?(%|per\s?cent\b|percent\b)|\s?(x\b|times\b))?(?:\s?(thousand|million|billion|trillion|bn|mn|tn|m|k|b)\b)?` +
    String.raw`(?:\s+(${CURRENCY_CODES})\b)?(?:\s+([a-z]+))?`,
  "gu",
);

/** Currency words that may follow an amount: `8.4 cents`, `12 euros`. */
const CURRENCY_AFTER = new Set("cents pence euro euros dollar dollars pound pounds yen francs rupees".split(" "));

/** Words that may follow an amount of money without making it a count. */
const NON_COUNT_WORDS = new Set(
  "and or of in at for to from on by per a an the was were is are rose fell up down compared versus vs against than".split(
    " ",
  ),
);

/**
 * Reads every figure in a piece of financial text: amounts with currency and scale (`€412.6 million`), accounting
 * negatives (`(3.1)`), percentages, multiples (`1.2x`), counts and the parts of dates.
 *
 * @example
 * extractFigures({ text: "Revenue was €412.6 million (2023: €388.0 million)" })
 *   .map((f) => f.value) // [412.6, 2023, 388]
 */
export function extractFigures(params: {
  /** Any text: a question, an answer, a quote. */
  text: string;
}): Figure[] {
  const figures: Figure[] = [];
  // NFKC: full-width digits and signs (４８６億円, －２．４％) are the same figures as half-width ones.
  const text = params.text.normalize("NFKC");
  for (const match of text.matchAll(FIGURE)) {
    const [
      ,
      open,
      sign,
      currencyBefore,
      integer = "",
      fraction = "",
      close,
      percent,
      multiple,
      scale,
      codeAfter,
      next,
    ] = match;
    const unsigned = Number(`${integer.replace(/,/gu, "")}${fraction}`);
    const negative = Boolean(sign) || Boolean(open && close);
    const value = negative ? -unsigned : unsigned;
    const scaleFactor = scale ? (SCALES[scale.toLowerCase()] ?? 1) : 1;
    const currency = Boolean(currencyBefore || codeAfter) || CURRENCY_AFTER.has(next?.toLowerCase() ?? "");
    const plainInteger = !fraction && !integer.includes(",") && !percent && !multiple && !scale && !currency;
    const end = (match.index ?? 0) + match[0].length - (next ? next.length : 0);
    const day =
      plainInteger &&
      unsigned >= 1 &&
      unsigned <= 31 &&
      (MONTH_AFTER.test(text.slice(end)) || MONTH_BEFORE.test(text.slice(0, match.index)));
    const year =
      !fraction &&
      !integer.includes(",") &&
      integer.length === 4 &&
      unsigned >= 1900 &&
      unsigned <= 2100 &&
      !percent &&
      !multiple &&
      !scale &&
      !currency;
    const count =
      !currency &&
      !percent &&
      !multiple &&
      !year &&
      !day &&
      next !== undefined &&
      !NON_COUNT_WORDS.has(next.toLowerCase());
    // Leave out the trailing word from `raw`: it was only read to tell counts from amounts.
    const raw = next ? match[0].slice(0, match[0].length - next.length).trimEnd() : match[0].trimEnd();
    figures.push({
      raw: raw.trim(),
      value,
      absolute: value * scaleFactor,
      decimals: fraction ? fraction.length - 1 : 0,
      percent: Boolean(percent),
      multiple: Boolean(multiple),
      currency,
      count,
      date: year || day,
    });
  }
  return figures;
}

const CURRENCY_WORDS = new RegExp(
  String.raw`${CURRENCY_SYMBOL}|\b(?:${CURRENCY_CODES})\b|\b(?:dollars?|euros?|pounds?(?:\s+sterling)?|sterling|yen|yuan|renminbi|francs?|rupees?|kron(?:a|e|or|er)|rand|reais|real|pesos?|won|cents?|pence)\b`,
  "iu",
);

/**
 * True when the text names a currency: a symbol (`€`, `$`), an ISO code (`EUR`) or a currency word (`euros`).
 *
 * @example
 * mentionsCurrency({ text: "What was revenue in euros for FY2024?" }) // true
 */
export function mentionsCurrency(params: {
  /** The text to look in. */
  text: string;
}): boolean {
  return CURRENCY_WORDS.test(params.text);
}
