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
      "Parquet writer: hyparquet-writer for the file format (pages, footer, the numeric and boolean columns, the dictionary choice), chosen by measurement over parquet-wasm 0.8 (Rust's Parquet writer in WebAssembly) fed by Apache Arrow JS 21, on these 100,000 rows, writer alone, same row groups, same `huggingface` footer metadata (load 5–7): hyparquet-writer 0.84–1.11 s and 265 MB peak; parquet-wasm 1.44 s even with the Arrow columns built by hand (Arrow columns and IPC 0.63 s, copy into WebAssembly 0.33 s, encoding 0.48 s) and 2.8 s with Arrow's own `vectorFromArray`, 360–430 MB peak, 0.2 s more imports, and it streams only through an async whole-stream transform: turning rows into columns in JavaScript costs about what the whole encoding does, so the WebAssembly encoder cannot win it back. Tuned since (round six, 2026-12-01): the text columns are encoded by hub-publisher's own column writers — id, question, choices and citations PLAIN, each text written straight into its page (no UTF-8 copy per value), the short repeated texts (subject, source ids, model, prompt version, review status) with hyparquet-writer's own dictionary choice but min/max over the dictionary — the very bytes hyparquet-writer writes (a test compares the files); pages are SNAPPY-compressed by the native `snappy` package (an optional dependency, JavaScript fallback), 2.5× faster than hyparquet-writer's JavaScript SNAPPY on 40 KB pages (77 MB: 184–204 ms against 463–576 ms), files ~2% larger (12.5 MB against 12.2 MB). Codec: SNAPPY, what pyarrow writes by default; without compression the file grows to 41.2 MB, not worth it for a dataset that is downloaded.",
      "Round six against the export at the start of the round (`d414e5a`), the same machine, interleaved, fresh processes (`domain-eval export --questions`, 100,000 questions; the machine was slow and noisy that hour, so the absolute times are high): two threads 4.30 s (4.19–4.68) against 5.21 s (4.85–5.60), 7.8 against 9.3 CPU-seconds; one thread 5.36 s (4.85–5.69) against 7.08 s (6.83–7.46), 6.6 against 8.6 CPU-seconds. What it took: the text columns straight into their pages (~15% of the CPU), a SHA-256 written for the choice order's short keys (the same bits as `node:crypto`, 2.5× faster per key: the native call cost more than the hash; ~9% of the CPU went to it), the first pass reading ids and option counts from each line's bytes instead of decoding every line (`scanJsonlLines`), the native SNAPPY, min/max of the id column compared as texts. The Parquet files hold the same rows (read back and compared); with the JavaScript SNAPPY they are byte for byte those of `d414e5a`.",
      "What the CLI's time goes to (CPU profile of `domain-eval export --questions --threads 1`, 100,000 questions, 3.46 s sampled on the slow machine): garbage collection 0.48 s (14%), `JSON.parse` of the lines 0.38 s (11%), Parquet encoding ~0.7 s (20%, was a third: the text columns 0.34 s, hyparquet-writer's dictionary choice, numeric columns, page headers and footer 0.29 s, native SNAPPY 0.10 s), the first pass 0.23 s with 0.15 s of id ranks (SHA-256), the duplicate-id set 0.13 s, the row and question checks ~0.3 s; nothing else above ~2%.",
      "Why two threads give ~1.2×, not 2× (measured 2026-12-01 on a quiet machine, commit `6f2ec26`, still so): the 2 CPUs are real cores (a compute loop takes 1.71 s alone and 1.72 s beside a second copy), but every JavaScript thread carries work V8 runs on helper threads — the optimizing compiler, which compiles each thread's code anew, and the garbage collector's helpers: encoding 50,000 rows alone takes 0.87 s wall for 1.15 s of CPU (~0.28 s on the idle second core), two such processes at once 1.05–1.22 s each; the whole export uses ~15% more CPU in two threads than in one. The threads are balanced (the worker's part is ready ~20 ms before this thread's own rows end). Tried and not adopted: V8 flags on the whole export (`--single-threaded-gc`, `--no-concurrent-recompilation`: no gain); a larger young generation (`--max-semi-space-size=64` saves ~20% of one thread's CPU, but a CLI started as `domain-eval` cannot set it for its own main thread: `v8.setFlagsFromString` after start-up changes nothing, measured); round six moved all rows into two workers with `resourceLimits.maxYoungGenerationSizeMb` 96 and left the main thread only the writing: 3.11–3.37 s against 3.24–4.14 s for the current split, within the noise, and ~390 MB peak (near the 400 MB target), so not adopted.",
      `Python's start-up and imports (\`import datasets\`) took ${formatSpread({ spread: spreadOf({ values: values(startup, "from_generator") }), unit: "s" })} in this run, against 0.93–0.97 s in the run of 2026-12-01 03:02 UTC (another day, perhaps another host), while Node's took ${formatSpread({ spread: spreadOf({ values: values(startup, "ours-cli") }), unit: "s" })}: the spawn → exit ratios against \`datasets\` move with the machine's file-system and import speed; the in-process ratios (imports excluded on both sides) do not include it.`,
      "Peak RSS is `getrusage` maxrss of each process (Node: `process.resourceUsage().maxRSS`; Python: `resource.getrusage`), so it includes the interpreter and its imports.",
    ],
    runs,
  };
}
