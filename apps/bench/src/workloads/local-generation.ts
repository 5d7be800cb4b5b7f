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

/** What the measurements of issue 19 found (see the notes of the report); filled in from the quiet-machine runs. */
const LOCAL_GENERATION_FINDINGS = "TODO";

const DEMO_DOCUMENTS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "examples", "documents");

/** A side of the tokens/s comparison. */
type Side = "prebuilt" | "built" | "python";

/**
 * Workload 5: local generation with the embedded SmolLM2 GGUF. Tokens per second of `@domain-eval/local-model`
 * (node-llama-cpp) on its two binaries, node-llama-cpp's prebuilt one and this machine's own OpenMP build
 * (`domain-eval-build-llama`), against llama-cpp-python on the same file, prompt, thread count and greedy decoding,
 * each side in a fresh process, runs interleaved; and chunks per minute of `generateExam` over the demo documents. The
 * llama-cpp-python venv and our build are made once in full mode; a smoke run skips a side whose venv or build is
 * absent and says so.
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

  const sides: Side[] = [
    "prebuilt",
    ...("dir" in build ? (["built"] as const) : []),
    ...("python" in venv ? (["python"] as const) : []),
  ];
  const rates: Record<Side, number[]> = { prebuilt: [], built: [], python: [] };
  const binaries: Record<string, string> = {};
  const runs: WorkloadReport["runs"] = [];
  let pythonVersion = "";
  const job = { model: path, threads, max_tokens: maxTokens, runs: 1 };
  for (let run = 0; run < ctx.runs; run++) {
    for (const side of interleavedOrder({ sides, run })) {
      if (side === "python" && "python" in venv) {
        const raw = await runMeasuredProcess<{ results: TokenRun[]; version: string }>({
          label: "llama-cpp-python",
          command: venv.python,
          args: [pythonScriptPath({ name: "llama_cpp_tokens" })],
          job: { ...job, messages: [{ role: "user", content: PROMPT }] },
        });
        pythonVersion = raw.version;
        record(side, run, raw.results[0] as TokenRun);
      } else {
        const raw = await runMeasuredProcess<{ results: TokenRun[]; binary: LlamaBinaryInfo }>({
          label: `@domain-eval/local-model (${side})`,
          command: process.execPath,
          args: [nodeWorkerPath({ name: "local-tokens" })],
          job: { ...job, prompt: PROMPT, llamaBinary: side },
        });
        binaries[`ours-${side}`] = raw.binary.message;
        record(side, run, raw.results[0] as TokenRun);
      }
    }
  }
  function record(side: Side, run: number, result: TokenRun): void {
    rates[side].push(result.completion_tokens / result.seconds);
    runs.push({ side: side === "python" ? "llama-cpp-python" : `ours-${side}`, run, result: { ...result } });
  }

  // chunks per minute of generate with the embedded model (2 questions per chunk, the CLI's defaults)
  const { documents } = await loadDocuments({ dir: DEMO_DOCUMENTS });
  let chunks = await splitDocuments({ documents, chunkSize: 600, chunkOverlap: 60 });
  // Smoke: the shortest demo chunk, one question, so the test command stays quick.
  if (ctx.mode === "smoke") {
    chunks = [...chunks].sort((a, b) => a.pageContent.length - b.pageContent.length).slice(0, 1);
  }
  const questionsPerChunk = ctx.mode === "smoke" ? 1 : 2;
  const generator = await createLocalChatModel({ modelFile: path, threads });
  binaries["generate (in the bench process)"] = (await generator.loadedLlamaBinary()).message;
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

  const oursLabel = (side: "prebuilt" | "built") =>
    `@domain-eval/local-model (node-llama-cpp), ${side === "built" ? "this machine's OpenMP build" : "prebuilt binary"}, ${threads} thread(s)`;
  const rows = sides.map((side) => ({
    side: side === "python" ? `llama-cpp-python ${pythonVersion}, ${threads} thread(s)` : oursLabel(side),
    cells: [formatSpread({ spread: spreadOf({ values: rates[side] }) }), `${maxTokens}`],
  }));
  const ratios: WorkloadReport["ratios"] = [];
  const targets: WorkloadReport["targets"] = [];
  const notes = [
    `Same GGUF (SmolLM2-135M-Instruct Q4_1 from fetchEmbeddedModel), same user message, greedy decoding, at most ${maxTokens} new tokens, context 2048, the same thread count on all sides (availableCpus()); each side runs in a fresh process (ours: apps/bench/src/workers/local-tokens.ts, LocalChatModel.invoke; llama-cpp-python: create_chat_completion), runs interleaved; model loading and a warm-up answer are not timed; tokens/s is completion tokens over the wall time of the answer (prompt processing included on all sides).`,
    ...Object.entries(binaries).map(([side, message]) => `${side}: ${message}.`),
    LOCAL_GENERATION_FINDINGS,
    `generate (${questionsPerChunk} question(s) per chunk, in the bench process, llamaBinary "auto"): ${chunks.length} demo chunk(s) in ${generateSeconds.toFixed(1)} s = ${((chunks.length / generateSeconds) * 60).toFixed(2)} chunks/minute, ${kept} question(s) kept.`,
  ];
  if ("python" in venv) {
    for (const side of ["built", "prebuilt"] as const) {
      if (!sides.includes(side)) continue;
      const ratio = pairedRatios({ ours: rates[side], theirs: rates.python, better: "higher" });
      const name =
        side === "built" ? "ours with this machine's OpenMP build" : "ours with the prebuilt binary (default)";
      ratios.push({ label: `tokens/s, ${name} / llama-cpp-python`, spread: ratio });
      targets.push({
        target: `≥ 0.9× llama-cpp-python's tokens/s (${name})`,
        measured: `${formatSpread({ spread: ratio })}×`,
        hit: ratio.median >= 0.9,
      });
    }
  } else {
    notes.push(`llama-cpp-python side skipped: ${venv.missing}.`);
  }
  if ("missing" in build) notes.push(`our built-binary side skipped: ${build.missing}.`);
  return {
    key: "local-generation",
    title: "5. Local generation (embedded SmolLM2)",
    setup: `Tokens per second of our in-process local model (node-llama-cpp's prebuilt binary, and this machine's OpenMP build) against ${LLAMA_CPP_PYTHON} on the same GGUF, and chunks per minute of generateExam with it.`,
    columns: ["tokens/s", "max new tokens"],
    rows,
    ratios,
    targets,
    notes,
    runs,
  };
}
