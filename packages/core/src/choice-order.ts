import * as crypto from "node:crypto";

/** One-shot SHA-256 (`crypto.hash`, Node ≥ 20.12: no Hash object per call); the streaming API where it is missing. */
const sha256: (data: string) => Buffer =
  typeof crypto.hash === "function"
    ? (data) => crypto.hash("sha256", data, "buffer") as unknown as Buffer
    : (data) => crypto.createHash("sha256").update(data).digest();

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
  return sha256(`${seed}\u0000${key}\u0000${salt}`).readBigUInt64BE(0);
}

/** A deterministic PRNG (xorshift64*) seeded from seed + key, yielding floats in [0, 1). */
function seededRandom(seed: string | number, key: string): () => number {
  let state = seededHash(seed, key, "prng") || 0x9e3779b97f4a7c15n;
  const mask = (1n << 64n) - 1n;
  return () => {
    state ^= state >> 12n;
    state ^= (state << 25n) & mask;
    state ^= state >> 27n;
    const out = (state * 0x2545f4914f6cdd1dn) & mask;
    return Number(out >> 11n) / 2 ** 53;
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
  const { items, seed } = params;
  // The rank is the 64-bit hash as its high and low 32 bits: the same order as comparing it as a bigint, cheaper.
  const byCount = new Map<number, { id: string; high: number; low: number }[]>();
  const seen = new Set<string>();
  for (const { id, optionCount } of items) {
    if (seen.has(id)) throw new TypeError(`duplicate item id "${id}": ids must be unique within a set`);
    seen.add(id);
    if (!Number.isInteger(optionCount) || optionCount < 2) {
      throw new RangeError(`item "${id}" has ${optionCount} options: at least 2 are needed`);
    }
    const group = byCount.get(optionCount) ?? [];
    byCount.set(optionCount, group);
    const digest = sha256(`${seed}\u0000${id}\u0000balance`);
    group.push({ id, high: digest.readUInt32BE(0), low: digest.readUInt32BE(4) });
  }
  const positions = new Map<string, number>();
  for (const [count, group] of byCount) {
    group.sort((a, b) => a.high - b.high || a.low - b.low || (a.id < b.id ? -1 : 1));
    // Rotate the starting position by the seed so small sets don't always favour A.
    const offset = Number(seededHash(seed, `count:${count}`, "offset") % BigInt(count));
    group.forEach(({ id }, i) => {
      positions.set(id, (i + offset) % count);
    });
  }
  return positions;
}
