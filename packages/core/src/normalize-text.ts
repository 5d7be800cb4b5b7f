/**
 * Text normalisation shared by every comparison in the quality checks, so "The Answer." and "the  answer" compare
 * equal everywhere: Unicode NFKC, lower case, punctuation removed, runs of whitespace collapsed.
 */
export function normalizeForComparison(text: string): string {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      // A sign is meaning, not punctuation: "-6.3%" and "6.3%" are different answers.
      .replace(/(^|[^\p{L}\p{N}])[-\u2212\u2012\u2013](?=\d)/gu, "$1 minus ")
      .replace(/[\p{P}\p{S}]+/gu, " ")
      .replace(/\s+/gu, " ")
      .trim()
  );
}

/** Case- and whitespace-insensitive form used for quote matching: punctuation is kept, because quotes are verbatim. */
export function normalizeForQuoteMatch(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201A\u201B]/gu, "'")
    .replace(/[\u201C\u201D\u201E\u201F]/gu, '"')
    .replace(/[\u2010-\u2015]/gu, "-")
    .replace(/\s+/gu, " ")
    .trim();
}

/** Word tokens of the comparison form. */
export function wordTokens(text: string): string[] {
  const normalized = normalizeForComparison(text);
  return normalized === "" ? [] : normalized.split(" ");
}

/** Character n-gram shingles of the comparison form (the whole string when it is shorter than n). */
export function characterShingles(text: string, n = 5): Set<string> {
  const normalized = normalizeForComparison(text);
  const shingles = new Set<string>();
  if (normalized.length <= n) {
    if (normalized !== "") shingles.add(normalized);
    return shingles;
  }
  for (let i = 0; i + n <= normalized.length; i++) shingles.add(normalized.slice(i, i + n));
  return shingles;
}

/** Jaccard similarity of two sets (1 for two empty sets). */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

const STOPWORDS = new Set(
  (
    "a an the and or but nor not no of in on at to for from by with as into onto over under about than then that this these those " +
    "is are was were be been being am do does did done has have had having will would shall should can could may might must " +
    "what which who whom whose when where why how it its they them their there here he she his her him we our you your i me my " +
    "all any each also such only more most other some so too very one two per if"
  ).split(" "),
);

/** True for function words that carry no topic (English). */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** A light English stemmer: enough to equate "companies"/"company", "rates"/"rate", "rising"/"rise". */
export function stemWord(word: string): string {
  if (/\d/u.test(word) || word.length <= 3) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith("sses")) return word.slice(0, -2);
  if (word.endsWith("ing") && word.length > 5) return word.slice(0, -3).replace(/(.)\1$/u, "$1");
  if (word.endsWith("ed") && word.length > 4) return word.slice(0, -2).replace(/(.)\1$/u, "$1");
  if (word.endsWith("es") && /(sh|ch|x|z|ss)es$/u.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is"))
    return word.slice(0, -1);
  return word;
}

/** Stems of the words that carry meaning: no stopwords, no single letters; numbers are kept as they are. */
export function contentWordStems(text: string): string[] {
  return wordTokens(text)
    .filter((w) => /\d/u.test(w) || (w.length > 1 && !STOPWORDS.has(w)))
    .map(stemWord);
}
