import { describe, expect, it } from "vitest";
import { patientAdviceFramingCheck } from "./patient-advice-framing-check.js";

function findingsFor(question: string, answer = "300 micrograms") {
  return patientAdviceFramingCheck.run({ question, answer, distractors: [] }, {});
}

describe("patientAdviceFramingCheck", () => {
  it.each([
    "An 8-year-old girl has stridor after a wasp sting. What intramuscular adrenaline dose is given?",
    "A 72-year-old man is newly confused with a urea of 9 mmol/L. What is his CURB-65 score?",
    "Which type I hypersensitivity reaction is described in the vignette patient?",
    "What should the ward team do at 48 hours according to the guideline?",
  ])("accepts %s", (question) => {
    expect(findingsFor(question)).toEqual([]);
  });

  it.each([
    ["Should I take amoxicillin for my cough?", "Should I take"],
    ["How much paracetamol should I give?", "should I give"],
    ["How many tablets a day is too many for my liver?", "my liver"],
    ["My child was stung by a wasp; what dose is needed?", "My child"],
    ["I have a rash after contrast. Is it anaphylaxis?", "I have"],
    ["Is it safe for me to stop clarithromycin early?", "Is it safe for me"],
  ])("flags %s as an error quoting %s", (question, phrase) => {
    const [finding] = findingsFor(question);
    expect(finding?.code).toBe("PATIENT_ADVICE_FRAMING");
    expect(finding?.severity).toBe("error");
    expect(finding?.message).toContain(`"${phrase}"`);
  });

  it("flags an answer that addresses the reader", () => {
    const findings = findingsFor("What is first-line treatment?", "You should take adrenaline 500 micrograms");
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining("the answer reads as personal medical advice"),
    ]);
  });
});
