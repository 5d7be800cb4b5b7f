import { type CostAmount, EXAM_ITEM_COLUMNS, formatCost } from "@domain-eval/core";
import { parse, stringify } from "yaml";
import { cardResultsBlock } from "./card-results.js";
import { COLUMN_DESCRIPTIONS, COLUMN_KINDS, cardFeatures, columnTypeLabel } from "./dataset-features.js";
import { type DatasetStatistics, sizeCategory } from "./dataset-statistics.js";
import { escapeMarkdownInline, fencedCode, markdownListItem, markdownTable } from "./markdown-text.js";
import { validationSection } from "./validation-section.js";

/** What the caller knows about a dataset that its rows do not say. Everything countable comes from the rows. */
export interface DatasetCardInput {
  /** Title of the dataset: the card's heading and `pretty_name`, e.g. "Acme Treasury Exam" (kept on one line). */
  prettyName: string;
  /** What the benchmark measures and for whom; markdown. */
  description?: string;
  /** A Hub license id such as `apache-2.0`, `cc-by-4.0` or `other` (then give `licenseName`). */
  license: string;
  /** With `license: "other"`: a short kebab-case id for the license, e.g. `acme-internal`. */
  licenseName?: string;
  /** With `license: "other"`: where the license text is. */
  licenseLink?: string;
  /**
   * Language code(s) of the questions (ISO 639-1, e.g. `en`, or `pt-BR`); the first is the main one. Optional for
   * {@link writeDatasetFolder}, which then reads it from the questions' script (Japanese, Chinese, Korean, Arabic,
   * Hebrew, Thai, Greek) and asks for it when the script is shared by many languages (Latin, Cyrillic).
   */
  language?: string | readonly string[];
  /** Extra Hub tags; `domain-eval`, `exam` and `synthetic` are always added. */
  tags?: readonly string[];
  /** Hub repo id (`org/name`) when known, used in the loading example; otherwise a placeholder is shown. */
  repoId?: string;
  /** How the questions were made, beyond what the rows record. */
  source?: {
    /** The documents, in words, e.g. "The 2023 and 2024 annual reports of Acme Corp (PDF)". */
    documents?: string;
    /** The domain plugin used, if any. */
    domainPlugin?: { id: string; version: string; displayName?: string };
    /** How the generation ran and what it cost (from the generate summary). */
    generation?: {
      /** Requests sent one by one (`sync`) or as batch jobs (`batch`). */
      mode?: "sync" | "batch";
      calls?: number;
      promptTokens?: number;
      completionTokens?: number;
      /** The dry-run estimate for the way the requests were sent. */
      estimate?: CostAmount;
      /** What the generation spent at the given prices. */
      spend?: CostAmount;
    };
    /** The models' validation of the questions before publishing (from the run summary): its panel, answers, cost. */
    validation?: {
      /** The panel's models, e.g. `["gpt-4o-mini (endpoint)"]`. */
      panel?: readonly string[];
      /** Answers the panel gave (calls). */
      calls?: number;
      /** Answers taken from an earlier, interrupted run's journal: not in `calls` nor in `spend`. */
      resumed?: number;
      /** What the answers cost at the given prices. */
      spend?: CostAmount;
    };
  };
  /** Human review beyond what the rows record. */
  review?: {
    /** Questions reviewers discarded; they are not in the dataset. */
    discarded?: number;
    /** Who reviewed, in words, e.g. "two treasury analysts". */
    reviewers?: string;
  };
  /** Known limitations to add to the ones derived from the rows; markdown, one per entry. */
  limitations?: readonly string[];
  /**
   * How to evaluate a model on this dataset: the command (e.g. the LightEval command a task generator rendered) and
   * the task file it needs. Without it the card explains how existing MMLU-style tasks read the dataset.
   */
  evaluation?: { command: string; taskFile?: string };
  /**
   * Markdown of the Results section (leaderboard, item analysis) that `domain-eval evaluate` writes; rendered last,
   * between markers, so evaluating again replaces it and re-exporting keeps it.
   */
  results?: string;
}

/** Split names and file globs, as declared in the card's `configs`. */
export const SPLIT_FILES = { test: "data/test-*", dev: "data/dev-*" } as const;

