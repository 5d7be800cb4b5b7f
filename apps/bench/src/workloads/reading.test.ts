import { describe, expect, it } from "vitest";
import { spreadOf } from "../run-statistics.js";
import { readingWhyNote } from "./reading.js";

const spread = (...values: number[]) => spreadOf({ values });
const cpuPerThousand = new Map([
  ["ours", [130, 125, 140]],
  ["raw", [90, 85, 95]],
  ["argilla-sdk", [360, 350, 370]],
]);

describe("the reading section's reason", () => {
  it("says the server sets the pace only when even the raw limit is below 1.5× the SDK", () => {
    const note = readingWhyNote({
      ratio: spread(1.3, 1.35, 1.4),
      ofRaw: spread(0.95, 0.97, 1),
      rawOverSdk: spread(1.38, 1.4, 1.45),
      cpuPerThousand,
    });
    expect(note).toMatch(/^Why not 1\.5×: the server sets the pace/);
    expect(note).toContain("no client can reach 1.5×");
  });

  it("never claims no client can reach 1.5× when the raw limit is above it", () => {
    // ours at the raw limit, the limit 1.57× the SDK, ours 1.48×: the server's pace and spread, not the client
    const atLimit = readingWhyNote({
      ratio: spread(1.33, 1.48, 1.58),
      ofRaw: spread(0.73, 1, 1.17),
      rawOverSdk: spread(1.31, 1.57, 1.81),
      cpuPerThousand,
    });
    expect(atLimit).not.toContain("no client can reach");
    expect(atLimit).toContain("ours reads at the server's raw limit (1.00 (0.73–1.17) of it)");
    expect(atLimit).toContain("1.57 (1.31–1.81)× the SDK");
    // below the raw limit with room above 1.5×: the client's CPU is named as the gap, with its numbers
    const belowLimit = readingWhyNote({
      ratio: spread(1.38, 1.4, 1.47),
      ofRaw: spread(0.81, 0.83, 0.86),
      rawOverSdk: spread(1.54, 1.68, 1.71),
      cpuPerThousand,
    });
    expect(belowLimit).not.toContain("no client can reach");
    expect(belowLimit).toContain("ours 130 ms (125–140) against the raw side's 90 ms (85–95)");
  });

  it("says where the time goes when both targets are hit", () => {
    const note = readingWhyNote({
      ratio: spread(1.6, 1.7, 1.8),
      ofRaw: spread(0.95, 1, 1.02),
      rawOverSdk: spread(1.6, 1.7, 1.8),
      cpuPerThousand,
    });
    expect(note).toMatch(/^Where the time goes/);
  });
});
