import type { Finding } from "./findings.js";
import { contentWordStems, jaccard, normalizeForComparison } from "./normalize-text.js";

/** A match found by {@link NearDuplicateIndex.add}: the earlier entry and how similar it is. */
export interface NearDuplicateMatch {
  duplicateOf: string;
  similarity: number;
}

/** Similarity at or above which two questions are near-duplicates, unless a threshold is given. */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.8;

const NUM_HASHES = 64;
const ROWS_PER_BAND = 4;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// Fixed odd multipliers/offsets for the MinHash family (any fixed values work; fixed keeps results reproducible).
const MULTIPLIERS = Uint32Array.from({ length: NUM_HASHES }, (_, i) => (fnv1a(`m${i}`) | 1) >>> 0);
const OFFSETS = Uint32Array.from({ length: NUM_HASHES }, (_, i) => fnv1a(`o${i}`));

function numbersIn(text: string): string {
  // In order: "report 0 section 1" and "report 1 section 0" are different questions.
  return (normalizeForComparison(text).match(/\d+(?:[.,]\d+)*/gu) ?? []).join(" ");
}

/**
 * Finds near-duplicate texts in a stream without comparing every pair. Texts are compared by the stems of their
 * content words (stopwords, case, punctuation and plural/tense endings aside), so a rewording is a duplicate while a
 * question about another entity ("north segment" / "east segment") is not. MinHash signatures banded into an LSH
 * table find candidates; exact Jaccard similarity confirms them. Texts that mention different numbers ("net income
 * in 2022" / "in 2023") are never duplicates.
 *
 * @example
 * const index = new NearDuplicateIndex({ threshold: 0.8 });
 * for (const q of questions) {
 *   const match = index.add(q.id, q.question);
 *   if (match) console.log(`${q.id} repeats ${match.duplicateOf}`);
 * }
 */
export class NearDuplicateIndex {
  readonly threshold: number;
  private readonly bands = new Map<string, string[]>();
  private readonly entries = new Map<string, { shingles: Set<string>; numbers: string }>();

  constructor(options: { threshold?: number } = {}) {
    this.threshold = options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD;
    if (!(this.threshold > 0 && this.threshold <= 1)) {
      throw new RangeError(`threshold ${this.threshold} must be in (0, 1]`);
    }
  }

  /** Number of texts kept in the index. */
  get size(): number {
    return this.entries.size;
  }

  /** The most similar earlier entry at or above the threshold, without adding `text`. */
  find(text: string): NearDuplicateMatch | undefined {
    return this.lookup(new Set(contentWordStems(text)), numbersIn(text)).match;
  }

  /**
   * Adds a text unless it near-duplicates an earlier one; returns that earlier one's id if so.
   * Duplicates are not added, so a chain of small edits is measured against the first text.
   */
  add(id: string, text: string): NearDuplicateMatch | undefined {
    if (this.entries.has(id)) throw new TypeError(`id "${id}" is already in the index: ids must be unique`);
    const shingles = new Set(contentWordStems(text));
    const numbers = numbersIn(text);
    const { match, keys } = this.lookup(shingles, numbers);
    if (match) return match;
    this.entries.set(id, { shingles, numbers });
    for (const key of keys) {
      const bucket = this.bands.get(key);
      if (bucket) bucket.push(id);
      else this.bands.set(key, [id]);
    }
    return undefined;
  }

  private lookup(shingles: Set<string>, numbers: string): { match?: NearDuplicateMatch; keys: string[] } {
    const signature = new Uint32Array(NUM_HASHES).fill(0xffffffff);
    for (const shingle of shingles) {
      const h = fnv1a(shingle);
      for (let i = 0; i < NUM_HASHES; i++) {
        const v = (Math.imul(h, MULTIPLIERS[i] as number) + (OFFSETS[i] as number)) >>> 0;
        if (v < (signature[i] as number)) signature[i] = v;
      }
    }
    const keys: string[] = [];
    for (let b = 0; b < NUM_HASHES / ROWS_PER_BAND; b++) {
      keys.push(`${b}:${signature.subarray(b * ROWS_PER_BAND, (b + 1) * ROWS_PER_BAND).join(",")}`);
    }
    let best: NearDuplicateMatch | undefined;
    const tried = new Set<string>();
    for (const key of keys) {
      for (const candidate of this.bands.get(key) ?? []) {
        if (tried.has(candidate)) continue;
        tried.add(candidate);
        const entry = this.entries.get(candidate);
        if (!entry || entry.numbers !== numbers) continue;
        const similarity = jaccard({ a: shingles, b: entry.shingles });
        if (similarity >= this.threshold && (!best || similarity > best.similarity)) {
          best = { duplicateOf: candidate, similarity };
        }
      }
    }
    return { match: best, keys };
  }
}

/** The `DUPLICATE_QUESTION` finding: an error naming the earlier question and the similarity. */
export function duplicateQuestionFinding(match: NearDuplicateMatch): Finding {
  return {
    code: "DUPLICATE_QUESTION",
    severity: "error",
    message: `near-duplicate of question ${match.duplicateOf} (similarity ${match.similarity.toFixed(2)})`,
    data: { duplicateOf: match.duplicateOf, similarity: match.similarity },
  };
}

/**
 * The near-duplicate filter over a stream of questions, one at a time (for streaming readers); see
 * {@link findDuplicateQuestions} for a whole set. A question whose id was seen before repeats that question
 * (similarity 1).
 *
 * @example
 * const filter = new DuplicateQuestionFilter({ threshold: 0.8 });
 * for await (const q of questions) {
 *   const finding = filter.check(q);
 *   if (finding) console.log(`${q.id}: ${finding.message}`);
 * }
 */
export class DuplicateQuestionFilter {
  private readonly index: NearDuplicateIndex;
  private readonly seenIds = new Set<string>();

  constructor(options: { threshold?: number } = {}) {
    this.index = new NearDuplicateIndex(options);
  }

  /** The `DUPLICATE_QUESTION` finding when the question repeats an earlier one; else it is remembered. */
  check(question: { id: string; question: string }): Finding | undefined {
    const match = this.seenIds.has(question.id)
      ? { duplicateOf: question.id, similarity: 1 }
      : this.index.add(question.id, question.question);
    this.seenIds.add(question.id);
    return match ? duplicateQuestionFinding(match) : undefined;
  }
}

/**
 * Flags near-duplicate questions across a set: every question after the first of a group gets a
 * `DUPLICATE_QUESTION` error naming the one it repeats (a repeated id repeats its first question). The one
 * duplicate filter of the project: the question chain, `generateExam` and `check` all use it.
 *
 * @returns findings by question id (only ids with a finding appear; for a repeated id, the finding of its repeat).
 * @example
 * const found = findDuplicateQuestions({ questions, threshold: DEFAULT_DUPLICATE_THRESHOLD });
 * const kept = questions.filter((q) => !found.has(q.id));
 */
export function findDuplicateQuestions(params: {
  questions: Iterable<{ id: string; question: string }>;
  /** Similarity (0..1] above which two questions are near-duplicates (the index's default when omitted). */
  threshold?: number;
}): Map<string, Finding[]> {
  const { questions, ...options } = params;
  const filter = new DuplicateQuestionFilter(options);
  const out = new Map<string, Finding[]>();
  for (const q of questions) {
    const finding = filter.check(q);
    if (finding) out.set(q.id, [finding]);
  }
  return out;
}
