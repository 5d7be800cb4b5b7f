import { choiceLetter, choiceLetters } from "@domain-eval/core";
import type { components } from "./generated/argilla-server-2.8.0.js";

type FieldCreate = components["schemas"]["FieldCreate"];
type QuestionCreate = components["schemas"]["QuestionCreate"];
type MetadataPropertyCreate = components["schemas"]["MetadataPropertyCreate"];
type Field = components["schemas"]["Field"];
type Question = components["schemas"]["Question"];
type MetadataProperty = components["schemas"]["MetadataProperty"];

/** Names used in an exam-review dataset, shared by the writer and the reader. */
export const EXAM_DATASET_NAMES = {
  questionField: "question",
  citationsField: "citations",
  correctAnswerQuestion: "correct_answer",
  improvedQuestionQuestion: "improved_question",
  improvedAnswerQuestion: "improved_answer",
  sourceDocumentMetadata: "source_document",
  generatorModelMetadata: "generator_model",
  /** Markdown field: the findings of the checks and of `domain-eval validate`, and the panel's rates. */
  findingsField: "findings",
  /** Terms metadata: the codes of the question's findings (filter on KEY_DISPUTED, …). */
  findingCodesMetadata: "finding_codes",
  /** Terms metadata: "yes" / "no", whether a panel model followed the option order. */
  positionSensitiveMetadata: "validation_position_sensitive",
} as const;

/**
 * Integer metadata (0–100, percent) reviewers sort and filter on: the validation panel's share of answers that chose
 * the key, per dataset column. Percent because Argilla's float properties refuse whole numbers such as 1 and 0.
 */
export const VALIDATION_RATE_METADATA = {
  validation_open_book: { name: "validation_open_book_pct", title: "Panel right with the passage, open book (%)" },
  validation_closed_book: {
    name: "validation_closed_book_pct",
    title: "Panel right without the passage, closed book (%)",
  },
  validation_options_only: { name: "validation_options_only_pct", title: "Panel right from the options alone (%)" },
} as const;

/** `answer_a`, `answer_b`, … for the option at `index`. */
export function answerFieldName(index: number): string {
  return `answer_${choiceLetter(index).toLowerCase()}`;
}

/** The fields, questions and metadata properties of an exam-review dataset with `optionCount` options. */
export interface ExamDatasetLayout {
  fields: FieldCreate[];
  questions: QuestionCreate[];
  metadataProperties: MetadataPropertyCreate[];
}

/**
 * The settings an exam-review dataset gets: the question and one field per option (the first two required, the rest
 * optional so items with fewer options fit), quotes that support the answer, a required label question
 * `correct_answer` with options A, B, …, optional improved texts, and terms metadata for filtering.
 */
export function examDatasetLayout(params: {
  optionCount: number;
  extraMetadataProperties?: { name: string; title?: string }[];
}): ExamDatasetLayout {
  const n = EXAM_DATASET_NAMES;
  const letters = choiceLetters(params.optionCount);
  const fields: FieldCreate[] = [
    { name: n.questionField, title: "Question", required: true, settings: { type: "text", use_markdown: false } },
    ...letters.map(
      (letter, index): FieldCreate => ({
        name: answerFieldName(index),
        title: `Option ${letter}`,
        required: index < 2,
        settings: { type: "text", use_markdown: false },
      }),
    ),
    {
      name: n.citationsField,
      title: "Supporting quotes from the source",
      required: false,
      settings: { type: "text", use_markdown: true },
    },
    {
      name: n.findingsField,
      title: "Why this question may be flawed (automatic checks and model validation)",
      required: false,
      settings: { type: "text", use_markdown: true },
    },
  ];
  const questions: QuestionCreate[] = [
    {
      name: n.correctAnswerQuestion,
      title: "Which option is correct?",
      description:
        "The generator's answer is pre-selected. Keep it, pick another letter, or discard the record if no option is right or the question is flawed.",
      required: true,
      settings: {
        type: "label_selection",
        options: letters.map((letter) => ({ value: letter, text: letter })),
        visible_options: null,
      },
    },
    {
      name: n.improvedQuestionQuestion,
      title: "Improved question (optional)",
      description: "Rewrite the question only if it is unclear or wrong; leave empty to keep it.",
      required: false,
      settings: { type: "text", use_markdown: false },
    },
    {
      name: n.improvedAnswerQuestion,
      title: "Improved text of the correct option (optional)",
      description: "Rewrite the correct option's text only if it needs fixing; leave empty to keep it.",
      required: false,
      settings: { type: "text", use_markdown: false },
    },
  ];
  const metadataNames = new Set<string>();
  const metadataProperties: MetadataPropertyCreate[] = [
    { name: n.sourceDocumentMetadata, title: "Source document" },
    { name: n.generatorModelMetadata, title: "Generator model" },
    { name: n.findingCodesMetadata, title: "Finding codes" },
    { name: n.positionSensitiveMetadata, title: "Panel followed the option order" },
    ...(params.extraMetadataProperties ?? []),
  ].flatMap(({ name, title }) => {
    if (metadataNames.has(name)) return [];
    metadataNames.add(name);
    return [{ name, title: title ?? name, settings: { type: "terms", values: null }, visible_for_annotators: true }];
  });
  for (const { name, title } of Object.values(VALIDATION_RATE_METADATA)) {
    metadataProperties.push({
      name,
      title,
      settings: { type: "integer", min: 0, max: 100 },
      visible_for_annotators: true,
    });
  }
  return { fields, questions, metadataProperties };
}

