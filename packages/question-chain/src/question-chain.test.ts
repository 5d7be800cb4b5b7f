import { defineDomainPlugin, parseExamQuestion } from "@domain-eval/core";
import { Document } from "@langchain/core/documents";
import { SimpleChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseMessage } from "@langchain/core/messages";
import { FakeListChatModel } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { createQuestionChain, questionIdFor } from "./question-chain.js";
import type { ChunkMetadata } from "./split-documents.js";

const SOURCE =
  "The Basel III framework requires banks to hold common equity of at least 4.5 percent of risk-weighted assets. " +
  "A capital conservation buffer of 2.5 percent comes on top of that minimum. " +
  "Supervisors may also impose a countercyclical buffer of up to 2.5 percent when credit grows quickly.";

const chunk = new Document<ChunkMetadata>({
  pageContent: SOURCE,
  metadata: {
    document_id: "doc-1",
    document_path: "basel.md",
    chunk_id: "doc-1:100-400",
    chunk_index: 0,
    start: 100,
    end: 400,
  },
});

const good = {
  question: "What minimum share of risk-weighted assets must banks hold as common equity under Basel III?",
  answer: "4.5 percent",
  distractors: ["3.5 percent", "6.0 percent", "8.0 percent"],
  citations: ["banks to hold common equity of at least 4.5 percent of risk-weighted assets"],
};
const good2 = {
  question: "How large is the capital conservation buffer that applies on top of the minimum?",
  answer: "2.5 percent",
  distractors: ["1.5 percent", "3.0 percent", "5.0 percent"],
  citations: ["A capital conservation buffer of 2.5 percent comes on top of that minimum."],
};

/** A chat model without tool calling: it answers with scripted text and records what it was sent. */
class ScriptedTextModel extends SimpleChatModel {
  readonly received: BaseMessage[][] = [];
  constructor(private readonly replies: string[]) {
    super({});
  }
  _llmType() {
    return "scripted-text";
  }
  async _call(messages: BaseMessage[]): Promise<string> {
    this.received.push(messages);
    const reply = this.replies[this.received.length - 1];
    if (reply === undefined) throw new Error("no more scripted replies");
    return reply;
  }
}

