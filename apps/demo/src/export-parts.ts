import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { type ExamItem, jsonlLineStart } from "@domain-eval/core";
import type { EncodedDatasetPart } from "@domain-eval/hub-publisher";
import {
  answerIndexesOf,
  DEFAULT_CHOICE_SEED,
  devSplitSize,
  examItemsOfRange,
  type QuestionShapes,
  questionsFileError,
  scanQuestionShapes,
} from "./exam-items.js";
import type { PartRequest, PartResponse } from "./export-part-worker.js";

/** Files smaller than this are exported in one thread: starting a worker costs more than it saves. */
export const PARALLEL_EXPORT_MIN_BYTES = 4 << 20;
/** Threads an export uses at most by default: the gain flattens out while memory grows with each. */
const DEFAULT_MAX_EXPORT_THREADS = 4;

/**
 * Threads `domain-eval export --questions` uses for a file of `bytes` bytes: one per CPU (at most 4), or 1 for a file
 * too small to gain from more.
 */
export function defaultExportThreads(bytes: number): number {
  if (bytes < PARALLEL_EXPORT_MIN_BYTES) return 1;
  return Math.max(1, Math.min(DEFAULT_MAX_EXPORT_THREADS, availableParallelism()));
}

/**
 * A worker thread failed (a bad line, a file that changed, a crash). Its message is not shown: the export is run again
 * in one thread, which stops at the first bad line with the message that names it, or succeeds.
 */
export class ExportPartFailed extends Error {
  override readonly name = "ExportPartFailed";
}

/** One worker thread reading a range of the questions file: first its ids, then its rows as an encoded part. */
class PartWorker {
  readonly #worker: Worker;
  #pending: { resolve: (r: PartResponse) => void; reject: (e: Error) => void } | undefined;
  #failure: Error | undefined;

  constructor(file: string) {
    this.#worker = new Worker(new URL("./export-part-worker.js", import.meta.url), { workerData: { file } });
    this.#worker.on("message", (response: PartResponse) => {
      const pending = this.#pending;
      this.#pending = undefined;
      if (response.type === "failed") pending?.reject(new ExportPartFailed(response.message));
      else pending?.resolve(response);
    });
    const fail = (error: Error) => {
      this.#failure ??= error;
      this.#pending?.reject(this.#failure);
      this.#pending = undefined;
    };
    this.#worker.on("error", (error) => fail(new ExportPartFailed(`export worker failed: ${error.message}`)));
    this.#worker.on("exit", (code) => fail(new ExportPartFailed(`export worker exited with code ${code}`)));
  }

  ask(request: PartRequest, transfer: ArrayBuffer[] = []): Promise<PartResponse> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject };
      this.#worker.postMessage(request, transfer);
    });
  }

  async close(): Promise<void> {
    this.#worker.removeAllListeners("exit");
    await this.#worker.terminate();
  }
}

/** The rows where each thread's part starts: the dev rows and whole row groups before the first cut. */
function partStarts(params: {
  rows: number;
  threads: number;
  firstRowsInMain: number;
  rowGroupSize: number;
}): number[] {
  const { rows, threads, firstRowsInMain } = params;
  const group = params.rowGroupSize;
  // test rows start after the dev rows; cut on a row-group boundary of the test split
  const devRows = devSplitSize(rows);
  const starts: number[] = [];
  for (let k = 1; k < threads; k++) {
    const groups = Math.round(((rows - devRows) * k) / threads / group);
    const start = devRows + groups * group;
    if (start >= firstRowsInMain && start < rows && start > (starts.at(-1) ?? 0)) starts.push(start);
  }
  return starts;
}

