import { existsSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type AskedItem,
  examWriterHandler,
  multipleChoiceHandler,
  type ScriptedOpenAIServer,
  startScriptedOpenAIServer,
} from "@domain-eval/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, EXAMPLES, runCli } from "../test/run-cli.js";

let server: ScriptedOpenAIServer;
let env: NodeJS.ProcessEnv;

/** Open book, the panel disputes the key of questions with an even-length text and confirms the others. */
function decide(item: AskedItem): number {
  const inPassage = item.options.map((o) => item.passage?.includes(o) ?? false);
  if (item.setting !== "open_book") return 0;
  const wanted = (item.question?.length ?? 0) % 2 !== 0;
  const index = inPassage.indexOf(wanted);
  return Math.max(index, 0);
}

beforeAll(async () => {
  const writer = examWriterHandler();
  const answerer = multipleChoiceHandler({ decide });
  server = await startScriptedOpenAIServer({
    handler: (request, context) =>
      (request.response_format as { json_schema?: { name?: string } } | undefined)?.json_schema?.name === "answer"
        ? answerer(request, context)
        : writer(request, context),
  });
  env = cleanEnv({ OPENAI_BASE_URL: server.url, DOMAIN_EVAL_MODEL: "scripted" });
});
afterAll(async () => {
  await server.close();
});

const lines = async (path: string) =>
  (await readFile(path, "utf8"))
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { id: string; validation?: unknown; findings?: { code: string }[] });

