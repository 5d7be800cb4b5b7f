import { closeSync, openSync, writeSync } from "node:fs";
import { EXAM_ITEM_COLUMNS, type ExamItem } from "@domain-eval/core";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { writeColumn } from "hyparquet-writer/src/column.js";
import { encodeNestedValues } from "hyparquet-writer/src/dremel.js";
import { schemaPathResolver } from "hyparquet-writer/src/schema.js";
import {
  type ColumnData,
  columnDataOfValues,
  huggingfaceFeatures,
  isChosenEncodingTextColumn,
  parquetSchema,
  plainTextColumnOf,
} from "./dataset-features.js";
import {
  type ColumnEncoder,
  PlainTextColumnBuilder,
  type WrittenColumn,
  writeDictionaryTextColumn,
} from "./plain-text-column.js";
import { compressSnappy, type SnappyCompress } from "./snappy-codec.js";

/** A row group's entry in the Parquet footer (hyparquet's type, as hyparquet-writer keeps it). */
type RowGroup = ParquetWriter["row_groups"][number];
/** hyparquet's schema tree node, as hyparquet-writer resolves a column's path. */
type SchemaTree = ReturnType<ReturnType<typeof schemaPathResolver>>[number];

/** hyparquet-writer's default page size, which `ParquetWriter.write` uses when given none. */
const PAGE_SIZE = 1_048_576;

type ColumnName = (typeof EXAM_ITEM_COLUMNS)[number];

/** The PLAIN text columns, encoded as each row is added (read by name in `add`, in this order). */
const PLAIN_TEXT_COLUMNS = (["id", "question", "choices", "citations"] as const).map((name) => {
  const shape = plainTextColumnOf(name);
  if (!shape) throw new Error(`${name} is not a PLAIN text column`);
  return { name, ...shape };
});
/** The other columns (short texts, numbers): their values are kept until the row group is written. */
type ValueColumn = Exclude<ColumnName, (typeof PLAIN_TEXT_COLUMNS)[number]["name"]>;
const VALUE_COLUMNS = EXAM_ITEM_COLUMNS.filter(
  (name): name is ValueColumn => !PLAIN_TEXT_COLUMNS.some((column) => column.name === name),
);

/**
 * A byte sink that hands its buffer to the file after every row group (ParquetWriter calls `flush` then), so encoded
 * data does not pile up in memory. hyparquet-writer's own `fileWriter` keeps up to 1 MB before writing.
 */
class RowGroupFileWriter extends ByteWriter {
  readonly #fd: number;
  #closed = false;

  constructor(path: string) {
    super(1 << 16);
    this.#fd = openSync(path, "wx");
  }

  flush(): void {
    let written = 0;
    while (written < this.index)
      written += writeSync(this.#fd, new Uint8Array(this.buffer, written, this.index - written));
    this.index = 0;
  }

  override finish(): void {
    this.flush();
    this.abort();
  }

  /** Writes bytes already encoded elsewhere at the current end of the file. */
  writeEncoded(bytes: Uint8Array): void {
    this.flush();
    let written = 0;
    while (written < bytes.length) written += writeSync(this.#fd, bytes, written, bytes.length - written);
    this.offset += bytes.length;
  }

  /** Closes the file (once), also after a failure; the caller removes the staging folder. */
  abort(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeSync(this.#fd);
  }
}

/**
 * A byte sink that keeps each row group's bytes as they are flushed, for row groups encoded away from the file (a
 * worker thread) and written into it later with {@link SplitParquetWriter.appendEncoded}.
 */
class RowGroupCollector extends ByteWriter {
  readonly groups: { bytes: Uint8Array; offset: number }[] = [];

  constructor() {
    super(1 << 16);
  }

  /** Forgets the bytes written so far (the file header, which the file's own writer has written already). */
  discard(): void {
    this.index = 0;
  }

  flush(): void {
    if (this.index === 0) return;
    this.groups.push({ bytes: new Uint8Array(this.buffer.slice(0, this.index)), offset: this.offset - this.index });
    this.index = 0;
  }
}

/**
 * One Parquet row group encoded by a writer other than the file's (another thread): its bytes, where they sat in
 * that writer's output, its footer entry and its page indexes. Structured-cloneable; the bytes can be transferred.
 */
export interface EncodedRowGroup {
  bytes: Uint8Array;
  /** Byte offset of `bytes` in the encoding writer's output: the footer's offsets are relative to it. */
  offset: number;
  rowGroup: RowGroup;
  /** hyparquet-writer's pending page indexes of the group's columns, in column order. */
  indexes: ParquetWriter["pendingIndexes"];
}

/**
 * Writes one split's Parquet file a row group at a time: rows are buffered until `rowGroupSize` of them are waiting,
 * then encoded and flushed to disk, so memory holds one row group, never the split.
 */
export class SplitParquetWriter {
  readonly #file: RowGroupFileWriter | RowGroupCollector;
  readonly #writer: ParquetWriter;
  readonly #rowGroupSize: number;
  readonly #resolvePath: ReturnType<typeof schemaPathResolver>;
  readonly #encoders = new Map<string, { leafPath: SchemaTree[]; column: ColumnEncoder }>();
  /** The buffered row group: the PLAIN text columns already encoded, the other columns' values. */
  readonly #texts = new Map<ColumnName, PlainTextColumnBuilder>(
    PLAIN_TEXT_COLUMNS.map((shape) => [shape.name, new PlainTextColumnBuilder(shape)]),
  );
  readonly #textBuilders = [...this.#texts.values()] as [
    PlainTextColumnBuilder,
    PlainTextColumnBuilder,
    PlainTextColumnBuilder,
    PlainTextColumnBuilder,
  ];
  readonly #values = Object.fromEntries(VALUE_COLUMNS.map((name) => [name, []])) as unknown as Record<
    ValueColumn,
    unknown[]
  >;
  #buffered = 0;
  #rows = 0;

  /**
   * `path`: the file to write; without it, row groups are kept in memory for {@link takeEncoded}. `compress`: the
   * SNAPPY compressor of the pages (default {@link compressSnappy}: native where it loads).
   */
  constructor(options: { path?: string; rowGroupSize: number; compress?: SnappyCompress }) {
    this.#rowGroupSize = options.rowGroupSize;
    this.#file = options.path === undefined ? new RowGroupCollector() : new RowGroupFileWriter(options.path);
    this.#writer = new ParquetWriter({
      writer: this.#file,
      schema: parquetSchema(),
      compressors: { SNAPPY: options.compress ?? compressSnappy },
      createdBy: "domain-eval hub-publisher (hyparquet-writer)",
    });
    this.#resolvePath = schemaPathResolver(this.#writer.schema);
    if (this.#file instanceof RowGroupCollector) this.#file.discard();
  }

