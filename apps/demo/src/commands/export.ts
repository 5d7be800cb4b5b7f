import { basename, resolve } from "node:path";
import {
  type DomainPlugin,
  detectLanguageFromScript,
  type ExamItem,
  type ExamQuestion,
  errorMessage,
} from "@domain-eval/core";
// The writer (and the Hub client behind publishDataset) loads when a dataset is written: `export --questions` starts
// its worker threads first, and they load their own copy meanwhile.
import type { DatasetCardInput, DatasetFolder, EncodedDatasetPart } from "@domain-eval/hub-publisher";
import { renderLightevalTask, validateTaskName } from "@domain-eval/lighteval-task";
import type { Command } from "commander";
import { CliError, EXIT } from "../cli-error.js";
import { commandContext } from "../command-context.js";
import {
  type ArgillaFlags,
  addArgillaOptions,
  addCardOptions,
  type CardFlags,
  cardOptions,
  filePath,
  folderPath,
  type JsonFlag,
  languageCode,
  positiveInt,
} from "../command-options.js";
import type { CliConfig } from "../config.js";
import { devSplitSize, questionsToExamItems, streamQuestionsFileAsExamItems, subjectFor } from "../exam-items.js";
import { ExportPartFailed, questionsFileInParts } from "../export-parts.js";
import type { CliOutput } from "../output.js";

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
  /** The models' validation before publishing (`run` knows it from its validation step). */
  validation?: NonNullable<DatasetCardInput["source"]>["validation"];
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
      ...(params.options.validation ? { validation: params.options.validation } : {}),
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
  /** `--questions`: threads that read and encoded the file (1 for a small file, or when a worker failed). */
  threads?: number;
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
    const { publishDataset } = await import("@domain-eval/hub-publisher");
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

/** Rows read before the writer starts: enough to size the dev split and tell the language (as the writer reads it). */
const HEAD_ROWS = 200;

/**
 * The first `size` values of a stream (copies, see below), and the whole stream (those copies first) to write from.
 * The whole stream hands out the source's own results once the head is used up (no generator in between: one less
 * hop per row). The values must be structured-cloneable (rows are plain data).
 */
async function peekHead<T>(source: AsyncIterable<T>, size: number): Promise<{ head: T[]; all: AsyncIterable<T> }> {
  const iterator = source[Symbol.asyncIterator]();
  const head: T[] = [];
  let done = false;
  while (head.length < size) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    // A copy: V8 decides where to allocate the objects of a site (the code that builds each row) from how many of
    // them outlive a young-generation collection; 200 rows kept here while the first collections run made it
    // allocate every later row straight into the old generation, where only full collections free it (measured:
    // ~100 MB of 100,000 rows, ~60% of the export's garbage-collection time). Copies are built elsewhere.
    head.push(structuredClone(next.value));
  }
  let index = 0;
  const all: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]: () => all,
    next: () => {
      if (index < head.length) return Promise.resolve({ value: head[index++] as T, done: false });
      return done ? Promise.resolve({ value: undefined, done: true }) : iterator.next();
    },
    return: async () => {
      await iterator.return?.();
      return { value: undefined, done: true };
    },
  };
  return { head, all };
}

