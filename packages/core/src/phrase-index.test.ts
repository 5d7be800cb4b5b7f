// findPhrase tries only the phrases a text can match (by first word or first character): it must find exactly what
// trying every phrase in order finds, first match included, for every built-in phrase in every position.
import { describe, expect, it } from "vitest";
import {
  BUILTIN_PHRASE_LISTS,
  findPhrase,
  findPhraseByScan,
  type PhraseKind,
  type PhraseLists,
} from "./phrase-lists.js";

const KINDS: readonly PhraseKind[] = ["allOfTheAbove", "noneOfTheAbove", "refersToSource"];

const EXTRA: PhraseLists = {
  en: { refersToSource: ["as the handbook states", "per the memo"], noneOfTheAbove: ["—"] },
  ja: { refersToSource: ["社内規程によれば"] },
};

function phrasesOf(lists: PhraseLists): string[] {
  return Object.values(lists).flatMap((kinds) => Object.values(kinds).flatMap((phrases) => phrases ?? []));
}

describe("findPhrase's index", () => {
  it("finds what a scan of every phrase finds, for each phrase alone, lengthened, inside a text and cut short", () => {
    const phrases = [...phrasesOf(BUILTIN_PHRASE_LISTS), ...phrasesOf(EXTRA)];
    const texts: string[] = [];
    for (const phrase of phrases) {
      texts.push(
        phrase,
        `${phrase}.`,
        phrase.toUpperCase(),
        `${phrase} are correct`,
        `${phrase} and one more thing besides`,
        `Which is true, ${phrase}?`,
        `第3条${phrase}`,
        `${phrase}が正しい`,
        phrase.slice(0, Math.max(1, phrase.length - 2)),
        phrase.slice(1),
      );
    }
    texts.push("", " ", "—", "EUR 412 million", "𠀋𠀋 以上都不是", "According to the passage, what was revenue?");
    let compared = 0;
    // mismatches are collected and compared once: an expect per case made this test slow (~90,000 cases)
    const mismatches: { params: unknown; indexed: unknown; scanned: unknown }[] = [];
    const same = (a: ReturnType<typeof findPhrase>, b: ReturnType<typeof findPhrase>) =>
      a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));
    for (const text of texts) {
      for (const position of ["start", "anywhere", undefined] as const) {
        for (const extra of [undefined, EXTRA]) {
          for (const kinds of [undefined, [KINDS[0] as PhraseKind], [KINDS[2] as PhraseKind]]) {
            const params = { text, position, extra, kinds };
            const indexed = findPhrase(params);
            const scanned = findPhraseByScan(params);
            if (!same(indexed, scanned)) mismatches.push({ params, indexed, scanned });
            compared++;
          }
        }
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(compared).toBeGreaterThan(10_000);
    // and it finds them: every built-in phrase alone is found as a phrase of its kind
    for (const [language, kinds] of Object.entries(BUILTIN_PHRASE_LISTS)) {
      for (const [kind, phrases] of Object.entries(kinds)) {
        for (const phrase of phrases ?? [])
          expect(findPhrase({ text: phrase })?.kind, `${language} ${phrase}`).toBe(kind);
      }
    }
    // ~130,000 cases (720 built-in phrases): ~8 s on a quiet 2-CPU machine, more beside other test files
  }, 120_000);
});
