// The API convention: every exported function of more than one value takes one params object. The positional forms
// stay as deprecated overloads for now and must agree with the params form.
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

describe("one params object per exported function (positional forms deprecated, same results)", () => {
  it("checkQuestion, decideFindingAction, scoreGrounding, findDuplicateQuestions", () => {
    const findings = checkQuestion({
      question: { ...question, distractors: ["x", "x", "y"] },
      sourceText: SOURCE_TEXT,
    });
    expect(findings.length).toBeGreaterThan(0);
    expect(findings).toEqual(checkQuestion({ ...question, distractors: ["x", "x", "y"] }, { sourceText: SOURCE_TEXT }));
    expect(decideFindingAction({ findings })).toBe(decideFindingAction(findings));
    expect(scoreGrounding({ question, sourceText: SOURCE_TEXT })).toEqual(scoreGrounding(question, SOURCE_TEXT));
    const duplicates = findDuplicateQuestions({ questions: [question, twin] });
    expect([...duplicates.keys()]).toEqual(["q-twin"]);
    expect(duplicates).toEqual(findDuplicateQuestions([question, twin]));
  });

  it("parseExamQuestion names the context; toExamItem, orderChoices, assignAnswerPositions, seededShuffle", () => {
    expect(() => parseExamQuestion({ value: { id: "x" }, context: "q.jsonl line 3" })).toThrow(/^q\.jsonl line 3: /);
    expect(parseExamQuestion({ value: question })).toEqual(parseExamQuestion(question));
    const positions = assignAnswerPositions({ items: [{ id: question.id, optionCount: 4 }], seed: 7 });
    expect(positions).toEqual(assignAnswerPositions([{ id: question.id, optionCount: 4 }], 7));
    const item = toExamItem({ question, subject: "finance", seed: 7, answerIndex: 2 });
    expect(item.answer).toBe(2);
    expect(item).toEqual(toExamItem(question, { subject: "finance", seed: 7, answerIndex: 2 }));
    expect(orderChoices({ item: question, seed: 7, answerIndex: 1 })).toEqual(
      orderChoices(question, { seed: 7, answerIndex: 1 }),
    );
    expect(seededShuffle({ values: [1, 2, 3, 4], seed: 7, key: "k" })).toEqual(seededShuffle([1, 2, 3, 4], 7, "k"));
  });

  it("promptVersionFor, jaccard, characterShingles, writeJsonl", async () => {
    expect(promptVersionFor({ basePromptVersion: "qc-1", plugin: { id: "finance", version: "1.0.0" } })).toBe(
      "qc-1+finance@1.0.0",
    );
    expect(jaccard({ a: new Set([1, 2]), b: new Set([2, 3]) })).toBeCloseTo(1 / 3);
    expect(characterShingles({ text: "abcdef", size: 5 })).toEqual(characterShingles("abcdef", 5));
    const path = join(await mkdtemp(join(tmpdir(), "params-")), "q.jsonl");
    expect(await writeJsonl({ path, values: [{ a: 1 }, { b: 2 }] })).toBe(2);
    expect(await readFile(path, "utf8")).toBe('{"a":1}\n{"b":2}\n');
  });
});
