import { displayWidth, segmentWords } from "@domain-eval/core";
import { Document } from "@langchain/core/documents";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import {
  citableSentences,
  groundedQuestionsSchema,
  MAX_OPTION_CHARS,
  MAX_QUESTION_CHARS,
  resolveCitations,
} from "./grounding-schema.js";
import { createQuestionChain } from "./question-chain.js";
import { questionIdFor } from "./question-policy.js";
import { splitDocuments } from "./split-documents.js";

interface SchemaNode {
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  items: { enum?: (string | number)[]; maxLength?: number };
}

const PASSAGE = [
  "# Instant Access Saver",
  "",
  "- The account pays 3.10% AER on balances up to £85,000.",
  "(2) Interest is calculated daily and paid on the first day of each month.",
  "Short line here.",
  "Withdrawals are free. There is no limit on the number of withdrawals you can make in a year!",
].join("\n");

describe("citableSentences", () => {
  it("gives verbatim sentences of the passage without headings, list markers or fragments", () => {
    const sentences = citableSentences({ text: PASSAGE });
    expect(sentences).toEqual([
      "The account pays 3.10% AER on balances up to £85,000.",
      "Interest is calculated daily and paid on the first day of each month.",
      "There is no limit on the number of withdrawals you can make in a year!",
    ]);
    for (const sentence of sentences) expect(PASSAGE).toContain(sentence);
  });

  it("quotes Japanese and Chinese sentences, which have no spaces between words", () => {
    const ja =
      "## 年次有給休暇\n\n入社後6か月継続して勤務した従業員には、10日の年次有給休暇を付与する。有給休暇の取得は5日前までに申請する。";
    expect(citableSentences({ text: ja, language: "ja" })).toEqual([
      "入社後6か月継続して勤務した従業員には、10日の年次有給休暇を付与する。",
      "有給休暇の取得は5日前までに申請する。",
    ]);
    expect(
      citableSentences({ text: "本公司2024年营业收入为480亿元。净利润同比增长12%，达到56亿元。", language: "zh" }),
    ).toEqual(["本公司2024年营业收入为480亿元。", "净利润同比增长12%，达到56亿元。"]);
  });

  it("joins a Japanese or Chinese sentence wrapped over lines, and no title, article or list item", () => {
    const ja =
      "桜川精密株式会社　2024年3月期 決算短信（抜粋）\n当連結会計年度の売上高は４８６億円となりました。半導体製造装置向け精密部品の受注が好調に推移し、\n" +
      "営業利益は52億円（同14.5%増）となりました。\nさくらマート会員規約\n第8条（注文の取消し）\n会員は、商品の発送前に限り、\n" +
      "マイページから注文を取り消すことができる。";
    expect(citableSentences({ text: ja, language: "ja" })).toEqual([
      "桜川精密株式会社　2024年3月期 決算短信（抜粋）",
      "当連結会計年度の売上高は４８６億円となりました。",
      "半導体製造装置向け精密部品の受注が好調に推移し、営業利益は52億円（同14.5%増）となりました。",
      "さくらマート会員規約",
      "会員は、商品の発送前に限り、マイページから注文を取り消すことができる。",
    ]);
    const zh =
      "信息安全管理办法\n第六条 员工应将线上文档保存至少3年，涉及客户合同的线上\n文档应保存至少10年。\n" +
      "第38條 勞工繼續工作滿一定期間者，應依下列規定給予特別休假：\n一、六個月以上一年未滿者，三日。\n二、一年以上二年未滿者，七日。";
    expect(citableSentences({ text: zh, language: "zh" })).toEqual([
      "第六条 员工应将线上文档保存至少3年，涉及客户合同的线上文档应保存至少10年。",
      "第38條 勞工繼續工作滿一定期間者，應依下列規定給予特別休假：",
      "一、六個月以上一年未滿者，三日。",
      "二、一年以上二年未滿者，七日。",
    ]);
  });

  it("keeps exactly the sentences of 4 or more words as core's segmentWords counts them (words joined by punctuation too)", () => {
    // Short sentences of tricky words: what segmentWords counts as one word, two or none decides each one.
    const words = [
      "U.S.-based",
      "e.g.",
      "3.10%",
      "£85,000",
      "don't",
      "well-known",
      "—",
      "a",
      "rate",
      "x86_64",
      "Zürich",
      "东京",
      "年次",
      "A/B",
      "R&D",
      "...",
      "2024-01-31",
      "Q4:",
      "it's",
      "\u00A0",
      "\uFEFF",
      "net\uFEFFmargin",
      "paid",
      "on",
    ];
    let state = 7;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state % n;
    };
    const segmenter = new Intl.Segmenter(undefined, { granularity: "sentence" });
    const lines = [
      "Terms net\uFEFFmargin paid", // a format character joins two words into one: 3 words
      "U.S.-based firms, e.g. ours", // 5 words in 4 runs
      "Costs\u00A0fell — sharply", // 3 words
    ];
    for (let t = 0; t < 1_500; t++) {
      lines.push(["Terms", ...Array.from({ length: 1 + next(5) }, () => words[next(words.length)])].join(" "));
    }
    for (const line of lines) {
      const expected = [...segmenter.segment(line)]
        .map(({ segment }) => segment.trim())
        .filter((sentence) => displayWidth({ text: sentence }) >= 20 && segmentWords({ text: sentence }).length >= 4);
      expect(citableSentences({ text: line }), line).toEqual([...new Set(expected)]);
    }
  });

  it("has nothing to quote in a lone heading", () => {
    expect(citableSentences({ text: "## Costs and margins\n" })).toEqual([]);
  });
});

