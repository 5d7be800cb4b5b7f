import { existsSync, readdirSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { evaluateModels } from "@domain-eval/evaluation";
import { writeDatasetFolder } from "@domain-eval/hub-publisher";
import { makeTinyModel, offlinePythonEnv } from "@domain-eval/testing";
import type { BenchContext } from "../bench-context.js";
import { formatSpread, spreadOf } from "../run-statistics.js";
import { syntheticExamItems } from "../synthetic-corpus.js";
import type { WorkloadReport } from "../workload-report.js";

const TASK = "bench_eval";

/** Removes LightEval's sample cache for the bench task inside a model folder, so every run computes everything. */
function clearSampleCache(modelDir: string): void {
  if (!existsSync(modelDir)) return;
  for (const entry of readdirSync(modelDir)) {
    const cached = join(modelDir, entry, `${TASK}|0`);
    if (/^[0-9a-f]{16}$/u.test(entry) && existsSync(cached)) rmSync(cached, { recursive: true, force: true });
  }
}

/**
 * Workload 5: how long `evaluateModels` (the real LightEval 0.13, `lighteval accelerate` on CPU) takes per model on
 * this machine, in total (process start, model load, scoring) and per 100 questions (LightEval's own evaluation
 * time). The GGUF → transformers conversion happens once per machine before the first run and is not timed; LightEval's
 * per-model sample cache is cleared before each run.
 *
 * @example
 * const report = await benchEvaluation({ ctx });
 */
export async function benchEvaluation(params: { ctx: BenchContext }): Promise<WorkloadReport> {
  const { ctx } = params;
  const count = ctx.sizes.evaluationQuestions;
  const items = syntheticExamItems({ count: count + 2, seed: 11 });
  const datasetDir = join(ctx.workDir, "evaluation-dataset");
  await writeDatasetFolder({
    items,
    dir: datasetDir,
    splits: { dev: 2 },
    card: { prettyName: "Bench exam", license: "cc-by-4.0", language: "en" },
  });
  const specs: string[] = [];
  for (const model of ctx.sizes.evaluationModels) {
    specs.push(
      model === "tiny"
        ? await makeTinyModel({
            dir: join(ctx.workDir, "tiny-model"),
            texts: items.flatMap((i) => [i.question, ...i.choices, i.subject]),
          })
        : model,
    );
  }
  const env = offlinePythonEnv({ HF_HOME: join(ctx.workDir, "hf-home") });
  const wall = new Map<string, number[]>();
  const scoring = new Map<string, number[]>();
  const runs: WorkloadReport["runs"] = [];
  for (let run = 0; run < ctx.runs; run++) {
    for (const spec of specs) {
      // Converts GGUF models on the first call (cached afterwards); the timed run below starts from the folder.
      const outDir = join(ctx.workDir, `evaluation-${run}-${specs.indexOf(spec)}`);
      const result = await evaluateModels({
        dataset: datasetDir,
        models: [spec],
        outDir,
        python: ctx.python,
        taskName: TASK,
        env,
        onProgress: (event) => {
          if (event.type === "converting") ctx.log(`  ${event.name}: converting the GGUF file once (not timed)`);
          if (event.type === "model-start" && event.command) {
            clearSampleCache(/model_name=([^,]+),/u.exec(event.command)?.[1] ?? "");
          }
        },
      });
      const model = result.models[0];
      if (model?.status !== "ok") throw new Error(`evaluation of ${spec} broke: ${model?.error ?? "no result"}`);
      const config = JSON.parse(await readFile(model.lighteval.results_file as string, "utf8")).config_general as {
        total_evaluation_time_secondes?: string;
      };
      const evaluationSeconds = Number(config.total_evaluation_time_secondes);
      wall.set(model.name, [...(wall.get(model.name) ?? []), model.seconds]);
      scoring.set(model.name, [...(scoring.get(model.name) ?? []), (evaluationSeconds / count) * 100]);
      runs.push({
        side: model.name,
        run,
        result: { seconds: model.seconds, evaluationSeconds, acc: model.scores?.acc },
      });
      ctx.log(
        `  run ${run + 1} ${model.name}: ${model.seconds.toFixed(1)} s in all, ${evaluationSeconds.toFixed(1)} s scoring ${count} questions (acc ${model.scores?.acc.toFixed(2)})`,
      );
      rmSync(outDir, { recursive: true, force: true });
    }
  }
  const names = [...wall.keys()];
  return {
    key: "evaluation",
    title: "7. Evaluation (LightEval 0.13, CPU)",
    setup:
      `\`evaluateModels\` on a ${count}-question dataset, one model per run, \`lighteval accelerate\` with transformers on CPU (float32, batch size 8). ` +
      "'In all' is the LightEval process from start to exit (Python imports, model load, scoring, writing results); 'per 100 questions' is LightEval's own evaluation time scaled to 100 four-option questions. The one-time GGUF → transformers conversion is not timed.",
    columns: ["in all", "per 100 questions"],
    rows: names.map((name) => ({
      side: name,
      cells: [
        formatSpread({ spread: spreadOf({ values: wall.get(name) ?? [] }), digits: 1, unit: "s" }),
        formatSpread({ spread: spreadOf({ values: scoring.get(name) ?? [] }), digits: 1, unit: "s" }),
      ],
    })),
    ratios: [],
    targets: [],
    notes: [
      "There is no Python side to compare: the evaluation is LightEval itself; these numbers say what a user waits for per model.",
      "Gemma 3 270M has a 262k-token vocabulary, so every scored continuation costs a large output projection; SmolLM2-135M's is 49k.",
    ],
    runs,
  };
}
