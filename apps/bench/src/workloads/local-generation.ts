import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { availableCpus, createLocalChatModel, fetchEmbeddedModel } from "@domain-eval/local-model";
import { createQuestionChain, generateExam, loadDocuments, splitDocuments } from "@domain-eval/question-chain";
import { HumanMessage } from "@langchain/core/messages";
import { type BenchContext, pythonScriptPath } from "../bench-context.js";
import { LLAMA_CPP_PYTHON, llamaCppPythonVenv } from "../llama-cpp-python-venv.js";
import { runMeasuredProcess } from "../measured-process.js";
import { formatSpread, pairedRatios, spreadOf } from "../run-statistics.js";
import type { WorkloadReport } from "../workload-report.js";

const PROMPT = "Write a detailed paragraph about how lighthouses guided ships before satellite navigation.";
const DEMO_DOCUMENTS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "examples", "documents");

/**
 * Workload 5: local generation with the embedded SmolLM2 GGUF. Tokens per second of `@domain-eval/local-model`
 * (node-llama-cpp) against llama-cpp-python on the same file, prompt, thread count and greedy decoding; and chunks per
 * minute of `generateExam` over the demo documents. The llama-cpp-python venv is built once in full mode; a smoke run
 * skips that side when the venv is absent and says so.
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

  const model = await createLocalChatModel({ modelFile: path, threads, temperature: 0, maxTokens, contextSize: 2048 });
  const ours: number[] = [];
  const theirs: number[] = [];
  const runs: WorkloadReport["runs"] = [];
  let pythonVersion = "";
  try {
    await model.invoke([new HumanMessage(PROMPT)], { maxTokens: 8 }); // warm-up
    for (let run = 0; run < ctx.runs; run++) {
      const started = performance.now();
      const reply = await model.invoke([new HumanMessage(PROMPT)]);
      const seconds = (performance.now() - started) / 1000;
      const tokens = reply.usage_metadata?.output_tokens ?? 0;
      ours.push(tokens / seconds);
      runs.push({ side: "ours", run, result: { tokens, seconds } });
      if ("python" in venv) {
        const raw = await runMeasuredProcess<{
          results: { completion_tokens: number; seconds: number }[];
          version: string;
        }>({
          label: "llama-cpp-python",
          command: venv.python,
          args: [pythonScriptPath({ name: "llama_cpp_tokens" })],
          job: { model: path, threads, max_tokens: maxTokens, runs: 1, messages: [{ role: "user", content: PROMPT }] },
        });
        const result = raw.results[0] as { completion_tokens: number; seconds: number };
        pythonVersion = raw.version;
        theirs.push(result.completion_tokens / result.seconds);
        runs.push({ side: "llama-cpp-python", run, result });
      }
    }
  } finally {
    await model.dispose();
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

  const oursSpread = spreadOf({ values: ours });
  const rows = [
    {
      side: `@domain-eval/local-model (node-llama-cpp), ${threads} thread(s)`,
      cells: [`${formatSpread({ spread: oursSpread })}`, `${maxTokens}`],
    },
  ];
  const ratios: WorkloadReport["ratios"] = [];
  const targets: WorkloadReport["targets"] = [];
  const notes = [
    `Same GGUF (SmolLM2-135M-Instruct Q4_1 from fetchEmbeddedModel), same user message, greedy decoding, at most ${maxTokens} new tokens, the same thread count on both sides (availableCpus()); model loading and a warm-up answer are not timed; tokens/s is completion tokens over the wall time of the answer (prompt processing included on both sides).`,
    `generate (${questionsPerChunk} question(s) per chunk): ${chunks.length} demo chunk(s) in ${generateSeconds.toFixed(1)} s = ${((chunks.length / generateSeconds) * 60).toFixed(2)} chunks/minute, ${kept} question(s) kept.`,
  ];
  if ("python" in venv) {
    rows.push({
      side: `llama-cpp-python ${pythonVersion}, ${threads} thread(s)`,
      cells: [`${formatSpread({ spread: spreadOf({ values: theirs }) })}`, `${maxTokens}`],
    });
    const ratio = pairedRatios({ ours, theirs, better: "higher" });
    ratios.push({ label: "tokens/s, ours / llama-cpp-python", spread: ratio });
    targets.push({
      target: "≥ 0.9× llama-cpp-python's tokens/s",
      measured: `${formatSpread({ spread: ratio })}×`,
      hit: ratio.median >= 0.9,
    });
  } else {
    notes.push(`llama-cpp-python side skipped: ${venv.missing}.`);
  }
  return {
    key: "local-generation",
    title: "5. Local generation (embedded SmolLM2)",
    setup: `Tokens per second of our in-process local model against ${LLAMA_CPP_PYTHON} on the same GGUF, and chunks per minute of generateExam with it.`,
    columns: ["tokens/s", "max new tokens"],
    rows,
    ratios,
    targets,
    notes,
    runs,
  };
}
