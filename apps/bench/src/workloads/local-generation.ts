import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  availableCpus,
  createLocalChatModel,
  fetchEmbeddedModel,
  type LlamaBinaryInfo,
} from "@domain-eval/local-model";
import { createQuestionChain, generateExam, loadDocuments, splitDocuments } from "@domain-eval/question-chain";
import { type BenchContext, interleavedOrder, nodeWorkerPath, pythonScriptPath } from "../bench-context.js";
import { ensureLlamaBuild } from "../llama-build-side.js";
import { LLAMA_CPP_PYTHON, llamaCppPythonVenv } from "../llama-cpp-python-venv.js";
import { runMeasuredProcess } from "../measured-process.js";
import { formatSpread, pairedRatios, spreadOf } from "../run-statistics.js";
import type { WorkloadReport } from "../workload-report.js";

const PROMPT = "Write a detailed paragraph about how lighthouses guided ships before satellite navigation.";
/** One timed answer: completion tokens and wall seconds. */
interface TokenRun {
  completion_tokens: number;
  seconds: number;
}

/** What issue 19's measurements found (by hand, interleaved, fresh processes; the bench's own numbers are above it). */
const LOCAL_GENERATION_FINDINGS =
  "Why (issue 19, measured 2026-11-30 16:05-16:14 UTC on this shared 2-CPU machine, load 3.8-7.4, 4 interleaved runs of 160 tokens each side): the comparison is like with like (the same user message in the model's chat format on both sides, greedy, repeat penalty 1.0 on both, every run 160 tokens, prompt processing timed on both). " +
  "At 1 thread the two are equal: ours 135-143 tokens/s, llama-cpp-python 138-144, so llama.cpp's compute and our per-token JavaScript cost the same. " +
  "With 2 threads llama-cpp-python gains (150-155; one run at 4 under load 7) and ours loses: 55-98 on node-llama-cpp's prebuilt binary (built without OpenMP), 72-103 on an OpenMP build for this CPU. " +
  "Cause: node-llama-cpp hands every token from the JavaScript thread to a worker thread and back twice (evaluate, then sample) and does its per-token work on the JavaScript thread; when llama.cpp's 2 threads hold both CPUs, every hand-over waits for a CPU. llama-cpp-python does all of it on the thread that computes. OMP_WAIT_POLICY=PASSIVE did not help. " +
  "Fix: LocalChatModel's default threads leave one CPU free (defaultGenerationThreads: 1 thread on 2 CPUs), which is what users get: 135-143 tokens/s, 0.88-0.92x llama-cpp-python's best (2 threads) in the same rounds. " +
  "The OpenMP build (npx --no domain-eval-build-llama, an opt-in; those rounds ran on the same llama.cpp source built earlier by node-llama-cpp's CLI with the same options) helps only with every CPU as threads (72-103 against 55-98) and gained nothing at 1 thread (119-126 against 102-140, load 10-14), so on this machine it is not needed. " +
  "Rechecked at 16:20 on the build domain-eval-build-llama made (360 s, niced, while others worked), 3 interleaved runs, load 3.2-4.6: default (prebuilt, 1 thread) 110-140, built with 1 thread 100-124, built with 2 threads 79-94, prebuilt with 2 threads 41-63; llama-cpp-python with 2 threads 9, 19 and 141 (it collapses when another process takes a CPU; 1 thread does not). " +
  "Last check at 16:22, 5 interleaved runs, load 4.2-5.8: default 118-130 tokens/s against llama-cpp-python's 136-143 with 2 threads (paired 0.91x, 0.83-0.93) and 128-131 with 1 thread: the target sits at the edge, and only with ours on 1 thread against theirs on 2; at the same 2 threads ours stays at about half.";

const DEMO_DOCUMENTS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "examples", "documents");

/** A side of the tokens/s comparison: ours (which binary, how many threads) or llama-cpp-python. */
interface Side {
  key: string;
  label: string;
  kind: "ours" | "python";
  llamaBinary?: "prebuilt" | "built";
  /** Undefined: our default (defaultGenerationThreads). */
  threads?: number;
}

