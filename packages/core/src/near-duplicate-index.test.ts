import { describe, expect, it } from "vitest";
import {
  DEFAULT_DUPLICATE_THRESHOLD,
  DuplicateQuestionFilter,
  duplicateComparisonUnits,
  findDuplicateQuestions,
  isNegatedQuestion,
  NearDuplicateIndex,
} from "./near-duplicate-index.js";
import { jaccard, normalizeForComparison } from "./normalize-text.js";

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

  it("never calls a question and its negation duplicates, in English, Japanese or Chinese", () => {
    const pairs: [string, string][] = [
      [
        "Which of the following is a requirement of the travel policy?",
        "Which of the following is NOT a requirement of the travel policy?",
      ],
      ["Which expense does the policy reimburse?", "Which expense doesn't the policy reimburse?"],
      ["Which statement about the lease is correct?", "Which statement about the lease is incorrect?"],
      [
        "就業規則における年次有給休暇の説明として正しいものはどれか。",
        "就業規則における年次有給休暇の説明として正しくないものはどれか。",
      ],
      [
        "就業規則における年次有給休暇の説明として正しいものはどれか。",
        "就業規則における年次有給休暇の説明として誤っているものはどれか。",
      ],
      ["下列哪一项属于该药品的禁忌症？", "下列哪一项不属于该药品的禁忌症？"],
      ["关于该合同的解除条件，下列说法正确的是？", "关于该合同的解除条件，下列说法错误的是？"],
    ];
    for (const [positive, negative] of pairs) {
      const found = findDuplicateQuestions({
        questions: [
          { id: "positive", question: positive },
          { id: "negative", question: negative },
        ],
      });
      expect(found.size, `${positive} / ${negative}`).toBe(0);
    }
    // "must" (なければならない) is no negation, and two negated rewordings are still duplicates
    expect(isNegatedQuestion("従業員が申請しなければならないものはどれか。")).toBe(false);
    const negatedTwice = findDuplicateQuestions({
      questions: [
        { id: "a", question: "Which of the following is NOT a requirement of the travel policy?" },
        { id: "b", question: "Which of the following is not a requirement of the travel policy ?" },
      ],
    });
    expect(negatedTwice.get("b")?.[0]?.data).toMatchObject({ duplicateOf: "a" });
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

describe("NearDuplicateIndex keeps apart Japanese and Chinese questions about different things", () => {
  it("a long question asking about another quantity, or another use, is not a duplicate", () => {
    const found = findDuplicateQuestions({
      questions: [
        { id: "operating", question: "桜川精密株式会社の2024年3月期の営業利益は前期比で何%増加したか。" },
        { id: "ordinary", question: "桜川精密株式会社の2024年3月期の経常利益は前期比で何%増加したか。" },
        { id: "fever", question: "布洛芬缓释胶囊用于解热时，连续使用不得超过几天？" },
        { id: "pain", question: "布洛芬缓释胶囊用于止痛时，连续使用不得超过几天？" },
      ],
    });
    expect([...found.keys()]).toEqual([]);
  });

  it("questions about different kanji numerals (一年以上不满三年 / 三年以上) are never duplicates", () => {
    const found = findDuplicateQuestions({
      questions: [
        {
          id: "1-3",
          question:
            "依照《中华人民共和国劳动合同法》第十九条，劳动合同期限一年以上不满三年的，试用期最长不得超过多久？",
        },
        {
          id: "3+",
          question: "依照《中华人民共和国劳动合同法》第十九条，三年以上固定期限劳动合同的试用期不得超过多久？",
        },
      ],
    });
    expect(found.size).toBe(0);
  });

  it("still finds rewordings, with full-width digits, kanji numerals or words cut differently by ICU", () => {
    const found = findDuplicateQuestions({
      questions: [
        { id: "ja", question: "勤続6年6か月以上の従業員に毎年付与される年次有給休暇の日数は何日か。" },
        { id: "ja-width", question: "勤続６年６か月以上の従業員には、毎年何日の年次有給休暇が付与されるか。" },
        { id: "ja-kanji", question: "勤続六年六か月以上の従業員に毎年付与される年次有給休暇の日数は何日か。" },
        { id: "zh", question: "华川电子2023年实现的营业收入是多少？" },
        { id: "zh-order", question: "2023年华川电子实现营业收入多少？" },
        { id: "zh-dose", question: "肌酐清除率低于30毫升/分钟的患者，给药间隔应延长至多久？" },
        { id: "zh-dose-to", question: "对于肌酐清除率低于30毫升/分钟的患者，给药间隔需要延长到多久？" },
      ],
    });
    expect(Object.fromEntries([...found].map(([id, [f]]) => [id, f?.data?.duplicateOf]))).toEqual({
      "ja-width": "ja",
      "ja-kanji": "ja",
      "zh-order": "zh",
      "zh-dose-to": "zh-dose",
    });
  });
});

/** Mulberry32: a small seeded generator, so every run checks the same sets. */
function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The filter's definition, pair by pair: each question against every earlier kept one with the same numbers; the
 * most similar at or above the threshold wins, the earliest on a tie, unless (Japanese or Chinese) each has a unit
 * the other lacks; a duplicate is not kept.
 */
function bruteForce(questions: { id: string; question: string }[], threshold: number) {
  const kept: { id: string; stems: Set<string>; numbers: string; negated: boolean; spaceless: boolean }[] = [];
  return questions.map((q) => {
    const { units: stems, spaceless } = duplicateComparisonUnits(q.question);
    const numbers = (normalizeForComparison(q.question).match(/\d+(?:[.,]\d+)*/gu) ?? []).join(" ");
    const negated = isNegatedQuestion(q.question);
    let best: { duplicateOf: string; similarity: number } | undefined;
    for (const k of kept) {
      if (k.numbers !== numbers || k.negated !== negated) continue;
      const replaced = [...stems].some((s) => !k.stems.has(s)) && [...k.stems].some((s) => !stems.has(s));
      if ((spaceless || k.spaceless) && replaced) continue;
      const similarity = jaccard({ a: stems, b: k.stems });
      if (similarity >= threshold && (!best || similarity > best.similarity)) {
        best = { duplicateOf: k.id, similarity };
      }
    }
    if (!best) kept.push({ id: q.id, stems, numbers, negated, spaceless });
    return best;
  });
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Questions near each other on purpose: copies of a few bases with words dropped, added or swapped. */
function nearCopies(params: {
  random: () => number;
  count: number;
  vocabulary: readonly string[];
  minWords: number;
  maxWords: number;
  join: string;
  numbers?: readonly string[];
}): { id: string; question: string }[] {
  const { random, vocabulary, join } = params;
  const bases: string[][] = [];
  const out: { id: string; question: string }[] = [];
  for (let i = 0; i < params.count; i++) {
    let words: string[];
    if (bases.length === 0 || random() < 0.3) {
      const n = params.minWords + Math.floor(random() * (params.maxWords - params.minWords + 1));
      words = Array.from({ length: n }, () => pick(random, vocabulary));
      bases.push(words);
    } else {
      words = [...pick(random, bases)];
      for (let edits = Math.floor(random() * 4); edits > 0; edits--) {
        const at = Math.floor(random() * words.length);
        const r = random();
        if (r < 0.33 && words.length > 1) words.splice(at, 1);
        else if (r < 0.66) words.splice(at, 0, pick(random, vocabulary));
        else words[at] = pick(random, vocabulary);
      }
    }
    if (params.numbers && random() < 0.5) words = [...words, pick(random, params.numbers)];
    out.push({ id: `q${i}`, question: words.join(join) });
  }
  return out;
}

describe("NearDuplicateIndex is exact: the same findings as comparing every pair", () => {
  const THRESHOLDS = [0.3, 0.5, 2 / 3, 0.75, DEFAULT_DUPLICATE_THRESHOLD, 0.9, 1];
  const letters = "abcdefghijklmnopqrstuvwxyz";
  const words = (random: () => number, n: number) =>
    Array.from({ length: n }, () =>
      Array.from({ length: 3 + Math.floor(random() * 5) }, () => pick(random, [...letters])).join(""),
    );
  const cases: [string, (random: () => number) => { id: string; question: string }[]][] = [
    [
      "a small vocabulary (every question shares most words)",
      (random) =>
        nearCopies({ random, count: 400, vocabulary: words(random, 10), minWords: 3, maxWords: 9, join: " " }),
    ],
    [
      "long questions over a mid-sized vocabulary",
      (random) =>
        nearCopies({ random, count: 250, vocabulary: words(random, 80), minWords: 30, maxWords: 70, join: " " }),
    ],
    [
      "many distinct words with numbers mixed in",
      (random) =>
        nearCopies({
          random,
          count: 400,
          vocabulary: words(random, 400),
          minWords: 4,
          maxWords: 14,
          join: " ",
          numbers: ["2022", "2023", "30", "4.5"],
        }),
    ],
    [
      "Japanese questions built from a few words and particles",
      (random) =>
        nearCopies({
          random,
          count: 300,
          vocabulary: [
            "年次有給休暇",
            "入社後",
            "付与",
            "育児休業",
            "取得",
            "翌年度",
            "繰り越し",
            "従業員",
            "会社",
            "申請",
            "給与",
            "賞与",
            "は",
            "が",
            "を",
            "に",
            "何日",
          ],
          minWords: 3,
          maxWords: 10,
          join: "",
        }),
    ],
    [
      "Chinese questions with full-width digits",
      (random) =>
        nearCopies({
          random,
          count: 300,
          vocabulary: [
            "肌酐清除率",
            "患者",
            "给药间隔",
            "剂量",
            "延长",
            "减少",
            "毫升",
            "分钟",
            "的",
            "应",
            "多久",
            "每次",
          ],
          minWords: 3,
          maxWords: 9,
          join: "",
          numbers: ["30", "３０", "15"],
        }),
    ],
    [
      "stopword-only and empty questions among others",
      (random) =>
        nearCopies({
          random,
          count: 300,
          vocabulary: ["the", "of", "and", "is", "what", "apple", "pear", "plum", "fig", "kiwi", "lime"],
          minWords: 1,
          maxWords: 5,
          join: " ",
          numbers: ["1", "2", "3", "2022"],
        }),
    ],
  ];

  for (const [name, make] of cases) {
    it(`${name}, at thresholds ${THRESHOLDS.map((t) => t.toFixed(2)).join(", ")}`, () => {
      let flagged = 0;
      let kept = 0;
      for (const [seed, threshold] of THRESHOLDS.entries()) {
        const questions = make(randomFrom(seed + 1));
        const expected = bruteForce(questions, threshold);
        const index = new NearDuplicateIndex({ threshold });
        const actual = questions.map((q, i) => {
          // find() asks without adding and must agree with add()
          if (i % 7 === 0) expect(index.find(q.question)).toEqual(expected[i]);
          return index.add(q.id, q.question);
        });
        expect(actual).toEqual(expected);
        flagged += expected.filter(Boolean).length;
        kept += expected.filter((m) => !m).length;
      }
      // the sets are neither all duplicates nor all distinct, so the comparison means something
      expect(flagged).toBeGreaterThan(50);
      expect(kept).toBeGreaterThan(50);
    });
  }

  it("findDuplicateQuestions names the same earlier question and similarity as comparing every pair", () => {
    const random = randomFrom(99);
    const vocabulary = words(random, 12);
    const questions = nearCopies({ random, count: 600, vocabulary, minWords: 4, maxWords: 10, join: " " });
    const expected = bruteForce(questions, DEFAULT_DUPLICATE_THRESHOLD);
    const found = findDuplicateQuestions({ questions });
    const flagged = questions.flatMap((q, i) => (expected[i] ? [[q.id, expected[i]] as const] : []));
    expect(flagged.length).toBeGreaterThan(100);
    expect(found.size).toBe(flagged.length);
    for (const [id, match] of flagged) expect(found.get(id)?.[0]?.data).toEqual(match);
  });
});