describe("domain-eval run validates by default", () => {
  it("adds validation, drops disputed keys by the finding policy, and exports the rates", async () => {
    const out = await mkdtemp(join(tmpdir(), "run-validate-"));
    const run = await runCli(
      ["run", "--docs", EXAMPLES, "--out", out, "--skip-review", "--max-questions", "6", "--json"],
      {
        env,
      },
    );
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.validation.panel).toEqual(["scripted (endpoint)"]);
    const kept = await lines(join(out, "questions.jsonl"));
    const dropped = existsSync(join(out, "questions.validation-dropped.jsonl"))
      ? await lines(join(out, "questions.validation-dropped.jsonl"))
      : [];
    expect(summary.validation.dropped).toBe(dropped.length);
    expect(dropped.length).toBeGreaterThan(0);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length + dropped.length).toBe(summary.generate.stats.questionsKept);
    for (const q of kept) {
      expect(q.validation).toBeDefined();
      expect(q.findings?.map((f) => f.code)).not.toContain("KEY_DISPUTED");
    }
    for (const q of dropped) expect(q.findings?.map((f) => f.code)).toContain("KEY_DISPUTED");
    expect(summary.dataset.splits.test + summary.dataset.splits.dev).toBe(kept.length);
    const card = await readFile(join(out, "dataset", "README.md"), "utf8");
    expect(card).toMatch(new RegExp(`${kept.length} of ${kept.length} rows were validated`));
  });

  it("generate --validate drops disputed keys by the same policy", async () => {
    const out = join(await mkdtemp(join(tmpdir(), "generate-validate-")), "questions.jsonl");
    const run = await runCli(
      ["generate", "--docs", EXAMPLES, "--out", out, "--max-questions", "6", "--validate", "--json"],
      {
        env,
      },
    );
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    const kept = await lines(out);
    expect(summary.validation.dropped).toBeGreaterThan(0);
    expect(kept.length + summary.validation.dropped).toBe(summary.stats.questionsKept);
    expect(kept.every((q) => q.validation !== undefined)).toBe(true);
    expect(kept.flatMap((q) => q.findings ?? []).map((f) => f.code)).not.toContain("KEY_DISPUTED");
  });

  it("with --prices the validation step tells what it spent, as validate does", async () => {
    const out = await mkdtemp(join(tmpdir(), "run-validate-prices-"));
    const prices = join(out, "prices.json");
    await writeFile(prices, JSON.stringify({ currency: "EUR", models: { scripted: { input: 3, output: 12 } } }));
    const run = await runCli(
      ["run", "--docs", EXAMPLES, "--out", out, "--skip-review", "--max-questions", "2", "--prices", prices, "--json"],
      { env },
    );
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.validation.calls).toBeGreaterThan(0);
    expect(summary.validation.spend.currency).toBe("EUR");
    expect(summary.validation.spend.amount).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/validated \d+ questions \(\d+ answers\): .*; spend 0\.\d{4} EUR/u);
    // the dataset card and the report say what the validation cost, beside the generation's
    const { calls, spend } = summary.validation;
    const card = await readFile(join(out, "dataset", "README.md"), "utf8");
    expect(card.split("\n").find((l) => l.startsWith("- Validation:"))).toBe(
      `- Validation: ${calls} answers by scripted (endpoint); cost ${spend.amount.toFixed(4)} EUR.`,
    );
    const report = await readFile(join(out, "report.html"), "utf8");
    const tiles = new Map(
      [...report.matchAll(/<div class="tile"><b>([^<]*)<\/b><span>([^<]*)<\/span>/gu)].map((m) => [
        (m[2] ?? "").replace(/&#39;/gu, "'"),
        m[1],
      ]),
    );
    const tile = (label: string) => tiles.get(label)?.replace(/ EUR$/u, "");
    expect(tile(`validation cost (${calls} answers) at the run's prices`)).toBe(spend.amount.toFixed(4));
    const generation = summary.generate.cost.spend.amount;
    expect(tile("generation cost at the given prices")).toBe(generation.toFixed(4));
    expect(tile("total cost: generation and validation")).toBe((generation + spend.amount).toFixed(4));
  });

  it("a validation resumed after a failure says how many answers came from the journal, outside the cost", async () => {
    let failing = true;
    let answers = 0;
    const writer = examWriterHandler();
    const answerer = multipleChoiceHandler({ decide: () => 0 });
    const flaky = await startScriptedOpenAIServer({
      handler: (request, context) => {
        if (
          (request.response_format as { json_schema?: { name?: string } } | undefined)?.json_schema?.name !== "answer"
        )
          return writer(request, context);
        answers++;
        return failing && answers > 5
          ? { error: { status: 400, message: "quota exceeded" } }
          : answerer(request, context);
      },
    });
    try {
      const out = await mkdtemp(join(tmpdir(), "run-validate-resume-"));
      const prices = join(out, "prices.json");
      await writeFile(prices, JSON.stringify({ models: { scripted: { input: 3, output: 12 } } }));
      const flakyEnv = cleanEnv({ OPENAI_BASE_URL: flaky.url, DOMAIN_EVAL_MODEL: "scripted" });
      const args = [
        "run",
        "--docs",
        EXAMPLES,
        "--out",
        out,
        "--skip-review",
        "--max-questions",
        "2",
        "--prices",
        prices,
      ];
      const first = await runCli(args, { env: flakyEnv });
      expect(first.code).toBe(1);
      expect(first.stderr).toMatch(/answers so far are in .*validation\.journal\.jsonl: rerun with --resume/u);
      failing = false;
      const second = await runCli([...args, "--resume", "--json"], { env: flakyEnv });
      expect(second.code, second.stderr).toBe(0);
      const { validation } = JSON.parse(second.stdout);
      expect(validation.resumed).toBe(5);
      // 2 questions × 3 settings × 4 options: every answer asked once, in one run or the other
      expect(validation.calls + validation.resumed).toBe(24);
      expect(second.stderr).toMatch(
        new RegExp(`validated 2 questions \\(${validation.calls} answers, 5 resumed\\)`, "u"),
      );
      const card = await readFile(join(out, "dataset", "README.md"), "utf8");
      expect(card).toContain(
        `- Validation: ${validation.calls} answers by scripted (endpoint) (and 5 resumed from an interrupted run, not in the cost); cost ${validation.spend.amount.toFixed(4)} USD.`,
      );
      const report = await readFile(join(out, "report.html"), "utf8");
      expect(report).toContain(
        `validation cost (${validation.calls} answers; 5 resumed, not counted) at the run&#39;s prices`,
      );
    } finally {
      await flaky.close();
    }
  });

  it("--no-validate skips it", async () => {
    const out = await mkdtemp(join(tmpdir(), "run-novalidate-"));
    const before = server.requests.length;
    const run = await runCli(
      ["run", "--docs", EXAMPLES, "--out", out, "--skip-review", "--max-questions", "2", "--no-validate", "--json"],
      { env },
    );
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).validation).toBeUndefined();
    const bodies = server.requests.slice(before).map((r) => JSON.stringify(r.body));
    expect(bodies.some((b) => b.includes('"name":"answer"'))).toBe(false);
    expect((await lines(join(out, "questions.jsonl"))).every((q) => q.validation === undefined)).toBe(true);
  });
});
