import { isStopword, normalizeForComparison, normalizeForQuoteMatch } from "./normalize-text.js";

/** How well a question's quotes and answer are supported by the chunk it was generated from. */
export interface GroundingReport {
  /** Mean of `quoteScore` and `answerCoverage`, 0..1. */
  score: number;
  /** Share of quotes found verbatim in the chunk, ignoring case and whitespace differences (0 without quotes). */
  quoteScore: number;
  /** Share of the answer's content words (3+ characters, or any number) that occur in the chunk. */
  answerCoverage: number;
  /** Quotes that were not found in the chunk. */
  missingQuotes: string[];
}

function contentWords(text: string): string[] {
  return normalizeForComparison(text)
    .split(" ")
    .filter((w) => w !== "" && (/\d/u.test(w) || (w.length >= 3 && !isStopword(w))));
}

/**
 * Scores a question's grounding in its source chunk.
 *
 * @example
 * scoreGrounding({ answer: "12%", citations: ["margin rose to 12%"] }, chunkText).quoteScore // 1
 */
export function scoreGrounding(
  question: { answer: string; citations: readonly string[] },
  sourceText: string,
): GroundingReport {
  const haystack = normalizeForQuoteMatch(sourceText);
  const quotes = question.citations.filter((c) => c.trim() !== "");
  const missingQuotes = quotes.filter((quote) => !haystack.includes(normalizeForQuoteMatch(quote)));
  const quoteScore = quotes.length === 0 ? 0 : (quotes.length - missingQuotes.length) / quotes.length;
  const sourceWords = new Set(contentWords(sourceText));
  const answerWords = contentWords(question.answer);
  const answerCoverage =
    answerWords.length === 0 ? 1 : answerWords.filter((w) => sourceWords.has(w)).length / answerWords.length;
  return { score: (quoteScore + answerCoverage) / 2, quoteScore, answerCoverage, missingQuotes };
}
