import { writeFile } from "node:fs/promises";
import type { QuestionChain } from "@domain-eval/question-chain";
import {
  BatchError,
  type BatchLimits,
  type BatchRequestLine,
  type BatchRunProgress,
  type GenerateExamBatchResult,
  generateExamBatch,
  generateExamFromBatchResults,
  prepareBatchRequestLines,
  QuestionChainError,
  readBatchResultsFile,
  splitBatchRequests,
} from "@domain-eval/question-chain/batch";
import type { Document } from "@langchain/core/documents";
import { type Command, InvalidArgumentError, Option } from "commander";
import OpenAI from "openai";
import { CliError } from "./cli-error.js";
import type { CliConfig } from "./config.js";
import type { CliOutput } from "./output.js";

/** How `generate` sends its requests when not one by one. */
export interface BatchSettings {
  /** `submit`: the provider's Batch API; `file-only`: write the requests and stop; `from-results`: read answers. */
  mode: "submit" | "file-only" | "from-results";
  /** With `from-results`: the results file (OpenAI output file or vLLM run_batch output). */
  resultsFile?: string;
  /** Unanswered or unusable lines: a follow-up batch, or synchronous calls. */
  retry: "batch" | "sync";
  /** Seconds between polls. */
  pollSeconds: number;
  /** Requests per batch (default: the OpenAI Batch API's 50,000). */
  maxRequests?: number;
}

/** The batch flags of `generate`. */
export interface BatchFlags {
  batch?: boolean;
  batchFileOnly?: boolean;
  fromBatchResults?: string;
  batchRetry: "batch" | "sync";
  batchPoll: number;
  batchMaxRequests?: number;
}

