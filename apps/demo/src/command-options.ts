import type { DomainPlugin } from "@domain-eval/core";
import { type Command, InvalidArgumentError, Option } from "commander";
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
    .option("--language <code>", "language to write questions in (default: the domain's, else en)")
    .option("--questions-per-chunk <n>", "questions asked per chunk", positiveInt("--questions-per-chunk"), 2)
    .option("--options <n>", "options per question, answer included", positiveInt("--options"), 4)
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