/** The parts' arrays one after another, in one array. */
function joined(parts: readonly Uint32Array[]): Uint32Array {
  const out = new Uint32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** This thread's share of the first pass, as a multiple of an even share (measured: 2 threads on 2 CPUs). */
const MAIN_SCAN_WEIGHT = 1.2;

/**
 * A questions file as dataset rows, read by `threads` threads: the file is cut into byte ranges at line starts, each
 * thread scans its range for ids and option counts (the first pass), the answer positions are balanced over all of
 * them here, then each worker reads, checks and encodes the rows of its part while this thread streams the first part
 * into the writer. The parts are cut on row-group boundaries, so the files are byte for byte those of one thread.
 * Undefined when one thread is asked for (or is the default for a file this size, {@link defaultExportThreads}) or
 * the file is too small to cut. A worker's failure rejects its part with {@link ExportPartFailed}.
 */
export async function questionsFileInParts(params: {
  file: string;
  subject: string;
  /** Default: {@link defaultExportThreads} for the file's size. */
  threads?: number;
  /** Rows the main thread must read itself (the writer's head). */
  firstRowsInMain: number;
  seed?: number;
}): Promise<
  | {
      count: number;
      items: AsyncIterable<ExamItem>;
      encodedParts: Promise<EncodedDatasetPart>[];
      close: () => Promise<void>;
    }
  | undefined
> {
  const { file, subject } = params;
  const seed = params.seed ?? DEFAULT_CHOICE_SEED;
  const { size } = await stat(file).catch((error: unknown) => {
    throw questionsFileError(file, error);
  });
  const threads = params.threads ?? defaultExportThreads(size);
  if (threads < 2) return undefined;
  // The workers start ~0.1 s after this thread (a thread and its modules load first): this thread scans a larger
  // first range so the scans end together.
  const firstShare = Math.min(0.9, MAIN_SCAN_WEIGHT / threads);
  const cuts = [0];
  for (let k = 1; k < threads; k++) {
    const share = firstShare + ((1 - firstShare) * (k - 1)) / (threads - 1);
    const cut = await jsonlLineStart({ path: file, near: Math.floor(size * share) });
    if (cut > (cuts.at(-1) as number) && cut < size) cuts.push(cut);
  }
  if (cuts.length < 2) return undefined;
  cuts.push(size);
  const workers = cuts.slice(2).map(() => new PartWorker(file));
  const close = async () => {
    await Promise.all(workers.map((w) => w.close()));
  };
  try {
    // first pass: this thread scans the first range (its errors name their lines), each worker the next one
    const scans = workers.map((worker, i) =>
      worker.ask({ type: "scan", start: cuts[i + 1] as number, end: cuts[i + 2] as number, seed }),
    );
    for (const scan of scans) scan.catch(() => undefined);
    // this thread loads the writer once it has scanned its range (the workers meanwhile scan theirs)
    const first = await scanQuestionShapes({ file, start: 0, end: cuts[1], seed });
    const { DEFAULT_ROW_GROUP_SIZE } = await import("@domain-eval/hub-publisher");
    const parts: QuestionShapes[] = [first];
    for (const scan of scans) {
      const response = await scan;
      if (response.type !== "scanned") throw new ExportPartFailed("export worker: unexpected answer");
      parts.push(response.shapes);
    }
    // concat, not push(...): a range can hold more ids than a call takes arguments
    const shapes: QuestionShapes = {
      ids: first.ids.concat(...parts.slice(1).map((p) => p.ids)),
      optionCounts: first.optionCounts.concat(...parts.slice(1).map((p) => p.optionCounts)),
      offsets: first.offsets.concat(...parts.slice(1).map((p) => p.offsets)),
      ranks: { high: joined(parts.map((p) => p.ranks.high)), low: joined(parts.map((p) => p.ranks.low)) },
    };
    const rows = shapes.ids.length;
    const answerIndexes = answerIndexesOf(shapes, seed);
    const starts = partStarts({
      rows,
      threads: cuts.length - 1,
      firstRowsInMain: params.firstRowsInMain,
      rowGroupSize: DEFAULT_ROW_GROUP_SIZE,
    });
    if (starts.length === 0) {
      await close();
      return undefined;
    }
    const expectedOf = (from: number, to: number) => ({
      ids: shapes.ids.slice(from, to),
      optionCounts: shapes.optionCounts.slice(from, to),
      answerIndexes: answerIndexes.slice(from, to),
    });
    const encodedParts = starts.map(async (from, k) => {
      const to = starts[k + 1] ?? rows;
      const expected = expectedOf(from, to);
      const response = await (workers[k] as PartWorker).ask(
        {
          type: "rows",
          start: shapes.offsets[from] as number,
          end: to < rows ? shapes.offsets[to] : undefined,
          firstIndex: from,
          subject,
          seed,
          expected,
        },
        [expected.answerIndexes.buffer as ArrayBuffer],
      );
      if (response.type !== "encoded") throw new ExportPartFailed("export worker: unexpected answer");
      return response.part;
    });
    // workers beyond the parts needed (a small file) are not asked again
    await Promise.all(workers.slice(starts.length).map((w) => w.close()));
    const mainRows = starts[0] as number;
    const items = examItemsOfRange({
      file,
      subject,
      seed,
      expected: expectedOf(0, mainRows),
      start: 0,
      end: shapes.offsets[mainRows],
    });
    return { count: rows, items, encodedParts, close };
  } catch (error) {
    await close();
    throw error;
  }
}
