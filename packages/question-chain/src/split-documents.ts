import type { DocumentInterface } from "@langchain/core/documents";
import { Document } from "@langchain/core/documents";
import { RecursiveCharacterTextSplitter } from "@langchain/textsplitters";
import { checkedEncodingName, type TokenEncodingName, tokenCounter } from "./count-tokens.js";
import { documentIdFor } from "./load-documents.js";

/** What every chunk's metadata holds: the `source` of the questions generated from it. */
export interface ChunkMetadata {
  document_id: string;
  document_path?: string;
  /** Stable: `<document_id>:<start>-<end>`, the same on every run with the same text and chunk settings. */
  chunk_id: string;
  /** Position of the chunk in its document (0-based). */
  chunk_index: number;
  /** Character offset of the chunk in the document text (`document.pageContent.slice(start, end)` is the chunk). */
  start: number;
  end: number;
  [key: string]: unknown;
}

/** A chunk: a `Document` whose metadata is {@link ChunkMetadata}. */
export type ChunkDocument = DocumentInterface<ChunkMetadata>;

/** Parameters of {@link splitDocuments}. */
export interface SplitDocumentsParams {
  /** Documents to split, e.g. from `loadDocuments`. `metadata.document_id` is used when present, else computed. */
  documents: readonly DocumentInterface[];
  /** Maximum chunk size in tokens (default 1024). */
  chunkSize?: number;
  /** Tokens shared by neighbouring chunks (default 64); must be smaller than `chunkSize`. */
  chunkOverlap?: number;
  /** Tokenizer used to measure sizes (default `cl100k_base`). */
  encoding?: TokenEncodingName;
  /**
   * Chunks shorter than this many tokens (a lone heading, a page number) are merged with the next chunk of their
   * document, or the previous one when they come last, so no model call is spent on them (default 40; 0 keeps them).
   */
  minChunkTokens?: number;
}

/** Default of {@link SplitDocumentsParams.minChunkTokens}. */
export const DEFAULT_MIN_CHUNK_TOKENS = 40;

/** Splitter settings with every default filled in: what decides the chunks besides the documents. */
export type SplitSettings = Required<Omit<SplitDocumentsParams, "documents">>;

/**
 * The settings {@link splitDocuments} uses for `params`, defaults filled in and checked (no document is read).
 *
 * @throws TypeError for a non-positive `chunkSize`, an overlap that is not smaller than it, or a negative `minChunkTokens`.
 * @example
 * resolveSplitSettings({ chunkSize: 800 }) // { chunkSize: 800, chunkOverlap: 64, encoding: "cl100k_base", minChunkTokens: 40 }
 */
export function resolveSplitSettings(params: Omit<SplitDocumentsParams, "documents">): SplitSettings {
  const chunkSize = params.chunkSize ?? 1024;
  const chunkOverlap = params.chunkOverlap ?? 64;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) {
    throw new TypeError(`chunkSize must be a positive whole number of tokens, got ${chunkSize}`);
  }
  if (!Number.isInteger(chunkOverlap) || chunkOverlap < 0 || chunkOverlap >= chunkSize) {
    throw new TypeError(
      `chunkOverlap must be a whole number of tokens from 0 to chunkSize - 1 (${chunkSize - 1}), got ${chunkOverlap}`,
    );
  }
  const minChunkTokens = params.minChunkTokens ?? Math.min(DEFAULT_MIN_CHUNK_TOKENS, Math.floor(chunkSize / 4));
  if (!Number.isInteger(minChunkTokens) || minChunkTokens < 0) {
    throw new TypeError(`minChunkTokens must be a whole number of tokens (0 or more), got ${minChunkTokens}`);
  }
  return { chunkSize, chunkOverlap, minChunkTokens, encoding: checkedEncodingName(params.encoding) };
}

/**
 * Splits documents into token-sized, overlapping chunks with LangChain's `RecursiveCharacterTextSplitter` (paragraphs,
 * then lines, then words). Each chunk is an exact slice of its document: `metadata.start`/`end` are real character
 * offsets, and `chunk_id` is stable across runs. Chunks come out in document order, then position order.
 *
 * @throws TypeError for a non-positive `chunkSize` or an overlap that is not smaller than it.
 * @example
 * const chunks = await splitDocuments({ documents, chunkSize: 800, chunkOverlap: 80 });
 * chunks[0].metadata // { document_id, document_path, chunk_id, chunk_index: 0, start: 0, end: 3120 }
 */
export async function splitDocuments(params: SplitDocumentsParams): Promise<Document<ChunkMetadata>[]> {
  const { chunkSize, chunkOverlap, minChunkTokens } = resolveSplitSettings(params);
  const count = await tokenCounter({ encoding: params.encoding });
  const chunks: Document<ChunkMetadata>[] = [];
  for (const document of params.documents) {
    const text = document.pageContent;
    const documentId =
      typeof document.metadata?.document_id === "string" ? document.metadata.document_id : documentIdFor(text);
    const documentPath =
      typeof document.metadata?.document_path === "string" ? document.metadata.document_path : undefined;
    // The splitter measures the same pieces several times; remember their lengths for this document only.
    const lengths = new Map<string, number>();
    const splitter = new RecursiveCharacterTextSplitter({
      chunkSize,
      chunkOverlap,
      lengthFunction: (piece: string) => {
        let n = lengths.get(piece);
        if (n === undefined) {
          n = count(piece);
          lengths.set(piece, n);
        }
        return n;
      },
    });
    const pieces = await splitter.splitText(text);
    lengths.clear();
    let searchFrom = 0;
    const spans: { start: number; end: number; tokens: number }[] = [];
    pieces.forEach((piece, index) => {
      // The splitter joins contiguous pieces and trims them, so every chunk is a substring of the document; chunks
      // advance through the text, so the next occurrence after the previous chunk's start is the right one.
      let start = text.indexOf(piece, searchFrom);
      if (start < 0) start = text.indexOf(piece);
      if (start < 0) throw new Error(`internal error: chunk ${index} of ${documentId} is not a slice of the document`);
      searchFrom = start + 1;
      spans.push({ start, end: start + piece.length, tokens: count(piece) });
    });
    mergeShortSpans(spans, minChunkTokens);
    spans.forEach(({ start, end }, index) => {
      const chunkId = `${documentId}:${start}-${end}`;
      const metadata: ChunkMetadata = {
        document_id: documentId,
        chunk_id: chunkId,
        chunk_index: index,
        start,
        end,
      };
      if (documentPath !== undefined) metadata.document_path = documentPath;
      chunks.push(new Document({ id: chunkId, pageContent: text.slice(start, end), metadata }));
    });
  }
  return chunks;
}

/**
 * Merges every span under `minTokens` into its next neighbour (the previous one for the last span), in place. The
 * merged span runs from the first start to the last end, so it is still an exact slice of the document; it may
 * exceed the chunk size by the short span's few tokens.
 */
function mergeShortSpans(spans: { start: number; end: number; tokens: number }[], minTokens: number): void {
  for (let i = 0; i < spans.length && spans.length > 1; ) {
    const span = spans[i] as (typeof spans)[number];
    if (span.tokens >= minTokens) {
      i++;
      continue;
    }
    const into = i + 1 < spans.length ? i + 1 : i - 1;
    const other = spans[into] as (typeof spans)[number];
    other.start = Math.min(other.start, span.start);
    other.end = Math.max(other.end, span.end);
    other.tokens += span.tokens;
    spans.splice(i, 1);
    if (into < i) i--;
  }
}
