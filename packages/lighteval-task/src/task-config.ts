import { isAbsolute } from "node:path";
import type { ExamItem } from "@domain-eval/core";
import { TaskConfigError } from "./task-config-error.js";
import { type TaskHeader, taskHeaderFor } from "./task-header.js";
import { validateTaskName } from "./task-name.js";

/** Where the dataset lives: a Hub dataset repo (pin `revision` for reproducible numbers) or a local folder. */
export type TaskDataset =
  | {
      /** Hub dataset id, `owner/name`. */
      repo: string;
      /** Commit sha, tag or branch to load; pin a commit so reruns score the same questions. */
      revision?: string;
    }
  | {
      /** ABSOLUTE path of a dataset folder (`data/<split>-00000-of-00001.parquet`); LightEval looks relative paths up on the Hub. */
      path: string;
    };

/**
 * How answers are scored.
 * - `"loglikelihood"`: the model scores each answer text as a continuation of the question (cloze); reports `acc`
 *   (most likely answer is the gold one) and `acc_norm` (likelihood divided by answer length in characters).
 * - `"loglikelihood-letters"`: MMLU style, the options are listed as A., B., … and the model scores the letters; `acc`.
 * - `"generative"`: for chat/API models without log-probabilities; the model writes `Answer: <letter>` and the letter
 *   is extracted and compared (`extractive_match`).
 */
export type TaskScoring = "loglikelihood" | "loglikelihood-letters" | "generative";

/** LightEval API generation: `"0.13"` (0.11 and later: `metrics=`, `name|k`) or `"0.10"` (0.6–0.10: `suite`, `metric=`). */
export type LightevalVersion = "0.13" | "0.10";

/** Dataset columns the prompt reads. Defaults are the dataset row of `@domain-eval/core` (`ExamItem`). */
export interface TaskColumns {
  /** Question text. Default `"question"`. */
  question?: string;
  /** List of answer options. Default `"choices"`. */
  choices?: string;
  /** Index of the correct option in `choices` (an int, or a letter A, B, …). Default `"answer"`. */
  answer?: string;
  /** Subject, used in the default instruction when `instruction` is not set. Default `"subject"`. */
  subject?: string;
}

/** Everything the generators need to know about the task. Only `name` and `dataset` are required. */
export interface TaskConfig {
  /** Task name: letters, digits, `_`, `-`, starting with a letter (see {@link validateTaskName}). */
  name: string;
  /** Where the dataset lives. */
  dataset: TaskDataset;
  /** Dataset config name. Default `"default"` (what a folder of parquet files or a hub-publisher dataset has). */
  subset?: string;
  /** Split scored. Default `"test"`. */
  evaluationSplit?: string;
  /** Split few-shot examples come from (the first `fewShots` rows, in order). Default `"dev"`. */
  fewShotSplit?: string;
  /** Few-shot examples per question, the `k` of `name|k`. Default 0. */
  fewShots?: number;
  /** Column names, when the dataset is not an `ExamItem` dataset. */
  columns?: TaskColumns;
  /**
   * Text shown before every question (e.g. the domain plugin's); overrides the language's default header. Default:
   * "The following are multiple choice questions (with answers) about <subject>." in `language`.
   */
  instruction?: string;
  /**
   * Language of the dataset (`"ja"`, `"zh"`, `"de"`, …): the default header is written in it, so a Japanese dataset is
   * introduced in Japanese. Languages without a built-in header get the English one. Default `"en"`.
   */
  language?: string;
  /** Scoring mode. Default `"loglikelihood"` (`acc` and `acc_norm`). */
  metrics?: TaskScoring;
  /** Maximum tokens generated per answer in `"generative"` mode. Default 1024. */
  generationSize?: number;
  /** LightEval version the file targets. Default `"0.13"`. */
  lightevalVersion?: LightevalVersion;
  /**
   * Model arguments for the printed command, as LightEval's `k=v,k=v` string or an object.
   * Default `{ model_name: "openai-community/gpt2" }`.
   */
  modelArgs?: string | Record<string, string | number | boolean>;
  /** Path of the task file in the printed command. Default: `fileName` (`<name>.py`) in the current directory. */
  taskFilePath?: string;
  /** `--output-dir` of the printed command. Default `"./results"`. */
  outputDir?: string;
}