const LICENSE_PATTERN = /^[a-z0-9][a-z0-9.+-]*$/u;
const LANGUAGE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u;
const DEFAULT_TAGS = ["domain-eval", "exam", "synthetic"];

/** Checks the card input and returns the problems, each with its fix; empty when the input is usable. */
export function cardInputProblems(
  card: DatasetCardInput,
  options: {
    /** False when the language may still be detected from the rows. Default true. */
    languageRequired?: boolean;
  } = {},
): string[] {
  const problems: string[] = [];
  if (typeof card?.prettyName !== "string" || card.prettyName.trim() === "") {
    problems.push('card.prettyName must be a non-empty title, e.g. "Acme Treasury Exam"');
  }
  if (typeof card?.license !== "string" || !LICENSE_PATTERN.test(card.license)) {
    problems.push(
      `card.license "${card?.license}" is not a Hub license id: use e.g. "apache-2.0", "cc-by-4.0" or "other"`,
    );
  } else if (card.license === "other" && !(card.licenseName && /^[a-z0-9][a-z0-9-]*$/u.test(card.licenseName))) {
    problems.push('card.license "other" needs card.licenseName, a kebab-case id such as "acme-internal"');
  }
  const languages = typeof card?.language === "string" ? [card.language] : [...(card?.language ?? [])];
  if (languages.length === 0 && (card?.language !== undefined || options.languageRequired !== false)) {
    problems.push('card.language must name at least one language code, e.g. "en"');
  }
  for (const lang of languages) {
    if (typeof lang !== "string" || !LANGUAGE_PATTERN.test(lang)) {
      problems.push(`card.language "${lang}" is not a language code such as "en" or "pt-BR"`);
    }
  }
  for (const tag of card?.tags ?? []) {
    if (typeof tag !== "string" || tag.trim() === "") problems.push("card.tags must be non-empty strings");
  }
  if (card?.repoId !== undefined && !/^[\w.-]+\/[\w.-]+$/u.test(card.repoId)) {
    problems.push(`card.repoId "${card.repoId}" must look like "org/name"`);
  }
  const discarded = card?.review?.discarded;
  if (discarded !== undefined && !(Number.isInteger(discarded) && discarded >= 0)) {
    problems.push(`card.review.discarded must be a non-negative integer, got ${discarded}`);
  }
  if (card?.evaluation && (typeof card.evaluation.command !== "string" || card.evaluation.command.trim() === "")) {
    problems.push("card.evaluation.command must be the command line to run, or leave card.evaluation out");
  }
  return problems;
}

/** A title on one line: runs of whitespace, line breaks included, become one space. */
function singleLine(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/** `annotations_creators`: who produced the labels (the answers). */
function annotationsCreators(statistics: DatasetStatistics): string[] {
  const { reviewed, unreviewed } = statistics.review;
  if (reviewed > 0 && unreviewed === 0) return ["expert-generated"];
  if (reviewed > 0) return ["expert-generated", "machine-generated"];
  return ["machine-generated"];
}

/** The card's YAML front matter as an object, in the key order the Hub shows. */
function frontMatter(card: DatasetCardInput, statistics: DatasetStatistics): Record<string, unknown> {
  const languages = typeof card.language === "string" ? [card.language] : [...(card.language ?? [])];
  const splits = (["test", "dev"] as const).filter((split) => statistics.splits[split].rows > 0);
  return {
    pretty_name: singleLine(card.prettyName),
    license: card.license,
    ...(card.license === "other" ? { license_name: card.licenseName } : {}),
    ...(card.license === "other" && card.licenseLink ? { license_link: card.licenseLink } : {}),
    language: languages,
    multilinguality: languages.length > 1 ? "multilingual" : "monolingual",
    task_categories: ["multiple-choice", "question-answering"],
    task_ids: ["multiple-choice-qa"],
    size_categories: [sizeCategory({ rows: statistics.rows })],
    annotations_creators: annotationsCreators(statistics),
    language_creators: ["machine-generated"],
    source_datasets: ["original"],
    tags: [...new Set([...DEFAULT_TAGS, ...(card.tags ?? []).map((t) => t.trim())])],
    configs: [
      {
        config_name: "default",
        default: true,
        data_files: splits.map((split) => ({ split, path: SPLIT_FILES[split] })),
      },
    ],
    dataset_info: {
      config_name: "default",
      features: cardFeatures(statistics.classLabelNames),
      // Exact counts: `datasets` checks them against the files, so they can only be written from the rows.
      splits: splits.map((split) => ({ name: split, num_examples: statistics.splits[split].rows })),
    },
  };
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "–" : `${((100 * part) / whole).toFixed(1)}%`;
}

function countsList(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([value, n]) => `${escapeMarkdownInline(value)} (${n} ${n === 1 ? "row" : "rows"})`)
    .join(", ");
}

