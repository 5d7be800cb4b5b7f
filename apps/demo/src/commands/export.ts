import { basename, resolve } from "node:path";
import { findDataset, readReviewedRecords } from "@domain-eval/argilla-client";
import {
  type DomainPlugin,
  detectLanguageFromScript,
  type ExamItem,
  type ExamQuestion,
  errorMessage,
} from "@domain-eval/core";
import {
  type DatasetCardInput,
  type DatasetFolder,
  publishDataset,
  writeDatasetFolder,
} from "@domain-eval/hub-publisher";
import { renderLightevalTask, validateTaskName } from "@domain-eval/lighteval-task";
import type { Command } from "commander";
import { argillaClientFor, asArgillaCliError } from "../argilla-connection.js";
import { CliError, EXIT } from "../cli-error.js";
import { commandContext } from "../command-context.js";
import {
  type ArgillaFlags,
  addArgillaOptions,
  addCardOptions,
  type CardFlags,
  cardOptions,
  type JsonFlag,
} from "../command-options.js";
import type { CliConfig } from "../config.js";
import { devSplitSize, questionsToExamItems, readQuestionsFile, subjectFor } from "../exam-items.js";
import type { CliOutput } from "../output.js";
import { writeExportReport } from "./report.js";

/**
 * A LightEval task name from a dataset name: letters, digits, `_` and `-`, starting with a letter, at most 64
 * characters, and prefixed with `exam_` where it would clash with a task built into LightEval (`math`, `arc`, …).
 */
export function taskNameFor(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_-]+/gu, "_").replace(/^[^A-Za-z]+/u, "") || "domain_exam";
  for (const candidate of [cleaned, `exam_${cleaned}`]) {
    const trimmed = candidate.slice(0, 64);
    try {
      return validateTaskName({ name: trimmed });
    } catch {
      // try the next form
    }
  }
  return "domain_exam";
}

/** Card settings the CLI exposes as flags. */
export interface CardOptions {
  title?: string;
  license: string;
  language?: string;
  documents?: string;
  /** How the generation ran and what it cost (`run` knows it from the generate step). */
  generation?: NonNullable<DatasetCardInput["source"]>["generation"];
}

/** The card input for a dataset written by the CLI; the evaluation command points at where the data will live. */
export function cardInputFor(params: {
  name: string;
  /** The rows: their script gives the language when --language does not. */
  items?: readonly ExamItem[];
  dir: string;
  hubRepo?: string;
  domain?: DomainPlugin;
  discarded?: number;
  options: CardOptions;
}): DatasetCardInput {
  const task = renderLightevalTask({
    name: taskNameFor(params.name),
    dataset: params.hubRepo ? { repo: params.hubRepo } : { path: resolve(params.dir) },
  });
  return {
    prettyName: params.options.title ?? params.name,
    license: params.options.license,
    language:
      params.options.language ??
      detectLanguageFromScript({ texts: (params.items ?? []).flatMap((i) => [i.question, ...i.choices]) }) ??
      params.domain?.languages[0] ??
      "en",
    repoId: params.hubRepo,
    tags: params.domain ? [params.domain.subject] : [],
    source: {
      documents: params.options.documents,
      ...(params.options.generation ? { generation: params.options.generation } : {}),
      domainPlugin: params.domain
        ? { id: params.domain.id, version: params.domain.version, displayName: params.domain.displayName }
        : undefined,
    },
    review: params.discarded === undefined ? undefined : { discarded: params.discarded },
    evaluation: { command: task.command, taskFile: task.fileName },
  };
}

export interface ExportSummary {
  dir: string;
  splits: DatasetFolder["splits"];
  answerDistribution: Record<string, number>;
  records: {
    submitted: number;
    discarded: number;
    draft: number;
    pending: number;
    exported: number;
    unreviewed: number;
  };
  hub?: { repo: string; commitOid: string; commitUrl: string; repoUrl: string; private: boolean };
  /** report.html written into the dataset folder (`--report`). */
  report?: string;
}

