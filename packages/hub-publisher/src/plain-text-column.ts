import { ByteWriter, type ParquetWriter } from "hyparquet-writer";
import { writeDataPageV2, writePageHeader } from "hyparquet-writer/src/datapage.js";
import { useDictionary, writeDictionaryPage } from "hyparquet-writer/src/dictionary.js";
import { writeRleBitPackedHybrid } from "hyparquet-writer/src/encoding.js";

/** What hyparquet-writer's `writeColumn` returns for one column chunk: its footer entry and its page indexes. */
export type WrittenColumn = ParquetWriter["pendingIndexes"][number];
type ColumnStatistics = NonNullable<NonNullable<WrittenColumn["chunk"]["meta_data"]>["statistics"]>;
/** How hyparquet-writer describes a column to its page writers. */
export type ColumnEncoder = Parameters<typeof writeDataPageV2>[0]["column"];

/** Definition levels of a dictionary column's data page (all 1: every value present); grown when a page needs more. */
let definitionLevels = new Uint8Array(1 << 12);

/**
 * Two texts in the order of their UTF-8 bytes (code point order, a lone surrogate as U+FFFD), as Parquet orders
 * BYTE_ARRAY statistics and hyparquet-writer compares them. UTF-16 code units are in that order too, except where the
 * first difference involves a surrogate: there the bytes are compared.
 */
export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const length = Math.min(a.length, b.length);
  let i = 0;
  while (i < length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === length) {
    // one is the start of the other, unless it ends in half a pair the other completes
    if (i === 0 || a.charCodeAt(i - 1) < 0xd800 || a.charCodeAt(i - 1) > 0xdbff) return a.length - b.length;
  } else {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if ((x < 0xd800 && y < 0xd800) || (x > 0xdfff && y > 0xdfff)) return x - y;
  }
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** How a PLAIN text column is written: a text or a list of texts, with min/max statistics or not, its page-size estimate. */
export interface PlainTextColumnShape {
  name: string;
  /** A list of texts (an OPTIONAL LIST of OPTIONAL strings) rather than a text (an OPTIONAL string). */
  list: boolean;
  /** Min/max statistics (texts only, not lists). */
  statistics: boolean;
  /**
   * How the generic writer would size each text for its page split: `"chars"` when it gets strings (UTF-16 length),
   * `"bytes"` when it gets their UTF-8 bytes.
   */
  estimate: "chars" | "bytes";
}

/**
 * One text column (`list: false`) or list-of-text column (`list: true`) of a row group, encoded PLAIN value by value
 * as the rows arrive, then written as one SNAPPY-compressed data page V2 by {@link write}: the bytes, footer entry and
 * statistics hyparquet-writer's `writeColumn` writes for the same values with `encoding: "PLAIN"` (a test compares
 * them), without the UTF-8 copy of every value the generic writer takes and without its level and value arrays.
 * Encoding each row's texts when the row is added, rather than when its row group is written, lets the rows die young:
 * kept for a row group, they lived long enough for the garbage collector to copy them out of its young generation,
 * the export's largest garbage-collection cost (measured). The schema is the one `parquetSchema` gives such columns.
 *
 * Where the generic writer would do more than one page (the size estimate reaches the page size, then it writes
 * pages with page indexes) or a value is not a text (a list) of texts, {@link write} writes nothing and
 * {@link values} gives the column's values for the generic writer.
 */
export class PlainTextColumnBuilder {
  #shape: PlainTextColumnShape;
  #bytes = Buffer.allocUnsafe(1 << 16);
  #used = 0;
  #definitions = new Uint8Array(1 << 10);
  #repetitions = new Uint8Array(1 << 10);
  #slots = 0;
  #rows = 0;
  #nulls = 0;
  #estimated = 0;
  #min: string | undefined;
  #max: string | undefined;
  /** Set once a value cannot be encoded here: the column's values, for the generic writer. */
  #values: unknown[] | undefined;

  constructor(shape: PlainTextColumnShape) {
    this.#shape = shape;
    this.restart(shape);
  }

