import { isStopword, normalizeForComparison, wordTokens } from "./normalize-text.js";
import { hasSpacelessScript, segmentWords } from "./text-units.js";

/**
 * The kinds of phrase the phrase-based checks look for: options that refer to the other options
 * (`allOfTheAbove`, `noneOfTheAbove`), and question stems that refer to a source the reader never sees
 * (`refersToSource`: "according to the passage", 本文によると, 根据上文).
 */
export type PhraseKind = "allOfTheAbove" | "noneOfTheAbove" | "refersToSource";

/** Every phrase kind, for validating a plugin's `phrases`. */
export const PHRASE_KINDS: readonly PhraseKind[] = Object.freeze(["allOfTheAbove", "noneOfTheAbove", "refersToSource"]);

// English stems that send the reader to a text they do not have. "in"/"from" only with nouns that cannot be the
// subject of the question ("in the document" can be "what must be stated in the document"): see README.
const EN_SOURCE_NOUNS = ["passage", "text", "excerpt", "extract", "source text", "above"];
const EN_STRONG_NOUNS = [...EN_SOURCE_NOUNS, "document", "source", "paragraph", "article", "author", "reading"];
const EN_STRONG_PREPOSITIONS = [
  "according to",
  "based on",
  "as stated in",
  "as described in",
  "as mentioned in",
  "as shown in",
  "as discussed in",
  "as explained in",
  "as outlined in",
  "as per",
  "referring to",
];
const EN_REFERS_TO_SOURCE = [
  ...EN_STRONG_PREPOSITIONS.flatMap((p) => EN_STRONG_NOUNS.map((n) => `${p} the ${n}`)),
  ...["in", "from"].flatMap((p) => EN_SOURCE_NOUNS.map((n) => `${p} the ${n}`)),
  ...["passage", "text", "excerpt", "extract", "paragraph", "document"].flatMap((n) => [
    `the ${n} above`,
    `the above ${n}`,
    `the given ${n}`,
    `the provided ${n}`,
    `the preceding ${n}`,
    `the following ${n}`,
  ]),
  "this passage",
  "this excerpt",
  "this extract",
];

// Japanese stems that cite a document the reader does not have: 上記の規約によれば, この説明書によると.
const JA_DOCUMENT_NOUNS = [
  "規約",
  "説明書",
  "説明文",
  "文章",
  "資料",
  "文書",
  "記事",
  "本文",
  "抜粋",
  "報告書",
  "添付文書",
  "案内",
  "条文",
  "規定",
  "記載",
  "記述",
  "内容",
  "説明",
];
// この only with nouns that name a text (この規定 may point back to a rule the question itself names).
const JA_THIS_DOCUMENT_NOUNS = ["規約", "説明書", "説明文", "文章", "資料", "文書", "記事", "本文", "抜粋", "報告書"];
const JA_ACCORDING_TO = ["によれば", "によると"];
const JA_REFERS_TO_SOURCE = [
  ...["上記の", "上記", "上の", "以上の"].flatMap((p) =>
    JA_DOCUMENT_NOUNS.flatMap((n) => JA_ACCORDING_TO.map((a) => `${p}${n}${a}`)),
  ),
  ...JA_THIS_DOCUMENT_NOUNS.flatMap((n) => JA_ACCORDING_TO.map((a) => `この${n}${a}`)),
];

// Simplified and Traditional forms of the characters in the Chinese phrases: every phrase is listed in both scripts.
const SIMPLIFIED_TRADITIONAL = [
  ["对", "對"],
  ["确", "確"],
  ["选", "選"],
  ["项", "項"],
  ["据", "據"],
  ["资", "資"],
  ["内", "內"],
  ["说", "說"],
  ["错", "錯"],
  ["误", "誤"],
  ["题", "題"],
  ["这", "這"],
];
const TO_TRADITIONAL = new Map(SIMPLIFIED_TRADITIONAL.map(([s, t]) => [s, t] as [string, string]));
const TO_SIMPLIFIED = new Map(SIMPLIFIED_TRADITIONAL.map(([s, t]) => [t, s] as [string, string]));

