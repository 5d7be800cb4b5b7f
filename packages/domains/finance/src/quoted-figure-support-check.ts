import type { Finding, QualityCheck } from "@domain-eval/core";
import { extractFigures, type Figure } from "./figures.js";

/** Values one step of arithmetic away from the quoted figures: what a reviewer can verify from the quotes alone. */
function derivableValues(quoted: readonly Figure[]): number[] {
  const values = new Set<number>();
  const bases = [...new Set(quoted.flatMap((f) => [f.value, f.absolute]))];
  for (const a of bases) values.add(a);
  for (const a of bases) {
    for (const b of bases) {
      values.add(a + b);
      values.add(a - b);
      values.add(a * b);
      if (b !== 0) {
        values.add(a / b);
        values.add((a / b) * 100); // share, margin, ratio in per cent
        values.add(((a - b) / b) * 100); // change in per cent
      }
    }
  }
  values.add(quoted.reduce((sum, f) => sum + f.value, 0)); // a total of the quoted lines
  return [...values];
}

function matches(target: Figure, candidate: number): boolean {
  // the answer is rounded to its own decimals; allow that rounding and nothing more
  const tolerance = 0.5 * 10 ** -target.decimals + 1e-9;
  return Math.abs(candidate - target.value) <= tolerance || Math.abs(candidate - target.absolute) <= tolerance;
}

/**
 * Finance check: every figure in a numeric answer must appear in the quoted figures or follow from them in one step
 * (sum, difference, product, ratio, percentage, percentage change, total), within the answer's rounding. Otherwise a
 * reviewer cannot verify the answer from the quotes, and the question is flagged. Years are ignored.
 *
 * @example
 * checkQuestion({ question, extraChecks: [quotedFigureSupportCheck] });
 * // answer "14.9%" with quotes "revenue of €412.6 million", "operating profit of €58.6 million"
 * // → NUMERIC_ANSWER_UNSUPPORTED (58.6 / 412.6 is 14.2%)
 */
export const quotedFigureSupportCheck: QualityCheck = {
  name: "quoted-figure-support",
  codes: ["NUMERIC_ANSWER_UNSUPPORTED"],
  description:
    "A numeric answer must appear in the quoted figures or follow from them in one step (sum, difference, ratio, percentage, change).",
  run(question): Finding[] {
    const answerFigures = extractFigures({ text: question.answer }).filter((f) => !f.date);
    const citations = (question.citations ?? []).filter((c) => c.trim() !== "");
    // Without quotes the core grounding check already reports MISSING_CITATIONS.
    if (answerFigures.length === 0 || citations.length === 0) return [];
    const quoted = citations.flatMap((text) => extractFigures({ text })).filter((f) => !f.date);
    const candidates = derivableValues(quoted);
    const unsupported = answerFigures.filter((figure) => !candidates.some((c) => matches(figure, c)));
    if (unsupported.length === 0) return [];
    const quotedList = quoted.length === 0 ? "none" : quoted.map((f) => f.raw).join(", ");
    return [
      {
        code: "NUMERIC_ANSWER_UNSUPPORTED",
        severity: "warning",
        message: `the answer's figure${unsupported.length > 1 ? "s" : ""} ${unsupported.map((f) => `"${f.raw}"`).join(", ")} neither appear${unsupported.length > 1 ? "" : "s"} in the quoted figures (${quotedList}) nor follow${unsupported.length > 1 ? "" : "s"} from them in one step: quote the figures the answer is computed from, or correct the answer`,
        data: { unsupported: unsupported.map((f) => f.raw), quoted: quoted.map((f) => f.raw) },
      },
    ];
  },
};