  /** Rows added since the last restart. */
  get rows(): number {
    return this.#rows;
  }

  /** Forgets the values added so far (the buffers are kept for the next row group); `shape` changes the column. */
  restart(shape: PlainTextColumnShape = this.#shape): void {
    this.#shape = shape;
    this.#used = 0;
    this.#slots = 0;
    this.#rows = 0;
    this.#nulls = 0;
    this.#estimated = 0;
    this.#min = undefined;
    this.#max = undefined;
    this.#values = shape.list && shape.statistics ? [] : undefined;
  }

  /** Adds the next row's value: a text, or a list of texts. */
  add(value: unknown): void {
    this.#rows++;
    if (this.#values) {
      this.#values.push(value);
      return;
    }
    if (!this.#shape.list) {
      if (typeof value !== "string") {
        this.#keepValues(value);
        return;
      }
      this.#reserveLevels(1);
      this.#definitions[this.#slots++] = 1;
      this.#text(value);
      return;
    }
    if (!isTextList(value)) {
      this.#keepValues(value);
      return;
    }
    this.#reserveLevels(Math.max(value.length, 1));
    if (value.length === 0) {
      // an empty list: one slot, defined up to the list (level 1), no value
      this.#definitions[this.#slots] = 1;
      this.#repetitions[this.#slots++] = 0;
      this.#nulls++;
      return;
    }
    for (let j = 0; j < value.length; j++) {
      this.#repetitions[this.#slots] = j === 0 ? 0 : 1;
      this.#definitions[this.#slots++] = 3;
      this.#text(value[j] as string);
    }
  }

