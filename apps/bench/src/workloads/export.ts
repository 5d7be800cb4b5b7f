import { rm } from "node:fs/promises";
import { join } from "node:path";
import { writeJsonl } from "@domain-eval/core";
import { type BenchContext, interleavedOrder, nodeWorkerPath, pythonScriptPath } from "../bench-context.js";
import { runMeasuredProcess } from "../measured-process.js";
import { formatSpread, pairedRatios, spreadOf } from "../run-statistics.js";
import { syntheticExamItems } from "../synthetic-corpus.js";
import type { WorkloadReport } from "../workload-report.js";

/** The memory ceiling for 100,000 items. */
const PEAK_MEMORY_TARGET_MB = 400;

/**
 * Workload 3: the same exam items from one JSONL file to Parquet: our `writeDatasetFolder` (streaming, Parquet + dataset
 * card) against `datasets.Dataset.from_list(items).to_parquet(...)`, each run in a fresh process (time and peak RSS).
 *
 * @example
 * const report = await benchExport({ ctx });
 */
export async function benchExport(params: { ctx: BenchContext }): Promise<WorkloadReport> {
  const { ctx } = params;
  const count = ctx.sizes.exportItems;
  const itemsPath = join(ctx.workDir, "export-items.jsonl");
  await writeJsonl({ path: itemsPath, values: syntheticExamItems({ count, seed: 7 }) });
  const sides = [
    { name: "ours", label: "domain-eval writeDatasetFolder (Parquet + card, streamed)" },
    { name: "datasets", label: "datasets Dataset.from_list(items).to_parquet" },
  ];
  const seconds = new Map<string, number[]>(sides.map((s) => [s.name, []]));
  const peakMB = new Map<string, number[]>(sides.map((s) => [s.name, []]));
  const baseMB = new Map<string, number[]>(sides.map((s) => [s.name, []]));
  const sizeMB = new Map<string, number>();
  const runs: WorkloadReport["runs"] = [];
  for (let run = 0; run < ctx.runs; run++) {
    for (const side of interleavedOrder({ sides, run })) {
      const outDir = join(ctx.workDir, `export-${side.name}-${run}`);
      const raw =
        side.name === "ours"
          ? await runMeasuredProcess<Record<string, number>>({
              label: "export (ours)",
              command: process.execPath,
              args: [nodeWorkerPath({ name: "write-dataset-folder" })],
              job: { itemsPath, outDir },
            })
          : await runMeasuredProcess<Record<string, number>>({
              label: "export (datasets)",
              command: ctx.python,
              args: [pythonScriptPath({ name: "export_datasets" })],
              job: { items_path: itemsPath, out_dir: outDir },
            });
      if (raw.rows !== count) throw new Error(`export (${side.label}) broke: wrote ${raw.rows} rows of ${count}`);
      await rm(outDir, { recursive: true, force: true });
      seconds.get(side.name)?.push((raw.wallMs as number) / 1000);
      peakMB.get(side.name)?.push((raw.maxRssKB as number) / 1024);
      baseMB.get(side.name)?.push((raw.baselineRssKB as number) / 1024);
      sizeMB.set(side.name, (raw.bytes as number) / 1e6);
      runs.push({ side: side.name, run, result: raw });
      ctx.log(
        `  run ${run + 1} ${side.name}: ${((raw.wallMs as number) / 1000).toFixed(2)} s, peak RSS ${((raw.maxRssKB as number) / 1024).toFixed(0)} MB`,
      );
    }
  }
  const time = pairedRatios({
    ours: seconds.get("ours") ?? [],
    theirs: seconds.get("datasets") ?? [],
    better: "lower",
  });
  const memory = pairedRatios({
    ours: peakMB.get("ours") ?? [],
    theirs: peakMB.get("datasets") ?? [],
    better: "lower",
  });
  const ourPeak = spreadOf({ values: peakMB.get("ours") ?? [] });
  return {
    key: "export",
    title: "3. Export",
    setup:
      `${count.toLocaleString("en")} exam items written once to a JSONL file; each side reads it and writes Parquet, in a fresh process per run. ` +
      "The clock includes reading the JSONL on both sides (ours streams it into the writer; `datasets` needs the whole list first). " +
      "Ours also writes the dataset card (README.md with statistics) and a 5-row dev split.",
    columns: ["time", "peak RSS", "RSS after imports", "output"],
    rows: sides.map((side) => ({
      side: side.label,
      cells: [
        formatSpread({ spread: spreadOf({ values: seconds.get(side.name) ?? [] }), digits: 2, unit: "s" }),
        formatSpread({ spread: spreadOf({ values: peakMB.get(side.name) ?? [] }), digits: 0, unit: "MB" }),
        formatSpread({ spread: spreadOf({ values: baseMB.get(side.name) ?? [] }), digits: 0, unit: "MB" }),
        `${(sizeMB.get(side.name) ?? 0).toFixed(1)} MB`,
      ],
    })),
    ratios: [
      { label: "time, datasets / ours", spread: time },
      { label: "peak RSS, datasets / ours", spread: memory },
    ],
    targets: [
      { target: "no slower than `datasets`", measured: `${formatSpread({ spread: time })}×`, hit: time.median >= 1 },
      {
        target: `peak memory under ${PEAK_MEMORY_TARGET_MB} MB for 100,000 items`,
        measured: `${formatSpread({ spread: ourPeak, digits: 0, unit: "MB" })} for ${count.toLocaleString("en")} items`,
        hit: ourPeak.max < PEAK_MEMORY_TARGET_MB,
      },
    ],
    notes: [
      "Where we are slower (about 0.6 s per 100,000 rows): hyparquet-writer encodes and compresses the columns in JavaScript, while `datasets` hands one in-memory Arrow table to pyarrow's C++ writer; and ours checks every row as it streams (ExamItem schema, unique ids, no cut UTF-16 characters, no secrets in any text) and gathers the card's statistics. The price of `datasets`' speed is memory: it holds every item as Python objects and as an Arrow table at once.",
      "Peak RSS is `getrusage` maxrss of each process (Node: `process.resourceUsage().maxRSS`; Python: `resource.getrusage`), so it includes the interpreter and its imports (see 'RSS after imports').",
    ],
    runs,
  };
}
