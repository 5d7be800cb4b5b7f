import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { examWriterHandler, type ScriptedOpenAIServer, startScriptedOpenAIServer } from "@domain-eval/testing";
import { Document } from "@langchain/core/documents";
import { RunnableLambda } from "@langchain/core/runnables";
import { ChatOpenAI } from "@langchain/openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { syntheticCorpus } from "../test/corpus.js";
import { tokenCounter } from "./count-tokens.js";
import { estimateExam } from "./estimate-exam.js";
import { type ExamProgress, generateExam } from "./generate-exam.js";
import { documentIdFor } from "./load-documents.js";
import { createQuestionChain, type QuestionChainInput } from "./question-chain.js";
import { type ChunkDocument, splitDocuments } from "./split-documents.js";

let server: ScriptedOpenAIServer | undefined;
let dir: string;
let chunks: ChunkDocument[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "qc-exam-"));
  chunks = await splitDocuments({ documents: syntheticCorpus(4, 6), chunkSize: 80, chunkOverlap: 0 });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function chainFor(url: string, options: { timeout?: number; maxRetries?: number } = {}) {
  const model = new ChatOpenAI({
    model: "gpt-4o-mini",
    apiKey: "sk-test",
    configuration: { baseURL: url },
    maxRetries: 2,
    timeout: options.timeout,
  });
  return createQuestionChain({ model, questionsPerChunk: 2, maxRetries: options.maxRetries ?? 2 });
}

/** The source passages the server was asked about, in request order. */
function requestedSources(s: ScriptedOpenAIServer): string[] {
  return s.requests
    .filter((r) => r.status === 200)
    .map((r) => {
      const messages = (r.body as { messages: { role: string; content: string }[] }).messages;
      const user = messages.find((m) => m.role === "user")?.content ?? "";
      return /<source>\n([\s\S]*?)\n<\/source>/u.exec(user)?.[1] ?? "";
    });
}

