import { type JournalSettings, openJsonlJournal } from "@domain-eval/core";
import type { QuestionChainOutput } from "./chunk-request.js";

/** The journal format; @1 (before the header recorded the settings) is refused with a line saying so. */
export const EXAM_JOURNAL_FORMAT = "domain-eval/question-chain-journal@2";

/** One finished chunk (with questions or a recorded failure). */
interface JournalChunk {
  type: "chunk";
  chunk_id: string;
  result: QuestionChainOutput;
}

/** An open journal: what earlier runs finished, and a way to record more. */
export interface ExamJournal {
  /** Results of chunks finished by earlier runs, by chunk id (the last record of a chunk wins). */
  finished: Map<string, QuestionChainOutput>;
  append(result: QuestionChainOutput): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens (or creates) the journal of a `generateExam` run: a header with the settings that shape the output, then one
 * JSONL line per finished chunk, appended as soon as the chunk finishes, so a killed run loses at most the chunks in
 * flight (core's `openJsonlJournal`).
 *
 * @throws JournalError (from core) when the journal exists and `resume` is false, is not a journal of this format, or
 * was written with other settings.
 */
export async function openExamJournal(params: {
  path: string;
  resume: boolean;
  /** What shapes the output: model, prompt version, domain, questions per chunk, options, chunking, … */
  settings: JournalSettings;
}): Promise<ExamJournal> {
  const journal = await openJsonlJournal({ ...params, format: EXAM_JOURNAL_FORMAT });
  const finished = new Map<string, QuestionChainOutput>();
  for (const record of journal.records as JournalChunk[]) {
    if (record?.type === "chunk") finished.set(record.chunk_id, record.result);
  }
  return {
    finished,
    append: (result) => journal.append({ type: "chunk", chunk_id: result.chunk_id, result } satisfies JournalChunk),
    close: () => journal.close(),
  };
}
