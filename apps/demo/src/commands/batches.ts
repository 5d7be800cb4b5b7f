import {
  type BatchJob,
  cancelBatchJob,
  FINISHED_BATCH_STATUSES,
  listBatchJobs,
  readJournalBatches,
} from "@domain-eval/question-chain/batch";
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { batchClient } from "../batch-generation.js";
import { CliError } from "../cli-error.js";
import { type ConfigFlags, commandContext } from "../command-context.js";
import type { CliConfig } from "../config.js";
import { journalPathFor } from "./generate.js";

/** Options of `domain-eval batches`. */
export interface BatchesCommandOptions extends ConfigFlags {
  out?: string;
  cancel?: string[];
  cancelRun?: boolean;
  limit: number;
}

/** One batch as `domain-eval batches` shows it. */
export interface BatchRow {
  id: string;
  status: BatchJob["status"];
  completed: number;
  failed: number;
  total: number;
  created_at: string;
  model?: string;
  /** The command that created it (`domain-eval generate` or `domain-eval validate`), from the batch's metadata. */
  created_by?: string;
}

function rowOf(batch: BatchJob): BatchRow {
  return {
    id: batch.id,
    status: batch.status,
    completed: batch.request_counts?.completed ?? 0,
    failed: batch.request_counts?.failed ?? 0,
    total: batch.request_counts?.total ?? 0,
    created_at: new Date(batch.created_at * 1000).toISOString(),
    ...(batch.model ? { model: batch.model } : {}),
    ...(batch.metadata?.created_by ? { created_by: batch.metadata.created_by } : {}),
  };
}

/**
 * `domain-eval batches`: the batches of the account (or of one run, from its journal), and cancelling them. Cancelled
 * batches keep the answers they have; `generate --resume` reads those and sends the rest again.
 */
export async function runBatches(params: {
  config: CliConfig;
  out?: string;
  cancel?: string[];
  cancelRun?: boolean;
  limit: number;
}): Promise<{ batches: BatchRow[]; cancelled: string[] }> {
  if (!params.config.openaiBaseUrl && !params.config.openaiApiKey) {
    throw new CliError(
      "no batch provider configured: set OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (a provider with the Batch API)",
    );
  }
  if (params.cancelRun && !params.out) {
    throw new CliError("--cancel-run needs --out FILE: the questions file of the run whose batches to cancel");
  }
  const client = batchClient(params.config);
  const cancelled: string[] = [];
  let batches: BatchJob[] = [];
  try {
    if (params.out) {
      const journal = journalPathFor(params.out);
      const records = await readJournalBatches({ path: journal });
      if (records.length === 0) {
        throw new CliError(
          `${journal} records no batches: run generate --batch or validate --batch with --out ${params.out} first`,
        );
      }
      batches = await Promise.all(records.map((r) => client.batches.retrieve(r.batch_id)));
    } else {
      for await (const batch of listBatchJobs({ client, pageSize: Math.min(100, params.limit) })) {
        batches.push(batch);
        if (batches.length >= params.limit) break;
      }
    }
    const toCancel = new Set(params.cancel ?? []);
    if (params.cancelRun) {
      for (const b of batches)
        if (!FINISHED_BATCH_STATUSES.has(b.status) && b.status !== "cancelling") toCancel.add(b.id);
    }
    for (const id of toCancel) {
      const batch = await cancelBatchJob({ client, batchId: id });
      cancelled.push(id);
      const i = batches.findIndex((b) => b.id === id);
      if (i >= 0) batches[i] = batch;
      else batches.push(batch);
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    const status = (error as { status?: number }).status;
    if (status === 404)
      throw new CliError(`${(error as Error).message}: check the batch id (domain-eval batches lists them)`);
    throw error;
  }
  return { batches: batches.map(rowOf), cancelled };
}

/** Adds `domain-eval batches` to the program. */
export function registerBatchesCommand(program: Command): void {
  program
    .command("batches")
    .description(
      "list the batch jobs of the provider (or of one generate --batch or validate --batch run) and cancel them",
    )
    .option(
      "--out <file>",
      "only the batches of the run (generate or validate) that writes this file (from its journal)",
    )
    .option("--cancel <id...>", "cancel these batches (they keep the answers they have)")
    .option("--cancel-run", "with --out: cancel every unfinished batch of that run")
    .option(
      "--limit <n>",
      "batches listed from the provider",
      (value) => {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1)
          throw new InvalidArgumentError("--limit must be a whole number of at least 1");
        return n;
      },
      20,
    )
    .option("--json", "print the batches as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  domain-eval batches\n  domain-eval batches --out questions.jsonl\n  domain-eval batches --cancel batch_abc123\n  domain-eval batches --out questions.jsonl --cancel-run   # then generate --resume reads what they finished",
    )
    .action(async (opts: BatchesCommandOptions) => {
      const { config, out } = await commandContext(program, opts);
      const result = await runBatches({
        config,
        out: opts.out,
        cancel: opts.cancel,
        cancelRun: opts.cancelRun,
        limit: opts.limit,
      });
      if (out.json) {
        out.result("", result);
        return;
      }
      if (result.batches.length === 0) out.info("no batches");
      for (const b of result.batches) {
        out.result(
          `${b.id}  ${b.status.padEnd(10)} ${b.completed}/${b.total} done${b.failed > 0 ? `, ${b.failed} failed` : ""}  ${b.created_at}${b.model ? `  ${b.model}` : ""}${b.created_by ? `  ${b.created_by}` : ""}`,
        );
      }
      for (const id of result.cancelled) out.info(`cancel requested for ${id}`);
    });
}
