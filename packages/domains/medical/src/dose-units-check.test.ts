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
    ["ルミナフェン錠200mgの成人の1回の服用量はどれか。", "200mg", ["100mg", "300mg", "400mg"]],
    ["ルミナフェン錠200mgを成人が服用する場合、1日の最大量はいくらか。", "600mg", ["400mg", "800mg", "1200mg"]],
    ["成人の1回量は何錠か。", "2錠", ["1錠", "3錠", "4錠"]],
    ["インスリンの投与量はどれか。", "１０単位", ["５単位", "２０単位", "１００単位"]],
    ["成人服用乙醯胺酚錠500毫克，每日最大劑量不得超過多少？", "4000毫克", ["2000毫克", "3000毫克", "5000毫克"]],
    ["布洛芬缓释胶囊成人一次服用几粒？", "1粒", ["2粒", "3粒", "半粒"]],
    [
      "阿莫西林胶囊的用法用量是什么？",
      "一次0.5克，一日3次",
      ["一次1克，一日3次", "一次0.25克，一日1次", "一次2克，一日2次"],
    ],
    ["布洛芬缓释胶囊用于解热时，连续使用不得超过几天？", "3", ["5", "7", "10"]],
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

  it.each([
    ["ルミナフェン錠200mgの成人の1回の服用量はどれか。", "200", ["100mg", "300mg", "400mg"]],
    ["ロキソプロフェンの1回量はどれか。", "60", ["30mg", "120mg", "180mg"]],
    ["小児への投与量はどれか。", "10", ["5mg/kg", "20mg/kg", "40mg/kg"]],
    ["布洛芬缓释胶囊成人的一次剂量是多少？", "300", ["150毫克", "600毫克", "900毫克"]],
    ["成人服用乙醯胺酚，每日最大劑量不得超過多少？", "4000", ["2000毫克", "3000毫克", "5000毫克"]],
    ["阿莫西林的用法用量是什么？", "500", ["250毫克", "1克", "125毫克"]],
  ])("reports the unitless answer of the Japanese or Chinese dosing question %s", (question, answer, distractors) => {
    const findings = findingsFor(question, answer, distractors);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([["DOSE_WITHOUT_UNIT", "error"]]);
    expect(findings[0]?.message).toContain(`the answer ("${answer}")`);
  });

  it("reports a unitless distractor among Chinese doses, the answer being a dose whatever the wording", () => {
    const findings = findingsFor("下列哪项符合说明书？", "500毫克", ["250", "1克", "100毫克"]);
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('distractor 1 ("250")')]);
  });

  it("treats a question as a dosing question when the answer is a dose, whatever the wording", () => {
    const findings = findingsFor("Which option matches the guideline?", "500 mg", ["250", "1 g", "100 mg"]);
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining('distractor 1 ("250")')]);
  });
});
