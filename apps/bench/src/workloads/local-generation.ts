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
import { formatSpread, pairedRatios, type Spread, spreadOf } from "../run-statistics.js";
import type { WorkloadReport } from "../workload-report.js";

const PROMPT = "Write a detailed paragraph about how lighthouses guided ships before satellite navigation.";
/** One timed answer: completion tokens and wall seconds. */
interface TokenRun {
  completion_tokens: number;
  seconds: number;
}

/** Why our default leaves a CPU free (found by hand; the bench's own numbers are above it). */
const THREADS_FINDING =
  "Why the default leaves one CPU free (issue 19, by hand on 2026-11-30, this 2-CPU machine under load 3.8-7.4, interleaved runs): node-llama-cpp hands every token from the JavaScript thread to a worker thread and back (evaluate, then sample) and does its per-token work on the JavaScript thread; when llama.cpp's threads hold every CPU, each hand-over waits for one, and with 2 threads ours ran at about half its 1-thread speed while llama-cpp-python (all of it on the computing thread) gained. On a quiet machine 2 threads can be faster: the rows above say which it was in this run.";

const DEMO_DOCUMENTS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "examples", "documents");

/** A side of the tokens/s comparison: ours (which binary, how many threads), node-llama-cpp alone, or llama-cpp-python. */
interface Side {
  key: string;
  /** With undefined `threads`, the thread count the side reported is appended. */
  label: string;
  kind: "ours" | "library" | "python";
  llamaBinary?: "prebuilt" | "built";
  /** Undefined: our default (defaultGenerationThreads). */
  threads?: number;
}

/**
 * Where the local-generation gap lies, from the run's paired ratios, or undefined when both targets are hit: how much
 * our LangChain model costs on top of node-llama-cpp alone (same binary, same threads), and whether node-llama-cpp
 * alone reaches each target (if it does not, the gap is the library's, not our code's).
 *
 * @example
 * localGenerationWhyNote({ fastest, sameThreads, oursOfLibrary, libraryFastest, librarySameThreads }); // "Where the gap is: …"
 */
export function localGenerationWhyNote(params: {
  /** Target 1: ours as users get it / llama-cpp-python at its fastest (every CPU). */
  fastest: Spread;
  /** Target 2: ours as users get it / llama-cpp-python at the same thread count. */
  sameThreads: Spread;
  /** Ours as users get it / node-llama-cpp alone with the same binary and threads: our wrapper's cost. */
  oursOfLibrary: Spread;
  /** node-llama-cpp alone at its faster thread count / llama-cpp-python at its fastest, with that thread count. */
  libraryFastest: { spread: Spread; threads: number };
  /** node-llama-cpp alone at our default threads / llama-cpp-python at the same count. */
  librarySameThreads: Spread;
  /** Ours on this machine's own build (compiled for this CPU), default threads / llama-cpp-python at the same count. */
  builtSameThreads?: Spread;
}): string | undefined {
  const { fastest, sameThreads, oursOfLibrary, libraryFastest, librarySameThreads, builtSameThreads } = params;
  if (fastest.median >= 0.9 && sameThreads.median >= 0.9) return undefined;
  const f = (spread: Spread) => formatSpread({ spread });
  const wrapper =
    oursOfLibrary.median >= 0.97
      ? "our LangChain model adds next to nothing per token"
      : `our LangChain model costs ${Math.round((1 - oursOfLibrary.median) * 100)}% of the speed here`;
  const parts = [
    `Where the gap is (this run's paired ratios): ours runs at ${f(oursOfLibrary)} of node-llama-cpp alone with the same binary and threads, so ${wrapper}.`,
  ];
  const verdict = (bound: Spread, target: string) =>
    bound.median < 0.9
      ? `node-llama-cpp alone stays below 0.9 there too, so the gap to ${target} is the library's, not our code's`
      : `node-llama-cpp alone reaches 0.9 there, so the gap to ${target} is ours`;
  if (fastest.median < 0.9) {
    parts.push(
      `At each side's fastest setting node-llama-cpp alone (prebuilt binary, ${libraryFastest.threads} thread(s)) reaches ${f(libraryFastest.spread)}× llama-cpp-python: ${verdict(libraryFastest.spread, "the first target")}.`,
    );
  }
  if (sameThreads.median < 0.9) {
    const built = builtSameThreads
      ? `; ours on this machine's own build (compiled for this CPU, as llama-cpp-python's wheel is) reaches ${f(builtSameThreads)}×`
      : "";
    parts.push(
      `At the same thread count node-llama-cpp alone reaches ${f(librarySameThreads)}× llama-cpp-python${built}: ${verdict(librarySameThreads, "the second target")}.`,
    );
  }
  return parts.join(" ");
}

