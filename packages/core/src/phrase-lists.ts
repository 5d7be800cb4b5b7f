import { normalizeForComparison, wordTokens } from "./normalize-text.js";
import { hasSpacelessScript } from "./text-units.js";

/** The kinds of phrase the phrase-based checks look for. */
export type PhraseKind = "allOfTheAbove" | "noneOfTheAbove";

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
    ],
  },
  zh: {
    allOfTheAbove: [
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
    ],
    noneOfTheAbove: [
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
    ],
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
  },
  he: {
    allOfTheAbove: ["כל התשובות נכונות", "כל התשובות לעיל", "כל האמור לעיל", "כל הנ״ל"],
    noneOfTheAbove: ["אף אחת מהתשובות", "אף תשובה אינה נכונה", "אף אחד מהנ״ל", "אף אחת מהנ״ל", "אף לא אחת מהתשובות"],
  },
});

/** A phrase found in a text. */
export interface PhraseMatch {
  kind: PhraseKind;
  language: string;
  phrase: string;
}

// How much an option may add after the phrase and still be that phrase ("…が正しい", "… Antworten sind richtig").
const MAX_EXTRA_WORDS = 3;
const MAX_EXTRA_CHARS = 4;

interface CompiledPhrase extends PhraseMatch {
  spaceless: boolean;
  form: string;
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
          words: wordTokens(phrase),
        });
      }
    }
  }
  compiled.set(lists, out);
  return out;
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
}): PhraseMatch | undefined {
  const form = normalizeForComparison(params.text);
  if (form === "") return undefined;
  const compact = form.replace(/ /gu, "");
  let words: string[] | undefined;
  const candidates = [...compile(BUILTIN_PHRASE_LISTS), ...(params.extra ? compile(params.extra) : [])];
  for (const candidate of candidates) {
    if (params.kinds && !params.kinds.includes(candidate.kind)) continue;
    let hit: boolean;
    if (candidate.spaceless) {
      const phrase = candidate.form.replace(/ /gu, "");
      hit = compact.startsWith(phrase) && compact.length - phrase.length <= MAX_EXTRA_CHARS;
    } else {
      words ??= wordTokens(params.text);
      hit =
        words.length - candidate.words.length <= MAX_EXTRA_WORDS && candidate.words.every((w, i) => words?.[i] === w);
    }
    if (hit) return { kind: candidate.kind, language: candidate.language, phrase: candidate.phrase };
  }
  return undefined;
}
