import { describe, expect, it } from "vitest";
import { taskNameFor } from "./export.js";

describe("taskNameFor", () => {
  it.each([
    ["finance_exam", "finance_exam"],
    ["Acme treasury exam 2024!", "Acme_treasury_exam_2024_"],
    ["2024 report", "report"],
    ["math", "exam_math"],
    ["arc", "exam_arc"],
    ["x".repeat(80), "x".repeat(64)],
    ["!!!", "domain_exam"],
  ])("%s → %s", (given, want) => {
    expect(taskNameFor(given)).toBe(want);
  });
});