/**
 * Workload 5: local generation with the embedded SmolLM2 GGUF. Tokens per second of `@domain-eval/local-model`
 * (node-llama-cpp) as users get it (prebuilt binary, default threads), with every CPU as threads, and on this
 * machine's own OpenMP build (`domain-eval-build-llama`), against llama-cpp-python on the same file, prompt and greedy
 * decoding with every CPU as threads and with one, and node-llama-cpp alone at ours' settings (the floor under ours:
 * what the library does without our code); each side in a fresh process, runs interleaved; and chunks per minute of
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
  const library = "node-llama-cpp alone (LlamaChat, no LangChain)";
  const sides: Side[] = [
    { key: "ours-default", label: `${ours}, prebuilt binary, default threads`, kind: "ours", llamaBinary: "prebuilt" },
    {
      key: "ours-all-cpus",
      label: `${ours}, prebuilt binary, ${threads} thread(s)`,
      kind: "ours",
      llamaBinary: "prebuilt",
      threads,
    },
    // the floor under ours: the same library, binary and threads with none of our code on the token path
    { key: "library-default", label: `${library}, prebuilt binary, default threads`, kind: "library" },
    { key: "library-all-cpus", label: `${library}, prebuilt binary, ${threads} thread(s)`, kind: "library", threads },
    ...("dir" in build
      ? [
          {
            key: "ours-built",
            label: `${ours}, this machine's OpenMP build, ${threads} thread(s)`,
            kind: "ours" as const,
            llamaBinary: "built" as const,
            threads,
          },
          // what users who ran domain-eval-build-llama get (the build is picked when present, default threads)
          {
            key: "ours-built-default",
            label: `${ours}, this machine's OpenMP build, default threads`,
            kind: "ours" as const,
            llamaBinary: "built" as const,
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
  /** The thread count each default-threads side reported. */
  const defaultThreads = new Map<string, number>();
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
      } else if (side.kind === "library") {
        const raw = await runMeasuredProcess<{ results: TokenRun[]; buildType: string; threads: number }>({
          label: `${library} (${side.key})`,
          command: process.execPath,
          args: [nodeWorkerPath({ name: "llama-chat-tokens" })],
          job: { ...job, threads: side.threads, cpus: threads, prompt: PROMPT },
        });
        binaries[side.key] = `node-llama-cpp's ${raw.buildType} binary, ${raw.threads} thread(s)`;
        if (side.threads === undefined) defaultThreads.set(side.key, raw.threads);
        result = raw.results[0] as TokenRun;
      } else {
        const raw = await runMeasuredProcess<{ results: TokenRun[]; binary: LlamaBinaryInfo; threads: number }>({
          label: `${ours} (${side.key})`,
          command: process.execPath,
          args: [nodeWorkerPath({ name: "local-tokens" })],
          job: { ...job, threads: side.threads, prompt: PROMPT, llamaBinary: side.llamaBinary },
        });
        binaries[side.key] = `${raw.binary.message}, ${raw.threads} thread(s)`;
        if (side.threads === undefined) defaultThreads.set(side.key, raw.threads);
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

  const spreads = new Map(sides.map((side) => [side.key, spreadOf({ values: rates.get(side.key) ?? [] })]));
  const rows = sides.map((side) => ({
    side: defaultThreads.has(side.key) ? `${side.label} (${defaultThreads.get(side.key)})` : side.label,
    cells: [formatSpread({ spread: spreads.get(side.key) as Spread }), `${maxTokens}`],
  }));
  const ratios: WorkloadReport["ratios"] = [];
  const targets: WorkloadReport["targets"] = [];
  const notes = [
    `Same GGUF (SmolLM2-135M-Instruct Q4_1 from fetchEmbeddedModel), same user message, greedy decoding (no repeat penalty on any side), at most ${maxTokens} new tokens, context 2048; llama-cpp-python with every CPU as threads (${threads}, its fastest here) and with 1, ours as users get it (default threads) and with ${threads}, and node-llama-cpp alone (its LlamaChat on the same chat history, the binary ours loads, no LangChain: apps/bench/src/workers/llama-chat-tokens.ts) at the same settings as ours; each side in a fresh process (ours: apps/bench/src/workers/local-tokens.ts, LocalChatModel.invoke; llama-cpp-python: create_chat_completion), runs interleaved; model loading and a warm-up answer are not timed; tokens/s is completion tokens over the wall time of the answer (prompt processing included on all sides).`,
    ...Object.entries(binaries).map(([side, message]) => `${side}: ${message}.`),
  ];
  /** Paired ratio of two sides' tokens/s (above 1: the first is faster), or undefined when either did not run. */
  const ratioOf = (first: string, second: string): Spread | undefined => {
    const a = rates.get(first);
    const b = rates.get(second);
    if (!a || !b || a.length === 0 || a.length !== b.length) return undefined;
    return pairedRatios({ ours: a, theirs: b, better: "higher" });
  };
  const addRatio = (label: string, spread: Spread | undefined) => {
    if (spread) ratios.push({ label, spread });
    return spread;
  };
  const oursDefaultThreads = defaultThreads.get("ours-default");
  const oursOfLibrary = addRatio(
    `tokens/s, ours-default / node-llama-cpp alone, same binary and threads (${oursDefaultThreads})`,
    ratioOf("ours-default", "library-default"),
  );
  addRatio(
    `tokens/s, ours-all-cpus / node-llama-cpp alone, same binary and threads (${threads})`,
    ratioOf("ours-all-cpus", "library-all-cpus"),
  );
  if ("python" in venv) {
    /** Each of our and the library's sides / llama-cpp-python at its fastest. */
    const ofPython = new Map<string, Spread | undefined>();
    for (const side of sides) {
      if (side.kind === "python") continue;
      ofPython.set(
        side.key,
        addRatio(
          `tokens/s, ${side.key} / llama-cpp-python (${threads} threads)`,
          ratioOf(side.key, "llama-cpp-python"),
        ),
      );
    }
    const fastest = ofPython.get("ours-default");
    if (fastest) {
      targets.push({
        target: `≥ 0.9× llama-cpp-python's tokens/s, each at its fastest setting here (ours as users get it: prebuilt binary, default threads; llama-cpp-python with ${threads} threads)`,
        measured: `${formatSpread({ spread: fastest })}×`,
        hit: fastest.median >= 0.9,
      });
    }
    const same = addRatio(
      "tokens/s, ours-default / llama-cpp-python at the same thread count (1)",
      ratioOf("ours-default", "llama-cpp-python-1"),
    );
    const librarySame = addRatio(
      "tokens/s, node-llama-cpp alone (default threads) / llama-cpp-python at the same thread count (1)",
      ratioOf("library-default", "llama-cpp-python-1"),
    );
    const builtSame = addRatio(
      "tokens/s, ours-built-default / llama-cpp-python at the same thread count (1)",
      ratioOf("ours-built-default", "llama-cpp-python-1"),
    );
    if (same) {
      targets.push({
        target: "≥ 0.9× llama-cpp-python's tokens/s at the same thread count (ours' default: 1 of 2 CPUs)",
        measured: `${formatSpread({ spread: same })}×`,
        hit: same.median >= 0.9,
      });
    }
    // node-llama-cpp alone at its faster thread count (by median), against llama-cpp-python at its fastest
    const libraryBest =
      (spreads.get("library-all-cpus")?.median ?? 0) > (spreads.get("library-default")?.median ?? 0)
        ? "library-all-cpus"
        : "library-default";
    const libraryFastest = ofPython.get(libraryBest);
    const bestThreads = libraryBest === "library-all-cpus" ? threads : defaultThreads.get(libraryBest);
    if (fastest && same && oursOfLibrary && libraryFastest && librarySame && bestThreads !== undefined) {
      const why = localGenerationWhyNote({
        fastest,
        sameThreads: same,
        oursOfLibrary,
        libraryFastest: { spread: libraryFastest, threads: bestThreads },
        librarySameThreads: librarySame,
        builtSameThreads: builtSame,
      });
      if (why) notes.push(why);
    }
  } else if ("missing" in venv) {
    notes.push(`llama-cpp-python side skipped: ${venv.missing}.`);
  }
  notes.push(
    THREADS_FINDING,
    `generate (${questionsPerChunk} question(s) per chunk, in the bench process, default threads and binary): ${chunks.length} demo chunk(s) in ${generateSeconds.toFixed(1)} s = ${((chunks.length / generateSeconds) * 60).toFixed(2)} chunks/minute, ${kept} question(s) kept.`,
  );
  if ("missing" in build) notes.push(`our built-binary side skipped: ${build.missing}.`);
  return {
    key: "local-generation",
    title: "6. Local generation (embedded SmolLM2)",
    setup: `Tokens per second of our in-process local model (node-llama-cpp's prebuilt binary, and this machine's OpenMP build) against ${LLAMA_CPP_PYTHON} on the same GGUF, with node-llama-cpp alone at ours' settings as the floor under ours, and chunks per minute of generateExam with it.`,
    columns: ["tokens/s", "max new tokens"],
    rows,
    ratios,
    targets,
    notes,
    runs,
  };
}
