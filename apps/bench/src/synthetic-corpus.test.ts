import { ExamItemSchema, findDuplicateQuestions } from "@domain-eval/core";
import { writeExamQuestions } from "@domain-eval/testing";
import { describe, expect, it } from "vitest";
import { syntheticChunks, syntheticExamItems } from "./synthetic-corpus.js";

describe("syntheticChunks", () => {
  it("is deterministic, and each chunk's metadata spans its text", () => {
    const a = syntheticChunks({ count: 5, seed: 3 });
    expect(syntheticChunks({ count: 5, seed: 3 })).toEqual(a);
    expect(syntheticChunks({ count: 5, seed: 4 })[0]?.pageContent).not.toBe(a[0]?.pageContent);
    for (const chunk of a) expect(chunk.pageContent.length).toBe(chunk.metadata.end - chunk.metadata.start);
    expect(new Set(a.map((c) => c.metadata.chunk_id)).size).toBe(5);
  });

  it("gives the scripted exam writer three questions per chunk, none near-duplicates across chunks", () => {
    const written = syntheticChunks({ count: 40 }).flatMap((chunk, i) =>
      writeExamQuestions(chunk.pageContent, 3, 3).map((q, j) => ({ id: `${i}-${j}`, ...q })),
    );
    expect(written).toHaveLength(120);
    expect([...findDuplicateQuestions({ questions: written }).keys()]).toEqual([]);
  });
});

describe("syntheticExamItems", () => {
  it("makes valid, unique items with answers spread over the positions", () => {
    const items = syntheticExamItems({ count: 400 });
    for (const item of items) expect(ExamItemSchema.safeParse(item).success).toBe(true);
    expect(new Set(items.map((i) => i.id)).size).toBe(400);
    const perPosition = [0, 1, 2, 3].map((p) => items.filter((i) => i.answer === p).length);
    expect(perPosition).toEqual([100, 100, 100, 100]);
  });
});
