import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { ExamItem } from "@domain-eval/core";
import { writeDatasetFolder } from "@domain-eval/hub-publisher";
import {
  evalPython,
  LIGHTEVAL_ENV_FIXES,
  offlinePythonEnv,
  reviewedExamItem,
  TESTING_PYTHON_DIR,
} from "@domain-eval/testing";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LIGHTEVAL_BUILTIN_TASKS_VERSION } from "./lighteval-builtin-tasks.js";
import { type RenderedLightevalTask, renderLightevalTask } from "./render-lighteval-task.js";
import { renderLmEvalTask } from "./render-lm-eval-task.js";
import type { TaskConfig, TaskScoring } from "./task-config.js";

const run = promisify(execFile);
const PACKAGE_DIR = fileURLToPath(new URL("..", import.meta.url));
const FIXTURES = join(PACKAGE_DIR, "test", "fixtures");

// Text a reviewer would write, including characters that must reach the prompt unchanged.
const INSTRUCTION = 'Answer questions about "fiscal" policy \\ taxes; costs in €, 😀 allowed.';
const QUESTIONS: { question: string; choices: string[]; answer: number }[] = [
  {
    question: "Which tax is levied on the value added at each stage?",
    choices: ["VAT", "Tariff", "Tithe", "Toll"],
    answer: 0,
  },
  { question: "Who sets the policy rate?", choices: ["Parliament", "The central bank", "Courts", "Banks"], answer: 1 },
  {
    question: 'What does "deficit" mean for a budget?',
    choices: ["Surplus", "Balance", "Spending above revenue", "Debt"],
    answer: 2,
  },
  { question: "Which is a direct tax?", choices: ["Excise", "Customs", "Sales tax", "Income tax"], answer: 3 },
  {
    question: "What is the fiscal year used for?",
    choices: ["Budgets and accounts", "Elections", "Sports", "Weather"],
    answer: 0,
  },
  {
    question: "Which body audits public accounts?",
    choices: ["A court of auditors", "A football club", "A choir", "A zoo"],
    answer: 0,
  },
  { question: "Inflation erodes what?", choices: ["Purchasing power", "Gravity", "Tides", "Memory"], answer: 0 },
];

function examItem(q: (typeof QUESTIONS)[number], i: number): ExamItem {
  return reviewedExamItem({ index: i, ...q, subject: "public_finance" });
}

