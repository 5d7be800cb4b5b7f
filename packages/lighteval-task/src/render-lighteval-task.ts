import { type PythonLiteralValue, toPythonLiteral } from "./python-literal.js";
import { shellCommand } from "./shell-command.js";
import {
  type LightevalVersion,
  type ResolvedTaskConfig,
  resolveTaskConfig,
  type TaskConfig,
  type TaskScoring,
} from "./task-config.js";
import { PACKAGE_VERSION } from "./version.js";

/** A generated LightEval task file and how to run it. */
export interface RenderedLightevalTask {
  /** Python source of the self-contained task file. */
  source: string;
  /** Name the file should be saved under: `<name>.py`. */
  fileName: string;
  /** The task name (validated). */
  taskName: string;
  /** Task spec for the LightEval command line: `name|k` (0.13) or `community|name|k|0` (0.10). */
  taskSpec: string;
  /** Key of the task in LightEval's results JSON (`results[resultsKey].acc`): `name|k` or `community|name|k`. */
  resultsKey: string;
  /** Metric names the results will hold for this task, e.g. `["acc", "acc_norm"]`. */
  metricNames: string[];
  /** The exact command line that runs the task, for a POSIX shell. */
  command: string;
}

/** The config constants written at the top of every generated file, in order; tests read them back with `ast`. */
export const TASK_FILE_CONSTANTS = [
  "TASK_NAME",
  "DATASET",
  "DATASET_REVISION",
  "SUBSET",
  "EVALUATION_SPLIT",
  "FEW_SHOT_SPLIT",
  "QUESTION_COLUMN",
  "CHOICES_COLUMN",
  "ANSWER_COLUMN",
  "SUBJECT_COLUMN",
  "INSTRUCTION",
  "HEADER",
  "HEADER_ABOUT",
  "GENERATION_SIZE",
] as const;

function constantValues(config: ResolvedTaskConfig): Record<(typeof TASK_FILE_CONSTANTS)[number], PythonLiteralValue> {
  return {
    TASK_NAME: config.name,
    DATASET: config.datasetLocation,
    DATASET_REVISION: config.datasetRevision,
    SUBSET: config.subset,
    EVALUATION_SPLIT: config.evaluationSplit,
    FEW_SHOT_SPLIT: config.fewShotSplit,
    QUESTION_COLUMN: config.columns.question,
    CHOICES_COLUMN: config.columns.choices,
    ANSWER_COLUMN: config.columns.answer,
    SUBJECT_COLUMN: config.columns.subject,
    INSTRUCTION: config.instruction,
    HEADER: config.header.plain,
    HEADER_ABOUT: config.header.about,
    GENERATION_SIZE: config.metrics === "generative" ? config.generationSize : null,
  };
}

const METRIC_NAMES: Record<TaskScoring, string[]> = {
  loglikelihood: ["acc", "acc_norm"],
  "loglikelihood-letters": ["acc"],
  generative: ["extractive_match"],
};

const SCORING_SUMMARY: Record<TaskScoring, string> = {
  loglikelihood:
    "each answer text is scored as a continuation of the question; acc = the most likely answer is the gold one, acc_norm = the same with log-likelihoods divided by answer length in characters",
  "loglikelihood-letters": "the options are listed as A., B., ...; acc = the most likely letter is the gold one",
  generative: "the model writes 'Answer: <letter>'; extractive_match = the extracted letter is the gold one",
};

interface VersionDialect {
  range: string;
  imports: Record<TaskScoring, string[]>;
  metrics: Record<TaskScoring, string>;
  /** Extra `LightevalTaskConfig` keyword lines. */
  extraConfig: string[];
  metricsKeyword: string;
}

