/** How serious a quality finding is. Callers map severities to drop / flag / keep with a {@link FindingPolicy}. */
export type FindingSeverity = "error" | "warning" | "info";

/**
 * One result of a quality check: a stable machine-readable `code`, a `severity`, a human `message` that says what is
 * wrong, and optional `data` (for example the grounding score).
 */
export interface Finding {
  code: string;
  severity: FindingSeverity;
  message: string;
  data?: Record<string, unknown>;
}

/** What to do with a question that has findings of a given severity. */
export type FindingAction = "drop" | "flag" | "keep";

/** Maps each severity to an action; the most severe action over all findings wins. */
export type FindingPolicy = Record<FindingSeverity, FindingAction>;

/** Drop questions with errors, keep-but-flag questions with warnings, keep everything else. */
export const DEFAULT_FINDING_POLICY: FindingPolicy = Object.freeze({ error: "drop", warning: "flag", info: "keep" });

const ACTION_RANK: Record<FindingAction, number> = { keep: 0, flag: 1, drop: 2 };

/**
 * Decides what to do with a question from its findings.
 *
 * @example
 * decideFindingAction({ findings: [{ code: "LENGTH_BIAS", severity: "warning", message: "…" }] }) // "flag"
 */
export function decideFindingAction(params: {
  findings: readonly Finding[];
  /** Default {@link DEFAULT_FINDING_POLICY}. */
  policy?: FindingPolicy;
}): FindingAction {
  const { findings, policy = DEFAULT_FINDING_POLICY } = params;
  let action: FindingAction = "keep";
  for (const finding of findings) {
    const candidate = policy[finding.severity];
    if (ACTION_RANK[candidate] > ACTION_RANK[action]) action = candidate;
  }
  return action;
}

/** True when any finding is an error. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}

/**
 * Finding codes written by `domain-eval validate` (a panel of models answering each question), with what each means
 * and what a reviewer should do. `ANSWERABLE_WITHOUT_SOURCE` is a warning unless the validation policy makes it an
 * error.
 */
export const VALIDATION_FINDINGS = Object.freeze({
  KEY_DISPUTED: {
    severity: "error",
    meaning: "with the passage in front of them, a majority of the panel's answers chose another option than the key",
    action: "check the key against the passage: correct the answer if the panel is right, else keep it",
  },
  ANSWERABLE_WITHOUT_SOURCE: {
    severity: "warning",
    meaning: "without the passage the panel answered right clearly above chance: it tests general knowledge",
    action: "rewrite the question so it needs the document, or discard it",
  },
  ANSWERABLE_FROM_OPTIONS: {
    severity: "warning",
    meaning: "shown only the options, without the question, the panel picked the key clearly above chance",
    action: "rewrite the distractors so they are as plausible as the key (similar length, wording, specificity)",
  },
} as const satisfies Record<string, { severity: FindingSeverity; meaning: string; action: string }>);

/** A code of {@link VALIDATION_FINDINGS}. */
export type ValidationFindingCode = keyof typeof VALIDATION_FINDINGS;