/** A {@link TaskConfig} with every default filled in and every value checked. */
export interface ResolvedTaskConfig {
  name: string;
  /** Hub id or absolute folder, as LightEval's `hf_repo`. */
  datasetLocation: string;
  datasetRevision: string | null;
  datasetIsLocal: boolean;
  subset: string;
  evaluationSplit: string;
  fewShotSplit: string;
  fewShots: number;
  columns: Required<TaskColumns>;
  instruction: string | null;
  /** The default header in the dataset's language, used when `instruction` is null. */
  header: TaskHeader;
  metrics: TaskScoring;
  generationSize: number;
  lightevalVersion: LightevalVersion;
  modelArgs: string;
  taskFilePath: string;
  outputDir: string;
}

const DEFAULT_COLUMNS = {
  question: "question",
  choices: "choices",
  answer: "answer",
  subject: "subject",
} as const satisfies Record<keyof TaskColumns, keyof ExamItem>;

const SCORINGS: readonly TaskScoring[] = ["loglikelihood", "loglikelihood-letters", "generative"];
const VERSIONS: readonly LightevalVersion[] = ["0.13", "0.10"];
const HUB_REPO_PATTERN = /^(?:[A-Za-z0-9][A-Za-z0-9._-]*\/)?[A-Za-z0-9][A-Za-z0-9._-]*$/;

function invalid(code: TaskConfigError["code"], field: string, message: string): never {
  throw new TaskConfigError({ code, field, message });
}

function nonEmptyString(value: unknown, field: string, example: string): string {
  if (typeof value !== "string" || value.length === 0) {
    invalid("INVALID_OPTION", field, `${field} must be a non-empty string, e.g. ${JSON.stringify(example)}`);
  }
  return value;
}

function resolveDataset(
  dataset: TaskDataset,
): Pick<ResolvedTaskConfig, "datasetLocation" | "datasetRevision" | "datasetIsLocal"> {
  if (dataset && typeof dataset === "object" && "path" in dataset) {
    const path = nonEmptyString(dataset.path, "dataset.path", "/data/finance-exam");
    if (!isAbsolute(path)) {
      invalid(
        "INVALID_DATASET",
        "dataset.path",
        `dataset.path ${JSON.stringify(path)} is relative: LightEval looks relative paths up on the Hub, pass an absolute folder (path.resolve it)`,
      );
    }
    return { datasetLocation: path, datasetRevision: null, datasetIsLocal: true };
  }
  if (dataset && typeof dataset === "object" && "repo" in dataset) {
    const repo = nonEmptyString(dataset.repo, "dataset.repo", "my-org/finance-exam");
    if (!HUB_REPO_PATTERN.test(repo)) {
      invalid(
        "INVALID_DATASET",
        "dataset.repo",
        `dataset.repo ${JSON.stringify(repo)} is not a Hub dataset id: use "owner/name" (letters, digits, ".", "_", "-")`,
      );
    }
    const revision =
      dataset.revision === undefined ? null : nonEmptyString(dataset.revision, "dataset.revision", "main");
    return { datasetLocation: repo, datasetRevision: revision, datasetIsLocal: false };
  }
  return invalid(
    "INVALID_DATASET",
    "dataset",
    'dataset must be { repo: "owner/name", revision?: "<commit>" } or { path: "/absolute/folder" }',
  );
}

function resolveModelArgs(modelArgs: TaskConfig["modelArgs"]): string {
  const args = modelArgs ?? { model_name: "openai-community/gpt2" };
  const text =
    typeof args === "string"
      ? args
      : Object.entries(args)
          .map(([key, value]) => `${key}=${value}`)
          .join(",");
  const pairs = text.split(",");
  if (text.length === 0 || pairs.some((pair) => !/^[A-Za-z_][A-Za-z0-9_.]*=[^,]+$/.test(pair))) {
    invalid(
      "INVALID_MODEL_ARGS",
      "modelArgs",
      `modelArgs ${JSON.stringify(text)} is not LightEval's "key=value,key=value" form (values cannot contain ","), e.g. "model_name=openai-community/gpt2,batch_size=8"`,
    );
  }
  if (!pairs.some((pair) => pair.startsWith("model_name="))) {
    invalid("INVALID_MODEL_ARGS", "modelArgs", "modelArgs must set model_name, e.g. model_name=openai-community/gpt2");
  }
  if (/[\n\r\0]/.test(text)) {
    invalid("INVALID_MODEL_ARGS", "modelArgs", "modelArgs cannot contain line breaks or NUL");
  }
  return text;
}

