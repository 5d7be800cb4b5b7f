// LightEval 0.13 turns on litellm's disk answer cache, keyed by model name and prompt but not by endpoint. Two servers
// that serve the same model name must each be asked: a run against the second must never score the first's answers.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ExamItem } from "@domain-eval/core";
import { writeDatasetFolder } from "@domain-eval/hub-publisher";
import { evalPython, offlinePythonEnv, reviewedExamItem, startScriptedOpenAIServer } from "@domain-eval/testing";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { evaluateModels } from "./evaluate-models.js";
import type { ModelResult } from "./results-format.js";

const ITEMS: ExamItem[] = [
  ["What is the capital of France?", ["Paris", "Berlin", "Madrid", "Rome"], 0],
  ["Which planet is known as the red planet?", ["Venus", "Mars", "Jupiter", "Saturn"], 1],
  ["What is two plus two?", ["three", "five", "four", "twenty-two"], 2],
  ["Which animal barks?", ["The cat", "The cow", "The fish", "The dog"], 3],
  ["What do bees make?", ["Milk", "Silk", "Honey", "Wool"], 2],
  ["Which season is the coldest?", ["Summer", "Winter", "Spring", "Autumn"], 1],
].map(([question, choices, answer], index) =>
  reviewedExamItem({ index, question: question as string, choices: choices as string[], answer: answer as number }),
);
/** The test split: the first two items become the dev split. */
const TEST_ITEMS = ITEMS.slice(2);

/** A server that always answers the key (`right`) or always the next letter. */
async function server(right: boolean) {
  return startScriptedOpenAIServer({
    handler: (request) => {
      const prompt = JSON.stringify(request.messages);
      const item = TEST_ITEMS.find((i) => prompt.includes(i.question)) as ExamItem;
      return { content: `Answer: ${"ABCD"[right ? item.answer : (item.answer + 1) % 4]}` };
    },
  });
}

describe("endpoint runs never reuse litellm's cached answers (real LightEval 0.13)", () => {
  let work: string;
  let dataset: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "endpoint-answer-cache-"));
    dataset = join(work, "exam");
    await writeDatasetFolder({
      items: ITEMS,
      dir: dataset,
      splits: { dev: 2 },
      card: { prettyName: "General exam", license: "cc-by-4.0", language: "en" },
    });
    env = offlinePythonEnv({ HF_HOME: join(work, "hf-home"), HF_DATASETS_CACHE: join(work, "hf-datasets") });
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  test("the same model name on another server is asked again, and no .litellm_cache is written", async () => {
    const outDir = join(work, "results");
    const evaluate = async (right: boolean) => {
      const s = await server(right);
      try {
        const results = await evaluateModels({
          dataset,
          models: [`endpoint:same-name@${s.url}`],
          outDir,
          python: evalPython(),
          taskName: "general_exam",
          env,
        });
        return { model: results.models[0] as ModelResult, asked: s.requests.length };
      } finally {
        await s.close();
      }
    };
    const first = await evaluate(true);
    expect(first.model.status).toBe("ok");
    expect(first.model.scores?.acc).toBe(1);
    const second = await evaluate(false);
    expect(second.model).toMatchObject({ status: "ok", cached: false });
    expect(second.asked).toBeGreaterThanOrEqual(TEST_ITEMS.length);
    expect(second.model.scores?.acc).toBe(0);
    expect(second.model.items.map((i) => i.predicted)).toEqual(TEST_ITEMS.map((i) => (i.answer + 1) % 4));
    expect(existsSync(join(outDir, ".litellm_cache"))).toBe(false);
    expect(existsSync(join(process.cwd(), ".litellm_cache"))).toBe(false);
  });
});