describe(`generated task files on the real LightEval ${LIGHTEVAL_BUILTIN_TASKS_VERSION} and lm-evaluation-harness`, () => {
  let work: string;
  let datasetDir: string;
  /** Rows of the test split in file order (the first 2 items became the dev split). */
  let testRows: ExamItem[];
  const env = () =>
    offlinePythonEnv({
      PYTHONPATH: LIGHTEVAL_ENV_FIXES,
      HF_HOME: join(work, "hf-home"),
      HF_DATASETS_CACHE: join(work, "hf-datasets"),
      STUB_MODEL_CACHE_DIR: join(work, "stub-cache"),
      COLUMNS: "1000",
    });
  const bin = (name: string) => join(dirname(evalPython()), name);
  const tasks = new Map<TaskScoring, RenderedLightevalTask>();
  const renderTo = (config: TaskConfig): RenderedLightevalTask => {
    const task = renderLightevalTask(config);
    writeFileSync(join(work, task.fileName), task.source);
    return task;
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "lighteval-task-int-"));
    datasetDir = join(work, "dataset");
    const items = QUESTIONS.map(examItem);
    await writeDatasetFolder({
      items,
      dir: datasetDir,
      splits: { dev: 2 },
      card: { prettyName: "Public finance exam", license: "cc-by-4.0", language: "en" },
    });
    testRows = items.slice(2);
    for (const metrics of ["loglikelihood", "loglikelihood-letters", "generative"] as const) {
      tasks.set(
        metrics,
        renderTo({
          name: `finance_${metrics.replace("-", "_")}`,
          dataset: { path: datasetDir },
          instruction: INSTRUCTION,
          metrics,
          generationSize: 16,
        }),
      );
    }
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test("`lighteval tasks inspect` shows the instruction, question, choices and gold answer of each row", async () => {
    const task = tasks.get("loglikelihood") as RenderedLightevalTask;
    const { stdout } = await run(
      bin("lighteval"),
      ["tasks", "inspect", task.taskSpec, "--custom-tasks", join(work, task.fileName), "--num-samples", "3"],
      { env: env(), maxBuffer: 64 * 1024 * 1024 },
    );
    const samples = JSON.parse(await pythonWithStdin(join(FIXTURES, "parse_inspect_output.py"), stdout, env())) as {
      query: string;
      choices: string[];
      gold_index: number;
      instruction: string;
    }[];
    expect(samples).toHaveLength(3);
    samples.forEach((sample, i) => {
      const row = testRows[i] as ExamItem;
      expect(sample.instruction).toBe(`${INSTRUCTION}\n\n`);
      expect(sample.query).toBe(`${INSTRUCTION}\n\nQuestion: ${row.question}\nAnswer:`);
      expect(sample.choices).toEqual(row.choices.map((choice) => ` ${choice}`));
      expect(sample.gold_index).toBe(row.answer);
    });
  });

  test("`lighteval accelerate` runs the printed command end to end with a tiny local model and reports acc and acc_norm", async () => {
    const modelDir = join(work, "tiny-model");
    const words = join(work, "words.txt");
    writeFileSync(
      words,
      [INSTRUCTION, ...QUESTIONS.flatMap((q) => [q.question, ...q.choices]), "Question Answer"].join("\n"),
    );
    await run(evalPython(), [join(TESTING_PYTHON_DIR, "make_tiny_model.py"), modelDir, words], { env: env() });

    const task = renderTo({
      name: "finance_exam",
      dataset: { path: datasetDir },
      instruction: INSTRUCTION,
      fewShots: 1,
      modelArgs: { model_name: modelDir, batch_size: 4, dtype: "float32", max_length: 256, device: "cpu" },
      taskFilePath: join(work, "finance_exam.py"),
      outputDir: join(work, "accelerate-out"),
    });
    // The command the CLI prints, run as a user would paste it.
    await run("bash", ["-c", task.command.replace(/^lighteval /, `${bin("lighteval")} `)], {
      env: env(),
      cwd: work,
      maxBuffer: 64 * 1024 * 1024,
    });
    const resultsDir = join(work, "accelerate-out", "results", modelDir.replace(/^\//, ""));
    const [resultsFile] = readdirSync(resultsDir).filter((f) => f.startsWith("results_"));
    const results = JSON.parse(readFileSync(join(resultsDir, resultsFile as string), "utf8")).results;
    expect(Object.keys(results)).toContain("finance_exam|1");
    const scores = results[task.resultsKey];
    for (const metric of task.metricNames) {
      expect(scores[metric]).toBeGreaterThanOrEqual(0);
      expect(scores[metric]).toBeLessThanOrEqual(1);
      // With 5 test rows every accuracy is a multiple of 1/5.
      expect(Math.abs(scores[metric] * 5 - Math.round(scores[metric] * 5))).toBeLessThan(1e-9);
    }
  });

  test("metric direction: a model favouring the gold choice scores 1.0, one favouring a wrong choice 0.0", async () => {
    const args = [...tasks.values()].map((task) => `${task.taskSpec}=${join(work, task.fileName)}`);
    const { stdout } = await run(
      evalPython(),
      [join(FIXTURES, "run_metric_direction.py"), join(work, "direction"), ...args],
      {
        env: env(),
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const line = stdout.split("\n").find((l) => l.startsWith("METRIC_DIRECTION_JSON=")) as string;
    const runs = JSON.parse(line.slice("METRIC_DIRECTION_JSON=".length)) as {
      task_file: string;
      favours: "gold" | "wrong";
      results: Record<string, Record<string, number>>;
    }[];
    expect(runs).toHaveLength(6);
    for (const task of tasks.values()) {
      for (const favours of ["gold", "wrong"] as const) {
        const result = runs.find((r) => r.task_file === join(work, task.fileName) && r.favours === favours);
        const scores = result?.results[task.resultsKey] as Record<string, number>;
        for (const metric of task.metricNames) {
          expect({ task: task.taskName, favours, metric, score: scores[metric] }).toEqual({
            task: task.taskName,
            favours,
            metric,
            score: favours === "gold" ? 1 : 0,
          });
        }
      }
    }
  });

  test("lm-evaluation-harness runs the generated YAML of every scoring mode (dummy model) with the same prompt", async () => {
    const yamlDir = join(work, "lm-eval-tasks");
    const names: string[] = [];
    mkdirSync(yamlDir, { recursive: true });
    for (const metrics of ["loglikelihood", "loglikelihood-letters", "generative"] as const) {
      const task = renderLmEvalTask({
        name: `lm_${metrics.replace("-", "_")}`,
        dataset: { path: datasetDir },
        instruction: INSTRUCTION,
        metrics,
        fewShots: metrics === "loglikelihood" ? 1 : 0,
        generationSize: 16,
      });
      writeFileSync(join(yamlDir, task.fileName), task.yaml);
      names.push(task.taskName);
    }
    const out = join(work, "lm-eval-out");
    await run(
      bin("lm_eval"),
      [
        "--model",
        "dummy",
        "--tasks",
        names.join(","),
        "--include_path",
        yamlDir,
        "--output_path",
        out,
        "--log_samples",
      ],
      { env: env(), cwd: work, maxBuffer: 64 * 1024 * 1024 },
    );
    const files = readdirSync(out, { recursive: true, encoding: "utf8" });
    const resultsFile = files.find((f) => /results_.*\.json$/.test(f)) as string;
    const results = JSON.parse(readFileSync(join(out, resultsFile), "utf8")).results;
    expect(Object.keys(results).sort()).toEqual([...names].sort());
    expect(results.lm_loglikelihood).toHaveProperty(["acc,none"]);
    expect(results.lm_loglikelihood).toHaveProperty(["acc_norm,none"]);
    expect(results.lm_loglikelihood_letters).toHaveProperty(["acc,none"]);
    expect(results.lm_generative).toHaveProperty(["exact_match,letter"]);

    // The prompt lm-eval builds for the first test row is the one LightEval builds (minus LightEval's extra blank
    // line between instruction and question, which it adds when it joins instruction and query).
    const samplesFile = files.find((f) => f.includes("samples_lm_loglikelihood_") && !f.includes("letters")) as string;
    const first = JSON.parse(readFileSync(join(out, samplesFile), "utf8").split("\n")[0] as string);
    const row = testRows[0] as ExamItem;
    const dev = examItem(QUESTIONS[0] as (typeof QUESTIONS)[number], 0);
    expect(first.arguments.gen_args_0.arg_0).toBe(
      `${INSTRUCTION}\n\nQuestion: ${dev.question}\nAnswer: ${dev.choices[dev.answer]}\n\nQuestion: ${row.question}\nAnswer:`,
    );
    expect(first.arguments.gen_args_0.arg_1).toBe(` ${row.choices[0]}`);
    expect(first.target).toBe(String(row.answer));
  });

  test("the committed list of LightEval built-in task names matches the installed LightEval", async () => {
    const { stdout } = await run(evalPython(), [join(PACKAGE_DIR, "scripts", "list-lighteval-builtin-tasks.py")], {
      env: env(),
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(stdout).toBe(readFileSync(join(PACKAGE_DIR, "src", "lighteval-builtin-tasks.ts"), "utf8"));
  });
});

async function pythonWithStdin(script: string, input: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(evalPython(), [script], { env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin?.end(input);
  });
}
