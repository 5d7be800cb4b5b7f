import type { DatasetStatistics } from "./dataset-statistics.js";
import { markdownTable } from "./markdown-text.js";

const share = (value: number | null) => (value === null ? "–" : `${(value * 100).toFixed(1)}%`);

/**
 * The card's "Validation by models" section: what share of a panel's answers chose the key with the passage, without
 * it, and from the options alone, averaged over the validated rows. Empty when no row was validated.
 */
export function validationSection(stats: DatasetStatistics): string[] {
  const v = stats.validation;
  if (v.validated === 0) return [];
  return [
    "## Validation by models",
    `${v.validated} of ${stats.rows} rows were validated by \`domain-eval validate\`: a panel of models answered each question with the passage (open book), without it (closed book), from the options alone, and with the options reordered. Per-row rates are in the \`validation_*\` columns.`,
    markdownTable(
      ["setting", "mean share of answers that chose the key", "what a high value means"],
      [
        [
          "open book (`validation_open_book`)",
          share(v.meanOpenBook),
          "the key is supported by the passage (low: check the key)",
        ],
        [
          "closed book (`validation_closed_book`)",
          share(v.meanClosedBook),
          "answerable from general knowledge, without the document",
        ],
        ["options only (`validation_options_only`)", share(v.meanOptionsOnly), "the options give the answer away"],
      ],
    ),
    `Position-sensitive rows (a panel model changed its answer when only the order of the options changed): ${v.positionSensitive} of ${v.validated}. With k options, guessing gives 1/k (25% for four).`,
  ];
}
