// Our side of the export benchmark: stream items.jsonl through writeDatasetFolder (Parquet + dataset card).

import { stat } from "node:fs/promises";
import { join } from "node:path";
import { type ExamItem, readJsonl } from "@domain-eval/core";
import { writeDatasetFolder } from "@domain-eval/hub-publisher";
import { cpuMilliseconds, readWorkerJob, reportWorkerResult } from "../worker-io.js";

interface Job {
  itemsPath: string;
  outDir: string;
}

async function* items(path: string): AsyncGenerator<ExamItem> {
  for await (const { value } of readJsonl(path)) yield value as ExamItem;
}

const job = await readWorkerJob<Job>();
const baselineRssKB = process.resourceUsage().maxRSS;
const cpuBefore = cpuMilliseconds();
const started = performance.now();
const folder = await writeDatasetFolder({
  items: items(job.itemsPath),
  dir: job.outDir,
  card: { prettyName: "Benchmark exam", license: "apache-2.0", language: "en" },
});
const wallMs = performance.now() - started;
let bytes = 0;
for (const file of folder.files) bytes += (await stat(join(folder.dir, file))).size;
reportWorkerResult({
  result: {
    wallMs,
    cpuMs: cpuMilliseconds() - cpuBefore,
    rows: folder.splits.test + folder.splits.dev,
    files: folder.files,
    bytes,
    baselineRssKB,
  },
});
