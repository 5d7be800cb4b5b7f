import type { Finding } from "./findings.js";
import { scoreGrounding } from "./grounding.js";
import { characterShingles, jaccard, normalizeForComparison, wordTokens } from "./normalize-text.js";
import { findPhrase, type PhraseLists } from "./phrase-lists.js";
import { QUESTION_CONTENT_CHECKS } from "./question-content-checks.js";
import { countLettersAndDigits, displayWidth, isMostlySpacelessScript } from "./text-units.js";

/**
 * The part of a question the checks read: what `domain-eval check` accepts per line. `source_text` (the chunk the
 * question came from) enables the grounding checks.
 */
export interface CheckableQuestion {
  id?: string;
  question: string;
  answer: string;
  distractors: readonly string[];
  citations?: readonly string[];
  source_text?: string;
}

/** Context a check may use beyond the question itself. */
export interface CheckContext {
  /** The chunk text; overrides `question.source_text`. */
  sourceText?: string;
  /** Phrases the phrase-based checks look for besides the built-in lists (e.g. a domain plugin's `phrases`). */
  phrases?: PhraseLists;
}

/** A named quality check. Domain plugins contribute more of these. */
export interface QualityCheck {
  /** Stable name of the check, e.g. `length-bias`. */
  name: string;
  /** The finding codes this check can emit. */
  codes: readonly string[];
  /** One sentence on what it catches, for docs and reviewers. */
  description: string;
  run(question: CheckableQuestion, context: CheckContext): Finding[];
}

/** Thresholds of the built-in checks; every field optional. */
export interface CheckThresholds {
  /** Minimum words in a question written with spaces between words (default 3). */
  minQuestionWords?: number;
  /**
   * Minimum letters and digits in a question written mostly in a script without spaces, Japanese, Chinese or Thai
   * (default 6: "有給休暇は何日？" is 7 and passes, "売上高は？" is 4 and does not).
   */
  minQuestionChars?: number;
  /** Options this similar (character 5-gram Jaccard) are near-duplicates (default 0.85). */
  nearDuplicateOptionSimilarity?: number;
  /** Answer longer than this many times the mean distractor length is biased (default 1.8; the inverse for shorter). */
  lengthBiasRatio?: number;
  /** Length differences under this many characters are never called biased (default 15; a kanji or kana counts 2). */
  lengthBiasMinChars?: number;
  /** Answer coverage in the chunk under this is a warning (default 0.5). */
  minAnswerCoverage?: number;
}

const DEFAULTS: Required<CheckThresholds> = {
  minQuestionWords: 3,
  minQuestionChars: 6,
  nearDuplicateOptionSimilarity: 0.85,
  lengthBiasRatio: 1.8,
  lengthBiasMinChars: 15,
  minAnswerCoverage: 0.5,
};

const ABOVE_PATTERN =
  /\b(all|none|both|neither)\s+(of\s+)?(the\s+)?(above|these|those|options|answers|choices|preceding)\b|\ball\s+the\s+above\b/iu;

function finding(code: string, severity: Finding["severity"], message: string, data?: Finding["data"]): Finding {
  return data === undefined ? { code, severity, message } : { code, severity, message, data };
}

/** The numbers of a comparison form, in order. */
function numbersOf(normalized: string): string {
  return (normalized.match(/\d+/gu) ?? []).join(" ");
}

function options(q: CheckableQuestion): string[] {
  return [q.answer, ...q.distractors];
}

function textCheck(t: Required<CheckThresholds>): QualityCheck {
  return {
    name: "text",
    codes: ["EMPTY_TEXT", "TRIVIAL_QUESTION", "TOO_FEW_DISTRACTORS"],
    description: "Question, answer and distractors are present and the question is more than a word or two.",
    run(q) {
      const out: Finding[] = [];
      if (q.question.trim() === "") out.push(finding("EMPTY_TEXT", "error", "the question is empty"));
      else if (isMostlySpacelessScript({ text: q.question })) {
        if (countLettersAndDigits({ text: q.question }) < t.minQuestionChars) {
          out.push(
            finding(
              "TRIVIAL_QUESTION",
              "error",
              `the question "${q.question}" has fewer than ${t.minQuestionChars} characters: ask a complete question`,
            ),
          );
        }
      } else if (wordTokens(q.question).length < t.minQuestionWords) {
        out.push(
          finding(
            "TRIVIAL_QUESTION",
            "error",
            `the question "${q.question}" has fewer than ${t.minQuestionWords} words: ask a complete question`,
          ),
        );
      }
      if (q.answer.trim() === "") out.push(finding("EMPTY_TEXT", "error", "the answer is empty"));
      q.distractors.forEach((d, i) => {
        if (d.trim() === "") out.push(finding("EMPTY_TEXT", "error", `distractor ${i + 1} is empty`));
      });
      if (q.distractors.length < 3) {
        out.push(
          finding("TOO_FEW_DISTRACTORS", "error", `only ${q.distractors.length} distractors: at least 3 are needed`),
        );
      }
      return out;
    },
  };
}