/** The phrases, each in Simplified and Traditional characters, without repeats. */
function inBothChineseScripts(phrases: readonly string[]): string[] {
  const convert = (phrase: string, map: Map<string, string>) => [...phrase].map((c) => map.get(c) ?? c).join("");
  return [...new Set(phrases.flatMap((p) => [p, convert(p, TO_TRADITIONAL), convert(p, TO_SIMPLIFIED)]))];
}

const ZH_ACCORDING_TO = ["根据", "依据", "按照"];
const ZH_SOURCE_NOUNS = [
  "上文",
  "本文",
  "文章",
  "短文",
  "材料",
  "原文",
  "文本",
  "段落",
  "以上",
  "上述材料",
  "上述内容",
  "上述资料",
  "上述文字",
  "上述文章",
  "以上材料",
  "以上内容",
  "以上资料",
];

/** Phrases by language code (`"ja"`, `"pt-BR"`) and kind. A domain plugin adds its own in the same shape. */
export type PhraseLists = Readonly<Record<string, Readonly<Partial<Record<PhraseKind, readonly string[]>>>>>;

/**
 * The built-in phrase lists, as exam writers of each language phrase these options. Matching ignores case,
 * width (full-width and half-width forms), punctuation and spacing; a phrase matches an option that starts with it
 * and adds at most a few words ("上記のすべてが正しい", "Alle genannten Antworten sind richtig").
 */
