/**
 * Faults the scripted server can inject:
 * - `429`: rate limited, with a `Retry-After` header;
 * - `500`: server error;
 * - `timeout`: the request is accepted and never answered (the client's timeout must fire);
 * - `truncated`: a 200 answer whose content / tool arguments stop halfway (`finish_reason: "length"`), as when a model
 *   runs out of tokens;
 * - `malformed`: a 200 answer whose JSON content is broken;
 * - `disconnect`: the connection is dropped without an answer.
 */
export type FaultKind = "429" | "500" | "timeout" | "truncated" | "malformed" | "disconnect";

export const FAULT_KINDS: readonly FaultKind[] = ["429", "500", "timeout", "truncated", "malformed", "disconnect"];

/** Random fault injection, reproducible from its seed. */
export interface FaultOptions {
  /** Share of requests that fail, 0..1. */
  rate: number;
  /** Which faults to draw from (default `["429", "500", "truncated", "malformed"]`). */
  kinds?: readonly FaultKind[];
  /** Seed of the random draw (default 1): the same seed and request order give the same faults. */
  seed?: number;
  /** `Retry-After` seconds sent with 429s (default 1). */
  retryAfterSeconds?: number;
}

/** A small seeded PRNG (mulberry32): deterministic across runs and platforms. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns a function that, per request, decides whether and how it fails. */
export function createFaultPicker(options: FaultOptions | undefined): () => FaultKind | undefined {
  if (!options || options.rate <= 0) return () => undefined;
  if (!(options.rate <= 1)) throw new RangeError(`faults.rate ${options.rate} must be between 0 and 1`);
  const kinds = options.kinds ?? ["429", "500", "truncated", "malformed"];
  for (const kind of kinds) {
    if (!FAULT_KINDS.includes(kind)) {
      throw new TypeError(`unknown fault kind "${kind}": use one of ${FAULT_KINDS.join(", ")}`);
    }
  }
  if (kinds.length === 0) throw new TypeError("faults.kinds is empty: list at least one fault kind");
  const random = seededRandom(options.seed ?? 1);
  return () => {
    const hit = random() < options.rate;
    const pick = random();
    return hit ? kinds[Math.floor(pick * kinds.length)] : undefined;
  };
}

/** Cuts a text roughly in half, as a model stopped by `max_tokens` would. */
export function truncateText(text: string): string {
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}

/** Breaks JSON so no JSON parser accepts it: prose before it, a dropped closing bracket, a trailing comma. */
export function malformText(text: string): string {
  const body = text.replace(/[}\]]\s*$/u, "");
  return `Sure! Here is the JSON you asked for:\n${body},\n`;
}
