import { readFile, stat, truncate } from "node:fs/promises";
import { JsonlAppender, readJsonl } from "@domain-eval/core";
import { ValidatorError } from "./validator-error.js";

const JOURNAL_FORMAT = "domain-eval/validation-journal@1";

/** One recorded answer: its key (question content, setting, model, sample, order) and what the model said. */
export interface JournalAnswer {
  choice: number | null;
  probabilities: number[] | null;
  noAnswer: string | null;
  usage: { promptTokens: number; completionTokens: number };
}

/** An open validation journal. */
export interface ValidationJournal {
  /** Answers recorded by earlier runs, by key. */
  finished: Map<string, JournalAnswer>;
  append(key: string, answer: JournalAnswer): Promise<void>;
  close(): Promise<void>;
}

/** A kill mid-write leaves a partial last line: cut it so appends start on a fresh line. */
async function cutPartialLastLine(path: string): Promise<void> {
  const text = await readFile(path, "utf8");
  if (text === "" || text.endsWith("\n")) return;
  await truncate(path, Buffer.byteLength(text.slice(0, text.lastIndexOf("\n") + 1), "utf8"));
}

/**
 * Opens (or creates) the journal of a validation run: one JSONL line per answer, appended as soon as it arrives, so
 * an interrupted run resumes without asking any model again what it already answered.
 *
 * @example
 * const journal = await openValidationJournal({ path: "validated.jsonl.journal.jsonl", resume: true, promptVersion: "validate-1" });
 */
export async function openValidationJournal(params: {
  path: string;
  resume: boolean;
  promptVersion: string;
}): Promise<ValidationJournal> {
  const exists = await stat(params.path).then(
    (s) => s.size > 0,
    () => false,
  );
  if (exists && !params.resume) {
    throw new ValidatorError({
      code: "JOURNAL_MISMATCH",
      message: `${params.path} holds an interrupted validation: pass --resume to continue it, or delete it to start over`,
    });
  }
  const finished = new Map<string, JournalAnswer>();
  if (exists) {
    await cutPartialLastLine(params.path);
    for await (const { value, lineNumber } of readJsonl(params.path)) {
      const record = value as {
        type?: string;
        format?: string;
        prompt_version?: string;
        key?: string;
        answer?: JournalAnswer;
      };
      if (lineNumber === 1) {
        if (record.type !== "header" || record.format !== JOURNAL_FORMAT) {
          throw new ValidatorError({
            code: "JOURNAL_MISMATCH",
            message: `${params.path} is not a validation journal: delete it or choose another --out`,
          });
        }
        if (record.prompt_version !== params.promptVersion) {
          throw new ValidatorError({
            code: "JOURNAL_MISMATCH",
            message: `${params.path} was written with prompts ${record.prompt_version}, this version uses ${params.promptVersion}: delete it to start over`,
          });
        }
        continue;
      }
      if (record.type === "answer" && record.key && record.answer) finished.set(record.key, record.answer);
    }
  }
  const appender = await JsonlAppender.open(params.path);
  if (!exists) {
    await appender.append({
      type: "header",
      format: JOURNAL_FORMAT,
      prompt_version: params.promptVersion,
      created_at: new Date().toISOString(),
    });
  }
  return {
    finished,
    append: (key, answer) => appender.append({ type: "answer", key, answer }),
    close: () => appender.close(),
  };
}