/**
 * Workload 5: local generation with the embedded SmolLM2 GGUF. Tokens per second of `@domain-eval/local-model`
 * (node-llama-cpp) as users get it (prebuilt binary, default threads), with every CPU as threads, and on this
 * machine's own OpenMP build (`domain-eval-build-llama`), against llama-cpp-python on the same file, prompt and greedy
 * decoding with every CPU as threads; each side in a fresh process, runs interleaved; and chunks per minute of
 * `generateExam` over the demo documents. The llama-cpp-python venv and our build are made once in full mode; a smoke
 * run skips a side whose venv or build is absent and says so.
 *
 * @example
 * const report = await benchLocalGeneration({ ctx });
 */
export async function benchLocalGeneration(params: { ctx: BenchContext }): Promise<WorkloadReport> {
  const { ctx } = params;
  const maxTokens = ctx.mode === "full" ? 160 : 32;
  const threads = availableCpus();
  const { path } = await fetchEmbeddedModel({ model: "smollm2-135m-instruct" });
  const venv = await llamaCppPythonVenv({ build: ctx.mode === "full", log: ctx.log });
  if ("missing" in venv) ctx.log(`  llama-cpp-python side skipped: ${venv.missing}`);
  const build = await ensureLlamaBuild({ build: ctx.mode === "full", log: ctx.log });
  if ("missing" in build) ctx.log(`  our built-binary side skipped: ${build.missing}`);

  const ours = "@domain-eval/local-model (node-llama-cpp)";
  const sides: Side[] = [
    { key: "ours-default", label: `${ours}, prebuilt binary, default threads`, kind: "ours", llamaBinary: "prebuilt" },
    {
      key: "ours-all-cpus",
      label: `${ours}, prebuilt binary, ${threads} thread(s)`,
      kind: "ours",
      llamaBinary: "prebuilt",
      threads,
    },
    ...("dir" in build
      ? [
          {
            key: "ours-built",
            label: `${ours}, this machine's OpenMP build, ${threads} thread(s)`,
            kind: "ours" as const,
            llamaBinary: "built" as const,
            threads,
          },
        ]
      : []),
    ...("python" in venv
      ? [
          { key: "llama-cpp-python", label: "llama-cpp-python", kind: "python" as const, threads },
          // the same thread count as ours by default, to tell llama.cpp's speed from the thread hand-overs
          ...(threads > 1
            ? [{ key: "llama-cpp-python-1", label: "llama-cpp-python", kind: "python" as const, threads: 1 }]
            : []),
        ]
      : []),
  ];
  const rates = new Map<string, number[]>(sides.map((side) => [side.key, []]));
  const binaries: Record<string, string> = {};
  const runs: WorkloadReport["runs"] = [];
  const job = { model: path, max_tokens: maxTokens, runs: 1 };
  for (let run = 0; run < ctx.runs; run++) {
    for (const side of interleavedOrder({ sides, run })) {
      let result: TokenRun;
      if (side.kind === "python" && "python" in venv) {
        const raw = await runMeasuredProcess<{ results: TokenRun[]; version: string }>({
          label: "llama-cpp-python",
          command: venv.python,
          args: [pythonScriptPath({ name: "llama_cpp_tokens" })],
          job: { ...job, threads: side.threads, messages: [{ role: "user", content: PROMPT }] },
        });
        side.label = `llama-cpp-python ${raw.version}, ${side.threads} thread(s)`;
        result = raw.results[0] as TokenRun;
      } else {
        const raw = await runMeasuredProcess<{ results: TokenRun[]; binary: LlamaBinaryInfo; threads: number }>({
          label: `${ours} (${side.key})`,
          command: process.execPath,
          args: [nodeWorkerPath({ name: "local-tokens" })],
          job: { ...job, threads: side.threads, prompt: PROMPT, llamaBinary: side.llamaBinary },
        });
        binaries[side.key] = `${raw.binary.message}, ${raw.threads} thread(s)`;
        if (side.threads === undefined) side.label = `${ours}, prebuilt binary, default threads (${raw.threads})`;
        result = raw.results[0] as TokenRun;
      }
      rates.get(side.key)?.push(result.completion_tokens / result.seconds);
      runs.push({ side: side.key, run, result: { ...result } });
    }
  }

  // chunks per minute of generate with the embedded model (2 questions per chunk, the CLI's defaults)
  const { documents } = await loadDocuments({ dir: DEMO_DOCUMENTS });
  let chunks = await splitDocuments({ documents, chunkSize: 600, chunkOverlap: 60 });
  // Smoke: the shortest demo chunk, one question, so the test command stays quick.
  if (ctx.mode === "smoke") {
    chunks = [...chunks].sort((a, b) => a.pageContent.length - b.pageContent.length).slice(0, 1);
  }
  const questionsPerChunk = ctx.mode === "smoke" ? 1 : 2;
  const generator = await createLocalChatModel({ modelFile: path });
  binaries["generate (in the bench process)"] =
    `${(await generator.loadedLlamaBinary()).message}, ${await generator.loadedThreads()} thread(s)`;
  let generateSeconds: number;
  let kept: number;
  try {
    const chain = createQuestionChain({ model: generator, questionsPerChunk });
    const started = performance.now();
    const result = await generateExam({ chunks, chain, concurrency: 1 });
    generateSeconds = (performance.now() - started) / 1000;
    kept = result.stats.questionsKept;
    runs.push({
      side: "generate",
      run: 0,
      result: { chunks: chunks.length, seconds: generateSeconds, stats: result.stats },
    });
  } finally {
    await generator.dispose();
  }

  const rows = sides.map((side) => ({
    side: side.label,
    cells: [formatSpread({ spread: spreadOf({ values: rates.get(side.key) ?? [] }) }), `${maxTokens}`],
  }));
  const ratios: WorkloadReport["ratios"] = [];
  const targets: WorkloadReport["targets"] = [];
  const notes = [
    `Same GGUF (SmolLM2-135M-Instruct Q4_1 from fetchEmbeddedModel), same user message, greedy decoding (no repeat penalty on either side), at most ${maxTokens} new tokens, context 2048; llama-cpp-python with every CPU as threads (${threads}, its fastest here), ours as users get it (default threads) and with ${threads}; each side in a fresh process (ours: apps/bench/src/workers/local-tokens.ts, LocalChatModel.invoke; llama-cpp-python: create_chat_completion), runs interleaved; model loading and a warm-up answer are not timed; tokens/s is completion tokens over the wall time of the answer (prompt processing included on all sides).`,
    ...Object.entries(binaries).map(([side, message]) => `${side}: ${message}.`),
    LOCAL_GENERATION_FINDINGS,
    `generate (${questionsPerChunk} question(s) per chunk, in the bench process, default threads and binary): ${chunks.length} demo chunk(s) in ${generateSeconds.toFixed(1)} s = ${((chunks.length / generateSeconds) * 60).toFixed(2)} chunks/minute, ${kept} question(s) kept.`,
  ];
  const theirs = rates.get("llama-cpp-python");
  if ("python" in venv && theirs) {
    for (const side of sides) {
      if (side.kind !== "ours") continue;
      const ratio = pairedRatios({ ours: rates.get(side.key) ?? [], theirs, better: "higher" });
      ratios.push({ label: `tokens/s, ${side.key} / llama-cpp-python (${threads} threads)`, spread: ratio });
      if (side.key === "ours-default") {
        targets.push({
          target: `≥ 0.9× llama-cpp-python's tokens/s, each at its fastest setting here (ours as users get it: prebuilt binary, default threads; llama-cpp-python with ${threads} threads)`,
          measured: `${formatSpread({ spread: ratio })}×`,
          hit: ratio.median >= 0.9,
        });
      }
    }
    const theirsOne = rates.get("llama-cpp-python-1");
    const oursDefault = rates.get("ours-default");
    if (theirsOne && theirsOne.length > 0 && oursDefault) {
      const same = pairedRatios({ ours: oursDefault, theirs: theirsOne, better: "higher" });
      ratios.push({ label: "tokens/s, ours-default / llama-cpp-python at the same thread count (1)", spread: same });
      targets.push({
        target: "≥ 0.9× llama-cpp-python's tokens/s at the same thread count (ours' default: 1 of 2 CPUs)",
        measured: `${formatSpread({ spread: same })}×`,
        hit: same.median >= 0.9,
      });
    }
  } else if ("missing" in venv) {
    notes.push(`llama-cpp-python side skipped: ${venv.missing}.`);
  }
  if ("missing" in build) notes.push(`our built-binary side skipped: ${build.missing}.`);
  return {
    key: "local-generation",
    title: "6. Local generation (embedded SmolLM2)",
    setup: `Tokens per second of our in-process local model (node-llama-cpp's prebuilt binary, and this machine's OpenMP build) against ${LLAMA_CPP_PYTHON} on the same GGUF, and chunks per minute of generateExam with it.`,
    columns: ["tokens/s", "max new tokens"],
    rows,
    ratios,
    targets,
    notes,
    runs,
  };
}
