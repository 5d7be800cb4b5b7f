import type { Finding, QualityCheck } from "@domain-eval/core";

const DOSING_QUESTION =
  /\b(?:doses?|dosing|dosage|dosed|administer(?:ed)?|infusions?|loading|maintenance|titrat\w*|how\s+much|regimen|prescribed)\b/iu;
const UNIT =
  "mg|g|kg|mcg|µg|μg|micrograms?|milligrams?|grams?|nanograms?|ng|mL|ml|L|litres?|liters?|IU|international\\s+units?|units?|mmol|mEq|tablets?|capsules?|puffs?|drops?|sachets?|patch(?:es)?|hours?|hrs?|h|minutes?|mins?|days?|weeks?|months?|years?|breaths|mmHg";
const NUMBER_WITH_UNIT = new RegExp(String.raw`\d(?:[\d,]*\d)?(?:\.\d+)?\s*(?:%|(?:${UNIT})\b)`, "u");
const DOSE_UNIT = /\d\s*(?:mg|mcg|µg|μg|micrograms?|milligrams?|grams?|g|mL|ml|IU|units?|mmol|mEq)\b/u;
const DIGIT = /\d/u;

/**
 * Medical check: in a dosing question (it asks about a dose, a regimen or "how much", or the answer is a dose), every
 * option with a number must carry its unit (mg, micrograms, mL, units, mmol, per-day …). A bare "500" is ambiguous —
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
    const options = [question.answer, ...question.distractors];
    const dosing = DOSING_QUESTION.test(question.question) || DOSE_UNIT.test(question.answer);
    if (!dosing) return [];
    const out: Finding[] = [];
    options.forEach((option, index) => {
      if (!DIGIT.test(option) || NUMBER_WITH_UNIT.test(option)) return;
      const which = index === 0 ? "the answer" : `distractor ${index}`;
      out.push({
        code: "DOSE_WITHOUT_UNIT",
        severity: index === 0 ? "error" : "warning",
        message: `${which} ("${option}") gives a dose without a unit: write the unit as the source does, e.g. "500 mg" or "300 micrograms"`,
      });
    });
    return out;
  },
};
