import type { ItemAnalysis, ItemAnswer, ItemFlag, ModelResult } from "./results-format.js";

/** A question as item analysis needs it. */
export interface AnalysedQuestion {
  id: string;
  /** Index of the correct option. */
  gold: number;
  /**
   * Share of the validation panel that answered it right without the passage (`validation_closed_book`), when the
   * dataset carries validation results; null or absent otherwise.
   */
  closedBookRate?: number | null;
}

/** Letter of an option index: 0 → A. */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Pearson correlation; null when either variable has no variance (or there are fewer than two pairs). */
function pearson(x: readonly number[], y: readonly number[]): number | null {
  if (x.length < 2) return null;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // Compare against a tolerance: totals such as 1/3 + 1/3 + 1/3 leave rounding noise where the variance is zero.
  if (sxx < 1e-12 || syy < 1e-12) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Accuracy of one model on the questions whose correct answer is at each letter. Letters no question has are left
 * out. A model with a position bias (always "C") scores 1 on one letter and 0 on the others.
 *
 * @example
 * positionAccuracy({ items: [{ id: "q1", gold: 0, predicted: 0, correct: true }, { id: "q2", gold: 1, predicted: 0, correct: false }] });
 * // { A: 1, B: 0 }
 */
export function positionAccuracy(params: { items: readonly ItemAnswer[] }): Record<string, number> {
  const byLetter = new Map<number, number[]>();
  for (const item of params.items) {
    const list = byLetter.get(item.gold) ?? [];
    list.push(item.correct ? 1 : 0);
    byLetter.set(item.gold, list);
  }
  return Object.fromEntries(
    [...byLetter.entries()].sort(([a], [b]) => a - b).map(([gold, values]) => [optionLetter(gold), mean(values)]),
  );
}

/**
 * Classical item analysis of a benchmark over a panel of models (only the models whose status is `"ok"` count):
 * - difficulty: share of models right on the question;
 * - discrimination: point-biserial correlation between being right on the question (0/1) and the model's total score
 *   (its accuracy over all questions) — high when strong models get it right and weak ones miss it, near 0 or
 *   negative for noise; null when undefined;
 * - flags: `ALL_MODELS_WRONG` (at least two models, none right: check the key), `ALL_MODELS_RIGHT_CLOSED_BOOK` (every
 *   model right and the question's validation says it is answerable without the passage).
 *
 * @example
 * const items = analyseItems({ questions: [{ id: "q1", gold: 0 }], models: results.models });
 * items[0]; // { id: "q1", difficulty: 0.5, discrimination: 1, flags: [] }
 */
export function analyseItems(params: {
  /** The evaluated questions, in dataset order. */
  questions: readonly AnalysedQuestion[];
  /** The panel's results (failed models are ignored). */
  models: readonly Pick<ModelResult, "status" | "items">[];
}): ItemAnalysis[] {
  const models = params.models.filter((m) => m.status === "ok");
  const answers = models.map((m) => new Map(m.items.map((item) => [item.id, item.correct ? 1 : 0])));
  const totals = models.map((m) => (m.items.length === 0 ? 0 : mean(m.items.map((item) => (item.correct ? 1 : 0)))));
  return params.questions.map((question) => {
    const right: number[] = [];
    const withTotals: number[] = [];
    answers.forEach((byId, m) => {
      const value = byId.get(question.id);
      if (value === undefined) return;
      right.push(value);
      withTotals.push(totals[m] as number);
    });
    const difficulty = right.length === 0 ? null : mean(right);
    const flags: ItemFlag[] = [];
    if (right.length >= 2 && difficulty === 0) flags.push("ALL_MODELS_WRONG");
    if (right.length >= 1 && difficulty === 1 && question.closedBookRate === 1) {
      flags.push("ALL_MODELS_RIGHT_CLOSED_BOOK");
    }
    return { id: question.id, difficulty, discrimination: pearson(right, withTotals), flags };
  });
}
