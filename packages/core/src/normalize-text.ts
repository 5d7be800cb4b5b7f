/**
 * Text normalisation shared by every comparison in the quality checks, so "The Answer." and "the  answer" compare
 * equal everywhere: Unicode NFKC, lower case, punctuation removed, runs of whitespace collapsed.
 */
export function normalizeForComparison(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
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