export const BUILTIN_PHRASE_LISTS: PhraseLists = Object.freeze({
  en: {
    allOfTheAbove: ["all of the above", "all the above", "all of these", "all of the options", "all of the answers"],
    noneOfTheAbove: ["none of the above", "none of these", "none of the options", "none of the answers"],
    refersToSource: EN_REFERS_TO_SOURCE,
  },
  ja: {
    allOfTheAbove: [
      "上記のすべて",
      "上記すべて",
      "上記の全て",
      "上記全て",
      "以上のすべて",
      "以上すべて",
      "以上の全て",
      "以上全て",
      "上記のいずれも正しい",
      "いずれも正しい",
      "選択肢のすべて",
      "全部正しい",
      "すべて正しい",
      "全て正しい",
      "すべてが正しい",
      "全てが正しい",
    ],
    noneOfTheAbove: [
      "上記のいずれでもない",
      "上記のどれでもない",
      "上記のいずれも正しくない",
      "上記のいずれも該当しない",
      "以上のいずれでもない",
      "以上のどれでもない",
      "いずれでもない",
      "どれでもない",
      "いずれも誤り",
      "いずれも正しくない",
      "該当なし",
      "該当するものはない",
      "正しいものはない",
      "すべて誤り",
      "全て誤り",
      "すべて誤っている",
      "全て誤っている",
      "すべて正しくない",
      "全て正しくない",
    ],
    refersToSource: [
      "本文によると",
      "本文によれば",
      "本文では",
      "本文中",
      "本文で述べ",
      "本文に記載",
      "本文に書かれ",
      "本文の内容",
      "本文の記述",
      "上記の文章",
      "上の文章",
      "上記の本文",
      "上記の資料",
      "上記の文書",
      "文章によると",
      "文章によれば",
      "文章中",
      "資料によると",
      "資料によれば",
      "文書によると",
      "文書によれば",
      "文中の",
      "文中で",
      "文中に",
      ...JA_REFERS_TO_SOURCE,
    ],
  },
  zh: {
    allOfTheAbove: inBothChineseScripts([
      "以上都是",
      "以上皆是",
      "以上全是",
      "以上均是",
      "以上全部",
      "以上都对",
      "以上都對",
      "以上均正确",
      "以上都正确",
      "上述都是",
      "上述全部",
      "上述皆是",
      "以上各项都是",
      "以上選項皆是",
      "以上选项都是",
      "以上选项均正确",
      "以上选项都正确",
      "以上皆正确",
      "以上全部正确",
      "以上说法都正确",
      "以上说法均正确",
      "以上各项均正确",
      "全部正确",
      "都正确",
    ]),
    noneOfTheAbove: inBothChineseScripts([
      "以上都不是",
      "以上皆非",
      "以上皆不是",
      "以上均不是",
      "以上都不对",
      "以上都不對",
      "以上都不正确",
      "以上均不正确",
      "上述都不是",
      "上述皆非",
      "以上选项都不对",
      "以上選項皆非",
      "以上皆不正确",
      "以上都不正确",
      "以上选项均不正确",
      "以上选项都不正确",
      "以上说法都不正确",
      "以上说法均不正确",
      "以上皆错",
      "以上都错",
      "以上均错误",
      "都不正确",
    ]),
    refersToSource: inBothChineseScripts([
      ...ZH_ACCORDING_TO.flatMap((a) => ZH_SOURCE_NOUNS.map((n) => `${a}${n}`)),
      "根据上文",
      "根據上文",
      "根据本文",
      "根據本文",
      "根据文章",
      "根據文章",
      "根据短文",
      "根据材料",
      "根據材料",
      "根据原文",
      "根據原文",
      "根据文本",
      "根据段落",
      "根据以上",
      "根據以上",
      "根据上述材料",
      "根据上述内容",
      "上文",
      "文中提到",
      "文中提及",
      "文中所述",
      "文中指出",
      "本文中",
      "原文中",
      "短文中",
      "材料中",
      "上述材料",
      "上述文字",
    ]),
  },
  de: {
    allOfTheAbove: [
      "alle genannten",
      "alle oben genannten",
      "alle der genannten",
      "alle vorgenannten",
      "alle obigen",
      "alles oben genannte",
      "alles genannte",
      "alle antworten sind richtig",
      "alle aussagen sind richtig",
    ],
    noneOfTheAbove: [
      "keine der genannten",
      "keine der oben genannten",
      "keine der vorgenannten",
      "keine der obigen",
      "keine der antworten",
      "keine der antwortmöglichkeiten",
      "keine davon",
      "nichts davon",
      "keine antwort ist richtig",
      "keine der aussagen ist richtig",
    ],
    refersToSource: [
      "laut text",
      "laut dem text",
      "laut passage",
      "laut dokument",
      "laut dem dokument",
      "laut dem abschnitt oben",
      "dem text zufolge",
      "gemäß dem text",
      "gemäß text",
      "nach dem text",
      "im text",
      "im obigen text",
      "im vorliegenden text",
      "im textauszug",
      "in der passage",
      "im obigen abschnitt",
      "im abschnitt oben",
      "aus dem text",
      "der obige text",
    ],
  },
  fr: {
    allOfTheAbove: [
      "toutes les réponses ci-dessus",
      "toutes les réponses précédentes",
      "toutes ces réponses",
      "toutes les réponses sont correctes",
      "toutes les propositions",
      "toutes les propositions ci-dessus",
      "tout ce qui précède",
      "toutes les options ci-dessus",
    ],
    noneOfTheAbove: [
      "aucune de ces réponses",
      "aucune des réponses",
      "aucune des réponses ci-dessus",
      "aucune des réponses précédentes",
      "aucune des propositions",
      "aucune de ces propositions",
      "aucune réponse n'est correcte",
      "rien de ce qui précède",
    ],
    refersToSource: [
      "selon le texte",
      "d'après le texte",
      "dans le texte",
      "selon le passage",
      "d'après le passage",
      "dans le passage",
      "selon le document",
      "d'après le document",
      "selon l'extrait",
      "d'après l'extrait",
      "dans l'extrait",
      "le texte ci-dessus",
      "le passage ci-dessus",
      "l'extrait ci-dessus",
      "selon l'auteur",
    ],
  },
  es: {
    allOfTheAbove: [
      "todas las anteriores",
      "todas las respuestas anteriores",
      "todas las opciones anteriores",
      "todas las respuestas son correctas",
      "todas son correctas",
      "todo lo anterior",
    ],
    noneOfTheAbove: [
      "ninguna de las anteriores",
      "ninguna de las respuestas anteriores",
      "ninguna de las opciones anteriores",
      "ninguno de los anteriores",
      "ninguna es correcta",
      "nada de lo anterior",
    ],
    refersToSource: [
      "según el texto",
      "de acuerdo con el texto",
      "en el texto",
      "según el pasaje",
      "en el pasaje",
      "según el documento",
      "de acuerdo con el documento",
      "según el fragmento",
      "en el fragmento",
      "el texto anterior",
      "el pasaje anterior",
      "según lo anterior",
      "según el autor",
    ],
  },
  ar: {
    allOfTheAbove: ["جميع ما سبق", "كل ما سبق", "جميع الإجابات صحيحة", "جميع الإجابات السابقة", "كل ما ذكر"],
    noneOfTheAbove: [
      "لا شيء مما سبق",
      "لا شيء مما ذكر",
      "ليس أيا مما سبق",
      "لا شيء من الإجابات السابقة",
      "لا توجد إجابة صحيحة",
    ],
    refersToSource: [
      "وفقا للنص",
      "وفقًا للنص",
      "حسب النص",
      "بحسب النص",
      "في النص",
      "النص أعلاه",
      "النص السابق",
      "وفقا للفقرة",
      "في الفقرة السابقة",
      "حسب المقطع",
      "في المقطع",
    ],
  },
  he: {
    allOfTheAbove: ["כל התשובות נכונות", "כל התשובות לעיל", "כל האמור לעיל", "כל הנ״ל"],
    noneOfTheAbove: ["אף אחת מהתשובות", "אף תשובה אינה נכונה", "אף אחד מהנ״ל", "אף אחת מהנ״ל", "אף לא אחת מהתשובות"],
    refersToSource: [
      "לפי הקטע",
      "על פי הקטע",
      "בקטע",
      "לפי הטקסט",
      "על פי הטקסט",
      "בטקסט",
      "לפי המסמך",
      "על פי המסמך",
      "הקטע שלעיל",
    ],
  },
});

