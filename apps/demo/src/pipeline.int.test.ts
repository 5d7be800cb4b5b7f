// End to end through the CLI, against the real peers: the scripted OpenAI-compatible server → generate → check →
// annotate into the real Argilla → an annotator reviews through the API → export → Python `datasets` loads the
// folder → task → LightEval runs it with a tiny local model.
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createArgillaClient, dataOrThrow, findDataset } from "@domain-eval/argilla-client";
import { parseExamQuestion } from "@domain-eval/core";
import {
  examWriterHandler,
  LIGHTEVAL_ENV_FIXES,
  makeTinyModel,
  runEvalPython,
  type ScriptedOpenAIServer,
  startScriptedOpenAIServer,
} from "@domain-eval/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, EXAMPLES, runCli } from "../test/run-cli.js";

const DATASET = `e2e_${Date.now().toString(36)}`;
let server: ScriptedOpenAIServer;
let work: string;
let env: NodeJS.ProcessEnv;

const owner = () =>
  createArgillaClient({
    baseUrl: process.env.ARGILLA_API_URL as string,
    apiKey: process.env.ARGILLA_API_KEY as string,
  });

beforeAll(async () => {
  server = await startScriptedOpenAIServer({ handler: examWriterHandler(), reportedModel: "scripted-writer-v1" });
  work = await mkdtemp(join(tmpdir(), "domain-eval-e2e-"));
  env = cleanEnv({
    OPENAI_BASE_URL: server.url,
    DOMAIN_EVAL_MODEL: "scripted-exam-writer",
    ARGILLA_API_URL: process.env.ARGILLA_API_URL as string,
    ARGILLA_API_KEY: process.env.ARGILLA_API_KEY as string,
  });
});

afterAll(async () => {
  await server?.close();
  const client = owner();
  const dataset = await findDataset({ client, name: DATASET }).catch(() => undefined);
  if (dataset) await client.DELETE("/datasets/{dataset_id}", { params: { path: { dataset_id: dataset.id } } });
});