function distinctOptionsCheck(t: Required<CheckThresholds>): QualityCheck {
  return {
    name: "distinct-options",
    codes: ["ANSWER_IN_DISTRACTORS", "DUPLICATE_OPTIONS", "NEAR_DUPLICATE_OPTIONS"],
    description:
      "No distractor repeats the answer or another distractor, after normalising case, width (full-width and half-width forms), spacing and punctuation; near-identical options are flagged.",
    run(q) {
      const out: Finding[] = [];
      const all = options(q);
      const normalized = all.map(normalizeForComparison);
      for (let i = 0; i < all.length; i++) {
        for (let j = i + 1; j < all.length; j++) {
          const a = normalized[i] as string;
          const b = normalized[j] as string;
          if (a === "" || b === "") continue;
          if (a === b) {
            out.push(
              i === 0
                ? finding(
                    "ANSWER_IN_DISTRACTORS",
                    "error",
                    `the correct answer "${all[0]}" also appears as distractor ${j}: replace that distractor`,
                  )
                : finding(
                    "DUPLICATE_OPTIONS",
                    "error",
                    `distractors ${i} and ${j} are the same option ("${all[j]}"): options must be distinct`,
                  ),
            );
            continue;
          }
          if (displayWidth({ text: a }) < 12 || displayWidth({ text: b }) < 12) continue;
          // "4 grammes par jour" and "3 grammes par jour" are the distractors a numeric question needs.
          if (numbersOf(a) !== numbersOf(b)) continue;
          // A kanji or kana carries about what two or three Latin letters do: shorter shingles for those scripts.
          const n = isMostlySpacelessScript({ text: a }) ? 3 : 5;
          const similarity = jaccard({
            a: characterShingles({ text: a, size: n }),
            b: characterShingles({ text: b, size: n }),
          });
          if (similarity >= t.nearDuplicateOptionSimilarity) {
            out.push(
              finding(
                "NEAR_DUPLICATE_OPTIONS",
                "warning",
                `options "${all[i]}" and "${all[j]}" are nearly identical (similarity ${similarity.toFixed(2)})`,
                { similarity },
              ),
            );
          }
        }
      }
      return out;
    },
  };
}

const ABOVE_KINDS = ["allOfTheAbove", "noneOfTheAbove"] as const;

const aboveOptionsCheck: QualityCheck = {
  name: "above-options",
  codes: ["ALL_OR_NONE_OF_THE_ABOVE"],
  description:
    '"All of the above" / "none of the above" options in any language of the phrase lists (上記のすべて, 以上都不是, keine der genannten, …), which break when choices are shuffled.',
  run(q, context) {
    return options(q)
      .filter(
        (o) =>
          ABOVE_PATTERN.test(o) || findPhrase({ text: o, extra: context.phrases, kinds: ABOVE_KINDS }) !== undefined,
      )
      .map((o) =>
        finding(
          "ALL_OR_NONE_OF_THE_ABOVE",
          "warning",
          `option "${o}" refers to the other options, which are shuffled: write a standalone option`,
        ),
      );
  },
};