/**
 * Function words (articles, prepositions, conjunctions, auxiliaries, pronouns) of the languages besides English,
 * Japanese and Chinese (whose lists are `isStopword`'s), as `wordTokens` returns them: lower case, no punctuation
 * (`l'article` is `l` + `article`). The content-word checks leave them out, so "30 Arbeitstage" and "in den 30
 * Arbeitstagen" share the words that matter. Deliberately small: a word missing here counts as content.
 */
export const BUILTIN_FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  de: (
    "der die das den dem des ein eine einen einem einer eines und oder aber nicht kein keine keinen zu zum zur von vom mit " +
    "für auf an am im in aus bei als dass ob wie was wer wann wo welche welcher welches welchen ist sind war waren wird werden " +
    "wurde wurden hat haben hatte hatten kann können muss müssen soll sollen darf dürfen sich es er sie ihr ihre ihren sein " +
    "seine seinen nach vor über unter durch gegen ohne um bis je pro jeden jede jedem jeder"
  ).split(" "),
  fr: (
    "le la les l un une des du de d et ou mais ne pas à au aux en par pour avec sans que qu qui quoi quel quelle quels quelles " +
    "dans sur sous est sont était étaient sera seront a ont avait peut peuvent doit doivent se sa son ses leur leurs il elle " +
    "ils elles ce cet cette ces y combien comment quand où chaque après avant entre"
  ).split(" "),
  es: (
    "el la los las lo un una unos unas de del y e o u pero no a al en por para con sin que qué quien quién cual cuál cuales " +
    "cuáles como cómo cuando cuándo donde dónde es son era eran será serán ha han había puede pueden debe deben se su sus le " +
    "les este esta estos estas ese esa cada tras entre sobre cuánto cuánta cuántos cuántas"
  ).split(" "),
  ar: "في من إلى على عن مع أن إن أو و ما ماذا هل كم متى أين هو هي هذا هذه ذلك تلك التي الذي الذين كان كانت يكون لا لم لن قد".split(
    " ",
  ),
  he: "של את על עם אל מן או גם לא כי אם מה מי מתי איפה כמה הוא היא זה זאת אשר היה הייתה יהיה כל".split(" "),
});

const FUNCTION_WORDS = new Set(Object.values(BUILTIN_FUNCTION_WORDS).flat());

/**
 * True for a word that carries no topic in any supported language: `isStopword` (English, Japanese and Chinese
 * particles) or {@link BUILTIN_FUNCTION_WORDS} (de, fr, es, ar, he). Give it a word of `wordTokens`.
 *
 * @example
 * isFunctionWord({ word: "der" })    // true
 * isFunctionWord({ word: "urlaub" }) // false
 */
