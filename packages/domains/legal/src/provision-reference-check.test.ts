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
    "依台灣《勞動基準法》第38條，勞工在同一雇主繼續工作一年以上二年未滿者，應給予幾日特別休假？",
    "依中華民國《民法》第184條，故意以背於善良風俗之方法加損害於他人者，應負何種責任？",
    "依中華人民共和國《民法典》第一千一百六十五條，行為人因過錯侵害他人民事權益造成損害的，應當如何？",
    "依澳門《民法典》第477條，因過錯不法侵犯他人權利者有何義務？",
    "根据澳门《劳动关系法》第四十六条，雇员每年享有多少日年假？",
    "依香港《僱傭條例》第41AA條，僱員可享有多少日有薪年假？",
    "根据欧盟《通用数据保护条例》第33条，数据控制者应在多少小时内通知监管机构？",
    "依歐盟《一般資料保護規則》第33條，控制者應於多少小時內通知監管機關？",
    "ＥＵ一般データ保護規則第33条によれば、管理者は何時間以内に監督機関へ通知しなければならないか。",
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
    ["依《勞動基準法》第38條，勞工應給予幾日特別休假？", ["LEGAL_JURISDICTION_MISSING"]],
    [
      "Según el artículo 38 del Estatuto de los Trabajadores, ¿cuántos días de vacaciones corresponden?",
      ["LEGAL_JURISDICTION_MISSING"],
    ],
  ])("flags %s", (question, want) => {
    expect(codesFor(question)).toEqual(want);
  });
});
