import { describe, expect, it } from "vitest";
import { binomialUpperTail, falseAlarmRate, rejectionThreshold, testAboveChance } from "./above-chance.js";

describe("the above-chance rule (one-sided exact binomial test)", () => {
  it.each([
    [4, 4, 0.25, 1 / 256],
    [3, 4, 0.25, 13 / 256],
    [0, 4, 0.25, 1],
    [1, 1, 0.5, 0.5],
  ])("P(X >= %i | n=%i, p=%f) = %f", (successes, trials, chance, want) => {
    expect(binomialUpperTail({ successes, trials, chance })).toBeCloseTo(want, 10);
  });

  it("flags 4 of 4 right on a 4-option item, not 3 of 4, and never with fewer than 3 answers", () => {
    expect(testAboveChance({ correct: 4, answered: 4, chance: 0.25 }).aboveChance).toBe(true);
    expect(testAboveChance({ correct: 3, answered: 4, chance: 0.25 }).aboveChance).toBe(false);
    expect(testAboveChance({ correct: 2, answered: 2, chance: 0.25 }).aboveChance).toBe(false);
    expect(testAboveChance({ correct: 0, answered: 0, chance: 0.25 })).toMatchObject({ aboveChance: false, pValue: 1 });
  });

  it("documents the false-alarm rate of a guessing panel: at most alpha, exactly as stated in the README", () => {
    expect(rejectionThreshold({ trials: 4, chance: 0.25, alpha: 0.05 })).toBe(4);
    expect(falseAlarmRate({ trials: 4, chance: 0.25, alpha: 0.05 })).toBeCloseTo(0.0039, 4);
    expect(falseAlarmRate({ trials: 8, chance: 0.25, alpha: 0.05 })).toBeCloseTo(0.0273, 4);
    expect(falseAlarmRate({ trials: 12, chance: 0.25, alpha: 0.05 })).toBeCloseTo(0.0143, 4);
    expect(falseAlarmRate({ trials: 2, chance: 0.25, alpha: 0.05 })).toBe(0);
    for (let n = 1; n <= 40; n++)
      expect(falseAlarmRate({ trials: n, chance: 0.25, alpha: 0.05 })).toBeLessThanOrEqual(0.05);
  });

  it("rejects impossible inputs with a message saying what is allowed", () => {
    expect(() => binomialUpperTail({ successes: 5, trials: 4, chance: 0.25 })).toThrow(/from 0 to trials/);
    expect(() => testAboveChance({ correct: 1, answered: 2, chance: 0.25, alpha: 2 })).toThrow(/alpha/);
  });
});
