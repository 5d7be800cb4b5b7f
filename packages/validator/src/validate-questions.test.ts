import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { JournalError } from "@domain-eval/core";
import {
  multipleChoiceHandler,
  VALIDATION_QUESTIONS as QUESTIONS,
  readingPanel,
  type ScriptedOpenAIServer,
  startScriptedOpenAIServer,
} from "@domain-eval/testing";
import { afterEach, describe, expect, it } from "vitest";

import { createEndpointMember } from "./endpoint-member.js";
import { estimateValidation, validateQuestions } from "./validate-questions.js";
import { withValidation } from "./validation-result.js";
import { ValidatorError } from "./validator-error.js";

let server: ScriptedOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const all = Object.values(QUESTIONS);
const codes = (findings: { code: string }[]) => findings.map((f) => f.code).sort();

describe("validateQuestions with an exact scripted panel", () => {
  it("reports a wrong key, trivia and giveaway options, and nothing on a clean question", async () => {
    server = await startScriptedOpenAIServer({ handler: multipleChoiceHandler({ decide: readingPanel }) });
    const member = createEndpointMember({ baseUrl: server.url, model: "reader" });
    const { results, stats } = await validateQuestions({ questions: all, panel: [member] });
    const byId = Object.fromEntries(results.map((r) => [r.id, r]));
    expect(codes(byId.clean?.findings ?? [])).toEqual([]);
    expect(codes(byId["wrong-key"]?.findings ?? [])).toEqual(["KEY_DISPUTED"]);
    expect(codes(byId.trivia?.findings ?? [])).toEqual(["ANSWERABLE_WITHOUT_SOURCE"]);
    expect(codes(byId.giveaway?.findings ?? [])).toEqual(["ANSWERABLE_FROM_OPTIONS"]);

    const disputed = byId["wrong-key"]?.findings[0];
    expect(disputed).toMatchObject({ severity: "error", data: { option: "45 days", share: 1 } });
    expect(disputed?.message).toMatch(/"45 days" instead of the key in 4 of 4 answers \(100%\)/);
    expect(byId.trivia?.findings[0]?.severity).toBe("warning");

    // 4 options → 4 orders: open book 1 + order swap 3 + closed book 4 + options only 4 = 12 calls per question.
    expect(stats.calls).toBe(12 * all.length);
    expect(server.requests).toHaveLength(12 * all.length);
    const v = byId.clean?.validation;
    expect(v?.prompt_version).toBe("validate-1");
    expect(v?.panel).toEqual([{ model: "reader", kind: "endpoint", scoring: "letter" }]);
    expect(v?.settings.open_book).toMatchObject({ total: 1, answered: 1, correct: 1, rate: 1, chance: 0.25 });
    expect(v?.settings.closed_book).toMatchObject({
      total: 4,
      answered: 4,
      correct: 1,
      rate: 0.25,
      above_chance: false,
    });
    expect(v?.settings.order_swap).toMatchObject({ total: 3, position_sensitive: false });
    // every answer names the order shown, the option chosen (0 = the key) and its letter in that order
    for (const a of v?.settings.closed_book.answers ?? []) {
      expect(a.order).toHaveLength(4);
      expect(a.letter).toBe("A");
      expect(a.choice).toBe(a.order[0]);
      expect(a.correct).toBe(a.choice === 0);
    }
    // the key is shown at every letter once in the closed-book orders
    expect(new Set(v?.settings.closed_book.answers.map((a) => a.order.indexOf(0)))).toEqual(new Set([0, 1, 2, 3]));
  });

  it("a panel that follows the letter is position-sensitive and flags nothing; ANSWERABLE_WITHOUT_SOURCE can be an error", async () => {
    server = await startScriptedOpenAIServer({ handler: multipleChoiceHandler({ decide: () => 0 }) });
    const member = createEndpointMember({ baseUrl: server.url, model: "letter-a" });
    const { results } = await validateQuestions({ questions: all, panel: [member] });
    for (const r of results) {
      expect(codes(r.findings)).toEqual([]);
      expect(r.validation?.settings.order_swap.position_sensitive).toBe(true);
      expect(r.validation?.settings.order_swap.position_sensitive_by_model).toEqual({ "letter-a": true });
      expect(r.validation?.settings.closed_book.rate).toBe(0.25);
    }
    await server.close();
    server = await startScriptedOpenAIServer({ handler: multipleChoiceHandler({ decide: readingPanel }) });
    const strict = await validateQuestions({
      questions: [QUESTIONS.trivia],
      panel: [createEndpointMember({ baseUrl: server.url, model: "reader" })],
      policy: { closedBookSeverity: "error" },
    });
    expect(strict.results[0]?.findings).toMatchObject([{ code: "ANSWERABLE_WITHOUT_SOURCE", severity: "error" }]);
  });

  it("pools a panel of several models; a member that cannot answer in the format is recorded as no answer, never right or wrong", async () => {
    server = await startScriptedOpenAIServer({
      handler: multipleChoiceHandler({
        decide: (item, request) => (request.model === "mute" ? null : readingPanel(item)),
      }),
    });
    const panel = ["reader", "mute"].map((model) => createEndpointMember({ baseUrl: server?.url as string, model }));
    const { results, stats } = await validateQuestions({ questions: [QUESTIONS.trivia], panel });
    const closed = results[0]?.validation?.settings.closed_book;
    expect(closed).toMatchObject({ total: 8, answered: 4, correct: 4, rate: 1 });
    const mute = closed?.answers.filter((a) => a.model === "mute") ?? [];
    expect(mute).toHaveLength(4);
    for (const a of mute) {
      expect(a).toMatchObject({ choice: null, letter: null, correct: null });
      expect(a.no_answer).toMatch(/not JSON/);
    }
    expect(stats.noAnswers).toBe(12);
    expect(codes(results[0]?.findings ?? [])).toEqual(["ANSWERABLE_WITHOUT_SOURCE"]);
  });

  it("uses the letter probabilities when the endpoint returns log-probabilities", async () => {
    server = await startScriptedOpenAIServer({
      handler: multipleChoiceHandler({ decide: readingPanel, confidence: 0.7 }),
    });
    const member = createEndpointMember({ baseUrl: server.url, model: "reader", structuredOutput: "tools" });
    const { results } = await validateQuestions({ questions: [QUESTIONS.clean], panel: [member] });
    const answer = results[0]?.validation?.settings.open_book.answers[0];
    expect(answer?.choice).toBe(0);
    expect(answer?.probabilities?.[0]).toBeCloseTo(0.7, 3);
    expect(answer?.probabilities?.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    expect(results[0]?.validation?.panel[0]?.scoring).toBe("logprobs");
    const body = server.requests[0]?.body as { tools?: unknown[] } | undefined;
    expect(body?.tools).toHaveLength(1);
  });

  it("stops at --max-calls with a journal, and the resumed run asks only what is missing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "validate-"));
    const journalPath = join(dir, "out.journal.jsonl");
    server = await startScriptedOpenAIServer({ handler: multipleChoiceHandler({ decide: readingPanel }) });
    const member = createEndpointMember({ baseUrl: server.url, model: "reader", concurrency: 1 });
    const first = await validateQuestions({ questions: all, panel: [member], journalPath, budget: { maxCalls: 20 } });
    expect(first.stats).toMatchObject({ stoppedBy: "max-calls", calls: 20, validated: 1 });
    expect(first.results.filter((r) => r.validation === null)).toHaveLength(3);
    await expect(validateQuestions({ questions: all, panel: [member], journalPath })).rejects.toThrow(/--resume/);
    const second = await validateQuestions({ questions: all, panel: [member], journalPath, resume: true });
    expect(second.stats).toMatchObject({ resumed: 20, calls: 28, validated: 4 });
    expect(server.requests).toHaveLength(48);
    expect(codes(second.results.flatMap((r) => r.findings))).toEqual([
      "ANSWERABLE_FROM_OPTIONS",
      "ANSWERABLE_WITHOUT_SOURCE",
      "KEY_DISPUTED",
    ]);
    expect((await readFile(journalPath, "utf8")).trim().split("\n")).toHaveLength(49);
  });

  it("its journal is core's: a line cut by a crash is repaired, another format or prompt version is refused", async () => {
    const dir = await mkdtemp(join(tmpdir(), "validate-"));
    const journalPath = join(dir, "out.journal.jsonl");
    server = await startScriptedOpenAIServer({ handler: multipleChoiceHandler({ decide: readingPanel }) });
    const member = createEndpointMember({ baseUrl: server.url, model: "reader", concurrency: 1 });
    await validateQuestions({ questions: all, panel: [member], journalPath, budget: { maxCalls: 5 } });
    const lines = (await readFile(journalPath, "utf8")).trim().split("\n");
    await writeFile(journalPath, `${lines.slice(0, 5).join("\n")}\n${(lines[5] ?? "").slice(0, 30)}`);
    const resumed = await validateQuestions({ questions: all, panel: [member], journalPath, resume: true });
    expect(resumed.stats).toMatchObject({ resumed: 4, validated: 4 });

    const header = JSON.parse(lines[0] ?? "");
    await writeFile(journalPath, `${JSON.stringify({ ...header, prompt_version: "validate-0" })}\n`);
    const error = await validateQuestions({ questions: all, panel: [member], journalPath, resume: true }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ValidatorError);
    expect(error.code).toBe("JOURNAL_MISMATCH");
    expect(error.message).toMatch(/other settings \(prompt_version "validate-0" → "validate-1"\)/u);
    expect(error.cause).toBeInstanceOf(JournalError);
    await writeFile(journalPath, '{"type": "header", "format": "domain-eval/question-chain-journal@2"}\n');
    await expect(
      validateQuestions({ questions: all, panel: [member], journalPath, resume: true }),
    ).rejects.toMatchObject({
      code: "JOURNAL_MISMATCH",
      message: expect.stringContaining("is not a domain-eval/validation-journal@1 journal"),
    });
  });

  it("estimates calls and tokens per setting without calling the model; merges results into the question", async () => {
    server = await startScriptedOpenAIServer({ handler: multipleChoiceHandler({ decide: readingPanel }) });
    const member = createEndpointMember({ baseUrl: server.url, model: "reader" });
    const estimate = await estimateValidation({ questions: all, panel: [member] });
    expect(estimate.settings).toMatchObject({
      open_book: { calls: 4 },
      order_swap: { calls: 12 },
      closed_book: { calls: 16 },
      options_only: { calls: 16 },
    });
    expect(estimate.settings.open_book.promptTokens / 4).toBeGreaterThan(
      estimate.settings.closed_book.promptTokens / 16,
    );
    expect(server.requests).toHaveLength(0);

    const { results } = await validateQuestions({ questions: [QUESTIONS.wrongKey], panel: [member] });
    const merged = withValidation({
      question: {
        ...QUESTIONS.wrongKey,
        extra: 1,
        findings: [
          { code: "LENGTH_BIAS", severity: "warning" as const, message: "m" },
          { code: "KEY_DISPUTED", severity: "error" as const, message: "old" },
        ],
      },
      validation: results[0]?.validation as never,
      findings: results[0]?.findings ?? [],
    });
    expect(merged.extra).toBe(1);
    expect(merged.findings.map((f) => f.code)).toEqual(["LENGTH_BIAS", "KEY_DISPUTED"]);
    expect(merged.findings[1]?.message).not.toBe("old");
  });
});
