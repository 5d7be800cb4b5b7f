import type { ExamItem } from "@domain-eval/core";
import { fileWriter, ParquetWriter } from "hyparquet-writer";
import { huggingfaceFeatures, parquetSchema, toColumnData } from "./dataset-features.js";

/**
 * Writes one split's Parquet file a row group at a time: rows are buffered until `rowGroupSize` of them are waiting,
 * then encoded and flushed to disk, so memory holds one row group, never the split.
 */
export class SplitParquetWriter {
  readonly #writer: ParquetWriter;
  readonly #rowGroupSize: number;
  #buffer: ExamItem[] = [];
  #rows = 0;

  constructor(options: { path: string; rowGroupSize: number }) {
    this.#rowGroupSize = options.rowGroupSize;
    this.#writer = new ParquetWriter({
      writer: fileWriter(options.path),
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
}
