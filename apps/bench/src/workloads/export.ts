import { rm } from "node:fs/promises";
import { join } from "node:path";
import { writeJsonl } from "@domain-eval/core";
import { type BenchContext, interleavedOrder, nodeWorkerPath, pythonScriptPath } from "../bench-context.js";
import { runMeasuredProcess } from "../measured-process.js";
import { formatSpread, pairedRatios, spreadOf } from "../run-statistics.js";
import { syntheticExamItems, syntheticExamQuestions } from "../synthetic-corpus.js";
import type { WorkloadReport } from "../workload-report.js";

/** The memory ceiling for 100,000 items. */
const PEAK_MEMORY_TARGET_MB = 400;
/** The CLI's choice-order seed and subject without --domain, so the Python side gets the very rows ours writes. */
const CLI_CHOICE_SEED = 1234;
const CLI_SUBJECT = "general";

/** What each export process reports. */
interface ExportResult {
  wallMs: number;
  /** Ours: threads that read the file (the CLI's --json summary). */
  threads?: number;
  rows: number;
  bytes: number;
  maxRssKB: number;
}

interface Side {
  name: "ours-cli" | "ours-cli-1" | "ours-writer" | "from_list" | "from_generator";
  label: string;
}

/**
 * Workload 3: the same questions to Parquet. Ours as users run it, `domain-eval export --questions questions.jsonl`
 * (rows streamed from the file into the writer, dataset card included), and `writeDatasetFolder` alone from the
 * rows; `datasets` from the same rows (already converted, a head start for it) with `Dataset.from_list` and with the
 * streaming `Dataset.from_generator`. Each run in a fresh process: time (spawn → exit, and in-process) and peak RSS.
 *
 * @example
 * const report = await benchExport({ ctx });
 */
