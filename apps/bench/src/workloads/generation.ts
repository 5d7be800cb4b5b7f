import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { writeJsonl } from "@domain-eval/core";
import { createQuestionChain, generateExam } from "@domain-eval/question-chain";
import { examWriterHandler, type RecordedRequest, startScriptedOpenAIServer } from "@domain-eval/testing";
import { type BenchContext, interleavedOrder, nodeWorkerPath, pythonScriptPath } from "../bench-context.js";
import { runMeasuredProcess } from "../measured-process.js";
import { formatSpread, pairedRatios, type Spread, spreadOf } from "../run-statistics.js";
import { scriptedChatModel } from "../scripted-chat-model.js";
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
  /** Process spawned → first request received by the server (imports, set-up, distilabel's step processes). */
  startupMs: number;
  /** First request received → last answer sent, from the server's log. */
  spanMs: number;
  /** Ideal / request span: 1 means the server never had a free slot the client left unused. */
  efficiency: number;
  /** Free server slot-time per request inside the span: the client's own time between an answer and its next request. */
  idleSlotMsPerRequest: number;
  /** Last answer sent → process exited (collecting results, writing, shutting down). */
  tailMs: number;
  /** Process spawned → exited. */
  endToEndMs: number;
}

/**
 * Why generation at the server's cap misses 0.95 of the ideal throughput, from the floors measured alongside (the very
 * requests sent with nothing of ours around them), or undefined when it does not miss: each claim from a number.
 *
 * @example
 * generationWhyNote({ chunks: 400, efficiency, floorLangchain, floorFetch, ofLangchainFloor }); // "Why not 0.95 …"
 */
export function generationWhyNote(params: {
  chunks: number;
  efficiency: Spread;
  floorLangchain: Spread;
  floorFetch: Spread;
  /** Paired: the ChatOpenAI floor's request span / ours (1: our chain adds nothing to the request path). */
  ofLangchainFloor: Spread;
}): string | undefined {
  const { chunks, efficiency, floorLangchain, floorFetch, ofLangchainFloor } = params;
  if (efficiency.median >= 0.95) return undefined;
  const floors = `the very same requests with nothing of ours around them reach ${formatSpread({ spread: floorFetch, digits: 3 })} through plain \`fetch\` and ${formatSpread({ spread: floorLangchain, digits: 3 })} through \`ChatOpenAI\` alone`;
  const ours = `ours runs at ${formatSpread({ spread: ofLangchainFloor })} of the \`ChatOpenAI\` floor's pace`;
  const why = `Why not 0.95 at ${chunks.toLocaleString("en")} chunks:`;
  if (floorFetch.median < 0.95) {
    return `${why} no client reaches it on this machine at this size: ${floors}; ${ours}. Below the floor is our chain's share (reading each answer, building the next call, the checks on the same thread); from the floor to 0.95 is what any client pays here with this server (the first wave's cold code and new connections weigh more in a short run).`;
  }
  if (floorLangchain.median < 0.95) {
    return `${why} LangChain's own request path falls short of it here: ${floors}; ${ours}.`;
  }
  return `${why} the floors reach it (${floors}), so the gap is our chain's: ${ours}.`;
}

