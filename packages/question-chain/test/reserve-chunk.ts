import { Document } from "@langchain/core/documents";
import type { ChunkMetadata } from "../src/split-documents.js";

/** A three-sentence banking passage the scripted exam writer asks two questions about. */
export const RESERVE_SOURCE =
  "The reserve requirement for demand deposits was lowered to 10 percent in 2020. " +
  "Banks that fall below the requirement must borrow overnight from the central bank at the penalty rate. " +
  "The penalty rate is set 150 basis points above the main refinancing rate.";

/** {@link RESERVE_SOURCE} as a chunk of `reserves.txt`. */
export const reserveChunk = new Document<ChunkMetadata>({
  pageContent: RESERVE_SOURCE,
  metadata: {
    document_id: "doc-r",
    document_path: "reserves.txt",
    chunk_id: "doc-r:0-260",
    chunk_index: 0,
    start: 0,
    end: 260,
  },
});