function loadingExample(card: DatasetCardInput): string {
  const repo = card.repoId ?? "<org>/<dataset>";
  return fencedCode(
    [
      "from datasets import load_dataset",
      "",
      `ds = load_dataset(${JSON.stringify(repo)})  # or the path of a local copy of this folder`,
      'row = ds["test"][0]',
      'print(row["question"], row["choices"], ds["test"].features["answer"].int2str(row["answer"]))',
    ].join("\n"),
    "python",
  );
}

function defaultEvaluation(card: DatasetCardInput): string {
  const repo = card.repoId ?? "<org>/<dataset>";
  return [
    "The rows follow MMLU's layout (`question`, `subject`, `choices`, `answer` as a class label A, B, …), so",
    "prompt functions written for MMLU read them unchanged: LightEval's `mmlu_prompt` in a custom task with",
    `\`hf_repo="${repo}"\`, \`evaluation_splits=["test"]\` and \`few_shots_split="dev"\`, or an lm-evaluation-harness`,
    "task copied from its MMLU template. Pin the commit you evaluated (`hf_revision` in LightEval,",
    "`dataset_kwargs: {revision: …}` in lm-evaluation-harness) so results stay comparable.",
    "",
    loadingExample(card),
  ].join("\n");
}

/**
 * Renders the dataset card (`README.md`): YAML front matter the Hub, the dataset viewer and `datasets` read (splits,
 * features with the answer class label, license, language, task categories, size category, annotation creators) and
 * prose on how the questions were made and reviewed, the answer-position distribution, limitations and how to
 * evaluate. All counts come from `statistics`; user text is escaped.
 *
 * @throws TypeError naming each problem in `card` and its fix.
 * @example
 * const readme = renderDatasetCard({
 *   card: { prettyName: "Acme Treasury Exam", license: "cc-by-4.0", language: "en", review: { discarded: 3 } },
 *   statistics: summarizeExamItems({ test: rows.slice(5), dev: rows.slice(0, 5) }),
 * });
 */