/** Publishes a written folder, mapping a missing or rejected token to one clear line. */
export async function publishFolder(params: {
  repo: string;
  dir: string;
  config: CliConfig;
  private: boolean;
}): Promise<NonNullable<ExportSummary["hub"]>> {
  if (!params.config.hfToken) {
    throw new CliError("HF_TOKEN is not set: export a Hugging Face write token (hf_…) to publish with --push-to-hub");
  }
  try {
    const published = await publishDataset({
      repo: params.repo,
      dir: params.dir,
      accessToken: params.config.hfToken,
      private: params.private,
    });
    return { repo: params.repo, private: params.private, ...published };
  } catch (error) {
    throw new CliError(`publishing to ${params.repo} failed: ${errorMessage(error)}`, EXIT.FAILED, { cause: error });
  }
}

/** Where and how a dataset is written: its name (title, task name), folder, card settings and optional Hub repo. */
interface DatasetDestination {
  name: string;
  out: string;
  pushToHub?: string;
  public: boolean;
  domain?: DomainPlugin;
  card: CardOptions;
  config: CliConfig;
}

/**
 * `domain-eval export`: reads the reviews from Argilla and writes the dataset folder; optionally publishes it.
 * Unreviewed records are left out unless `includeUnreviewed`, and then marked `unreviewed` in the data.
 */
export async function runExport(
  params: Omit<DatasetDestination, "name"> & {
    /** The Argilla dataset; also the name of the written dataset. */
    dataset: string;
    workspace?: string;
    includeUnreviewed: boolean;
    output: CliOutput;
  },
): Promise<ExportSummary> {
  const client = argillaClientFor(params.config);
  const counts = { submitted: 0, discarded: 0, draft: 0, pending: 0, exported: 0, unreviewed: 0 };
  const items: ExamItem[] = [];
  try {
    const dataset = await findDataset({ client, name: params.dataset, workspace: params.workspace });
    if (!dataset) {
      throw new CliError(
        `no Argilla dataset named "${params.dataset}"${params.workspace ? ` in workspace ${params.workspace}` : ""}: create it with domain-eval annotate questions.jsonl --dataset ${params.dataset}`,
      );
    }
    for await (const record of readReviewedRecords({
      client,
      dataset,
      unreviewed: params.includeUnreviewed ? "include-as-unreviewed" : "exclude",
    })) {
      counts[record.status]++;
      if (record.item) {
        items.push(record.item);
        counts.exported++;
        if (record.item.review_status === "unreviewed") counts.unreviewed++;
      }
    }
  } catch (error) {
    throw asArgillaCliError(error);
  }
  if (items.length === 0) {
    throw new CliError(
      `dataset "${params.dataset}" has no submitted reviews yet (${counts.pending} pending, ${counts.draft} draft, ${counts.discarded} discarded): review in Argilla first, or pass --include-unreviewed to export the model's answers marked as unreviewed`,
      1,
    );
  }
  return writeAndPublish({ ...params, name: params.dataset, items, records: counts });
}

/** Writes the dataset folder (card included) and, when asked, publishes it in one commit. */
async function writeAndPublish(
  params: DatasetDestination & { items: readonly ExamItem[]; records: ExportSummary["records"] },
): Promise<ExportSummary> {
  const folder = await writeDatasetFolder({
    items: params.items,
    dir: params.out,
    splits: { dev: devSplitSize(params.items.length) },
    card: cardInputFor({
      name: params.name,
      items: params.items,
      dir: params.out,
      hubRepo: params.pushToHub,
      domain: params.domain,
      discarded: params.records.discarded,
      options: params.card,
    }),
  });
  const summary: ExportSummary = {
    dir: folder.dir,
    splits: folder.splits,
    answerDistribution: folder.answerDistribution,
    records: params.records,
  };
  if (params.pushToHub) {
    summary.hub = await publishFolder({
      repo: params.pushToHub,
      dir: folder.dir,
      config: params.config,
      private: !params.public,
    });
  }
  return summary;
}

