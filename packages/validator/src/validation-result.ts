import { choiceLetter, type Finding, type FindingSeverity, VALIDATION_FINDINGS } from "@domain-eval/core";
import { DEFAULT_ALPHA, testAboveChance } from "./above-chance.js";
import type { PanelScoring } from "./panel-member.js";
import { VALIDATION_PROMPT_VERSION, VALIDATION_SETTINGS, type ValidationSetting } from "./validation-prompts.js";

/** One answer of one panel member, as stored in `validation.settings.<setting>.answers`. */
export interface ValidationAnswer {
  model: string;
  /** Which of the member's answers in this setting (0-based); the order differs per sample. */
  sample: number;
  /** The options shown, as indices into `[answer, ...distractors]`: `order[0]` was shown as A. */
  order: number[];
  /** The chosen option as an index into `[answer, ...distractors]` (0 is the key); null for no answer. */
  choice: number | null;
  /** The letter the chosen option had in this order; null for no answer. */
  letter: string | null;
  /** Whether the key was chosen; null for no answer (never counted right or wrong). */
  correct: boolean | null;
  /** Probability of each option, indexed like `choice`; null when the member gives only a letter. */
  probabilities: number[] | null;
  /** Why the member gave no usable answer; null when it answered. */
  no_answer: string | null;
}

/** The answers of the panel in one setting, and their summary. */
export interface ValidationSettingResult {
  /** Answers asked for. */
  total: number;
  /** Answers given (no-answers excluded). */
  answered: number;
  correct: number;
  /** correct / answered; null when nothing was answered (or the setting could not run: no passage). */
  rate: number | null;
  /** Probability of a right answer by guessing: 1 / options. */
  chance: number;
  answers: ValidationAnswer[];
  /** Closed book and options only: one-sided exact binomial p-value of `correct` of `answered` against `chance`. */
  p_value?: number;
  /** Closed book and options only: `p_value <= alpha`. */
  above_chance?: boolean;
  /** Order swap: some member chose different option texts when the order changed. */
  position_sensitive?: boolean | null;
  /** Order swap: the same per member (null when it answered fewer than two orders). */
  position_sensitive_by_model?: Record<string, boolean | null>;
}

/** The `validation` object a question gains. */
export interface QuestionValidation {
  prompt_version: string;
  panel: { model: string; kind: "local" | "endpoint"; scoring: PanelScoring }[];
  /** Significance level of the above-chance rule. */
  alpha: number;
  settings: Record<ValidationSetting, ValidationSettingResult>;
}

/** Severity of each validation finding; `ANSWERABLE_WITHOUT_SOURCE` may be raised to an error by policy. */
export interface ValidationPolicy {
  /** Default "warning". */
  closedBookSeverity?: FindingSeverity;
  /** Significance level of "clearly above chance" (default 0.05). */
  alpha?: number;
}

function summarise(answers: ValidationAnswer[], chance: number): ValidationSettingResult {
  const answered = answers.filter((a) => a.choice !== null);
  const correct = answered.filter((a) => a.correct === true).length;
  return {
    total: answers.length,
    answered: answered.length,
    correct,
    rate: answered.length > 0 ? Math.round((correct / answered.length) * 1000) / 1000 : null,
    chance: Math.round(chance * 1000) / 1000,
    answers,
  };
}

/** Per member: did it pick different option texts in different orders (open book and order swap together)? */
function positionSensitivity(answers: ValidationAnswer[]): Record<string, boolean | null> {
  const byModel = new Map<string, Set<number>>();
  const counts = new Map<string, number>();
  for (const a of answers) {
    if (!byModel.has(a.model)) byModel.set(a.model, new Set());
    if (a.choice === null) continue;
    byModel.get(a.model)?.add(a.choice);
    counts.set(a.model, (counts.get(a.model) ?? 0) + 1);
  }
  const out: Record<string, boolean | null> = {};
  for (const [model, choices] of byModel) out[model] = (counts.get(model) ?? 0) < 2 ? null : choices.size > 1;
  return out;
}

/**
 * Builds a question's `validation` object from the panel's answers, and the findings it implies:
 * - `KEY_DISPUTED` (error): over the open-book answers (open book and order swap), one other option has more than
 *   half of the answers given;
 * - `ANSWERABLE_WITHOUT_SOURCE` (warning, or error by policy): closed book right clearly above chance;
 * - `ANSWERABLE_FROM_OPTIONS` (warning): options only right clearly above chance.
 * "Clearly above chance" is the one-sided exact binomial test of `testAboveChance` at `alpha`.
 *
 * @example
 * const { validation, findings } = buildValidation({ options, panel, answers, policy: { closedBookSeverity: "error" } });
 */
