import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, relative, resolve, sep } from "node:path";
import { ifExists } from "@domain-eval/core";
import { Document } from "@langchain/core/documents";

/** The file types {@link loadDocuments} reads, by lower-case extension. */
export const SUPPORTED_DOCUMENT_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"] as const;

/** What {@link loadDocuments} puts in every `Document`'s metadata. */
export interface SourceDocumentMetadata {
  /** Stable id: a hash of the extracted text, so the same content gets the same id on every run and machine. */
  document_id: string;
  /** Path relative to the loaded folder, with `/` separators. */
  document_path: string;
  /** Same as `document_path` (the key LangChain loaders use). */
  source: string;
  /** The file type the text was extracted from. */
  format: "text" | "markdown" | "html" | "pdf" | "docx";
  /** Size of the file in bytes. */
  bytes: number;
  /** Pages, for PDFs. */
  pages?: number;
  [key: string]: unknown;
}

/** A file {@link loadDocuments} did not load, and why, in words a user can act on. */
export interface SkippedFile {
  /** Path relative to the loaded folder. */
  path: string;
  reason: string;
}

/** Parameters of {@link loadDocuments}. */
export interface LoadDocumentsParams {
  /** The folder to read; sub-folders are read too. Hidden files and folders (`.name`) are ignored. */
  dir: string;
  /** Files larger than this are skipped with a reason (default 256 MiB). A 50 MB text file loads fine. */
  maxFileBytes?: number;
  /** Read sub-folders (default true). */
  recursive?: boolean;
}

/** Result of {@link loadDocuments}: documents sorted by path, and the files skipped with their reasons. */
export interface LoadDocumentsResult {
  documents: Document<SourceDocumentMetadata>[];
  skipped: SkippedFile[];
}

const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;

/** A stable id for a text: `doc-` and the first 16 hex digits of its SHA-256. */
export function documentIdFor(text: string): string {
  return `doc-${createHash("sha256").update(text, "utf8").digest("hex").slice(0, 16)}`;
}

async function listFiles(root: string, dir: string, recursive: boolean, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (recursive) await listFiles(root, full, recursive, out);
    } else if (entry.isFile()) {
      out.push(full);
    }
  }
}

class SkipFile extends Error {}

function decodeText(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  // NUL bytes never occur in UTF-8 text; a few in the first 8 KiB mean a binary file with a text extension.
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new SkipFile("looks like a binary file (contains NUL bytes), not text: export it as .txt, .md or .pdf");
  }
  try {
    // TextDecoder strips a UTF-8 BOM by default.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new SkipFile("is not valid UTF-8 text: convert it to UTF-8 (e.g. `iconv -f latin1 -t utf-8`)");
  }
}

async function htmlToPlainText(html: string): Promise<string> {
  const { convert } = await import("html-to-text");
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: "a", options: { ignoreHref: true } },
      { selector: "img", format: "skip" },
      { selector: "script", format: "skip" },
      { selector: "style", format: "skip" },
      { selector: "h1", options: { uppercase: false } },
      { selector: "h2", options: { uppercase: false } },
      { selector: "h3", options: { uppercase: false } },
      { selector: "h4", options: { uppercase: false } },
      { selector: "h5", options: { uppercase: false } },
      { selector: "h6", options: { uppercase: false } },
      { selector: "table", options: { uppercaseHeaderCells: false } },
    ],
  });
}

async function pdfToText(bytes: Buffer): Promise<{ text: string; pages: number }> {
  const { extractText, getDocumentProxy } = await import("unpdf");
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // verbosity 0: pdf.js would otherwise print repair warnings for damaged files on the console
    pdf = await getDocumentProxy(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { verbosity: 0 });
  } catch (error) {
    throw new SkipFile(
      `could not be read as a PDF (${(error as Error).message}): check that it opens in a PDF viewer and is not password-protected`,
    );
  }
  try {
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    return { text: text.map((page) => page.trim()).join("\n\n"), pages: totalPages };
  } finally {
    await pdf.destroy();
  }
}

async function docxToText(bytes: Buffer): Promise<string> {
  const mammoth = await import("mammoth");
  try {
    const result = await mammoth.extractRawText({ buffer: bytes });
    return result.value;
  } catch (error) {
    throw new SkipFile(
      `could not be read as a .docx file (${(error as Error).message}): re-save it from Word or LibreOffice as .docx`,
    );
  }
}

