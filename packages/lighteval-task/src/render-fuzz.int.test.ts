import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { evalPython, offlinePythonEnv, seededRandom } from "@domain-eval/testing";
import { afterAll, describe, expect, test } from "vitest";
import { LIGHTEVAL_BUILTIN_TASK_NAMES } from "./lighteval-builtin-tasks.js";
import { renderLightevalTask, TASK_FILE_CONSTANTS } from "./render-lighteval-task.js";
import { renderLmEvalTask } from "./render-lm-eval-task.js";
import type { LightevalVersion, TaskConfig, TaskScoring } from "./task-config.js";

const FIXTURES = fileURLToPath(new URL("../test/fixtures/", import.meta.url));
const CONFIGS = 2500;
const SEED = Number(process.env.FUZZ_SEED ?? 20251128);

// Pieces chosen to break naive escaping: quotes of every kind, backslashes, line breaks Python or YAML read, NUL and
// other controls, bidi and zero-width characters, BOM and non-characters, non-BMP text, Jinja and YAML syntax.
const PIECES = [
  '"',
  "'",
  '"""',
  "'''",
  "\\",
  "\\n",
  "\\x00",
  "\n",
  "\r",
  "\r\n",
  "\t",
  "\0",
  "\x07",
  "\x1b",
  "\x7f",
  "\x85",
  "\u00a0",
  "\u2028",
  "\u2029",
  "\u202e",
  "\u200d",
  "\ufeff",
  "\uffff",
  "😀",
  "𝔸",
  "\u{10ffff}",
  "中文",
  "é",
  "{{",
  "}}",
  "{%",
  "%}",
  "{#",
  "#",
  ": ",
  "- ",
  "&a",
  "*b",
  "!tag",
  "---",
  "$" + "{x}", // shell and JS template syntax
  "`",
  "$(id)",
  "|",
  ",",
  "@",
  "a",
  "Z",
  "0",
  " ",
  "import os",
  "os.system('x')",
  ")\n",
  "]\n",
  "%s",
  "{0}",
];

function randomText(random: () => number, maxPieces: number): string {
  const count = 1 + Math.floor(random() * maxPieces);
  let text = "";
  for (let i = 0; i < count; i++) text += PIECES[Math.floor(random() * PIECES.length)];
  return text;
}

function randomName(random: () => number): string {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const rest = `${letters}0123456789_-`;
  let name = letters[Math.floor(random() * letters.length)] as string;
  const length = Math.floor(random() * 30);
  for (let i = 0; i < length; i++) name += rest[Math.floor(random() * rest.length)];
  return LIGHTEVAL_BUILTIN_TASK_NAMES.has(name) ? `x${name}` : name;
}

function randomIdentifier(random: () => number): string {
  return `c_${randomName(random).replaceAll("-", "_")}`;
}

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}

interface FuzzCase {
  config: TaskConfig;
  yamlConfig: TaskConfig;
  doc: Record<string, unknown>;
}

function randomCase(random: () => number): FuzzCase {
  const local = random() < 0.5;
  const config: TaskConfig = {
    name: randomName(random),
    dataset: local
      ? { path: `/${randomText(random, 6)}` }
      : random() < 0.5
        ? { repo: "acme/exam", revision: randomText(random, 4) }
        : { repo: "acme/exam" },
    subset: randomText(random, 3),
    evaluationSplit: randomText(random, 3),
    fewShotSplit: randomText(random, 3),
    fewShots: Math.floor(random() * 6),
    columns: {
      question: randomText(random, 3),
      choices: randomText(random, 3),
      answer: randomText(random, 3),
      subject: randomText(random, 3),
    },
    metrics: pick<TaskScoring>(random, ["loglikelihood", "loglikelihood-letters", "generative"]),
    generationSize: 1 + Math.floor(random() * 4096),
    lightevalVersion: pick<LightevalVersion>(random, ["0.13", "0.10"]),
    taskFilePath: randomText(random, 3),
  };
  if (random() < 0.8) config.instruction = `${randomText(random, 12)}x`;
  // lm-eval reads columns as Jinja variables, so its renderer takes identifiers only.
  const columns = {
    question: randomIdentifier(random),
    choices: randomIdentifier(random),
    answer: randomIdentifier(random),
    subject: randomIdentifier(random),
  };
  const doc = {
    [columns.question]: `Q ${randomText(random, 4)} end`,
    [columns.choices]: ["one", "two", "three"],
    [columns.answer]: 1,
    [columns.subject]: "finance",
  };
  return { config, yamlConfig: { ...config, columns }, doc };
}

