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
    "ルミナフェン錠200mgの成人の1回の服用量はどれか。",
    "ルミナフェン錠200mgの服用後に発疹やかゆみがあらわれた場合、どうすべきとされているか。",
    "65歳の男性。3日前から発熱がある。あなたが主治医であれば、次に行うべき検査はどれか。",
    "布洛芬缓释胶囊用于解热3天后症状仍不缓解，应当怎么做？",
    "我院收治一名65岁男性患者，发热3天。首选的检查是什么？",
    "成人服用乙醯胺酚錠500毫克，每日最大劑量不得超過多少？",
    "我国《国家基本药物目录》中阿莫西林的成人常用剂量是多少？",
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
    ["私は頭痛がするのですが、ルミナフェン錠を何錠飲めばよいですか。", "私は"],
    ["私の子どもが発熱しています。解熱剤の量はどれか。", "私の"],
    ["うちの子に大人用の解熱剤を飲ませてもいいですか。", "うちの子"],
    ["ルミナフェン錠を飲んでもいいですか。", "飲んでもいいですか"],
    ["発疹が出たらどうすればよいですか。", "どうすればよいですか"],
    ["我发烧三天了，可以吃布洛芬吗？", "我"],
    ["我的孩子发烧，应该吃多少布洛芬？", "我"],
    ["我應該每天吃幾顆乙醯胺酚？", "我"],
    ["你应该服用多少布洛芬？", "你应该"],
  ])("flags %s as an error quoting %s", (question, phrase) => {
    const [finding] = findingsFor(question);
    expect(finding?.code).toBe("PATIENT_ADVICE_FRAMING");
    expect(finding?.severity).toBe("error");
    expect(finding?.message).toContain(`"${phrase}"`);
  });

  it.each([
    ["Japanese", "ルミナフェン錠の服用後に発疹が出た場合の対応はどれか。", "あなたは直ちに服用を中止してください"],
    ["Chinese", "布洛芬缓释胶囊用于解热3天后症状仍不缓解，应当怎么做？", "你应该停止用药并咨询医师"],
  ])("flags a %s answer that addresses the reader", (_language, question, answer) => {
    const findings = findingsFor(question, answer);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining("the answer reads as personal medical advice"),
    ]);
  });

  it("flags an answer that addresses the reader", () => {
    const findings = findingsFor("What is first-line treatment?", "You should take adrenaline 500 micrograms");
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining("the answer reads as personal medical advice"),
    ]);
  });
});
