// Our side of the ingestion benchmark: logExamRecords into an exam dataset made by createExamDataset.
import { createArgillaClient, logExamRecords } from "@domain-eval/argilla-client";
import { type ExamItem, readJsonl } from "@domain-eval/core";
import { cpuMilliseconds, readWorkerJob, reportWorkerResult } from "../worker-io.js";

interface Job {
  apiUrl: string;
  datasetId: string;
  itemsPath: string;
  concurrency?: number;
}

const job = await readWorkerJob<Job>();
const client = createArgillaClient({ baseUrl: job.apiUrl }); // key from ARGILLA_API_KEY
const items: ExamItem[] = [];
for await (const { value } of readJsonl(job.itemsPath)) items.push(value as ExamItem);

const cpuBefore = cpuMilliseconds();
const started = performance.now();
const result = await logExamRecords({ client, dataset: { id: job.datasetId }, items, concurrency: job.concurrency });
reportWorkerResult({
  result: {
    wallMs: performance.now() - started,
    cpuMs: cpuMilliseconds() - cpuBefore,
    records: result.total,
    created: result.created,
  },
});