const DIALECTS: Record<LightevalVersion, VersionDialect> = {
  "0.13": {
    range: "LightEval 0.11 to 0.13 (the `metrics=` API without suites)",
    imports: {
      loglikelihood: [
        "from lighteval.metrics.dynamic_metrics import LogLikelihoodAccMetric",
        "from lighteval.metrics.metrics import Metrics",
        "from lighteval.metrics.normalizations import LogProbCharNorm",
      ],
      "loglikelihood-letters": ["from lighteval.metrics.metrics import Metrics"],
      generative: ["from lighteval.metrics.metrics import Metrics"],
    },
    metrics: {
      loglikelihood: "[Metrics.loglikelihood_acc, LogLikelihoodAccMetric(normalization=LogProbCharNorm())]",
      "loglikelihood-letters": "[Metrics.loglikelihood_acc]",
      generative: "[Metrics.gpqa_instruct_metric]",
    },
    extraConfig: [],
    metricsKeyword: "metrics",
  },
  "0.10": {
    range: "LightEval 0.6 to 0.10 (the pre-0.11 API: `suite`, `metric=`)",
    imports: {
      loglikelihood: ["from lighteval.metrics.metrics import Metrics"],
      "loglikelihood-letters": ["from lighteval.metrics.metrics import Metrics"],
      generative: ["from lighteval.metrics.metrics import Metrics"],
    },
    metrics: {
      loglikelihood: "[Metrics.loglikelihood_acc, Metrics.loglikelihood_acc_norm]",
      "loglikelihood-letters": "[Metrics.loglikelihood_acc]",
      generative: "[Metrics.gpqa_instruct_metric]",
    },
    extraConfig: ['suite=["community"],'],
    metricsKeyword: "metric",
  },
};

const PROMPT_BODIES: Record<TaskScoring, string> = {
  loglikelihood: `    question, choices, gold = _question_and_choices(line)
    instruction = _instruction(line)
    return Doc(
        task_name=task_name,
        query=f"{instruction}Question: {question}\\nAnswer:",
        choices=[f" {choice}" for choice in choices],
        gold_index=gold,
        instruction=instruction,
    )`,
  "loglikelihood-letters": `    question, choices, gold = _question_and_choices(line)
    instruction = _instruction(line)
    options = "".join(f"\\n{letter}. {choice}" for letter, choice in zip(ascii_uppercase, choices))
    return Doc(
        task_name=task_name,
        query=f"{instruction}Question: {question}{options}\\nAnswer:",
        choices=[f" {letter}" for letter in ascii_uppercase[: len(choices)]],
        gold_index=gold,
        instruction=instruction,
    )`,
  generative: `    question, choices, gold = _question_and_choices(line)
    letters = ascii_uppercase[: len(choices)]
    instruction = (
        _instruction(line)
        + "Answer the following multiple choice question. The last line of your response should be of the following "
        + f"format: 'Answer: $LETTER' (without quotes) where LETTER is one of {letters}.\\n\\n"
    )
    options = "\\n".join(f"{letter}) {choice}" for letter, choice in zip(letters, choices))
    return Doc(
        task_name=task_name,
        query=f"{instruction}{question}\\n\\n{options}",
        choices=list(letters),
        gold_index=gold,
        instruction=instruction,
    )`,
};