describe("domain-eval pipeline, end to end", () => {
  const questionsFile = () => join(work, "questions.jsonl");
  const datasetDir = () => join(work, "dataset");

  it("generate writes checked questions and a summary", async () => {
    const run = await runCli(
      ["generate", "--docs", EXAMPLES, "--out", questionsFile(), "--domain", "finance", "--json"],
      { env },
    );
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.documents).toBe(5);
    expect(summary.stats.questionsKept).toBeGreaterThanOrEqual(10);
    expect(summary.stats.calls).toBe(summary.chunks);
    const lines = (await readFile(questionsFile(), "utf8")).trim().split("\n");
    expect(lines).toHaveLength(summary.stats.questionsKept);
    const questions = lines.map((l, i) => parseExamQuestion(JSON.parse(l), `line ${i + 1}`));
    for (const q of questions) {
      expect(q.generator_model).toBe("scripted-writer-v1");
      expect(q.prompt_version).toMatch(/\+finance@/);
      expect(q.source_text).toContain(q.citations[0]);
    }
  });

  it("check passes every generated question", async () => {
    const run = await runCli(["check", questionsFile(), "--json"], { env });
    const results = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it("annotate pushes them to Argilla with the model's answer as suggestion", async () => {
    const run = await runCli(["annotate", questionsFile(), "--dataset", DATASET, "--domain", "finance", "--json"], {
      env,
    });
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    const count = (await readFile(questionsFile(), "utf8")).trim().split("\n").length;
    expect(summary.records).toEqual({ created: count, updated: 0, total: count });
    expect(summary.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dataset\/[0-9a-f-]+\/annotation-mode/);
    // again: nothing duplicated
    const again = JSON.parse(
      (await runCli(["annotate", questionsFile(), "--dataset", DATASET, "--json"], { env })).stdout,
    );
    expect(again.records).toEqual({ created: 0, updated: count, total: count });
  });

  it("an annotator's reviews come back through export into a dataset Python `datasets` loads", async () => {
    const client = owner();
    const dataset = await findDataset({ client, name: DATASET });
    expect(dataset).toBeDefined();
    const reviewer = createArgillaClient({
      baseUrl: process.env.ARGILLA_API_URL as string,
      apiKey: process.env.DOMAIN_EVAL_REVIEWER_API_KEY as string,
    });
    const { items } = dataOrThrow(
      await client.POST("/datasets/{dataset_id}/records/search", {
        params: { path: { dataset_id: dataset?.id as string }, query: { limit: 50, include: ["suggestions"] } },
        body: { sort: [{ scope: { entity: "record", property: "inserted_at" }, order: "asc" }] },
      }),
    );
    type ArgillaRecord = (typeof items)[number]["record"];
    const suggested = (record: ArgillaRecord) => (record.suggestions ?? []).map((s) => s.value as string)[0] as string;
    expect(items.length).toBeGreaterThanOrEqual(4);
    const [accept1, accept2, change, discard] = items.map((i) => i.record) as [
      ArgillaRecord,
      ArgillaRecord,
      ArgillaRecord,
      ArgillaRecord,
    ];
    const respond = (record: ArgillaRecord, status: "submitted" | "discarded", answer?: string) =>
      reviewer.POST("/records/{record_id}/responses", {
        params: { path: { record_id: record.id } },
        body: { status, values: answer ? { correct_answer: { value: answer } } : {} },
      });
    const changedTo = suggested(change) === "A" ? "B" : "A";
    for (const [record, status, answer] of [
      [accept1, "submitted", suggested(accept1)],
      [accept2, "submitted", suggested(accept2)],
      [change, "submitted", changedTo],
      [discard, "discarded", undefined],
    ] as const) {
      const { error } = await respond(record, status, answer);
      expect(error).toBeUndefined();
    }

    const run = await runCli(["export", "--dataset", DATASET, "--out", datasetDir(), "--domain", "finance", "--json"], {
      env,
    });
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.records).toMatchObject({ submitted: 3, discarded: 1, exported: 3, unreviewed: 0 });

    const loaded = await runEvalPython({
      args: [
        "-c",
        `import json, sys, datasets
d = datasets.load_dataset(sys.argv[1])
rows = [r for split in d for r in d[split]]
print(json.dumps({"splits": {k: len(v) for k, v in d.items()}, "names": d[list(d)[0]].features["answer"].names, "rows": rows}))`,
        datasetDir(),
      ],
    });
    expect(loaded.code, loaded.stderr).toBe(0);
    const data = JSON.parse(loaded.stdout);
    expect(data.splits.test + (data.splits.dev ?? 0)).toBe(3);
    expect(data.names.slice(0, 4)).toEqual(["A", "B", "C", "D"]);
    const byId = new Map(data.rows.map((r: { id: string }) => [r.id, r]));
    const changedRow = byId.get(change.external_id as string) as {
      answer: number;
      review_status: string;
      agreement: number;
    };
    expect(changedRow.answer).toBe(changedTo.charCodeAt(0) - 65);
    expect(changedRow.review_status).toBe("submitted");
    expect(byId.has(discard.external_id as string)).toBe(false);
    const card = await readFile(join(datasetDir(), "README.md"), "utf8");
    expect(card).toContain("expert-generated");
    expect(card).not.toContain(process.env.ARGILLA_API_KEY as string);
  });

  it("task writes a LightEval file that runs on the exported folder with a tiny local model", async () => {
    const taskFile = join(work, "e2e_exam.py");
    const run = await runCli(["task", "--dataset", datasetDir(), "--name", "e2e_exam", "--out", taskFile, "--json"], {
      env,
    });
    expect(run.code, run.stderr).toBe(0);
    const { command } = JSON.parse(run.stdout);
    expect(command).toContain('"e2e_exam|0"');
    expect(command).toContain(taskFile);

    const rows = (await readFile(questionsFile(), "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { question: string; answer: string; distractors: string[] });
    const model = await makeTinyModel({
      dir: join(work, "tiny-model"),
      texts: rows.flatMap((r) => [r.question, r.answer, ...r.distractors]),
    });
    const out = join(work, "lighteval-out");
    const evalRun = await runEvalPython({
      args: [
        "-m",
        "lighteval",
        "accelerate",
        `model_name=${model},batch_size=4,dtype=float32,max_length=256,device=cpu`,
        "e2e_exam|0",
        "--custom-tasks",
        taskFile,
        "--output-dir",
        out,
      ],
      env: { PYTHONPATH: LIGHTEVAL_ENV_FIXES },
      timeoutMs: 900_000,
    });
    expect(evalRun.code, evalRun.stderr.slice(-3000)).toBe(0);
    const resultsDir = join(out, "results", model.replace(/^\//u, ""));
    const [file] = (await readdir(resultsDir)).filter((f) => f.startsWith("results_"));
    const results = JSON.parse(await readFile(join(resultsDir, file as string), "utf8")).results;
    const acc = results["e2e_exam|0"].acc;
    expect(acc).toBeGreaterThanOrEqual(0);
    expect(acc).toBeLessThanOrEqual(1);
    // 3 reviewed rows: accuracy is a multiple of 1/3 (in test + dev, the test split holds what dev left)
    const testRows = JSON.parse(
      (
        await runEvalPython({
          args: [
            "-c",
            "import sys, datasets; print(len(datasets.load_dataset(sys.argv[1], split='test')))",
            datasetDir(),
          ],
        })
      ).stdout,
    );
    expect(Math.abs(acc * testRows - Math.round(acc * testRows))).toBeLessThan(1e-9);
  });
});
