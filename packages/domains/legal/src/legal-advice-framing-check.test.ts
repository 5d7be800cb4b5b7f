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
    "勤続6年6か月以上の従業員に毎年付与される年次有給休暇の日数は何日か。",
    "日本の民法第622条の2によれば、賃借人が自分の債務を履行しないとき、賃貸人は敷金をどのように充当できるか。",
    "さくらマート会員規約第8条で、会員が注文を取り消すことができるのはいつまでか。",
    "依照《中华人民共和国劳动合同法》第十九条，劳动合同期限一年以上不满三年的，试用期最长不得超过多久？",
    "根据我国《劳动法》第四十四条，法定休假日安排劳动者工作的，应支付不低于工资的百分之多少的工资报酬？",
    "依台灣《勞動基準法》第38條，勞工在同一雇主繼續工作一年以上二年未滿者，應給予幾日特別休假？",
    "依我國《民法》第423條，出租人應以合於所約定使用收益之租賃物交付承租人，是否正確？",
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
    ["日本の民法第622条の2によれば、私は敷金の返還を請求すべきですか。", "私は敷金の返還を請求すべき"],
    ["私は借地借家法第28条により更新を拒絶できますか。", "私は借地借家法第28条により更新を拒絶できますか"],
    ["私の大家が敷金を返しません。民法第622条の2では何と定めているか。", "私の大家"],
    ["賃料を払わない借主に対して、どうすればよいですか。", "どうすればよいですか"],
    ["根据《民法典》第七百二十二条，我应该在多少日内支付租金吗？", "我应该"],
    ["依台灣《民法》第423條，我可以要求房東修繕嗎？", "我可以"],
    ["我的房东扣留押金，依据《民法典》第七百二十二条应如何处理？", "我的房东"],
    ["我的房東不退押金，依《民法》第423條應如何處理？", "我的房東"],
    ["依《勞動基準法》第38條，我是否需要提前申請特別休假？", "我是否"],
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

  it.each([
    [
      "a Japanese",
      "借地借家法第27条によれば、解約の申入れは何か月前にしなければならないか。",
      "あなたは6か月前に申し入れるべきです",
    ],
    ["a Chinese", "依照《民法典》第七百三十条，不定期租赁的当事人何时可以解除合同？", "你应该提前三十日通知对方"],
  ])("flags %s answer framed as advice", (_language, question, answer) => {
    const findings = findingsFor(question, answer);
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining("the answer is framed as legal advice")]);
  });
});
