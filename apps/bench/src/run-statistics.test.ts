import { describe, expect, it } from "vitest";
import { formatSpread, pairedRatios, spreadOf } from "./run-statistics.js";

describe("spreadOf", () => {
  it.each([
    ["odd count", [3, 1, 2], { median: 2, min: 1, max: 3 }],
    ["even count: mean of the middle two", [4, 1, 3, 2], { median: 2.5, min: 1, max: 4 }],
    ["one run", [7], { median: 7, min: 7, max: 7 }],
  ])("%s", (_name, values, want) => {
    expect(spreadOf({ values })).toMatchObject({ ...want, values });
  });

  it("refuses no values and non-finite ones, saying why", () => {
    expect(() => spreadOf({ values: [] })).toThrow(/at least one value/);
    expect(() => spreadOf({ values: [1, Number.NaN] })).toThrow(/finite/);
  });
});

describe("pairedRatios", () => {
  it("pairs run i with run i, above 1 when ours takes less time", () => {
    const r = pairedRatios({ ours: [2, 4, 1], theirs: [4, 4, 3], better: "lower" });
    expect(r.values).toEqual([2, 1, 3]);
    expect(r.median).toBe(2);
  });

  it("for rates, above 1 when ours is higher", () => {
    expect(pairedRatios({ ours: [300], theirs: [100], better: "higher" }).median).toBe(3);
    expect(pairedRatios({ ours: [50], theirs: [100], better: "higher" }).median).toBe(0.5);
  });

  it("refuses unpaired runs", () => {
    expect(() => pairedRatios({ ours: [1, 2], theirs: [1], better: "lower" })).toThrow(/one value per run/);
  });
});

describe("formatSpread", () => {
  it("prints median and min–max, or just the value for one run", () => {
    expect(formatSpread({ spread: spreadOf({ values: [1.5, 2, 2.25] }) })).toBe("2.00 (1.50–2.25)");
    expect(formatSpread({ spread: spreadOf({ values: [3.04159] }), digits: 1, unit: "s" })).toBe("3.0 s");
  });
});