  get rows(): number {
    return this.#rows;
  }

  /**
   * Adds a row: its PLAIN text columns (id, question, choices, citations: most of the bytes) are encoded into their
   * page now, so the row's texts are not kept until its row group is written; the other columns' values are.
   */
  add(item: ExamItem): void {
    const [id, question, choices, citations] = this.#textBuilders;
    id.add(item.id);
    question.add(item.question);
    choices.add(item.choices);
    citations.add(item.citations);
    const values = this.#values;
    values.subject.push(item.subject);
    values.answer.push(item.answer);
    values.source_document_id.push(item.source_document_id);
    values.source_chunk_id.push(item.source_chunk_id);
    values.generator_model.push(item.generator_model);
    values.prompt_version.push(item.prompt_version);
    values.review_status.push(item.review_status);
    values.reviewer_count.push(item.reviewer_count);
    values.agreement.push(item.agreement);
    values.validation_open_book.push(item.validation_open_book);
    values.validation_closed_book.push(item.validation_closed_book);
    values.validation_options_only.push(item.validation_options_only);
    values.validation_position_sensitive.push(item.validation_position_sensitive);
    this.#rows++;
    if (++this.#buffered >= this.#rowGroupSize) this.#flush();
  }

  #flush(): void {
    if (this.#buffered === 0) return;
    this.#writeRowGroup(this.#buffered);
    this.#buffered = 0;
    for (const builder of this.#textBuilders) builder.restart();
    for (const name of VALUE_COLUMNS) this.#values[name].length = 0;
  }

  /**
   * Encodes the buffered row group, as `ParquetWriter.write` does for `toColumnData(rows)` (the same bytes and footer
   * entry: a test compares them), except that the PLAIN text columns come from their {@link PlainTextColumnBuilder}
   * and the short texts with statistics are written by {@link writeDictionaryTextColumn}.
   */
  #writeRowGroup(rows: number): void {
    const writer = this.#writer;
    const groupStart = this.#file.offset;
    const columns: RowGroup["columns"] = [];
    for (const name of EXAM_ITEM_COLUMNS) {
      const builder = this.#texts.get(name);
      let written: WrittenColumn | undefined;
      if (builder) {
        written =
          builder.write({ writer: this.#file, pageSize: PAGE_SIZE, compress: writer.compressors.SNAPPY }) ??
          this.#writeColumn(columnDataOfValues(name, builder.values()));
      } else {
        const values = this.#values[name as ValueColumn];
        written =
          (isChosenEncodingTextColumn(name)
            ? writeDictionaryTextColumn({
                writer: this.#file,
                column: this.#encoderOf(columnDataOfValues(name, [])).column,
                name,
                values,
                pageSize: PAGE_SIZE,
              })
            : undefined) ?? this.#writeColumn(columnDataOfValues(name, values));
      }
      columns.push(written.chunk);
      writer.pendingIndexes.push(written);
    }
    let totalByteSize = 0n;
    for (const { meta_data } of columns) totalByteSize += meta_data?.total_uncompressed_size ?? 0n;
    writer.num_rows += BigInt(rows);
    writer.row_groups.push({
      columns,
      total_byte_size: totalByteSize,
      num_rows: BigInt(rows),
      total_compressed_size: BigInt(this.#file.offset - groupStart),
    });
    this.#file.flush();
  }

  /** One column the generic way: what `ParquetWriter.write` does for each column of a row group. */
  #writeColumn(column: ColumnData): WrittenColumn {
    const { leafPath, column: encoder } = this.#encoderOf(column);
    // hyparquet-writer's own types say DecodedArray; the column arrays built here are exactly that.
    return writeColumn({
      writer: this.#file,
      column: encoder,
      pageData: encodeNestedValues(leafPath, column.data as never),
    });
  }

  /** How `ParquetWriter.write` describes a column to its writers (its settings are the same in every row group). */
  #encoderOf(column: ColumnData): { leafPath: SchemaTree[]; column: ColumnEncoder } {
    const known = this.#encoders.get(column.name);
    if (known) return known;
    const writer = this.#writer;
    let leafPath: SchemaTree[] = this.#resolvePath([column.name]);
    for (let node = leafPath.at(-1); node?.children[0]; node = leafPath.at(-1))
      leafPath = [...leafPath, node.children[0]];
    const schemaPath = leafPath.map((node) => node.element);
    const element = schemaPath.at(-1);
    if (!element) throw new Error(`column ${column.name} is not in the schema`);
    const encoder = {
      leafPath,
      column: {
        columnName: schemaPath
          .slice(1)
          .map((s) => s.name)
          .join("."),
        element,
        schemaPath,
        codec: writer.codec,
        compressors: writer.compressors,
        stats: column.statistics ?? writer.statistics,
        statisticsTruncateLength: writer.statisticsTruncateLength,
        pageSize: PAGE_SIZE,
        columnIndex: false,
        offsetIndex: true,
        ...(column.encoding ? { encoding: column.encoding } : {}),
      },
    };
    this.#encoders.set(column.name, encoder);
    return encoder;
  }

  /**
   * The row groups encoded so far (the rows still buffered are encoded first, as a last, smaller group), for
   * {@link appendEncoded} on the file's writer. Only for a writer without a file.
   */
  takeEncoded(): EncodedRowGroup[] {
    const collector = this.#file;
    if (!(collector instanceof RowGroupCollector)) throw new Error("takeEncoded: this writer writes a file");
    this.#flush();
    const { row_groups: rowGroups, pendingIndexes } = this.#writer;
    let index = 0;
    return collector.groups.map(({ bytes, offset }, i) => {
      const rowGroup = rowGroups[i] as RowGroup;
      const indexes = pendingIndexes.slice(index, index + rowGroup.columns.length);
      index += rowGroup.columns.length;
      return { bytes, offset, rowGroup, indexes };
    });
  }

  /**
   * Writes row groups encoded by another writer (in order, after the rows added so far): their bytes go into the
   * file as they are, and their footer entries and page indexes are moved to where the bytes now sit.
   */
  appendEncoded(groups: readonly EncodedRowGroup[]): void {
    const file = this.#file;
    if (!(file instanceof RowGroupFileWriter)) throw new Error("appendEncoded: this writer has no file");
    this.#flush();
    for (const group of groups) {
      const shift = BigInt(file.offset - group.offset);
      group.rowGroup.columns.forEach((chunk, i) => {
        chunk.file_offset += shift;
        const meta = chunk.meta_data;
        if (meta) {
          meta.data_page_offset += shift;
          if (meta.dictionary_page_offset !== undefined) meta.dictionary_page_offset += shift;
        }
        const index = group.indexes[i];
        if (!index) throw new Error("appendEncoded: a row group's page indexes do not match its columns");
        // the footer entry the index writer fills in must be the row group's own (a copy may have come apart)
        index.chunk = chunk;
        for (const page of index.offsetIndex?.page_locations ?? []) page.offset += shift;
      });
      file.writeEncoded(group.bytes);
      this.#writer.row_groups.push(group.rowGroup);
      this.#writer.pendingIndexes.push(...group.indexes);
      this.#writer.num_rows += group.rowGroup.num_rows;
      this.#rows += Number(group.rowGroup.num_rows);
    }
  }

  /**
   * Writes the remaining rows and the footer. The `huggingface` metadata is only known once every row is seen (the
   * class-label names depend on the largest number of options), and Parquet keeps metadata in the footer, so it is
   * passed here.
   */
  finish(options: { classLabelNames: readonly string[] }): void {
    this.#flush();
    this.#writer.kvMetadata = [
      {
        key: "huggingface",
        value: JSON.stringify({ info: { features: huggingfaceFeatures(options.classLabelNames) } }),
      },
    ];
    this.#writer.finish();
  }

  /** Releases the open file without finishing it. */
  abort(): void {
    if (this.#file instanceof RowGroupFileWriter) this.#file.abort();
  }
}