describe("generateExam", () => {
  it("runs a corpus with bounded concurrency; the output order does not depend on concurrency", async () => {
    let jitter = 0;
    server = await startScriptedOpenAIServer({
      handler: examWriterHandler(),
      latencyMs: () => {
        jitter = (jitter * 7 + 13) % 50;
        return 5 + jitter;
      },
      maxConcurrency: 10,
    });
    const chain = chainFor(server.url);
    const events: ExamProgress[] = [];
    const parallel = await generateExam({ chunks, chain, concurrency: 6, onProgress: (p) => events.push(p) });
    expect(server.maxObservedConcurrency).toBeLessThanOrEqual(6);
    expect(server.maxObservedConcurrency).toBeGreaterThan(1);
    const serial = await generateExam({ chunks, chain, concurrency: 1 });
    expect(parallel.questions.map((q) => q.id)).toEqual(serial.questions.map((q) => q.id));
    // document order, then chunk order
    const positions = parallel.questions.map((q) => [q.source.document_path, q.source.start] as const);
    expect(positions).toEqual([...positions].sort((a, b) => String(a[0]).localeCompare(String(b[0])) || a[1] - b[1]));
    expect(parallel.stats).toMatchObject({
      documents: 4,
      chunks: chunks.length,
      chunksDone: chunks.length,
      chunksFailed: 0,
      chunksNotRun: 0,
      questionsKept: chunks.length * 2,
      calls: chunks.length,
      tokensEstimated: false,
    });
    expect(parallel.stats.promptTokens).toBeGreaterThan(0);
    expect(events.map((e) => e.done)).toEqual(chunks.map((_, i) => i + 1));
    expect(events.at(-1)).toMatchObject({ total: chunks.length, questionsKept: chunks.length * 2 });
  });

  it("answers that arrive together each start their next request before any of them is checked", async () => {
    server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
    const chain = chainFor(server.url);
    const run = chunks.slice(0, 8);
    const wave = 4;
    const events: string[] = [];
    const idOf = (input: QuestionChainInput) => (input as ChunkDocument).metadata.chunk_id;
    // The first wave's answers are handed over one per turn of the event loop, as answers arriving together are.
    const releases: (() => void)[] = [];
    const gates = run.slice(0, wave).map(() => new Promise<void>((resolve) => releases.push(resolve)));
    const firstAnswers: Promise<unknown>[] = [];
    const releaseInTurns = (k: number) =>
      setImmediate(() => {
        releases[k]?.();
        if (k + 1 < wave) releaseInTurns(k + 1);
      });
    const requestAnswer = chain.requestAnswer.bind(chain);
    chain.requestAnswer = async (input, config) => {
      events.push(`send ${idOf(input)}`);
      const position = run.findIndex((c) => c === input);
      const answer = requestAnswer(input, config);
      if (position >= wave) return answer;
      firstAnswers.push(answer);
      if (firstAnswers.length === wave) void Promise.all(firstAnswers).then(() => releaseInTurns(0));
      await gates[position];
      return answer;
    };
    const checkAnswer = chain.checkAnswer.bind(chain);
    chain.checkAnswer = (answer) => {
      if (answer.kind === "answer") events.push(`check ${answer.plan.source.chunk_id}`);
      return checkAnswer(answer);
    };
    const result = await generateExam({ chunks: run, chain, concurrency: wave });
    expect(result.failures).toEqual([]);
    expect(events.filter((e) => e.startsWith("check"))).toHaveLength(run.length);
    const firstCheck = events.findIndex((e) => e.startsWith("check"));
    const followUps = run.slice(wave).map((c) => events.indexOf(`send ${c.metadata.chunk_id}`));
    expect(Math.max(...followUps)).toBeLessThan(firstCheck);
  });

  it("removes near-duplicate questions across documents, keeping the first", async () => {
    const shared = "The supervisory board approved a dividend of 42 cents per share at the spring meeting.";
    const text1 = `${shared}\n\nThe first document also says that revenue reached 910 million in the year.`;
    const text2 = `The second document opens with its own statement about 77 branches in the north.\n\n${shared}`;
    const documents = [text1, text2].map(
      (text, i) =>
        new Document({ pageContent: text, metadata: { document_id: documentIdFor(text), document_path: `d${i}.txt` } }),
    );
    server = await startScriptedOpenAIServer({ handler: examWriterHandler({ questionsPerRequest: 1 }) });
    const result = await generateExam({
      documents,
      split: { chunkSize: 30, chunkOverlap: 0 },
      chain: chainFor(server.url),
    });
    const dividend = (q: { question: string }) => q.question.includes("dividend");
    expect(result.questions.filter(dividend)).toHaveLength(1);
    expect(result.questions.find(dividend)?.source.document_path).toBe("d0.txt");
    expect(result.dropped.filter((d) => dividend(d.question)).map((d) => d.findings[0]?.code)).toEqual([
      "DUPLICATE_QUESTION",
    ]);
    expect(result.stats.dropReasons).toEqual({ DUPLICATE_QUESTION: 1 });
  });

  it("completes a run with 20% injected faults: every chunk has questions or a recorded failure", async () => {
    server = await startScriptedOpenAIServer({
      handler: examWriterHandler(),
      faults: {
        rate: 0.2,
        kinds: ["429", "500", "timeout", "truncated", "malformed", "disconnect"],
        seed: 11,
        retryAfterSeconds: 0,
      },
      timeoutFaultMs: 60_000,
    });
    const many = await splitDocuments({ documents: syntheticCorpus(6, 10), chunkSize: 80, chunkOverlap: 0 });
    const result = await generateExam({
      chunks: many,
      chain: chainFor(server.url, { timeout: 400, maxRetries: 1 }),
      concurrency: 6,
    });
    const faults = server.requests.filter((r) => r.fault).map((r) => r.fault);
    expect(faults.length / server.requests.length).toBeGreaterThan(0.1);
    expect(faults.length / server.requests.length).toBeLessThan(0.3);
    expect(new Set(faults).size).toBeGreaterThanOrEqual(4);
    const withQuestions = new Set(result.questions.map((q) => q.source.chunk_id));
    const failed = new Set(result.failures.map((f) => f.chunk_id));
    for (const chunk of many) {
      expect(withQuestions.has(chunk.metadata.chunk_id) || failed.has(chunk.metadata.chunk_id)).toBe(true);
    }
    expect(result.stats.chunksDone).toBe(many.length);
    // the model client retries 429/500/timeouts (and ChatOpenAI also its own parse errors) before the chain sees them
    expect(result.stats.calls).toBeGreaterThanOrEqual(many.length);
    expect(server.requests.length).toBeGreaterThan(many.length);
    for (const failure of result.failures) expect(failure.message).toMatch(/no usable answer/u);
    expect(withQuestions.size).toBeGreaterThan(many.length * 0.7);
  });

  it("stops at the budget: calls, questions, tokens", async () => {
    server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
    const chain = chainFor(server.url);
    const byCalls = await generateExam({ chunks, chain, concurrency: 1, budget: { maxCalls: 5 } });
    expect(byCalls.stats).toMatchObject({
      calls: 5,
      chunksDone: 5,
      chunksNotRun: chunks.length - 5,
      stoppedBy: "maxCalls",
    });
    const byQuestions = await generateExam({ chunks, chain, concurrency: 3, budget: { maxQuestions: 7 } });
    expect(byQuestions.questions).toHaveLength(7);
    expect(byQuestions.stats.stoppedBy).toBe("maxQuestions");
    expect(byQuestions.stats.chunksDone).toBeLessThan(chunks.length);
    // the last chunks overshoot the cap: the surplus is reported as dropped, not lost silently
    const last = await generateExam({ chunks: chunks.slice(0, 2), chain, concurrency: 2, budget: { maxQuestions: 1 } });
    const produced = last.questions.length + (last.stats.dropReasons.OVER_BUDGET ?? 0);
    expect(last.questions).toHaveLength(1);
    expect(produced).toBeGreaterThan(1);
    expect(last.dropped.filter((d) => d.findings[0]?.code === "OVER_BUDGET")).toHaveLength(produced - 1);
    expect(last.stats.stoppedBy).toBe("maxQuestions");
    const before = server.requests.length;
    const byTokens = await generateExam({ chunks, chain, concurrency: 1, budget: { maxTokens: 1 } });
    expect(byTokens.stats).toMatchObject({ calls: 1, stoppedBy: "maxTokens" });
    expect(server.requests.length - before).toBe(1);
  });

  it("resumes from the journal after an abort: same questions, finished chunks not requested again", async () => {
    server = await startScriptedOpenAIServer({ handler: examWriterHandler(), latencyMs: 20 });
    const chain = chainFor(server.url);
    const reference = await generateExam({ chunks, chain, concurrency: 3 });
    const journalPath = join(dir, "abort.journal.jsonl");
    const controller = new AbortController();
    const first = await generateExam({
      chunks,
      chain,
      concurrency: 3,
      journalPath,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 7) controller.abort();
      },
    });
    expect(first.stats.stoppedBy).toBe("aborted");
    expect(first.stats.chunksDone).toBeLessThan(chunks.length);
    const journaled = (await readFile(journalPath, "utf8"))
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => JSON.parse(l).chunk_id);
    expect(journaled).toHaveLength(first.stats.chunksDone);

    await expect(generateExam({ chunks, chain, journalPath })).rejects.toThrow(/already exists: pass resume: true/u);

    const requestsBefore = server.requests.length;
    const resumed = await generateExam({ chunks, chain, concurrency: 3, journalPath, resume: true });
    expect(resumed.questions).toEqual(reference.questions);
    expect(resumed.stats.chunksResumed).toBe(journaled.length);
    const askedAgain = requestedSources({ ...server, requests: server.requests.slice(requestsBefore) });
    const journaledTexts = chunks.filter((c) => journaled.includes(c.metadata.chunk_id)).map((c) => c.pageContent);
    expect(askedAgain).toHaveLength(chunks.length - journaled.length);
    for (const text of journaledTexts) expect(askedAgain).not.toContain(text);
  });

  it("repairs a journal whose last line was cut mid-write and refuses one from other settings", async () => {
    server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
    const chain = chainFor(server.url);
    const journalPath = join(dir, "cut.journal.jsonl");
    await generateExam({ chunks: chunks.slice(0, 3), chain, journalPath });
    const content = await readFile(journalPath, "utf8");
    const lines = content.trim().split("\n");
    await writeFile(journalPath, `${lines.slice(0, 3).join("\n")}\n${(lines[3] ?? "").slice(0, 40)}`);
    const resumed = await generateExam({ chunks: chunks.slice(0, 3), chain, journalPath, resume: true });
    expect(resumed.stats).toMatchObject({ chunksResumed: 2, chunksDone: 3 });
    const other = createQuestionChain({
      model: new ChatOpenAI({ model: "x", apiKey: "sk-test", configuration: { baseURL: server.url } }),
      domain: {
        id: "other",
        displayName: "Other",
        subject: "other",
        languages: ["en"],
        version: "1.0.0",
        instructions: "x",
        fewShotExamples: [
          {
            source_text: "The fee is 2 percent of the amount paid in.",
            question: "What fee is charged on the amount paid in?",
            answer: "2 percent",
            distractors: ["1 percent", "3 percent", "5 percent"],
            citations: ["The fee is 2 percent of the amount paid in."],
          },
        ],
        reviewerGuidelines: "x",
      },
    });
    await expect(generateExam({ chunks, chain: other, journalPath, resume: true })).rejects.toThrow(
      /prompt_version "question-chain\/2" → "question-chain\/2\+other@1\.0\.0"/u,
    );
  });

  it("rejects bad input with the fix", async () => {
    server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
    const chain = chainFor(server.url);
    await expect(generateExam({ chunks, chain, concurrency: 0 })).rejects.toThrow(/concurrency must be/u);
    await expect(generateExam({ chunks: [new Document({ pageContent: "x" })], chain })).rejects.toThrow(
      /make chunks with splitDocuments/u,
    );
    await expect(
      generateExam({ chunks: [chunks[0] as ChunkDocument, chunks[0] as ChunkDocument], chain }),
    ).rejects.toThrow(/appears twice/u);
    await expect(generateExam({ chunks, chain, resume: true })).rejects.toThrow(/needs journalPath/u);
    await expect(generateExam({ chunks, chain, budget: { maxCalls: -1 } })).rejects.toThrow(/budget\.maxCalls/u);
    expect(server.requests).toHaveLength(0);
  });

  it("checks every parameter before the first model call (duplicateThreshold was checked after all calls)", async () => {
    server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
    const chain = chainFor(server.url);
    await expect(generateExam({ chunks, chain, duplicateThreshold: 1.5 })).rejects.toThrow(
      /duplicateThreshold must be a similarity above 0 and at most 1 \(default 0\.8\), got 1\.5/u,
    );
    await expect(generateExam({ chunks, chain, duplicateThreshold: 0 })).rejects.toThrow(/duplicateThreshold/u);
    await expect(generateExam({ chunks, chain, stopAfterRepeatedFailures: -1 })).rejects.toThrow(
      /stopAfterRepeatedFailures must be a whole number/u,
    );
    // @ts-expect-error testing a budget that does not exist
    await expect(generateExam({ chunks, chain, budget: { maxDollars: 5 } })).rejects.toThrow(
      /budget\.maxDollars is not a budget/u,
    );
    await expect(
      generateExam({ documents: syntheticCorpus(1, 2), split: { chunkSize: 50, chunkOverlap: 50 }, chain }),
    ).rejects.toThrow(/chunkOverlap must be/u);
    expect(server.requests).toHaveLength(0);
  });

  it("the journal records what shapes the output: a resume with other settings is refused, naming them", async () => {
    server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
    const journalPath = join(dir, "settings.journal.jsonl");
    const documents = syntheticCorpus(2, 3);
    const controller = new AbortController();
    await generateExam({
      documents,
      split: { chunkSize: 80, chunkOverlap: 0 },
      chain: chainFor(server.url),
      journalPath,
      concurrency: 1,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done === 1) controller.abort();
      },
    });
    const header = JSON.parse((await readFile(journalPath, "utf8")).split("\n")[0] ?? "");
    expect(header).toMatchObject({
      type: "header",
      format: "domain-eval/question-chain-journal@2",
      model: "gpt-4o-mini",
      prompt_version: "question-chain/2",
      domain: null,
      questions_per_chunk: 2,
      options_per_question: 4,
      chunking: { chunk_size: 80, chunk_overlap: 0, encoding: "cl100k_base", min_chunk_tokens: 20 },
    });
    const requests = server.requests.length;
    const model = new ChatOpenAI({ model: "gpt-4o-mini", apiKey: "sk-test", configuration: { baseURL: server.url } });
    const resumeWith = (chain: ReturnType<typeof chainFor>, chunkSize = 80) =>
      generateExam({ documents, split: { chunkSize, chunkOverlap: 0 }, chain, journalPath, resume: true });
    await expect(resumeWith(createQuestionChain({ model, questionsPerChunk: 3 }))).rejects.toThrow(
      /other settings \(questions_per_chunk 2 → 3\): resume with the settings it was written with/u,
    );
    await expect(resumeWith(chainFor(server.url), 60)).rejects.toThrow(
      /chunking \{"chunk_overlap":0,"chunk_size":80,.*\} → \{"chunk_overlap":0,"chunk_size":60,/u,
    );
    await expect(
      resumeWith(createQuestionChain({ model, questionsPerChunk: 2, optionsPerQuestion: 5 })),
    ).rejects.toThrow(/options_per_question 4 → 5/u);
    expect(server.requests.length).toBe(requests);
    // the same settings resume
    const resumed = await resumeWith(chainFor(server.url));
    expect(resumed.stats.chunksResumed).toBe(1);
  });

  it("a chain of your own states its prompt version for the journal: a string, or null on purpose", async () => {
    server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
    const inner = chainFor(server.url);
    const custom = RunnableLambda.from((chunk: QuestionChainInput) => inner.invoke(chunk));
    const few = chunks.slice(0, 2);
    await expect(
      generateExam({ chunks: few, chain: custom, journalPath: join(dir, "custom-a.jsonl") }),
    ).rejects.toThrow(/journalPath with a chain that has no promptVersion: set chain\.promptVersion .* or to null/u);
    expect(server.requests).toHaveLength(0);
    const versioned = Object.assign(custom, { promptVersion: "my-prompt/1" });
    const path = join(dir, "custom-b.jsonl");
    await generateExam({ chunks: few, chain: versioned, journalPath: path });
    expect(JSON.parse((await readFile(path, "utf8")).split("\n")[0] ?? "")).toMatchObject({
      chain: "custom",
      prompt_version: "my-prompt/1",
      chunking: null,
    });
    const changed = Object.assign(
      RunnableLambda.from((chunk: QuestionChainInput) => inner.invoke(chunk)),
      {
        promptVersion: "my-prompt/2",
      },
    );
    await expect(generateExam({ chunks: few, chain: changed, journalPath: path, resume: true })).rejects.toThrow(
      /prompt_version "my-prompt\/1" → "my-prompt\/2"/u,
    );
    const unversioned = Object.assign(
      RunnableLambda.from((chunk: QuestionChainInput) => inner.invoke(chunk)),
      {
        promptVersion: null,
      },
    );
    const result = await generateExam({ chunks: few, chain: unversioned, journalPath: join(dir, "custom-c.jsonl") });
    expect(result.stats.chunksDone).toBe(2);
  });
});

describe("estimateExam", () => {
  it("measures the real prompts without calling the model", async () => {
    server = await startScriptedOpenAIServer({ handler: examWriterHandler() });
    const chain = chainFor(server.url, { maxRetries: 2 });
    const estimate = await estimateExam({ chunks, chain });
    const count = await tokenCounter();
    const exact = chunks.reduce(
      (sum, c) => sum + chain.promptFor(c).reduce((s, m) => s + count(String(m.content)) + 4, 0),
      0,
    );
    expect(estimate).toEqual({
      chunks: chunks.length,
      calls: chunks.length,
      maxCalls: chunks.length * 3,
      promptTokens: exact,
      completionTokens: chunks.length * 2 * (40 + 12 * 4),
    });
    expect(server.requests).toHaveLength(0);
    const fromDocuments = await estimateExam({
      documents: syntheticCorpus(4, 6),
      split: { chunkSize: 80, chunkOverlap: 0 },
      chain,
    });
    expect(fromDocuments).toEqual(estimate);
  });
});