function expectedConstants(config: TaskConfig): Record<string, unknown> {
  const dataset = config.dataset;
  const instruction = config.instruction?.trim() ? config.instruction : null;
  return {
    TASK_NAME: config.name,
    DATASET: "path" in dataset ? dataset.path : dataset.repo,
    DATASET_REVISION: "repo" in dataset ? (dataset.revision ?? null) : null,
    SUBSET: config.subset,
    EVALUATION_SPLIT: config.evaluationSplit,
    FEW_SHOT_SPLIT: config.fewShotSplit,
    QUESTION_COLUMN: config.columns?.question,
    CHOICES_COLUMN: config.columns?.choices,
    ANSWER_COLUMN: config.columns?.answer,
    SUBJECT_COLUMN: config.columns?.subject,
    INSTRUCTION: instruction,
    HEADER: "The following are multiple choice questions (with answers).",
    HEADER_ABOUT: ["The following are multiple choice questions (with answers) about ", "."],
    GENERATION_SIZE: config.metrics === "generative" ? config.generationSize : null,
  };
}

describe(`fuzz: ${CONFIGS} random configs (seed ${SEED}) read back by Python`, () => {
  const dir = mkdtempSync(join(tmpdir(), "lighteval-task-fuzz-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("every task file parses, yields exactly the configured values and has the same code as its variant", () => {
    const random = seededRandom(SEED);
    const cases = Array.from({ length: CONFIGS }, () => randomCase(random));
    // Every config renders both files; Jinja-rendering the YAML costs ~5 ms a file in Python, so every 5th is read back.
    const files = cases.map(({ config, yamlConfig, doc }, i) => {
      const yaml = renderLmEvalTask(yamlConfig).yaml;
      return { source: renderLightevalTask(config).source, yaml: i % 5 === 0 ? yaml : null, doc };
    });
    const input = join(dir, "files.json");
    writeFileSync(input, JSON.stringify(files));

    // One Python process for all files: parsing thousands of files costs less than starting Python twice.
    const output = execFileSync(
      evalPython(),
      [join(FIXTURES, "read_back_rendered_files.py"), input, JSON.stringify(TASK_FILE_CONSTANTS)],
      { env: offlinePythonEnv(), encoding: "utf8", maxBuffer: 512 * 1024 * 1024 },
    );
    const readBack = JSON.parse(output) as {
      constants: Record<string, unknown>;
      skeleton: string;
      yaml?: Record<string, unknown>;
      rendered?: { description: string; doc_to_text: string };
    }[];
    expect(readBack).toHaveLength(CONFIGS);

    const skeletons = new Map<string, Set<string>>();
    readBack.forEach((file, i) => {
      const { config, yamlConfig, doc } = cases[i] as FuzzCase;
      const context = `case ${i} (FUZZ_SEED=${SEED}): ${JSON.stringify(config)}`;
      expect(file.constants, context).toEqual(expectedConstants(config));

      const variant = `${config.lightevalVersion}/${config.metrics}`;
      if (!skeletons.has(variant)) skeletons.set(variant, new Set());
      skeletons.get(variant)?.add(file.skeleton);

      if (!file.yaml || !file.rendered) return;
      // lm-eval YAML: same dataset and splits, instruction rendered verbatim by lm-eval's Jinja.
      const dataset = yamlConfig.dataset;
      if ("path" in dataset) {
        expect(file.yaml.dataset_path, context).toBe("parquet");
        const dataFiles = (file.yaml.dataset_kwargs as { data_files: Record<string, string> }).data_files;
        expect(dataFiles[yamlConfig.evaluationSplit as string], context).toBe(
          `${dataset.path}/data/${yamlConfig.evaluationSplit}-*.parquet`,
        );
      } else {
        expect(file.yaml.dataset_path, context).toBe(dataset.repo);
        expect(file.yaml.dataset_name, context).toBe(yamlConfig.subset);
        expect((file.yaml.dataset_kwargs as { revision?: string } | undefined)?.revision, context).toBe(
          dataset.revision,
        );
      }
      expect(file.yaml.test_split, context).toBe(yamlConfig.evaluationSplit);
      expect(file.yaml.task, context).toBe(yamlConfig.name);
      const instruction = yamlConfig.instruction?.trim() ? yamlConfig.instruction.trimEnd() : null;
      expect(file.rendered.description, context).toBe(
        instruction === null
          ? "The following are multiple choice questions (with answers) about finance.\n\n"
          : `${instruction}\n\n`,
      );
      expect(file.rendered.doc_to_text, context).toContain((doc[Object.keys(doc)[0] as string] as string).trim());
    });
    // No config value changed the code: within a variant, the files differ only in the constants' values.
    for (const [variant, digests] of skeletons) expect(digests.size, variant).toBe(1);
    expect(skeletons.size).toBe(6);
  });
});