export function renderDatasetCard(params: {
  /** What the caller knows: title, license, language, sources, limitations, evaluation command. */
  card: DatasetCardInput;
  /** Counts computed from the rows, from {@link writeDatasetFolder} or {@link summarizeExamItems}. */
  statistics: DatasetStatistics;
}): string {
  const { card, statistics: stats } = params;
  const problems = cardInputProblems(card);
  if (stats.rows === 0 || stats.classLabelNames.length === 0) {
    problems.push("the dataset has no rows: a card needs at least one question");
  }
  if (problems.length > 0) throw new TypeError(`cannot render the dataset card: ${problems.join("; ")}`);

  // No line folding (long titles stay on one line) and no anchors/aliases, which some YAML readers reject.
  const yaml = stringify(frontMatter(card, stats), { lineWidth: 0, aliasDuplicateObjects: false });
  const { test, dev } = stats.splits;
  const sections: string[] = [];

  sections.push(`# ${escapeMarkdownInline(singleLine(card.prettyName))}`);
  if (card.description?.trim()) sections.push(card.description.trim());
  sections.push(
    `A multiple-choice exam of ${stats.rows} questions written by a language model from domain documents` +
      (stats.review.reviewed > 0
        ? ` and reviewed by people (${stats.review.reviewed} of ${stats.rows} rows).`
        : ", not reviewed by people.") +
      " Made with domain-eval.",
  );

  sections.push("## Dataset structure");
  sections.push(
    markdownTable(
      ["split", "rows", "use"],
      [
        ["`test`", String(test.rows), "evaluation"],
        ...(dev.rows > 0 ? [["`dev`", String(dev.rows), "few-shot examples (never evaluated)"]] : []),
      ],
    ),
  );
  sections.push(
    markdownTable(
      ["column", "type", "meaning"],
      EXAM_ITEM_COLUMNS.map((name) => [
        `\`${name}\``,
        escapeMarkdownInline(columnTypeLabel(COLUMN_KINDS[name], stats.classLabelNames)),
        COLUMN_DESCRIPTIONS[name],
      ]),
    ),
  );

  sections.push("## How the questions were made");
  const made: string[] = [];
  made.push(
    `- Documents: ${card.source?.documents?.trim() ? `${escapeMarkdownInline(card.source.documents.trim())}; ` : ""}${stats.sourceDocuments} distinct ${stats.sourceDocuments === 1 ? "document is" : "documents are"} cited by the rows.`,
  );
  made.push(`- Generator model: ${countsList(stats.generatorModels)}.`);
  const plugin = card.source?.domainPlugin;
  made.push(
    `- Domain plugin: ${
      plugin
        ? `${escapeMarkdownInline(plugin.displayName ? `${plugin.displayName} (${plugin.id})` : plugin.id)} version ${escapeMarkdownInline(plugin.version)}`
        : "none (generic prompts)"
    }.`,
  );
  made.push(`- Prompt version: ${countsList(stats.promptVersions)}.`);
  const generation = card.source?.generation;
  if (generation) made.push(`- Generation: ${generationLine(generation)}.`);
  const validationRun = card.source?.validation;
  const validationText = validationRun ? validationLine(validationRun) : "";
  if (validationText) made.push(`- Validation: ${validationText}.`);
  made.push(`- Subject: ${countsList(stats.subjects)}.`);
  sections.push(made.join("\n"));
  sections.push(
    "The documents were split into passages; for each passage the model wrote a question, the correct answer, " +
      "wrong but plausible options and verbatim quotes supporting the answer (the `citations` column). Automatic checks " +
      "rejected malformed, ungrounded and near-duplicate questions; the options were then ordered so the correct " +
      "answer's position is balanced across the set.",
  );

  sections.push("## Review");
  const review = stats.review;
  sections.push(
    markdownTable(
      ["", "questions"],
      [
        ["reviewed (accepted or corrected by a person)", String(review.reviewed)],
        ["unreviewed (published as the model wrote them)", String(review.unreviewed)],
        ["discarded by reviewers (not in the dataset)", String(review.discarded)],
      ],
    ),
  );
  const reviewNotes: string[] = [];
  if (card.review?.reviewers?.trim())
    reviewNotes.push(`Reviewers: ${escapeMarkdownInline(card.review.reviewers.trim())}.`);
  reviewNotes.push(
    review.meanAgreement === null
      ? "No row has a reviewer agreement score."
      : `Mean reviewer agreement with the published answer: ${(review.meanAgreement * 100).toFixed(1)}% (the \`agreement\` column, over rows that have one).`,
  );
  if (review.meanReviewersPerReviewedRow !== null) {
    reviewNotes.push(`Reviewers per reviewed question: ${review.meanReviewersPerReviewedRow.toFixed(2)} on average.`);
  }
  sections.push(reviewNotes.join(" "));

  sections.push(...validationSection(stats));

  sections.push("## Answer-position distribution");
  sections.push(
    "How often the correct answer is option A, B, …; a model that always picks one letter scores that letter's share of `test`.",
  );
  sections.push(
    markdownTable(
      ["answer", "test", "share of test", ...(dev.rows > 0 ? ["dev"] : [])],
      stats.classLabelNames.map((letter) => [
        letter,
        String(test.answerDistribution[letter] ?? 0),
        percent(test.answerDistribution[letter] ?? 0, test.rows),
        ...(dev.rows > 0 ? [String(dev.answerDistribution[letter] ?? 0)] : []),
      ]),
    ),
  );
  sections.push(
    `Options per question: ${Object.entries(stats.optionCounts)
      .map(([count, n]) => `${count} options (${n} ${n === 1 ? "row" : "rows"})`)
      .join(", ")}.`,
  );

  sections.push("## How to evaluate");
  if (card.evaluation) {
    if (card.evaluation.taskFile?.trim()) {
      sections.push(`With the task file \`${card.evaluation.taskFile.trim().replace(/[`\r\n]/gu, "")}\`:`);
    }
    sections.push(fencedCode(card.evaluation.command.trim(), "bash"));
    sections.push("To read the rows directly:");
    sections.push(loadingExample(card));
  } else {
    sections.push(defaultEvaluation(card));
  }

  sections.push("## Known limitations");
  const limitations: string[] = [
    "- The questions, answers and distractors were written by a language model; a question can be ambiguous or have more than one defensible answer, especially where nobody reviewed it.",
  ];
  if (review.unreviewed > 0) {
    limitations.push(
      `- ${review.unreviewed} of ${stats.rows} rows (${percent(review.unreviewed, stats.rows)}) were not reviewed by a person (\`review_status: unreviewed\`); filter on that column for a human-checked subset.`,
    );
  }
  limitations.push(
    "- The questions cover only what the source documents say; scores measure knowledge of those documents, not of the whole domain.",
    "- Models trained on the source documents, or on this dataset, will score higher than their general ability suggests.",
  );
  for (const item of card.limitations ?? []) if (item.trim()) limitations.push(markdownListItem(item));
  sections.push(limitations.join("\n"));

  const results = card.results?.trim() ? `\n${cardResultsBlock(card.results)}` : "";
  return `---\n${yaml}---\n\n${sections.join("\n\n")}\n${results}`;
}