export async function benchExport(params: { ctx: BenchContext }): Promise<WorkloadReport> {
  const { ctx } = params;
  const count = ctx.sizes.exportItems;
  const questionsPath = join(ctx.workDir, "export-questions.jsonl");
  const itemsPath = join(ctx.workDir, "export-items.jsonl");
  await writeJsonl({ path: questionsPath, values: syntheticExamQuestions({ count, seed: 7 }) });
  await writeJsonl({
    path: itemsPath,
    values: syntheticExamItems({ count, seed: 7, choiceSeed: CLI_CHOICE_SEED, subject: CLI_SUBJECT }),
  });
  const sides: Side[] = [
    { name: "ours-cli", label: "domain-eval export --questions (CLI, streamed, Parquet + card; default threads)" },
    { name: "ours-cli-1", label: "domain-eval export --questions --threads 1 (the same in one thread)" },
    { name: "from_list", label: "datasets Dataset.from_list(rows).to_parquet" },
    { name: "from_generator", label: "datasets Dataset.from_generator(rows).to_parquet (streaming)" },
    { name: "ours-writer", label: "hub-publisher writeDatasetFolder alone, from the rows (streamed)" },
  ];
  const names = sides.map((s) => s.name);
  const series = (keys: string[]) => new Map<string, number[]>(keys.map((k) => [k, []]));
  const endToEnd = series(names);
  const inProcess = series(names);
  const startup = series(names);
  const peakMB = series(names);
  const sizeMB = new Map<string, number>();
  const runs: WorkloadReport["runs"] = [];
  let threadsUsed: number | undefined;
  for (let run = 0; run < ctx.runs; run++) {
    for (const side of interleavedOrder({ sides, run })) {
      const outDir = join(ctx.workDir, `export-${side.name}-${run}`);
      const raw =
        side.name === "ours-cli" || side.name === "ours-cli-1"
          ? await runMeasuredProcess<ExportResult>({
              label: "export (domain-eval export)",
              command: process.execPath,
              args: [nodeWorkerPath({ name: "cli-export" })],
              job: { questionsPath, outDir, ...(side.name === "ours-cli-1" ? { threads: 1 } : {}) },
            })
          : side.name === "ours-writer"
            ? await runMeasuredProcess<ExportResult>({
                label: "export (writeDatasetFolder)",
                command: process.execPath,
                args: [nodeWorkerPath({ name: "write-dataset-folder" })],
                job: { itemsPath, outDir },
              })
            : await runMeasuredProcess<ExportResult>({
                label: `export (datasets ${side.name})`,
                command: ctx.python,
                args: [pythonScriptPath({ name: "export_datasets" })],
                job: {
                  items_path: itemsPath,
                  out_dir: outDir,
                  mode: side.name,
                  cache_dir: join(ctx.workDir, `export-cache-${run}`),
                },
              });
      if (raw.rows !== count) throw new Error(`export (${side.label}) broke: wrote ${raw.rows} rows of ${count}`);
      await rm(outDir, { recursive: true, force: true });
      await rm(join(ctx.workDir, `export-cache-${run}`), { recursive: true, force: true });
      const total = raw.processExitedAt - raw.processSpawnedAt;
      endToEnd.get(side.name)?.push(total / 1000);
      inProcess.get(side.name)?.push(raw.wallMs / 1000);
      startup.get(side.name)?.push((total - raw.wallMs) / 1000);
      peakMB.get(side.name)?.push(raw.maxRssKB / 1024);
      sizeMB.set(side.name, raw.bytes / 1e6);
      if (side.name === "ours-cli") threadsUsed = raw.threads;
      runs.push({ side: side.name, run, result: { ...raw } });
      ctx.log(
        `  run ${run + 1} ${side.name}: ${(total / 1000).toFixed(2)} s spawn → exit, ${(raw.wallMs / 1000).toFixed(2)} s in process, peak RSS ${(raw.maxRssKB / 1024).toFixed(0)} MB`,
      );
    }
  }
  const values = (m: Map<string, number[]>, k: string) => m.get(k) ?? [];
  const ratio = (m: Map<string, number[]>, ours: string, theirs: string) =>
    pairedRatios({ ours: values(m, ours), theirs: values(m, theirs), better: "lower" });
  const vsList = ratio(endToEnd, "ours-cli", "from_list");
  const vsGenerator = ratio(endToEnd, "ours-cli", "from_generator");
  const vsListInProcess = ratio(inProcess, "ours-cli", "from_list");
  const vsGeneratorInProcess = ratio(inProcess, "ours-cli", "from_generator");
  const writerVsGenerator = ratio(inProcess, "ours-writer", "from_generator");
  const threadsVsOne = ratio(endToEnd, "ours-cli", "ours-cli-1");
  const memoryVsList = ratio(peakMB, "ours-cli", "from_list");
  const memoryVsGenerator = ratio(peakMB, "ours-cli", "from_generator");
  const ourPeak = spreadOf({ values: values(peakMB, "ours-cli") });
  const seconds = (m: Map<string, number[]>, k: string) =>
    formatSpread({ spread: spreadOf({ values: values(m, k) }), digits: 2, unit: "s" });
  return {
    key: "export",
    title: "3. Export",
    setup:
      `${count.toLocaleString("en")} generated questions in a questions.jsonl file. Ours runs as users run it: \`domain-eval export --questions questions.jsonl --out DIR\` ` +
      "(the CLI's own code in a fresh process: two streamed passes over the file — ids and option counts to balance the answer positions, then validate each line and build its row into the Parquet writer — plus the dataset card and a 5-row dev split; " +
      "by default a file this large is cut into one part per CPU at line starts, each worker thread scans its part and later checks and encodes its rows, and the writer puts the row groups together: the same bytes as `--threads 1`, which runs as a side of its own). " +
      "`datasets` gets the very rows our export writes, already converted (one JSON object per row, a head start: it does not validate, place answers or write a card), " +
      "and writes them with `Dataset.from_list` (whole list in memory) and with the streaming `Dataset.from_generator` (rows → Arrow cache file on disk → Parquet). " +
      "The headline time is spawn → exit (what a user waits for, start-up and imports included on both sides); in-process time starts after imports.",
    columns: ["spawn → exit", "in process", "start-up + imports", "peak RSS", "output"],
    rows: sides.map((side) => ({
      side: side.label,
      cells: [
        seconds(endToEnd, side.name),
        seconds(inProcess, side.name),
        seconds(startup, side.name),
        formatSpread({ spread: spreadOf({ values: values(peakMB, side.name) }), digits: 0, unit: "MB" }),
        `${(sizeMB.get(side.name) ?? 0).toFixed(1)} MB`,
      ],
    })),
    ratios: [
      { label: "time spawn → exit, from_list / ours (CLI)", spread: vsList },
      { label: "time spawn → exit, from_generator / ours (CLI)", spread: vsGenerator },
      { label: "time in process, from_list / ours (CLI)", spread: vsListInProcess },
      { label: "time in process, from_generator / ours (CLI)", spread: vsGeneratorInProcess },
      { label: "time in process, from_generator / writeDatasetFolder alone", spread: writerVsGenerator },
      { label: `time spawn → exit, one thread / default (${threadsUsed ?? "?"} threads)`, spread: threadsVsOne },
      { label: "peak RSS, from_list / ours (CLI)", spread: memoryVsList },
      { label: "peak RSS, from_generator / ours (CLI)", spread: memoryVsGenerator },
    ],
    targets: [
      {
        target: "≥ 1.0× `datasets` from_list, through the CLI's export (spawn → exit)",
        measured: `${formatSpread({ spread: vsList })}×`,
        hit: vsList.median >= 1,
      },
      {
        target: "≥ 1.5× `datasets` from_generator, through the CLI's export (spawn → exit)",
        measured: `${formatSpread({ spread: vsGenerator })}×`,
        hit: vsGenerator.median >= 1.5,
      },
      {
        target: `peak memory under ${PEAK_MEMORY_TARGET_MB} MB for 100,000 items, through the CLI's export`,
        measured: `${formatSpread({ spread: ourPeak, digits: 0, unit: "MB" })} for ${count.toLocaleString("en")} items`,
        hit: ourPeak.max < PEAK_MEMORY_TARGET_MB,
      },
    ],
    notes: [
      "Parquet writer: hyparquet-writer (pure JavaScript, SNAPPY), chosen by measurement over parquet-wasm 0.8 (Rust's Parquet writer in WebAssembly) fed by Apache Arrow JS 21, on these 100,000 rows, writer alone, same row groups, same `huggingface` footer metadata, interleaved on the shared machine (load 5–7): hyparquet-writer 0.84–1.11 s and 265 MB peak; parquet-wasm 1.44 s even with the Arrow columns built by hand (Arrow columns and IPC 0.63 s, copy into WebAssembly 0.33 s, encoding 0.48 s) and 2.8 s with Arrow's own `vectorFromArray`, 360–430 MB peak, 0.2 s more imports, and it streams only through an async whole-stream transform. Turning rows into columns in JavaScript costs about what hyparquet-writer's whole encoding does, so the WebAssembly encoder cannot win it back. hyparquet-writer is tuned: unique text columns (id, question, choices, citations) are written PLAIN without trying a dictionary, long texts get no min/max statistics and go in as UTF-8 bytes from Node's buffer pool (the same bytes). Codec: SNAPPY, what pyarrow writes by default; without compression the file grows from 12.2 MB to 41.2 MB for about 0.2 s less CPU (SNAPPY in JavaScript is ~6% of the export), not worth it for a dataset that is downloaded.",
      "What the CLI's time goes to (CPU profile of `domain-eval export --questions --threads 1`, 100,000 questions, 2.33 s sampled): Parquet encoding 0.76 s (SNAPPY 0.16 s, strings to UTF-8 ~0.24 s, min/max statistics 0.06 s, dictionaries 0.05 s, the rest building pages), reading and checking the lines 0.55 s (JSON.parse 0.18 s, the question checks 0.14 s, the row with its choice order and SHA-256 0.13 s), the first pass 0.22 s with the ids' ranks, the row checks (schema, lone surrogates, secrets) 0.15 s, garbage collection ~0.4 s; nothing else above ~2%. In one thread the rows take ~17 µs each.",
      "With two threads on this 2-CPU machine (timestamps by hand, quiet machine): the worker is spawned ~0.12 s after the process starts and scans from ~0.23 s (it was spawned at ~0.17 s and ready at ~0.36 s until the export command and the worker loaded the Parquet writer only after the spawn and after the scan); each thread ranks the ids it scanned (the SHA-256 per id that balances the answer positions, `answerRanks`), so the positions over all ids take ~0.05 s on this thread (was ~0.14 s), and the rows start at ~0.47 s (was ~0.58–0.67 s). Then each thread checks and encodes its half in ~1.2–1.35 s (~25 µs a row: each thread is ~1.5× slower per row than one thread alone), and the footer, card and exit take ~0.1 s.",
      "Why two threads give ~1.2×, not 2×, measured (2026-12-01, quiet machine, commit `6f2ec26`): the 2 CPUs are real cores (a pure-compute loop takes 1.71 s alone and 1.72 s with a second copy running; `JSON.parse` over the same lines 0.20 s and 0.21 s), but every JavaScript thread carries work V8 runs on helper threads — the optimizing compiler, which compiles each thread's code anew, and the garbage collector's helpers. Encoding 50,000 rows (read, check, encode, no scan) in one process takes 0.87–0.88 s wall for 1.14–1.16 s of CPU: ~0.28 s runs on the idle second core. Two such processes at once take 1.05–1.22 s each for the same CPU (1.10–1.21 s): the helpers have no idle core left. With `--no-concurrent-recompilation --single-threaded-gc` one process takes 1.01 s wall for 1.02 s CPU (the helpers' work done inline). The whole export: one thread 2.85–2.94 s of CPU (user + system) for 2.22–2.26 s wall, two threads 3.29–3.54 s of CPU for 1.85–1.98 s. The 1.5× `from_generator` target (≤ 1.19 s spawn → exit against 1.78 s) allows at most 2.38 CPU-seconds on 2 cores even with perfect overlap: the export needs about a third less CPU in all, not better threading. The threads are balanced (timestamps: the worker scans from +0.28 s to +0.46 s, the rows start at ~+0.5 s, the worker's part is ready ~20 ms before this thread's own rows end, footer, card and rename take ~0.07 s). Tried and not adopted: V8 flags on the whole export (`--single-threaded-gc`, `--no-concurrent-recompilation`, `--single-threaded`; 3 interleaved runs each: 1.79–1.97 s against 1.84–1.93 s, no gain; `--max-semi-space-size=64` saved ~12% of the CPU of the 50,000-row encoding, but a CLI started as `domain-eval` cannot set it for its own main thread, and a larger young generation for the worker alone, `resourceLimits.maxYoungGenerationSizeMb` 192, measured 1.82 s against 1.88 s, within the spread). Candidates for the CPU, none done: a native or WebAssembly SNAPPY (~7% of the CPU), writing PLAIN text pages straight from the strings instead of a UTF-8 buffer per value (~10%), fewer copies of each row (question, row, columns).",
      "Peak RSS is `getrusage` maxrss of each process (Node: `process.resourceUsage().maxRSS`; Python: `resource.getrusage`), so it includes the interpreter and its imports.",
    ],
    runs,
  };
}
