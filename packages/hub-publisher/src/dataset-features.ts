import { EXAM_ITEM_COLUMNS, type ExamItem } from "@domain-eval/core";
import type { ParquetWriter } from "hyparquet-writer";

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]["schema"][number];

/** How one column is stored: a string, a list of strings, a 64-bit integer, a class label, a nullable float or bool. */
type ColumnKind = "string" | "string-list" | "int64" | "class-label" | "float64" | "bool";

/** The storage kind of every dataset column, in {@link EXAM_ITEM_COLUMNS} order. */
export const COLUMN_KINDS = {
  id: "string",
  question: "string",
  subject: "string",
  choices: "string-list",
  answer: "class-label",
  source_document_id: "string",
  source_chunk_id: "string",
  citations: "string-list",
  generator_model: "string",
  prompt_version: "string",
  review_status: "string",
  reviewer_count: "int64",
  agreement: "float64",
  validation_open_book: "float64",
  validation_closed_book: "float64",
  validation_options_only: "float64",
  validation_position_sensitive: "bool",
} as const satisfies Record<(typeof EXAM_ITEM_COLUMNS)[number], ColumnKind>;

/** Column types as a reader sees them, for the README and the card: `[name, type, meaning]`. */
export const COLUMN_DESCRIPTIONS: Record<(typeof EXAM_ITEM_COLUMNS)[number], string> = {
  id: "stable question id (derived from the source chunk and the question text)",
  question: "the question",
  subject: "the domain, e.g. `finance`",
  choices: "the options in display order",
  answer: "index of the correct option in `choices`; class-label names A, B, C, …",
  source_document_id: "document the question was written from",
  source_chunk_id: "passage of that document the question was written from",
  citations: "verbatim quotes from the passage that support the answer",
  generator_model: "model that wrote the question",
  prompt_version: "version of the prompt and domain plugin that produced it",
  review_status: "`submitted` (a reviewer accepted or corrected it) or `unreviewed`",
  reviewer_count: "number of reviewers who answered",
  agreement: "share of reviewers who agreed with the published answer (0–1); null when nobody reviewed",
  validation_open_book:
    "share of the validation panel's answers that chose the key with the passage shown (0–1); null when not validated",
  validation_closed_book:
    "share of the panel's answers that chose the key without the passage (high: answerable from general knowledge)",
  validation_options_only:
    "share of the panel's answers that chose the key from the options alone, without the question (high: the options give it away)",
  validation_position_sensitive:
    "true when a panel model chose a different option text once the options were reordered; null when not validated",
};

/** Human-readable column type, as `datasets` shows it. */
export function columnTypeLabel(kind: ColumnKind, classLabelNames: readonly string[]): string {
  switch (kind) {
    case "string":
      return "string";
    case "string-list":
      return "list of string";
    case "int64":
      return "int64";
    case "float64":
      return "float64 (nullable)";
    case "bool":
      return "bool (nullable)";
    case "class-label":
      return `ClassLabel (int64) ${classLabelNames.join(", ")}`;
  }
}

/**
 * Parquet schema of a split file. Every column is OPTIONAL, as Arrow writes them: `datasets` applies the features in
 * the file's `huggingface` metadata only to fields whose Arrow type (nullability included) matches exactly.
 */
export function parquetSchema(): SchemaElement[] {
  const schema: SchemaElement[] = [{ name: "schema", num_children: EXAM_ITEM_COLUMNS.length }];
  for (const name of EXAM_ITEM_COLUMNS) {
    const kind: ColumnKind = COLUMN_KINDS[name];
    if (kind === "string") {
      schema.push({ name, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "OPTIONAL" });
    } else if (kind === "string-list") {
      schema.push(
        { name, repetition_type: "OPTIONAL", converted_type: "LIST", num_children: 1 },
        { name: "list", repetition_type: "REPEATED", num_children: 1 },
        { name: "element", type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type: "OPTIONAL" },
      );
    } else if (kind === "float64") {
      schema.push({ name, type: "DOUBLE", repetition_type: "OPTIONAL" });
    } else if (kind === "bool") {
      schema.push({ name, type: "BOOLEAN", repetition_type: "OPTIONAL" });
    } else {
      schema.push({ name, type: "INT64", repetition_type: "OPTIONAL" });
    }
  }
  return schema;
}

/**
 * The `datasets` features as JSON (`Features.to_dict()` form), stored in each Parquet file's `huggingface` key-value
 * metadata. `Sequence` rather than `List` so `datasets` 2.x and 3.x read it too.
 */
export function huggingfaceFeatures(classLabelNames: readonly string[]): Record<string, unknown> {
  const features: Record<string, unknown> = {};
  for (const name of EXAM_ITEM_COLUMNS) {
    const kind: ColumnKind = COLUMN_KINDS[name];
    features[name] =
      kind === "string-list"
        ? { feature: { dtype: "string", _type: "Value" }, _type: "Sequence" }
        : kind === "class-label"
          ? { names: [...classLabelNames], _type: "ClassLabel" }
          : { dtype: kind, _type: "Value" };
  }
  return features;
}

