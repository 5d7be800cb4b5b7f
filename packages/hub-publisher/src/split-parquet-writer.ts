import { closeSync, openSync, writeSync } from "node:fs";
import type { ExamItem } from "@domain-eval/core";
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { huggingfaceFeatures, parquetSchema, toColumnData } from "./dataset-features.js";

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

  /** Closes the file (once), also after a failure; the caller removes the staging folder. */
  abort(): void {
    if (this.#closed) return;
    this.#closed = true;
    closeSync(this.#fd);
  }
}

/**
 * Writes one split's Parquet file a row group at a time: rows are buffered until `rowGroupSize` of them are waiting,
 * then encoded and flushed to disk, so memory holds one row group, never the split.
 */
export class SplitParquetWriter {
  readonly #file: RowGroupFileWriter;
  readonly #writer: ParquetWriter;
  readonly #rowGroupSize: number;
  #buffer: ExamItem[] = [];
  #rows = 0;

  constructor(options: { path: string; rowGroupSize: number }) {
    this.#rowGroupSize = options.rowGroupSize;
    this.#file = new RowGroupFileWriter(options.path);
    this.#writer = new ParquetWriter({
      writer: this.#file,
      schema: parquetSchema(),
      createdBy: "domain-eval hub-publisher (hyparquet-writer)",
    });
  }

  get rows(): number {
    return this.#rows;
  }

  add(item: ExamItem): void {
    this.#buffer.push(item);
    this.#rows++;
    if (this.#buffer.length >= this.#rowGroupSize) this.#flush();
  }

  #flush(): void {
    if (this.#buffer.length === 0) return;
    const rows = this.#buffer;
    this.#buffer = [];
    // hyparquet-writer's own types say DecodedArray; the column arrays built here are exactly that.
    this.#writer.write({ columnData: toColumnData(rows) as never, rowGroupSize: rows.length });
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
    this.#file.abort();
  }
}
