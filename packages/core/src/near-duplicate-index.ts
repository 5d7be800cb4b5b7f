import type { Finding } from "./findings.js";
import { contentWordStems, jaccard, normalizeForComparison } from "./normalize-text.js";
import { hasSpacelessScript, isMostlySpacelessScript } from "./text-units.js";

/** A match found by {@link NearDuplicateIndex.add}: the earlier entry and how similar it is. */
export interface NearDuplicateMatch {
  duplicateOf: string;
  similarity: number;
}

/** Similarity at or above which two questions are near-duplicates, unless a threshold is given. */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.8;

function numbersIn(text: string): string {
  // In order: "report 0 section 1" and "report 1 section 0" are different questions.
  return (normalizeForComparison(text).match(/\d+(?:[.,]\d+)*/gu) ?? []).join(" ");
}

/**
 * Words that turn a question around: "Which is a requirement?" and "Which is NOT a requirement?" share every content
 * word (not is a stopword) but ask for opposite options. English negations, and Japanese and Chinese ones that ask
 * for the option that does not apply (正しくないもの, 誤っているもの, 以外, 不属于, 错误的是); 〜なければならない
 * ("must") is no negation. Heuristic: it only keeps apart two questions that differ in it, never joins two.
 */
const NEGATION =
  /\b(?:not|never|except|false|incorrect|untrue|cannot)\b|n['\u2019]t\b|(?<!けれ[ばどな]?なら|なくてはなら|ねばなら|なくちゃなら)(?:ない|なかった)(?:もの|の|こと|選択肢|はどれ|か)|誤っ|誤り|不適切|不正確|以外|除く|除いた|不属于|不屬於|不正确|不是|不包括|不包含|不符合|不适用|不適用|错误|錯誤|除了|除外|并非|並非|没有|沒有/iu;

/** Whether a question asks for what does not apply (see {@link NEGATION}). @internal */
export function isNegatedQuestion(text: string): boolean {
  return NEGATION.test(text.normalize("NFKC"));
}

/** What two questions must share to be compared at all: the same numbers in order, and the same polarity. */
function groupKey(text: string): string {
  return `${numbersIn(text)}\u0000${isNegatedQuestion(text) ? "not" : ""}`;
}

const HAN = /\p{Script=Han}/u;
// Kanji that mark grammar rather than topic (to, at, should, will, when, of, is, …), inside words ICU keeps whole
// too (延长至, 应当): a rewording that says 到 for 至 asks the same question.
const FUNCTION_HAN = new Set([
  ..."至到于於应應需须須会會将將时時请請可得之其此该該而且即则則以所被把由对對从從为為是的了在和与與及或也都就又并並等个個些有这這那哪吗呢吧啊何",
]);
const HIRAGANA_ONLY = /^[\p{Script=Hiragana}ー]+$/u;

/**
 * What two questions are compared by. Text written with spaces: the stems of its content words
 * ({@link contentWordStems}). Japanese and Chinese: the kanji of its content words one by one (but those that mark
 * grammar, 至 到 应 时 的 …), and its other content words (katakana, Latin, numbers) whole; kana words of one or two
 * characters are particles or endings and left out.
 * ICU cuts Chinese and Japanese into short words, and not always the same way in two phrasings of one question
 * (2023年华川电子 reads 年华 + 川 + 电子): single kanji do not depend on where it cuts. `spaceless` marks the texts
 * that a changed word makes another question (see {@link NearDuplicateIndex}).
 *
 * @internal exported for the test that compares the index with every pair
 */
export function duplicateComparisonUnits(text: string): { units: Set<string>; spaceless: boolean } {
  const stems = contentWordStems(text);
  if (!isMostlySpacelessScript({ text })) return { units: new Set(stems), spaceless: false };
  const units = new Set<string>();
  for (const stem of stems) {
    if (!hasSpacelessScript({ text: stem })) units.add(stem);
    else if (HIRAGANA_ONLY.test(stem)) {
      if (stem.length > 2) units.add(stem);
    } else if (!HAN.test(stem)) units.add(stem);
    else for (const char of stem) if (HAN.test(char) && !FUNCTION_HAN.has(char)) units.add(char);
  }
  return { units, spaceless: true };
}

/**
 * Whether each of two unit sets holds a unit the other lacks, given how many they share: one word changed for
 * another (営業利益 / 経常利益, 解热 / 止痛), which asks about another thing.
 */
function replacesAWord(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) shared++;
  return a.size > shared && b.size > shared;
}

// Slack for float rounding in the bounds below: a bound may only let more pairs through, never fewer.
const SLACK = 1e-9;

/** An indexed text: its stems (for the exact similarity), stems in index order, and insertion order for ties. */
interface Entry {
  id: string;
  seq: number;
  shingles: Set<string>;
  tokens: string[];
  /** Japanese or Chinese: a word changed for another makes another question. */
  spaceless: boolean;
  /** Last probe that looked at this entry (saves a per-probe "tried" set). */
  probe: number;
  group: NumbersGroup;
}

/** Entries that mention the same numbers (only those can be duplicates of each other). */
interface NumbersGroup {
  /** Stem → entries whose prefix holds it. */
  lists: Map<string, Entry[]>;
  /** The first text without content words (it repeats every later one: similarity 1). */
  empty?: Entry;
}

