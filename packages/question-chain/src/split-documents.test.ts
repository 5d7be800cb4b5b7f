import { Document } from "@langchain/core/documents";
import { describe, expect, it } from "vitest";
import { tokenCounter } from "./count-tokens.js";
import { documentIdFor } from "./load-documents.js";
import { splitDocuments } from "./split-documents.js";

function sampleText(paragraphs: number): string {
  const out: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    out.push(
      `Section ${i}. The committee reviewed item ${i} in detail.\nIt noted that the figure for item ${i} was ${i * 7}%, up from ${i * 3}%.   Trailing spaces, tabs\tand a repeated line.\nThe committee reviewed item ${i} in detail.`,
    );
  }
  return out.join("\n\n\n");
}

const doc = (text: string, path: string) =>
  new Document({ pageContent: text, metadata: { document_id: documentIdFor(text), document_path: path } });

describe("splitDocuments", () => {
  it("cuts chunks that are exact slices of the document at their offsets, within the token size", async () => {
    const text = sampleText(60);
    const chunks = await splitDocuments({ documents: [doc(text, "a.txt")], chunkSize: 120, chunkOverlap: 20 });
    const count = await tokenCounter();
    expect(chunks.length).toBeGreaterThan(10);
    let previousStart = -1;
    chunks.forEach((chunk, index) => {
      expect(text.slice(chunk.metadata.start, chunk.metadata.end)).toBe(chunk.pageContent);
      expect(count(chunk.pageContent)).toBeLessThanOrEqual(120);
      expect(chunk.metadata.chunk_index).toBe(index);
      expect(chunk.metadata.start).toBeGreaterThan(previousStart);
      expect(chunk.metadata.chunk_id).toBe(
        `${chunk.metadata.document_id}:${chunk.metadata.start}-${chunk.metadata.end}`,
      );
      expect(chunk.id).toBe(chunk.metadata.chunk_id);
      expect(chunk.metadata.document_path).toBe("a.txt");
      previousStart = chunk.metadata.start;
    });
    // everything is covered: no gap between consecutive chunks except whitespace
    for (let i = 1; i < chunks.length; i++) {
      const gap = text.slice(chunks[i - 1]?.metadata.end, chunks[i]?.metadata.start);
      expect(gap.trim()).toBe("");
    }
  });

  it("overlaps neighbouring chunks by up to chunkOverlap tokens", async () => {
    const text = Array.from({ length: 400 }, (_, i) => `word${i}`).join(" ");
    const chunks = await splitDocuments({ documents: [doc(text, "w.txt")], chunkSize: 50, chunkOverlap: 12 });
    const count = await tokenCounter();
    expect(chunks.length).toBeGreaterThan(5);
    for (let i = 1; i < chunks.length; i++) {
      const previous = chunks[i - 1]?.metadata;
      const current = chunks[i]?.metadata;
      if (!previous || !current) throw new Error("missing chunk");
      expect(current.start).toBeLessThan(previous.end);
      const shared = text.slice(current.start, previous.end);
      expect(count(shared)).toBeGreaterThan(0);
      expect(count(shared)).toBeLessThanOrEqual(12);
    }
  });

  it("gives the same chunk ids on every run and different ids for different settings", async () => {
    const documents = [doc(sampleText(30), "a.txt"), doc(sampleText(12), "b.md")];
    const first = await splitDocuments({ documents, chunkSize: 100, chunkOverlap: 10 });
    const second = await splitDocuments({ documents, chunkSize: 100, chunkOverlap: 10 });
    expect(second.map((c) => c.metadata.chunk_id)).toEqual(first.map((c) => c.metadata.chunk_id));
    expect(new Set(first.map((c) => c.metadata.chunk_id)).size).toBe(first.length);
    // document order, then position order
    const docOrder = first.map((c) => c.metadata.document_path);
    expect(docOrder.indexOf("b.md")).toBeGreaterThan(docOrder.lastIndexOf("a.txt"));
    const other = await splitDocuments({ documents, chunkSize: 200, chunkOverlap: 10 });
    expect(other.map((c) => c.metadata.chunk_id)).not.toEqual(first.map((c) => c.metadata.chunk_id));
  });

  it("locates repeated passages at their own offsets", async () => {
    const paragraph = "The same paragraph appears several times in this document, word for word, to test offsets.";
    const text = Array.from({ length: 8 }, () => paragraph).join("\n\n");
    const chunks = await splitDocuments({ documents: [doc(text, "r.txt")], chunkSize: 25, chunkOverlap: 0 });
    expect(chunks).toHaveLength(8);
    expect(chunks.map((c) => c.metadata.start)).toEqual(
      Array.from({ length: 8 }, (_, i) => i * (paragraph.length + 2)),
    );
  });

  it("computes a document id when the document has none", async () => {
    const [chunk] = await splitDocuments({ documents: [new Document({ pageContent: "Short text." })] });
    expect(chunk?.metadata.document_id).toBe(documentIdFor("Short text."));
    expect(chunk?.metadata.document_path).toBeUndefined();
  });

  it("rejects sizes that cannot work", async () => {
    const documents = [doc("x", "x.txt")];
    await expect(splitDocuments({ documents, chunkSize: 0 })).rejects.toThrow(/chunkSize must be a positive/u);
    await expect(splitDocuments({ documents, chunkSize: 100, chunkOverlap: 100 })).rejects.toThrow(
      /chunkOverlap must be .* from 0 to chunkSize - 1 \(99\)/u,
    );
  });
});
