import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import type { ExamItem } from "@domain-eval/core";
import { writeDatasetFolder } from "@domain-eval/hub-publisher";
import {
  evalPython,
  makeTinyModel,
  offlinePythonEnv,
  reviewedExamItem,
  startScriptedOpenAIServer,
} from "@domain-eval/testing";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { evaluateModels } from "./evaluate-models.js";
import type { EvaluationResults, ModelResult } from "./results-format.js";

const run = promisify(execFile);

// Twelve questions a small model can partly answer without a passage; the first two become the dev split.
const QUESTIONS: [string, string[], number][] = [
  ["What is the capital of France?", ["Paris", "Berlin", "Madrid", "Rome"], 0],
  ["Which planet is known as the red planet?", ["Venus", "Mars", "Jupiter", "Saturn"], 1],
  ["What is two plus two?", ["three", "five", "four", "twenty-two"], 2],
  ["Which animal barks?", ["The cat", "The cow", "The fish", "The dog"], 3],
  ["What colour is the sky on a clear day?", ["Blue", "Green", "Red", "Black"], 0],
  ["Which of these is a fruit?", ["Carrot", "Apple", "Potato", "Onion"], 1],
  ["What do bees make?", ["Milk", "Silk", "Honey", "Wool"], 2],
  ["Which season is the coldest?", ["Summer", "Spring", "Autumn", "Winter"], 3],
  ["What is frozen water called?", ["Ice", "Steam", "Sand", "Glass"], 0],
  ["How many days are in a week?", ["Five", "Seven", "Ten", "Twelve"], 1],
  ["Which ocean is the largest?", ["Indian", "Arctic", "Pacific", "Atlantic"], 2],
  ["What gas do people breathe in to live?", ["Helium", "Neon", "Argon", "Oxygen"], 3],
];

function examItem([question, choices, answer]: (typeof QUESTIONS)[number], i: number): ExamItem {
  return reviewedExamItem({ index: i, id: `q${String(i).padStart(2, "0")}`, question, choices, answer });
}

const ITEMS = QUESTIONS.map(examItem);
const TEST_ITEMS = ITEMS.slice(2);

