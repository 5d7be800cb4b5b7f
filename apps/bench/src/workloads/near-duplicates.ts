import { DEFAULT_DUPLICATE_THRESHOLD, findDuplicateQuestions } from "@domain-eval/core";
import { writeExamQuestions } from "@domain-eval/testing";
import type { BenchContext } from "../bench-context.js";
import { formatSpread, spreadOf } from "../run-statistics.js";
import { syntheticChunks } from "../synthetic-corpus.js";
import type { WorkloadReport } from "../workload-report.js";

/** Every this many questions, one is a planted rewording (case, quotes, question mark) of the one 50 before it. */
const PLANTED_EVERY = 100;

/**
 * `count` questions as the generation workload's run ends with them: the scripted exam writer's three questions per
 * synthetic chunk ("Which option completes this statement: …" with the figure blanked), so they share most of their
 * words and mention no numbers — the case where a candidate search degenerates into comparing nearly every pair.
 * Every 100th is a planted near-duplicate of the question 50 before it; `planted` maps its id to that question's.
 */
export function generatedQuestions(params: { count: number }): {
  questions: { id: string; question: string }[];
  planted: Map<string, string>;
} {
  const chunks = syntheticChunks({ count: Math.ceil(params.count / 3) });
  const out: { id: string; question: string }[] = [];
  for (const [c, chunk] of chunks.entries()) {
    for (const [q, written] of writeExamQuestions(chunk.pageContent, 3, 3).entries()) {
      if (out.length < params.count) out.push({ id: `c${c}-q${q}`, question: written.question });
    }
  }
  if (out.length !== params.count) throw new Error(`near-duplicates: built ${out.length} of ${params.count} questions`);
  const planted = new Map<string, string>();
  for (let i = PLANTED_EVERY - 1; i < out.length; i += PLANTED_EVERY) {
    const original = out[i - 50] as { id: string; question: string };
    const id = `planted-${i}`;
    out[i] = { id, question: original.question.toLowerCase().replace(/[?"]/gu, "") };
    planted.set(id, original.id);
  }
  return { questions: out, planted };
}

/**
 * Workload 8: the run-wide near-duplicate filter (`findDuplicateQuestions`, what `generateExam`'s `finish()` runs
 * after the last answer) over the generation workload's questions, at the 4,000-chunk run's 12,000 questions and at
 * 40,000, in this process. No Python tool does this step, so there is no other side.
 *
 * @example
 * const report = await benchNearDuplicates({ ctx });
 */
export async function benchNearDuplicates(params: { ctx: BenchContext }): Promise<WorkloadReport> {
  const { ctx } = params;
  const sizes = ctx.sizes.nearDuplicateQuestions;
  const seconds = new Map<number, number[]>(sizes.map((n) => [n, []]));
  const flaggedBySize = new Map<number, number>();
  const runs: WorkloadReport["runs"] = [];
  for (let run = 0; run < ctx.runs; run++) {
    for (const count of sizes) {
      const { questions, planted } = generatedQuestions({ count });
      const started = performance.now();
      const found = findDuplicateQuestions({ questions, threshold: DEFAULT_DUPLICATE_THRESHOLD });
      const wall = (performance.now() - started) / 1000;
      // the planted rewordings, each naming its original, and nothing else
      const wrong = [...found].filter(([id, [finding]]) => finding?.data?.duplicateOf !== planted.get(id));
      if (found.size !== planted.size || wrong.length > 0) {
        throw new Error(
          `near-duplicates broke: ${found.size} flagged of ${count} questions, ${planted.size} planted; ${wrong.length} flagged without being planted or naming another question`,
        );
      }
      flaggedBySize.set(count, found.size);
      seconds.get(count)?.push(wall);
      runs.push({ side: `${count} questions`, run, result: { wallSeconds: wall, flagged: found.size } });
      ctx.log(`  run ${run + 1}, ${count} questions: ${wall.toFixed(3)} s, ${found.size} flagged`);
    }
  }
  const rows = sizes.map((count) => {
    const time = spreadOf({ values: seconds.get(count) ?? [] });
    const perSecond = spreadOf({ values: (seconds.get(count) ?? []).map((s) => count / s) });
    return {
      count,
      time,
      row: {
        side: `findDuplicateQuestions, ${count.toLocaleString("en-US")} questions (threshold ${DEFAULT_DUPLICATE_THRESHOLD})`,
        cells: [
          formatSpread({ spread: time, digits: 3, unit: "s" }),
          formatSpread({ spread: perSecond, digits: 0 }),
          String(flaggedBySize.get(count) ?? 0),
        ],
      },
    };
  });
  const small = rows[0];
  const large = rows.at(-1);
  const perQuestion = (r: (typeof rows)[number]) => r.time.median / r.count;
  const growth = small && large ? perQuestion(large) / perQuestion(small) : 1;
  return {
    key: "near-duplicates",
    title: "8. Near-duplicate filter (generation wrap-up)",
    setup:
      `\`findDuplicateQuestions\` (core's exact near-duplicate index; what \`generateExam\` runs over the whole run after the last answer) over ${sizes.map((n) => n.toLocaleString("en-US")).join(" and ")} questions written by the scripted exam writer from the synthetic chunks (3 per chunk, as in workload 1): one template, a small vocabulary, no numbers, so most words are shared by every question; every 100th is a planted rewording of an earlier one, and exactly those must be flagged. ` +
      "In the bench's process, questions built before the clock starts.",
    columns: ["wall time", "questions per second", "flagged as near-duplicates"],
    rows: rows.map((r) => r.row),
    ratios: [],
    targets: [
      ...(small
        ? [
            {
              target: `${small.count.toLocaleString("en-US")} questions in ≤ 1 s (the 4,000-chunk run's wrap-up; its request span is ~60 s)`,
              measured: formatSpread({ spread: small.time, digits: 3, unit: "s" }),
              hit: small.time.median <= 1,
            },
          ]
        : []),
      ...(small && large && large !== small
        ? [
            {
              target: `time per question at ${large.count.toLocaleString("en-US")} ≤ 2× that at ${small.count.toLocaleString("en-US")} (scales about linearly)`,
              measured: `${growth.toFixed(2)}×`,
              hit: growth <= 2,
            },
          ]
        : []),
    ],
    notes: [
      "Exact: every earlier question at or above the threshold is considered (tests compare it with the pairwise definition on random and adversarial sets). Candidates come from a prefix filter over stems ordered by rarity and a length filter; questions that mention different numbers are never compared.",
    ],
    runs,
  };
}
