// The Argilla server's own limit for bulk upserts: the exact records our client sends (captured from logExamRecords
// before the clock starts, without sending them), PUT with plain fetch in batches of `batchSize`, `inFlight` at once.
// No client logic on the clock: no validation, no existence look-ups. A 5xx (Argilla 2.8 on SQLite answers "database is
// locked" when several bulk writes overlap) is retried after 1 s, up to 3 times, and counted: every client must do that.

import { createArgillaClient, logExamRecords } from "@domain-eval/argilla-client";
import { type ExamItem, readJsonl } from "@domain-eval/core";
import { cpuMilliseconds, readWorkerJob, reportWorkerResult } from "../worker-io.js";

interface Job {
  apiUrl: string;
  datasetId: string;
  itemsPath: string;
  batchSize: number;
  inFlight: number;
}

const job = await readWorkerJob<Job>();
const apiKey = process.env.ARGILLA_API_KEY ?? "";
const items: ExamItem[] = [];
for await (const { value } of readJsonl(job.itemsPath)) items.push(value as ExamItem);

// Capture the bulk bodies our client would send; every other request (the dataset's settings, existence look-ups
// against the still empty dataset) goes to the server as usual.
const records: unknown[] = [];
const capturing = async (request: Request): Promise<Response> => {
  if (request.method === "PUT" && request.url.endsWith("/records/bulk")) {
    records.push(...((await request.json()) as { items: unknown[] }).items);
    return new Response(JSON.stringify({ items: [] }), {
      status: 200,
      headers: { "content-type": "application/json" },
    });
  }
  return fetch(request);
};
await logExamRecords({
  client: createArgillaClient({ baseUrl: job.apiUrl, apiKey, fetch: capturing }),
  dataset: { id: job.datasetId },
  items,
});
if (records.length !== items.length) throw new Error(`captured ${records.length} records for ${items.length} items`);

const url = `${job.apiUrl.replace(/\/+$/u, "")}/api/v1/datasets/${job.datasetId}/records/bulk`;
const batches: string[] = [];
for (let start = 0; start < records.length; start += job.batchSize)
  batches.push(JSON.stringify({ items: records.slice(start, start + job.batchSize) }));

const putMs: number[] = [];
let retries = 0;
const cpuBefore = cpuMilliseconds();
const started = performance.now();
let next = 0;
const sender = async () => {
  while (next < batches.length) {
    const body = batches[next++] as string;
    for (let attempt = 0; ; attempt++) {
      const sent = performance.now();
      const response = await fetch(url, {
        method: "PUT",
        headers: { "content-type": "application/json", "X-Argilla-Api-Key": apiKey },
        body,
      });
      const text = await response.text();
      if (response.ok) {
        putMs.push(performance.now() - sent);
        break;
      }
      if (response.status < 500 || attempt >= 3)
        throw new Error(`bulk upsert answered HTTP ${response.status}: ${text.slice(0, 300)}`);
      retries++;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
};
await Promise.all(Array.from({ length: job.inFlight }, sender));
const wallMs = performance.now() - started;
putMs.sort((a, b) => a - b);
reportWorkerResult({
  result: {
    wallMs,
    cpuMs: cpuMilliseconds() - cpuBefore,
    records: records.length,
    batches: batches.length,
    medianPutMs: putMs[Math.floor(putMs.length / 2)] ?? 0,
    retries,
  },
});