describe("evaluateModels on the real LightEval 0.13 with real models", () => {
  let work: string;
  let datasetDir: string;
  let outDir: string;
  let tinyDir: string;
  let results: EvaluationResults;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "evaluation-int-"));
    env = offlinePythonEnv({ HF_HOME: join(work, "hf-home"), HF_DATASETS_CACHE: join(work, "hf-datasets") });
    datasetDir = join(work, "general-exam");
    await writeDatasetFolder({
      items: ITEMS,
      dir: datasetDir,
      splits: { dev: 2 },
      card: { prettyName: "General exam", license: "cc-by-4.0", language: "en" },
    });
    tinyDir = await makeTinyModel({
      dir: join(work, "tiny-model"),
      texts: QUESTIONS.flatMap(([q, c]) => [
        q,
        ...c,
        "The following are multiple choice questions (with answers) about general knowledge.",
      ]),
    });
    // A folder that looks like a model but is not one: LightEval must fail on it with its own reason.
    const broken = join(work, "broken-model");
    mkdirSync(broken);
    writeFileSync(join(broken, "config.json"), JSON.stringify({ model_type: "llama", vocab_size: "many" }));
    outDir = join(work, "results");
    results = await evaluateModels({
      dataset: datasetDir,
      models: [tinyDir, "smollm2-135m-instruct", "gemma-3-270m", broken, join(work, "missing.gguf")],
      outDir,
      python: evalPython(),
      taskName: "general_exam",
      env,
    });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const model = (name: string) => results.models.find((m) => m.name === name) as ModelResult;

  test("results.json holds every model; the three real ones ran, the broken ones failed with the reason", async () => {
    const written = JSON.parse(await readFile(join(outDir, "results.json"), "utf8")) as EvaluationResults;
    expect(written).toEqual(results);
    expect(written.format).toBe("domain-eval/results@1");
    expect(written.dataset).toMatchObject({ task: "general_exam|0", num_questions: 10 });
    expect(written.dataset.revision).toMatch(/^sha256:[0-9a-f]{64}$/u);
    expect(results.models.map((m) => [m.name, m.status])).toEqual([
      ["tiny-model", "ok"],
      ["smollm2-135m-instruct", "ok"],
      ["gemma-3-270m", "ok"],
      ["broken-model", "failed"],
      ["missing", "failed"],
    ]);
    // LightEval's own exception line, not a generic "exit code 1".
    expect(model("broken-model").error).toMatch(/^\w*(Error|Exception)\b/u);
    expect(model("missing").error).toContain("does not exist");
  });

  test("each model's accuracy is the mean of its per-question correctness, over the dataset's questions", () => {
    for (const name of ["tiny-model", "smollm2-135m-instruct", "gemma-3-270m"]) {
      const m = model(name);
      expect(m.items.map((i) => i.id)).toEqual(TEST_ITEMS.map((i) => i.id));
      expect(m.items.map((i) => i.gold)).toEqual(TEST_ITEMS.map((i) => i.answer));
      const mean = m.items.filter((i) => i.correct).length / m.items.length;
      expect(m.scores?.acc).toBeCloseTo(mean, 12);
      // With acc, the predicted option is the most likely one: right exactly when it is the key.
      for (const item of m.items) expect(item.correct).toBe(item.predicted === item.gold);
      const letters = Object.keys(m.position_accuracy).sort();
      expect(letters).toEqual(["A", "B", "C", "D"]);
    }
    expect(results.items).toHaveLength(10);
    for (const item of results.items) {
      const right = ["tiny-model", "smollm2-135m-instruct", "gemma-3-270m"].filter(
        (name) => model(name).items.find((i) => i.id === item.id)?.correct,
      ).length;
      expect(item.difficulty).toBeCloseTo(right / 3, 12);
      expect(item.flags.includes("ALL_MODELS_WRONG")).toBe(right === 0);
    }
  });

  test("the numbers equal what the printed `lighteval accelerate` command reports when run by hand", async () => {
    for (const name of ["tiny-model", "smollm2-135m-instruct", "gemma-3-270m"]) {
      const m = model(name);
      const command = m.lighteval.command as string;
      const modelDir = /model_name=([^,]+),/u.exec(command)?.[1] as string;
      // LightEval caches samples inside the model folder; remove this task's cache so the run recomputes everything.
      for (const entry of readdirSync(modelDir)) {
        const cached = join(modelDir, entry, "general_exam|0");
        if (/^[0-9a-f]{16}$/u.test(entry) && existsSync(cached)) rmSync(cached, { recursive: true });
      }
      const resultsDir = dirname(m.lighteval.results_file as string);
      const before = new Set(readdirSync(resultsDir));
      await run("bash", ["-c", command], { env, cwd: work, maxBuffer: 64 * 1024 * 1024 });
      const fresh = readdirSync(resultsDir).filter((f) => !before.has(f) && f.startsWith("results_"));
      expect(fresh).toHaveLength(1);
      const byHand = JSON.parse(await readFile(join(resultsDir, fresh[0] as string), "utf8")).results["general_exam|0"];
      expect({ name, ...m.scores }).toEqual({ name, ...byHand });
    }
  });

  test("a rerun reuses every evaluated model from the results cache without starting LightEval", async () => {
    const started = performance.now();
    const again = await evaluateModels({
      dataset: datasetDir,
      models: [tinyDir, "smollm2-135m-instruct", "gemma-3-270m"],
      outDir,
      python: evalPython(),
      taskName: "general_exam",
      env,
    });
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(again.models.map((m) => m.cached)).toEqual([true, true, true]);
    expect(again.models.map((m) => m.scores)).toEqual(results.models.slice(0, 3).map((m) => m.scores));
  });

  test("Ctrl-C (abort) stops the model in progress and keeps the finished ones in results.json", async () => {
    const controller = new AbortController();
    const interrupted = await evaluateModels({
      dataset: datasetDir,
      models: [tinyDir, join(work, "broken-model"), "smollm2-135m-instruct"],
      outDir,
      python: evalPython(),
      taskName: "general_exam",
      env,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.type === "model-start" && event.index === 1) setTimeout(() => controller.abort(), 500);
      },
    });
    expect(interrupted.interrupted).toBe(true);
    expect(interrupted.models.map((m) => m.name)).toEqual(["tiny-model"]);
    const written = JSON.parse(await readFile(join(outDir, "results.json"), "utf8")) as EvaluationResults;
    expect(written.models.map((m) => m.name)).toEqual(["tiny-model"]);
  });

  test("an OpenAI-compatible endpoint runs through `lighteval endpoint litellm`, scored on the letter it writes", async () => {
    // Answers the key on even-numbered test questions and a wrong letter on the others.
    const server = await startScriptedOpenAIServer({
      handler: (request) => {
        const prompt = JSON.stringify(request.messages);
        const index = TEST_ITEMS.findIndex((item) => prompt.includes(item.question.replace(/"/gu, '\\"')));
        const item = TEST_ITEMS[index] as ExamItem;
        const letter = "ABCD"[index % 2 === 0 ? item.answer : (item.answer + 1) % 4];
        return { content: `The options were weighed.\nAnswer: ${letter}` };
      },
    });
    try {
      const endpoint = await evaluateModels({
        dataset: datasetDir,
        models: [`endpoint:scripted-model@${server.url}`],
        outDir: join(work, "endpoint-results"),
        python: evalPython(),
        taskName: "general_exam",
        env,
      });
      const m = endpoint.models[0] as ModelResult;
      expect({ status: m.status, error: m.error, backend: m.backend }).toEqual({
        status: "ok",
        error: null,
        backend: "endpoint",
      });
      expect(m.items.map((i) => i.correct)).toEqual(TEST_ITEMS.map((_, i) => i % 2 === 0));
      expect(m.items.map((i) => i.predicted)).toEqual(
        TEST_ITEMS.map((item, i) => (i % 2 === 0 ? item.answer : (item.answer + 1) % 4)),
      );
      expect(m.scores).toMatchObject({ acc: 0.5, acc_norm: null });
    } finally {
      await server.close();
    }
  });
});
