import { join } from "node:path";
import {
  type ArgillaClient,
  createArgillaClient,
  DEFAULT_LOG_CONCURRENCY,
  MAX_BULK_RECORDS,
} from "@domain-eval/argilla-client";
import { writeJsonl } from "@domain-eval/core";
import { createBenchDataset, deleteBenchDatasets, verifyDatasetItems } from "../argilla-datasets.js";
import { type BenchContext, interleavedOrder, nodeWorkerPath, pythonScriptPath } from "../bench-context.js";
import { loadAverage } from "../machine-info.js";
import { runMeasuredProcess } from "../measured-process.js";
import { formatSpread, pairedRatios, spreadOf } from "../run-statistics.js";
import { syntheticExamItems } from "../synthetic-corpus.js";
import type { WorkloadReport } from "../workload-report.js";

/**
 * The owner's Argilla client for the Argilla workloads.
 *
 * @throws Error saying how to start Argilla when `ctx.argilla` is not set.
 * @example
 * const client = benchArgillaClient({ ctx });
 */
export function benchArgillaClient(params: { ctx: BenchContext }): ArgillaClient {
  const argilla = params.ctx.argilla;
  if (!argilla)
    throw new Error("the Argilla workloads need the Argilla server: run tools/peers/up.sh (npm run peers:up)");
  return createArgillaClient({ baseUrl: argilla.url, apiKey: argilla.apiKey });
}

/** Batch sizes × requests in flight tried for the server's raw limit. */
const INGESTION_SWEEP: readonly (readonly [number, number])[] = [
  [250, 1],
  [250, 2],
  [250, 4],
  [500, 1],
  [500, 2],
  [500, 4],
];

/** PUTs the records our client would send for these items, raw (see workers/raw-bulk-upsert.ts). */
function runRawUpsert(ctx: BenchContext, datasetId: string, itemsPath: string, batchSize: number, inFlight: number) {
  const argilla = ctx.argilla as NonNullable<BenchContext["argilla"]>;
  return runMeasuredProcess<{ wallMs: number; cpuMs: number; records: number; medianPutMs: number; retries: number }>({
    label: `ingestion (raw bulk upserts, ${batchSize} × ${inFlight})`,
    command: process.execPath,
    args: [nodeWorkerPath({ name: "raw-bulk-upsert" })],
    job: { apiUrl: argilla.url, datasetId, itemsPath, batchSize, inFlight },
    env: { ARGILLA_API_KEY: argilla.apiKey },
  });
}

/**
 * Workload 2: the same exam items into fresh, identically set-up datasets on the same Argilla server: our
 * `logExamRecords` against the argilla SDK's `dataset.records.log`; every dataset is checked afterwards for lost,
 * duplicated or extra records. Returns the report and, when `keepLastOurs`, the id of our last dataset (deleted by
 * the caller), so the reading workload can reuse its records.
 *
 * @example
 * const { report } = await benchIngestion({ ctx });
 */