/**
 * `domain-eval export --questions FILE`: publishes generated questions without a review, every row marked
 * `unreviewed` (the dataset card says so).
 */
export async function runExportUnreviewed(
  params: DatasetDestination & { questions: readonly ExamQuestion[] },
): Promise<ExportSummary> {
  const items = questionsToExamItems({ questions: params.questions, subject: subjectFor(params.domain) });
  return writeAndPublish({
    ...params,
    items,
    records: { submitted: 0, discarded: 0, draft: 0, pending: 0, exported: items.length, unreviewed: items.length },
  });
}

/** Options of `domain-eval export`. */
export interface ExportCommandOptions extends ArgillaFlags, CardFlags, JsonFlag {
  dataset?: string;
  questions?: string;
  out: string;
  includeUnreviewed: boolean;
  /** `--report` alone (true) or `--report QUESTIONS`. */
  report?: string | true;
  domain?: string;
  language?: string;
}

/** Where export reads from: exactly one of --dataset and --questions. */
function exportSource(opts: ExportCommandOptions): { dataset: string } | { questions: string } {
  if (opts.dataset && !opts.questions) return { dataset: opts.dataset };
  if (opts.questions && !opts.dataset) return { questions: opts.questions };
  throw new CliError("pass either --dataset NAME (reviewed in Argilla) or --questions FILE (publish without review)");
}

/** Adds `domain-eval export` to the program. */
export function registerExportCommand(program: Command): void {
  addCardOptions(
    addArgillaOptions(
      program
        .command("export")
        .description("reviewed questions → dataset folder (Parquet + card), optionally published to the Hub")
        .option("--dataset <name>", "Argilla dataset to read the reviews from")
        .option(
          "--questions <file>",
          "instead of Argilla: publish a questions file without review (rows marked unreviewed)",
        )
        .requiredOption("--out <dir>", "dataset folder to write")
        .option("--include-unreviewed", "also export records nobody reviewed, marked unreviewed", false)
        .option(
          "--report [questions]",
          "also write report.html into the dataset folder (questions file: --questions's)",
        )
        .option("--domain <id>", "domain plugin (subject, card)")
        .option("--language <code>", "language of the questions for the card")
        .option("--json", "print the summary as JSON"),
    ),
  ).action(async (opts: ExportCommandOptions) => {
    const { config, out, domain } = await commandContext(program, opts);
    const source = exportSource(opts);
    const common = {
      out: opts.out,
      pushToHub: opts.pushToHub,
      public: opts.public,
      domain,
      card: cardOptions(opts),
      config,
    };
    const summary =
      "questions" in source
        ? await runExportUnreviewed({
            ...common,
            questions: await readQuestionsFile(source.questions),
            name: basename(resolve(opts.out)),
          })
        : await runExport({
            ...common,
            dataset: source.dataset,
            workspace: opts.workspace,
            includeUnreviewed: opts.includeUnreviewed,
            output: out,
          });
    if (opts.report)
      summary.report = await writeExportReport({ report: opts.report, questions: opts.questions, dir: summary.dir });
    const r = summary.records;
    out.result(
      [
        `wrote ${summary.dir}: test ${summary.splits.test} rows, dev ${summary.splits.dev} rows (${r.unreviewed} unreviewed)`,
        opts.dataset
          ? `reviews: ${r.submitted} submitted, ${r.discarded} discarded, ${r.draft} draft, ${r.pending} pending`
          : undefined,
        summary.hub
          ? `published ${summary.hub.commitUrl} (${summary.hub.private ? "private" : "public"}); pin it with --revision ${summary.hub.commitOid}`
          : undefined,
        summary.report ? `report: ${summary.report}` : undefined,
      ]
        .filter(Boolean)
        .join("\n"),
      summary,
    );
  });
}
