import { JournalError, openJsonlJournal } from "@domain-eval/core";
import type { MemberAnswer } from "./panel-member.js";
import { ValidatorError } from "./validator-error.js";

const JOURNAL_FORMAT = "domain-eval/validation-journal@1";

/** One recorded answer (under its key: question content, setting, model, sample, order): what the member said. */
export type JournalAnswer = MemberAnswer;

/** An open validation journal. */
export interface ValidationJournal {
  /** Answers recorded by earlier runs, by key. */
  finished: Map<string, JournalAnswer>;
  /** Lines of other kinds (the batch path's `{"type": "batch", …}` records), in order. */
  others: unknown[];
  append(key: string, answer: JournalAnswer): Promise<void>;
  /** Appends a line of another kind. */
  appendRecord(record: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens (or creates) the journal of a validation run: one JSONL line per answer, appended as soon as it arrives, so
 * an interrupted run resumes without asking any model again what it already answered. Core's `openJsonlJournal`
 * does the file work (header check, repair of a line cut off by a crash).
 *
 * @throws ValidatorError `JOURNAL_MISMATCH` when the journal exists without `resume`, is not a validation journal,
 * or was written with other prompts.
 * @example
 * const journal = await openValidationJournal({ path: "validated.jsonl.journal.jsonl", resume: true, promptVersion: "validate-1" });
 */
export async function openValidationJournal(params: {
  path: string;
  resume: boolean;
  promptVersion: string;
}): Promise<ValidationJournal> {
  const journal = await openJsonlJournal({
    path: params.path,
    resume: params.resume,
    format: JOURNAL_FORMAT,
    settings: { prompt_version: params.promptVersion },
  }).catch((error: unknown) => {
    // the package's one error type, same message, the cause kept
    if (error instanceof JournalError) {
      throw new ValidatorError({ code: "JOURNAL_MISMATCH", message: error.message, cause: error });
    }
    throw error;
  });
  const finished = new Map<string, JournalAnswer>();
  const others: unknown[] = [];
  for (const value of journal.records) {
    const record = value as { type?: string; key?: string; answer?: JournalAnswer };
    if (record.type === "answer" && record.key && record.answer) finished.set(record.key, record.answer);
    else others.push(value);
  }
  return {
    finished,
    others,
    append: (key, answer) => journal.append({ type: "answer", key, answer }),
    appendRecord: (record) => journal.append(record),
    close: () => journal.close(),
  };
}
