import {
  type CostAmount,
  costOf,
  type ExamQuestion,
  type PriceTable,
  pricesForModel,
  type TokenPrices,
} from "@domain-eval/core";
import { BatchError, readBatchResultsFile } from "@domain-eval/core/batch";
import {
  estimateValidation,
  type PanelMember,
  prepareValidationBatchLines,
  type QuestionValidationResult,
  type ValidateQuestionsParams,
  type ValidationStats,
  validateFromBatchResults,
  validateQuestionsBatch,
} from "@domain-eval/validator";
import { type BatchSettings, batchClient, batchRunOptions, writeBatchRequestFiles } from "./batch-generation.js";
import { CliError } from "./cli-error.js";
import type { CliConfig } from "./config.js";
import type { CliOutput } from "./output.js";

/** What a batch flavour of `validate` did. */
export type BatchValidation =
  | { kind: "files"; files: { path: string; requests: number; bytes: number }[] }
  | {
      kind: "run";
      results: QuestionValidationResult[];
      stats: ValidationStats;
      batches?: { submitted: string[]; resumed: string[]; running: string[] };
    };

/** The members whose requests go into batches, and a line saying the others answer in-process. */
function batchablePanel(panel: readonly PanelMember[], output: CliOutput): PanelMember[] {
  const batchable = panel.filter((m) => m.batch);
  const local = panel.filter((m) => !m.batch).map((m) => m.name);
  if (batchable.length === 0) {
    throw new CliError(
      "--batch needs an endpoint model on the panel (--panel MODEL or MODEL@BASE_URL): local models are scored in-process and cannot be batched",
    );
  }
  if (local.length > 0) {
    output.info(`local panel model(s) ${local.join(", ")} cannot be batched: they answer in-process as usual`);
  }
  return batchable;
}

/**
 * Runs the batch flavour of `validate`: submits and polls batches (`--batch`), writes the request files
 * (`--batch-file-only`) or reads a results file (`--from-batch-results`). The run's own parameters (questions, panel,
 * journal, budget, policy) are those of the synchronous path.
 */
export async function runBatchValidation(params: {
  settings: BatchSettings;
  run: ValidateQuestionsParams;
  config: CliConfig;
  out: string;
  output: CliOutput;
}): Promise<BatchValidation> {
  const { settings, run, output, config } = params;
  const limits = settings.maxRequests ? { maxRequests: settings.maxRequests } : undefined;
  batchablePanel(run.panel, output);
  try {
    if (settings.mode === "file-only") {
      const lines = prepareValidationBatchLines(run);
      return { kind: "files", files: await writeBatchRequestFiles({ lines, limits, out: params.out }) };
    }
    if (settings.mode === "from-results") {
      const results = await readBatchResultsFile({ path: settings.resultsFile as string });
      const done = await validateFromBatchResults({ ...run, results });
      output.endProgress();
      output.info(`read ${done.fromFile} answers from ${settings.resultsFile}; the others were asked directly`);
      return { kind: "run", results: done.results, stats: done.stats };
    }
    const done = await validateQuestionsBatch({
      ...run,
      clientFor: (baseUrl) => batchClient({ ...config, openaiBaseUrl: baseUrl }),
      ...batchRunOptions({ settings, output, createdBy: "domain-eval validate" }),
    });
    output.endProgress();
    return {
      kind: "run",
      results: done.results,
      stats: done.stats,
      batches: { submitted: done.submitted, resumed: done.resumedBatches, running: done.running },
    };
  } catch (error) {
    if (error instanceof BatchError) throw new CliError(error.message);
    throw error;
  }
}

/** The estimated cost of a validation in money: endpoint members at their price, local members free. */
export interface ValidationCost {
  estimateSync: CostAmount;
  estimateBatch: CostAmount;
}

/**
 * The price of each endpoint member of a panel (`--prices`), by name; local members cost nothing and have none. A
 * model the table does not price is refused before any call, naming the fix.
 */
export function panelPrices(params: { panel: readonly PanelMember[]; prices: PriceTable }): Map<string, TokenPrices> {
  const priced = new Map<string, TokenPrices>();
  for (const member of params.panel.filter((m) => m.kind === "endpoint")) {
    const prices = pricesForModel({ table: params.prices, model: member.name });
    if (!prices) {
      throw new CliError(`--prices has no entry for panel model ${member.name}: add it, or a "*" entry for any model`);
    }
    priced.set(member.name, prices);
  }
  return priced;
}

function addCost(sum: CostAmount | undefined, cost: CostAmount): CostAmount {
  return { amount: (sum?.amount ?? 0) + cost.amount, currency: cost.currency };
}

/**
 * Prices the dry run's tokens member by member (`--prices`): each endpoint model at its entry in the table, sent one
 * by one or as a batch (the table's batch discount); local models cost nothing.
 */
export async function estimateValidationCost(params: {
  questions: readonly ExamQuestion[];
  panel: readonly PanelMember[];
  orders?: number;
  prices: PriceTable;
}): Promise<ValidationCost> {
  let sync: CostAmount | undefined;
  let batch: CostAmount | undefined;
  for (const [name, prices] of panelPrices(params)) {
    const member = params.panel.filter((m) => m.name === name);
    const tokens = await estimateValidation({ questions: params.questions, panel: member, orders: params.orders });
    sync = addCost(sync, costOf({ prices, ...tokens }));
    batch = addCost(batch, costOf({ prices, ...tokens, batch: true }));
  }
  const none = { amount: 0, currency: "USD" };
  return { estimateSync: sync ?? none, estimateBatch: batch ?? none };
}

/**
 * What a validation run spent (`--prices`): each endpoint member's tokens of this run at its price, answers through
 * batch jobs at the table's batch discount; local members cost nothing. Answers taken from the journal were paid for
 * by the run that asked them.
 */
export function validationSpend(params: {
  stats: ValidationStats;
  panel: readonly PanelMember[];
  prices: PriceTable;
}): CostAmount {
  let spend: CostAmount | undefined;
  for (const [name, prices] of panelPrices(params)) {
    const usage = params.stats.usageByMember[name];
    if (!usage) continue;
    spend = addCost(spend, costOf({ prices, ...usage.sync }));
    spend = addCost(spend, costOf({ prices, ...usage.batch, batch: true }));
  }
  return spend ?? { amount: 0, currency: "USD" };
}
