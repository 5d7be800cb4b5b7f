import { availableParallelism } from "node:os";
import { fetchEmbeddedModel } from "@domain-eval/local-model";
import {
  multipleChoiceHandler,
  readingPanel,
  startScriptedOpenAIServer,
  VALIDATION_QUESTIONS,
} from "@domain-eval/testing";
import {
  createEndpointMember,
  createLocalMember,
  type ValidatableQuestion,
  validateQuestions,
} from "@domain-eval/validator";
import type { BenchContext } from "../bench-context.js";
import { formatSpread, spreadOf } from "../run-statistics.js";
import type { WorkloadReport } from "../workload-report.js";

/** `count` questions: the four fixture kinds (clean, wrong key, trivia, giveaway) repeated with distinct ids. */
function benchQuestions(count: number): ValidatableQuestion[] {
  const kinds = Object.values(VALIDATION_QUESTIONS);
  return Array.from({ length: count }, (_, i) => {
    const q = kinds[i % kinds.length] as (typeof kinds)[number];
    return { ...q, id: `${q.id}-${i}`, distractors: [...q.distractors] };
  });
}

/**
 * Workload 5: `validateQuestions` — calls per question and wall time against the scripted OpenAI-compatible server
 * (fixed latency, capped concurrency), and the real SmolLM2's answers per second on this machine (local, log-likelihood
 * scoring, threads = the cores). No Python tool does this, so there is no other side.
 *
 * @example
 * const report = await benchValidation({ ctx });
 */
export async function benchValidation(params: { ctx: BenchContext }): Promise<WorkloadReport> {
  const { ctx } = params;
  const { validationQuestions: count, validationLatencyMs: latencyMs, validationLocalQuestions } = ctx.sizes;
  const questions = benchQuestions(count);
  const server = await startScriptedOpenAIServer({
    handler: multipleChoiceHandler({ decide: readingPanel }),
    latencyMs,
    maxConcurrency: 16,
  });
  const seconds: number[] = [];
  const callsPerQuestion: number[] = [];
  const runs: WorkloadReport["runs"] = [];
  try {
    for (let run = 0; run < ctx.runs; run++) {
      const member = createEndpointMember({ baseUrl: server.url, model: "scripted", concurrency: 16 });
      const started = performance.now();
      const { stats, results } = await validateQuestions({ questions, panel: [member] });
      const wall = (performance.now() - started) / 1000;
      const flagged = results.filter((r) => r.findings.length > 0).length;
      // clean questions are a quarter of the set and must stay unflagged
      if (stats.validated !== count || flagged !== count - Math.ceil(count / 4)) {
        throw new Error(`validation broke: ${stats.validated} of ${count} validated, ${flagged} flagged`);
      }
      seconds.push(wall);
      callsPerQuestion.push(stats.calls / count);
      runs.push({ side: "scripted", run, result: { ...stats, wallSeconds: wall } });
      ctx.log(`  run ${run + 1} scripted: ${wall.toFixed(2)} s, ${stats.calls} calls`);
    }
  } finally {
    await server.close();
  }

  const threads = availableParallelism();
  const { path } = await fetchEmbeddedModel({ model: "smollm2-135m-instruct" });
  const answersPerSecond: number[] = [];
  for (let run = 0; run < ctx.runs; run++) {
    // A fresh member per run: a member reuses the scores of option texts it has seen (by content, whatever the
    // id), so a second run on the same member would time a cache. Each run loads the model the same way.
    const local = createLocalMember({ modelFile: path, threads, name: "smollm2-135m-instruct" });
    try {
      const sample = benchQuestions(validationLocalQuestions).map((q) => ({ ...q, id: `${q.id}-r${run}` }));
      const started = performance.now();
      const { stats } = await validateQuestions({ questions: sample, panel: [local] });
      const wall = (performance.now() - started) / 1000;
      answersPerSecond.push(stats.calls / wall);
      runs.push({ side: "smollm2", run, result: { ...stats, wallSeconds: wall } });
      ctx.log(`  run ${run + 1} SmolLM2: ${stats.calls} answers in ${wall.toFixed(2)} s`);
    } finally {
      await local.dispose?.();
    }
  }

  const time = spreadOf({ values: seconds });
  const calls = spreadOf({ values: callsPerQuestion });
  const rate = spreadOf({ values: answersPerSecond });
  return {
    key: "validation",
    title: "5. Validation",
    setup:
      `${count} questions (clean, wrong key, trivia, giveaway options, repeated) validated by one endpoint model on the scripted server (${latencyMs} ms per answer, 16 at a time): open book, order swap, closed book and options only, 4 orders each. ` +
      `Then ${validationLocalQuestions} questions with the real SmolLM2-135M (Q4_1, local, ${threads} thread(s), log-likelihood of each option's text).`,
    columns: ["wall time", "calls per question", "answers per second"],
    rows: [
      {
        side: "scripted endpoint panel (1 model)",
        cells: [
          formatSpread({ spread: time, digits: 2, unit: "s" }),
          formatSpread({ spread: calls, digits: 1 }),
          formatSpread({ spread: spreadOf({ values: seconds.map((s) => (count * calls.median) / s) }), digits: 0 }),
        ],
      },
      { side: "SmolLM2-135M local panel (1 model)", cells: ["–", "12", formatSpread({ spread: rate, digits: 1 })] },
    ],
    ratios: [],
    targets: [
      {
        target: "3 × options calls per question and model (12 for 4 options)",
        measured: formatSpread({ spread: calls, digits: 1 }),
        hit: calls.median === 12,
      },
    ],
    notes: [
      "A local model scores option texts without listing them, so the order cannot change its answer: each question needs three scorings (open book, closed book, options only) and the other orders reuse them; answers per second counts all twelve.",
      "Wall time against the scripted server is bound by its latency and the 16 answers in flight: about calls × latency / 16.",
    ],
    runs,
  };
}