describe("createQuestionChain with a fake structured-output model", () => {
  it("turns a chunk into valid, sourced exam questions with stable ids", async () => {
    const model = new FakeListChatModel({ responses: [JSON.stringify({ questions: [good, good2] })] });
    const chain = createQuestionChain({ model, questionsPerChunk: 2 });
    const out = await chain.invoke(chunk);
    expect(out.failure).toBeUndefined();
    expect(out.chunk_id).toBe("doc-1:100-400");
    expect(out.questions.map((q) => q.answer)).toEqual(["4.5 percent", "2.5 percent"]);
    const [first] = out.questions;
    if (!first) throw new Error("no question");
    expect(() => parseExamQuestion({ value: first })).not.toThrow();
    expect(first.id).toBe(questionIdFor({ chunkId: "doc-1:100-400", question: good.question }));
    expect(first.source).toEqual(chunk.metadata); // document, path, chunk id and index, character span
    expect(first.source_text).toBe(SOURCE);
    expect(first.generator_model).toBe("fake-list");
    expect(first.prompt_version).toBe("question-chain/2");
    expect(first.findings).toBeUndefined();
    expect(out.usage.calls).toBe(1);
    expect(out.usage.estimated).toBe(true);
    expect(out.usage.promptTokens).toBeGreaterThan(50);
  });

  it("requestAnswer then checkAnswer (the checks run apart from the call) gives what invoke gives", async () => {
    const reply = JSON.stringify({
      questions: [good, { ...good2, distractors: ["2.5 percent", "3 percent", "5 percent"] }],
    });
    const whole = await createQuestionChain({
      model: new FakeListChatModel({ responses: [reply] }),
      questionsPerChunk: 2,
    }).invoke(chunk);
    const split = createQuestionChain({ model: new FakeListChatModel({ responses: [reply] }), questionsPerChunk: 2 });
    const answer = await split.requestAnswer(chunk);
    expect(answer.kind).toBe("answer");
    expect(split.checkAnswer(answer)).toEqual(whole);
    expect(whole.questions).toHaveLength(1);
    expect(whole.dropped.map((d) => d.findings.find((f) => f.severity === "error")?.code)).toEqual([
      "ANSWER_IN_DISTRACTORS",
    ]);
  });

  it("prepareRequest builds the very request the call would build, and the call uses it once", async () => {
    const reply = JSON.stringify({ questions: [good, good2] });
    const plain = new ScriptedTextModel([reply]);
    const prepared = new ScriptedTextModel([reply, reply]);
    const outPlain = await createQuestionChain({ model: plain, questionsPerChunk: 2 }).invoke(chunk);
    const chain = createQuestionChain({ model: prepared, questionsPerChunk: 2 });
    chain.prepareRequest(chunk);
    const outPrepared = await chain.invoke(chunk);
    expect(outPrepared).toEqual(outPlain);
    expect(prepared.received[0]?.map((m) => m.content)).toEqual(plain.received[0]?.map((m) => m.content));
    // used once: the same chunk again is built afresh and asked again
    expect((await chain.invoke(chunk)).questions).toHaveLength(2);
    expect(prepared.received).toHaveLength(2);
  });

  it("warmUpChecks calls no model and changes nothing the chain returns", async () => {
    const reply = JSON.stringify({ questions: [good, good2] });
    const model = new ScriptedTextModel([reply]);
    const chain = createQuestionChain({ model, questionsPerChunk: 2 });
    chain.warmUpChecks(chunk);
    chain.warmUpChecks("A heading");
    expect(model.received).toHaveLength(0);
    const cold = await createQuestionChain({
      model: new ScriptedTextModel([reply]),
      questionsPerChunk: 2,
    }).invoke(chunk);
    expect(await chain.invoke(chunk)).toEqual(cold);
  });

  it("drops questions that fail the checks and flags those with warnings", async () => {
    const ungrounded = {
      ...good2,
      question: "Which body publishes the framework?",
      answer: "The Basel Committee",
      citations: ["The Basel Committee publishes it."],
    };
    const answerAmongDistractors = {
      ...good,
      question: "What is the common equity minimum in percent of assets?",
      distractors: ["4.5 percent", "6 percent", "8 percent"],
    };
    const lengthBiased = {
      question: "What may supervisors impose when credit grows quickly according to Basel III?",
      answer: "a countercyclical buffer of up to 2.5 percent when credit grows quickly",
      distractors: ["a fine", "a levy", "a ban"],
      citations: [
        "Supervisors may also impose a countercyclical buffer of up to 2.5 percent when credit grows quickly.",
      ],
    };
    const model = new FakeListChatModel({
      responses: [JSON.stringify({ questions: [ungrounded, answerAmongDistractors, lengthBiased] })],
    });
    const out = await createQuestionChain({ model, questionsPerChunk: 3 }).invoke(chunk);
    expect(out.dropped.map((d) => d.findings.filter((f) => f.severity === "error").map((f) => f.code))).toEqual([
      ["UNGROUNDED_QUOTE"],
      ["ANSWER_IN_DISTRACTORS"],
    ]);
    expect(out.questions).toHaveLength(1);
    expect(out.questions[0]?.findings?.map((f) => f.code)).toContain("LENGTH_BIAS");
    // a stricter policy drops the flagged one too
    const strict = createQuestionChain({
      model: new FakeListChatModel({ responses: [JSON.stringify({ questions: [lengthBiased] })] }),
      questionsPerChunk: 3,
      policy: { error: "drop", warning: "drop", info: "keep" },
    });
    expect((await strict.invoke(chunk)).questions).toHaveLength(0);
  });

  it("drops within-chunk duplicates and questions beyond the number asked for; trims extra distractors", async () => {
    const model = new FakeListChatModel({
      responses: [
        JSON.stringify({
          questions: [
            { ...good, distractors: [...good.distractors, "9.5 percent"] },
            { ...good, question: ` ${good.question.toUpperCase()}` },
            good2,
          ],
        }),
      ],
    });
    const out = await createQuestionChain({ model, questionsPerChunk: 2 }).invoke(chunk);
    expect(out.questions.map((q) => q.distractors)).toEqual([good.distractors]);
    expect(out.dropped.map((d) => d.findings.filter((f) => f.severity === "error").map((f) => f.code))).toEqual([
      ["DUPLICATE_QUESTION"],
      ["EXTRA_QUESTION"],
    ]);
    // the one duplicate filter of core: the same finding, with the same data, as generateExam and check give
    const kept = out.questions[0];
    expect(out.dropped[0]?.findings.find((f) => f.code === "DUPLICATE_QUESTION")).toEqual({
      code: "DUPLICATE_QUESTION",
      severity: "error",
      message: `near-duplicate of question ${kept?.id} (similarity 1.00)`,
      data: { duplicateOf: kept?.id, similarity: 1 },
    });
  });

  it("drops questions with fewer distractors than optionsPerQuestion needs", async () => {
    const model = new FakeListChatModel({ responses: [JSON.stringify({ questions: [good] })] });
    const out = await createQuestionChain({ model, questionsPerChunk: 1, optionsPerQuestion: 5 }).invoke(chunk);
    expect(out.questions).toEqual([]);
    expect(out.dropped[0]?.findings.map((f) => f.code)).toContain("WRONG_OPTION_COUNT");
  });

  it("uses the domain plugin: instructions and examples in the prompt, its checks, its prompt version", async () => {
    const domain = defineDomainPlugin({
      id: "banking",
      displayName: "Banking",
      subject: "banking",
      languages: ["de"],
      version: "2.1.0",
      instructions: "Always state the regulation by name.",
      fewShotExamples: [
        {
          source_text: "The leverage ratio must be at least 3 percent.",
          question: "What is the minimum leverage ratio?",
          answer: "3 percent",
          distractors: ["1 percent", "5 percent", "7 percent"],
          citations: ["The leverage ratio must be at least 3 percent."],
        },
      ],
      reviewerGuidelines: "Check the numbers.",
      checks: [
        {
          name: "mentions-basel",
          codes: ["NO_REGULATION_NAMED"],
          description: "The question names the regulation.",
          run: (q) =>
            /basel/iu.test(q.question)
              ? []
              : [{ code: "NO_REGULATION_NAMED", severity: "warning", message: "name the regulation" }],
        },
      ],
    });
    const model = new ScriptedTextModel([JSON.stringify({ questions: [good, good2] })]);
    const chain = createQuestionChain({ model, domain, questionsPerChunk: 2 });
    const out = await chain.invoke(chunk);
    const system = String(model.received[0]?.[0]?.content);
    expect(system).toContain("Always state the regulation by name.");
    expect(system).toContain("The leverage ratio must be at least 3 percent.");
    expect(system).toContain("Write in German.");
    expect(out.questions.map((q) => q.prompt_version)).toEqual([
      "question-chain/2+banking@2.1.0",
      "question-chain/2+banking@2.1.0",
    ]);
    expect(out.questions[0]?.findings).toBeUndefined();
    expect(out.questions[1]?.findings?.map((f) => f.code)).toContain("NO_REGULATION_NAMED");
  });
});

