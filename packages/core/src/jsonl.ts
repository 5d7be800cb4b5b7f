import { once } from "node:events";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { DomainEvalError, errorMessage } from "./domain-eval-error.js";

/** A JSONL line that is not valid JSON (code `INVALID_JSONL`); names the file and line so the user can fix it. */
export class JsonlParseError extends DomainEvalError<"INVALID_JSONL"> {
  override readonly name = "JsonlParseError";
  /** The file. */
  readonly path: string;
  /** The line, from 1. */
  readonly lineNumber: number;
  constructor(params: { path: string; lineNumber: number; cause: unknown }) {
    const { path, lineNumber, cause } = params;
    super({
      code: "INVALID_JSONL",
      message: `${path} line ${lineNumber} is not valid JSON (${errorMessage(cause)}): fix or remove that line`,
      cause,
    });
    this.path = path;
    this.lineNumber = lineNumber;
  }
}

/** Bytes read per chunk: 1 MB reads took a quarter less CPU than 64 KB ones over a 60 MB file; still small beside the rows being built. */
const READ_CHUNK_BYTES = 1 << 20;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/**
 * Reads a JSONL file line by line without loading it whole. Blank lines are skipped; a bad line throws
 * {@link JsonlParseError} with its line number.
 *
 * @example
 * for await (const { value, lineNumber } of readJsonl("questions.jsonl")) {
 *   const question = parseExamQuestion({ value, context: `questions.jsonl line ${lineNumber}` });
 * }
 */
export function readJsonl(path: string): AsyncGenerator<{ lineNumber: number; value: unknown }> {
  return jsonlRecords(path, (line, lineNumber) => ({ lineNumber, value: parseJsonlLine({ path, lineNumber, line }) }));
}

/** One line of a JSONL file as {@link readJsonlLines} reads it. */
export interface JsonlLine {
  /** The line's number in the file, from 1 (blank lines count). */
  lineNumber: number;
  /** The line's text, without its line end (and without the file's byte-order mark). */
  line: string;
  /** Where the line starts in the file, in bytes: pass it as `start` to read on from this line. */
  offset: number;
}

/**
 * The lines of a JSONL file as text, without parsing them, split and numbered as {@link readJsonl} does (blank lines
 * skipped, a byte-order mark dropped): for a caller that can read what it needs from a line without building the
 * whole value, and parses the others with {@link parseJsonlLine}. `start`/`end` read one byte range of the file, so
 * several readers (threads) can share a file: both must be line starts (an `offset` read before, or
 * {@link jsonlLineStart}), and `firstLineNumber` numbers the range's first line.
 *
 * @example
 * for await (const { line, lineNumber } of readJsonlLines({ path: "questions.jsonl" })) {
 *   const value = parseJsonlLine({ path: "questions.jsonl", lineNumber, line });
 * }
 */
export function readJsonlLines(params: {
  /** The JSONL file. */
  path: string;
  /** Byte offset to start at, a line start (default 0). */
  start?: number;
  /** Byte offset to stop before, a line start or the file's size (default: the end of the file). */
  end?: number;
  /** Number of the first line read (default 1). */
  firstLineNumber?: number;
}): AsyncGenerator<JsonlLine> {
  const { path, ...range } = params;
  return jsonlRecords(path, (line, lineNumber, offset) => ({ lineNumber, line, offset }), range);
}

/**
 * The first line start at or after byte `near` of a JSONL file (the byte after a line feed), or the file's size when
 * no line starts there: where to cut a file into ranges for {@link readJsonlLines}. A cut never falls inside a line
 * or between the `\r` and `\n` of a line end.
 *
 * @example
 * const middle = await jsonlLineStart({ path: "questions.jsonl", near: size / 2 });
 */
export async function jsonlLineStart(params: { path: string; near: number }): Promise<number> {
  const { path } = params;
  if (!Number.isFinite(params.near))
    throw new RangeError(`near must be a byte position in the file, got ${params.near}`);
  // a byte position: `size / 2` and the like are rounded down
  const near = Math.floor(params.near);
  if (near <= 0) return 0;
  const file = await open(path, "r");
  try {
    const { size } = await file.stat();
    const window = Buffer.allocUnsafe(1 << 16);
    // The byte before `near` may itself be the line feed that makes `near` a line start.
    for (let position = near - 1; position < size; position += window.length) {
      const { bytesRead } = await file.read(window, 0, window.length, position);
      const index = window.subarray(0, bytesRead).indexOf(LINE_FEED);
      if (index >= 0) return position + index + 1;
      if (bytesRead === 0) break;
    }
    return size;
  } finally {
    await file.close();
  }
}

