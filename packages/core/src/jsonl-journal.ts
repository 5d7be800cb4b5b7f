import { open, stat, truncate } from "node:fs/promises";
import { DomainEvalError } from "./domain-eval-error.js";
import { JsonlAppender, readJsonl } from "./jsonl.js";

/** Why a journal cannot be opened, as a stable code. */
export type JournalErrorCode =
  /** The journal exists and `resume` was not asked for. */
  | "JOURNAL_EXISTS"
  /** The file is not a journal of this format (another file, or a journal of an older version). */
  | "JOURNAL_FORMAT"
  /** The journal was written with other settings than this run's. */
  | "JOURNAL_SETTINGS";

/**
 * The error of {@link openJsonlJournal}. The message is one line: which journal, what differs, and what to do.
 *
 * @example
 * try { await openJsonlJournal({ path, format, settings, resume: true }); }
 * catch (error) { if (error instanceof JournalError && error.code === "JOURNAL_SETTINGS") console.error(error.message); }
 */
export class JournalError extends DomainEvalError<JournalErrorCode> {
  override name = "JournalError";
}

/** A value a journal header can record: JSON. */
export type JournalSetting = string | number | boolean | null | readonly JournalSetting[] | JournalSettings;
/** The settings a journal header records (snake_case keys, as in every file format of the project). */
export interface JournalSettings {
  readonly [key: string]: JournalSetting;
}

/** An open journal: the records earlier runs wrote, and a way to add more. */
export interface JsonlJournal {
  /** Records after the header, in file order (a line cut off by a crash is removed first). */
  readonly records: readonly unknown[];
  /** Appends one record as one line; resolves once the line is handed to the OS. */
  append(record: unknown): Promise<void>;
  close(): Promise<void>;
}

/** Cuts a half-written last line (left by a kill mid-write) so appends start on a fresh line. Reads from the end. */
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

/** JSON with object keys sorted, so settings compare by content. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

const HEADER_FIELDS = new Set(["type", "format", "created_at"]);

/**
 * Opens (or creates) an append-only JSONL journal: a header line with the format and the settings that shape the
 * output, then one line per record, each appended as soon as it is made, so a killed run loses at most what was in
 * flight. Opening an existing journal needs `resume`; it repairs a half-written last line, and refuses a journal of
 * another format or written with other settings, naming each setting that differs.
 *
 * @throws JournalError `JOURNAL_EXISTS` (exists, no `resume`), `JOURNAL_FORMAT`, `JOURNAL_SETTINGS`.
 * @example
 * const journal = await openJsonlJournal({
 *   path: "run.journal.jsonl",
 *   format: "my-tool/journal@1",
 *   settings: { model: "gpt-4o-mini", prompt_version: "p-3" },
 *   resume: true,
 * });
 * for (const record of journal.records) done.add((record as { id: string }).id);
 * await journal.append({ id: "chunk-7", questions: [] });
 * await journal.close();
 */
export async function openJsonlJournal(params: {
  /** The journal file. */
  path: string;
  /** The format name written into the header, e.g. `domain-eval/question-chain-journal@2`. */
  format: string;
  /** What shapes the output; a resume with a different value of any of them is refused. */
  settings: JournalSettings;
  /** Continue the journal at `path` if it exists (otherwise an existing journal is an error). */
  resume: boolean;
}): Promise<JsonlJournal> {
  const exists = await stat(params.path).then(
    (s) => s.size > 0,
    () => false,
  );
  if (exists && !params.resume) {
    throw new JournalError({
      code: "JOURNAL_EXISTS",
      message: `journal ${params.path} already exists: pass resume: true (--resume) to continue that run, or delete it to start over`,
    });
  }
  const records: unknown[] = [];
  if (exists) {
    await dropPartialLastLine(params.path);
    for await (const { value, lineNumber } of readJsonl(params.path)) {
      if (lineNumber === 1) {
        checkHeader(params, value);
        continue;
      }
      records.push(value);
    }
  }
  const appender = await JsonlAppender.open(params.path);
  if (!exists) {
    for (const key of Object.keys(params.settings)) {
      if (HEADER_FIELDS.has(key)) throw new TypeError(`journal setting "${key}" is reserved: rename it`);
    }
    await appender.append({
      type: "header",
      format: params.format,
      ...params.settings,
      created_at: new Date().toISOString(),
    });
  }
  return {
    records,
    append: (record) => appender.append(record),
    close: () => appender.close(),
  };
}

function checkHeader(params: { path: string; format: string; settings: JournalSettings }, value: unknown): void {
  const header = (typeof value === "object" && value !== null ? value : {}) as Record<string, unknown>;
  if (header.type !== "header" || header.format !== params.format) {
    const written = typeof header.format === "string" ? ` (it is ${header.format})` : "";
    throw new JournalError({
      code: "JOURNAL_FORMAT",
      message: `${params.path} is not a ${params.format} journal${written}: delete it to start over, or use another journal path`,
    });
  }
  const differences: string[] = [];
  for (const [key, wanted] of Object.entries(params.settings)) {
    const had = key in header ? header[key] : "(not recorded)";
    if (canonical(had) !== canonical(wanted)) differences.push(`${key} ${canonical(had)} → ${canonical(wanted)}`);
  }
  if (differences.length > 0) {
    throw new JournalError({
      code: "JOURNAL_SETTINGS",
      message: `journal ${params.path} was written with other settings (${differences.join("; ")}): resume with the settings it was written with, or delete it (or use another path) to start over`,
    });
  }
}
