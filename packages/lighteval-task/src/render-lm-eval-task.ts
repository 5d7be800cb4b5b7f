import { shellCommand } from "./shell-command.js";
import { type ResolvedTaskConfig, resolveTaskConfig, type TaskConfig } from "./task-config.js";
import { TaskConfigError } from "./task-config-error.js";
import { PACKAGE_VERSION } from "./version.js";
import { toJinjaText, toYamlString } from "./yaml-jinja-literal.js";

/** A generated lm-evaluation-harness task and how to run it. */
export interface RenderedLmEvalTask {
  /** The task YAML (lm-evaluation-harness 0.4.x). */
  yaml: string;
  /** Name the file should be saved under: `<name>.yaml`, in the folder passed as `--include_path`. */
  fileName: string;
  /** The task name (`--tasks`). */
  taskName: string;
  /** Metric names the results will hold, e.g. `["acc", "acc_norm"]`. */
  metricNames: string[];
  /** The exact command line that runs the task, for a POSIX shell. */
  command: string;
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
// Names Jinja reads as keywords or literals, so a column cannot be referenced by them.
const JINJA_RESERVED = new Set([
  "and",
  "or",
  "not",
  "in",
  "is",
  "if",
  "else",
  "true",
  "false",
  "none",
  "True",
  "False",
  "None",
  "loop",
  "self",
]);

function column(config: ResolvedTaskConfig, key: keyof ResolvedTaskConfig["columns"]): string {
  const name = config.columns[key];
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || JINJA_RESERVED.has(name)) {
    throw new TaskConfigError({
      code: "INVALID_COLUMN",
      field: `columns.${key}`,
      message: `columns.${key} ${JSON.stringify(name)} cannot be used in an lm-evaluation-harness template, which reads columns as Jinja variables: rename the column to letters, digits and "_" (not a Jinja keyword)`,
    });
  }
  return name;
}

/** Jinja that renders the instruction followed by a blank line (the task's `description`, shown once before the few-shot examples). */
function description(config: ResolvedTaskConfig): string {
  if (config.instruction !== null) {
    return toJinjaText({ text: `${config.instruction.trimEnd()}\n\n`, field: "instruction" });
  }
  const subject = column(config, "subject");
  // The headers are this package's own sentences (no braces, no %): written as they are, readable in the YAML.
  const [before, after] = config.header.about;
  return (
    `{% if ${subject} is defined and ${subject} %}${before}{{ ${subject}|replace('_', ' ')|trim }}${after}` +
    `{% else %}${config.header.plain}{% endif %}\n\n`
  );
}

/** Jinja giving the gold index whether the answer column holds an int or a letter, as the LightEval task does. */
function goldIndex(answer: string): string {
  return `(${answer} if ${answer} is number else '${LETTERS}'.index(${answer}))`;
}

/**
 * Generates the same multiple-choice task as {@link renderLightevalTask} as an lm-evaluation-harness (0.4.x) task
 * YAML: same dataset, splits, instruction, prompt and metrics (`acc`/`acc_norm` by log-likelihood, or letter answers
 * extracted from generations with `exact_match`). Values are written as escaped YAML scalars and Jinja string
 * literals, so no config can add keys or template code. Column names must be plain identifiers here.
 *
 * @throws {TaskConfigError} when a config value is invalid.
 * @example
 * const task = renderLmEvalTask({ name: "finance_exam", dataset: { path: "/data/finance-exam" } });
 * await writeFile(join("tasks", task.fileName), task.yaml);
 * console.log(task.command); // lm_eval --model hf --model_args pretrained=openai-community/gpt2 --tasks finance_exam --include_path ./tasks ...
 */
