// The API convention: every exported function of more than one value takes one params object. The positional forms
// (deprecated overloads until 0.x minor of this round) are gone: `typecheck` fails if one comes back, because each
// `@ts-expect-error` below would then be unused.
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkQuestion } from "./check-question.js";
import { assignAnswerPositions, orderChoices, seededShuffle } from "./choice-order.js";
import { promptVersionFor } from "./domain-plugin.js";
import { toExamItem } from "./exam-item.js";
import { parseExamQuestion } from "./exam-question.js";
import { decideFindingAction } from "./findings.js";
import { scoreGrounding } from "./grounding.js";
import { writeJsonl } from "./jsonl.js";
import { findDuplicateQuestions } from "./near-duplicate-index.js";
import { characterShingles, jaccard } from "./normalize-text.js";
import { cleanQuestion, SOURCE_TEXT } from "./test-fixtures.js";

const question = cleanQuestion();
const twin = cleanQuestion({ id: "q-twin" });

describe("one params object per exported function (no positional forms)", () => {
  it("checkQuestion, decideFindingAction, scoreGrounding, findDuplicateQuestions", () => {
    const findings = checkQuestion({
      question: { ...question, distractors: ["x", "x", "y"] },
      sourceText: SOURCE_TEXT,
    });
    expect(findings.length).toBeGreaterThan(0);
    expect(decideFindingAction({ findings })).toBe("drop");
    expect(scoreGrounding({ question, sourceText: SOURCE_TEXT }).quoteScore).toBe(1);
    const duplicates = findDuplicateQuestions({ questions: [question, twin] });
    expect([...duplicates.keys()]).toEqual(["q-twin"]);
  });

  it("parseExamQuestion names the context; toExamItem, orderChoices, assignAnswerPositions, seededShuffle", () => {
    expect(() => parseExamQuestion({ value: { id: "x" }, context: "q.jsonl line 3" })).toThrow(/^q\.jsonl line 3: /);
    expect(parseExamQuestion({ value: question })).toEqual(question);
    const positions = assignAnswerPositions({ items: [{ id: question.id, optionCount: 4 }], seed: 7 });
    expect([...positions.keys()]).toEqual([question.id]);
    const item = toExamItem({ question, subject: "finance", seed: 7, answerIndex: 2 });
    expect(item.answer).toBe(2);
    expect(item.choices[2]).toBe(question.answer);
    expect(orderChoices({ item: question, seed: 7, answerIndex: 1 }).choices[1]).toBe(question.answer);
    const shuffled = seededShuffle({ values: [1, 2, 3, 4], seed: 7, key: "k" });
    expect([...shuffled].sort()).toEqual([1, 2, 3, 4]);
    expect(seededShuffle({ values: [1, 2, 3, 4], seed: 7, key: "k" })).toEqual(shuffled);
  });

  it("promptVersionFor, jaccard, characterShingles, writeJsonl", async () => {
    expect(promptVersionFor({ basePromptVersion: "qc-1", plugin: { id: "finance", version: "1.0.0" } })).toBe(
      "qc-1+finance@1.0.0",
    );
    expect(jaccard({ a: new Set([1, 2]), b: new Set([2, 3]) })).toBeCloseTo(1 / 3);
    expect(characterShingles({ text: "abcdef", size: 5 })).toEqual(new Set(["abcde", "bcdef"]));
    const path = join(await mkdtemp(join(tmpdir(), "params-")), "q.jsonl");
    expect(await writeJsonl({ path, values: [{ a: 1 }, { b: 2 }] })).toBe(2);
    expect(await readFile(path, "utf8")).toBe('{"a":1}\n{"b":2}\n');
  });

  it("the positional forms no longer compile", () => {
    // Never called: only `typecheck` reads these lines.
    const positional = () => {
      // @ts-expect-error positional form removed: checkQuestion({ question, sourceText })
      checkQuestion(question, { sourceText: SOURCE_TEXT });
      // @ts-expect-error positional form removed: decideFindingAction({ findings })
      decideFindingAction([]);
      // @ts-expect-error positional form removed: scoreGrounding({ question, sourceText })
      scoreGrounding(question, SOURCE_TEXT);
      // @ts-expect-error positional form removed: findDuplicateQuestions({ questions })
      findDuplicateQuestions([question, twin]);
      // @ts-expect-error positional form removed: parseExamQuestion({ value })
      parseExamQuestion(question, "context");
      // @ts-expect-error positional form removed: assignAnswerPositions({ items, seed })
      assignAnswerPositions([{ id: question.id, optionCount: 4 }], 7);
      // @ts-expect-error positional form removed: toExamItem({ question, subject, seed })
      toExamItem(question, { subject: "finance", seed: 7 });
      // @ts-expect-error positional form removed: orderChoices({ item, seed })
      orderChoices(question, { seed: 7 });
      // @ts-expect-error positional form removed: seededShuffle({ values, seed, key })
      seededShuffle([1, 2], 7, "k");
      // @ts-expect-error positional form removed: promptVersionFor({ basePromptVersion })
      promptVersionFor("qc-1");
      // @ts-expect-error positional form removed: jaccard({ a, b })
      jaccard(new Set([1]), new Set([2]));
      // @ts-expect-error positional form removed: characterShingles({ text, size })
      characterShingles("abcdef", 5);
      // @ts-expect-error positional form removed: writeJsonl({ path, values })
      void writeJsonl("q.jsonl", []);
    };
    expect(typeof positional).toBe("function");
  });
});
