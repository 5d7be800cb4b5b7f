import type { EvaluationResults, ModelResult } from "./results-format.js";

function cell(text: string): string {
  return text
    .replace(/\\/gu, "\\\\")
    .replace(/\|/gu, "\\|")
    .replace(/[\r\n]+/gu, " ");
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ].join("\n");
}

function score(value: number | null | undefined, stderr: number | null | undefined): string {
  if (value === null || value === undefined) return "–";
  return stderr === null || stderr === undefined ? value.toFixed(3) : `${value.toFixed(3)} ± ${stderr.toFixed(3)}`;
}

function rankModels(models: readonly ModelResult[]): ModelResult[] {
  const ok = models.filter((m) => m.status === "ok").sort((a, b) => (b.scores?.acc ?? 0) - (a.scores?.acc ?? 0));
  return [...ok, ...models.filter((m) => m.status !== "ok")];
}

/** The most questions listed one by one in the Markdown (all of them are in results.json). */
const LISTED_QUESTIONS = 20;

/**
 * Renders results as Markdown: a leaderboard (accuracy ± standard error, LightEval's numbers), answer-position
 * accuracy per model, and the item analysis (flagged questions, the least discriminating ones, a summary). Used for
 * the dataset card's Results section and printed by `domain-eval evaluate`.
 *
 * @example
 * console.log(renderResultsMarkdown({ results }));
 */
export function renderResultsMarkdown(params: {
  results: EvaluationResults;
  /** Heading level of the section titles (default 3, under the card's `## Results`). */
  headingLevel?: number;
}): string {
  const { results } = params;
  const h = "#".repeat(params.headingLevel ?? 3);
  const parts: string[] = [];
  const ranked = rankModels(results.models);
  parts.push(
    `Evaluated with LightEval 0.13 on ${results.dataset.num_questions} questions (task \`${results.dataset.task}\`, dataset revision \`${results.dataset.revision ?? "unpinned"}\`, ${results.created_at.slice(0, 10)}). ` +
      "`acc`: the model's most likely option is the key; `acc_norm`: the same with likelihoods divided by option length (endpoints are scored on the letter they write, so only `acc`).",
  );
  parts.push(`${h} Leaderboard`);
  parts.push(
    table(
      ["rank", "model", "backend", "acc", "acc_norm", "status"],
      ranked.map((m, i) => [
        m.status === "ok" ? String(i + 1) : "–",
        m.name,
        m.backend,
        score(m.scores?.acc, m.scores?.acc_stderr),
        score(m.scores?.acc_norm, m.scores?.acc_norm_stderr),
        m.status === "ok" ? "ok" : `failed: ${m.error ?? ""}`.slice(0, 200),
      ]),
    ),
  );
  const ok = ranked.filter((m) => m.status === "ok");
  if (ok.length > 0) {
    const letters = [...new Set(ok.flatMap((m) => Object.keys(m.position_accuracy)))].sort();
    parts.push(`${h} Accuracy by answer position`);
    parts.push(
      "Accuracy on the questions whose key is at each letter. A model with a position bias scores high on one letter and low on the others.",
    );
    parts.push(
      table(
        ["model", ...letters],
        ok.map((m) => [
          m.name,
          ...letters.map((l) =>
            m.position_accuracy[l] === undefined ? "–" : (m.position_accuracy[l] as number).toFixed(2),
          ),
        ]),
      ),
    );
  }
  parts.push(`${h} Item analysis`);
  const items = results.items;
  const withDifficulty = items.filter((i) => i.difficulty !== null);
  const discriminating = items.filter((i) => i.discrimination !== null);
  const wrong = items.filter((i) => i.flags.includes("ALL_MODELS_WRONG"));
  const closedBook = items.filter((i) => i.flags.includes("ALL_MODELS_RIGHT_CLOSED_BOOK"));
  const meanOf = (values: number[]) => (values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length);
  const meanDifficulty = meanOf(withDifficulty.map((i) => i.difficulty as number));
  const meanDiscrimination = meanOf(discriminating.map((i) => i.discrimination as number));
  parts.push(
    [
      `- Difficulty (share of the ${ok.length} model${ok.length === 1 ? "" : "s"} right), mean over questions: ${meanDifficulty === null ? "–" : meanDifficulty.toFixed(2)}.`,
      `- Discrimination (point-biserial correlation of being right with the model's total score): defined for ${discriminating.length} of ${items.length} questions, mean ${meanDiscrimination === null ? "–" : meanDiscrimination.toFixed(2)}; ${discriminating.filter((i) => (i.discrimination as number) <= 0).length} at or below 0 (they do not separate stronger from weaker models).`,
      `- \`ALL_MODELS_WRONG\`: ${wrong.length} question${wrong.length === 1 ? "" : "s"} every model missed (check the key; send them back to review).`,
      ...(closedBook.length > 0 || items.some((i) => i.flags.length > 0)
        ? [
            `- \`ALL_MODELS_RIGHT_CLOSED_BOOK\`: ${closedBook.length} question${closedBook.length === 1 ? "" : "s"} every model answered without the passage.`,
          ]
        : []),
    ].join("\n"),
  );
  const flagged = items.filter((i) => i.flags.length > 0);
  const weakest = discriminating
    .filter((i) => i.flags.length === 0)
    .sort((a, b) => (a.discrimination as number) - (b.discrimination as number));
  const listed = [...flagged, ...weakest].slice(0, LISTED_QUESTIONS);
  if (listed.length > 0) {
    parts.push(
      table(
        ["question", "difficulty", "discrimination", "flags"],
        listed.map((i) => [
          i.id,
          i.difficulty === null ? "–" : i.difficulty.toFixed(2),
          i.discrimination === null ? "–" : i.discrimination.toFixed(2),
          i.flags.join(", "),
        ]),
      ),
    );
    parts.push(`Flagged questions first, then the least discriminating; all ${items.length} are in \`results.json\`.`);
  }
  return parts.join("\n\n");
}
