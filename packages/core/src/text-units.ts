/**
 * Language-aware text units: what the quality checks, the grounding score and near-duplicate detection count and
 * compare. Words come from the platform's word segmentation (`Intl.Segmenter`, which Node's ICU segments with
 * dictionaries for Japanese, Chinese, Thai, Lao, Khmer and Burmese), never from splitting on spaces, so a language
 * written without spaces between words gets real words too.
 */

// Whether a writing system separates words with spaces is a property of the script that Intl does not expose:
// this is the one script list the units need (for joining wrapped lines and for length thresholds), not a tokenizer.
const SPACELESS_CHAR =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u3005\u30FC]/u;
// East Asian wide characters take about two Latin characters' room and carry about as much meaning.
const WIDE_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3005\u30FC]/u;
const SPACE_AFTER_SPACELESS = new RegExp(`(?<=${SPACELESS_CHAR.source})\\s+`, "gu");
const SPACE_BEFORE_SPACELESS = new RegExp(`\\s+(?=${SPACELESS_CHAR.source})`, "gu");
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;
/**
 * Any UTF-16 code unit beyond ASCII: ASCII text has no wide characters and no script written without spaces, and is
 * its own NFKC form (the normalisation's fast path uses it too).
 */
export const BEYOND_ASCII = /[\u0080-\uFFFF]/;

let wordSegmenter: Intl.Segmenter | undefined;
/**
 * ASCII words (letters and digits) with one space between each: the comparison form of English text. Unicode's word
 * rules (UAX #29) keep a run of letters and digits together (WB5, WB8–WB10) and break at each space, so each of these
 * words is one segment.
 */
const ASCII_WORDS_AND_SPACES = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/**
 * Removes the whitespace next to characters of scripts written without spaces: a line break inside a Japanese
 * sentence, or `480 億円` typed with a space, is not a word boundary there.
 *
 * @example
 * joinSpacelessScript({ text: "売上高は\n480億円" }) // "売上高は480億円"
 */
export function joinSpacelessScript(params: { text: string }): string {
  return params.text.replace(SPACE_AFTER_SPACELESS, "").replace(SPACE_BEFORE_SPACELESS, "");
}

/** True when the text (a word, an option) contains a character of a script written without spaces. */
export function hasSpacelessScript(params: { text: string }): boolean {
  return SPACELESS_CHAR.test(params.text);
}

/**
 * True when most letters of the text belong to scripts written without spaces (Japanese, Chinese, Thai, …): its
 * length rules count characters, not words.
 *
 * @example
 * isMostlySpacelessScript({ text: "年次有給休暇は何日ですか" }) // true
 */
export function isMostlySpacelessScript(params: { text: string }): boolean {
  if (!BEYOND_ASCII.test(params.text)) return false;
  let spaceless = 0;
  let letters = 0;
  for (const char of params.text) {
    if (!LETTER_OR_NUMBER.test(char)) continue;
    letters++;
    if (SPACELESS_CHAR.test(char)) spaceless++;
  }
  return letters > 0 && spaceless * 2 >= letters;
}

/**
 * Word-like segments of a text as the platform segments them (`Intl.Segmenter`, granularity `word`), punctuation
 * and spaces left out. The text is taken as it is; normalise it first when comparing.
 *
 * @example
 * segmentWords({ text: "売上高は480億円" }) // ["売上", "高", "は", "480", "億", "円"]
 */
export function segmentWords(params: { text: string }): string[] {
  // The checks segment every option, question and passage they compare: a text of ASCII words and single spaces (all
  // English text once normalised) is split on its spaces, the segments Intl.Segmenter gives, at a tenth of its cost.
  if (ASCII_WORDS_AND_SPACES.test(params.text)) return params.text.split(" ");
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: "word" });
  const words: string[] = [];
  for (const segment of wordSegmenter.segment(params.text)) {
    if (segment.isWordLike) words.push(segment.segment);
  }
  return words;
}

/**
 * Letters and digits in a text, counted as a reader sees them (code points, after NFKC: `４８０` is 3).
 *
 * @example
 * countLettersAndDigits({ text: "有給休暇は何日？" }) // 7
 */
export function countLettersAndDigits(params: { text: string }): number {
  if (!BEYOND_ASCII.test(params.text)) return params.text.match(/[A-Za-z0-9]/g)?.length ?? 0;
  let n = 0;
  for (const char of params.text.normalize("NFKC")) if (LETTER_OR_NUMBER.test(char)) n++;
  return n;
}

/**
 * Length of a text in Latin-character widths: an East Asian wide character (kanji, kana, hangul) counts 2, so
 * length rules written for English measure Japanese, Chinese and Korean options fairly. Full-width digits and
 * letters count 1 (NFKC).
 *
 * @example
 * displayWidth({ text: "４８０億円" }) // 7
 */
export function displayWidth(params: { text: string }): number {
  if (!BEYOND_ASCII.test(params.text)) return params.text.trim().length;
  let width = 0;
  for (const char of params.text.normalize("NFKC").trim()) width += WIDE_CHAR.test(char) ? 2 : 1;
  return width;
}

const SCRIPT_LANGUAGES: readonly (readonly [RegExp, string])[] = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, "ja"],
  [/\p{Script=Hangul}/u, "ko"],
  [/\p{Script=Han}/u, "zh"],
  [/\p{Script=Thai}/u, "th"],
  [/\p{Script=Hebrew}/u, "he"],
  [/\p{Script=Greek}/u, "el"],
  [/\p{Script=Arabic}/u, "ar"],
];
// Letters only Persian and Urdu use among Arabic-script languages: there, the script does not say the language.
const NOT_ARABIC = /[\u067E\u0686\u0698\u06AF\u06A9\u06CC\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06D2]/u;

/**
 * The language of a set of texts when their script says it: Japanese (any kana), Chinese (Han without kana), Korean,
 * Thai, Hebrew, Greek, Arabic. `undefined` for Latin, Cyrillic and other scripts shared by many languages: ask the
 * user then. Decided by the script most of the letters are in.
 *
 * @example
 * detectLanguageFromScript({ texts: ["年次有給休暇は何日付与されますか？"] }) // "ja"
 * detectLanguageFromScript({ texts: ["Wie hoch war der Umsatz?"] })        // undefined
 */
export function detectLanguageFromScript(params: { texts: Iterable<string> }): string | undefined {
  const counts = new Map<string, number>();
  let letters = 0;
  let kana = 0;
  let han = 0;
  let notArabic = false;
  for (const text of params.texts) {
    for (const char of text) {
      if (!/\p{L}/u.test(char)) continue;
      letters++;
      if (NOT_ARABIC.test(char)) notArabic = true;
      const hit = SCRIPT_LANGUAGES.find(([pattern]) => pattern.test(char));
      if (!hit) continue;
      if (hit[1] === "ja") kana++;
      if (hit[1] === "zh") han++;
      counts.set(hit[1], (counts.get(hit[1]) ?? 0) + 1);
    }
  }
  if (letters === 0) return undefined;
  // Japanese mixes kanji and kana: both count for Japanese once there is any kana at all.
  if (kana > 0) {
    counts.set("ja", kana + han);
    counts.delete("zh");
  }
  let best: [string, number] | undefined;
  for (const entry of counts) if (!best || entry[1] > best[1]) best = entry;
  if (!best || best[1] * 2 < letters) return undefined;
  if (best[0] === "ar" && notArabic) return undefined;
  return best[0];
}
