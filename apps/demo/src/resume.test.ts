// Resume after the CLI is killed mid-generation: no lost and no duplicated questions, no finished chunk requested again.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { examWriterHandler, type ScriptedOpenAIServer, startScriptedOpenAIServer } from "@domain-eval/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, runCli, spawnCli } from "../test/run-cli.js";

let server: ScriptedOpenAIServer;
let dir: string;
let docs: string;

const TOPICS = [
  "revenue",
  "margin",
  "dividend",
  "capital",
  "liquidity",
  "leases",
  "pensions",
  "tax",
  "hedging",
  "debt",
];

beforeAll(async () => {
  // Latency keeps chunks in flight long enough to kill the process between them.
  server = await startScriptedOpenAIServer({ handler: examWriterHandler(), latencyMs: 150 });
  dir = await mkdtemp(join(tmpdir(), "cli-resume-"));
  docs = join(dir, "docs");
  await mkdir(docs);
  for (const [i, topic] of TOPICS.entries()) {
    const sentences = Array.from(
      { length: 12 },
      (_, j) =>
        `In quarter ${j + 1} of fiscal ${2010 + i} the ${topic} figure of unit ${i} reached ${100 + 7 * j + i} million euros after review number ${j}.`,
    );
    await writeFile(join(docs, `${topic}.md`), `# ${topic}\n\n${sentences.join(" ")}\n`);
  }
});
afterAll(async () => {
  await server.close();
});

function env() {
  return cleanEnv({ OPENAI_BASE_URL: server.url, DOMAIN_EVAL_MODEL: "scripted-exam-writer" });
}

const args = (out: string) => [
  "generate",
  "--docs",
  docs,
  "--out",
  out,
  "--chunk-size",
  "120",
  "--chunk-overlap",
  "0",
  "--concurrency",
  "2",
];
const chatRequests = () => server.requests.filter((r) => r.path.endsWith("/chat/completions")).length;

async function journalChunks(path: string): Promise<number> {
  if (!existsSync(path)) return 0;
  const text = await readFile(path, "utf8");
  return text.split("\n").filter((l) => l.includes('"type":"chunk"')).length;
}

describe("generate --resume after a kill", () => {
  it("continues without repeating finished chunks and ends with the same questions as an uninterrupted run", async () => {
    const reference = join(dir, "reference.jsonl");
    const before = chatRequests();
    const full = await runCli([...args(reference), "--json"], { env: env() });
    expect(full.code, full.stderr).toBe(0);
    const totalChunks = JSON.parse(full.stdout).chunks as number;
    expect(totalChunks).toBeGreaterThanOrEqual(10);
    expect(chatRequests() - before).toBe(totalChunks);

    const out = join(dir, "questions.jsonl");
    const journal = `${out}.journal.jsonl`;
    const child = spawnCli(args(out), { env: env() });
    const exited = new Promise((resolve) => child.on("close", resolve));
    while ((await journalChunks(journal)) < Math.floor(totalChunks / 3)) {
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill("SIGKILL");
    await exited;
    const finished = await journalChunks(journal);
    expect(finished).toBeLessThan(totalChunks);
    expect(existsSync(out)).toBe(false);

    const beforeResume = chatRequests();
    const resumed = await runCli([...args(out), "--resume", "--json"], { env: env() });
    expect(resumed.code, resumed.stderr).toBe(0);
    const summary = JSON.parse(resumed.stdout);
    expect(summary.stats.chunksResumed).toBe(finished);
    // Chunks in the journal were not requested again.
    expect(chatRequests() - beforeResume).toBe(totalChunks - finished);
    expect(await readFile(out, "utf8")).toBe(await readFile(reference, "utf8"));
    const ids = (await readFile(out, "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).id);
    expect(new Set(ids).size).toBe(ids.length);
    // A complete run leaves no journal behind.
    expect(existsSync(journal)).toBe(false);
  });

  it("--resume with options that shape the questions otherwise refuses with one clear line, calling no model", async () => {
    const out = join(dir, "partial.jsonl");
    const journal = `${out}.journal.jsonl`;
    const first = await runCli([...args(out), "--max-calls", "2", "--json"], { env: env() });
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(journal)).toBe(true);
    const before = chatRequests();
    for (const [flags, difference] of [
      [["--chunk-size", "100"], /chunking \{.*"chunk_size":120.*\} → \{.*"chunk_size":100.*\}/u],
      [["--questions-per-chunk", "3"], /questions_per_chunk 2 → 3/u],
      [["--options", "5"], /options_per_question 4 → 5/u],
    ] as const) {
      // the last value of a flag wins, so appending one changes just that option
      const changed = [...args(out), "--resume", ...flags];
      const refused = await runCli(changed, { env: env() });
      expect(refused.code).not.toBe(0);
      const lines = refused.stderr.trim().split("\n");
      expect(
        lines.some((l) => difference.test(l) && l.includes("resume with the settings it was written with")),
        refused.stderr,
      ).toBe(true);
    }
    expect(chatRequests()).toBe(before);
    // the same options continue
    const resumed = await runCli([...args(out), "--resume", "--json"], { env: env() });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout).stats.chunksResumed).toBeGreaterThan(0);
  });
});