/**
 * `domain-eval export`: reads the reviews from Argilla and writes the dataset folder; optionally publishes it.
 * Unreviewed records are left out unless `includeUnreviewed`, and then marked `unreviewed` in the data. Rows stream
 * from Argilla into the Parquet writer page by page: memory holds a page and a row group, not the dataset.
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
  // Argilla's client is loaded only when the export reads from Argilla (`--questions` does not need it).
  const { argillaClientFor, asArgillaCliError } = await import("../argilla-connection.js");
  const { findDataset, readReviewedRecords } = await import("@domain-eval/argilla-client");
  const client = argillaClientFor(params.config);
  const counts = { submitted: 0, discarded: 0, draft: 0, pending: 0, exported: 0, unreviewed: 0 };
  const dataset = await findDataset({ client, name: params.dataset, workspace: params.workspace }).catch(
    (error: unknown) => {
      throw asArgillaCliError(error);
    },
  );
  if (!dataset) {
    throw new CliError(
      `no Argilla dataset named "${params.dataset}"${params.workspace ? ` in workspace ${params.workspace}` : ""}: create it with domain-eval annotate questions.jsonl --dataset ${params.dataset}`,
    );
  }
  async function* exported(): AsyncGenerator<ExamItem> {
    try {
      for await (const record of readReviewedRecords({
        client,
        dataset: dataset as NonNullable<typeof dataset>,
        unreviewed: params.includeUnreviewed ? "include-as-unreviewed" : "exclude",
      })) {
        counts[record.status]++;
        if (record.item) {
          counts.exported++;
          if (record.item.review_status === "unreviewed") counts.unreviewed++;
          yield record.item;
        }
      }
    } catch (error) {
      throw asArgillaCliError(error);
    }
  }
  const { head, all } = await peekHead(exported(), HEAD_ROWS);
  if (head.length === 0) {
    throw new CliError(
      `dataset "${params.dataset}" has no submitted reviews yet (${counts.pending} pending, ${counts.draft} draft, ${counts.discarded} discarded): review in Argilla first, or pass --include-unreviewed to export the model's answers marked as unreviewed`,
      1,
    );
  }
  return writeAndPublish({ ...params, name: params.dataset, head, items: all, records: counts });
}

/**
 * Writes the dataset folder (card included) and, when asked, publishes it in one commit. `head` is the start of
 * `items` (all of them when fewer than {@link HEAD_ROWS}); `records` may still be counting while `items` streams.
 */
