import { DEFAULT_ROW_GROUP_SIZE, RowChecks } from "./dataset-folder.js";
import { DatasetStatisticsAccumulator, type StatisticsSnapshot } from "./dataset-statistics.js";
import { type EncodedRowGroup, SplitParquetWriter } from "./split-parquet-writer.js";

/**
 * Test-split rows checked, counted and encoded as Parquet row groups by a {@link DatasetPartEncoder}, ready for
 * `writeDatasetFolder`'s `encodedParts`. Plain data: post it from a worker thread with {@link encodedPartTransferList}
 * as the transfer list, so the encoded bytes move instead of being copied.
 */
export interface EncodedDatasetPart {
  /** The dataset row (from 0) of the part's first row. */
  firstIndex: number;
  /** Rows in the part. */
  rows: number;
  /** Rows per row group the part was encoded with. */
  rowGroupSize: number;
  /** Ids of the rows, in order (the writer checks them against the other parts'). */
  ids: string[];
  /** The card's counts over the part's rows. */
  statistics: StatisticsSnapshot;
  rowGroups: EncodedRowGroup[];
}

/**
 * Checks, counts and encodes a run of test-split rows the way `writeDatasetFolder` does, without a file: for a
 * dataset written by several threads, each encoding the rows it read (its part), the writer putting the parts
 * together in order. Errors name rows by their place in the whole dataset (`firstIndex` + position).
 *
 * @example
 * // in a worker thread: rows 50,005 on
 * const encoder = new DatasetPartEncoder({ firstIndex: 50_005 });
 * for (const row of rows) encoder.add(row);
 * const part = encoder.finish();
 * parentPort.postMessage(part, encodedPartTransferList(part));
 * // in the main thread: the first 50,005 rows as items, then the part
 * await writeDatasetFolder({ items: firstRows, encodedParts: [partFromWorker], dir, card });
 */
export class DatasetPartEncoder {
  readonly #firstIndex: number;
  readonly #rowGroupSize: number;
  readonly #checks: RowChecks;
  readonly #statistics = new DatasetStatisticsAccumulator();
  readonly #writer: SplitParquetWriter;
  #rows = 0;

  constructor(params: {
    /** The dataset row (from 0) of the first row added; at least the dev split's size. */
    firstIndex: number;
    /** Rows per row group: the writer's (default 1000). */
    rowGroupSize?: number;
    /** Secret values no row may contain (default: the usual environment variables' values, as the writer's). */
    secrets?: readonly string[];
  }) {
    this.#firstIndex = params.firstIndex;
    this.#rowGroupSize = params.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE;
    if (!Number.isInteger(this.#firstIndex) || this.#firstIndex < 0) {
      throw new TypeError(
        `firstIndex must be a non-negative integer (the part's first dataset row), got ${this.#firstIndex}`,
      );
    }
    if (!Number.isInteger(this.#rowGroupSize) || this.#rowGroupSize < 1) {
      throw new TypeError(`rowGroupSize must be a positive integer, got ${this.#rowGroupSize}`);
    }
    this.#checks = new RowChecks(params.secrets);
    this.#writer = new SplitParquetWriter({ rowGroupSize: this.#rowGroupSize });
  }

  /** Checks, counts and encodes the part's next row. @throws TypeError naming the row and field, as the writer does. */
  add(value: unknown): void {
    const item = this.#checks.check(value, this.#firstIndex + this.#rows);
    this.#writer.add(item);
    this.#statistics.add(item, "test");
    this.#rows++;
  }

  /** The encoded part (the last row group may be smaller). */
  finish(): EncodedDatasetPart {
    return {
      firstIndex: this.#firstIndex,
      rows: this.#rows,
      rowGroupSize: this.#rowGroupSize,
      ids: this.#checks.ids(),
      statistics: this.#statistics.snapshot(),
      rowGroups: this.#writer.takeEncoded(),
    };
  }
}

/** The buffers of a part's encoded bytes: `postMessage(part, encodedPartTransferList(part))` moves them. */
export function encodedPartTransferList(part: EncodedDatasetPart): ArrayBuffer[] {
  return part.rowGroups.map((group) => group.bytes.buffer as ArrayBuffer);
}