/** What an existing dataset has, as returned by the server. */
export interface ExistingDatasetSettings {
  fields: Field[];
  questions: Question[];
  metadataProperties: MetadataProperty[];
}

/**
 * Lists why an existing dataset cannot hold exam items with `optionCount` options (empty when it can). A dataset
 * still in draft may lack settings (they are added on publish); a published one must have them all.
 */
export function findLayoutMismatches(params: {
  existing: ExistingDatasetSettings;
  layout: ExamDatasetLayout;
  published: boolean;
}): string[] {
  const { existing, layout, published } = params;
  const problems: string[] = [];
  for (const want of layout.fields) {
    const have = existing.fields.find((f) => f.name === want.name);
    if (!have) {
      // Published before the findings field existed: records are logged without it.
      if (published && want.name !== EXAM_DATASET_NAMES.findingsField) problems.push(`field "${want.name}" is missing`);
    } else if (have.settings.type !== want.settings.type) {
      problems.push(`field "${want.name}" is of type ${have.settings.type}, not ${want.settings.type}`);
    }
  }
  const requiredFieldNames = new Set(layout.fields.filter((f) => f.required).map((f) => f.name));
  for (const have of existing.fields) {
    if (have.required && !requiredFieldNames.has(have.name)) {
      problems.push(`field "${have.name}" is required but exam items do not fill it`);
    }
  }
  for (const want of layout.questions) {
    const have = existing.questions.find((q) => q.name === want.name);
    if (!have) {
      if (published) problems.push(`question "${want.name}" is missing`);
      continue;
    }
    if (have.settings.type !== want.settings.type) {
      problems.push(`question "${want.name}" is of type ${have.settings.type}, not ${want.settings.type}`);
      continue;
    }
    if (have.settings.type === "label_selection" && want.settings.type === "label_selection") {
      const haveValues = have.settings.options.map((o) => o.value);
      const wantValues = want.settings.options.map((o) => o.value);
      // A dataset made for more options holds fewer-option items too (their extra answer fields stay empty).
      if (!wantValues.every((value, i) => haveValues[i] === value)) {
        problems.push(
          `question "${want.name}" offers ${haveValues.join(",")}, but exam items need ${wantValues.join(",")}`,
        );
      }
    }
  }
  const wantedQuestionNames = new Set(layout.questions.map((q) => q.name));
  for (const have of existing.questions) {
    if (have.required && !wantedQuestionNames.has(have.name)) {
      problems.push(`question "${have.name}" is required but is not part of an exam review`);
    }
  }
  for (const want of layout.metadataProperties) {
    const have = existing.metadataProperties.find((m) => m.name === want.name);
    if (have && have.settings.type !== want.settings.type) {
      problems.push(`metadata property "${want.name}" is of type ${have.settings.type}, not ${want.settings.type}`);
    }
  }
  return problems;
}
