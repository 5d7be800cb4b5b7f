import { existsSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  type AskedItem,
  examWriterHandler,
  multipleChoiceHandler,
  type ScriptedHandler,
  type ScriptedOpenAIServer,
  startScriptedOpenAIServer,
} from "@domain-eval/testing";
import { afterAll, describe, expect, it } from "vitest";
import { cleanEnv, EXAMPLES, runCli } from "../test/run-cli.js";

const servers: ScriptedOpenAIServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** A scripted endpoint: `writer` for exam questions, `decide` for the validation panel's answers. */
async function endpoint(params: {
  writer: ScriptedHandler;
  decide?: (item: AskedItem) => number;
}): Promise<NodeJS.ProcessEnv> {
  const answerer = multipleChoiceHandler({ decide: params.decide ?? (() => 0) });
  const server = await startScriptedOpenAIServer({
    handler: (request, context) =>
      (request.response_format as { json_schema?: { name?: string } } | undefined)?.json_schema?.name === "answer"
        ? answerer(request, context)
        : params.writer(request, context),
  });
  servers.push(server);
  return cleanEnv({ OPENAI_BASE_URL: server.url, DOMAIN_EVAL_MODEL: "scripted" });
}

/**
 * Distractors no passage holds; with the passage, the panel picks the same one of them in any order of the options:
 * every key is disputed.
 */
function disputingEndpoint(): Promise<NodeJS.ProcessEnv> {
  const made = ["Plemony", "Quandrix", "Vorbelling"];
  return endpoint({
    writer: examWriterHandler({ transform: (questions) => questions.map((q) => ({ ...q, distractors: made })) }),
    decide: (item) => (item.passage ? item.options.indexOf("Plemony") : 0),
  });
}

describe("domain-eval run when no question is left to publish", () => {
  it("says the checks dropped them all, where to see why, writes the report and exits 1 without a dataset", async () => {
    // every question repeats its answer among the distractors: the checks drop them all
    const env = await endpoint({
      writer: examWriterHandler({
        transform: (questions) => questions.map((q) => ({ ...q, distractors: [q.answer, ...q.distractors.slice(1)] })),
      }),
    });
    const out = await mkdtemp(join(tmpdir(), "run-none-kept-"));
    const run = await runCli(["run", "--docs", EXAMPLES, "--out", out, "--skip-review", "--max-questions", "4"], {
      env,
    });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/no questions left to publish: the checks dropped all \d+ the model wrote/u);
    expect(run.stdout).toContain(`why the checks dropped each question: ${join(out, "questions.dropped.jsonl")}`);
    expect(run.stdout).toContain("a stronger model, or more or longer documents, give the checks more to keep");
    // not the writer's "no rows left for the test split"
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/test split/u);
    expect(existsSync(join(out, "dataset"))).toBe(false);
    const report = await readFile(join(out, "report.html"), "utf8");
    expect(report).toContain("ANSWER_IN_DISTRACTORS");
    expect(report).toContain("No question was kept");
  });

  it("generate says the same when it keeps none, and exits 1", async () => {
    const env = await endpoint({
      writer: examWriterHandler({
        transform: (questions) => questions.map((q) => ({ ...q, distractors: [q.answer, ...q.distractors.slice(1)] })),
      }),
    });
    const out = join(await mkdtemp(join(tmpdir(), "generate-none-kept-")), "questions.jsonl");
    const run = await runCli(["generate", "--docs", EXAMPLES, "--out", out, "--max-questions", "4"], { env });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/no questions kept: the checks dropped all \d+ the model wrote/u);
    expect(run.stderr).toContain(`why the checks dropped each question: ${out.replace(/\.jsonl$/u, "")}.dropped.jsonl`);
  });

  it("says validation dropped the last ones, in --json too", async () => {
    const env = await disputingEndpoint();
    const out = await mkdtemp(join(tmpdir(), "run-none-validated-"));
    const run = await runCli(
      ["run", "--docs", EXAMPLES, "--out", out, "--skip-review", "--max-questions", "3", "--json"],
      { env },
    );
    expect(run.code, run.stderr).toBe(1);
    const summary = JSON.parse(run.stdout);
    const kept = summary.generate.stats.questionsKept as number;
    expect(kept).toBeGreaterThan(0);
    expect(summary.validation.dropped).toBe(kept);
    expect(summary.review.reason).toMatch(
      new RegExp(`^no questions left to publish: the checks kept ${kept} of \\d+ and validation dropped`, "u"),
    );
    expect(summary.next).toContain(
      `why validation dropped each question: ${join(out, "questions.validation-dropped.jsonl")}`,
    );
    expect(summary.dataset).toBeUndefined();
    // the report lists the questions the validation dropped
    const report = await readFile(join(out, "report.html"), "utf8");
    expect(report).toContain(
      `The validation dropped ${kept === 1 ? "1 question" : `${kept} questions`} the checks had kept`,
    );
  });

  it("generate --validate that drops every question says so and exits 1", async () => {
    const env = await disputingEndpoint();
    const out = await mkdtemp(join(tmpdir(), "generate-none-validated-"));
    const questions = join(out, "questions.jsonl");
    const generate = await runCli(
      ["generate", "--docs", EXAMPLES, "--out", questions, "--max-questions", "3", "--validate"],
      { env },
    );
    expect(generate.code, generate.stderr).toBe(1);
    expect(generate.stderr).toMatch(/no questions kept: the checks kept \d+ of \d+ and validation dropped/u);
  });
});
