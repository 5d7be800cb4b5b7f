// The files written beside a questions file: one rule for every package that writes or reads them.

/** The name without its `.jsonl` ending. */
function stem(questionsFile: string): string {
  return questionsFile.replace(/\.jsonl$/u, "");
}

/**
 * Where generate writes the questions the checks dropped, beside the questions file.
 *
 * @example
 * droppedFileFor("out/questions.jsonl"); // "out/questions.dropped.jsonl"
 */
export function droppedFileFor(questionsFile: string): string {
  return `${stem(questionsFile)}.dropped.jsonl`;
}

/**
 * Where the validation writes the questions it dropped (e.g. `KEY_DISPUTED`), beside the questions file.
 *
 * @example
 * validationDroppedFileFor("out/questions.jsonl"); // "out/questions.validation-dropped.jsonl"
 */
export function validationDroppedFileFor(questionsFile: string): string {
  return `${stem(questionsFile)}.validation-dropped.jsonl`;
}
