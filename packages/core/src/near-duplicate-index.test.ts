import { describe, expect, it } from "vitest";
import {
  DEFAULT_DUPLICATE_THRESHOLD,
  DuplicateQuestionFilter,
  findDuplicateQuestions,
  NearDuplicateIndex,
} from "./near-duplicate-index.js";

describe("NearDuplicateIndex", () => {
  it("flags reworded copies and names the original", () => {
    const found = findDuplicateQuestions({
      questions: [
        { id: "a", question: "What was the company's net revenue for fiscal 2023?" },
        { id: "b", question: "Which dividend per share did the board propose?" },
        { id: "c", question: "What was the company’s net revenue for fiscal 2023 ?" },
        { id: "d", question: "what was the companys net revenue in fiscal 2023" },
      ],
    });
    expect([...found.keys()].sort()).toEqual(["c", "d"]);
    expect(found.get("c")?.[0]?.data?.duplicateOf).toBe("a");
    expect(found.get("c")?.[0]?.code).toBe("DUPLICATE_QUESTION");
    expect(found.get("c")?.[0]?.severity).toBe("error");
  });

  it("a repeated id repeats its first question (similarity 1) instead of failing the whole set", () => {
    const found = findDuplicateQuestions({
      questions: [
        { id: "a", question: "What was the company's net revenue for fiscal 2023?" },
        { id: "b", question: "Which dividend per share did the board propose?" },
        { id: "a", question: "What was the company's net revenue for fiscal 2023?" },
      ],
    });
    expect([...found.keys()]).toEqual(["a"]);
    expect(found.get("a")?.[0]).toMatchObject({
      code: "DUPLICATE_QUESTION",
      data: { duplicateOf: "a", similarity: 1 },
    });
  });

  it("the streaming filter gives the same findings, one question at a time", () => {
    const questions = [
      { id: "a", question: "What was the company's net revenue for fiscal 2023?" },
      { id: "b", question: "Which dividend per share did the board propose?" },
      { id: "c", question: "what was the companys net revenue in fiscal 2023" },
    ];
    const filter = new DuplicateQuestionFilter();
    const streamed = questions.map((q) => filter.check(q));
    expect(streamed[0]).toBeUndefined();
    expect(streamed[1]).toBeUndefined();
    expect(streamed[2]).toEqual(findDuplicateQuestions({ questions }).get("c")?.[0]);
    expect(new NearDuplicateIndex().threshold).toBe(DEFAULT_DUPLICATE_THRESHOLD);
  });

  it("never calls questions about different numbers duplicates", () => {
    const found = findDuplicateQuestions({
      questions: [
        { id: "y22", question: "What was the company's net revenue for fiscal 2022?" },
        { id: "y23", question: "What was the company's net revenue for fiscal 2023?" },
      ],
    });
    expect(found.size).toBe(0);
  });

  it("compares numbers in order", () => {
    const found = findDuplicateQuestions({
      questions: [
        { id: "a", question: "What does report 0 say in section 1 about revenue?" },
        { id: "b", question: "What does report 1 say in section 0 about revenue?" },
      ],
    });
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

describe("NearDuplicateIndex in Japanese and Chinese", () => {
  it("finds a Japanese question asked again with other particles or punctuation, and nothing else", () => {
    const found = findDuplicateQuestions({
      questions: [
        { id: "a", question: "年次有給休暇は、入社後何日付与されますか？" },
        { id: "b", question: "年次有給休暇が入社後何日付与されますか。" },
        { id: "c", question: "年次有給休暇は入社後、何日付与されるか" },
        { id: "d", question: "年次有給休暇は何日まで翌年度に繰り越せますか？" },
        { id: "e", question: "育児休業は入社後何日から取得できますか？" },
        { id: "f", question: "年次有給休暇は入社後６か月で何日付与されますか？" },
        { id: "g", question: "年次有給休暇は入社後1年6か月で何日付与されますか？" },
      ],
    });
    expect([...found.keys()].sort()).toEqual(["b", "c"]);
    expect(found.get("b")?.[0]?.data?.duplicateOf).toBe("a");
  });

  it("finds a Chinese question asked again with other punctuation and full-width digits", () => {
    const found = findDuplicateQuestions({
      questions: [
        { id: "a", question: "肌酐清除率低于30毫升/分钟的患者，给药间隔应延长至多久？" },
        { id: "b", question: "肌酐清除率低于３０毫升／分钟的患者给药间隔应延长至多久" },
        { id: "c", question: "肌酐清除率低于30毫升/分钟的患者，每次剂量应减少多少？" },
      ],
    });
    expect([...found.keys()]).toEqual(["b"]);
  });
});