export async function benchIngestion(params: { ctx: BenchContext; keepLastOurs?: boolean }): Promise<{
  report: WorkloadReport;
  kept?: { id: string; name: string; itemIds: string[] };
}> {
  const { ctx } = params;
  const argilla = ctx.argilla as NonNullable<BenchContext["argilla"]>;
  const client = benchArgillaClient({ ctx });
  const count = ctx.sizes.ingestionRecords;
  const items = syntheticExamItems({ count });
  const itemIds = items.map((i) => i.id);
  const itemsPath = join(ctx.workDir, "ingestion-items.jsonl");
  await writeJsonl({ path: itemsPath, values: items });

  // The server's own limit: the same records, PUT raw, over a grid of batch sizes and requests in flight.
  const sweepCount = ctx.sizes.ingestionSweepRecords;
  const sweepPath = join(ctx.workDir, "ingestion-sweep-items.jsonl");
  await writeJsonl({ path: sweepPath, values: items.slice(0, sweepCount) });
  const sweep: {
    batchSize: number;
    inFlight: number;
    rate: number;
    medianPutMs: number;
    retries: number;
    load: number;
    failed?: string;
  }[] = [];
  for (const [batchSize, inFlight] of INGESTION_SWEEP) {
    const dataset = await createBenchDataset({ ctx, client, purpose: `sweep-${batchSize}x${inFlight}` });
    try {
      const raw = await runRawUpsert(ctx, dataset.id, sweepPath, batchSize, inFlight);
      const rate = sweepCount / (raw.wallMs / 1000);
      sweep.push({
        batchSize,
        inFlight,
        rate,
        medianPutMs: raw.medianPutMs,
        retries: raw.retries,
        load: loadAverage()[0],
      });
      ctx.log(
        `  sweep: batches of ${batchSize}, ${inFlight} in flight: ${rate.toFixed(0)} records/s, ${raw.retries} retries`,
      );
    } catch (error) {
      // A setting the server cannot take (HTTP 500 after retries) is a finding of the sweep, not a broken bench.
      const failed = ((error as Error).message.match(/HTTP \d+[^\n]{0,160}/u) ?? ["failed"])[0];
      sweep.push({ batchSize, inFlight, rate: 0, medianPutMs: 0, retries: 0, load: loadAverage()[0], failed });
      ctx.log(`  sweep: batches of ${batchSize}, ${inFlight} in flight: FAILED (${failed})`);
    } finally {
      await deleteBenchDatasets({ id: dataset.id });
    }
  }
  const best = [...sweep].sort((a, b) => b.rate - a.rate)[0] as (typeof sweep)[number];

  const sides = [
    {
      name: "ours",
      label: `domain-eval logExamRecords (defaults: batches of ${MAX_BULK_RECORDS}, ${DEFAULT_LOG_CONCURRENCY} in flight)`,
    },
    {
      name: "raw",
      label: `raw bulk upserts, no client logic (the sweep's best: batches of ${best.batchSize}, ${best.inFlight} in flight)`,
    },
    { name: "argilla-sdk", label: "argilla SDK 2.8 dataset.records.log (batches of 256, one at a time)" },
  ];
  const seconds = new Map<string, number[]>(sides.map((s) => [s.name, []]));
  const cpu = new Map<string, number[]>(sides.map((s) => [s.name, []]));
  const runs: WorkloadReport["runs"] = [];
  let kept: { id: string; name: string; itemIds: string[] } | undefined;
  for (let run = 0; run < ctx.runs; run++) {
    for (const side of interleavedOrder({ sides, run })) {
      const dataset = await createBenchDataset({ ctx, client, purpose: `ingest-${side.name}-${run + 1}` });
      const env = { ARGILLA_API_KEY: argilla.apiKey };
      const raw =
        side.name === "raw"
          ? await runRawUpsert(ctx, dataset.id, itemsPath, best.batchSize, best.inFlight)
          : side.name === "ours"
            ? await runMeasuredProcess<Record<string, number>>({
                label: "ingestion (ours)",
                command: process.execPath,
                args: [nodeWorkerPath({ name: "log-exam-records" })],
                job: { apiUrl: argilla.url, datasetId: dataset.id, itemsPath },
                env,
              })
            : await runMeasuredProcess<Record<string, number>>({
                label: "ingestion (argilla SDK)",
                command: ctx.python,
                args: [pythonScriptPath({ name: "log_argilla_sdk" })],
                job: {
                  api_url: argilla.url,
                  dataset_name: dataset.name,
                  workspace: argilla.workspace,
                  items_path: itemsPath,
                },
                env,
              });
      const problems = await verifyDatasetItems({ client, datasetId: dataset.id, expectedIds: itemIds });
      if (problems.length > 0) throw new Error(`ingestion (${side.label}) broke: ${problems.join("; ")}`);
      seconds.get(side.name)?.push((raw.wallMs as number) / 1000);
      cpu.get(side.name)?.push(raw.cpuMs as number);
      runs.push({ side: side.name, run, result: { ...raw } });
      ctx.log(
        `  run ${run + 1} ${side.name}: ${(count / ((raw.wallMs as number) / 1000)).toFixed(0)} records/s, all ${count} records present once`,
      );
      if (params.keepLastOurs && side.name === "ours" && run === ctx.runs - 1) {
        if (kept) await deleteBenchDatasets({ id: kept.id });
        kept = { ...dataset, itemIds };
      } else {
        await deleteBenchDatasets({ id: dataset.id });
      }
    }
  }
  const rate = (name: string) => (seconds.get(name) ?? []).map((s) => count / s);
  const ratio = pairedRatios({ ours: rate("ours"), theirs: rate("argilla-sdk"), better: "higher" });
  const ofRaw = pairedRatios({ ours: rate("ours"), theirs: rate("raw"), better: "higher" });
  return {
    report: {
      key: "ingestion",
      title: "2. Review ingestion",
      setup:
        `${count.toLocaleString("en")} exam items with a suggested answer each, into a fresh exam dataset (same settings: createExamDataset, 4 options) per side and run on the same Argilla 2.8 server. ` +
        "Items are read from the same JSONL before the clock starts; building the records is timed on both sides. After every run the dataset is read back: every item id must be there exactly once.",
      columns: ["time", "records/s", "client CPU"],
      rows: sides.map((side) => ({
        side: side.label,
        cells: [
          formatSpread({ spread: spreadOf({ values: seconds.get(side.name) ?? [] }), digits: 1, unit: "s" }),
          formatSpread({ spread: spreadOf({ values: rate(side.name) }), digits: 0 }),
          formatSpread({
            spread: spreadOf({ values: (cpu.get(side.name) ?? []).map((ms) => ms / 1000) }),
            digits: 2,
            unit: "s",
          }),
        ],
      })),
      ratios: [
        { label: "records/s, ours / raw bulk upserts (share of the server's limit)", spread: ofRaw },
        { label: "records/s, ours / argilla SDK", spread: ratio },
      ],
      targets: [
        {
          target: "≥ 0.9 of the server's raw bulk-upsert limit",
          measured: formatSpread({ spread: ofRaw }),
          hit: ofRaw.median >= 0.9,
        },
        {
          target: "≥ the Python SDK's records/s",
          measured: `${formatSpread({ spread: ratio })}×`,
          hit: ratio.median >= 1,
        },
        { target: "nothing lost or duplicated", measured: `every run verified (${count} ids, each once)`, hit: true },
      ],
      notes: [
        `Raw limit sweep (${sweepCount.toLocaleString("en")} records per setting, one run each, in this order, 1-minute load average after each): ${sweep.map((r) => (r.failed ? `${r.batchSize}×${r.inFlight}: failed (${r.failed})` : `${r.batchSize}×${r.inFlight}: ${r.rate.toFixed(0)} records/s (median PUT ${(r.medianPutMs / 1000).toFixed(1)} s, ${r.retries} retried, load ${r.load})`)).join("; ")}. The best one is the raw side above. The server keeps its records in SQLite: overlapping bulk writes wait for the database lock, and with 4 batches of 500 in flight an earlier run got HTTP 500 "database is locked" (the raw side retries a 5xx after 1 s, up to 3 times, and counts it; logExamRecords retries 5xx with backoff too). On this shared machine the load of other jobs moves these numbers by up to 2× between settings, more than the settings do; in earlier interleaved sweeps 2 requests in flight beat 1 in every pair, and batch size made no consistent difference.`,
        "The server, not the client, sets the pace here: each bulk upsert is indexed and refreshed in OpenSearch synchronously, and the Argilla server, its worker and OpenSearch share this machine's 2 cores. A 500-record PUT takes about 4–5 s and a 256-record one about 2.5 s, so the cost is per record; sending two batches at once cannot go faster than the server's CPU. Both clients spend well under a tenth of the wall time on their own CPU.",
        "Ours also looks up, per batch, which item ids already exist (2 small searches), to report created vs updated and keep reruns idempotent; that costs ~60 ms per 500 records.",
      ],
      runs,
    },
    ...(kept ? { kept } : {}),
  };
}