/**
 * The JSON value of one line of a JSONL file, as {@link readJsonl} reads it.
 *
 * @throws JsonlParseError naming the file and line when the line is not valid JSON.
 * @example
 * parseJsonlLine({ path: "questions.jsonl", lineNumber: 3, line: '{"id":"q1"}' }); // { id: "q1" }
 */
export function parseJsonlLine(params: { path: string; lineNumber: number; line: string }): unknown {
  try {
    return JSON.parse(params.line);
  } catch (error) {
    throw new JsonlParseError({ path: params.path, lineNumber: params.lineNumber, cause: error });
  }
}

/** What {@link scanJsonlLines} hands over for each line: its bytes (a view, valid only during the call), number, offset. */
export type JsonlLineBytesHandler = (line: Buffer, lineNumber: number, offset: number) => void;

const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Cuts the chunks of a file (or of a byte range of it) into lines, as node:readline splits them: at `\n`, `\r\n` or a
 * lone `\r` (a `\r\n` may straddle two chunks). A line feed or carriage return byte is never part of a multi-byte
 * UTF-8 character, so lines are cut from the bytes and each line's offset in the file is known.
 */
class JsonlLineSplitter {
  #pending: Buffer | undefined; // the start of a line cut by the end of the previous chunk
  #lineOffset: number; // where the current line starts in the file
  #chunkOffset: number; // where the current chunk starts in the file
  #afterCarriageReturn = false;
  #lineNumber: number;

  constructor(start: number, firstLineNumber: number) {
    this.#lineOffset = start;
    this.#chunkOffset = start;
    this.#lineNumber = firstLineNumber - 1;
  }

  /** Calls `onLine` for each line the chunk completes (blank ones too; the file's byte-order mark dropped). */
  push(chunk: Buffer, onLine: JsonlLineBytesHandler): void {
    let from = 0;
    if (this.#afterCarriageReturn && chunk[0] === LINE_FEED) {
      from = 1;
      this.#lineOffset++;
    }
    this.#afterCarriageReturn = false;
    const hasCarriageReturn = chunk.includes(CARRIAGE_RETURN, from);
    for (;;) {
      let end = chunk.indexOf(LINE_FEED, from);
      let endLength = 1;
      if (hasCarriageReturn) {
        const cr = chunk.indexOf(CARRIAGE_RETURN, from);
        if (cr >= 0 && (end < 0 || cr < end)) {
          end = cr;
          endLength = chunk[cr + 1] === LINE_FEED ? 2 : 1;
          if (cr === chunk.length - 1) this.#afterCarriageReturn = true;
        }
      }
      if (end < 0) break;
      const pending = this.#pending;
      this.#pending = undefined;
      const line =
        pending === undefined ? chunk.subarray(from, end) : Buffer.concat([pending, chunk.subarray(from, end)]);
      this.#line(line, onLine);
      from = end + endLength;
      this.#lineOffset = this.#chunkOffset + from;
    }
    if (from < chunk.length) {
      const rest = chunk.subarray(from);
      this.#pending = this.#pending === undefined ? Buffer.from(rest) : Buffer.concat([this.#pending, rest]);
    }
    this.#chunkOffset += chunk.length;
  }

  /** Calls `onLine` for the last line, when the file does not end with a line end. */
  end(onLine: JsonlLineBytesHandler): void {
    const pending = this.#pending;
    this.#pending = undefined;
    if (pending !== undefined && pending.length > 0) this.#line(pending, onLine);
  }

  #line(line: Buffer, onLine: JsonlLineBytesHandler): void {
    this.#lineNumber++;
    const offset = this.#lineOffset;
    const bytes = offset === 0 && line.subarray(0, 3).equals(BYTE_ORDER_MARK) ? line.subarray(3) : line;
    onLine(bytes, this.#lineNumber, offset);
  }
}

/** The chunks of a file or of a byte range of it, as a stream reads them. */
function readChunks(path: string, range: { start?: number; end?: number }) {
  const start = range.start ?? 0;
  return createReadStream(path, {
    start,
    ...(range.end === undefined ? {} : { end: range.end - 1 }),
    highWaterMark: READ_CHUNK_BYTES,
  });
}

/**
 * Each line of a JSONL file (or of a byte range of it) as bytes, through `onLine`, called synchronously for every line
 * of a chunk: for a caller that reads what it needs from the bytes of most lines (an id, a count) without decoding
 * them to text, and decodes the others itself (`line.toString("utf8")`, then {@link parseJsonlLine}). Lines are split
 * and numbered as {@link readJsonlLines} splits and numbers them and the file's byte-order mark is dropped, but blank
 * lines are handed over too. `line` is a view into the read buffer, valid only during the call: copy what is kept.
 *
 * @example
 * let ids = 0;
 * await scanJsonlLines({ path: "questions.jsonl", onLine: (line) => { if (line.includes('"id":')) ids++; } });
 */