export function renderLmEvalTask(
  config: TaskConfig & {
    /** Folder holding the YAML, passed as `--include_path` in the printed command. Default `"."`. */
    includePath?: string;
  },
): RenderedLmEvalTask {
  const resolved = resolveTaskConfig({ config });
  const q = column(resolved, "question");
  const choices = column(resolved, "choices");
  const gold = goldIndex(column(resolved, "answer"));
  const y = (text: string, field?: string) => toYamlString({ text, field });

  const dataset = resolved.datasetIsLocal
    ? [
        "dataset_path: parquet",
        "dataset_kwargs:",
        "  data_files:",
        ...[...new Set([resolved.evaluationSplit, ...(resolved.fewShots > 0 ? [resolved.fewShotSplit] : [])])].map(
          (split) =>
            `    ${y(split, "evaluationSplit")}: ${y(`${resolved.datasetLocation}/data/${split}-*.parquet`, "dataset.path")}`,
        ),
      ]
    : [
        `dataset_path: ${y(resolved.datasetLocation, "dataset.repo")}`,
        `dataset_name: ${y(resolved.subset, "subset")}`,
        ...(resolved.datasetRevision === null
          ? []
          : ["dataset_kwargs:", `  revision: ${y(resolved.datasetRevision, "dataset.revision")}`]),
      ];

  let scoring: string[];
  let metricNames: string[];
  if (resolved.metrics === "generative") {
    const letters = `'${LETTERS}'[:${choices}|length]`;
    const text =
      `Answer the following multiple choice question. The last line of your response should be of the following format: 'Answer: $LETTER' (without quotes) where LETTER is one of {{ ${letters} }}.\n\n` +
      `{{ ${q}|trim }}\n\n{% for choice in ${choices} %}{{ '${LETTERS}'[loop.index0] }}) {{ choice|trim }}{% if not loop.last %}\n{% endif %}{% endfor %}`;
    scoring = [
      "output_type: generate_until",
      `doc_to_text: ${y(text)}`,
      `doc_to_target: ${y(`{{ '${LETTERS}'[${gold}] }}`)}`,
      "generation_kwargs:",
      "  until: []",
      "  do_sample: false",
      `  max_gen_toks: ${resolved.generationSize}`,
      "filter_list:",
      "  - name: letter",
      "    filter:",
      "      - function: regex",
      `        regex_pattern: ${y("(?i)answer\\s*:\\s*\\(?\\**([A-Z])\\b")}`,
      "        group_select: -1",
      "      - function: take_first",
      "metric_list:",
      "  - metric: exact_match",
      "    aggregation: mean",
      "    higher_is_better: true",
    ];
    metricNames = ["exact_match"];
  } else {
    const letters = resolved.metrics === "loglikelihood-letters";
    const options = letters
      ? `{% for choice in ${choices} %}\n{{ '${LETTERS}'[loop.index0] }}. {{ choice|trim }}{% endfor %}`
      : "";
    scoring = [
      "output_type: multiple_choice",
      `doc_to_text: ${y(`Question: {{ ${q}|trim }}${options}\nAnswer:`)}`,
      `doc_to_choice: ${y(letters ? `{{ '${LETTERS}'[:${choices}|length]|list }}` : `{{ ${choices}|map('trim')|list }}`)}`,
      `doc_to_target: ${y(`{{ ${gold} }}`)}`,
      "metric_list:",
      "  - metric: acc",
      "    aggregation: mean",
      "    higher_is_better: true",
      ...(letters ? [] : ["  - metric: acc_norm", "    aggregation: mean", "    higher_is_better: true"]),
    ];
    metricNames = letters ? ["acc"] : ["acc", "acc_norm"];
  }

  const yaml = [
    `# Generated by @domain-eval/lighteval-task ${PACKAGE_VERSION} for lm-evaluation-harness 0.4. Do not edit: generate it again.`,
    `task: ${resolved.name}`,
    ...dataset,
    `test_split: ${y(resolved.evaluationSplit, "evaluationSplit")}`,
    ...(resolved.fewShots > 0
      ? [`fewshot_split: ${y(resolved.fewShotSplit, "fewShotSplit")}`, "fewshot_config:", "  sampler: first_n"]
      : []),
    `num_fewshot: ${resolved.fewShots}`,
    `description: ${y(description(resolved))}`,
    ...scoring,
    "metadata:",
    "  version: 1.0",
    "",
  ].join("\n");

  const modelName = resolved.modelArgs
    .split(",")
    .find((pair) => pair.startsWith("model_name="))
    ?.slice("model_name=".length) as string;
  const command = shellCommand({
    argv: [
      "lm_eval",
      "--model",
      "hf",
      "--model_args",
      `pretrained=${modelName}`,
      "--tasks",
      resolved.name,
      "--include_path",
      config.includePath ?? ".",
      "--output_path",
      resolved.outputDir,
    ],
  });
  return { yaml, fileName: `${resolved.name}.yaml`, taskName: resolved.name, metricNames, command };
}