  /**
   * Writes the column chunk of the rows added (one data page) and returns its footer entry; `undefined`, having
   * written nothing, where the generic writer must write it (see the class).
   */
  write(params: {
    writer: ByteWriter;
    pageSize: number;
    compress: (bytes: Uint8Array) => Uint8Array;
  }): WrittenColumn | undefined {
    const { writer, pageSize, compress } = params;
    const { name, list, statistics } = this.#shape;
    if (this.#values || this.#estimated >= pageSize) return undefined;
    const slots = this.#slots;
    const levels = new ByteWriter();
    const repetitionLength = list ? writeRleBitPackedHybrid(levels, this.#repetitions.subarray(0, slots), 1) : 0;
    const definitionLength = writeRleBitPackedHybrid(levels, this.#definitions.subarray(0, slots), list ? 2 : 1);
    const page = this.#bytes.subarray(0, this.#used);
    const compressed = compress(page);

    const columnStart = writer.offset;
    writePageHeader(writer, {
      type: "DATA_PAGE_V2",
      uncompressed_page_size: levels.offset + page.length,
      compressed_page_size: levels.offset + compressed.length,
      data_page_header_v2: {
        num_values: slots,
        num_nulls: this.#nulls,
        num_rows: this.#rows,
        encoding: "PLAIN",
        definition_levels_byte_length: definitionLength,
        repetition_levels_byte_length: repetitionLength,
        is_compressed: true,
      },
    });
    const headerLength = writer.offset - columnStart;
    writer.appendBytes(levels.getBytes());
    writer.appendBytes(compressed);

    return textColumnChunk({
      columnStart,
      columnEnd: writer.offset,
      path: list ? [name, "list", "element"] : [name],
      encodings: ["PLAIN"],
      values: slots,
      uncompressedSize: headerLength + levels.offset + page.length,
      dataPageOffset: columnStart,
      statistics: statistics
        ? { min_value: this.#min, max_value: this.#max, null_count: BigInt(this.#nulls), nan_count: undefined }
        : undefined,
      encodingStats: statistics ? [{ page_type: "DATA_PAGE_V2", encoding: "PLAIN", count: 1 }] : undefined,
    });
  }

  /** The values of the rows added, as they were given (texts read back from their bytes), for the generic writer. */
  values(): unknown[] {
    if (this.#values) return this.#values;
    const bytes = this.#bytes;
    let at = 0;
    const next = () => {
      const length = bytes.readUInt32LE(at);
      at += 4 + length;
      return bytes.toString("utf8", at - length, at);
    };
    const values: unknown[] = [];
    for (let slot = 0; slot < this.#slots; slot++) {
      if (!this.#shape.list) values.push(next());
      else if (this.#repetitions[slot] === 1) (values.at(-1) as string[]).push(next());
      else values.push(this.#definitions[slot] === 1 ? [] : [next()]);
    }
    return values;
  }

  /** From `value` on, the column keeps its values as given (for the generic writer), the earlier ones read back. */
  #keepValues(value: unknown): void {
    const values = this.values();
    values.push(value);
    this.#values = values;
  }

  #text(text: string): void {
    const used = this.#used;
    if (used + 4 + text.length * 3 > this.#bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.#bytes.length * 2, used + 4 + text.length * 3));
      this.#bytes.copy(grown, 0, 0, used);
      this.#bytes = grown;
    }
    const length = this.#bytes.write(text, used + 4, "utf8");
    this.#bytes.writeUInt32LE(length, used);
    this.#used = used + 4 + length;
    this.#estimated += this.#shape.estimate === "chars" ? text.length : length;
    if (this.#shape.statistics) {
      if (this.#min === undefined || compareUtf8(text, this.#min) < 0) this.#min = text;
      if (this.#max === undefined || compareUtf8(text, this.#max) > 0) this.#max = text;
    }
  }

  /** Room for `more` level slots, keeping those already set. */
  #reserveLevels(more: number): void {
    const slots = this.#slots + more;
    if (slots <= this.#definitions.length) return;
    const size = Math.max(this.#definitions.length * 2, slots);
    const definitions = new Uint8Array(size);
    const repetitions = new Uint8Array(size);
    definitions.set(this.#definitions);
    repetitions.set(this.#repetitions);
    this.#definitions = definitions;
    this.#repetitions = repetitions;
  }
}

function isTextList(value: unknown): value is readonly string[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== "string") return false;
  return true;
}

/** The builder {@link writePlainTextColumn} reuses from call to call (its buffers grow to the largest column). */
let sharedBuilder: PlainTextColumnBuilder | undefined;

/**
 * Writes one PLAIN text column (or list-of-text column) of a row group from its values, as
 * {@link PlainTextColumnBuilder} does; `undefined`, having written nothing, where the generic writer must write it.
 */
export function writePlainTextColumn(
  params: PlainTextColumnShape & {
    writer: ByteWriter;
    /** Texts, or lists of texts; anything else (a missing value): `undefined` is returned. */
    values: readonly unknown[];
    pageSize: number;
    compress: (bytes: Uint8Array) => Uint8Array;
  },
): WrittenColumn | undefined {
  const { writer, values, pageSize, compress, ...shape } = params;
  const builder = sharedBuilder ?? new PlainTextColumnBuilder(shape);
  sharedBuilder = builder;
  builder.restart(shape);
  for (let i = 0; i < values.length; i++) builder.add(values[i]);
  const written = builder.write({ writer, pageSize, compress });
  builder.restart();
  return written;
}

/** The footer entry of a SNAPPY-compressed BYTE_ARRAY column chunk with one data page, as `writeColumn` returns it. */
function textColumnChunk(params: {
  columnStart: number;
  columnEnd: number;
  path: string[];
  encodings: string[];
  values: number;
  uncompressedSize: number;
  dataPageOffset: number;
  dictionaryPageOffset?: number;
  statistics: Record<string, unknown> | undefined;
  encodingStats: { page_type: string; encoding: string; count: number }[] | undefined;
}): WrittenColumn {
  const { columnStart, dictionaryPageOffset } = params;
  return {
    chunk: {
      meta_data: {
        type: "BYTE_ARRAY",
        encodings: params.encodings,
        path_in_schema: params.path,
        codec: "SNAPPY",
        num_values: BigInt(params.values),
        total_compressed_size: BigInt(params.columnEnd - columnStart),
        total_uncompressed_size: BigInt(params.uncompressedSize),
        data_page_offset: BigInt(params.dataPageOffset),
        dictionary_page_offset: dictionaryPageOffset === undefined ? undefined : BigInt(dictionaryPageOffset),
        statistics: params.statistics as ColumnStatistics | undefined,
        encoding_stats: params.encodingStats,
        geospatial_statistics: undefined,
      },
      file_offset: BigInt(columnStart),
    },
    columnIndex: undefined,
    offsetIndex: undefined,
    bloomFilter: undefined,
  } as WrittenColumn;
}

/**
 * Writes one text column of a row group that has statistics and lets the writer choose its encoding (the short,
 * repeated texts: subject, source ids, model, prompt version, review status) as hyparquet-writer's `writeColumn`
 * writes it (same bytes, footer entry and statistics; a test compares them): its own dictionary choice
 * (`useDictionary`) and page writers, but min/max taken over the dictionary's distinct texts rather than every value,
 * a PLAIN column through {@link writePlainTextColumn}, and no converted copy of the values. `undefined`, having
 * written nothing, where the generic writer would write more than one page or a value is not a text.
 */
export function writeDictionaryTextColumn(params: {
  writer: ByteWriter;
  column: ColumnEncoder;
  name: string;
  values: readonly unknown[];
  pageSize: number;
}): WrittenColumn | undefined {
  const { writer, column, name, values, pageSize } = params;
  const rows = values.length;
  for (let i = 0; i < rows; i++) if (typeof values[i] !== "string") return undefined;
  const texts = values as readonly string[];
  // the pages of these writers are SNAPPY pages: without a SNAPPY compressor, the generic writer
  const compress = column.compressors.SNAPPY;
  if (!compress) return undefined;
  const { dictionary, indexes } = useDictionary(
    texts as string[],
    "BYTE_ARRAY",
    undefined,
    undefined,
    undefined,
    false,
  );
  if (!dictionary || !indexes) {
    return writePlainTextColumn({
      writer,
      name,
      values: texts,
      list: false,
      statistics: true,
      estimate: "chars",
      pageSize,
      compress,
    });
  }
  // the data page holds one 4-byte index estimate per row
  if (rows * 4 >= pageSize) return undefined;
  const entries = (dictionary as string[]).map((text) => Buffer.from(text, "utf8"));
  let minAt = 0;
  let maxAt = 0;
  for (let i = 1; i < entries.length; i++) {
    const entry = entries[i] as Buffer;
    if (Buffer.compare(entry, entries[minAt] as Buffer) < 0) minAt = i;
    if (Buffer.compare(entry, entries[maxAt] as Buffer) > 0) maxAt = i;
  }
  const columnStart = writer.offset;
  let uncompressed = writeDictionaryPage(writer, column, entries);
  const dataPageOffset = writer.offset;
  if (rows > definitionLevels.length) definitionLevels = new Uint8Array(Math.max(definitionLevels.length * 2, rows));
  definitionLevels.fill(1, 0, rows);
  uncompressed += writeDataPageV2({
    writer,
    column,
    encoding: "RLE_DICTIONARY",
    pageData: {
      values: indexes,
      definitionLevels: definitionLevels.subarray(0, rows) as unknown as number[],
      repetitionLevels: [],
      maxDefinitionLevel: 1,
    },
  });
  return textColumnChunk({
    columnStart,
    columnEnd: writer.offset,
    path: [name],
    encodings: ["PLAIN", "RLE_DICTIONARY"],
    values: rows,
    uncompressedSize: uncompressed,
    dataPageOffset,
    dictionaryPageOffset: columnStart,
    statistics: { min_value: dictionary[minAt], max_value: dictionary[maxAt], null_count: 0n, nan_count: undefined },
    encodingStats: [
      { page_type: "DICTIONARY_PAGE", encoding: "PLAIN", count: 1 },
      { page_type: "DATA_PAGE_V2", encoding: "RLE_DICTIONARY", count: 1 },
    ],
  });
}
