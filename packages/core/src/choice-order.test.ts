import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  answerPositionsInOrder,
  answerRanks,
  assignAnswerPositions,
  choiceLetters,
  orderChoices,
  seededShuffle,
} from "./choice-order.js";

const ids = (n: number, prefix = "item") => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

function positionCounts(positions: Map<string, number>, optionCount: number): number[] {
  const counts = new Array<number>(optionCount).fill(0);
  for (const p of positions.values()) counts[p] = (counts[p] ?? 0) + 1;
  return counts;
}

describe("assignAnswerPositions", () => {
  it("spreads 10,000 four-option items evenly: no position above its share + 1", () => {
    const positions = assignAnswerPositions({ items: ids(10_000).map((id) => ({ id, optionCount: 4 })), seed: 42 });
    const counts = positionCounts(positions, 4);
    expect(counts.reduce((a, b) => a + b)).toBe(10_000);
    for (const c of counts) expect(c).toBeLessThanOrEqual(2_500 + 1);
    for (const c of counts) expect(c).toBeGreaterThanOrEqual(2_500 - 1);
  });

  it.each([1, 2, 3, 5, 7, 10, 101, 9_999])("balances a set of %i items", (n) => {
    const positions = assignAnswerPositions({ items: ids(n).map((id) => ({ id, optionCount: 4 })), seed: "seed" });
    const share = Math.floor(n / 4);
    for (const c of positionCounts(positions, 4)) expect(c).toBeLessThanOrEqual(share + 1);
  });

  it("balances each option count separately in a mixed set", () => {
    const items = [
      ...ids(1_001, "four").map((id) => ({ id, optionCount: 4 })),
      ...ids(502, "five").map((id) => ({ id, optionCount: 5 })),
    ];
    const positions = assignAnswerPositions({ items, seed: 3 });
    const five = new Map([...positions].filter(([id]) => id.startsWith("five")));
    const four = new Map([...positions].filter(([id]) => id.startsWith("four")));
    for (const c of positionCounts(four, 4)) expect(c).toBeLessThanOrEqual(Math.floor(1_001 / 4) + 1);
    for (const c of positionCounts(five, 5)) expect(c).toBeLessThanOrEqual(Math.floor(502 / 5) + 1);
  });

  it("is deterministic in seed and ids, whatever the input order", () => {
    const items = ids(500).map((id) => ({ id, optionCount: 4 }));
    const a = assignAnswerPositions({ items, seed: 7 });
    const b = assignAnswerPositions({ items: [...items].reverse(), seed: 7 });
    expect([...a].sort()).toEqual([...b].sort());
    const c = assignAnswerPositions({ items, seed: 8 });
    expect([...a].filter(([id, p]) => c.get(id) !== p).length).toBeGreaterThan(100);
  });

  it("rejects duplicate ids and too few options", () => {
    expect(() =>
      assignAnswerPositions({
        items: [
          { id: "a", optionCount: 4 },
          { id: "a", optionCount: 4 },
        ],
        seed: 1,
      }),
    ).toThrow(/duplicate item id "a"/);
    expect(() => assignAnswerPositions({ items: [{ id: "a", optionCount: 1 }], seed: 1 })).toThrow(/at least 2/);
  });
});