function lengthBiasCheck(t: Required<CheckThresholds>): QualityCheck {
  return {
    name: "length-bias",
    codes: ["LENGTH_BIAS"],
    description: "The correct answer is much longer or shorter than the distractors, which gives it away.",
    run(q) {
      if (q.distractors.length === 0) return [];
      const answerLength = displayWidth({ text: q.answer });
      const mean = q.distractors.reduce((sum, d) => sum + displayWidth({ text: d }), 0) / q.distractors.length;
      if (mean === 0 || Math.abs(answerLength - mean) < t.lengthBiasMinChars) return [];
      const ratio = answerLength / mean;
      if (ratio > t.lengthBiasRatio || ratio < 1 / t.lengthBiasRatio) {
        const which = ratio > 1 ? "longer" : "shorter";
        return [
          finding(
            "LENGTH_BIAS",
            "warning",
            `the answer is ${ratio.toFixed(1)}× the mean distractor length (${which}): make the options similar in length`,
            { ratio },
          ),
        ];
      }
      return [];
    },
  };
}

function groundingCheck(t: Required<CheckThresholds>): QualityCheck {
  return {
    name: "grounding",
    codes: ["MISSING_CITATIONS", "UNGROUNDED_QUOTE", "ANSWER_NOT_IN_SOURCE", "GROUNDING_SCORE"],
    description:
      "Supporting quotes exist and occur in the source chunk (case, width and whitespace aside); the answer's words come from it. Reports a grounding score.",
    run(q, context) {
      const citations = (q.citations ?? []).filter((c) => c.trim() !== "");
      const out: Finding[] = [];
      if (citations.length === 0) {
        out.push(finding("MISSING_CITATIONS", "error", "the question has no supporting quote from the source"));
      }
      const sourceText = context.sourceText ?? q.source_text;
      if (sourceText === undefined) return out;
      const report = scoreGrounding({ question: { answer: q.answer, citations }, sourceText });
      for (const quote of report.missingQuotes) {
        out.push(
          finding(
            "UNGROUNDED_QUOTE",
            "error",
            `quote "${quote.length > 80 ? `${quote.slice(0, 77)}...` : quote}" does not occur in the source chunk`,
          ),
        );
      }
      if (report.answerCoverage < t.minAnswerCoverage) {
        out.push(
          finding(
            "ANSWER_NOT_IN_SOURCE",
            "warning",
            `only ${Math.round(report.answerCoverage * 100)}% of the answer's words occur in the source chunk: take the answer from the passage`,
            { answerCoverage: report.answerCoverage },
          ),
        );
      }
      out.push(
        finding("GROUNDING_SCORE", "info", `grounding score ${report.score.toFixed(2)}`, {
          score: report.score,
          quoteScore: report.quoteScore,
          answerCoverage: report.answerCoverage,
        }),
      );
      return out;
    },
  };
}

/**
 * The built-in checks, in the order they run: form (text, distinct options, "all of the above", length bias),
 * grounding, then the content checks (standalone stem, answer giveaway, quote support, distractor form, option kind;
 * see `question-content-checks.ts`).
 */
export function builtinChecks(thresholds: CheckThresholds = {}): QualityCheck[] {
  const t = { ...DEFAULTS, ...thresholds };
  return [
    textCheck(t),
    distinctOptionsCheck(t),
    aboveOptionsCheck,
    lengthBiasCheck(t),
    groundingCheck(t),
    ...QUESTION_CONTENT_CHECKS,
  ];
}

/** What {@link checkQuestion} takes besides the question. */
export type CheckQuestionOptions = CheckContext & {
  /** More checks, e.g. a domain plugin's. */
  extraChecks?: readonly QualityCheck[];
  thresholds?: CheckThresholds;
};

/**
 * Runs the built-in checks (and any extra ones, e.g. a domain plugin's) on one question.
 *
 * @example
 * const findings = checkQuestion({
 *   question,
 *   sourceText: chunk.pageContent,
 *   extraChecks: plugin.checks,
 *   phrases: plugin.phrases, // e.g. { ja: { noneOfTheAbove: ["該当する薬剤はない"] } }
 * });
 * const action = decideFindingAction({ findings }); // "drop" | "flag" | "keep"
 */
export function checkQuestion(
  params: CheckQuestionOptions & {
    /** The question to check. */
    question: CheckableQuestion;
  },
): Finding[] {
  const { question, ...options } = params;
  const context: CheckContext = { sourceText: options.sourceText, phrases: options.phrases };
  const checks = [...builtinChecks(options.thresholds), ...(options.extraChecks ?? [])];
  return checks.flatMap((check) => check.run(question, context));
}
