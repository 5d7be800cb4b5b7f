import { createHash } from "node:crypto";
import {
  type CheckThresholds,
  checkQuestion,
  DEFAULT_FINDING_POLICY,
  type DomainPlugin,
  DuplicateQuestionFilter,
  decideFindingAction,
  describeZodIssues,
  type ExamQuestion,
  ExamQuestionSchema,
  type Finding,
  type FindingPolicy,
  normalizeForComparison,
} from "@domain-eval/core";
import type { ChunkMetadata } from "./split-documents.js";

/** A generated question that did not pass the checks, with the findings that dropped it. */
export interface DroppedQuestion {
  question: Partial<ExamQuestion> & Pick<ExamQuestion, "id" | "question" | "answer" | "distractors" | "citations">;
  findings: Finding[];
}

/** One question as the model wrote it, citations already resolved to text. */
export interface GeneratedQuestion {
  question: string;
  answer: string;
  distractors: string[];
  citations: string[];
}

/**
 * Stable question id: from the chunk id and the question's normalised text.
 *
 * @example
 * questionIdFor({ chunkId: "doc-1:100-400", question: "What was the net margin in 2024?" }); // "q-…" (16 hex digits)
 */
export function questionIdFor(params: {
  /** The `source.chunk_id` of the question. */
  chunkId: string;
  /** The question's text (compared in its normalised form, so spacing and case do not change the id). */
  question: string;
}): string {
  const { chunkId, question } = params;
  return `q-${createHash("sha256")
    .update(`${chunkId}\n${normalizeForComparison(question)}`)
    .digest("hex")
    .slice(0, 16)}`;
}

function finding(code: string, severity: Finding["severity"], message: string): Finding {
  return { code, severity, message };
}

/** The settings of a chain that decide what happens to each generated question. */
export interface QuestionPolicySettings {
  questionsPerChunk: number;
  optionsPerQuestion: number;
  promptVersion: string;
  policy?: FindingPolicy;
  thresholds?: CheckThresholds;
  domain?: DomainPlugin;
}

/**
 * The per-question policy of one chunk's answer: trims, ids, option-count and extra-question findings, the quality
 * checks, near-duplicates within the chunk, then keep / flag / drop by the finding policy.
 */
export function applyQuestionPolicy(params: {
  generated: readonly GeneratedQuestion[];
  /** The chunk text (the checks' source). */
  text: string;
  source: ChunkMetadata;
  generatorModel: string;
  settings: QuestionPolicySettings;
}): { questions: ExamQuestion[]; dropped: DroppedQuestion[] } {
  const { settings, source, text } = params;
  const policy = settings.policy ?? DEFAULT_FINDING_POLICY;
  const wanted = settings.optionsPerQuestion - 1;
  const questions: ExamQuestion[] = [];
  const dropped: DroppedQuestion[] = [];
  const duplicates = new DuplicateQuestionFilter();
  params.generated.forEach((g, index) => {
    const questionText = g.question.trim();
    const id = questionIdFor({ chunkId: source.chunk_id, question: questionText });
    const findings: Finding[] = [];
    let distractors = g.distractors.map((d) => d.trim());
    if (distractors.length > wanted) {
      findings.push(
        finding(
          "EXTRA_DISTRACTORS",
          "info",
          `${distractors.length} distractors given, ${wanted} kept (the first ones)`,
        ),
      );
      distractors = distractors.slice(0, wanted);
    } else if (distractors.length < wanted && distractors.length >= 3) {
      findings.push(
        finding(
          "WRONG_OPTION_COUNT",
          "error",
          `${distractors.length} distractors where ${wanted} were asked for (${settings.optionsPerQuestion} options per question)`,
        ),
      );
    }
    const candidate: ExamQuestion = {
      id,
      question: questionText,
      answer: g.answer.trim(),
      distractors,
      citations: g.citations.map((c) => c.trim()).filter((c) => c !== ""),
      source: { ...source },
      source_text: text,
      generator_model: params.generatorModel,
      prompt_version: settings.promptVersion,
    };
    if (index >= settings.questionsPerChunk) {
      findings.push(
        finding(
          "EXTRA_QUESTION",
          "error",
          `question ${index + 1} is beyond the ${settings.questionsPerChunk} asked for`,
        ),
      );
    }
    findings.push(
      ...checkQuestion({
        question: candidate,
        sourceText: text,
        extraChecks: settings.domain?.checks,
        phrases: settings.domain?.phrases,
        thresholds: settings.thresholds,
      }),
    );
    const duplicate = duplicates.check({ id, question: questionText });
    if (duplicate) findings.push(duplicate);
    const action = decideFindingAction({ findings, policy });
    if (action === "drop") {
      dropped.push({ question: candidate, findings });
      return;
    }
    const checked = ExamQuestionSchema.safeParse(action === "flag" ? { ...candidate, findings } : candidate);
    if (!checked.success) {
      const issues = describeZodIssues(checked.error)
        .map((i) => `${i.path}: ${i.message}`)
        .join("; ");
      findings.push(finding("INVALID_QUESTION", "error", `not a valid exam question: ${issues}`));
      dropped.push({ question: candidate, findings });
      return;
    }
    questions.push(checked.data);
  });
  return { questions, dropped };
}
