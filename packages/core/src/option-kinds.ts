import { wordTokens } from "./normalize-text.js";
import { isFunctionWord } from "./phrase-lists.js";

/**
 * What kind of thing an option is, as far as rules can tell in any supported language:
 * - `percentage`, `amount` (a currency), `date`, `year`, `duration`, `number` (any other figure, with at most a unit):
 *   an option that is a value and nothing more;
 * - `text`: words with no figure at all;
 * - `mixed`: a figure inside a phrase ("It expires on 31 March"): no kind rules can compare.
 */
export type OptionKind = "percentage" | "amount" | "date" | "year" | "duration" | "number" | "text" | "mixed";

const words = (list: string) => new Set(list.split(" "));

const NUMBER_WORDS = words(
  "zero one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty hundred " +
    "thousand half once twice double triple " +
    "null eins ein eine zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig hundert tausend einmal zweimal " +
    "un une deux trois quatre cinq six sept huit neuf dix onze douze quinze vingt trente cent mille " +
    "uno una dos tres cuatro cinco seis siete ocho nueve diez once doce quince veinte treinta cien mil",
);
const SCALE_WORDS = words(
  "million millions billion billions thousand bn mn m k mio mrd millionen milliarde milliarden tausend milliard milliards " +
    "millón millones mil 万 萬 億 亿 千 百 兆",
);
const CURRENCY_WORDS = words(
  "eur euro euros usd dollar dollars gbp pound pounds sterling pence penny cent cents jpy yen chf franc francs cny rmb " +
    "yuan krw won inr rupee rupees 円 元 ドル ユーロ ポンド 美元 欧元 歐元 英镑 英鎊 日元 人民币 人民幣 ريال دينار درهم جنيه دولار يورو שקל שקלים ש״ח",
);
const PERCENT_WORDS = words(
  "percent per cent pct percentage percentages point points pp bp bps basis prozent prozentpunkt prozentpunkte pourcent pourcents porcentaje porcentual ciento パーセント ポイント 百分之 百分点 百分點 个百分点 個百分點 بالمئة بالمائة אחוז אחוזים",
);
const MONTHS = words(
  "january february march april may june july august september october november december jan feb mar apr jun jul aug sep " +
    "sept oct nov dec januar februar märz mai juni juli oktober dezember janvier février mars avril juin juillet août " +
    "septembre octobre novembre décembre enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
);
const TIME_UNITS = words(
  "second seconds minute minutes min mins hour hours hr hrs day days week weeks month months year years " +
    "sekunde sekunden minute minuten stunde stunden tag tage tagen woche wochen monat monate monaten jahr jahre jahren " +
    "arbeitstag arbeitstage arbeitstagen werktag werktage werktagen kalendertag kalendertage kalendertagen " +
    "seconde secondes heure heures jour jours semaine semaines mois an ans année années " +
    "segundo segundos minuto minutos hora horas día días dia dias semana semanas mes meses año años " +
    "秒 分 分間 時間 日 日間 週 週間 か月 ヶ月 カ月 ヵ月 箇月 年 年間 月 分钟 分鐘 小时 小時 天 周 星期 个月 個月 年度",
);
// Words around a figure that do not make it a phrase: "at least 30 days", "約480億円", "每12小时一次".
const QUANTITY_MODIFIERS = words(
  "about approximately approx around nearly almost roughly circa ca least most up within after before between from to " +
    "per every each over under less more than maximum minimum max only exactly fy fiscal financial q1 q2 q3 q4 h1 h2 " +
    "etwa rund ungefähr mindestens höchstens bis ab binnen innerhalb spätestens frühestens jeweils " +
    "environ moins plus jusqu dans après avant chaque maximum minimum " +
    "aproximadamente unos hasta dentro después antes menos más cada máximo mínimo " +
    "約 约 大约 大約 每 毎 以上 以下 以内 以內 未満 まで から 最大 最低 最高 至少 最多 不超过 超过 一次 1回 回",
);
// An option that denies a figure is a fair option for any figure question ("None", "No limit", "Unlimited").
const NEGATIONS = words(
  "no none nil never not unlimited zero kein keine keinen nie unbegrenzt aucun aucune jamais illimité sans ningún ninguno ninguna nunca ilimitado sin なし ない 無制限 無し 无 沒有 没有 不限 لا אין",
);

const NEGATIONS_AT_END = words("ない なし 無し ません 不要 无 沒有 没有");

const PERCENT_SIGN = /[%\u066A\u2030]/u;
const CURRENCY_SIGN = /\p{Sc}/u;
const NUMERIC_DATE = /(?<!\d)\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?!\d)|\d+\s*月\s*\d+\s*日|\d{2,4}\s*年\s*\d+\s*月/u;
const CJK_YEAR = /(?<!\d)(?:19|20)\d{2}\s*年度?(?![間\d])/u;
const CJK_DURATION =
  /\d\s*(?:日間|週間|か月|ヶ月|カ月|ヵ月|箇月|年間|時間|分間|小时|小時|分钟|分鐘|天|个月|個月|周|星期)/u;