export function buildValidation(params: {
  /** `[answer, ...distractors]`. */
  options: readonly string[];
  panel: QuestionValidation["panel"];
  answers: Record<ValidationSetting, ValidationAnswer[]>;
  policy?: ValidationPolicy;
}): { validation: QuestionValidation; findings: Finding[] } {
  const alpha = params.policy?.alpha ?? DEFAULT_ALPHA;
  const chance = 1 / params.options.length;
  const settings = Object.fromEntries(
    VALIDATION_SETTINGS.map((s) => [s, summarise(params.answers[s], chance)]),
  ) as Record<ValidationSetting, ValidationSettingResult>;
  const findings: Finding[] = [];

  // Open book: a majority for another option disputes the key.
  const openBook = [...params.answers.open_book, ...params.answers.order_swap].filter((a) => a.choice !== null);
  if (openBook.length > 0) {
    const votes = new Map<number, number>();
    for (const a of openBook) votes.set(a.choice as number, (votes.get(a.choice as number) ?? 0) + 1);
    const [top, count] = [...votes.entries()].filter(([i]) => i !== 0).sort((a, b) => b[1] - a[1])[0] ?? [-1, 0];
    const share = count / openBook.length;
    if (top > 0 && share > 0.5) {
      const option = params.options[top] as string;
      findings.push({
        code: "KEY_DISPUTED",
        severity: VALIDATION_FINDINGS.KEY_DISPUTED.severity,
        message: `with the passage, the panel chose "${option}" instead of the key in ${count} of ${openBook.length} answers (${Math.round(share * 100)}%): ${VALIDATION_FINDINGS.KEY_DISPUTED.action}`,
        data: { option, option_index: top, share, answers: openBook.length },
      });
    }
  }

  const blind = [
    ["closed_book", "ANSWERABLE_WITHOUT_SOURCE", params.policy?.closedBookSeverity ?? "warning", "without the passage"],
    [
      "options_only",
      "ANSWERABLE_FROM_OPTIONS",
      VALIDATION_FINDINGS.ANSWERABLE_FROM_OPTIONS.severity,
      "from the options alone",
    ],
  ] as const;
  for (const [setting, code, severity, how] of blind) {
    const result = settings[setting];
    const test = testAboveChance({ correct: result.correct, answered: result.answered, chance, alpha });
    result.p_value = Math.round(test.pValue * 10000) / 10000;
    result.above_chance = test.aboveChance;
    if (test.aboveChance) {
      findings.push({
        code,
        severity,
        message: `the panel picked the key ${how} in ${test.correct} of ${test.answered} answers (chance ${Math.round(chance * 100)}%, p = ${test.pValue.toPrecision(2)} ≤ ${alpha}): ${VALIDATION_FINDINGS[code].action}`,
        data: { correct: test.correct, answered: test.answered, chance, p_value: test.pValue, alpha },
      });
    }
  }

  const bySensitivity = positionSensitivity([...params.answers.open_book, ...params.answers.order_swap]);
  const known = Object.values(bySensitivity).filter((v): v is boolean => v !== null);
  settings.order_swap.position_sensitive = known.length === 0 ? null : known.some(Boolean);
  settings.order_swap.position_sensitive_by_model = bySensitivity;

  return {
    validation: { prompt_version: VALIDATION_PROMPT_VERSION, panel: params.panel, alpha, settings },
    findings,
  };
}

/** The codes validation writes; earlier findings with these codes are replaced when a question is validated again. */
export const VALIDATION_FINDING_CODES: readonly string[] = Object.keys(VALIDATION_FINDINGS);

/**
 * A question with its `validation` and the validation findings merged into `findings` (replacing those of an earlier
 * validation; other findings and every other field kept).
 *
 * @example
 * const out = withValidation({ question, validation, findings });
 */
export function withValidation<Q extends { findings?: readonly Finding[] }>(params: {
  question: Q;
  validation: QuestionValidation;
  findings: readonly Finding[];
}): Q & { validation: QuestionValidation; findings: Finding[] } {
  const kept = (params.question.findings ?? []).filter((f) => !VALIDATION_FINDING_CODES.includes(f.code));
  return { ...params.question, validation: params.validation, findings: [...kept, ...params.findings] };
}

/** `letter` of a display position, for answers. */
export function letterAt(position: number): string {
  return choiceLetter(position);
}
