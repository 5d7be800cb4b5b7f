import { ByteWriter, type ParquetWriter } from "hyparquet-writer";
import { writeDataPageV2, writePageHeader } from "hyparquet-writer/src/datapage.js";
import { useDictionary, writeDictionaryPage } from "hyparquet-writer/src/dictionary.js";
import { writeRleBitPackedHybrid } from "hyparquet-writer/src/encoding.js";

/** What hyparquet-writer's `writeColumn` returns for one column chunk: its footer entry and its page indexes. */
export type WrittenColumn = ParquetWriter["pendingIndexes"][number];
type ColumnStatistics = NonNullable<NonNullable<WrittenColumn["chunk"]["meta_data"]>["statistics"]>;
/** How hyparquet-writer describes a column to its page writers. */
export type ColumnEncoder = Parameters<typeof writeDataPageV2>[0]["column"];

/** UTF-8 bytes of one page before compression; grown when a page needs more, reused for the next. */
let scratch = Buffer.allocUnsafe(1 << 20);
/** Definition and repetition levels of one page; grown likewise. */
let definitionLevels = new Uint8Array(1 << 12);
let repetitionLevels = new Uint8Array(1 << 12);

function reserve(used: number, more: number): void {
  if (used + more <= scratch.length) return;
  const grown = Buffer.allocUnsafe(Math.max(scratch.length * 2, used + more));
  scratch.copy(grown, 0, 0, used);
  scratch = grown;
}

/** Room for `slots` levels, keeping those already set (a list column grows them row by row). */
function reserveLevels(slots: number): void {
  if (slots <= definitionLevels.length) return;
  const size = Math.max(definitionLevels.length * 2, slots);
  const definitions = new Uint8Array(size);
  const repetitions = new Uint8Array(size);
  definitions.set(definitionLevels);
  repetitions.set(repetitionLevels);
  definitionLevels = definitions;
  repetitionLevels = repetitions;
}

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

/**
 * Writes one text column (`list: false`) or list-of-text column (`list: true`) of a row group PLAIN, in one
 * SNAPPY-compressed data page V2: the bytes, footer entry and statistics hyparquet-writer's `writeColumn` writes for
 * the same values with `encoding: "PLAIN"` (a test compares them), without the UTF-8 copy of every value the generic
 * writer takes (each text is encoded straight into the page) and without its generic level and value arrays. The
 * schema is the one {@link parquetSchema} gives such columns: an OPTIONAL string, or an OPTIONAL LIST of OPTIONAL
 * strings.
 *
 * Returns `undefined`, having written nothing, where the generic writer would do more than this does: a column whose
 * size estimate reaches `pageSize` (it would write more than one page, with page indexes), or a value that is not a
 * text (a list) of texts. The caller then writes the column the generic way.
 *
 * @param estimate how the generic writer would size each text for its page split: `"chars"` when it gets strings
 *   (UTF-16 length), `"bytes"` when it gets their UTF-8 bytes.
 */
export function writePlainTextColumn(params: {
  writer: ByteWriter;
  name: string;
  /** Texts, or lists of texts; anything else (a missing value): `undefined` is returned. */
  values: readonly unknown[];
  list: boolean;
  statistics: boolean;
  estimate: "chars" | "bytes";
  pageSize: number;
  compress: (bytes: Uint8Array) => Uint8Array;
}): WrittenColumn | undefined {
  const { writer, name, values, list, statistics, estimate, pageSize, compress } = params;
  if (list && statistics) return undefined;
  const rows = values.length;
  let slots = 0;
  let nulls = 0;
  let used = 0;
  let estimated = 0;
  let minValue: string | undefined;
  let maxValue: string | undefined;
  const writeText = (text: string) => {
    reserve(used, 4 + text.length * 3);
    const length = scratch.write(text, used + 4, "utf8");
    scratch.writeUInt32LE(length, used);
    estimated += estimate === "chars" ? text.length : length;
    if (statistics) {
      if (minValue === undefined || compareUtf8(text, minValue) < 0) minValue = text;
      if (maxValue === undefined || compareUtf8(text, maxValue) > 0) maxValue = text;
    }
    used += 4 + length;
  };
  if (!list) {
    reserveLevels(rows);
    for (let i = 0; i < rows; i++) {
      const value = values[i];
      if (typeof value !== "string") return undefined;
      definitionLevels[i] = 1;
      writeText(value);
    }
    slots = rows;
  } else {
    for (let i = 0; i < rows; i++) {
      const texts = values[i];
      if (!Array.isArray(texts)) return undefined;
      reserveLevels(slots + Math.max(texts.length, 1));
      if (texts.length === 0) {
        // an empty list: one slot, defined up to the list (level 1), no value
        definitionLevels[slots] = 1;
        repetitionLevels[slots++] = 0;
        nulls++;
        continue;
      }
      for (let j = 0; j < texts.length; j++) {
        const text: unknown = texts[j];
        if (typeof text !== "string") return undefined;
        repetitionLevels[slots] = j === 0 ? 0 : 1;
        definitionLevels[slots++] = 3;
        writeText(text);
      }
    }
  }
  if (estimated >= pageSize) return undefined;

  const levels = new ByteWriter();
  const repetitionLength = list ? writeRleBitPackedHybrid(levels, repetitionLevels.subarray(0, slots), 1) : 0;
  const definitionLength = writeRleBitPackedHybrid(levels, definitionLevels.subarray(0, slots), list ? 2 : 1);
  const page = scratch.subarray(0, used);
  const compressed = compress(page);

  const columnStart = writer.offset;
  writePageHeader(writer, {
    type: "DATA_PAGE_V2",
    uncompressed_page_size: levels.offset + page.length,
    compressed_page_size: levels.offset + compressed.length,
    data_page_header_v2: {
      num_values: slots,
      num_nulls: nulls,
      num_rows: rows,
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
      ? { min_value: minValue, max_value: maxValue, null_count: BigInt(nulls), nan_count: undefined }
      : undefined,
    encodingStats: statistics ? [{ page_type: "DATA_PAGE_V2", encoding: "PLAIN", count: 1 }] : undefined,
  });
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
  reserveLevels(rows);
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
