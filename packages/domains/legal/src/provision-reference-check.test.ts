import { describe, expect, it } from "vitest";
import { provisionReferenceCheck } from "./provision-reference-check.js";

function codesFor(question: string): string[] {
  return provisionReferenceCheck.run({ question, answer: "a", distractors: [] }, {}).map((f) => f.code);
}

describe("provisionReferenceCheck", () => {
  it.each([
    "Under section 21(2) of the Residential Tenancies Act 2022 of the Republic of Varnia, how much notice is needed?",
    "Under Article 7 of the Consumer Rights Directive in the EU, how long is the withdrawal period?",
    "What does § 573c BGB provide under German law for a tenant's notice?",
    "Under s. 8 of the Housing Act 1988 (England and Wales), on what grounds may possession be sought?",
    "Which rule does clause 14.2 of the contract apply under New York law?",
    "In the State of Ohio, what does Rule 12 of the Civil Rules require?",
    "日本の労働基準法第39条によれば、入社後6か月で付与される年次有給休暇は何日か。",
    "根据中华人民共和国劳动合同法第四十条，用人单位应当提前多少日书面通知劳动者？",
  ])("accepts %s", (question) => {
    expect(codesFor(question)).toEqual([]);
  });

  it.each([
    ["How long is the withdrawal period under EU law?", ["LEGAL_PROVISION_MISSING"]],
    ["Under section 21(2), how much notice must a tenant give?", ["LEGAL_JURISDICTION_MISSING"]],
    ["Which law sets the notice a tenant must give under section 21?", ["LEGAL_JURISDICTION_MISSING"]],
    ["How much notice must a tenant give?", ["LEGAL_PROVISION_MISSING", "LEGAL_JURISDICTION_MISSING"]],
    ["年次有給休暇は何日付与されるか。", ["LEGAL_PROVISION_MISSING", "LEGAL_JURISDICTION_MISSING"]],
    ["就業規則第22条によれば、年次有給休暇は何日付与されるか。", ["LEGAL_JURISDICTION_MISSING"]],
    [
      "Según el artículo 38 del Estatuto de los Trabajadores, ¿cuántos días de vacaciones corresponden?",
      ["LEGAL_JURISDICTION_MISSING"],
    ],
  ])("flags %s", (question, want) => {
    expect(codesFor(question)).toEqual(want);
  });
});
