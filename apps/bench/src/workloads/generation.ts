import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { writeJsonl } from "@domain-eval/core";
import { createQuestionChain, generateExam } from "@domain-eval/question-chain";
import { examWriterHandler, type RecordedRequest, startScriptedOpenAIServer } from "@domain-eval/testing";
import { ChatOpenAI } from "@langchain/openai";
import { type BenchContext, interleavedOrder, nodeWorkerPath, pythonScriptPath } from "../bench-context.js";
import { runMeasuredProcess } from "../measured-process.js";
import { formatSpread, pairedRatios, spreadOf } from "../run-statistics.js";
import { startScriptedServerProcess } from "../scripted-server-process.js";
import { syntheticChunks } from "../synthetic-corpus.js";
import type { WorkloadReport } from "../workload-report.js";

const MODEL = "gpt-4o-mini";

interface SideResult {
  wallMs: number;
  cpuMs: number;
  questions: number;
  failures: number;
  requests: number;
  spanMs: number;
  efficiency: number;
}

/** Runs our chain once over every chunk against an in-process server and keeps the exact requests it sent. */
async function capturePrompts(ctx: BenchContext, chunksPath: string, promptsPath: string): Promise<number> {
  const chunks = syntheticChunks({ count: ctx.sizes.generationChunks });
  await writeFile(chunksPath, JSON.stringify(chunks));
  const server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
  try {
    const model = new ChatOpenAI({
      model: MODEL,
      apiKey: "bench",
      temperature: 0,
      maxRetries: 0,
      configuration: { baseURL: server.url },
    });
    const chain = createQuestionChain({ model, structuredOutput: "json_schema" });
    const { questions, failures } = await generateExam({ chunks, chain, concurrency: 16 });
    if (failures.length > 0 || questions.length === 0) {
      throw new Error(
        `generation warm-up: ${failures.length} chunk(s) failed, ${questions.length} questions (${failures[0]?.message ?? ""})`,
      );
    }
    const bodies = server.requests
      .filter((r) => r.path.endsWith("/chat/completions"))
      .map((r) => r.body as { messages: unknown; response_format: unknown });
    if (bodies.length !== chunks.length || !bodies[0]?.response_format) {
      throw new Error(
        `generation warm-up sent ${bodies.length} requests for ${chunks.length} chunks (retries?), or no response_format`,
      );
    }
    await writeJsonl({
      path: promptsPath,
      values: bodies.map((b) => ({ messages: b.messages, response_format: b.response_format })),
    });
    return questions.length;
  } finally {
    await server.close();
  }
}

function requestStats(requests: RecordedRequest[], latencyMs: number, cap: number, wallMs: number) {
  const chat = requests.filter((r) => r.path.endsWith("/chat/completions"));
  const first = Math.min(...chat.map((r) => r.receivedAt));
  const last = Math.max(...chat.map((r) => r.finishedAt ?? r.receivedAt));
  const idealMs = (chat.length * latencyMs) / cap;
  return {
    requests: chat.length,
    spanMs: last - first,
    efficiency: idealMs / wallMs,
    failedRequests: chat.filter((r) => r.status !== 200).length,
  };
}

/**
 * Workload 1: the same chunks against the same scripted server (fixed latency, server-side concurrency cap), our
 * `generateExam` + `ChatOpenAI` against distilabel's `OpenAILLM` with its default and its best `input_batch_size`.
 *
 * @example
 * const report = await benchGeneration({ ctx });
 */
