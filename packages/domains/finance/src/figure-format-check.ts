import type { Finding, QualityCheck } from "@domain-eval/core";
import { extractFigures, type Figure } from "./figures.js";

function kind(figure: Figure): string {
  if (figure.percent) return "a percentage";
  if (figure.multiple) return "a multiple";
  if (figure.currency) return "an amount of money";
  return "a plain number";
}

/**
 * Finance check: when the answer is a figure, every distractor must be a figure of the same kind (percentage, multiple,
 * amount of money). A lone percentage among amounts gives the answer away without any reasoning.
 *
 * @example
 * // answer "14.2%", distractors "12.3%", "€58.6 million", "15.1%" → FIGURE_FORMAT_GIVEAWAY on "€58.6 million"
 * checkQuestion({ question, extraChecks: [figureFormatCheck] });
 */
export const figureFormatCheck: QualityCheck = {
  name: "figure-format",
  codes: ["FIGURE_FORMAT_GIVEAWAY"],
  description:
    "When the answer is a figure, every distractor is a figure of the same kind (percentage, multiple, amount), so the format gives nothing away.",
  run(question): Finding[] {
    const answerFigure = extractFigures({ text: question.answer }).find((f) => !f.date);
    if (!answerFigure) return [];
    const want = kind(answerFigure);
    const out: Finding[] = [];
    question.distractors.forEach((distractor, index) => {
      const figure = extractFigures({ text: distractor }).find((f) => !f.date);
      const got = figure ? kind(figure) : "not a figure";
      if (got !== want) {
        out.push({
          code: "FIGURE_FORMAT_GIVEAWAY",
          severity: "warning",
          message: `the answer is ${want} but distractor ${index + 1} ("${distractor}") is ${got}: write distractors in the answer's format`,
        });
      }
    });
    return out;
  },
};
