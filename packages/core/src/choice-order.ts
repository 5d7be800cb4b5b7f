import { sha256Head } from "./sha256-head.js";

/** Letters used as class-label names for answer positions: A, B, C, … */
export function choiceLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= 26) {
    throw new RangeError(`choice index ${index} is out of range: items support 1 to 26 options`);
  }
  return String.fromCharCode(65 + index);
}

/** `["A", "B", …]` for `count` options. */
export function choiceLetters(count: number): string[] {
  return Array.from({ length: count }, (_, i) => choiceLetter(i));
}

/** A 64-bit hash of seed and key, as a bigint: the only source of "randomness" in ordering, so runs reproduce. */
function seededHash(seed: string | number, key: string, salt = ""): bigint {
  const digest = sha256Head(`${seed}\u0000${key}\u0000${salt}`);
  return (BigInt(digest[0] as number) << 32n) | BigInt(digest[1] as number);
}

/** xorshift64*'s multiplier, 0x2545f4914f6cdd1d, as high and low 32-bit halves. */
const MULTIPLIER_HIGH = 0x2545f491;
const MULTIPLIER_LOW = 0x4f6cdd1d;
/** xorshift64*'s state when the hash gives 0 (which would stay 0 for ever): 0x9e3779b97f4a7c15. */
const ZERO_STATE_HIGH = 0x9e3779b9;
const ZERO_STATE_LOW = 0x7f4a7c15;

/** The high 32 bits of the 64-bit product of two unsigned 32-bit numbers. */
function multiplyHigh(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const middle = ((a0 * b0) >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  return (a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (middle >>> 16)) >>> 0;
}

/**
 * A deterministic PRNG (xorshift64*) seeded from seed + key, yielding floats in [0, 1): the top 53 bits of each
 * output. The 64-bit state is kept as two 32-bit halves (the same numbers as 64-bit integer arithmetic gives, without
 * a bigint per step: this runs for every row of an export).
 */
function seededRandom(seed: string | number, key: string): () => number {
  const digest = sha256Head(`${seed}\u0000${key}\u0000prng`);
  let high = digest[0] as number;
  let low = digest[1] as number;
  if (high === 0 && low === 0) {
    high = ZERO_STATE_HIGH;
    low = ZERO_STATE_LOW;
  }
  return () => {
    // state ^= state >> 12
    low = (low ^ ((low >>> 12) | (high << 20))) >>> 0;
    high = (high ^ (high >>> 12)) >>> 0;
    // state ^= state << 25 (mod 2^64)
    high = (high ^ ((high << 25) | (low >>> 7))) >>> 0;
    low = (low ^ (low << 25)) >>> 0;
    // state ^= state >> 27
    low = (low ^ ((low >>> 27) | (high << 5))) >>> 0;
    high = (high ^ (high >>> 27)) >>> 0;
    // out = state * multiplier (mod 2^64); the top 53 bits of out, as a fraction
    const outHigh =
      (multiplyHigh(low, MULTIPLIER_LOW) + Math.imul(high, MULTIPLIER_LOW) + Math.imul(low, MULTIPLIER_HIGH)) >>> 0;
    const outLow = Math.imul(low, MULTIPLIER_LOW) >>> 0;
    return (outHigh * 2 ** 21 + (outLow >>> 11)) / 2 ** 53;
  };
}

/**
 * A permutation of `values` (Fisher–Yates, without replacement), deterministic in seed and key.
 *
 * @example
 * seededShuffle({ values: ["a", "b", "c"], seed: 7, key: "q1" }); // the same order for the same seed and key
 */
export function seededShuffle<T>(params: {
  /** The values to permute (not modified). */
  values: readonly T[];
  /** The run's seed. */
  seed: string | number;
  /** What is shuffled, e.g. a question id: different keys give independent orders. */
  key: string;
}): T[] {
  const { values, seed, key } = params;
  const out = [...values];
  const random = seededRandom(seed, key);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The choices of one item in display order, and the index of the correct answer among them. */
export interface OrderedChoices {
  choices: string[];
  answerIndex: number;
}

/**
 * Places the answer at `answerIndex` and the distractors, shuffled deterministically by seed and id, around it.
 * Every distractor is used exactly once.
 *
 * @example
 * orderChoices({ item: { id: "q1", answer: "4", distractors: ["3", "5", "22"] }, seed: 7, answerIndex: 2 })
 * // { choices: ["5", "22", "4", "3"], answerIndex: 2 } (distractor order depends on the seed)
 */
export function orderChoices(params: {
  item: { id: string; answer: string; distractors: readonly string[] };
  seed: string | number;
  /** Where the answer goes; default: a position derived from seed and id. */
  answerIndex?: number;
}): OrderedChoices {
  const { item, ...options } = params;
  const count = item.distractors.length + 1;
  const answerIndex = options.answerIndex ?? Number(seededHash(options.seed, item.id, "position") % BigInt(count));
  if (!Number.isInteger(answerIndex) || answerIndex < 0 || answerIndex >= count) {
    throw new RangeError(`answerIndex ${answerIndex} is out of range for ${count} choices`);
  }
  const choices = seededShuffle({ values: item.distractors, seed: options.seed, key: item.id });
  choices.splice(answerIndex, 0, item.answer);
  return { choices, answerIndex };
}

/**
 * Assigns the correct answer's position for every item of a set so positions are spread evenly: among the items with
 * k options, each position holds ⌊n/k⌋ or ⌈n/k⌉ of them. Which item gets which position is decided by a hash of seed
 * and id, so the result does not depend on the input order and reruns on the same set agree.
 *
 * @returns a map from item id to answer index.
 * @example
 * const positions = assignAnswerPositions({
 *   items: questions.map((q) => ({ id: q.id, optionCount: q.distractors.length + 1 })),
 *   seed: 42,
 * });
 */
export function assignAnswerPositions(params: {
  items: Iterable<{ id: string; optionCount: number }>;
  seed: string | number;
}): Map<string, number> {
  const ids: string[] = [];
  const optionCounts: number[] = [];
  for (const { id, optionCount } of params.items) {
    ids.push(id);
    optionCounts.push(optionCount);
  }
  const indexes = answerPositionsInOrder({ ids, optionCounts, seed: params.seed });
  const positions = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) positions.set(ids[i] as string, indexes[i] as number);
  return positions;
}

/** The 64-bit ranks {@link answerPositionsInOrder} orders items by, as their high and low 32-bit halves. */
export interface AnswerRanks {
  high: Uint32Array;
  low: Uint32Array;
}

/**
 * The ranks of `ids` for {@link answerPositionsInOrder}: a SHA-256 of seed and id each, the cost of the balancing. Each
 * thread that reads part of a set can rank its own ids; the ranks of the parts, joined in order, are those of the set.
 *
 * @example
 * const ranks = answerRanks({ ids: ["q1", "q2"], seed: 42 });
 * answerPositionsInOrder({ ids: ["q1", "q2"], optionCounts: [4, 4], seed: 42, ranks }); // as without ranks
 */
export function answerRanks(params: { ids: readonly string[]; seed: string | number }): AnswerRanks {
  const { ids, seed } = params;
  const high = new Uint32Array(ids.length);
  const low = new Uint32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const digest = sha256Head(`${seed}\u0000${ids[i]}\u0000balance`);
    high[i] = digest[0] as number;
    low[i] = digest[1] as number;
  }
  return { high, low };
}

