import { choiceLetter, type ExamItem, ExamItemSchema, type Finding } from "@domain-eval/core";
import { answerFieldName, EXAM_DATASET_NAMES, VALIDATION_RATE_METADATA } from "./exam-dataset-layout.js";
import type { components } from "./generated/argilla-server-2.8.0.js";

type RecordUpsert = components["schemas"]["RecordUpsert"];

/**
 * Extra metadata stored with each record so an {@link ExamItem} can be rebuilt exactly from Argilla
 * (the dataset allows extra metadata; only `source_document` and `generator_model` are filterable properties).
 */
export const EXAM_ITEM_METADATA = {
  subject: "subject",
  sourceChunkId: "source_chunk_id",
  citations: "exam_citations",
  promptVersion: "prompt_version",
  choiceCount: "choice_count",
} as const;

/** Argilla accepts agents matching `[a-zA-Z0-9-_:./ ]`, up to 200 characters; model ids may contain more. */
export function suggestionAgentFor(model: string): string {
  const cleaned = model.replace(/[^a-zA-Z0-9\-_:./\s]/g, "_").slice(0, 200);
  return /[a-zA-Z0-9]/.test(cleaned) ? cleaned : "generator";
}

/** Renders supporting quotes for reviewers as markdown block quotes. */
function citationsMarkdown(citations: readonly string[]): string | undefined {
  const quotes = citations.filter((c) => c.trim() !== "");
  if (quotes.length === 0) return undefined;
  return quotes
    .map((c) =>
      c
        .split("\n")
        .map((line) => `> ${line}`)
        .join("\n"),
    )
    .join("\n\n");
}

const SEVERITY_MARK: Record<Finding["severity"], string> = { error: "❌ error", warning: "⚠️ warning", info: "ℹ️ info" };

/**
 * The findings and the validation panel's rates as markdown for reviewers: each finding's code, severity and message
 * (which says what to check), then the share of the panel's answers that chose the key per setting. Undefined when
 * there is nothing to show.
 */
export function findingsMarkdown(params: { item: ExamItem; findings: readonly Finding[] }): string | undefined {
  const { item } = params;
  const shown = params.findings.filter((f) => f.severity !== "info");
  const lines = shown.map((f) => `- **${f.code}** (${SEVERITY_MARK[f.severity]}): ${f.message.replace(/\s+/gu, " ")}`);
  const rate = (value: number | null | undefined) => (typeof value === "number" ? `${Math.round(value * 100)}%` : "–");
  const validated = Object.keys(VALIDATION_RATE_METADATA).some((k) => typeof item[k as keyof ExamItem] === "number");
  if (validated) {
    if (lines.length > 0) lines.push("");
    lines.push(
      "| model panel | chose the key |",
      "|---|---|",
      `| with the passage (open book) | ${rate(item.validation_open_book)} |`,
      `| without the passage (closed book) | ${rate(item.validation_closed_book)} |`,
      `| options only, no question | ${rate(item.validation_options_only)} |`,
      `| followed the option order | ${item.validation_position_sensitive === true ? "yes" : item.validation_position_sensitive === false ? "no" : "–"} |`,
    );
  }
  return lines.length > 0 ? lines.join("\n") : undefined;
}

/**
 * Validates an item and lists why it cannot go into a dataset with `optionCount` options (empty when it can).
 */
export function examItemProblems(item: unknown, optionCount: number): string[] {
  const parsed = ExamItemSchema.safeParse(item);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => `${i.path.map(String).join(".") || "(item)"}: ${i.message}`);
  }
  const problems: string[] = [];
  if (parsed.data.choices.length > optionCount) {
    problems.push(
      `it has ${parsed.data.choices.length} choices but the dataset has ${optionCount} options: create the dataset with optionCount ${parsed.data.choices.length}`,
    );
  }
  parsed.data.choices.forEach((choice, index) => {
    if (choice.trim() === "") problems.push(`choices.${index} is empty`);
  });
  return problems;
}

