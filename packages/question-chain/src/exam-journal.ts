import { open, stat, truncate } from "node:fs/promises";
import { JsonlAppender, readJsonl } from "@domain-eval/core";
import type { QuestionChainOutput } from "./question-chain.js";

const JOURNAL_FORMAT = "domain-eval/question-chain-journal@1";

/** The first line of a journal: what wrote it, so a resume with other settings is refused. */
interface JournalHeader {
  type: "header";
  format: typeof JOURNAL_FORMAT;
  prompt_version: string;
  created_at: string;
}

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

/** Cuts a half-written last line (left by a kill mid-write) so appends start on a fresh line. */
async function dropPartialLastLine(path: string): Promise<void> {
  const { size } = await stat(path);
  if (size === 0) return;
  const handle = await open(path, "r");
  try {
    const block = Buffer.alloc(64 * 1024);
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - block.length);
      const { bytesRead } = await handle.read(block, 0, end - start, start);
      const newline = block.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (newline >= 0) {
        const keep = start + newline + 1;
        if (keep < size) await truncate(path, keep);
        return;
      }
      end = start;
    }
  } finally {
    await handle.close();
  }
  await truncate(path, 0);
}

/**
 * Opens (or creates) the journal of a `generateExam` run: one JSONL line per finished chunk, appended as soon as the
 * chunk finishes, so a killed run loses at most the chunks in flight.
 *
 * @throws Error when the journal exists and `resume` is false, or was written with another prompt version.
 */
export async function openExamJournal(params: {
  path: string;
  resume: boolean;
  promptVersion: string;
}): Promise<ExamJournal> {
  const exists = await stat(params.path).then(
    (s) => s.size > 0,
    () => false,
  );
  const finished = new Map<string, QuestionChainOutput>();
  if (exists && !params.resume) {
    throw new Error(
      `journal ${params.path} already exists: pass resume: true (--resume) to continue that run, or delete it to start over`,
    );
  }
  if (exists) {
    await dropPartialLastLine(params.path);
    let header: JournalHeader | undefined;
    for await (const { value, lineNumber } of readJsonl(params.path)) {
      const record = value as JournalHeader | JournalChunk;
      if (lineNumber === 1) {
        if (record.type !== "header" || record.format !== JOURNAL_FORMAT) {
          throw new Error(`${params.path} is not a question-chain journal: pass another journalPath`);
        }
        header = record;
        continue;
      }
      if (record.type === "chunk") finished.set(record.chunk_id, record.result);
    }
    if (header && header.prompt_version !== params.promptVersion) {
      throw new Error(
        `journal ${params.path} was written with prompt version ${header.prompt_version}, this chain has ${params.promptVersion}: resume with the same settings, or use a new journal path`,
      );
    }
  }
  const appender = await JsonlAppender.open(params.path);
  if (!exists) {
    const header: JournalHeader = {
      type: "header",
      format: JOURNAL_FORMAT,
      prompt_version: params.promptVersion,
      created_at: new Date().toISOString(),
    };
    await appender.append(header);
  }
  return {
    finished,
    append: (result) => appender.append({ type: "chunk", chunk_id: result.chunk_id, result } satisfies JournalChunk),
    close: () => appender.close(),
  };
}