/** Runs our chain once over every chunk against an in-process server and keeps the exact requests it sent. */
async function capturePrompts(ctx: BenchContext, chunksPath: string, promptsPath: string): Promise<number> {
  const chunks = syntheticChunks({ count: ctx.sizes.generationChunks });
  await writeFile(chunksPath, JSON.stringify(chunks));
  const server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
  try {
    const model = scriptedChatModel({ baseUrl: server.url, model: MODEL });
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

/**
 * What the server saw of one side: request span, efficiency against the ideal, and the slot-time the server had free
 * (fewer than `cap` requests in progress) between the first request and the last answer — time spent by the client
 * between receiving an answer and sending the next request.
 */
function requestStats(requests: RecordedRequest[], latencyMs: number, cap: number) {
  const chat = requests.filter((r) => r.path.endsWith("/chat/completions"));
  const first = Math.min(...chat.map((r) => r.receivedAt));
  const last = Math.max(...chat.map((r) => r.finishedAt ?? r.receivedAt));
  const idealMs = (chat.length * latencyMs) / cap;
  const events = chat
    .flatMap((r) => [
      { at: r.receivedAt, delta: 1 },
      { at: r.finishedAt ?? r.receivedAt, delta: -1 },
    ])
    .sort((a, b) => a.at - b.at || a.delta - b.delta);
  let inServer = 0;
  let previous = first;
  let idleSlotMs = 0;
  for (const event of events) {
    idleSlotMs += (event.at - previous) * (cap - Math.min(inServer, cap));
    inServer += event.delta;
    previous = event.at;
  }
  return {
    requests: chat.length,
    firstRequestAt: first,
    lastAnswerAt: last,
    spanMs: last - first,
    efficiency: idealMs / (last - first),
    idleSlotMsPerRequest: idleSlotMs / chat.length,
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
  const large = ctx.sizes.generationLargeChunks;
  const chunksPath = join(ctx.workDir, "generation-chunks.json");
  const largeChunksPath = join(ctx.workDir, "generation-chunks-large.json");
  const promptsPath = join(ctx.workDir, "generation-prompts.jsonl");
  ctx.log(`generation: capturing our ${chunks} requests for the Python side`);
  await capturePrompts(ctx, chunksPath, promptsPath);
  await writeFile(largeChunksPath, JSON.stringify(syntheticChunks({ count: large, seed: 2 })));

  const server = await startScriptedServerProcess({
    latencyMs: latency,
    maxConcurrency: cap,
    logPath: join(ctx.workDir, "generation-requests.jsonl"),
  });
  const tuned = ctx.sizes.distilabelTunedBatchSize;
  type Side = {
    name: string;
    label: string;
    concurrency?: number;
    batch?: number;
    chunksPath?: string;
    /** A floor: the captured requests alone, through ChatOpenAI or plain fetch. */
    floor?: "langchain" | "fetch";
  };
  const sides: Side[] = [
    { name: "ours", label: `domain-eval generateExam (concurrency ${cap} = server cap)`, concurrency: cap },
    { name: "ours-2x", label: `domain-eval generateExam (concurrency ${2 * cap} = 2× cap)`, concurrency: 2 * cap },
    {
      name: "floor-langchain",
      label: `floor: the same requests alone through ChatOpenAI.invoke (concurrency ${cap}, no chain)`,
      floor: "langchain",
      concurrency: cap,
    },
    {
      name: "floor-fetch",
      label: `floor: the same requests alone through fetch + JSON.parse (concurrency ${cap}, no LangChain)`,
      floor: "fetch",
      concurrency: cap,
    },
    { name: "distilabel-default", label: "distilabel OpenAILLM (input_batch_size 50, default)", batch: 50 },
    { name: "distilabel-tuned", label: `distilabel OpenAILLM (input_batch_size ${tuned})`, batch: tuned },
    {
      name: "ours-large",
      label: `domain-eval generateExam, ${large.toLocaleString("en")} chunks (concurrency ${cap} = server cap)`,
      concurrency: cap,
      chunksPath: largeChunksPath,
    },
  ];
  const results = new Map<string, SideResult[]>(sides.map((s) => [s.name, []]));
  const runs: WorkloadReport["runs"] = [];
  try {
    for (let run = 0; run < ctx.runs; run++) {
      for (const side of interleavedOrder({ sides, run })) {
        const before = (await server.finishedRequests()).length;
        const raw =
          side.floor !== undefined
            ? await runMeasuredProcess<Record<string, number>>({
                label: `generation (${side.label})`,
                command: process.execPath,
                args: [nodeWorkerPath({ name: "chat-requests" })],
                job: {
                  baseUrl: server.url,
                  promptsPath,
                  concurrency: side.concurrency,
                  model: MODEL,
                  mode: side.floor,
                },
              })
            : side.concurrency !== undefined
              ? await runMeasuredProcess<Record<string, number>>({
                  label: `generation (${side.label})`,
                  command: process.execPath,
                  args: [nodeWorkerPath({ name: "generate-exam" })],
                  job: {
                    baseUrl: server.url,
                    chunksPath: side.chunksPath ?? chunksPath,
                    concurrency: side.concurrency,
                    model: MODEL,
                  },
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
        const { firstRequestAt, lastAnswerAt, ...stats } = requestStats(requests, latency, cap);
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
          startupMs: firstRequestAt - raw.processSpawnedAt,
          tailMs: raw.processExitedAt - lastAnswerAt,
          endToEndMs: raw.processExitedAt - raw.processSpawnedAt,
        };
        results.get(side.name)?.push(result);
        runs.push({ side: side.name, run, result: { ...raw, ...result } });
        ctx.log(
          `  run ${run + 1} ${side.name}: start-up ${(result.startupMs / 1000).toFixed(2)} s, span ${(result.spanMs / 1000).toFixed(2)} s, efficiency ${result.efficiency.toFixed(3)}, idle slot ${result.idleSlotMsPerRequest.toFixed(1)} ms/request, ${result.requests} requests, ${result.questions} questions`,
        );
      }
    }
  } finally {
    await server.stop();
  }

  const of = (name: string) => results.get(name) ?? [];
  const spread = (name: string, pick: (r: SideResult) => number) => spreadOf({ values: of(name).map(pick) });
  const seconds = (name: string, pick: (r: SideResult) => number) =>
    formatSpread({ spread: spread(name, (r) => pick(r) / 1000), digits: 2, unit: "s" });
  const rows = sides.map((side) => ({
    side: side.label,
    cells: [
      seconds(side.name, (r) => r.spanMs),
      formatSpread({ spread: spread(side.name, (r) => r.efficiency), digits: 3 }),
      formatSpread({ spread: spread(side.name, (r) => r.idleSlotMsPerRequest), digits: 1, unit: "ms" }),
      formatSpread({ spread: spread(side.name, (r) => r.cpuMs / r.questions), digits: 2, unit: "ms" }),
      seconds(side.name, (r) => r.startupMs),
      seconds(side.name, (r) => r.tailMs),
      seconds(side.name, (r) => r.endToEndMs),
      String(of(side.name)[0]?.questions ?? 0),
    ],
  }));
  const ratio = (ours: string, theirs: string, pick: (r: SideResult) => number) =>
    pairedRatios({ ours: of(ours).map(pick), theirs: of(theirs).map(pick), better: "lower" });
  const spanVsDefault = ratio("ours", "distilabel-default", (r) => r.spanMs);
  const spanVsTuned = ratio("ours", "distilabel-tuned", (r) => r.spanMs);
  // Best setting against best setting: distilabel's is a batch as large as the input (the server's queue paces it),
  // ours is more requests in flight than the server's cap (the same idea: a request is always waiting).
  const spanBestVsBest = ratio("ours-2x", "distilabel-tuned", (r) => r.spanMs);
  const endVsDefault = ratio("ours", "distilabel-default", (r) => r.endToEndMs);
  const endVsTuned = ratio("ours", "distilabel-tuned", (r) => r.endToEndMs);
  const startupVsTuned = ratio("ours", "distilabel-tuned", (r) => r.startupMs);
  const cpuRatio = ratio("ours", "distilabel-tuned", (r) => r.cpuMs / r.questions);
  const spanVsLangchain = ratio("ours", "floor-langchain", (r) => r.spanMs);
  const spanVsFetch = ratio("ours", "floor-fetch", (r) => r.spanMs);
  const efficiency = spread("ours", (r) => r.efficiency);
  const efficiency2x = spread("ours-2x", (r) => r.efficiency);
  const efficiencyLarge = spread("ours-large", (r) => r.efficiency);
  const cpuPerQuestion = spread("ours", (r) => r.cpuMs / r.questions);
  const whyNote = generationWhyNote({
    chunks,
    efficiency,
    floorLangchain: spread("floor-langchain", (r) => r.efficiency),
    floorFetch: spread("floor-fetch", (r) => r.efficiency),
    ofLangchainFloor: spanVsLangchain,
  });
  return {
    key: "generation",
    title: "1. Generation orchestration",
    setup:
      `${chunks} chunks, one request each, against the scripted OpenAI-compatible server (own process) with ${latency} ms latency ` +
      `and at most ${cap} answers in progress (ideal request span: requests × ${latency} ms / ${cap} = ${((chunks * latency) / cap / 1000).toFixed(2)} s; ` +
      `${((large * latency) / cap / 1000).toFixed(2)} s for the ${large.toLocaleString("en")}-chunk run). ` +
      "Both sides send the same messages and the same `json_schema` response_format (captured from our chain). " +
      "Ours: `generateExam` + `createQuestionChain` (parsing, quality checks, de-duplication, ids) + `ChatOpenAI` (@langchain/openai 1.5.8). " +
      "distilabel 1.5.3: `LoadDataFromDicts >> ChatGeneration(OpenAILLM)`, `pipeline.run(use_cache=False)`, then `json.loads` of each generation. " +
      "The headline clocks are the server's: **request span** (first request received → last answer sent) and the **free slot-time per request** inside it " +
      "(the client's own time between an answer and its next request); start-up and wrap-up are reported separately, measured alike for both sides from the bench's spawn of the process.",
    columns: [
      "request span",
      "efficiency (ideal / span)",
      "free slot-time / request",
      "client CPU / question",
      "start-up (spawn → 1st request)",
      "wrap-up (last answer → exit)",
      "end to end (spawn → exit)",
      "questions",
    ],
    rows,
    ratios: [
      { label: "request span, distilabel default / ours", spread: spanVsDefault },
      { label: `request span, distilabel input_batch_size ${tuned} / ours`, spread: spanVsTuned },
      {
        label: `request span, best settings: distilabel input_batch_size ${tuned} / ours at 2× cap`,
        spread: spanBestVsBest,
      },
      { label: "end to end (start-up included), distilabel default / ours", spread: endVsDefault },
      { label: `end to end (start-up included), distilabel input_batch_size ${tuned} / ours`, spread: endVsTuned },
      { label: `start-up, distilabel (${tuned}) / ours`, spread: startupVsTuned },
      { label: `client CPU per question, distilabel (${tuned}) / ours`, spread: cpuRatio },
      {
        label: "request span, floor ChatOpenAI alone / ours (1: our chain adds nothing to the request path)",
        spread: spanVsLangchain,
      },
      { label: "request span, floor fetch alone / ours", spread: spanVsFetch },
    ],
    targets: [
      {
        target: `≥ 0.95 of the ideal throughput (request span), concurrency = server cap, ${chunks} chunks`,
        measured: formatSpread({ spread: efficiency, digits: 3 }),
        hit: efficiency.median >= 0.95,
      },
      {
        target: `≥ 0.95 of the ideal throughput (request span), concurrency = server cap, ${large.toLocaleString("en")} chunks`,
        measured: formatSpread({ spread: efficiencyLarge, digits: 3 }),
        hit: efficiencyLarge.median >= 0.95,
      },
      {
        target: "≥ 0.95 of the ideal throughput (request span), concurrency = 2× server cap",
        measured: formatSpread({ spread: efficiency2x, digits: 3 }),
        hit: efficiency2x.median >= 0.95,
      },
      {
        target:
          "faster than distilabel on the same server, request span, each at its default and each at its best setting (ours: concurrency = cap, then 2× cap)",
        measured: `${formatSpread({ spread: spanVsDefault })}× / ${formatSpread({ spread: spanBestVsBest })}×`,
        hit: spanVsDefault.median > 1 && spanBestVsBest.median > 1,
      },
      {
        target: "client CPU per question reported (ours, concurrency = cap)",
        measured: formatSpread({ spread: cpuPerQuestion, digits: 2, unit: "ms" }),
        hit: true,
      },
    ],
    notes: [
      "Request span and free slot-time come from the scripted server's log (one clock for both sides). Free slot-time integrates, over the span, the server slots (of the cap) with no request in them, divided by the requests: 0 means a new request was always waiting when an answer went out. The last partial wave counts too.",
      "Start-up is measured from the moment the bench spawns the process to the first request the server receives, for both sides: Node's imports and our set-up; Python's imports, distilabel's pipeline build, its step processes and its batch hand-off. Wrap-up is the last answer to the process's exit (distilabel builds its Distiset and stops its processes; ours returns the questions).",
      "Client CPU: ours is `process.cpuUsage()` of the Node process; distilabel's is `getrusage` of the Python process plus its finished step processes (RUSAGE_CHILDREN).",
      "distilabel's own `structured_output` for OpenAILLM needs `instructor`, which the pinned eval venv does not have; the same `response_format` goes through `generation_kwargs.extra_body`, so the requests on the wire are the same as ours.",
      "The scripted server and the client share this machine's 2 cores with the Argilla peers and whatever else runs (see the load average above), so CPU contention sets the spread between runs.",
      "Floors: the very requests our chain sends, captured, sent 16 at a time with nothing of ours around them — through `ChatOpenAI.invoke` (what any LangChain.js app pays per request) and through plain `fetch` + `JSON.parse`. The gap between the ChatOpenAI floor and ours is what our chain adds between an answer and the next request: reading the answer into questions and the usage count, building the next call (for `ChatOpenAI` the chunk's `withStructuredOutput` binding is a copy of the model, whose OpenAI client is made on its first call) and building the following chunk's request; the checks share the one thread but run only once answers stop arriving. Since round nine the chain calls the model bound to the schema directly: LangChain's parsing step after it (a second JSON parse of every answer, a fallback runnable, two run trees) cost ~0.5 ms of CPU per question and 0.018 of the efficiency (paired runs, by hand).",
      "Where ours loses slot-time at the cap (server log, by hand): the first answers arrive within ~30 ms of each other and are handled one after another by code that has not run yet (V8 compiles functions on first call), ~7 ms each — receiving the answer (undici, the openai SDK, LangChain), reading it, starting the next call — and undici opens a new connection for each next request of that wave (it reuses a connection only a turn of the event loop after its answer), which is written once the event loop is free; a young-generation garbage collection of 10–15 ms falls in that wave too. So the first wave's next requests leave 100–200 ms after their answers (ours 1,900–3,300 free slot-ms for the first 16 answers, the `ChatOpenAI` floor 1,300–1,700); later waves cost ours ~8 ms per request (the floor ~6–7). Before round nine a check (the first one ~10 ms, cold) could run between two answers of that wave: checks now wait for a turn of the event loop in which no answer arrived. With the fixed latency of the scripted server the clusters persist for many waves (a real server's varying latency spreads them), which is why the 4,000-chunk run is more efficient than the 400-chunk one. The only way to have no free slot-time at all is to keep requests waiting in the server's queue, as distilabel's best setting and ours at 2× cap do.",
      ...(whyNote ? [whyNote] : []),
      `distilabel sends each batch of \`input_batch_size\` rows at once (asyncio.gather) and waits for the whole batch before the next; with a server cap of ${cap}, a batch of 50 ends with a partly idle server. A batch as large as the whole input (${tuned}) lets the server's queue do the pacing, which is its best setting here.`,
    ],
    runs,
  };
}
