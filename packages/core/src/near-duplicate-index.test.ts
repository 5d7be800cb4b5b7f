import { describe, expect, it } from "vitest";
import { findDuplicateQuestions, NearDuplicateIndex } from "./near-duplicate-index.js";

describe("NearDuplicateIndex", () => {
  it("flags reworded copies and names the original", () => {
    const found = findDuplicateQuestions([
      { id: "a", question: "What was the company's net revenue for fiscal 2023?" },
      { id: "b", question: "Which dividend per share did the board propose?" },
      { id: "c", question: "What was the company’s net revenue for fiscal 2023 ?" },
      { id: "d", question: "what was the companys net revenue in fiscal 2023" },
    ]);
    expect([...found.keys()].sort()).toEqual(["c", "d"]);
    expect(found.get("c")?.[0]?.data?.duplicateOf).toBe("a");
    expect(found.get("c")?.[0]?.code).toBe("DUPLICATE_QUESTION");
    expect(found.get("c")?.[0]?.severity).toBe("error");
  });

  it("never calls questions about different numbers duplicates", () => {
    const found = findDuplicateQuestions([
      { id: "y22", question: "What was the company's net revenue for fiscal 2022?" },
      { id: "y23", question: "What was the company's net revenue for fiscal 2023?" },
    ]);
    expect(found.size).toBe(0);
  });

  it("compares numbers in order", () => {
    const found = findDuplicateQuestions([
      { id: "a", question: "What does report 0 say in section 1 about revenue?" },
      { id: "b", question: "What does report 1 say in section 0 about revenue?" },
    ]);
    expect(found.size).toBe(0);
  });

  it("keeps distinct questions in a large set and finds planted duplicates", () => {
    const index = new NearDuplicateIndex();
    const topics = ["revenue", "margin", "dividend", "headcount", "capex", "debt", "cash", "tax"];
    const words = ["north", "south", "east", "west", "retail", "wholesale", "online", "export", "domestic"];
    let duplicates = 0;
    let n = 0;
    for (const topic of topics) {
      for (const [i, a] of words.entries()) {
        // (a, b) and (b, a) ask the same comparison, so only one order is distinct
        for (const b of words.slice(i + 1)) {
          const question = `How did the ${a} segment's ${topic} compare with the ${b} segment's?`;
          if (index.add(`q${n++}`, question)) duplicates++;
        }
      }
    }
    expect(duplicates).toBe(0);
    expect(
      index.add("planted", "How did the north segment's revenue compare with the south segment's ?"),
    ).toBeDefined();
  });

  it("rejects a bad threshold and reused ids", () => {
    expect(() => new NearDuplicateIndex({ threshold: 0 })).toThrow(/threshold/);
    const index = new NearDuplicateIndex();
    index.add("x", "A question about something specific here");
    expect(() => index.add("x", "Another question entirely different")).toThrow(/already in the index/);
  });
});