export async function benchGeneration(params: { ctx: BenchContext }): Promise<WorkloadReport> {
  const { ctx } = params;
  const { generationChunks: chunks, generationLatencyMs: latency, generationServerConcurrency: cap } = ctx.sizes;
  const chunksPath = join(ctx.workDir, "generation-chunks.json");
  const promptsPath = join(ctx.workDir, "generation-prompts.jsonl");
  ctx.log(`generation: capturing our ${chunks} requests for the Python side`);
  await capturePrompts(ctx, chunksPath, promptsPath);

  const server = await startScriptedServerProcess({
    latencyMs: latency,
    maxConcurrency: cap,
    logPath: join(ctx.workDir, "generation-requests.jsonl"),
  });
  const tuned = ctx.sizes.distilabelTunedBatchSize;
  const sides = [
    { name: "ours", label: `domain-eval generateExam (concurrency ${cap} = server cap)`, concurrency: cap },
    { name: "ours-2x", label: `domain-eval generateExam (concurrency ${2 * cap} = 2× cap)`, concurrency: 2 * cap },
    { name: "distilabel-default", label: "distilabel OpenAILLM (input_batch_size 50, default)", batch: 50 },
    { name: "distilabel-tuned", label: `distilabel OpenAILLM (input_batch_size ${tuned})`, batch: tuned },
  ];
  const results = new Map<string, SideResult[]>(sides.map((s) => [s.name, []]));
  const runs: WorkloadReport["runs"] = [];
  try {
    for (let run = 0; run < ctx.runs; run++) {
      for (const side of interleavedOrder({ sides, run })) {
        const before = (await server.finishedRequests()).length;
        const raw =
          side.concurrency !== undefined
            ? await runMeasuredProcess<Record<string, number>>({
                label: `generation (${side.label})`,
                command: process.execPath,
                args: [nodeWorkerPath({ name: "generate-exam" })],
                job: { baseUrl: server.url, chunksPath, concurrency: side.concurrency, model: MODEL },
              })
            : await runMeasuredProcess<Record<string, number>>({
                label: `generation (${side.label})`,
                command: ctx.python,
                args: [pythonScriptPath({ name: "generate_distilabel" })],
                job: {
                  base_url: server.url,
                  prompts_path: promptsPath,
                  input_batch_size: side.batch,
                  model: MODEL,
                  work_dir: ctx.workDir,
                },
              });
        const requests = (await server.finishedRequests()).slice(before);
        const stats = requestStats(requests, latency, cap, raw.wallMs as number);
        if ((raw.failures as number) > 0 || stats.failedRequests > 0 || (raw.questions as number) === 0) {
          throw new Error(
            `generation (${side.label}) broke: ${raw.failures} failed chunk(s), ${stats.failedRequests} failed request(s), ${raw.questions} questions`,
          );
        }
        const result: SideResult = {
          wallMs: raw.wallMs as number,
          cpuMs: raw.cpuMs as number,
          questions: raw.questions as number,
          failures: raw.failures as number,
          ...stats,
        };
        results.get(side.name)?.push(result);
        runs.push({ side: side.name, run, result: { ...raw, ...stats } });
        ctx.log(
          `  run ${run + 1} ${side.name}: ${(result.wallMs / 1000).toFixed(2)} s, efficiency ${result.efficiency.toFixed(2)}, ${result.requests} requests, ${result.questions} questions`,
        );
      }
    }
  } finally {
    await server.stop();
  }

  const of = (name: string) => results.get(name) ?? [];
  const spread = (name: string, pick: (r: SideResult) => number) => spreadOf({ values: of(name).map(pick) });
  const rows = sides.map((side) => ({
    side: side.label,
    cells: [
      formatSpread({ spread: spread(side.name, (r) => r.wallMs / 1000), digits: 2, unit: "s" }),
      formatSpread({ spread: spread(side.name, (r) => r.spanMs / 1000), digits: 2, unit: "s" }),
      formatSpread({ spread: spread(side.name, (r) => r.efficiency), digits: 2 }),
      formatSpread({ spread: spread(side.name, (r) => r.cpuMs / r.questions), digits: 2, unit: "ms" }),
      String(of(side.name)[0]?.questions ?? 0),
    ],
  }));
  const wall = (name: string) => of(name).map((r) => r.wallMs);
  const vsDefault = pairedRatios({ ours: wall("ours"), theirs: wall("distilabel-default"), better: "lower" });
  const vsTuned = pairedRatios({ ours: wall("ours"), theirs: wall("distilabel-tuned"), better: "lower" });
  const efficiency = spread("ours", (r) => r.efficiency);
  const efficiency2x = spread("ours-2x", (r) => r.efficiency);
  const twoXvsTuned = pairedRatios({ ours: wall("ours-2x"), theirs: wall("distilabel-tuned"), better: "lower" });
  const cpuRatio = pairedRatios({
    ours: of("ours").map((r) => r.cpuMs / r.questions),
    theirs: of("distilabel-tuned").map((r) => r.cpuMs / r.questions),
    better: "lower",
  });
  return {
    key: "generation",
    title: "1. Generation orchestration",
    setup:
      `${chunks} chunks, one request each, against the scripted OpenAI-compatible server (own process) with ${latency} ms latency ` +
      `and at most ${cap} answers in progress (ideal: requests × ${latency} ms / ${cap} = ${((chunks * latency) / cap / 1000).toFixed(2)} s). ` +
      "Both sides send the same messages and the same `json_schema` response_format (captured from our chain). " +
      "Ours: `generateExam` + `createQuestionChain` (parsing, quality checks, de-duplication, ids) + `ChatOpenAI` (@langchain/openai 1.5.8). " +
      "distilabel 1.5.3: `LoadDataFromDicts >> ChatGeneration(OpenAILLM)`, `pipeline.run(use_cache=False)`, then `json.loads` of each generation.",
    columns: ["wall time", "request span", "efficiency vs ideal", "client CPU / question", "questions"],
    rows,
    ratios: [
      { label: "speed vs distilabel default (its wall / ours)", spread: vsDefault },
      { label: `speed vs distilabel input_batch_size ${tuned}`, spread: vsTuned },
      { label: `speed, ours at 2× cap vs distilabel input_batch_size ${tuned}`, spread: twoXvsTuned },
      { label: `client CPU per question, distilabel (${tuned}) / ours`, spread: cpuRatio },
    ],
    targets: [
      {
        target: "≥ 0.9 of the ideal throughput, concurrency = server cap",
        measured: formatSpread({ spread: efficiency }),
        hit: efficiency.median >= 0.9,
      },
      {
        target: "≥ 0.9 of the ideal throughput, concurrency = 2× server cap",
        measured: formatSpread({ spread: efficiency2x }),
        hit: efficiency2x.median >= 0.9,
      },
      {
        target: "faster than distilabel on the same server (default and best settings)",
        measured: `${formatSpread({ spread: vsDefault })}× / ${formatSpread({ spread: vsTuned })}×`,
        hit: vsDefault.median > 1 && vsTuned.median > 1,
      },
    ],
    notes: [
      "Wall time is measured inside each process, after imports: ours around `generateExam`, distilabel around `pipeline.run` (which starts its step processes). Request span is first request received to last answer sent, from the server's log.",
      "Client CPU: ours is `process.cpuUsage()` of the Node process; distilabel's is `getrusage` of the Python process plus its finished step processes (RUSAGE_CHILDREN).",
      "distilabel's own `structured_output` for OpenAILLM needs `instructor`, which the pinned eval venv does not have; the same `response_format` goes through `generation_kwargs.extra_body`, so the requests on the wire are the same as ours.",
      "The scripted server and the client share this machine's 2 cores with the Argilla peers and whatever else runs, so CPU contention sets the spread between runs.",
      `With concurrency equal to the server cap, all ${cap} answers of a wave arrive together and one Node thread parses and checks them one after another (a few ms each) before it sends the next requests, so the server sits partly idle between waves. A little more concurrency than the server accepts keeps a queue on the server and hides that; with a real API the cap is unknown and that queue is what a client should keep.`,
      `distilabel sends each batch of \`input_batch_size\` rows at once (asyncio.gather) and waits for the whole batch before the next; with a server cap of ${cap}, a batch of 50 ends with a partly idle server. A batch as large as the whole input (${tuned}) lets the server's queue do the pacing, which is its best setting here.`,
    ],
    runs,
  };
}