/** The same features in the dataset card's `dataset_info.features` form (class-label keys are strings). */
export function cardFeatures(classLabelNames: readonly string[]): Record<string, unknown>[] {
  return EXAM_ITEM_COLUMNS.map((name) => {
    const kind: ColumnKind = COLUMN_KINDS[name];
    if (kind === "string-list") return { name, sequence: "string" };
    if (kind === "class-label") {
      return {
        name,
        dtype: { class_label: { names: Object.fromEntries(classLabelNames.map((n, i) => [String(i), n])) } },
      };
    }
    return { name, dtype: kind };
  });
}

/**
 * Columns whose values are (nearly) all different: a dictionary never pays for itself, so they are written PLAIN
 * without the writer sampling them first. Measured on 100,000 rows: trying the dictionary on these and computing
 * min/max statistics of long texts took ~25% of the Parquet encoding time.
 */
const UNIQUE_TEXT_COLUMNS: ReadonlySet<string> = new Set(["id", "question", "choices", "citations"]);
/** Long free-text columns: min/max statistics (used to skip row groups by value range) say nothing useful here. */
const NO_STATISTICS_COLUMNS: ReadonlySet<string> = new Set(["question", "choices", "citations"]);

/** One column of a row group as the Parquet writer takes it, with its encoding choices. */
export interface ColumnData {
  name: string;
  data: unknown[] | BigInt64Array;
  encoding?: "PLAIN";
  statistics?: boolean;
}

/** A text, or each text of a list, as UTF-8 bytes. */
function utf8Of(value: string | readonly string[]): Buffer | Buffer[] {
  return typeof value === "string" ? Buffer.from(value, "utf8") : value.map((text) => Buffer.from(text, "utf8"));
}

/** One column of a batch of rows as the Parquet writer takes it, with its encoding choices. */
export function columnDataOf(name: (typeof EXAM_ITEM_COLUMNS)[number], rows: readonly ExamItem[]): ColumnData {
  return columnDataOfValues(
    name,
    rows.map((row) => row[name]),
  );
}

/** One column's values (`row[name]` of each row, in order) as the Parquet writer takes them: see {@link columnDataOf}. */
export function columnDataOfValues(name: (typeof EXAM_ITEM_COLUMNS)[number], values: readonly unknown[]): ColumnData {
  const kind: ColumnKind = COLUMN_KINDS[name];
  if (kind === "int64" || kind === "class-label") {
    return { name, data: BigInt64Array.from(values, (value) => BigInt(value as number)) };
  }
  if (NO_STATISTICS_COLUMNS.has(name)) {
    // Long texts go in as UTF-8 bytes (the same bytes the writer would encode): Buffer.from takes small strings'
    // bytes from a shared pool, where the writer would allocate a new buffer for every string.
    return {
      name,
      data: values.map((value) => utf8Of(value as string | readonly string[])),
      encoding: "PLAIN" as const,
      statistics: false,
    };
  }
  // Optional columns (validation) are null in rows that lack them.
  return {
    name,
    data: values.map((value) => value ?? null),
    ...(UNIQUE_TEXT_COLUMNS.has(name) ? { encoding: "PLAIN" as const } : {}),
  };
}

/** Transposes a batch of rows into the column arrays the Parquet writer takes. */
export function toColumnData(rows: readonly ExamItem[]): ColumnData[] {
  return EXAM_ITEM_COLUMNS.map((name) => columnDataOf(name, rows));
}

/**
 * How a PLAIN text column is written by `writePlainTextColumn` instead of the generic writer: the same choices
 * {@link columnDataOf} gives the generic writer (statistics or not; its page-size estimate counts UTF-8 bytes where it
 * gets bytes, UTF-16 units where it gets strings). `undefined` for the other columns.
 */
export function plainTextColumnOf(
  name: (typeof EXAM_ITEM_COLUMNS)[number],
): { list: boolean; statistics: boolean; estimate: "chars" | "bytes" } | undefined {
  const kind: ColumnKind = COLUMN_KINDS[name];
  if ((kind !== "string" && kind !== "string-list") || !UNIQUE_TEXT_COLUMNS.has(name)) return undefined;
  const bytes = NO_STATISTICS_COLUMNS.has(name);
  return { list: kind === "string-list", statistics: !bytes, estimate: bytes ? "bytes" : "chars" };
}

/**
 * Whether a column is a text column with statistics whose encoding the writer chooses (dictionary or PLAIN): written
 * by `writeDictionaryTextColumn` instead of the generic writer.
 */
export function isChosenEncodingTextColumn(name: (typeof EXAM_ITEM_COLUMNS)[number]): boolean {
  return COLUMN_KINDS[name] === "string" && !UNIQUE_TEXT_COLUMNS.has(name) && !NO_STATISTICS_COLUMNS.has(name);
}