/**
 * The `language` codes a dataset card (`README.md`) declares in its front matter; empty when it declares none or has
 * no front matter. Lets a tool that receives a dataset folder use its language (e.g. for the task's header).
 *
 * @example
 * datasetCardLanguages({ readme: await readFile("out/exam/README.md", "utf8") }) // ["ja"]
 */
export function datasetCardLanguages(params: {
  /** The card's text. */
  readme: string;
}): string[] {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/u.exec(params.readme);
  if (!match) return [];
  let meta: unknown;
  try {
    meta = parse(match[1] as string);
  } catch {
    return [];
  }
  const language = (meta as { language?: unknown } | null)?.language;
  const list = typeof language === "string" ? [language] : Array.isArray(language) ? language : [];
  return list.filter((l): l is string => typeof l === "string" && LANGUAGE_PATTERN.test(l));
}

/** One line on the models' validation: the panel, its answers and what they cost; empty when nothing is known. */
function validationLine(v: NonNullable<NonNullable<DatasetCardInput["source"]>["validation"]>): string {
  const parts: string[] = [];
  const panel = v.panel?.length ? ` by ${v.panel.join(", ")}` : "";
  if (v.calls !== undefined) {
    const resumed = v.resumed
      ? ` (and ${v.resumed} resumed from an interrupted run${v.spend ? ", not in the cost" : ""})`
      : "";
    parts.push(`${v.calls} answers${panel}${resumed}`);
  } else if (panel) parts.push(`a panel of ${v.panel?.join(", ")}`);
  if (v.spend) parts.push(`cost ${formatCost(v.spend)}`);
  return escapeMarkdownInline(parts.join("; "));
}

/** One line on how the generation ran: calls, tokens, and the money spent and estimated when prices were given. */
function generationLine(g: NonNullable<NonNullable<DatasetCardInput["source"]>["generation"]>): string {
  const parts: string[] = [];
  const how = g.mode === "batch" ? "sent as batch jobs" : g.mode === "sync" ? "sent one by one" : undefined;
  if (g.calls !== undefined) parts.push(`${g.calls} model calls${how ? ` ${how}` : ""}`);
  else if (how) parts.push(`requests ${how}`);
  if (g.promptTokens !== undefined && g.completionTokens !== undefined) {
    parts.push(`${g.promptTokens} prompt + ${g.completionTokens} completion tokens`);
  }
  if (g.spend) {
    parts.push(`cost ${formatCost(g.spend)}${g.estimate ? ` (estimated ${formatCost(g.estimate)})` : ""}`);
  } else if (g.estimate) parts.push(`estimated cost ${formatCost(g.estimate)}`);
  return escapeMarkdownInline(parts.join("; "));
}
