import { describe, expect, it } from "vitest";
import { doseUnitsCheck } from "./dose-units-check.js";

function findingsFor(question: string, answer: string, distractors: string[]) {
  return doseUnitsCheck.run({ question, answer, distractors }, {});
}

describe("doseUnitsCheck", () => {
  it.each([
    [
      "What intramuscular adrenaline dose is given?",
      "300 micrograms",
      ["150 micrograms", "500 micrograms", "30 micrograms"],
    ],
    [
      "What is the regimen?",
      "500 mg three times a day",
      ["250 mg twice a day", "1 g once a day", "0.5 g every 8 hours"],
    ],
    ["How much adrenaline solution is drawn up?", "0.3 mL", ["3 mL", "0.15 mL", "0.5 mL"]],
    ["What dose of insulin is given?", "10 units", ["1 unit", "100 units", "5 units"]],
    ["What is the loading dose?", "15 mg/kg", ["1.5 mg/kg", "30 mg/kg", "5 mg/kg"]],
    ["What is the CURB-65 score?", "3", ["2", "4", "1"]],
    ["Which drug is first choice?", "Amoxicillin", ["Doxycycline", "Clarithromycin", "Co-amoxiclav"]],
  ])("accepts %s → %s", (question, answer, distractors) => {
    expect(findingsFor(question, answer, distractors)).toEqual([]);
  });

  it("reports a unitless answer as an error and unitless distractors as warnings", () => {
    const findings = findingsFor("What dose of amoxicillin is given?", "500", ["250 mg", "1000", "100 mg"]);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ["DOSE_WITHOUT_UNIT", "error"],
      ["DOSE_WITHOUT_UNIT", "warning"],
    ]);
    expect(findings[1]?.message).toContain('distractor 2 ("1000")');
  });

  it("treats a question as a dosing question when the answer is a dose, whatever the wording", () => {
    const findings = findingsFor("Which option matches the guideline?", "500 mg", ["250", "1 g", "100 mg"]);
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('distractor 1 ("250")')]);
  });
});
