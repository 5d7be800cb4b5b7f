import { Document } from "@langchain/core/documents";
import { documentIdFor } from "../src/load-documents.js";

const SUBJECTS = ["liquidity ratio", "capital buffer", "leverage limit", "deposit rate", "credit growth", "bond yield"];
const VERBS = ["rose to", "fell to", "was fixed at", "stood at", "reached", "was capped at"];

/** Deterministic synthetic documents: sentences with distinct numbers, so the exam writer can ask about them. */
export function syntheticCorpus(documents: number, paragraphsPerDocument: number): Document[] {
  const out: Document[] = [];
  for (let d = 0; d < documents; d++) {
    const paragraphs: string[] = [];
    for (let p = 0; p < paragraphsPerDocument; p++) {
      const n = d * 1000 + p * 10;
      const subject = SUBJECTS[(d + p) % SUBJECTS.length];
      const verb = VERBS[(d * 7 + p) % VERBS.length];
      paragraphs.push(
        `In report ${d * 100 + p} the ${subject} ${verb} ${n + 3} points during the review period. ` +
          `Analysts in region ${d * 100 + p} expected the ${subject} to move by ${n + 7} basis points over the following year.`,
      );
    }
    const text = paragraphs.join("\n\n");
    out.push(
      new Document({
        pageContent: text,
        metadata: { document_id: documentIdFor(text), document_path: `report-${String(d).padStart(2, "0")}.txt` },
      }),
    );
  }
  return out;
}