describe("createQuestionChain with a text-only model (JSON parsed from text)", () => {
  it("retries an unusable reply with the error fed back, then succeeds", async () => {
    const model = new ScriptedTextModel([
      "Here are your questions: {questions: oops",
      JSON.stringify({ questions: [{ question: good.question }] }),
      `\`\`\`json\n${JSON.stringify({ questions: [good] })}\n\`\`\``,
    ]);
    const out = await createQuestionChain({ model, questionsPerChunk: 1 }).invoke(chunk);
    expect(out.failure).toBeUndefined();
    expect(out.attempts).toBe(3);
    expect(out.usage.calls).toBe(3);
    expect(out.questions).toHaveLength(1);
    const second = model.received[1] ?? [];
    expect(second).toHaveLength(4);
    expect(String(second[2]?.content)).toBe("Here are your questions: {questions: oops");
    expect(String(second[3]?.content)).toMatch(/could not be used: the reply is not valid JSON/u);
    expect(String(model.received[2]?.[3]?.content)).toMatch(/questions\.0\.answer/u);
  });

  it("reports a failure after the last attempt instead of dropping the chunk silently", async () => {
    const model = new ScriptedTextModel(["no json", "still none"]);
    const out = await createQuestionChain({ model, maxRetries: 1 }).invoke(chunk);
    expect(out.questions).toEqual([]);
    expect(out.failure).toEqual({
      message: expect.stringMatching(/no usable answer after 2 attempt\(s\): the reply is not valid JSON/u),
      attempts: 2,
      code: "UNPARSEABLE",
      retryable: true,
    });
  });

  it("counts a model error as an attempt and recovers", async () => {
    const model = new ScriptedTextModel([]);
    const out = await createQuestionChain({ model, maxRetries: 0 }).invoke(
      "A plain string passage that is long enough to ask about.",
    );
    expect(out.failure?.message).toMatch(/the model call failed \(SERVER_ERROR\): no more scripted replies/u);
    expect(out.chunk_id).toMatch(/^doc-[0-9a-f]{16}:0-\d+$/u);
  });

  it("rejects bad settings with a message naming the fix", () => {
    const model = new ScriptedTextModel([]);
    expect(() => createQuestionChain({ model, optionsPerQuestion: 3 })).toThrow(
      /optionsPerQuestion must be a whole number of at least 4/u,
    );
    expect(() => createQuestionChain({ model, questionsPerChunk: 0 })).toThrow(/questionsPerChunk/u);
    expect(() => createQuestionChain({ model, structuredOutput: "tool" })).toThrow(
      /not supported by this model.*use "auto" or "json_mode"/u,
    );
    // @ts-expect-error testing a missing model
    expect(() => createQuestionChain({})).toThrow(/needs `model`/u);
  });

  it("checks every parameter when the chain is made, before any chunk is sent", () => {
    const model = new ScriptedTextModel([]);
    // @ts-expect-error testing a policy action that does not exist
    expect(() => createQuestionChain({ model, policy: { error: "remove" } })).toThrow(
      /policy\.error "remove" is not one of keep, flag, drop/u,
    );
    // @ts-expect-error testing a severity that does not exist
    expect(() => createQuestionChain({ model, policy: { fatal: "drop" } })).toThrow(
      /policy\.fatal is not a finding severity/u,
    );
    expect(() => createQuestionChain({ model, thresholds: { minQuestionWords: -1 } })).toThrow(
      /thresholds\.minQuestionWords must be a number of 0 or more, got -1/u,
    );
    expect(() => createQuestionChain({ model, language: "" })).toThrow(/language must be a language code/u);
    expect(() =>
      createQuestionChain({
        model,
        domain: {
          id: "Bad Id",
          displayName: "x",
          subject: "x",
          languages: ["en"],
          version: "1",
          instructions: "x",
          fewShotExamples: [],
          reviewerGuidelines: "x",
        },
      }),
    ).toThrow(/invalid domain plugin.*kebab-case/u);
    expect(model.received).toHaveLength(0);
  });

  it("an explicitly asked structured-output mode the model lacks fails with the reason; only auto parses text", () => {
    const model = new ScriptedTextModel([]);
    for (const mode of ["tool", "json_schema", "json_mode"] as const) {
      expect(() => createQuestionChain({ model, structuredOutput: mode })).toThrow(
        new RegExp(`structuredOutput "${mode}" is not supported by this model \\(.+\\): use "auto"`, "u"),
      );
    }
    expect(() => createQuestionChain({ model, structuredOutput: "auto" })).not.toThrow();
  });
});
