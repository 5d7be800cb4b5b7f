import { describe, expect, it } from "vitest";
import { legalAdviceFramingCheck } from "./legal-advice-framing-check.js";

function findingsFor(question: string, answer = "Within 21 days") {
  return legalAdviceFramingCheck.run({ question, answer, distractors: [] }, {});
}

describe("legalAdviceFramingCheck", () => {
  it.each([
    "Under section 21(2) of the Varnian Act, how much notice must a tenant give?",
    "Under Article 9, what must the trader do after a consumer withdraws?",
    "Which party may apply to the Housing Tribunal under section 13(3)?",
    "Under section 12, may a landlord require a holding deposit?",
  ])("accepts %s", (question) => {
    expect(findingsFor(question)).toEqual([]);
  });

  it.each([
    ["Should I withhold rent under section 13?", "Should I"],
    ["My landlord kept my deposit; what does section 13 allow?", "My landlord"],
    ["Can I withdraw from the contract under Article 7?", "Can I"],
    ["Under section 21, do I have to give written notice?", "do I have"],
    ["What would you advise a tenant under section 21?", "What would you advise"],
    ["Am I liable for repairs under section 14?", "Am I"],
  ])("flags %s as an error quoting %s", (question, phrase) => {
    const [finding] = findingsFor(question);
    expect(finding?.code).toBe("LEGAL_ADVICE_FRAMING");
    expect(finding?.severity).toBe("error");
    expect(finding?.message).toContain(`"${phrase}"`);
  });

  it("flags an answer framed as advice", () => {
    const findings = findingsFor("Under section 21(2), how much notice must a tenant give?", "You should give 30 days");
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining("the answer is framed as legal advice")]);
  });
});