describe("answerPositionsInOrder and answerRanks", () => {
  /** The rank order by definition: each index by its rank's high half, then low half, then id. */
  function referenceOrder(n: number, ranks: { high: Uint32Array; low: Uint32Array }, idsOf: string[]): number[] {
    return Array.from({ length: n }, (_, i) => i).sort(
      (a, b) =>
        (ranks.high[a] as number) - (ranks.high[b] as number) ||
        (ranks.low[a] as number) - (ranks.low[b] as number) ||
        ((idsOf[a] as string) < (idsOf[b] as string) ? -1 : 1),
    );
  }

  /** Positions follow the rank order round the options from one start: (position − rank) mod count is constant. */
  function expectPositionsInRankOrder(positions: Uint16Array, order: number[], count: number): void {
    const shifts = new Set(order.map((i, rank) => ((((positions[i] as number) - rank) % count) + count) % count));
    expect(shifts.size).toBe(1);
  }

  it("gives the positions of assignAnswerPositions, in the order given", () => {
    const all = ids(2_000);
    const optionCounts = all.map((_, i) => (i % 3 === 0 ? 5 : 4));
    const positions = answerPositionsInOrder({ ids: all, optionCounts, seed: 9 });
    const map = assignAnswerPositions({
      items: all.map((id, i) => ({ id, optionCount: optionCounts[i] as number })),
      seed: 9,
    });
    expect(Array.from(positions)).toEqual(all.map((id) => map.get(id)));
  });

  it("takes ranks computed by parts (as threads reading parts of a file do) and gives the same positions", () => {
    const all = ids(3_001);
    const optionCounts = all.map(() => 4);
    const parts = [all.slice(0, 1_000), all.slice(1_000, 2_500), all.slice(2_500)].map((part) =>
      answerRanks({ ids: part, seed: "s" }),
    );
    const join = (half: "high" | "low") => {
      const out = new Uint32Array(all.length);
      let at = 0;
      for (const part of parts) {
        out.set(part[half], at);
        at += part[half].length;
      }
      return out;
    };
    const ranks = { high: join("high"), low: join("low") };
    expect(ranks).toEqual(answerRanks({ ids: all, seed: "s" }));
    expect(answerPositionsInOrder({ ids: all, optionCounts, seed: "s", ranks })).toEqual(
      answerPositionsInOrder({ ids: all, optionCounts, seed: "s" }),
    );
  });

  it("orders items whose ranks share a high half (or a whole rank) by the low half, then by id", () => {
    const n = 600;
    const all = ids(n).reverse();
    // few distinct high halves and low halves: long runs of equal highs, and whole ranks shared by several ids
    const ranks = {
      high: Uint32Array.from({ length: n }, (_, i) => [7, 0xffffffff, 7, 123456][i % 4] as number),
      low: Uint32Array.from({ length: n }, (_, i) => (i * 7) % 5),
    };
    const positions = answerPositionsInOrder({ ids: all, optionCounts: all.map(() => 4), seed: 1, ranks });
    expectPositionsInRankOrder(positions, referenceOrder(n, ranks, all), 4);
    // and the ranks of real ids, sorted the same way
    const real = ids(5_000);
    const realRanks = answerRanks({ ids: real, seed: 1 });
    const realPositions = answerPositionsInOrder({ ids: real, optionCounts: real.map(() => 3), seed: 1 });
    expectPositionsInRankOrder(realPositions, referenceOrder(real.length, realRanks, real), 3);
  });

  it("refuses ranks or option counts that do not match the ids, naming the fix", () => {
    const two = ["a", "b"];
    expect(() =>
      answerPositionsInOrder({ ids: two, optionCounts: [4, 4], seed: 1, ranks: answerRanks({ ids: ["a"], seed: 1 }) }),
    ).toThrow(/ranks for 1 ids, not 2: rank every id, in the same order/);
    expect(() => answerPositionsInOrder({ ids: two, optionCounts: [4], seed: 1 })).toThrow(
      /1 option counts for 2 ids: give one per id/,
    );
  });
});

describe("orderChoices", () => {
  const item = { id: "q-9", answer: "right", distractors: ["w1", "w2", "w3", "w4"] };

  it("puts the answer at the requested index and uses each distractor exactly once", () => {
    for (let answerIndex = 0; answerIndex < 5; answerIndex++) {
      const { choices } = orderChoices({ item, seed: 1, answerIndex });
      expect(choices[answerIndex]).toBe("right");
      expect([...choices].sort()).toEqual(["right", "w1", "w2", "w3", "w4"]);
    }
  });

  it("is deterministic and depends on the seed", () => {
    expect(orderChoices({ item, seed: 1 })).toEqual(orderChoices({ item, seed: 1 }));
    const orders = new Set(Array.from({ length: 20 }, (_, s) => orderChoices({ item, seed: s }).choices.join()));
    expect(orders.size).toBeGreaterThan(5);
  });

  it("rejects an answer index outside the choices", () => {
    expect(() => orderChoices({ item, seed: 1, answerIndex: 5 })).toThrow(/out of range for 5 choices/);
  });
});

describe("seededShuffle and letters", () => {
  it("returns a permutation without repeats", () => {
    const values = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = seededShuffle({ values, seed: "s", key: "k" });
    expect([...shuffled].sort((a, b) => a - b)).toEqual(values);
    expect(shuffled).not.toEqual(values);
  });

  it("orders as xorshift64* in 64-bit integer arithmetic does (the orders every published dataset was built with)", () => {
    // the reference: the PRNG as first written, with bigints
    const reference = (seed: string | number, key: string, values: readonly number[]) => {
      const digest = createHash("sha256").update(`${seed}\u0000${key}\u0000prng`).digest();
      let state = digest.readBigUInt64BE(0) || 0x9e3779b97f4a7c15n;
      const mask = (1n << 64n) - 1n;
      const random = () => {
        state ^= state >> 12n;
        state ^= (state << 25n) & mask;
        state ^= state >> 27n;
        return Number(((state * 0x2545f4914f6cdd1dn) & mask) >> 11n) / 2 ** 53;
      };
      const out = [...values];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [out[i], out[j]] = [out[j] as number, out[i] as number];
      }
      return out;
    };
    const values = Array.from({ length: 40 }, (_, i) => i);
    for (let k = 0; k < 2_000; k++) {
      const seed = k % 3 === 0 ? k : `seed-${k % 17}`;
      const key = `q-${k}-${"é".repeat(k % 4)}`;
      expect(seededShuffle({ values, seed, key }), key).toEqual(reference(seed, key, values));
    }
  });

  it("names choices A, B, C, …", () => {
    expect(choiceLetters(5)).toEqual(["A", "B", "C", "D", "E"]);
  });
});