async function writeAndPublish(
  params: DatasetDestination & {
    head: readonly ExamItem[];
    items: Iterable<ExamItem> | AsyncIterable<ExamItem>;
    /** Rows after `items`, encoded by worker threads. */
    encodedParts?: readonly PromiseLike<EncodedDatasetPart>[];
    records: ExportSummary["records"];
  },
): Promise<ExportSummary> {
  const records = params.records;
  const card = cardInputFor({
    name: params.name,
    items: params.head,
    dir: params.out,
    hubRepo: params.pushToHub,
    domain: params.domain,
    options: params.card,
  });
  // Discards are counted while the rows stream; the writer reads the card's review counts after the last row.
  card.review = {
    get discarded() {
      return records.discarded;
    },
  };
  const { HubPublishError, writeDatasetFolder } = await import("@domain-eval/hub-publisher");
  const folder = await writeDatasetFolder({
    items: params.items,
    encodedParts: params.encodedParts,
    dir: params.out,
    // devSplitSize is the same for every size from HEAD_ROWS up, so the head is enough to size it.
    splits: { dev: devSplitSize(params.head.length) },
    card,
  }).catch((error: unknown) => {
    // a folder that holds other files is refused before anything is written: an input error (exit 2)
    if (error instanceof HubPublishError && error.reason === "not-a-dataset-folder") {
      throw new CliError(error.message, EXIT.USAGE, { cause: error });
    }
    throw error;
  });
  const summary: ExportSummary = {
    dir: folder.dir,
    splits: folder.splits,
    answerDistribution: folder.answerDistribution,
    records,
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
 * `domain-eval run --skip-review`'s export: publishes generated questions without a review, every row marked
 * `unreviewed` (the dataset card says so).
 */
export async function runExportUnreviewed(
  params: DatasetDestination & { questions: readonly ExamQuestion[] },
): Promise<ExportSummary> {
  const items = questionsToExamItems({ questions: params.questions, subject: subjectFor(params.domain) });
  return writeAndPublish({
    ...params,
    head: items.slice(0, HEAD_ROWS),
    items,
    records: { submitted: 0, discarded: 0, draft: 0, pending: 0, exported: items.length, unreviewed: items.length },
  });
}

/**
 * `domain-eval export --questions FILE`: the same as {@link runExportUnreviewed}, streamed from the file into the
 * writer (two passes over the file, see {@link streamQuestionsFileAsExamItems}), so a large file never sits in memory.
 * A large file is read by `threads` threads (default: one per CPU, at most 4, for a file of 4 MB or more), each encoding
 * its part of the rows; the files written are the same bytes. If a worker thread fails (a bad line in its part), the
 * export runs again in one thread, which names the problem.
 */
export async function runExportQuestionsFile(
  params: DatasetDestination & { file: string; threads?: number },
): Promise<ExportSummary> {
  const subject = subjectFor(params.domain);
  // undefined: one thread is asked for, the file is too small to cut, or a worker failed (a bad line in its part);
  // then one thread reads the file below, stopping at the first bad line with the message that names it
  const summary = await exportInParts({ ...params, subject }).catch((error: unknown) => {
    if (error instanceof ExportPartFailed) return undefined;
    throw error;
  });
  if (summary) return summary;
  const { count, items } = await streamQuestionsFileAsExamItems({ file: params.file, subject });
  const { head, all } = await peekHead(items, HEAD_ROWS);
  return { ...(await writeAndPublish({ ...params, head, items: all, records: unreviewedRecords(count) })), threads: 1 };
}

/** {@link runExportQuestionsFile} in several threads; undefined when it runs in one (see questionsFileInParts). */
async function exportInParts(
  params: DatasetDestination & { file: string; subject: string; threads?: number },
): Promise<ExportSummary | undefined> {
  const parts = await questionsFileInParts({ ...params, firstRowsInMain: HEAD_ROWS });
  if (!parts) return undefined;
  try {
    const { head, all } = await peekHead(parts.items, HEAD_ROWS);
    const summary = await writeAndPublish({
      ...params,
      head,
      items: all,
      encodedParts: parts.encodedParts,
      records: unreviewedRecords(parts.count),
    });
    return { ...summary, threads: parts.encodedParts.length + 1 };
  } finally {
    await parts.close();
  }
}

/** The record counts of an export without review: every row unreviewed. */
function unreviewedRecords(count: number): ExportSummary["records"] {
  return { submitted: 0, discarded: 0, draft: 0, pending: 0, exported: count, unreviewed: count };
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
  threads?: number;
}

/** Where export reads from: exactly one of --dataset and --questions. */
function exportSource(opts: ExportCommandOptions): { dataset: string } | { questions: string } {
  if (opts.dataset && !opts.questions) {
    if (opts.threads !== undefined) {
      throw new CliError(
        "--threads applies to --questions FILE (a file read in parts); --dataset reads Argilla page by page: drop --threads",
      );
    }
    return { dataset: opts.dataset };
  }
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
          filePath("--questions", "questions.jsonl"),
        )
        .requiredOption("--out <dir>", "dataset folder to write", folderPath("--out"))
        .option("--include-unreviewed", "also export records nobody reviewed, marked unreviewed", false)
        .option(
          "--report [questions]",
          "also write report.html into the dataset folder (questions file: --questions's)",
        )
        .option("--domain <id>", "domain plugin (subject, card)")
        .option("--language <code>", "language of the questions for the card", languageCode("--language"))
        .option(
          "--threads <n>",
          "threads reading and encoding a large --questions file (default: one per CPU, at most 4; 1: one thread)",
          positiveInt("--threads"),
        )
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
        ? await runExportQuestionsFile({
            ...common,
            file: source.questions,
            name: basename(resolve(opts.out)),
            threads: opts.threads,
          })
        : await runExport({
            ...common,
            dataset: source.dataset,
            workspace: opts.workspace,
            includeUnreviewed: opts.includeUnreviewed,
            output: out,
          });
    if (opts.report) {
      // The report brings chart and document libraries the export itself does not need: loaded only for --report.
      const { writeExportReport } = await import("./report.js");
      summary.report = await writeExportReport({ report: opts.report, questions: opts.questions, dir: summary.dir });
    }
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
