import { statSync } from "node:fs";
import type { DomainPlugin } from "@domain-eval/core";
import { type Command, InvalidArgumentError, Option } from "commander";
import { CliError } from "./cli-error.js";
import type { CardOptions } from "./commands/export.js";
import type { GenerateOptions } from "./commands/generate.js";

/** Option parser: a whole number of at least 1. */
export function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number of at least 1`);
    return n;
  };
}

/** Option parser: a whole number of at least 0. */
export function nonNegativeInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number of at least 0`);
    return n;
  };
}

/** `--options`: the answer and at least three distractors (what the question chain asks for), at most A–Z. */
function optionCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 4 || n > 26) {
    throw new InvalidArgumentError(
      "--options must be a whole number from 4 to 26 (the answer and 3 to 25 distractors)",
    );
  }
  return n;
}

/** A BCP 47 language code as the card, the task and the domain plugins take it: `en`, `ja`, `pt-BR`, `zh-Hant`. */
const LANGUAGE_CODE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u;
/** Codes whose English names a mistyped `--language Japanese` is compared with, to suggest the code. */
const COMMON_LANGUAGES = [
  "en",
  "ja",
  "zh",
  "ko",
  "de",
  "fr",
  "es",
  "pt",
  "it",
  "nl",
  "ru",
  "ar",
  "hi",
  "id",
  "vi",
  "th",
];
/** Country codes often given for a language: shaped like a code, but another language or none. */
const COUNTRY_NOT_LANGUAGE: Record<string, string> = {
  jp: "ja",
  cn: "zh",
  kr: "ko",
  cz: "cs",
  gr: "el",
  dk: "da",
  se: "sv",
  ua: "uk",
};

/**
 * A `--language` value, checked before any work: a code such as `ja`, not a name (`Japanese`, which later steps
 * refuse after the model calls are paid for).
 */
export function languageCode(name: string) {
  return (value: string): string => {
    const primary = value.split("-")[0] ?? "";
    const language = COUNTRY_NOT_LANGUAGE[primary];
    if (language) {
      throw new InvalidArgumentError(
        `${name} ${value}: "${primary}" is a country code, not a language code: did you mean ${name} ${language}?`,
      );
    }
    if (LANGUAGE_CODE.test(value)) return value;
    const names = new Intl.DisplayNames(["en"], { type: "language" });
    const given = value.trim().toLowerCase();
    const guess = COMMON_LANGUAGES.find((code) => names.of(code)?.toLowerCase() === given);
    throw new InvalidArgumentError(
      `${name} takes a language code such as "en", "ja" or "pt-BR", not ${JSON.stringify(value)}${guess ? `: did you mean ${name} ${guess}?` : ""}`,
    );
  };
}

/** What is at `path`: a folder, a file, or nothing (also when it cannot be looked at: the command then says why). */
function kindOf(path: string): "folder" | "file" | undefined {
  try {
    return statSync(path).isDirectory() ? "folder" : "file";
  } catch {
    return undefined;
  }
}

/**
 * Parser of a file argument (read or written): a folder there is an input error before any work, instead of Node's
 * EISDIR once the command is under way. `example` names the file to pass, e.g. `questions.jsonl`.
 */
export function filePath(name: string, example: string) {
  return (value: string): string => {
    if (kindOf(value) === "folder") {
      throw new InvalidArgumentError(
        `${name} ${value} is a folder: pass a file, e.g. ${value.replace(/\/+$/u, "")}/${example}`,
      );
    }
    return value;
  };
}

/** Parser of a folder argument a command writes into: an existing file there is an input error before any work. */
export function folderPath(name: string) {
  return (value: string): string => {
    if (kindOf(value) === "file") throw new InvalidArgumentError(`${name} ${value} is a file: pass a folder`);
    return value;
  };
}

/** `--json`, which every command that prints a summary offers. */
export interface JsonFlag {
  json?: boolean;
}

/** The options `addModelOptions` adds (generate, run): the generate settings, the model and the domain id. */
export interface ModelFlags
  extends Omit<GenerateOptions, "docs" | "out" | "domain" | "dryRun" | "batch" | "prices" | "pricingModel"> {
  model?: string;
  openaiBaseUrl?: string;
  modelFile?: string;
  domain?: string;
  maxOutputTokens?: number;
  /** Seconds one request to an endpoint may take. */
  timeout?: number;
}

