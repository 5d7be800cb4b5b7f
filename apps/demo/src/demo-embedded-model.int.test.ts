// `npm run demo` on a fresh clone with nothing configured: the CLI runs `run` exactly as scripts/demo.sh does
// (sample documents, --skip-review without Argilla) with the embedded SmolLM2 model, fetched into the cache once.
// One run serves both checks: the pipeline completes, and real-model questions reach the checks with no ungrounded
// quote (each citation is a sentence of its chunk by construction of the grammar).
import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type CliRun, cleanEnv, EXAMPLES, runCli } from "../test/run-cli.js";

let work: string;
let run: CliRun;
let seconds: number;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "domain-eval-demo-"));
  const started = Date.now();
  // The same arguments as scripts/demo.sh, with the output in a temporary folder.
  run = await runCli(["run", "--docs", EXAMPLES, "--out", work, "--dataset", "demo_exam", "--skip-review"], {
    env: cleanEnv(),
  });
  seconds = (Date.now() - started) / 1000;
  console.log(`demo with the embedded model: ${seconds.toFixed(0)} s`);
}, 1_800_000);

interface JsonLine {
  id: string;
  citations: string[];
  source_text: string;
  findings?: { code: string }[];
}

async function readJsonl(path: string): Promise<JsonLine[]> {
  if (!existsSync(path)) return [];
  const text = (await readFile(path, "utf8")).trim();
  return text === "" ? [] : text.split("\n").map((line) => JSON.parse(line) as JsonLine);
}

describe("npm run demo with nothing configured (embedded SmolLM2)", () => {
  it("says which model it uses and how to use a better one, completes every step and says where each file is", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /no model configured: using the embedded SmolLM2-135M-Instruct.*\(98 MB, Apache-2\.0, cached at .*\.gguf\)\. A model this tiny writes weak questions; for real ones set OPENAI_BASE_URL and DOMAIN_EVAL_MODEL/,
    );
    // and which llama.cpp binary runs it (node-llama-cpp's prebuilt one unless this machine has its own build)
    expect(run.stderr).toMatch(/llama\.cpp: (node-llama-cpp's prebuilt binary|this machine's own build)/);
    expect(run.stderr).toMatch(/questions: \d+ kept \(\d+ flagged for review\), \d+ dropped/);
    expect(run.stderr).toContain(`wrote ${join(work, "questions.jsonl")}`);
    expect(run.stderr).toContain(`wrote ${join(work, "dataset")}`);
    expect(run.stderr).toMatch(/step 4\/4 task: LightEval task file\n {2}wrote .*demo_exam\.py/);
    expect(existsSync(join(work, "dataset"))).toBe(true);
    expect(run.stdout).toMatch(/evaluate a model: /);
    expect(run.stdout).toMatch(/domain-eval evaluate --dataset \S+ --models smollm2-135m-instruct gemma-3-270m --out /);
  });

  it("real-model questions reach the checks, and none quotes anything but a sentence of its passage", async () => {
    const kept = await readJsonl(join(work, "questions.jsonl"));
    const dropped = (await readJsonl(join(work, "questions.dropped.jsonl"))) as unknown as {
      question: JsonLine;
      findings: { code: string }[];
    }[];
    expect(kept.length).toBeGreaterThan(0);
    const all = [...kept, ...dropped.map((d) => ({ ...d.question, findings: d.findings }))];
    const ungrounded = all.filter(
      (q) =>
        (q.findings ?? []).some((f) => f.code === "UNGROUNDED_QUOTE") ||
        q.citations.some((c) => !q.source_text.includes(c)),
    );
    expect(ungrounded).toEqual([]);
  });
});