function positiveNumber(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a number above 0`);
    return n;
  };
}

/** `--batch`, `--batch-file-only`, `--from-batch-results` and their settings. */
export function addBatchOptions(command: Command): Command {
  return command
    .option("--batch", "send the requests as batch jobs (OpenAI Batch API: half price, within 24 hours)")
    .option(
      "--batch-file-only",
      "write the batch requests (OUT.batch-requests.jsonl) for an offline engine such as vLLM's run_batch, and stop",
    )
    .option(
      "--from-batch-results <file>",
      "read the answers from a batch results file (vLLM run_batch output, or a provider's output file)",
    )
    .addOption(
      new Option("--batch-retry <mode>", "lines a batch did not answer usefully: a follow-up batch, or one by one")
        .choices(["batch", "sync"])
        .default("batch"),
    )
    .option("--batch-poll <seconds>", "seconds between batch status checks", positiveNumber("--batch-poll"), 30)
    .option(
      "--batch-max-requests <n>",
      "requests per batch; more are split into several batches (default 50000, the OpenAI limit)",
      (value) => {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1)
          throw new InvalidArgumentError("--batch-max-requests must be a whole number of at least 1");
        return n;
      },
    );
}

/** The batch settings of the flags, or undefined for a synchronous run. */
export function batchSettingsFrom(flags: BatchFlags): BatchSettings | undefined {
  const modes = [flags.batch, flags.batchFileOnly, flags.fromBatchResults !== undefined].filter(Boolean).length;
  if (modes > 1) {
    throw new CliError("pass one of --batch, --batch-file-only and --from-batch-results FILE");
  }
  if (modes === 0) return undefined;
  return {
    mode: flags.batch ? "submit" : flags.batchFileOnly ? "file-only" : "from-results",
    resultsFile: flags.fromBatchResults,
    retry: flags.batchRetry,
    pollSeconds: flags.batchPoll,
    maxRequests: flags.batchMaxRequests,
  };
}

/** The OpenAI client of the configured endpoint (the one `ChatOpenAI` talks to). */
export function batchClient(config: CliConfig): OpenAI {
  return new OpenAI({
    apiKey: config.openaiApiKey ?? "not-needed",
    ...(config.openaiBaseUrl ? { baseURL: config.openaiBaseUrl } : {}),
    maxRetries: 4,
  });
}

/** The files `--batch-file-only` writes next to the questions file. */
export function batchRequestsPath(out: string, part: number, parts: number): string {
  const base = out.replace(/\.jsonl$/u, "");
  return parts === 1 ? `${base}.batch-requests.jsonl` : `${base}.batch-requests-${part + 1}.jsonl`;
}

/** Writes batch request lines as files next to `out` (split under the limits) for `--batch-file-only`. */
export async function writeBatchRequestFiles(params: {
  lines: readonly BatchRequestLine[];
  limits?: BatchLimits;
  out: string;
}): Promise<{ path: string; requests: number; bytes: number }[]> {
  const parts = splitBatchRequests({ lines: params.lines, limits: params.limits });
  const files = [];
  for (const [i, part] of parts.entries()) {
    const path = batchRequestsPath(params.out, i, parts.length);
    await writeFile(path, part.text);
    files.push({ path, requests: part.customIds.length, bytes: part.bytes });
  }
  return files;
}

/** The settings of a batch run from the flags: limits, poll interval, retry mode, who created it, progress. */
export function batchRunOptions(params: { settings: BatchSettings; output: CliOutput; createdBy: string }) {
  const { settings } = params;
  return {
    limits: settings.maxRequests ? { maxRequests: settings.maxRequests } : undefined,
    pollIntervalMs: settings.pollSeconds * 1000,
    retryMode: settings.retry,
    metadata: { created_by: params.createdBy },
    onBatchProgress: printBatchProgress(params.output),
  };
}

/** Prints the batches' statuses when they change, and a progress bar of the requests answered. */
export function printBatchProgress(output: CliOutput): (progress: BatchRunProgress) => void {
  let lastStatus = "";
  return (p) => {
    const status = p.batches.map((b) => `${b.id} ${b.status}`).join(", ");
    if (status !== lastStatus) {
      output.info(`batches: ${status}`);
      lastStatus = status;
    }
    output.progress("batch", p.answered, p.requests);
  };
}

/** What a batch flavour of `generate` did. */
export type BatchGeneration =
  | { kind: "files"; files: { path: string; requests: number; bytes: number }[] }
  | { kind: "run"; result: GenerateExamBatchResult };

/**
 * Runs the batch flavour of `generate`: submits and polls batches (`--batch`), writes the request files
 * (`--batch-file-only`) or reads a results file (`--from-batch-results`). Errors of the batch path become CLI errors.
 */
export async function runBatchGeneration(params: {
  settings: BatchSettings;
  chunks: Document[];
  /** How the chunks were made, recorded in the journal header. */
  chunking?: { chunkSize: number; chunkOverlap: number };
  chain: QuestionChain;
  config: CliConfig;
  out: string;
  journalPath: string;
  resume: boolean;
  budget: { maxQuestions?: number; maxCalls?: number; maxTokens?: number };
  output: CliOutput;
  signal?: AbortSignal;
}): Promise<BatchGeneration> {
  const { settings, output } = params;
  const limits = settings.maxRequests ? { maxRequests: settings.maxRequests } : undefined;
  try {
    if (settings.mode === "file-only") {
      const lines = await prepareBatchRequestLines({ chain: params.chain, chunks: params.chunks });
      return { kind: "files", files: await writeBatchRequestFiles({ lines, limits, out: params.out }) };
    }
    const common = {
      chunks: params.chunks,
      chunking: params.chunking,
      chain: params.chain,
      journalPath: params.journalPath,
      resume: params.resume,
      budget: params.budget,
      signal: params.signal,
      onProgress: (p: { done: number; total: number }) => output.progress("reading answers", p.done, p.total),
    };
    if (settings.mode === "from-results") {
      const results = await readBatchResultsFile({ path: settings.resultsFile as string });
      // a configured endpoint retries what the file lacks; without one those chunks are recorded as failures
      const client = params.config.openaiBaseUrl || params.config.openaiApiKey ? batchClient(params.config) : undefined;
      const result = await generateExamFromBatchResults({ ...common, results, client });
      return { kind: "run", result };
    }
    if (!params.config.openaiBaseUrl && !params.config.openaiApiKey) {
      throw new CliError(
        "--batch needs a provider with the Batch API: set OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (another provider); for vLLM on your own GPUs use --batch-file-only",
      );
    }
    const result = await generateExamBatch({
      ...common,
      client: batchClient(params.config),
      ...batchRunOptions({ settings, output, createdBy: "domain-eval generate" }),
    });
    output.endProgress();
    return { kind: "run", result };
  } catch (error) {
    if (error instanceof QuestionChainError || error instanceof BatchError) throw new CliError(error.message);
    throw error;
  }
}