export async function scanJsonlLines(params: {
  /** The JSONL file. */
  path: string;
  /** Byte offset to start at, a line start (default 0). */
  start?: number;
  /** Byte offset to stop before, a line start or the file's size (default: the end of the file). */
  end?: number;
  /** Number of the first line read (default 1). */
  firstLineNumber?: number;
  /** Called with each line; what it throws ends the scan and is thrown. */
  onLine: JsonlLineBytesHandler;
}): Promise<void> {
  const { path, onLine, ...range } = params;
  const start = range.start ?? 0;
  if (range.end !== undefined && range.end <= start) return;
  const input = readChunks(path, range);
  const splitter = new JsonlLineSplitter(start, range.firstLineNumber ?? 1);
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) splitter.push(chunk, onLine);
    splitter.end(onLine);
  } finally {
    input.destroy();
  }
}

/**
 * Each non-blank line of a file (or of a byte range of it; BOM dropped) through `read`, streamed. A chunk is split
 * into lines at once, but each line is decoded and read only when its turn to be yielded comes: a chunk holds ~1,700
 * lines of a questions file, and decoding them all first kept their texts alive long enough for the garbage collector
 * to copy them out of its young generation (measured: a third of the export's garbage-collection time). A line `read`
 * fails on is thrown once the lines before it are yielded.
 */
async function* jsonlRecords<T>(
  path: string,
  read: (line: string, lineNumber: number, offset: number) => T,
  range: { start?: number; end?: number; firstLineNumber?: number } = {},
): AsyncGenerator<T> {
  const start = range.start ?? 0;
  if (range.end !== undefined && range.end <= start) return;
  const input = readChunks(path, range);
  const splitter = new JsonlLineSplitter(start, range.firstLineNumber ?? 1);
  // the lines of the chunk being read: views into it (the stream never reuses a chunk it has handed over)
  const lines: Buffer[] = [];
  const lineNumbers: number[] = [];
  const offsets: number[] = [];
  const onLine: JsonlLineBytesHandler = (bytes, lineNumber, offset) => {
    lines.push(bytes);
    lineNumbers.push(lineNumber);
    offsets.push(offset);
  };
  function* drain(): Generator<T> {
    for (let i = 0; i < lines.length; i++) {
      const line = (lines[i] as Buffer).toString("utf8");
      if (line.trim() === "") continue;
      yield read(line, lineNumbers[i] as number, offsets[i] as number);
    }
    lines.length = 0;
    lineNumbers.length = 0;
    offsets.length = 0;
  }
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      splitter.push(chunk, onLine);
      yield* drain();
    }
    splitter.end(onLine);
    yield* drain();
  } finally {
    input.destroy();
  }
}

async function writeLine(stream: WriteStream, value: unknown): Promise<void> {
  if (!stream.write(`${JSON.stringify(value)}\n`)) await once(stream, "drain");
}

async function closeStream(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    stream.once("error", reject);
    stream.end(() => resolve());
  });
}

/**
 * Writes values as JSONL, streaming, to a temporary file that replaces `path` only once every line is written, so
 * a failure halfway never leaves a truncated file where a good one was. Returns the number of lines.
 *
 * @example
 * await writeJsonl({ path: "questions.jsonl", values: questions });
 */
export async function writeJsonl(params: {
  /** The file to write (replaced only once every line is written). */
  path: string;
  /** One JSON value per line. */
  values: Iterable<unknown> | AsyncIterable<unknown>;
}): Promise<number> {
  const { path, values } = params;
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  const stream = createWriteStream(temporary, { encoding: "utf8" });
  let count = 0;
  try {
    for await (const value of values) {
      await writeLine(stream, value);
      count++;
    }
    await closeStream(stream);
    await rename(temporary, path);
    return count;
  } catch (error) {
    // The file is opened asynchronously: wait until the stream has closed, or a file opened after the removal would
    // be left behind.
    await new Promise<void>((resolve) => {
      if (stream.closed) resolve();
      else {
        stream.once("close", () => resolve());
        stream.destroy();
      }
    });
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Appends JSONL lines to a file (created if missing), for journals and logs that must survive a crash: each
 * `append` resolves once its line is handed to the OS.
 *
 * @example
 * const journal = await JsonlAppender.open("run.journal.jsonl");
 * await journal.append({ chunk_id, questions });
 * await journal.close();
 */
export class JsonlAppender {
  private constructor(private readonly stream: WriteStream) {}

  static async open(path: string): Promise<JsonlAppender> {
    const stream = createWriteStream(path, { flags: "a", encoding: "utf8" });
    await once(stream, "open");
    return new JsonlAppender(stream);
  }

  async append(value: unknown): Promise<void> {
    await writeLine(this.stream, value);
  }

  async close(): Promise<void> {
    await closeStream(this.stream);
  }
}
