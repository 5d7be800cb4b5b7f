// Our side of the reading benchmark: readReviewedRecords over a reviewed exam dataset.
import { createArgillaClient, readReviewedRecords } from "@domain-eval/argilla-client";
import { cpuMilliseconds, readWorkerJob, reportWorkerResult } from "../worker-io.js";

interface Job {
  apiUrl: string;
  datasetId: string;
  /** Records per page; the reader's default when absent. */
  pageSize?: number;
}

const job = await readWorkerJob<Job>();
const client = createArgillaClient({ baseUrl: job.apiUrl }); // key from ARGILLA_API_KEY

const cpuBefore = cpuMilliseconds();
const started = performance.now();
const statuses: Record<string, number> = {};
const ids = new Set<string>();
let items = 0;
for await (const record of readReviewedRecords({
  client,
  dataset: { id: job.datasetId },
  unreviewed: "include-as-unreviewed",
  ...(job.pageSize !== undefined ? { pageSize: job.pageSize } : {}),
})) {
  statuses[record.status] = (statuses[record.status] ?? 0) + 1;
  ids.add(record.itemId);
  if (record.item) items++;
}
const wallMs = performance.now() - started;
const records = Object.values(statuses).reduce((a, b) => a + b, 0);
reportWorkerResult({
  result: { wallMs, cpuMs: cpuMilliseconds() - cpuBefore, records, distinctIds: ids.size, statuses, items },
});
