// The Argilla server's own limit for reading reviewed records: the same sorted search our client sends (responses and
// suggestions included), POSTed with plain fetch, pages of `pageSize`, `inFlight` at once, bodies parsed as JSON and
// nothing else: no client logic on the clock. The first page gives the record count.

import { cpuMilliseconds, readWorkerJob, reportWorkerResult } from "../worker-io.js";

interface Job {
  apiUrl: string;
  datasetId: string;
  pageSize: number;
  inFlight: number;
}

const job = await readWorkerJob<Job>();
const apiKey = process.env.ARGILLA_API_KEY ?? "";
const body = JSON.stringify({
  sort: [
    { scope: { entity: "record", property: "inserted_at" }, order: "asc" },
    { scope: { entity: "record", property: "id" }, order: "asc" },
  ],
});
const search = async (offset: number): Promise<{ items: { record: { external_id?: string } }[]; total: number }> => {
  const url = `${job.apiUrl.replace(/\/+$/u, "")}/api/v1/datasets/${job.datasetId}/records/search?offset=${offset}&limit=${job.pageSize}&include=responses&include=suggestions`;
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "X-Argilla-Api-Key": apiKey },
    body,
  });
  if (!response.ok)
    throw new Error(`records search answered HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as { items: { record: { external_id?: string } }[]; total: number };
};

const pageMs: number[] = [];
const ids = new Set<string>();
const cpuBefore = cpuMilliseconds();
const started = performance.now();
const first = await search(0);
let records = first.items.length;
for (const { record } of first.items) ids.add(record.external_id ?? "");
const offsets: number[] = [];
for (let offset = job.pageSize; offset < first.total; offset += job.pageSize) offsets.push(offset);
let next = 0;
const reader = async () => {
  while (next < offsets.length) {
    const offset = offsets[next++] as number;
    const sent = performance.now();
    const page = await search(offset);
    pageMs.push(performance.now() - sent);
    records += page.items.length;
    for (const { record } of page.items) ids.add(record.external_id ?? "");
  }
};
await Promise.all(Array.from({ length: job.inFlight }, reader));
const wallMs = performance.now() - started;
pageMs.sort((a, b) => a - b);
reportWorkerResult({
  result: {
    wallMs,
    cpuMs: cpuMilliseconds() - cpuBefore,
    records,
    distinctIds: ids.size,
    medianPageMs: pageMs[Math.floor(pageMs.length / 2)] ?? 0,
  },
});
