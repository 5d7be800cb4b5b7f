import { describe, expect, it } from "vitest";
import { spreadOf } from "../run-statistics.js";
import { readingWhyNote } from "./reading.js";

const cpuPerThousand = new Map([
  ["ours", [130, 125, 140]],
  ["raw", [90, 85, 95]],
  ["argilla-sdk", [360, 350, 370]],
]);
/** The note for three runs' ratios: ours / SDK, ours / raw limit, raw limit / SDK. */
const noteFor = (ratio: number[], ofRaw: number[], rawOverSdk: number[]) =>
  readingWhyNote({
    ratio: spreadOf({ values: ratio }),
    ofRaw: spreadOf({ values: ofRaw }),
    rawOverSdk: spreadOf({ values: rawOverSdk }),
    cpuPerThousand,
  });

describe("the reading section's reason", () => {
  it("says the server sets the pace only when even the raw limit is below 1.5× the SDK", () => {
    const note = noteFor([1.3, 1.35, 1.4], [0.95, 0.97, 1], [1.38, 1.4, 1.45]);
    expect(note).toMatch(/^Why not 1\.5×: the server sets the pace/);
    expect(note).toContain("no client can reach 1.5×");
  });

  it("never claims no client can reach 1.5× when the raw limit is above it", () => {
    // ours at the raw limit, the limit 1.57× the SDK, ours 1.48×: the server's pace and spread, not the client
    const atLimit = noteFor([1.33, 1.48, 1.58], [0.73, 1, 1.17], [1.31, 1.57, 1.81]);
    expect(atLimit).not.toContain("no client can reach");
    expect(atLimit).toContain("ours reads at the server's raw limit (1.00 (0.73–1.17) of it)");
    expect(atLimit).toContain("1.57 (1.31–1.81)× the SDK");
    // below the raw limit with room above 1.5×: the client's CPU is named as the gap, with its numbers
    const belowLimit = noteFor([1.38, 1.4, 1.47], [0.81, 0.83, 0.86], [1.54, 1.68, 1.71]);
    expect(belowLimit).not.toContain("no client can reach");
    expect(belowLimit).toContain("ours 130 ms (125–140) against the raw side's 90 ms (85–95)");
  });

  it("says where the time goes when both targets are hit", () => {
    const note = noteFor([1.6, 1.7, 1.8], [0.95, 1, 1.02], [1.6, 1.7, 1.8]);
    expect(note).toMatch(/^Where the time goes/);
  });
});
