import { choiceLetter, type ExamItem } from "@domain-eval/core";

/** Counts for one split. */
export interface SplitStatistics {
  /** Number of rows. */
  rows: number;
  /** Rows per position of the correct answer, keyed by letter (`{ A: 12, B: 11, … }`); letters with no rows are 0. */
  answerDistribution: Record<string, number>;
  /** Rows a human reviewed (`review_status: "submitted"`). */
  reviewed: number;
  /** Rows nobody reviewed. */
  unreviewed: number;
}

/** What a dataset holds, computed from its rows while they are written; the card's numbers come from here. */
export interface DatasetStatistics {
  /** Per-split counts; `dev` holds the few-shot rows. */
  splits: { test: SplitStatistics; dev: SplitStatistics };
  /** Rows in all splits. */
  rows: number;
  /** Class-label names of `answer`: A, B, … up to the largest number of options in any row. */
  classLabelNames: string[];
  /** Rows per correct-answer position over all splits. */
  answerDistribution: Record<string, number>;
  /** Rows per number of options, e.g. `{ "4": 120 }`. */
  optionCounts: Record<string, number>;
  /** Human review over all splits. `discarded` counts questions reviewers rejected (not in the dataset). */
  review: {
    reviewed: number;
    unreviewed: number;
    discarded: number;
    /** Mean of `agreement` over rows that have one; null when no row has. */
    meanAgreement: number | null;
    /** Mean reviewers per reviewed row; null when nothing was reviewed. */
    meanReviewersPerReviewedRow: number | null;
  };
  /** Validation by a panel of models (the `validation_*` columns), over the rows that have it. */
  validation: ValidationStatistics;
  /** Distinct source documents the rows cite. */
  sourceDocuments: number;
  /** Distinct values, sorted, with row counts. */
  subjects: Record<string, number>;
  generatorModels: Record<string, number>;
  promptVersions: Record<string, number>;
}

/** Means of the `validation_*` columns; null when no row was validated. */
export interface ValidationStatistics {
  /** Rows with any validation column. */
  validated: number;
  meanOpenBook: number | null;
  meanClosedBook: number | null;
  meanOptionsOnly: number | null;
  /** Rows marked position-sensitive. */
  positionSensitive: number;
}

/** Running sums of the validation columns. */
class ValidationSums {
  validated = 0;
  positionSensitive = 0;
  readonly sums = { open: [0, 0], closed: [0, 0], options: [0, 0] };

  add(item: ExamItem): void {
    // read field by field: this runs for every row of an export
    const open = item.validation_open_book;
    const closed = item.validation_closed_book;
    const options = item.validation_options_only;
    if (
      typeof open !== "number" &&
      typeof closed !== "number" &&
      typeof options !== "number" &&
      typeof item.validation_position_sensitive !== "boolean"
    ) {
      return;
    }
    this.validated++;
    if (item.validation_position_sensitive === true) this.positionSensitive++;
    addTo(this.sums.open, open);
    addTo(this.sums.closed, closed);
    addTo(this.sums.options, options);
  }

  merge(other: ValidationSums["state"]): void {
    this.validated += other.validated;
    this.positionSensitive += other.positionSensitive;
    for (const key of ["open", "closed", "options"] as const) {
      const sum = this.sums[key];
      sum[0] = (sum[0] as number) + (other.sums[key][0] as number);
      sum[1] = (sum[1] as number) + (other.sums[key][1] as number);
    }
  }

  get state(): { validated: number; positionSensitive: number; sums: ValidationSums["sums"] } {
    return { validated: this.validated, positionSensitive: this.positionSensitive, sums: this.sums };
  }

  result(): ValidationStatistics {
    const mean = ([sum, n]: number[]) => ((n as number) > 0 ? (sum as number) / (n as number) : null);
    return {
      validated: this.validated,
      meanOpenBook: mean(this.sums.open),
      meanClosedBook: mean(this.sums.closed),
      meanOptionsOnly: mean(this.sums.options),
      positionSensitive: this.positionSensitive,
    };
  }
}

/** Adds a number to a running `[sum, count]`; anything else is skipped. */
function addTo(sum: number[], value: unknown): void {
  if (typeof value !== "number") return;
  sum[0] = (sum[0] as number) + value;
  sum[1] = (sum[1] as number) + 1;
}