/** The model, domain, chunking and budget options of the commands that generate questions. */
export function addModelOptions(command: Command): Command {
  return command
    .option("--model <id>", "model id the endpoint serves (env DOMAIN_EVAL_MODEL)")
    .option(
      "--openai-base-url <url>",
      "OpenAI-compatible endpoint, e.g. http://localhost:8000/v1 (env OPENAI_BASE_URL)",
    )
    .option("--model-file <path.gguf>", "run a local GGUF model in-process with node-llama-cpp instead of an endpoint")
    .option(
      "--domain <id>",
      "domain plugin: instructions, examples, reviewer guidelines, checks (see `domain-eval domains`)",
    )
    .option(
      "--language <code>",
      "language to write questions in (default: the domain's, else en)",
      languageCode("--language"),
    )
    .option("--questions-per-chunk <n>", "questions asked per chunk", positiveInt("--questions-per-chunk"), 2)
    .option("--options <n>", "options per question, answer included (4 to 26)", optionCount, 4)
    .option("--chunk-size <tokens>", "chunk size in tokens", positiveInt("--chunk-size"), 600)
    .option("--chunk-overlap <tokens>", "overlap between chunks in tokens", nonNegativeInt("--chunk-overlap"), 60)
    .option("--concurrency <n>", "chunks in flight at once", positiveInt("--concurrency"), 4)
    .option("--max-questions <n>", "stop once this many questions are kept", positiveInt("--max-questions"))
    .option("--max-calls <n>", "stop after this many model calls", positiveInt("--max-calls"))
    .option("--max-tokens <n>", "stop after this many prompt + completion tokens", positiveInt("--max-tokens"))
    .option("--max-output-tokens <n>", "cap on tokens the model may write per call", positiveInt("--max-output-tokens"))
    .option("--timeout <seconds>", "how long one request to the endpoint may take", positiveInt("--timeout"), 120)
    .option("--resume", "continue an interrupted run from its journal", false);
}

/** The options `addArgillaOptions` adds (annotate, export, run). */
export interface ArgillaFlags {
  argillaApiUrl?: string;
  argillaApiKey?: string;
  workspace?: string;
}

/** The Argilla server, key and workspace. */
export function addArgillaOptions(command: Command): Command {
  return command
    .option("--argilla-api-url <url>", "Argilla server (env ARGILLA_API_URL)")
    .addOption(
      new Option("--argilla-api-key <key>", "Argilla API key (env ARGILLA_API_KEY; prefer the env)").hideHelp(),
    )
    .option("--workspace <name>", "Argilla workspace (default: your first)");
}

/** The options `addCardOptions` adds (export, run). */
export interface CardFlags {
  title?: string;
  license: string;
  documents?: string;
  pushToHub?: string;
  public: boolean;
  /** Added by the command itself (export) or by `addModelOptions` (run). */
  language?: string;
}

/** The dataset card and Hub publishing options. */
export function addCardOptions(command: Command): Command {
  return command
    .option("--title <text>", "dataset title (default: the dataset name)")
    .option("--license <id>", "Hub license id of the dataset card", "unknown")
    .option("--documents <text>", 'describe the source documents in the card, e.g. "Acme annual reports 2022-2024"')
    .option("--push-to-hub <repo>", "also publish to this Hub dataset repo (needs HF_TOKEN; private unless --public)")
    .option("--public", "make a newly created Hub repo public", false);
}

/** The card settings of the card flags. */
export function cardOptions(flags: CardFlags): CardOptions {
  return { title: flags.title, license: flags.license, language: flags.language, documents: flags.documents };
}

/** The generate settings of the model flags (shared by `generate` and `run`). */
export function generateOptions(
  flags: ModelFlags & { docs: string },
  domain: DomainPlugin | undefined,
): Omit<GenerateOptions, "out" | "dryRun"> {
  // checked here, in the flags' names, before any work (the chunker would name its own parameters)
  if (flags.chunkOverlap >= flags.chunkSize) {
    throw new CliError(
      `--chunk-overlap (${flags.chunkOverlap}) must be below --chunk-size (${flags.chunkSize}): lower it, e.g. --chunk-overlap ${Math.floor(flags.chunkSize / 10)}`,
    );
  }
  return {
    docs: flags.docs,
    domain,
    language: flags.language,
    questionsPerChunk: flags.questionsPerChunk,
    options: flags.options,
    chunkSize: flags.chunkSize,
    chunkOverlap: flags.chunkOverlap,
    concurrency: flags.concurrency,
    maxQuestions: flags.maxQuestions,
    maxCalls: flags.maxCalls,
    maxTokens: flags.maxTokens,
    resume: flags.resume,
  };
}