/** Indexes are packed below the high half of the rank in one float64 (53 bits), so sets up to this size sort natively. */
const PACKED_INDEX_BITS = 21;

/**
 * The indexes of `group` in rank order: by high half, then low half, then id. A float64 holds the high half and the
 * index exactly, so the typed array's own numeric sort does the work; only runs with the same high half (rare: two of
 * 2^32) are then put in order by the rest.
 */
function rankOrder(group: readonly number[], ranks: AnswerRanks, ids: readonly string[]): Uint32Array {
  const { high, low } = ranks;
  const compare = (a: number, b: number) =>
    (high[a] as number) - (high[b] as number) ||
    (low[a] as number) - (low[b] as number) ||
    ((ids[a] as string) < (ids[b] as string) ? -1 : 1);
  if (ids.length > 2 ** PACKED_INDEX_BITS) return Uint32Array.from(group).sort(compare);
  const keys = new Float64Array(group.length);
  for (let k = 0; k < group.length; k++) {
    const i = group[k] as number;
    keys[k] = (high[i] as number) * 2 ** PACKED_INDEX_BITS + i;
  }
  keys.sort();
  const order = new Uint32Array(group.length);
  for (let k = 0; k < keys.length; k++) order[k] = (keys[k] as number) % 2 ** PACKED_INDEX_BITS;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && high[order[end] as number] === high[order[start] as number]) end++;
    if (end - start > 1) order.subarray(start, end).sort(compare);
    start = end;
  }
  return order;
}

/**
 * {@link assignAnswerPositions} for a set held as arrays: the answer index of each item, in the order given. The same
 * positions, without an object per item (a 100,000-question export computes them before its first row).
 *
 * @example
 * answerPositionsInOrder({ ids: ["q1", "q2"], optionCounts: [4, 4], seed: 42 }); // Uint16Array [2, 0] (seed-dependent)
 */
export function answerPositionsInOrder(params: {
  ids: readonly string[];
  /** Options of each item, in the same order as `ids`. */
  optionCounts: ArrayLike<number>;
  seed: string | number;
  /** The ids' {@link answerRanks} when they were computed already (e.g. by the threads that read the ids). */
  ranks?: AnswerRanks;
}): Uint16Array {
  const { ids, optionCounts, seed } = params;
  const n = ids.length;
  if (optionCounts.length !== n) {
    throw new RangeError(`${optionCounts.length} option counts for ${n} ids: give one per id, in the same order`);
  }
  if (params.ranks && (params.ranks.high.length !== n || params.ranks.low.length !== n)) {
    throw new RangeError(`ranks for ${params.ranks.high.length} ids, not ${n}: rank every id, in the same order`);
  }
  const seen = new Set<string>();
  const byCount = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const id = ids[i] as string;
    const optionCount = optionCounts[i] as number;
    const before = seen.size;
    seen.add(id);
    if (seen.size === before) throw new TypeError(`duplicate item id "${id}": ids must be unique within a set`);
    if (!Number.isInteger(optionCount) || optionCount < 2) {
      throw new RangeError(`item "${id}" has ${optionCount} options: at least 2 are needed`);
    }
    let group = byCount.get(optionCount);
    if (!group) {
      group = [];
      byCount.set(optionCount, group);
    }
    group.push(i);
  }
  const ranks = params.ranks ?? answerRanks({ ids, seed });
  // answer positions are below the option count; a count above 255 fails later as a choice letter out of range
  const positions = new Uint16Array(n);
  for (const [count, group] of byCount) {
    const order = rankOrder(group, ranks, ids);
    // Rotate the starting position by the seed so small sets don't always favour A.
    const offset = Number(seededHash(seed, `count:${count}`, "offset") % BigInt(count));
    for (let rank = 0; rank < order.length; rank++) positions[order[rank] as number] = (rank + offset) % count;
  }
  return positions;
}
