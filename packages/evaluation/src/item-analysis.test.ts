import { describe, expect, test } from "vitest";
import { analyseItems, positionAccuracy } from "./item-analysis.js";
import type { ItemAnswer, ModelResult } from "./results-format.js";

// Five questions (keys at A, B, C, A, D) and three models with scripted answers:
//   q1 q2 q3 q4 q5   total
// M1  1  1  1  0  0   3/5 = 0.6
// M2  1  1  0  0  0   2/5 = 0.4
// M3  1  0  0  0  1   2/5 = 0.4
const QUESTIONS = [
  { id: "q1", gold: 0, closedBookRate: 1 },
  { id: "q2", gold: 1 },
  { id: "q3", gold: 2, closedBookRate: 0.5 },
  { id: "q4", gold: 0 },
  { id: "q5", gold: 3, closedBookRate: null },
];
const RIGHT: Record<string, number[]> = {
  M1: [1, 1, 1, 0, 0],
  M2: [1, 1, 0, 0, 0],
  M3: [1, 0, 0, 0, 1],
};

function model(name: string, status: ModelResult["status"] = "ok"): Pick<ModelResult, "status" | "items"> {
  const items: ItemAnswer[] = QUESTIONS.map((q, i) => ({
    id: q.id,
    gold: q.gold,
    predicted: RIGHT[name]?.[i] ? q.gold : (q.gold + 1) % 4,
    correct: RIGHT[name]?.[i] === 1,
  }));
  return { status, items };
}

describe("analyseItems (values computed by hand)", () => {
  const items = analyseItems({ questions: QUESTIONS, models: [model("M1"), model("M2"), model("M3")] });
  const byId = Object.fromEntries(items.map((i) => [i.id, i]));

  test("difficulty is the share of models right", () => {
    expect(items.map((i) => i.difficulty)).toEqual([1, 2 / 3, 1 / 3, 0, 1 / 3]);
  });

  test("discrimination is the point-biserial correlation with the models' totals (0.6, 0.4, 0.4)", () => {
    // q2: right = [1,1,0]; deviations x = [1/3,1/3,-2/3], y = [2/15,-1/15,-1/15];
    // sxy = 2/45 - 1/45 + 2/45 = 1/15, sxx = 2/3, syy = 6/225 → r = (1/15) / sqrt(2/3 · 6/225) = 0.5
    expect(byId.q2?.discrimination).toBeCloseTo(0.5, 12);
    // q3: right = [1,0,0] follows the totals exactly → 1
    expect(byId.q3?.discrimination).toBeCloseTo(1, 12);
    // q5: only the weakest-but-one model is right → -0.5 (a question that rewards the wrong models)
    expect(byId.q5?.discrimination).toBeCloseTo(-0.5, 12);
  });

  test("discrimination is null when every model is right or every model wrong", () => {
    expect(byId.q1?.discrimination).toBeNull();
    expect(byId.q4?.discrimination).toBeNull();
  });

  test("ALL_MODELS_WRONG marks the question nobody got; ALL_MODELS_RIGHT_CLOSED_BOOK needs a closed-book rate of 1", () => {
    expect(items.map((i) => [i.id, i.flags])).toEqual([
      ["q1", ["ALL_MODELS_RIGHT_CLOSED_BOOK"]],
      ["q2", []],
      ["q3", []],
      ["q4", ["ALL_MODELS_WRONG"]],
      ["q5", []],
    ]);
  });

  test("failed models do not count, and one model alone never raises ALL_MODELS_WRONG", () => {
    const alone = analyseItems({ questions: QUESTIONS, models: [model("M2"), model("M1", "failed")] });
    expect(alone.map((i) => i.difficulty)).toEqual([1, 1, 0, 0, 0]);
    expect(alone.every((i) => i.discrimination === null)).toBe(true);
    expect(alone.flatMap((i) => i.flags)).toEqual(["ALL_MODELS_RIGHT_CLOSED_BOOK"]);
  });

  test("with no model that ran, difficulty is null", () => {
    expect(analyseItems({ questions: QUESTIONS, models: [model("M1", "failed")] })[0]).toEqual({
      id: "q1",
      difficulty: null,
      discrimination: null,
      flags: [],
    });
  });

  test("equal totals leave discrimination undefined even when answers differ", () => {
    // M2 and M3 both score 0.4 but disagree on q2 and q5.
    const tied = analyseItems({ questions: QUESTIONS, models: [model("M2"), model("M3")] });
    expect(tied.find((i) => i.id === "q2")?.discrimination).toBeNull();
  });
});

describe("positionAccuracy", () => {
  test("accuracy per key letter, letters no question has left out", () => {
    expect(positionAccuracy({ items: model("M1").items })).toEqual({ A: 0.5, B: 1, C: 1, D: 0 });
    expect(positionAccuracy({ items: model("M3").items })).toEqual({ A: 0.5, B: 0, C: 0, D: 1 });
    expect(positionAccuracy({ items: model("M3").items.slice(0, 2) })).toEqual({ A: 1, B: 0 });
  });
});
