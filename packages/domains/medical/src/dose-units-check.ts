import type { Finding, QualityCheck } from "@domain-eval/core";

const DOSING_QUESTION =
  /\b(?:doses?|dosing|dosage|dosed|administer(?:ed)?|infusions?|loading|maintenance|titrat\w*|how\s+much|regimen|prescribed)\b/iu;
/**
 * Japanese and Chinese dosing words (no word boundaries in those scripts): 服用量, 投与量, 用量, 1回量, 用法用量, 内服,
 * 点滴; 剂量 / 劑量, 服用, 口服, 给药 / 給藥, 一次服用, 每次, 多少毫克, 几片.
 */
const CJK_DOSING_QUESTION =
  /服用|投与|投薬|用量|内服|頓服|点滴|静注|静脈内投与|注射量|[1１一][回日]量|[1１一]回あたり|何(?:mg|ミリグラム|マイクログラム|錠|カプセル|単位|mL|ml|滴|包)|[剂劑]量|口服|服[药藥]|[给給][药藥]|用[药藥]|[静靜][注滴]|[输輸]注|[一每]次(?:的)?(?:服|口服|用|[给給]|注射|吃|量)|每日最大|多少(?:毫克|微克|毫升|[单單]位|片|粒)|[几幾](?:片|粒|毫克)/u;
const UNIT =
  "mg|g|kg|mcg|µg|μg|micrograms?|milligrams?|grams?|nanograms?|ng|mL|ml|L|litres?|liters?|IU|international\\s+units?|units?|mmol|mEq|tablets?|capsules?|puffs?|drops?|sachets?|patch(?:es)?|hours?|hrs?|h|minutes?|mins?|days?|weeks?|months?|years?|breaths|mmHg";
/** Japanese and Chinese units and counters, written straight after the number: 200ミリグラム, 500毫克, 2錠, 1片, 3日. */
const CJK_UNIT =
  "ミリグラム|マイクログラム|ナノグラム|グラム|ミリリットル|リットル|国際単位|単位|錠|カプセル|包|滴|噴霧|吸入|枚|本|時間|分|日|週間|週|か月|ヶ月|カ月|年|回|毫克|微克|纳克|納克|克|毫升|升|国际单位|國際單位|单位|單位|片|粒|丸|袋|支|喷|噴|揿|貼|贴|小时|小時|分钟|分鐘|天|周|个月|個月|次";
const NUMBER_WITH_UNIT = new RegExp(String.raw`\d(?:[\d,]*\d)?(?:\.\d+)?\s*(?:%|(?:${UNIT})\b|(?:${CJK_UNIT}))`, "u");
const DOSE_UNIT =
  /\d\s*(?:(?:mg|mcg|µg|μg|micrograms?|milligrams?|grams?|g|mL|ml|IU|units?|mmol|mEq)\b|ミリグラム|マイクログラム|グラム|ミリリットル|単位|毫克|微克|克|毫升|[单單]位)/u;
const DIGIT = /\d/u;

/**
 * Medical check: in a dosing question (it asks about a dose, a regimen or "how much" — in Japanese 服用量, 投与量, 用量,
 * 1回量; in Chinese 剂量, 服用, 一次 — or the answer is a dose), every option with a number must carry its unit (mg,
 * micrograms, mL, units, mmol, per-day …; ミリグラム, 錠, 毫克, 片, 粒 …). A bare "500" is ambiguous —
 * 500 mg and 500 micrograms differ a thousandfold — and a unitless distractor is an easy giveaway. A unitless answer
 * is an error; a unitless distractor a warning.
 *
 * @example
 * // answer "300", distractors "150 micrograms", … → DOSE_WITHOUT_UNIT (error) on the answer
 * checkQuestion({ question, extraChecks: [doseUnitsCheck] });
 */
export const doseUnitsCheck: QualityCheck = {
  name: "dose-units",
  codes: ["DOSE_WITHOUT_UNIT"],
  description: "In a dosing question, every numeric option carries its unit (mg, micrograms, mL, units, per day …).",
  run(question): Finding[] {
    // NFKC: full-width digits and units (２００ｍｇ) are the same as half-width ones.
    const options = [question.answer, ...question.distractors];
    const stem = question.question.normalize("NFKC");
    const dosing =
      DOSING_QUESTION.test(stem) || CJK_DOSING_QUESTION.test(stem) || DOSE_UNIT.test(question.answer.normalize("NFKC"));
    if (!dosing) return [];
    const out: Finding[] = [];
    options.forEach((option, index) => {
      const text = option.normalize("NFKC");
      if (!DIGIT.test(text) || NUMBER_WITH_UNIT.test(text)) return;
      const which = index === 0 ? "the answer" : `distractor ${index}`;
      out.push({
        code: "DOSE_WITHOUT_UNIT",
        severity: index === 0 ? "error" : "warning",
        message: `${which} ("${option}") gives a dose without a unit: write the unit as the source does, e.g. "500 mg", "300 micrograms", "200mg" or "500毫克"`,
      });
    });
    return out;
  },
};