export function isFunctionWord(params: { word: string }): boolean {
  return isStopword(params.word) || FUNCTION_WORDS.has(params.word);
}

/** A phrase found in a text. */
export interface PhraseMatch {
  kind: PhraseKind;
  language: string;
  phrase: string;
}

// How much an option may add after the phrase and still be that phrase ("…が正しい", "… Antworten sind richtig").
const MAX_EXTRA_WORDS = 3;
const MAX_EXTRA_CHARS = 4;

// Japanese law cites the main clause of an article as 第3条本文: that 本文 is the statute's, not the exam's passage.
const LEGAL_CLAUSE_BEFORE = /[条項号款]$/u;

let wordSegmenter: Intl.Segmenter | undefined;

/**
 * Whether a word starts at `at`, as the platform segments the text: 文中の in 注文中の, 材料中 in 原材料中 and 上文 in
 * 线上文档 start inside another word (注文, 原材料, 线上), so they are not the phrase.
 */
function startsWord(text: string, at: number): boolean {
  if (at === 0) return true;
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: "word" });
  return wordSegmenter.segment(text).containing(at)?.index === at;
}

function containsSpaceless(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    if (!LEGAL_CLAUSE_BEFORE.test(text.slice(0, at)) && startsWord(text, at)) return true;
  }
  return false;
}

function containsWords(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((w, j) => words[i + j] === w)) return true;
  }
  return false;
}

interface CompiledPhrase extends PhraseMatch {
  spaceless: boolean;
  form: string;
  /** The form without its spaces: what a phrase of a script written without spaces is matched as. */
  compact: string;
  words: string[];
}

const compiled = new WeakMap<PhraseLists, CompiledPhrase[]>();

function compile(lists: PhraseLists): CompiledPhrase[] {
  const cached = compiled.get(lists);
  if (cached) return cached;
  const out: CompiledPhrase[] = [];
  for (const [language, kinds] of Object.entries(lists)) {
    for (const [kind, phrases] of Object.entries(kinds) as [PhraseKind, readonly string[]][]) {
      for (const phrase of phrases ?? []) {
        const form = normalizeForComparison(phrase);
        if (form === "") continue;
        out.push({
          kind,
          language,
          phrase,
          spaceless: hasSpacelessScript({ text: form }),
          form,
          compact: form.replace(/ /gu, ""),
          words: wordTokens(phrase),
        });
      }
    }
  }
  compiled.set(lists, out);
  return out;
}

/**
 * A list's phrases by what a text must hold for each to match: a phrase of words by its first word, a phrase of a
 * script written without spaces by its first character. Only those candidates are tried, in list order.
 */
interface PhraseIndex {
  byFirstWord: Map<string, number[]>;
  byFirstChar: Map<string, number[]>;
  /** Phrases of no word-like segment: they match any short option (as a scan of every phrase finds them). */
  wordless: number[];
}

const indexes = new WeakMap<readonly CompiledPhrase[], PhraseIndex>();

function indexOf(phrases: readonly CompiledPhrase[]): PhraseIndex {
  const cached = indexes.get(phrases);
  if (cached) return cached;
  const index: PhraseIndex = { byFirstWord: new Map(), byFirstChar: new Map(), wordless: [] };
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  phrases.forEach((phrase, i) => {
    if (phrase.spaceless) add(index.byFirstChar, phrase.compact[0] as string, i);
    else if (phrase.words.length > 0) add(index.byFirstWord, phrase.words[0] as string, i);
    else index.wordless.push(i);
  });
  indexes.set(phrases, index);
  return index;
}

/** Whether one compiled phrase matches the text (its comparison form, that form without spaces, and its words). */
function phraseMatches(
  candidate: CompiledPhrase,
  text: { compact: string; words: () => string[] },
  position: "start" | "anywhere" | undefined,
): boolean {
  if (position === "anywhere") {
    return candidate.spaceless
      ? containsSpaceless(text.compact, candidate.compact)
      : containsWords(text.words(), candidate.words);
  }
  if (candidate.spaceless) {
    return (
      text.compact.startsWith(candidate.compact) && text.compact.length - candidate.compact.length <= MAX_EXTRA_CHARS
    );
  }
  const words = text.words();
  return words.length - candidate.words.length <= MAX_EXTRA_WORDS && candidate.words.every((w, i) => words[i] === w);
}