const YEAR = /^(?:19|20)\d{2}$/u;
const DIGIT = /\p{Nd}/u;
// A figure as the segmenter returns it: digits, or an ordinal (1st, 2nd, 3e, 1er). "Scory1" or "FY2024" is not one.
const NUMBER_TOKEN = /^\p{Nd}+(?:st|nd|rd|th|er|e|re|º|ª)?$/u;
const CJK_NUMERAL = /[一二三四五六七八九十百千万萬億亿兩两]/u;

/**
 * Classifies an option (see {@link OptionKind}). Conservative: anything it cannot tell is `mixed`, and a bare figure
 * is `number`, which the kind check treats as compatible with every figure kind.
 *
 * @example
 * classifyOption({ text: "EUR 412 million" })   // "amount"
 * classifyOption({ text: "14.2%" })             // "percentage"
 * classifyOption({ text: "30 Arbeitstage" })    // "duration"
 * classifyOption({ text: "2024年3月31日" })       // "date"
 * classifyOption({ text: "物流費の削減" })         // "text"
 * classifyOption({ text: "It expires on 31 March" }) // "mixed"
 */
export function classifyOption(params: { text: string }): OptionKind {
  const raw = params.text.normalize("NFKC").toLowerCase();
  const tokens = wordTokens(params.text);
  if (tokens.length === 0) return "mixed";
  const isNumberToken = (t: string) => NUMBER_TOKEN.test(t) || NUMBER_WORDS.has(t);
  const hasFigure = DIGIT.test(raw) || tokens.some((t) => NUMBER_WORDS.has(t));
  if (!hasFigure) {
    // Kanji numerals inside words (一般, 十分) make a CJK option's kind uncertain.
    return CJK_NUMERAL.test(raw) ? "mixed" : "text";
  }
  let percentage = PERCENT_SIGN.test(raw);
  let amount = CURRENCY_SIGN.test(raw);
  let date = NUMERIC_DATE.test(raw);
  let duration = CJK_DURATION.test(raw);
  let year = CJK_YEAR.test(raw);
  let unitUsed = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    const afterNumber = i > 0 && (isNumberToken(tokens[i - 1] as string) || SCALE_WORDS.has(tokens[i - 1] as string));
    if (isNumberToken(t)) {
      if (YEAR.test(t) && (tokens[i - 1] === "fy" || tokens[i - 1] === "fiscal" || tokens[i + 1] === "年度"))
        year = true;
      continue;
    }
    if (SCALE_WORDS.has(t) || QUANTITY_MODIFIERS.has(t) || isFunctionWord({ word: t })) continue;
    if (PERCENT_WORDS.has(t)) percentage = true;
    else if (CURRENCY_WORDS.has(t)) amount = true;
    else if (MONTHS.has(t)) date = true;
    else if (TIME_UNITS.has(t) && afterNumber) {
      if (!/[年月日]/u.test(t) || CJK_DURATION.test(raw)) duration = true;
    } else if (afterNumber && !unitUsed)
      unitUsed = true; // a unit: "500 mg", "30 ملغ"
    else return "mixed";
  }
  if (percentage) return "percentage";
  if (amount) return "amount";
  if (date) return "date";
  if (year) return "year";
  if (duration) return "duration";
  return "number";
}

/**
 * True for an option that denies a figure ("None", "No limit", "Unlimited", "なし"): a fair option among figures.
 *
 * @example
 * isNegationOption({ text: "No notice is required" }) // true
 */
export function isNegationOption(params: { text: string }): boolean {
  const tokens = wordTokens(params.text);
  const first = tokens[0];
  const last = tokens.at(-1);
  // Japanese and Chinese deny at the end: 該当する勘定科目はない, 不需要.
  return (first !== undefined && NEGATIONS.has(first)) || (last !== undefined && NEGATIONS_AT_END.has(last));
}

const FAMILY: Record<OptionKind, string | undefined> = {
  percentage: "percentage",
  amount: "amount",
  date: "date",
  year: "date",
  duration: "duration",
  number: undefined,
  text: undefined,
  mixed: undefined,
};

/**
 * Why two option kinds cannot stand side by side in one question, or `undefined` when they can: a figure against
 * words, or two different kinds of figure (a percentage against an amount, a date against a duration). A bare number
 * goes with any figure, a year with a date, and `mixed` with anything.
 *
 * @example
 * kindConflict({ a: "amount", b: "text" })       // "figure vs words"
 * kindConflict({ a: "percentage", b: "amount" }) // "different figures"
 * kindConflict({ a: "number", b: "duration" })   // undefined
 */
export function kindConflict(params: {
  a: OptionKind;
  b: OptionKind;
}): "figure vs words" | "different figures" | undefined {
  const { a, b } = params;
  if (a === "mixed" || b === "mixed") return undefined;
  if ((a === "text") !== (b === "text")) return "figure vs words";
  const fa = FAMILY[a];
  const fb = FAMILY[b];
  if (fa !== undefined && fb !== undefined && fa !== fb) return "different figures";
  return undefined;
}