function emptySplit(): SplitStatistics {
  return { rows: 0, answerDistribution: {}, reviewed: 0, unreviewed: 0 };
}

function increment(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function sortedCounts(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * What a {@link DatasetStatisticsAccumulator} has counted, as plain data (structured-cloneable): rows counted in a
 * worker thread are merged into the writer's counts with {@link DatasetStatisticsAccumulator.merge}.
 */
export interface StatisticsSnapshot {
  splits: { test: SplitStatistics; dev: SplitStatistics };
  documents: string[];
  subjects: [string, number][];
  models: [string, number][];
  promptVersions: [string, number][];
  optionCounts: Record<string, number>;
  maxChoices: number;
  agreementSum: number;
  agreementRows: number;
  reviewerSum: number;
  validation: ValidationSums["state"];
}

function addCounts(into: Map<string, number>, from: readonly [string, number][]): void {
  for (const [key, count] of from) into.set(key, (into.get(key) ?? 0) + count);
}

function addRecord(into: Record<string, number>, from: Record<string, number>): void {
  for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + count;
}

/**
 * Accumulates {@link DatasetStatistics} one row at a time, so a streamed dataset is summarised without holding it.
 * Memory grows only with the number of distinct documents, models, subjects and prompt versions.
 */
export class DatasetStatisticsAccumulator {
  readonly #splits = { test: emptySplit(), dev: emptySplit() };
  readonly #documents = new Set<string>();
  readonly #subjects = new Map<string, number>();
  readonly #models = new Map<string, number>();
  readonly #promptVersions = new Map<string, number>();
  readonly #optionCounts: Record<string, number> = {};
  #maxChoices = 0;
  #agreementSum = 0;
  #agreementRows = 0;
  #reviewerSum = 0;
  readonly #validation = new ValidationSums();

  add(item: ExamItem, split: "test" | "dev"): void {
    const stats = this.#splits[split];
    stats.rows++;
    increment(stats.answerDistribution, choiceLetter(item.answer));
    if (item.review_status === "submitted") {
      stats.reviewed++;
      this.#reviewerSum += item.reviewer_count;
    } else {
      stats.unreviewed++;
    }
    if (item.agreement !== null) {
      this.#agreementSum += item.agreement;
      this.#agreementRows++;
    }
    this.#validation.add(item);
    this.#maxChoices = Math.max(this.#maxChoices, item.choices.length);
    increment(this.#optionCounts, String(item.choices.length));
    this.#documents.add(item.source_document_id);
    this.#subjects.set(item.subject, (this.#subjects.get(item.subject) ?? 0) + 1);
    this.#models.set(item.generator_model, (this.#models.get(item.generator_model) ?? 0) + 1);
    this.#promptVersions.set(item.prompt_version, (this.#promptVersions.get(item.prompt_version) ?? 0) + 1);
  }

  /** The counts so far as plain data, for {@link merge} in another thread. */
  snapshot(): StatisticsSnapshot {
    return {
      splits: structuredClone(this.#splits),
      documents: [...this.#documents],
      subjects: [...this.#subjects],
      models: [...this.#models],
      promptVersions: [...this.#promptVersions],
      optionCounts: { ...this.#optionCounts },
      maxChoices: this.#maxChoices,
      agreementSum: this.#agreementSum,
      agreementRows: this.#agreementRows,
      reviewerSum: this.#reviewerSum,
      validation: structuredClone(this.#validation.state),
    };
  }

  /**
   * Adds the counts of rows counted elsewhere (a {@link snapshot}). Sums of rates are added as two partial sums, so
   * a mean may differ from one counted in a single pass in its last binary digit.
   */
  merge(other: StatisticsSnapshot): void {
    for (const split of ["test", "dev"] as const) {
      const into = this.#splits[split];
      const from = other.splits[split];
      into.rows += from.rows;
      into.reviewed += from.reviewed;
      into.unreviewed += from.unreviewed;
      addRecord(into.answerDistribution, from.answerDistribution);
    }
    for (const document of other.documents) this.#documents.add(document);
    addCounts(this.#subjects, other.subjects);
    addCounts(this.#models, other.models);
    addCounts(this.#promptVersions, other.promptVersions);
    addRecord(this.#optionCounts, other.optionCounts);
    this.#maxChoices = Math.max(this.#maxChoices, other.maxChoices);
    this.#agreementSum += other.agreementSum;
    this.#agreementRows += other.agreementRows;
    this.#reviewerSum += other.reviewerSum;
    this.#validation.merge(other.validation);
  }

  /** Rows added so far to `split`. */
  rows(split: "test" | "dev"): number {
    return this.#splits[split].rows;
  }

  result(options: { discarded?: number } = {}): DatasetStatistics {
    const classLabelNames = Array.from({ length: this.#maxChoices }, (_, i) => choiceLetter(i));
    const fill = (counts: Record<string, number>) =>
      Object.fromEntries(classLabelNames.map((letter) => [letter, counts[letter] ?? 0]));
    const test = { ...this.#splits.test, answerDistribution: fill(this.#splits.test.answerDistribution) };
    const dev = { ...this.#splits.dev, answerDistribution: fill(this.#splits.dev.answerDistribution) };
    const reviewed = test.reviewed + dev.reviewed;
    return {
      splits: { test, dev },
      rows: test.rows + dev.rows,
      classLabelNames,
      answerDistribution: Object.fromEntries(
        classLabelNames.map((letter) => [
          letter,
          (test.answerDistribution[letter] ?? 0) + (dev.answerDistribution[letter] ?? 0),
        ]),
      ),
      optionCounts: Object.fromEntries(Object.entries(this.#optionCounts).sort(([a], [b]) => Number(a) - Number(b))),
      review: {
        reviewed,
        unreviewed: test.unreviewed + dev.unreviewed,
        discarded: options.discarded ?? 0,
        meanAgreement: this.#agreementRows > 0 ? this.#agreementSum / this.#agreementRows : null,
        meanReviewersPerReviewedRow: reviewed > 0 ? this.#reviewerSum / reviewed : null,
      },
      validation: this.#validation.result(),
      sourceDocuments: this.#documents.size,
      subjects: sortedCounts(this.#subjects),
      generatorModels: sortedCounts(this.#models),
      promptVersions: sortedCounts(this.#promptVersions),
    };
  }
}

/**
 * Summarises rows already in memory, split by split, e.g. to preview a card with {@link renderDatasetCard} before
 * writing anything. {@link writeDatasetFolder} computes the same numbers while it streams.
 *
 * @example
 * const statistics = summarizeExamItems({ test: rows.slice(5), dev: rows.slice(0, 5), discarded: 3 });
 * statistics.review.meanAgreement; // e.g. 0.92
 */
export function summarizeExamItems(params: {
  /** Rows of the evaluation split. */
  test: Iterable<ExamItem>;
  /** Rows of the few-shot split. */
  dev?: Iterable<ExamItem>;
  /** Questions reviewers discarded (they are not rows, so only the caller knows). */
  discarded?: number;
}): DatasetStatistics {
  const accumulator = new DatasetStatisticsAccumulator();
  for (const item of params.test) accumulator.add(item, "test");
  for (const item of params.dev ?? []) accumulator.add(item, "dev");
  return accumulator.result({ discarded: params.discarded });
}

/**
 * The Hub's `size_categories` value for a row count: `n<1K` below 1,000, `1K<n<10K` from 1,000 to 9,999, and so on.
 *
 * @example
 * sizeCategory({ rows: 999 }); // "n<1K"
 * sizeCategory({ rows: 1000 }); // "1K<n<10K"
 */
export function sizeCategory(params: {
  /** Rows in all splits. */
  rows: number;
}): string {
  const { rows } = params;
  if (!Number.isInteger(rows) || rows < 0) throw new RangeError(`rows must be a non-negative integer, got ${rows}`);
  const bounds: [number, string][] = [
    [1e3, "n<1K"],
    [1e4, "1K<n<10K"],
    [1e5, "10K<n<100K"],
    [1e6, "100K<n<1M"],
    [1e7, "1M<n<10M"],
    [1e8, "10M<n<100M"],
    [1e9, "100M<n<1B"],
    [1e10, "1B<n<10B"],
    [1e11, "10B<n<100B"],
    [1e12, "100B<n<1T"],
  ];
  for (const [limit, label] of bounds) if (rows < limit) return label;
  return "n>1T";
}
