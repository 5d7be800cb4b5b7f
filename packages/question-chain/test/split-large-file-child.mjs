// Loads and splits one large file with the built package; run with a small --max-old-space-size to prove the
// memory stays bounded. argv: <folder>
import { loadDocuments, splitDocuments } from "../dist/index.js";

const { documents, skipped } = await loadDocuments({ dir: process.argv[2] });
const chunks = await splitDocuments({ documents, chunkSize: 1024, chunkOverlap: 64 });
let covered = 0;
let exact = true;
for (const chunk of chunks) {
  covered = Math.max(covered, chunk.metadata.end);
  if (documents[0].pageContent.slice(chunk.metadata.start, chunk.metadata.end) !== chunk.pageContent) exact = false;
}
process.stdout.write(
  `${JSON.stringify({ documents: documents.length, skipped, length: documents[0]?.pageContent.length, chunks: chunks.length, covered, exact, heapMb: Math.round(process.memoryUsage().heapUsed / 1e6) })}\n`,
);