/**
 * Finds near-duplicate texts in a stream without comparing every pair. Texts are compared by the stems of their
 * content words (stopwords, case, punctuation and plural/tense endings aside), so a rewording is a duplicate while a
 * question about another entity ("north segment" / "east segment") is not. Texts that mention different numbers
 * ("net income in 2022" / "in 2023") are never duplicates, nor are a question and its negation ("which is" / "which is
 * NOT", 正しいもの / 正しくないもの, 属于 / 不属于). Japanese and Chinese texts are compared by the kanji of
 * their content words (see {@link duplicateComparisonUnits}), and one with a word the other lacks while the other has
 * a word it lacks is never a duplicate of it: there a long question that asks about another quantity (営業利益 /
 * 経常利益) shares nearly all its kanji with the first, while a rewording only adds or drops particles and words.
 *
 * The search is exact: every earlier text at or above the threshold is considered, and the most similar one wins
 * (the earliest on a tie), the same result as comparing every pair. Candidates come from a prefix filter (two sets
 * with Jaccard similarity ≥ t share a stem among the first |S| − ⌈t·|S|⌉ + 1 stems of each, in any fixed order of
 * stems; rarer stems first keeps the candidate lists short) and a length filter (t·|A| ≤ |B| ≤ |A|/t). The stem
 * order is re-derived from the stem counts whenever the index doubles in size, re-indexing every entry, so the order
 * is the same for all entries at any time.
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
  private readonly ids = new Set<string>();
  private readonly groups = new Map<string, NumbersGroup>();
  private readonly all: Entry[] = [];
  /** How many entries hold each stem (the stem order's basis at the next re-index). */
  private readonly counts = new Map<string, number>();
  /** Stem counts at the last re-index: the stem order in use (rarer first, then by the stem's text). */
  private order = new Map<string, number>();
  private nextReindex = 64;
  private probes = 0;

  constructor(options: { threshold?: number } = {}) {
    this.threshold = options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD;
    if (!(this.threshold > 0 && this.threshold <= 1)) {
      throw new RangeError(`threshold ${this.threshold} must be in (0, 1]`);
    }
  }

  /** Number of texts kept in the index. */
  get size(): number {
    return this.all.length;
  }

  /** The most similar earlier entry at or above the threshold, without adding `text`. */
  find(text: string): NearDuplicateMatch | undefined {
    const { units: shingles, spaceless } = duplicateComparisonUnits(text);
    return this.lookup(shingles, this.sorted(shingles), groupKey(text), spaceless);
  }

  /**
   * Adds a text unless it near-duplicates an earlier one; returns that earlier one's id if so.
   * Duplicates are not added, so a chain of small edits is measured against the first text.
   */
  add(id: string, text: string): NearDuplicateMatch | undefined {
    if (this.ids.has(id)) throw new TypeError(`id "${id}" is already in the index: ids must be unique`);
    const { units: shingles, spaceless } = duplicateComparisonUnits(text);
    const tokens = this.sorted(shingles);
    const numbers = groupKey(text);
    const match = this.lookup(shingles, tokens, numbers, spaceless);
    if (match) return match;
    let group = this.groups.get(numbers);
    if (!group) {
      group = { lists: new Map() };
      this.groups.set(numbers, group);
    }
    this.ids.add(id);
    const entry: Entry = { id, seq: this.all.length, shingles, tokens, spaceless, probe: 0, group };
    this.all.push(entry);
    for (const token of tokens) this.counts.set(token, (this.counts.get(token) ?? 0) + 1);
    if (this.all.length >= this.nextReindex) {
      this.nextReindex *= 2;
      this.reindex();
    } else this.index(group, entry);
    return undefined;
  }

  /** How many of a set's first stems (in the stem order) must be indexed/probed: |S| − ⌈t·|S|⌉ + 1. */
  private prefixLength(size: number): number {
    return Math.min(size, Math.max(1, size - Math.ceil(this.threshold * size - SLACK) + 1));
  }

  private sorted(shingles: Set<string>): string[] {
    const order = this.order;
    return [...shingles].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  }

  private index(group: NumbersGroup, entry: Entry): void {
    if (entry.tokens.length === 0) {
      group.empty ??= entry;
      return;
    }
    const length = this.prefixLength(entry.tokens.length);
    for (let i = 0; i < length; i++) {
      const token = entry.tokens[i] as string;
      const list = group.lists.get(token);
      if (list) list.push(entry);
      else group.lists.set(token, [entry]);
    }
  }

  /** Takes the current stem counts as the stem order and indexes every entry again under it. */
  private reindex(): void {
    this.order = new Map(this.counts);
    for (const group of this.groups.values()) group.lists.clear();
    for (const entry of this.all) {
      entry.tokens = this.sorted(entry.shingles);
      this.index(entry.group, entry);
    }
  }

  private lookup(
    shingles: Set<string>,
    tokens: string[],
    numbers: string,
    spaceless: boolean,
  ): NearDuplicateMatch | undefined {
    const group = this.groups.get(numbers);
    if (!group) return undefined;
    if (tokens.length === 0) return group.empty ? { duplicateOf: group.empty.id, similarity: 1 } : undefined;
    const t = this.threshold;
    const size = tokens.length;
    const minSize = t * size - SLACK;
    const maxSize = size / t + SLACK;
    const probe = ++this.probes;
    let best: Entry | undefined;
    let bestSimilarity = 0;
    const length = this.prefixLength(size);
    for (let i = 0; i < length; i++) {
      const list = group.lists.get(tokens[i] as string);
      if (!list) continue;
      for (const entry of list) {
        if (entry.probe === probe) continue;
        entry.probe = probe;
        const other = entry.tokens.length;
        if (other < minSize || other > maxSize) continue;
        const similarity = jaccard({ a: shingles, b: entry.shingles });
        if (similarity < t) continue;
        if ((spaceless || entry.spaceless) && replacesAWord(shingles, entry.shingles)) continue;
        if (!best || similarity > bestSimilarity || (similarity === bestSimilarity && entry.seq < best.seq)) {
          best = entry;
          bestSimilarity = similarity;
        }
      }
    }
    return best ? { duplicateOf: best.id, similarity: bestSimilarity } : undefined;
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