async function extract(
  path: string,
  extension: string,
  bytes: Buffer,
): Promise<{ text: string; format: SourceDocumentMetadata["format"]; pages?: number }> {
  switch (extension) {
    case ".txt":
      return { text: decodeText(bytes), format: "text" };
    case ".md":
    case ".markdown":
      return { text: decodeText(bytes), format: "markdown" };
    case ".html":
    case ".htm":
      return { text: await htmlToPlainText(decodeText(bytes)), format: "html" };
    case ".pdf": {
      const { text, pages } = await pdfToText(bytes);
      return { text, format: "pdf", pages };
    }
    case ".docx":
      return { text: await docxToText(bytes), format: "docx" };
    default:
      throw new Error(`unreachable: ${path}`);
  }
}

/**
 * Loads every supported file under a folder as LangChain `Document`s: `.txt`, `.md`, `.html` (converted to text),
 * `.pdf` (text layer) and `.docx`. Line endings become `\n`. Each document has a stable `document_id` (a hash of its
 * text, also set as `Document.id`) and its `document_path` relative to `dir`.
 *
 * Nothing fails the whole load: unsupported, empty, binary, undecodable, unreadable or too-large files, and files
 * whose text repeats an earlier file, are returned in `skipped` with a reason to show the user. Documents are sorted
 * by path, so the result is the same on every run.
 *
 * @throws TypeError when `dir` does not exist or is not a folder.
 * @example
 * const { documents, skipped } = await loadDocuments({ dir: "./docs" });
 * for (const { path, reason } of skipped) console.warn(`skipped ${path}: ${reason}`);
 */
export async function loadDocuments(params: LoadDocumentsParams): Promise<LoadDocumentsResult> {
  const root = resolve(params.dir);
  const maxFileBytes = params.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const info = await ifExists(stat(root));
  if (!info?.isDirectory()) {
    throw new TypeError(`${params.dir} is not a folder: pass the folder that holds your documents`);
  }
  const files: string[] = [];
  await listFiles(root, root, params.recursive ?? true, files);
  const relativePaths = files.map((file) => relative(root, file).split(sep).join("/")).sort();

  const documents: Document<SourceDocumentMetadata>[] = [];
  const skipped: SkippedFile[] = [];
  const pathById = new Map<string, string>();
  for (const path of relativePaths) {
    const extension = extname(path).toLowerCase();
    if (!(SUPPORTED_DOCUMENT_EXTENSIONS as readonly string[]).includes(extension)) {
      skipped.push({
        path,
        reason: `unsupported file type "${extension || "(none)"}": convert it to one of ${SUPPORTED_DOCUMENT_EXTENSIONS.join(" ")}`,
      });
      continue;
    }
    const full = join(root, path);
    try {
      const size = (await stat(full)).size;
      if (size === 0) throw new SkipFile("is empty");
      if (size > maxFileBytes) {
        throw new SkipFile(
          `is ${(size / 1024 / 1024).toFixed(0)} MiB, over the ${(maxFileBytes / 1024 / 1024).toFixed(0)} MiB limit: split it or raise maxFileBytes`,
        );
      }
      const bytes = await readFile(full);
      const extracted = await extract(path, extension, bytes);
      const text = extracted.text.replace(/\r\n?/gu, "\n");
      if (text.trim() === "") {
        throw new SkipFile(
          extracted.format === "pdf"
            ? "has no extractable text (a scanned PDF?): run OCR on it first"
            : "has no text after extraction (empty document)",
        );
      }
      const documentId = documentIdFor(text);
      const earlier = pathById.get(documentId);
      if (earlier !== undefined) throw new SkipFile(`has the same text as ${earlier}: remove one copy`);
      pathById.set(documentId, path);
      const metadata: SourceDocumentMetadata = {
        document_id: documentId,
        document_path: path,
        source: path,
        format: extracted.format,
        bytes: size,
      };
      if (extracted.pages !== undefined) metadata.pages = extracted.pages;
      documents.push(new Document({ id: documentId, pageContent: text, metadata }));
    } catch (error) {
      if (error instanceof SkipFile) skipped.push({ path, reason: error.message });
      else skipped.push({ path, reason: `could not be read (${(error as Error).message})` });
    }
  }
  return { documents, skipped };
}
