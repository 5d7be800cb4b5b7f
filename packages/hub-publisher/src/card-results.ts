/** Markers around the card's Results section: what `domain-eval evaluate` writes and a re-export keeps. */
export const CARD_RESULTS_START = "<!-- domain-eval:results:start -->";
export const CARD_RESULTS_END = "<!-- domain-eval:results:end -->";

const BLOCK = new RegExp(`\\n*${CARD_RESULTS_START}\\n## Results\\n\\n([\\s\\S]*?)\\n${CARD_RESULTS_END}\\n?`, "u");

/** The Results section as it appears in the card (heading included), between its markers. */
export function cardResultsBlock(results: string): string {
  return `${CARD_RESULTS_START}\n## Results\n\n${results.trim()}\n${CARD_RESULTS_END}\n`;
}

/**
 * The body of a card's Results section (Markdown under `## Results`), or null when the card has none.
 *
 * @example
 * readCardResults({ readme: await readFile("out/acme-exam/README.md", "utf8") }); // "| rank | model | …" or null
 */
export function readCardResults(params: { readme: string }): string | null {
  return BLOCK.exec(params.readme)?.[1] ?? null;
}

/**
 * The card with its Results section set to `results` (replaced if present, appended at the end otherwise); the rest
 * of the card is unchanged. `writeDatasetFolder` keeps the section when it rewrites the card.
 *
 * @example
 * await writeFile(readmePath, replaceCardResults({ readme, results: renderResultsMarkdown({ results }) }));
 */
export function replaceCardResults(params: { readme: string; results: string }): string {
  const block = cardResultsBlock(params.results);
  if (BLOCK.test(params.readme)) return params.readme.replace(BLOCK, () => `\n\n${block}`);
  return `${params.readme.replace(/\s*$/u, "")}\n\n${block}`;
}
