import { contentWordStems, jaccard } from "@domain-eval/core";
import { describe, expect, it } from "vitest";
import type { BenchContext } from "../bench-context.js";
import { BENCH_SIZES } from "../bench-sizes.js";
import { benchNearDuplicates, generatedQuestions } from "./near-duplicates.js";

describe("near-duplicate workload", () => {
  it("builds questions that share most of their words, with planted rewordings", () => {
    const { questions, planted } = generatedQuestions({ count: 300 });
    expect(new Set(questions.map((q) => q.id)).size).toBe(300);
    expect([...planted.values()]).toEqual(["c16-q1", "c49-q2", "c83-q0"]);
    // the adversarial property: any two questions share a good part of their stems
    const stems = questions.map((q) => new Set(contentWordStems(q.question)));
    const similarities = stems.slice(1, 60).map((b) => jaccard({ a: stems[0] as Set<string>, b }));
    expect(Math.min(...similarities)).toBeGreaterThan(0.2);
  });

  it("reports wall time at each size and flags exactly the planted questions", async () => {
    const logged: string[] = [];
    const ctx = {
      mode: "smoke",
      sizes: BENCH_SIZES.smoke,
      runs: 1,
      workDir: "/nonexistent",
      python: "python3",
      runId: "test",
      log: (line: string) => logged.push(line),
    } satisfies BenchContext;
    const report = await benchNearDuplicates({ ctx });
    expect(report.key).toBe("near-duplicates");
    expect(report.rows.map((r) => r.cells[2])).toEqual(["3", "6"]);
    expect(report.targets).toHaveLength(2);
    expect(logged).toHaveLength(2);
  });
});