/**
 * Fills in the defaults of a {@link TaskConfig} and checks every value, throwing a {@link TaskConfigError} that names
 * the field and the fix. Both generators call it; call it yourself to validate a config before writing files.
 *
 * @example
 * const resolved = resolveTaskConfig({ config: { name: "finance_exam", dataset: { path: "/data/finance-exam" } } });
 * resolved.evaluationSplit; // "test"
 */
export function resolveTaskConfig(params: {
  /** The config to check. */
  config: TaskConfig;
}): ResolvedTaskConfig {
  const { config } = params;
  if (!config || typeof config !== "object") {
    invalid("INVALID_OPTION", "config", "config must be an object with at least name and dataset");
  }
  const name = validateTaskName({ name: config.name });
  const fewShots = config.fewShots ?? 0;
  if (!Number.isSafeInteger(fewShots) || fewShots < 0) {
    invalid("INVALID_OPTION", "fewShots", `fewShots is ${fewShots}: use a whole number ≥ 0 (the k of "name|k")`);
  }
  const generationSize = config.generationSize ?? 1024;
  if (!Number.isSafeInteger(generationSize) || generationSize < 1) {
    invalid("INVALID_OPTION", "generationSize", `generationSize is ${generationSize}: use a whole number ≥ 1`);
  }
  const metrics = config.metrics ?? "loglikelihood";
  if (!SCORINGS.includes(metrics)) {
    invalid("INVALID_OPTION", "metrics", `metrics ${JSON.stringify(metrics)} is not one of ${SCORINGS.join(", ")}`);
  }
  const lightevalVersion = config.lightevalVersion ?? "0.13";
  if (!VERSIONS.includes(lightevalVersion)) {
    invalid(
      "INVALID_OPTION",
      "lightevalVersion",
      `lightevalVersion ${JSON.stringify(lightevalVersion)} is not supported: use "0.13" (LightEval 0.11 and later) or "0.10" (0.6 to 0.10)`,
    );
  }
  const columns = { ...DEFAULT_COLUMNS, ...config.columns };
  for (const [key, column] of Object.entries(columns)) {
    if (typeof column !== "string" || column.length === 0) {
      invalid("INVALID_COLUMN", `columns.${key}`, `columns.${key} must be a non-empty column name`);
    }
  }
  const instruction = config.instruction ?? null;
  if (instruction !== null && typeof instruction !== "string") {
    invalid("INVALID_OPTION", "instruction", "instruction must be a string");
  }
  if (config.language !== undefined && !/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u.test(config.language)) {
    invalid(
      "INVALID_OPTION",
      "language",
      `language ${JSON.stringify(config.language)} is not a language code such as "ja" or "pt-BR"`,
    );
  }
  const fileName = `${name}.py`;
  return {
    name,
    ...resolveDataset(config.dataset),
    subset: nonEmptyString(config.subset ?? "default", "subset", "default"),
    evaluationSplit: nonEmptyString(config.evaluationSplit ?? "test", "evaluationSplit", "test"),
    fewShotSplit: nonEmptyString(config.fewShotSplit ?? "dev", "fewShotSplit", "dev"),
    fewShots,
    columns,
    instruction: instruction === null || instruction.trim() === "" ? null : instruction,
    header: taskHeaderFor({ language: config.language }),
    metrics,
    generationSize,
    lightevalVersion,
    modelArgs: resolveModelArgs(config.modelArgs),
    taskFilePath: nonEmptyString(config.taskFilePath ?? fileName, "taskFilePath", fileName),
    outputDir: nonEmptyString(config.outputDir ?? "./results", "outputDir", "./results"),
  };
}
