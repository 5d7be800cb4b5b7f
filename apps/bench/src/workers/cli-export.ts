// Our side of the export benchmark as users run it: `domain-eval export --questions FILE --out DIR`, the CLI's own
// code (its `main`) in this fresh process, so the process's peak memory is the command's.

import { stat } from "node:fs/promises";
import { join } from "node:path";
import { cpuMilliseconds, readWorkerJob, reportWorkerResult } from "../worker-io.js";

interface Job {
  questionsPath: string;
  outDir: string;
  /** `--threads`; undefined: the CLI's default (one per CPU). */
  threads?: number;
}

const job = await readWorkerJob<Job>();
const startedImports = performance.now();
// The CLI app is private and has no exports map: import its program module by path, as its bin does.
const programModule = "@domain-eval/demo/dist/program.js";
const { main } = (await import(programModule)) as { main: (argv: string[]) => Promise<void> };
const importMs = performance.now() - startedImports;
const baselineRssKB = process.resourceUsage().maxRSS;
// The command prints its summary (--json) on stdout: keep it, so this worker's last line stays the result.
let printed = "";
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array) => {
  printed += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
  return true;
}) as typeof process.stdout.write;
const cpuBefore = cpuMilliseconds();
const started = performance.now();
await main([
  process.execPath,
  "domain-eval",
  "export",
  "--questions",
  job.questionsPath,
  "--out",
  job.outDir,
  "--license",
  "apache-2.0",
  "--language",
  "en",
  "--json",
  ...(job.threads === undefined ? [] : ["--threads", String(job.threads)]),
]);
const wallMs = performance.now() - started;
const cpuMs = cpuMilliseconds() - cpuBefore;
process.stdout.write = write;
if (process.exitCode !== undefined && process.exitCode !== 0) {
  throw new Error(`domain-eval export exited with ${process.exitCode}`);
}
const summary = JSON.parse(printed) as { dir: string; splits: { test: number; dev: number }; threads: number };
let bytes = 0;
for (const file of ["README.md", "data/test-00000-of-00001.parquet", "data/dev-00000-of-00001.parquet"])
  bytes += await stat(join(summary.dir, file)).then(
    (s) => s.size,
    () => 0,
  );
reportWorkerResult({
  result: {
    wallMs,
    importMs,
    cpuMs,
    baselineRssKB,
    rows: summary.splits.test + summary.splits.dev,
    bytes,
    threads: summary.threads,
  },
});