/**
 * The Argilla record for an exam item: fields `question`, `answer_a`…, quotes; the generator's answer as a
 * suggestion on `correct_answer`; provenance in metadata; `external_id` = item id so re-logging updates in place.
 */
export function examRecordFor(params: {
  item: ExamItem;
  correctAnswerQuestionId: string;
  score?: number | undefined;
  /** Findings of the checks and of validation, shown in the `findings` field and filterable by code. */
  findings?: readonly Finding[];
}): RecordUpsert {
  const { item } = params;
  const n = EXAM_DATASET_NAMES;
  const fields: Record<string, string> = { [n.questionField]: item.question };
  item.choices.forEach((choice, index) => {
    fields[answerFieldName(index)] = choice;
  });
  const quotes = citationsMarkdown(item.citations);
  if (quotes) fields[n.citationsField] = quotes;
  const findings = params.findings ?? [];
  const notes = findingsMarkdown({ item, findings });
  if (notes) fields[n.findingsField] = notes;
  const validationMetadata: Record<string, unknown> = {};
  for (const [column, { name }] of Object.entries(VALIDATION_RATE_METADATA)) {
    const value = item[column as keyof typeof VALIDATION_RATE_METADATA];
    if (typeof value === "number") validationMetadata[name] = Math.round(value * 100);
  }
  if (typeof item.validation_position_sensitive === "boolean") {
    validationMetadata[n.positionSensitiveMetadata] = item.validation_position_sensitive ? "yes" : "no";
  }
  const codes = [...new Set(findings.filter((f) => f.severity !== "info").map((f) => f.code))];
  if (codes.length > 0) validationMetadata[n.findingCodesMetadata] = codes;
  const suggestion: components["schemas"]["SuggestionCreate"] = {
    question_id: params.correctAnswerQuestionId,
    value: choiceLetter(item.answer),
    agent: suggestionAgentFor(item.generator_model),
    type: "model",
  };
  if (params.score !== undefined) suggestion.score = params.score;
  return {
    external_id: item.id,
    fields,
    metadata: {
      [n.sourceDocumentMetadata]: item.source_document_id,
      [n.generatorModelMetadata]: item.generator_model,
      [EXAM_ITEM_METADATA.subject]: item.subject,
      [EXAM_ITEM_METADATA.sourceChunkId]: item.source_chunk_id,
      [EXAM_ITEM_METADATA.citations]: [...item.citations],
      [EXAM_ITEM_METADATA.promptVersion]: item.prompt_version,
      [EXAM_ITEM_METADATA.choiceCount]: item.choices.length,
      ...validationMetadata,
    },
    suggestions: [suggestion],
  };
}

/** The choice texts of an Argilla exam record's fields, in letter order (`answer_a`, `answer_b`, … until one is missing). */
export function choicesOfRecordFields(fields: Record<string, unknown> | null | undefined): string[] {
  const choices: string[] = [];
  for (let i = 0; i < 26; i++) {
    const value = fields?.[answerFieldName(i)];
    if (typeof value !== "string") break;
    choices.push(value);
  }
  return choices;
}

/**
 * The item with its choices in `existingChoices`' order when that holds the same options (a record logged before,
 * perhaps already reviewed by letter), the answer index following its text. Otherwise the item unchanged.
 *
 * @example
 * keepChoiceOrder({ item: { ...item, choices: ["x", "y"], answer: 0 }, existingChoices: ["y", "x"] }) // choices ["y", "x"], answer 1
 */
export function keepChoiceOrder(params: { item: ExamItem; existingChoices: readonly string[] | undefined }): ExamItem {
  const { item, existingChoices } = params;
  if (!existingChoices || existingChoices.length !== item.choices.length) return item;
  const sorted = (list: readonly string[]) => [...list].sort().join("\u0000");
  if (sorted(existingChoices) !== sorted(item.choices)) return item;
  const answerText = item.choices[item.answer] as string;
  return { ...item, choices: [...existingChoices], answer: existingChoices.indexOf(answerText) };
}