function isPrintableAscii(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

function lightevalArgv(config: ResolvedTaskConfig, taskSpec: string): string[] {
  return [
    "lighteval",
    "accelerate",
    config.modelArgs,
    taskSpec,
    "--custom-tasks",
    config.taskFilePath,
    "--output-dir",
    config.outputDir,
  ];
}

function taskSpecs(config: ResolvedTaskConfig): { taskSpec: string; resultsKey: string } {
  return config.lightevalVersion === "0.13"
    ? { taskSpec: `${config.name}|${config.fewShots}`, resultsKey: `${config.name}|${config.fewShots}` }
    : {
        taskSpec: `community|${config.name}|${config.fewShots}|0`,
        resultsKey: `community|${config.name}|${config.fewShots}`,
      };
}

/**
 * Generates a self-contained LightEval custom task file for a multiple-choice exam dataset (by default the
 * `ExamItem` rows hub-publisher writes) and the command that runs it. Every config value enters the file as an
 * escaped Python literal in a block of constants at the top, so no config can change the code around it. The
 * prompt function stops the run with a message naming the row when an answer does not index its choices, instead
 * of scoring a broken row.
 *
 * @throws {TaskConfigError} when a config value is invalid (the message names the field and the fix).
 * @example
 * const task = renderLightevalTask({
 *   name: "finance_exam",
 *   dataset: { path: "/data/finance-exam" },
 *   instruction: "The following are questions about corporate finance.",
 * });
 * await writeFile(task.fileName, task.source);
 * console.log(task.command);
 * // lighteval accelerate model_name=openai-community/gpt2 "finance_exam|0" --custom-tasks finance_exam.py --output-dir ./results
 */
export function renderLightevalTask(config: TaskConfig): RenderedLightevalTask {
  const resolved = resolveTaskConfig({ config });
  const dialect = DIALECTS[resolved.lightevalVersion];
  const { taskSpec, resultsKey } = taskSpecs(resolved);
  const command = shellCommand({ argv: lightevalArgv(resolved, taskSpec) });

  const constants = constantValues(resolved);
  const constantLines = TASK_FILE_CONSTANTS.map(
    (key) => `${key} = ${toPythonLiteral({ value: constants[key], field: key })}`,
  );
  const runComment = isPrintableAscii(command)
    ? [`# Run it with:`, `#   ${command}`]
    : [`# Run it with the command renderLightevalTask returned (it holds characters not shown in comments).`];

  const source = `# Generated by @domain-eval/lighteval-task ${PACKAGE_VERSION} for ${dialect.range}.
# Do not edit: change the task config and generate the file again. Every configured value is one of the constants
# below, written as an escaped Python literal. The file is self-contained because LightEval imports it by path.
${runComment.join("\n")}
"""LightEval custom task ${resolved.name}: multiple-choice questions, ${SCORING_SUMMARY[resolved.metrics]}."""

from string import ascii_uppercase

${dialect.imports[resolved.metrics].join("\n")}
from lighteval.tasks.lighteval_task import LightevalTaskConfig
from lighteval.tasks.requests import Doc

${constantLines.join("\n")}


def _instruction(line):
    """The text before each question, ending in a blank line (LightEval puts it once, before the few-shot examples)."""
    if INSTRUCTION is not None:
        return INSTRUCTION.rstrip() + "\\n\\n"
    subject = str(line.get(SUBJECT_COLUMN) or "").replace("_", " ").strip()
    if subject:
        return HEADER_ABOUT[0] + subject + HEADER_ABOUT[1] + "\\n\\n"
    return HEADER + "\\n\\n"


def _question_and_choices(line):
    """The question, its options and the index of the correct one. A row that cannot be scored stops the run."""
    row = line.get("id", line.get("__index"))
    question = str(line[QUESTION_COLUMN]).strip()
    choices = [str(choice).strip() for choice in line[CHOICES_COLUMN]]
    if not 2 <= len(choices) <= 26:
        raise ValueError(
            f"{TASK_NAME}: row {row!r} has {len(choices)} options in column {CHOICES_COLUMN!r}; 2 to 26 are needed"
        )
    answer = line[ANSWER_COLUMN]
    if isinstance(answer, str) and len(answer) == 1 and answer in ascii_uppercase:
        answer = ascii_uppercase.index(answer)
    if isinstance(answer, bool) or not isinstance(answer, int) or not 0 <= answer < len(choices):
        raise ValueError(
            f"{TASK_NAME}: row {row!r} has answer {answer!r} in column {ANSWER_COLUMN!r}, which does not index its "
            f"{len(choices)} options: use 0 to {len(choices) - 1} or a letter"
        )
    return question, choices, answer


def prompt(line, task_name=None):
${PROMPT_BODIES[resolved.metrics]}


TASKS_TABLE = [
    LightevalTaskConfig(
        name=TASK_NAME,
        prompt_function=prompt,
        hf_repo=DATASET,
        hf_subset=SUBSET,
        hf_revision=DATASET_REVISION,
        hf_avail_splits=list(dict.fromkeys([EVALUATION_SPLIT, FEW_SHOT_SPLIT])),
        evaluation_splits=[EVALUATION_SPLIT],
        few_shots_split=FEW_SHOT_SPLIT,
        few_shots_select="sequential",
        ${dialect.metricsKeyword}=${dialect.metrics[resolved.metrics]},
        generation_size=GENERATION_SIZE,
        stop_sequence=[],${dialect.extraConfig.map((line) => `\n        ${line}`).join("")}
        version=0,
    )
]
`;
  return {
    source,
    fileName: `${resolved.name}.py`,
    taskName: resolved.name,
    taskSpec,
    resultsKey,
    metricNames: METRIC_NAMES[resolved.metrics],
    command,
  };
}
