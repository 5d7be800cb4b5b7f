import { type ChildProcess, execFile, execFileSync, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { examWriterHandler, type ScriptedOpenAIServer, startScriptedOpenAIServer } from "@domain-eval/testing";
import { ChatOpenAI } from "@langchain/openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticCorpus } from "../test/corpus.js";
import { generateExam } from "./generate-exam.js";
import { createQuestionChain } from "./question-chain.js";
import { splitDocuments } from "./split-documents.js";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
let dir: string;

beforeAll(async () => {
  // the child processes run the built package
  execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: packageDir, stdio: "inherit" });
  dir = await mkdtemp(join(tmpdir(), "qc-int-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function sourceOf(body: unknown): string {
  const messages = (body as { messages: { role: string; content: string }[] }).messages;
  const user = messages.find((m) => m.role === "user")?.content ?? "";
  return /<source>\n([\s\S]*?)\n<\/source>/u.exec(user)?.[1] ?? "";
}

async function journalChunkIds(path: string): Promise<string[]> {
  const text = await readFile(path, "utf8").catch(() => "");
  return text
    .split("\n")
    .slice(1)
    .filter((line) => line.trim() !== "")
    .flatMap((line) => {
      try {
        return [JSON.parse(line).chunk_id as string];
      } catch {
        return []; // a line cut by the kill
      }
    });
}

describe("resume after the process is killed", () => {
  let server: ScriptedOpenAIServer;
  afterAll(async () => {
    await server?.close();
  });

  it("a killed run, resumed, gives the questions of an uninterrupted run and never re-requests finished chunks", async () => {
    server = await startScriptedOpenAIServer({ handler: examWriterHandler(), latencyMs: 80, maxConcurrency: 4 });
    const chunks = await splitDocuments({ documents: syntheticCorpus(4, 8), chunkSize: 80, chunkOverlap: 0 });
    const model = new ChatOpenAI({ model: "gpt-4o-mini", apiKey: "sk-test", configuration: { baseURL: server.url } });
    const chain = createQuestionChain({ model, questionsPerChunk: 2 });
    const reference = await generateExam({ chunks, chain, concurrency: 4 });
    expect(reference.questions.length).toBe(chunks.length * 2);

    const chunksPath = join(dir, "chunks.json");
    await writeFile(
      chunksPath,
      JSON.stringify(chunks.map((c) => ({ pageContent: c.pageContent, metadata: c.metadata }))),
    );
    const journalPath = join(dir, "killed.journal.jsonl");
    const child: ChildProcess = spawn(
      process.execPath,
      [join(packageDir, "test", "generate-exam-child.mjs"), server.url, chunksPath, journalPath],
      { cwd: packageDir, stdio: ["ignore", "pipe", "inherit"] },
    );
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // kill it once a third of the chunks are journaled
    const deadline = Date.now() + 120_000;
    while ((await journalChunkIds(journalPath)).length < chunks.length / 3) {
      if (Date.now() > deadline) throw new Error("the child run made no progress");
      await new Promise((r) => setTimeout(r, 25));
    }
    child.kill("SIGKILL");
    expect(await exited).toBeNull();
    const finishedBeforeKill = await journalChunkIds(journalPath);
    expect(finishedBeforeKill.length).toBeGreaterThan(0);
    expect(finishedBeforeKill.length).toBeLessThan(chunks.length);

    const requestsBefore = server.requests.length;
    const resumed = await generateExam({ chunks, chain, concurrency: 4, journalPath, resume: true });
    expect(resumed.questions).toEqual(reference.questions);
    expect(resumed.failures).toEqual([]);
    expect(resumed.stats.chunksResumed).toBe(new Set(finishedBeforeKill).size);
    const askedAfter = server.requests.slice(requestsBefore).map((r) => sourceOf(r.body));
    const finishedTexts = new Set(
      chunks.filter((c) => finishedBeforeKill.includes(c.metadata.chunk_id)).map((c) => c.pageContent),
    );
    expect(askedAfter.filter((text) => finishedTexts.has(text))).toEqual([]);
    expect(askedAfter).toHaveLength(chunks.length - finishedTexts.size);
  });
});

describe("a 50 MB text file", () => {
  it("loads and splits within a 768 MB heap, every chunk an exact slice", async () => {
    const folder = join(dir, "large");
    await mkdir(folder);
    const out = createWriteStream(join(folder, "large.txt"));
    const paragraph = (i: number) =>
      `Paragraph ${i}. The ledger entry for account ${i % 977} recorded a movement of ${(i * 37) % 10007} units on day ${i % 365}, which the auditors confirmed against the statement.\n\n`;
    let bytes = 0;
    for (let i = 0; bytes < 50 * 1024 * 1024; i++) {
      const text = paragraph(i);
      bytes += Buffer.byteLength(text);
      if (!out.write(text)) await new Promise<void>((r) => out.once("drain", () => r()));
    }
    await new Promise<void>((resolve) => out.end(resolve));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--max-old-space-size=768", join(packageDir, "test", "split-large-file-child.mjs"), folder],
      { cwd: packageDir, maxBuffer: 1024 * 1024 },
    );
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ documents: 1, skipped: [], length: bytes, exact: true });
    expect(report.covered).toBeGreaterThan(bytes - 400);
    expect(report.chunks).toBeGreaterThan(10_000);
  });
});
