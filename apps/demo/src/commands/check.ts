import { constants } from "node:fs";
import { access } from "node:fs/promises";
import {
  type CheckableQuestion,
  checkQuestion,
  DuplicateQuestionFilter,
  errorMessage,
  type Finding,
  hasErrors,
  JsonlParseError,
  type PhraseLists,
  type QualityCheck,
  readJsonl,
  VALIDATION_FINDINGS,
} from "@domain-eval/core";
import type { Command } from "commander";
import { CliError, EXIT } from "../cli-error.js";
import { commandContext } from "../command-context.js";
import { filePath, type JsonFlag } from "../command-options.js";

export interface CheckSummary {
  questions: number;
  withErrors: number;
  withWarnings: number;
  byCode: Record<string, number>;
}

function asCheckable(value: unknown, where: string): CheckableQuestion & { id: string } {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CliError(`${where} is not a JSON object: each line must be one question`);
  }
  const v = value as Record<string, unknown>;
  const problems: string[] = [];
  const str = (k: string) => typeof v[k] === "string";
  const strArray = (k: string) => Array.isArray(v[k]) && (v[k] as unknown[]).every((x) => typeof x === "string");
  if (!str("id")) problems.push("`id` (string)");
  if (!str("question")) problems.push("`question` (string)");
  if (!str("answer")) problems.push("`answer` (string)");
  if (!strArray("distractors")) problems.push("`distractors` (string[])");
  if (v.citations !== undefined && !strArray("citations")) problems.push("`citations` (string[])");
  if (v.source_text !== undefined && !str("source_text")) problems.push("`source_text` (string)");
  if (problems.length > 0) {
    throw new CliError(
      `${where} is missing or has a wrongly typed ${problems.join(", ")}: each line needs id, question, answer, distractors, citations and optionally source_text`,
    );
  }
  return v as unknown as CheckableQuestion & { id: string };
}

function storedValidationFindings(value: unknown): Finding[] {
  const stored = (value as { findings?: unknown }).findings;
  if (!Array.isArray(stored)) return [];
  return stored.filter(
    (f): f is Finding =>
      typeof f === "object" && f !== null && typeof f.code === "string" && f.code in VALIDATION_FINDINGS,
  );
}

/**
 * `domain-eval check FILE`: runs the quality checks on every line of a questions file, streaming.
 * Calls `onResult` once per question; returns the summary and the exit code (0 no errors, 1 some errors).
 */
export async function runCheck(params: {
  file: string;
  extraChecks?: readonly QualityCheck[];
  /** A domain plugin's phrases for the phrase checks. */
  phrases?: PhraseLists;
  onResult: (result: { id: string; ok: boolean; findings: Finding[] }) => void;
}): Promise<{ summary: CheckSummary; exitCode: number }> {
  try {
    await access(params.file, constants.R_OK);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw new CliError(
      missing
        ? `${params.file} does not exist: pass the questions.jsonl written by domain-eval generate`
        : `cannot read ${params.file} (${errorMessage(error)}): check its permissions`,
      EXIT.USAGE,
      { cause: error },
    );
  }
  const duplicates = new DuplicateQuestionFilter();
  const seenIds = new Set<string>();
  const summary: CheckSummary = { questions: 0, withErrors: 0, withWarnings: 0, byCode: {} };
  try {
    for await (const { value, lineNumber } of readJsonl(params.file)) {
      const question = asCheckable(value, `${params.file} line ${lineNumber}`);
      if (seenIds.has(question.id)) {
        throw new CliError(`${params.file} line ${lineNumber} repeats id "${question.id}": ids must be unique`);
      }
      seenIds.add(question.id);
      const findings = checkQuestion({ question, extraChecks: params.extraChecks, phrases: params.phrases }).filter(
        (f) => f.severity !== "info",
      );
      // Findings of `domain-eval validate` come from models, not rules: show the ones stored with the question.
      findings.push(...storedValidationFindings(value));
      const duplicate = duplicates.check(question);
      if (duplicate) findings.push(duplicate);
      summary.questions++;
      if (hasErrors(findings)) summary.withErrors++;
      else if (findings.length > 0) summary.withWarnings++;
      for (const f of findings) summary.byCode[f.code] = (summary.byCode[f.code] ?? 0) + 1;
      params.onResult({
        id: question.id,
        ok: !hasErrors(findings),
        findings: findings.map(({ code, severity, message }) => ({ code, severity, message })),
      });
    }
  } catch (error) {
    if (error instanceof JsonlParseError) throw new CliError(error.message, EXIT.USAGE, { cause: error });
    throw error;
  }
  if (summary.questions === 0) {
    throw new CliError(`${params.file} holds no questions: it is empty`);
  }
  return { summary, exitCode: summary.withErrors > 0 ? EXIT.FAILED : EXIT.OK };
}

/** Options of `domain-eval check`. */
export interface CheckCommandOptions extends JsonFlag {
  domain?: string;
}

/** Adds `domain-eval check` to the program. */
export function registerCheckCommand(program: Command): void {
  program
    .command("check")
    .description("run the quality checks on a questions file (one JSON question per line)")
    .argument(
      "<file>",
      "questions.jsonl: id, question, answer, distractors, citations, optional source_text",
      filePath("<file>", "questions.jsonl"),
    )
    .option("--json", "one JSON line per question: {id, ok, findings}")
    .option("--domain <id>", "also run this domain plugin's checks")
    .addHelpText(
      "after",
      "\nExit codes: 0 no question has an error, 1 some do, 2 the input is unusable.\n\nExamples:\n  domain-eval check questions.jsonl\n  domain-eval check questions.jsonl --json | jq 'select(.ok == false)'",
    )
    .action(async (file: string, opts: CheckCommandOptions) => {
      const { out, domain } = await commandContext(program, opts);
      const { summary, exitCode } = await runCheck({
        file,
        extraChecks: domain?.checks,
        phrases: domain?.phrases,
        onResult: (r) => {
          if (out.json) out.result("", r);
          else if (r.findings.length > 0) {
            out.result(
              [
                `${r.ok ? "!" : "✗"} ${r.id}`,
                ...r.findings.map((f) => `    ${f.severity} ${f.code}: ${f.message}`),
              ].join("\n"),
            );
          }
        },
      });
      if (!out.json) {
        out.info(
          `${summary.questions} questions: ${summary.questions - summary.withErrors - summary.withWarnings} clean, ${summary.withWarnings} with warnings only, ${summary.withErrors} with errors`,
        );
      }
      process.exitCode = exitCode;
    });
}
