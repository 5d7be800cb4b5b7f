import type { QualityCheck } from "./check-question.js";
import { PHRASE_KINDS, type PhraseLists } from "./phrase-lists.js";

/** A worked example shown to the question writer: a source passage and a good question about it. */
export interface FewShotExample {
  source_text: string;
  question: string;
  answer: string;
  distractors: string[];
  /** Verbatim quotes from `source_text` that support the answer. */
  citations: string[];
  /** Why the distractors are wrong; shown to the model, not stored in the dataset. */
  explanation?: string;
}

/**
 * What a domain package provides: guidance for the question writer, for the reviewers and extra checks.
 * Build one with {@link defineDomainPlugin}, which validates it.
 */
export interface DomainPlugin {
  /** Lower-case kebab-case id used on the command line (`--domain finance`). */
  id: string;
  /** Human name, e.g. "Finance". */
  displayName: string;
  /** The `subject` column of the dataset rows, e.g. "finance". */
  subject: string;
  /** BCP 47 / ISO 639-1 language codes the plugin writes questions in; the first is the default. */
  languages: string[];
  /** Version of the plugin's prompts; part of every question's `prompt_version`. */
  version: string;
  /** Extra instructions for the question writer (plain text or markdown). */
  instructions: string;
  /** Worked examples; each must pass the core quality checks itself. */
  fewShotExamples: FewShotExample[];
  /** Markdown shown to reviewers in Argilla. */
  reviewerGuidelines: string;
  /** Domain-specific checks run after the built-in ones. */
  checks?: QualityCheck[];
  /**
   * Phrases the built-in phrase checks look for besides the core lists, by language and kind, e.g.
   * `{ de: { noneOfTheAbove: ["keines der genannten Arzneimittel"] } }`, or `refersToSource` for stems that point to a
   * text the reader never sees (`{ en: { refersToSource: ["in the leaflet"] } }`). Pass them as `checkQuestion`'s `phrases`.
   */
  phrases?: PhraseLists;
}

const ID_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/u;
const LANGUAGE_PATTERN = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u;

/**
 * Validates a domain plugin and returns it frozen. Throws a `TypeError` naming the field and the fix.
 *
 * @example
 * export default defineDomainPlugin({
 *   id: "finance", displayName: "Finance", subject: "finance", languages: ["en"], version: "1.0.0",
 *   instructions: "State the currency and period in every numeric question.",
 *   fewShotExamples: [...], reviewerGuidelines: "# Reviewing finance questions\n...",
 * });
 */
export function defineDomainPlugin(plugin: DomainPlugin): Readonly<DomainPlugin> {
  const problems: string[] = [];
  if (!ID_PATTERN.test(plugin.id ?? "")) {
    problems.push(`id "${plugin.id}" must be lower-case kebab-case (letters, digits, single dashes), e.g. "finance"`);
  }
  for (const key of ["displayName", "subject", "version", "instructions", "reviewerGuidelines"] as const) {
    if (typeof plugin[key] !== "string" || plugin[key].trim() === "")
      problems.push(`${key} must be a non-empty string`);
  }
  if (!Array.isArray(plugin.languages) || plugin.languages.length === 0) {
    problems.push('languages must list at least one language code, e.g. ["en"]');
  } else {
    for (const lang of plugin.languages) {
      if (!LANGUAGE_PATTERN.test(lang))
        problems.push(`language "${lang}" is not a language code such as "en" or "pt-BR"`);
    }
  }
  if (!Array.isArray(plugin.fewShotExamples) || plugin.fewShotExamples.length === 0) {
    problems.push("fewShotExamples must hold at least one worked example");
  }
  for (const check of plugin.checks ?? []) {
    if (typeof check.run !== "function" || !check.name || !Array.isArray(check.codes) || check.codes.length === 0) {
      problems.push(`check "${check.name ?? "(unnamed)"}" needs a name, at least one code and a run function`);
    }
  }
  for (const [language, kinds] of Object.entries(plugin.phrases ?? {})) {
    if (!LANGUAGE_PATTERN.test(language)) problems.push(`phrases: "${language}" is not a language code such as "ja"`);
    for (const [kind, list] of Object.entries(kinds ?? {})) {
      if (!(PHRASE_KINDS as readonly string[]).includes(kind)) {
        problems.push(`phrases.${language}.${kind} is not a phrase kind: use ${PHRASE_KINDS.join(", ")}`);
      } else if (!Array.isArray(list) || list.some((p) => typeof p !== "string" || p.trim() === "")) {
        problems.push(`phrases.${language}.${kind} must be a list of non-empty strings`);
      }
    }
  }
  if (problems.length > 0) {
    throw new TypeError(`invalid domain plugin "${plugin.id ?? "(no id)"}": ${problems.join("; ")}`);
  }
  return Object.freeze({ ...plugin });
}

/**
 * `prompt_version` for a question: the package's prompt version and, when a domain is used, the plugin's.
 *
 * @example
 * promptVersionFor({ basePromptVersion: "exam-3", plugin: finance }); // "exam-3+finance@1.2.0"
 */
export function promptVersionFor(params: {
  /** The prompt version of the package that wrote the question. */
  basePromptVersion: string;
  /** The domain plugin used, if any. */
  plugin?: Pick<DomainPlugin, "id" | "version">;
}): string {
  const { basePromptVersion, plugin } = params;
  return plugin ? `${basePromptVersion}+${plugin.id}@${plugin.version}` : basePromptVersion;
}
