import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  multipleChoiceHandler,
  readingPanel,
  type ScriptedOpenAIServer,
  startScriptedOpenAIServer,
  VALIDATION_QUESTIONS,
} from "@domain-eval/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, runCli, spawnCli } from "../test/run-cli.js";

let server: ScriptedOpenAIServer;
let dir: string;
const questions = Object.values(VALIDATION_QUESTIONS);

beforeAll(async () => {
  server = await startScriptedOpenAIServer({ handler: multipleChoiceHandler({ decide: readingPanel }) });
  dir = await mkdtemp(join(tmpdir(), "validate-cli-"));
});
afterAll(async () => {
  await server.close();
});

async function input(name: string, lines: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `${lines.join("\n")}\n`);
  return path;
}

interface OutRow {
  id: string;
  extra_field?: string;
  findings?: { code: string }[];
  validation: { panel: unknown; settings: Record<string, unknown> };
}

async function readOut(path: string): Promise<OutRow[]> {
  return (await readFile(path, "utf8"))
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
}

describe("domain-eval validate (scripted panel through the CLI)", () => {
  it("writes every question with its validation and the findings; the input is untouched; check shows them", async () => {
    const file = await input(
      "q.jsonl",
      questions.map((q) => JSON.stringify({ ...q, extra_field: "kept" })),
    );
    const before = await readFile(file, "utf8");
    const out = join(dir, "validated.jsonl");
    const run = await runCli(["validate", file, "--out", out, "--panel", `reader@${server.url}`]);
    expect(run.stderr).toMatch(/validated 4 of 4 questions: .*KEY_DISPUTED 1/);
    expect(run.code).toBe(1); // a KEY_DISPUTED error
    expect(await readFile(file, "utf8")).toBe(before);
    const rows = await readOut(out);
    expect(rows.map((r) => r.id)).toEqual(questions.map((q) => q.id));
    const codes = Object.fromEntries(rows.map((r) => [r.id, (r.findings ?? []).map((f) => f.code)]));
    expect(codes).toEqual({
      clean: [],
      "wrong-key": ["KEY_DISPUTED"],
      trivia: ["ANSWERABLE_WITHOUT_SOURCE"],
      giveaway: ["ANSWERABLE_FROM_OPTIONS"],
    });
    for (const r of rows) {
      expect(r.extra_field).toBe("kept");
      expect(r.validation.panel).toEqual([{ model: "reader", kind: "endpoint", scoring: "letter" }]);
      expect(Object.keys(r.validation.settings)).toEqual(["open_book", "closed_book", "options_only", "order_swap"]);
    }
    expect(existsSync(`${out}.journal.jsonl`)).toBe(false);

    const check = await runCli(["check", out]);
    expect(check.stdout).toMatch(/error KEY_DISPUTED: with the passage, the panel chose "45 days"/);
    expect(check.stdout).toMatch(/warning ANSWERABLE_WITHOUT_SOURCE/);
    expect(check.stdout).toMatch(/warning ANSWERABLE_FROM_OPTIONS/);
  });

  it("names a broken line and stops, or validates the rest with --skip-invalid", async () => {
    const file = await input("broken.jsonl", [
      JSON.stringify(VALIDATION_QUESTIONS.clean),
      "{not json",
      JSON.stringify({ ...VALIDATION_QUESTIONS.trivia, distractors: ["Lyon"] }),
    ]);
    const out = join(dir, "broken.out.jsonl");
    const refused = await runCli(["validate", file, "--out", out, "--panel", `reader@${server.url}`]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /line 2: not valid JSON.*line 3: distractors: at least 3 distractors.*--skip-invalid/s,
    );
    expect(existsSync(out)).toBe(false);
    const skipped = await runCli(["validate", file, "--out", out, "--panel", `reader@${server.url}`, "--skip-invalid"]);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(/skipped .*broken\.jsonl line 2: not valid JSON/);
    expect((await readOut(out)).map((r) => r.id)).toEqual(["clean"]);
    const same = await runCli(["validate", file, "--out", file, "--panel", `reader@${server.url}`]);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/never rewrites its input/);
  });

  it("--dry-run prints calls and tokens per setting without calling a model", async () => {
    const file = await input(
      "dry.jsonl",
      questions.map((q) => JSON.stringify(q)),
    );
    const before = server.requests.length;
    const run = await runCli([
      "validate",
      file,
      "--out",
      join(dir, "dry.out.jsonl"),
      "--panel",
      `reader@${server.url}`,
      "--dry-run",
      "--json",
    ]);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.estimate.settings.closed_book.calls).toBe(16);
    expect(summary.estimate.settings.open_book.calls).toBe(4);
    expect(summary.estimate.calls).toBe(48);
    expect(summary.estimate.promptTokens).toBeGreaterThan(0);
    expect(server.requests.length).toBe(before);
  });

  it("--prices tells what the run spent; a panel model the table does not price is refused before any call", async () => {
    const file = await input(
      "priced.jsonl",
      questions.map((q) => JSON.stringify(q)),
    );
    const prices = join(dir, "prices.json");
    await writeFile(prices, JSON.stringify({ currency: "EUR", models: { reader: { input: 2, output: 8 } } }));
    const args = (out: string) => ["validate", file, "--out", join(dir, out), "--panel", `reader@${server.url}`];
    const run = await runCli([...args("priced.out.jsonl"), "--prices", prices, "--json"]);
    const summary = JSON.parse(run.stdout);
    const usage = summary.stats.usageByMember.reader;
    expect(usage.sync.promptTokens).toBe(summary.stats.promptTokens);
    expect(usage.sync.completionTokens).toBe(summary.stats.completionTokens);
    expect(summary.stats.promptTokens).toBeGreaterThan(0);
    expect(summary.spend.currency).toBe("EUR");
    expect(summary.spend.amount).toBeCloseTo(
      (summary.stats.promptTokens * 2 + summary.stats.completionTokens * 8) / 1e6,
      12,
    );
    const text = await runCli([...args("priced-text.out.jsonl"), "--prices", prices]);
    expect(text.stderr).toMatch(/spend: 0\.\d{4} EUR \(this run's answers at --prices\)/u);

    await writeFile(prices, JSON.stringify({ models: { "gpt-4o-mini": { input: 0.15, output: 0.6 } } }));
    const before = server.requests.length;
    const refused = await runCli([...args("refused.out.jsonl"), "--prices", prices]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      '--prices has no entry for panel model reader: add it, or a "*" entry for any model',
    );
    expect(server.requests.length).toBe(before);
    expect(existsSync(join(dir, "refused.out.jsonl"))).toBe(false);
  });

  it("a panel that names no option says nothing was measured and exits 1; one that mostly fails is warned about", async () => {
    const file = await input(
      "mute.jsonl",
      questions.map((q) => JSON.stringify(q)),
    );
    // answers "Z" to everything: never an option letter
    const mute = await startScriptedOpenAIServer({ handler: () => ({ json: { answer: "Z" } }) });
    // names an option only with the passage (open book), otherwise "Z"
    const partial = await startScriptedOpenAIServer({
      handler: (request, context) =>
        JSON.stringify(request.messages).includes("Passage")
          ? multipleChoiceHandler({ decide: readingPanel })(request, context)
          : { json: { answer: "Z" } },
    });
    try {
      const out = join(dir, "mute.out.jsonl");
      const run = await runCli(["validate", file, "--out", out, "--panel", `mute@${mute.url}`]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/validated 4 of 4 questions: nothing measured \(no answer named an option\)/u);
      expect(run.stderr).toMatch(
        /mute named no option in any of its 48 answers \(e\.g\. the reply names no option letter A\/B\/C\/D: .*\): nothing was measured with it; check that its endpoint supports json_schema/u,
      );
      expect(run.stderr).not.toMatch(/no validation findings/u);
      // nothing is lost: every question is written with its (empty) validation
      expect((await readOut(out)).map((r) => r.id)).toEqual(questions.map((q) => q.id));
      const json = JSON.parse(
        (await runCli(["validate", file, "--out", join(dir, "mute2.jsonl"), "--panel", `mute@${mute.url}`, "--json"]))
          .stdout,
      );
      expect(json.unusable).toEqual([expect.objectContaining({ model: "mute", answers: 48, unusable: 48 })]);

      const half = await runCli([
        "validate",
        file,
        "--out",
        join(dir, "partial.out.jsonl"),
        "--panel",
        `partial@${partial.url}`,
        "--json",
      ]);
      const summary = JSON.parse(half.stdout);
      const [entry] = summary.unusable;
      expect(entry.model).toBe("partial");
      expect(entry.unusable).toBeGreaterThanOrEqual(entry.answers / 2);
      expect(entry.unusable).toBeLessThan(entry.answers);
      const text = await runCli([
        "validate",
        file,
        "--out",
        join(dir, "partial2.out.jsonl"),
        "--panel",
        `partial@${partial.url}`,
      ]);
      expect(text.stderr).toContain(
        `partial named no option in ${entry.unusable} of its ${entry.answers} answers (e.g. the reply names no option letter`,
      );
      expect(text.stderr).toContain(`its rates rest on the other ${entry.answers - entry.unusable}`);
    } finally {
      await mute.close();
      await partial.close();
    }
  });

  it("stops at --max-calls and resumes without asking again", async () => {
    const file = await input(
      "budget.jsonl",
      questions.map((q) => JSON.stringify(q)),
    );
    const out = join(dir, "budget.out.jsonl");
    const before = server.requests.length;
    const args = ["validate", file, "--out", out, "--panel", `reader@${server.url}`, "--concurrency", "1"];
    const first = await runCli([...args, "--max-calls", "10"]);
    expect(first.code).toBe(1);
    expect(first.stderr).toMatch(/stopped early: max-calls — continue with --resume/);
    expect(existsSync(`${out}.journal.jsonl`)).toBe(true);
    const again = await runCli(args);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/--resume/);
    const resumed = await runCli([...args, "--resume"]);
    expect(resumed.stderr).toMatch(/38 asked, 10 from the journal/);
    expect(server.requests.length - before).toBe(48);
    expect((await readOut(out)).every((r) => r.validation)).toBe(true);
    expect(existsSync(`${out}.journal.jsonl`)).toBe(false);
  });

  it("a killed run resumes without asking again what its journal holds", async () => {
    const slow = await startScriptedOpenAIServer({
      handler: multipleChoiceHandler({ decide: readingPanel }),
      latencyMs: 100,
    });
    try {
      const file = await input(
        "killed.jsonl",
        questions.map((q) => JSON.stringify(q)),
      );
      const out = join(dir, "killed.out.jsonl");
      const journal = `${out}.journal.jsonl`;
      const args = ["validate", file, "--out", out, "--panel", `reader@${slow.url}`, "--concurrency", "2"];
      // complete lines only: a kill mid-write leaves a partial last line, which the resume cuts
      const answersIn = async () =>
        existsSync(journal)
          ? (await readFile(journal, "utf8"))
              .split("\n")
              .slice(0, -1)
              .filter((l) => l.includes('"type":"answer"')).length
          : 0;
      const child = spawnCli(args, { env: cleanEnv() });
      const exited = new Promise((resolve) => child.on("close", resolve));
      while ((await answersIn()) < 12) await new Promise((r) => setTimeout(r, 50));
      child.kill("SIGKILL");
      await exited;
      expect(existsSync(out)).toBe(false);
      const journaled = await answersIn();
      expect(journaled).toBeLessThan(48);
      const before = slow.requests.length;
      const resumed = await runCli([...args, "--resume", "--json"]);
      expect(resumed.code).toBe(1); // the wrong key is an error finding
      const summary = JSON.parse(resumed.stdout);
      expect(summary.validated).toBe(4);
      expect(summary.stats.resumed).toBe(journaled);
      expect(slow.requests.length - before).toBe(48 - journaled);
      expect(summary.findings).toEqual({ KEY_DISPUTED: 1, ANSWERABLE_WITHOUT_SOURCE: 1, ANSWERABLE_FROM_OPTIONS: 1 });
    } finally {
      await slow.close();
    }
  });

  it("with no model configured the panel is the embedded default model, as for generation", async () => {
    const file = await input("nopanel.jsonl", [JSON.stringify(VALIDATION_QUESTIONS.clean)]);
    const run = await runCli(["validate", file, "--out", join(dir, "x.jsonl"), "--dry-run", "--json"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("smollm2-135m-instruct");
  });

  it("an endpoint without a model id says every way to configure a panel", async () => {
    const file = await input("nopanel.jsonl", [JSON.stringify(VALIDATION_QUESTIONS.clean)]);
    const run = await runCli(["validate", file, "--out", join(dir, "x.jsonl")], {
      env: cleanEnv({ OPENAI_BASE_URL: "http://127.0.0.1:9/v1" }),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /no validation panel: OPENAI_BASE_URL is set but no model id: set DOMAIN_EVAL_MODEL.*--panel MODEL/,
    );
  });
});