/** The indexes of a list's phrases that can match the text, in list order. */
function candidatesFor(
  index: PhraseIndex,
  text: { compact: string; words: () => string[] },
  position: "start" | "anywhere" | undefined,
): number[] {
  const found = new Set<number>();
  const take = (list: readonly number[] | undefined) => {
    for (const i of list ?? []) found.add(i);
  };
  if (position === "anywhere") {
    for (const word of new Set(text.words())) take(index.byFirstWord.get(word));
    // code units, as the index keys a phrase and as indexOf compares
    const units = new Set<string>();
    for (let k = 0; k < text.compact.length; k++) units.add(text.compact[k] as string);
    for (const unit of units) take(index.byFirstChar.get(unit));
  } else {
    const first = text.words()[0];
    if (first !== undefined) take(index.byFirstWord.get(first));
    take(index.byFirstChar.get(text.compact[0] as string));
    take(index.wordless);
  }
  return [...found].sort((x, y) => x - y);
}

/** The comparison form of a text, that form without spaces, and its words (segmented once, when first asked for). */
function textForms(text: string): { compact: string; words: () => string[] } | undefined {
  const form = normalizeForComparison(text);
  if (form === "") return undefined;
  let words: string[] | undefined;
  // wordTokens(text) is the segmentation of this same comparison form
  return { compact: form.replace(/ /gu, ""), words: () => (words ??= segmentWords({ text: form })) };
}

/**
 * {@link findPhrase} by trying every phrase in order, without the index: what the index must agree with (tests).
 * @internal
 */
export function findPhraseByScan(params: Parameters<typeof findPhrase>[0]): PhraseMatch | undefined {
  const text = textForms(params.text);
  if (!text) return undefined;
  for (const phrases of [compile(BUILTIN_PHRASE_LISTS), ...(params.extra ? [compile(params.extra)] : [])]) {
    for (const candidate of phrases) {
      if (params.kinds && !params.kinds.includes(candidate.kind)) continue;
      if (phraseMatches(candidate, text, params.position)) return matchOf(candidate);
    }
  }
  return undefined;
}

function matchOf(candidate: CompiledPhrase): PhraseMatch {
  return { kind: candidate.kind, language: candidate.language, phrase: candidate.phrase };
}

/**
 * The first phrase of the lists an option is: the option starts with the phrase (case, width, punctuation and
 * spacing aside) and adds at most a few words. Every language's phrases are tried, so the language of the text
 * need not be known.
 *
 * @example
 * findPhrase({ text: "以上都不是" })?.kind              // "noneOfTheAbove"
 * findPhrase({ text: "Todas las anteriores." })?.kind   // "allOfTheAbove"
 * findPhrase({ text: "Alle genannten Fristen verlängern sich um einen Monat" }) // undefined
 */
export function findPhrase(params: {
  /** The option (or other text) to look at. */
  text: string;
  /** Phrases to try besides the built-in ones, e.g. a domain plugin's. */
  extra?: PhraseLists;
  /** Only these kinds; default all. */
  kinds?: readonly PhraseKind[];
  /**
   * `"start"` (default): the text is the phrase, adding at most a few words (an option). `"anywhere"`: the phrase
   * occurs anywhere in the text, as whole words (a question stem that says "according to the passage"); in a script
   * without spaces, starting a word (注文中の holds no 文中の).
   */
  position?: "start" | "anywhere";
}): PhraseMatch | undefined {
  const text = textForms(params.text);
  if (!text) return undefined;
  // the built-in phrases first, then the caller's: the first phrase in that order that matches
  for (const phrases of [compile(BUILTIN_PHRASE_LISTS), ...(params.extra ? [compile(params.extra)] : [])]) {
    for (const i of candidatesFor(indexOf(phrases), text, params.position)) {
      const candidate = phrases[i] as CompiledPhrase;
      if (params.kinds && !params.kinds.includes(candidate.kind)) continue;
      if (phraseMatches(candidate, text, params.position)) return matchOf(candidate);
    }
  }
  return undefined;
}
