import { isStopword, normalizeForComparison, normalizeForQuoteMatch, wordTokens } from "./normalize-text.js";
import { hasSpacelessScript } from "./text-units.js";

/** How well a question's quotes and answer are supported by the chunk it was generated from. */
export interface GroundingReport {
  /** Mean of `quoteScore` and `answerCoverage`, 0..1. */
  score: number;
  /** Share of quotes found verbatim in the chunk, ignoring case and whitespace differences (0 without quotes). */
  quoteScore: number;
  /**
   * Share of the answer's content words that occur in the chunk: any number, words of 3+ characters, and any
   * non-particle word of a script written without spaces (a kanji word can be one character).
   */
  answerCoverage: number;
  /** Quotes that were not found in the chunk. */
  missingQuotes: string[];
}

/**
 * English number words and the numbers they name: an answer "Three" is in a passage that says "3 days", and "3" in one
 * that says "three days". Only words that are a number on their own (no "first", "once", "dozen").
 */
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  [
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
      .split(" ")
      .map((word, n) => [word, String(n)] as const),
    "twenty thirty forty fifty sixty seventy eighty ninety"
      .split(" ")
      .map((word, i) => [word, String(20 + 10 * i)] as const),
    [
      ["hundred", "100"],
      ["thousand", "1000"],
    ] as const,
  ].flat(),
);
const WORDS_OF_NUMBERS: ReadonlyMap<string, string> = new Map([...NUMBER_WORDS].map(([word, n]) => [n, word]));

/** Whether the number `digits` is written in a text's comparison form as a number on its own (not inside "1200"). */
function hasNumber(compactText: string, digits: string): boolean {
  return new RegExp(`(?<!\\d)${digits}(?!\\d)`, "u").test(compactText);
}

function contentWords(text: string): string[] {
  return wordTokens(text).filter(
    (w) => /\d/u.test(w) || (!isStopword(w) && (w.length >= 3 || hasSpacelessScript({ text: w }))),
  );
}

/**
 * Scores a question's grounding in its source chunk. Words are the platform's word segments; a word of a script
 * written without spaces counts as present when it occurs anywhere in the chunk, because the segmenter may cut the
 * same characters differently in another sentence (`何日付与` is 何|日付|与, `付与日数` is 付与|日数).
 *
 * @example
 * scoreGrounding({ question: { answer: "12%", citations: ["margin rose to 12%"] }, sourceText: chunkText }).quoteScore // 1
 * scoreGrounding({ question: { answer: "480億円", citations: [] }, sourceText: "売上高は４８０億円となった。" }).answerCoverage // 1
 * scoreGrounding({ question: { answer: "200", citations: [] }, sourceText: "ルミナフェン錠200mg" }).answerCoverage // 1
 * scoreGrounding({ question: { answer: "Three", citations: [] }, sourceText: "Leave is 3 days." }).answerCoverage // 1
 */
export function scoreGrounding(params: {
  /** The answer and the quotes cited for it. */
  question: { answer: string; citations: readonly string[] };
  /** The source chunk. */
  sourceText: string;
}): GroundingReport {
  const { question, sourceText } = params;
  const haystack = normalizeForQuoteMatch(sourceText);
  const quotes = question.citations.filter((c) => c.trim() !== "");
  const missingQuotes = quotes.filter((quote) => !haystack.includes(normalizeForQuoteMatch(quote)));
  const quoteScore = quotes.length === 0 ? 0 : (quotes.length - missingQuotes.length) / quotes.length;
  const sourceWords = new Set(contentWords(sourceText));
  const compactSource = normalizeForComparison(sourceText);
  const present = (w: string): boolean => {
    if (sourceWords.has(w)) return true;
    if (hasSpacelessScript({ text: w })) return compactSource.includes(w);
    // a number written against a unit ("200mg", "錠200") is one word to the segmenter
    if (/^\d+$/u.test(w)) {
      if (hasNumber(compactSource, w)) return true;
      const word = WORDS_OF_NUMBERS.get(w);
      return word !== undefined && sourceWords.has(word);
    }
    const digits = NUMBER_WORDS.get(w);
    return digits !== undefined && hasNumber(compactSource, digits);
  };
  const answerWords = contentWords(question.answer);
  const answerCoverage = answerWords.length === 0 ? 1 : answerWords.filter(present).length / answerWords.length;
  return { score: (quoteScore + answerCoverage) / 2, quoteScore, answerCoverage, missingQuotes };
}
