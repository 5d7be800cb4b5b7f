// A worker thread of `domain-eval export --questions` (see export-parts.ts): scans its byte range of the questions file
// for ids and option counts, then reads, checks and encodes the rows of its part. Any failure is reported as such; the
// main thread then runs the export in one thread, which names the problem.

import { parentPort, workerData } from "node:worker_threads";
import { errorMessage } from "@domain-eval/core";
import type { EncodedDatasetPart } from "@domain-eval/hub-publisher";
import { type ExpectedRows, examItemsOfRange, type QuestionShapes, scanQuestionShapes } from "./exam-items.js";

/** What the main thread asks a worker. */
export type PartRequest =
  | { type: "scan"; start: number; end: number; seed: number }
  | {
      type: "rows";
      start: number;
      /** Undefined: to the end of the file. */
      end: number | undefined;
      /** The dataset row of the part's first row. */
      firstIndex: number;
      subject: string;
      seed: number;
      expected: ExpectedRows;
    };

/** What a worker answers. */
export type PartResponse =
  | { type: "scanned"; shapes: QuestionShapes }
  | { type: "encoded"; part: EncodedDatasetPart }
  | { type: "failed"; message: string };

const { file } = workerData as { file: string };
const port = parentPort;
if (!port) throw new Error("export-part-worker runs as a worker thread of domain-eval export");

// The Parquet encoder is needed only for the second pass: it loads once the scan has been answered, while the main
// thread balances the answer positions, so the worker is ready to scan sooner.
let encoding: Promise<typeof import("@domain-eval/hub-publisher")> | undefined;

port.on("message", (request: PartRequest) => {
  answer(request).then(
    ({ response, transfer }) => port.postMessage(response, transfer),
    (error: unknown) => port.postMessage({ type: "failed", message: errorMessage(error) } satisfies PartResponse),
  );
});

async function answer(request: PartRequest): Promise<{ response: PartResponse; transfer: ArrayBuffer[] }> {
  if (request.type === "scan") {
    // line numbers here are the range's own: a bad line makes the main thread read the file itself, naming it
    const shapes = await scanQuestionShapes({ file, ...request });
    setImmediate(() => {
      encoding ??= import("@domain-eval/hub-publisher");
    });
    return {
      response: { type: "scanned", shapes },
      transfer: [shapes.ranks.high.buffer as ArrayBuffer, shapes.ranks.low.buffer as ArrayBuffer],
    };
  }
  encoding ??= import("@domain-eval/hub-publisher");
  const { DatasetPartEncoder, encodedPartTransferList } = await encoding;
  const encoder = new DatasetPartEncoder({ firstIndex: request.firstIndex });
  for await (const item of examItemsOfRange({ file, ...request })) encoder.add(item);
  const part = encoder.finish();
  return { response: { type: "encoded", part }, transfer: encodedPartTransferList(part) };
}
