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
  /** A currency symbol, code or word is attached (`€412.6m`, `USD 3bn`, `486億円`, `1500万元`). */
  currency: boolean;
  /** Followed by a counted noun (`2,140 employees`): a count, not an amount of money. */
  count: boolean;
  /**
   * Part of a date, not an amount: a bare year between 1900 and 2100 (`2024`, `2024年`) or a day (`31 December`). A
   * number followed by a Japanese or Chinese magnitude, currency, unit or counter (`2000万元`, `2000毫克`) is not one.
   */
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
// Japanese and Chinese magnitudes written after the number (486億円, 1500万元, ▲500百万円), longest first.
const CJK_SCALES: Record<string, number> = {
  千万: 1e7,
  千萬: 1e7,
  百万: 1e6,
  百萬: 1e6,
  十万: 1e5,
  十萬: 1e5,
  万: 1e4,
  萬: 1e4,
  千: 1e3,
  億: 1e8,
  亿: 1e8,
  兆: 1e12,
};
// Currencies written after the number: 円, 元, 圓, 美元, 米ドル, 人民币… (longest first, so 美元 is not read as 元).
const CJK_CURRENCY_AFTER =
  "米ドル|ドル|ユーロ|ポンド|ウォン|人民元|人民币|人民幣|新台币|新台幣|台币|台幣|美元|欧元|歐元|日元|日圓|港元|港币|港幣|韩元|韓元|英镑|英鎊|円|元|圓";
const FIGURE = new RegExp(
  String.raw`(?<![\p{N}.,])(?<!(?!${CJK_LETTER})\p{L})(\()?([-−–▲△])?\s?(${CURRENCY_SYMBOL}|(?:${CURRENCY_CODES}|RMB)\s?)?\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\))?` +
    String.raw`(?:\s?(%|per\s?cent\b|percent\b|パーセント)|\s?(x\b|times\b|倍))?(?:\s?(thousand|million|billion|trillion|bn|mn|tn|m|k|b)\b)?` +
    `(${Object.keys(CJK_SCALES).join("|")})?(${CJK_CURRENCY_AFTER})?` +
    String.raw`(?:\s+(${CURRENCY_CODES})\b)?(?:\s+([a-z]+))?`,
  "gu",
);

/** Japanese and Chinese counters (`2,140名`, `35店`, `3か月`): a count, not an amount of money. */
const CJK_COUNTER = /^(?:人|名|社|件|店|台|個|个|家|位|株|口|回|次|日|天|か月|ヶ月|カ月|ケ月|箇月|个月|個月|週|周)/u;
/** What may follow a year written in Japanese or Chinese: 2024年, 2024年度, 2024財年, 2024会計年度. */
const CJK_AFTER_YEAR = /^(?:年|財|财|会計|會計)/u;
const CJK_LETTER_AT_START = new RegExp(`^${CJK_LETTER}`, "u");

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
  let previousCjkScale = 0;
  let previousEnd = -1;
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
      cjkScale,
      cjkCurrency,
      codeAfter,
      next,
    ] = match;
    const unsigned = Number(`${integer.replace(/,/gu, "")}${fraction}`);
    const negative = Boolean(sign) || Boolean(open && close);
    const value = negative ? -unsigned : unsigned;
    const scaleFactor = (scale ? (SCALES[scale.toLowerCase()] ?? 1) : 1) * (cjkScale ? (CJK_SCALES[cjkScale] ?? 1) : 1);
    const currency =
      Boolean(currencyBefore || cjkCurrency || codeAfter) || CURRENCY_AFTER.has(next?.toLowerCase() ?? "");
    const plainInteger =
      !fraction && !integer.includes(",") && !percent && !multiple && !scale && !cjkScale && !currency;
    const end = (match.index ?? 0) + match[0].length - (next ? next.length : 0);
    const after = text.slice(end);
    // 2024年 is a year; 2000万元, 2000毫克 or 2000人 are not, whatever the number.
    const cjkUnitAfter = CJK_LETTER_AT_START.test(after) && !CJK_AFTER_YEAR.test(after);
    const cjkCount = !currency && !percent && !multiple && CJK_COUNTER.test(after);
    const before = text.slice(0, match.index);
    const day =
      plainInteger &&
      unsigned >= 1 &&
      unsigned <= 31 &&
      (MONTH_AFTER.test(after) ||
        MONTH_BEFORE.test(before) ||
        // 3月期, 12月31日: the month and day of a Japanese or Chinese date
        (unsigned <= 12 && /^月(?!額|末残)/u.test(after)) ||
        (/^[日号號]/u.test(after) && /\d\s?月\s?$/u.test(before)));
    const year = plainInteger && integer.length === 4 && unsigned >= 1900 && unsigned <= 2100 && !cjkUnitAfter;
    const count =
      cjkCount ||
      (!currency &&
        !percent &&
        !multiple &&
        !year &&
        !day &&
        next !== undefined &&
        !NON_COUNT_WORDS.has(next.toLowerCase()));
    // Leave out the trailing word from `raw`: it was only read to tell counts from amounts.
    const raw = next ? match[0].slice(0, match[0].length - next.length).trimEnd() : match[0].trimEnd();
    // 3億2,000万円 is one amount written in two parts: join it to the part before, in the smaller unit.
    const previous = figures.at(-1);
    if (
      previous !== undefined &&
      cjkScale &&
      !sign &&
      !percent &&
      !multiple &&
      previousCjkScale > scaleFactor &&
      previousEnd === match.index
    ) {
      const absolute = previous.absolute + Math.sign(previous.absolute || 1) * unsigned * scaleFactor;
      previous.raw = `${previous.raw}${raw.trim()}`;
      previous.value = absolute / scaleFactor;
      previous.absolute = absolute;
      previous.decimals = fraction ? fraction.length - 1 : 0;
      previous.currency = previous.currency || currency;
      previousCjkScale = scaleFactor;
      previousEnd = end;
      continue;
    }
    previousCjkScale = cjkScale && !percent && !multiple ? scaleFactor : 0;
    previousEnd = end;
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

// Japanese and Chinese currency words. 元 and 圓 also start ordinary words (元本, 单元, 公元), so alone they count only
// after a number, a magnitude or a question word (1500万元, 多少元, 単位：百万元); 円 not in 円滑, 円満, 円形.
const CJK_CURRENCY_WORDS =
  /米ドル|ドル|ユーロ|ポンド|ウォン|人民元|人民[币幣]|新?[台臺][币幣]|美元|[欧歐]元|日[元圓]|港[元币幣]|[韩韓]元|英[镑鎊]|RMB|円(?![滑満形])|(?:[\d万萬亿億千百]|多少|几|幾|[单單]位[：:]?)\s?[元圓]/u;

/**
 * True when the text names a currency: a symbol (`€`, `$`), an ISO code (`EUR`) or a currency word (`euros`, `円`,
 * `人民币`, `多少元`).
 *
 * @example
 * mentionsCurrency({ text: "What was revenue in euros for FY2024?" }) // true
 * mentionsCurrency({ text: "2024年3月期の1株当たり配当金は何円か" }) // true
 */
export function mentionsCurrency(params: {
  /** The text to look in. */
  text: string;
}): boolean {
  const text = params.text.normalize("NFKC");
  return CURRENCY_WORDS.test(text) || CJK_CURRENCY_WORDS.test(text);
}