describe("groundedQuestionsSchema", () => {
  it("bounds counts and lengths and makes each quote one of the passage's sentences, quote first by default", () => {
    const sentences = citableSentences({ text: PASSAGE });
    const schema = groundedQuestionsSchema({ sentences, questions: 2, optionsPerQuestion: 5 }) as {
      properties: {
        questions: {
          minItems: number;
          maxItems: number;
          items: { properties: Record<"citations" | "question" | "answer" | "distractors", SchemaNode> };
        };
      };
    };
    const questions = schema.properties.questions;
    expect([questions.minItems, questions.maxItems]).toEqual([2, 2]);
    const item = questions.items.properties;
    expect(Object.keys(item)).toEqual(["citations", "question", "answer", "distractors"]);
    expect(item.citations.items.enum).toEqual([1, 2, 3]);
    const bySentence = groundedQuestionsSchema({
      sentences,
      questions: 2,
      optionsPerQuestion: 5,
      citationStyle: "sentence",
    }) as typeof schema;
    expect(bySentence.properties.questions.items.properties.citations.items.enum).toEqual(sentences);
    expect(resolveCitations({ citations: [2, "verbatim", 9], sentences })).toEqual([
      sentences[1],
      "verbatim",
      "(no sentence 9)",
    ]);
    expect(item.citations.minItems).toBe(1);
    expect([item.distractors.minItems, item.distractors.maxItems]).toEqual([4, 4]);
    expect(item.question.maxLength).toBe(MAX_QUESTION_CHARS);
    expect(item.answer.maxLength).toBe(MAX_OPTION_CHARS);
    expect(item.distractors.items.maxLength).toBe(MAX_OPTION_CHARS);
    const questionFirst = groundedQuestionsSchema({
      sentences,
      questions: 1,
      optionsPerQuestion: 4,
      order: "question-first",
    }) as typeof schema;
    expect(Object.keys(questionFirst.properties.questions.items.properties)).toEqual([
      "question",
      "answer",
      "distractors",
      "citations",
    ]);
  });
});

describe("the chain's per-chunk request", () => {
  it("asks for no more questions than the passage has sentences, and makes no call for a chunk with none", async () => {
    const model = new FakeListChatModel({ responses: [JSON.stringify({ questions: [] })] });
    const chain = createQuestionChain({ model, questionsPerChunk: 5 });
    const text = String(chain.promptFor(PASSAGE).at(-1)?.content);
    expect(text).toContain("Write exactly 3 questions");
    expect(text).toContain("[2] Interest is calculated daily and paid on the first day of each month.");
    const heading = await chain.invoke("## Costs and margins");
    expect(heading).toMatchObject({ questions: [], dropped: [], attempts: 0, usage: { calls: 0 } });
    expect(heading.failure).toBeUndefined();
  });
});

describe("splitDocuments merges chunks too short to ask about", () => {
  it("joins a lone heading to the next chunk, as an exact slice of the document", async () => {
    const body = Array.from(
      { length: 12 },
      (_, i) => `Clause ${i} sets out that the employer pays ${i + 10} days of leave each year to every worker.`,
    ).join(" ");
    const text = `# Part 4 — Leave\n\n${body}\n\n## Notes\n\n${body}`;
    const document = new Document({ pageContent: text, metadata: { document_id: "d" } });
    const unmerged = await splitDocuments({
      documents: [document],
      chunkSize: 200,
      chunkOverlap: 0,
      minChunkTokens: 0,
    });
    expect(unmerged.some((c) => citableSentences({ text: c.pageContent }).length === 0)).toBe(true);
    const chunks = await splitDocuments({ documents: [document], chunkSize: 200, chunkOverlap: 0 });
    expect(chunks.length).toBeLessThan(unmerged.length);
    for (const chunk of chunks) {
      expect(citableSentences({ text: chunk.pageContent }).length).toBeGreaterThan(0);
      expect(text.slice(chunk.metadata.start, chunk.metadata.end)).toBe(chunk.pageContent);
    }
    expect(chunks[0]?.pageContent.startsWith("# Part 4 — Leave")).toBe(true);
    expect(chunks.map((c) => c.metadata.chunk_index)).toEqual(chunks.map((_, i) => i));
  });
});

describe("one params object (the positional forms are gone)", () => {
  it("citableSentences, resolveCitations and questionIdFor take named fields", () => {
    const sentences = citableSentences({ text: PASSAGE, language: "en" });
    expect(sentences.length).toBeGreaterThan(1);
    expect(resolveCitations({ citations: [2], sentences })).toEqual([sentences[1]]);
    const id = questionIdFor({ chunkId: "doc-1:0-40", question: "What is here?" });
    expect(questionIdFor({ chunkId: "doc-1:0-40", question: "  what IS here? " })).toBe(id);
    expect(questionIdFor({ chunkId: "doc-2:0-40", question: "What is here?" })).not.toBe(id);
    // Never called: only `typecheck` reads these lines (each `@ts-expect-error` fails it if the form compiles again).
    const positional = () => {
      // @ts-expect-error positional form removed: citableSentences({ text, language })
      citableSentences("First sentence here.", "en");
      // @ts-expect-error positional form removed: resolveCitations({ citations, sentences })
      resolveCitations([1], sentences);
      // @ts-expect-error positional form removed: questionIdFor({ chunkId, question })
      questionIdFor("doc-1:0-40", "What is here?");
    };
    expect(typeof positional).toBe("function");
  });
});
