// End to end through the CLI, against the real peers: the scripted OpenAI-compatible server → generate → check →
// annotate into the real Argilla → an annotator reviews through the API → export → Python `datasets` loads the
// folder → task → LightEval runs it with a tiny local model. Run once on the English sample documents with the
// finance domain, and once on the Japanese ones (`--language ja`), where every hand-off must keep the text byte for
// byte.
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createArgillaClient, dataOrThrow, findDataset } from "@domain-eval/argilla-client";
import { type ExamQuestion, parseExamQuestion } from "@domain-eval/core";
import { datasetCardLanguages } from "@domain-eval/hub-publisher";
import {
  examWriterHandler,
  LIGHTEVAL_ENV_FIXES,
  makeTinyModel,
  numberedSentences,
  runEvalPython,
  type ScriptedOpenAIServer,
  startScriptedOpenAIServer,
} from "@domain-eval/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, EXAMPLES, EXAMPLES_JA, runCli } from "../test/run-cli.js";

interface PipelineCase {
  label: string;
  docs: string;
  documents: number;
  minKept: number;
  /** Flags for generate, and for annotate and export (domain, language). */
  generateFlags: string[];
  reviewFlags: string[];
  /** The domain's `prompt_version` suffix, when a domain is used. */
  promptVersion?: RegExp;
  /** The card's language and the start of the header LightEval shows before the questions. */
  language: string;
  header: string;
  /** A character class every question must contain (the documents' script). */
  script?: RegExp;
}

const CASES: PipelineCase[] = [
  {
    label: "English documents, finance domain",
    docs: EXAMPLES,
    documents: 5,
    minKept: 10,
    generateFlags: ["--domain", "finance"],
    reviewFlags: ["--domain", "finance"],
    promptVersion: /\+finance@/,
    language: "en",
    header: "The following are multiple choice questions (with answers)",
  },
  {
    label: "Japanese documents, --language ja",
    docs: EXAMPLES_JA,
    documents: 3,
    minKept: 6,
    generateFlags: ["--language", "ja"],
    reviewFlags: [], // export reads the card's language from the questions
    language: "ja",
    header: "以下は",
    script: /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
  },
];

const RUN = Date.now().toString(36);
let server: ScriptedOpenAIServer;
let env: NodeJS.ProcessEnv;
/** Every question the scripted model wrote, as JSON, to compare what each step kept with what the model said. */
const written = new Set<string>();

const owner = () =>
  createArgillaClient({
    baseUrl: process.env.ARGILLA_API_URL as string,
    apiKey: process.env.ARGILLA_API_KEY as string,
  });

beforeAll(async () => {
  server = await startScriptedOpenAIServer({
    handler: examWriterHandler({
      transform: (questions, request) => {
        // The chain asks for sentence numbers and puts the numbered sentences' text into questions.jsonl.
        const sentenceByNumber = new Map([...numberedSentences(request)].map(([text, n]) => [n, text]));
        for (const q of questions) {
          const citations = q.citations.map((c) => sentenceByNumber.get(Number(c)) ?? c);
          written.add(JSON.stringify({ ...q, citations }));
        }
        return questions;
      },
    }),
    reportedModel: "scripted-writer-v1",
  });
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
  for (const c of CASES) {
    const dataset = await findDataset({ client, name: datasetName(c) }).catch(() => undefined);
    if (dataset) await client.DELETE("/datasets/{dataset_id}", { params: { path: { dataset_id: dataset.id } } });
  }
});

function datasetName(c: PipelineCase): string {
  return `e2e_${c.language}_${RUN}`;
}

async function readQuestions(file: string): Promise<ExamQuestion[]> {
  return (await readFile(file, "utf8"))
    .trim()
    .split("\n")
    .map((l, i) => parseExamQuestion({ value: JSON.parse(l), context: `line ${i + 1}` }));
}

const sorted = (texts: readonly string[]) => [...texts].sort();

describe.each(CASES)("domain-eval pipeline, end to end: $label", (c) => {
  const DATASET = datasetName(c);
  let work: string;
  const questionsFile = () => join(work, "questions.jsonl");
  const datasetDir = () => join(work, "dataset");
  const byId = async () => new Map((await readQuestions(questionsFile())).map((q) => [q.id, q]));
  // `datasets` caches a local folder under its base name and a hash of the card, not of the data: two exports to
  // folders named "dataset" with equal row counts share a cache entry, and the second load returns the first's rows.
  // Each run gets its own cache so the test reads the files it wrote.
  const pythonEnv = () => ({ HF_DATASETS_CACHE: join(work, "hf-datasets-cache") });

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), `domain-eval-e2e-${c.language}-`));
  });

  it("generate writes checked questions and a summary, each the model's text byte for byte", async () => {
    const run = await runCli(["generate", "--docs", c.docs, "--out", questionsFile(), ...c.generateFlags, "--json"], {
      env,
    });
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.documents).toBe(c.documents);
    expect(summary.stats.questionsKept).toBeGreaterThanOrEqual(c.minKept);
    expect(summary.stats.calls).toBe(summary.chunks);
    const lines = (await readFile(questionsFile(), "utf8")).trim().split("\n");
    expect(lines).toHaveLength(summary.stats.questionsKept);
    const bytes = await readFile(questionsFile());
    for (const q of await readQuestions(questionsFile())) {
      expect(q.generator_model).toBe("scripted-writer-v1");
      if (c.promptVersion) expect(q.prompt_version).toMatch(c.promptVersion);
      expect(q.source_text).toContain(q.citations[0]);
      const { question, answer, distractors, citations } = q;
      expect(written.has(JSON.stringify({ question, answer, distractors, citations })), question).toBe(true);
      if (c.script) {
        expect(q.question).toMatch(c.script);
        // the file holds the text as UTF-8, not escaped
        expect(bytes.includes(Buffer.from(q.question, "utf8"))).toBe(true);
        // the quote is the document's own text: the loader and the chunker changed nothing in it
        const document = await readFile(join(c.docs, q.source.document_path as string));
        expect(document.includes(Buffer.from(q.citations[0] as string, "utf8")), q.citations[0]).toBe(true);
      }
    }
  });

  it("check passes every generated question", async () => {
    const run = await runCli(["check", questionsFile(), "--json"], { env });
    const results = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    // clean questions written without spaces get no warning either (no TRIVIAL_QUESTION, ANSWER_NOT_IN_SOURCE)
    if (c.script) expect(results.filter((r) => r.findings.length > 0)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it("annotate pushes them to Argilla with the model's answer as suggestion, texts unchanged", async () => {
    const run = await runCli(["annotate", questionsFile(), "--dataset", DATASET, ...c.reviewFlags, "--json"], {
      env,
    });
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    const questions = await byId();
    const count = questions.size;
    expect(summary.records).toEqual({ created: count, updated: 0, total: count });
    expect(summary.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dataset\/[0-9a-f-]+\/annotation-mode/);
    // again: nothing duplicated
    const again = JSON.parse(
      (await runCli(["annotate", questionsFile(), "--dataset", DATASET, "--json"], { env })).stdout,
    );
    expect(again.records).toEqual({ created: 0, updated: count, total: count });

    const client = owner();
    const dataset = await findDataset({ client, name: DATASET });
    const { items } = dataOrThrow(
      await client.POST("/datasets/{dataset_id}/records/search", {
        params: { path: { dataset_id: dataset?.id as string }, query: { limit: 50 } },
        body: {},
      }),
    );
    expect(items).toHaveLength(count);
    for (const { record } of items) {
      const q = questions.get(record.external_id as string) as ExamQuestion;
      const fields = record.fields as Record<string, string>;
      expect(fields.question).toBe(q.question);
      const choices = ["a", "b", "c", "d", "e", "f"].map((l) => fields[`answer_${l}`]).filter((t) => t !== undefined);
      expect(sorted(choices)).toEqual(sorted([q.answer, ...q.distractors]));
    }
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

    const run = await runCli(["export", "--dataset", DATASET, "--out", datasetDir(), ...c.reviewFlags, "--json"], {
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
      env: pythonEnv(),
    });
    expect(loaded.code, loaded.stderr).toBe(0);
    const data = JSON.parse(loaded.stdout);
    expect(data.splits.test + (data.splits.dev ?? 0)).toBe(3);
    expect(data.names.slice(0, 4)).toEqual(["A", "B", "C", "D"]);
    type Row = { id: string; question: string; choices: string[]; citations: string[]; answer: number };
    const rows = new Map<string, Row>(data.rows.map((r: Row) => [r.id, r]));
    const changedRow = rows.get(change.external_id as string) as Row & { review_status: string; agreement: number };
    expect(changedRow.answer).toBe(changedTo.charCodeAt(0) - 65);
    expect(changedRow.review_status).toBe("submitted");
    expect(rows.has(discard.external_id as string)).toBe(false);
    // the texts Python reads are the generated ones, unchanged
    const questions = await byId();
    for (const row of rows.values()) {
      const q = questions.get(row.id) as ExamQuestion;
      expect(row.question).toBe(q.question);
      expect(sorted(row.choices)).toEqual(sorted([q.answer, ...q.distractors]));
      expect(row.citations).toEqual(q.citations);
    }
    const card = await readFile(join(datasetDir(), "README.md"), "utf8");
    expect(card).toContain("expert-generated");
    expect(card).not.toContain(process.env.ARGILLA_API_KEY as string);
    expect(datasetCardLanguages({ readme: card })).toEqual([c.language]);
  });

  it("task writes a LightEval file that runs on the exported folder with a tiny local model", async () => {
    const task = `e2e_exam_${c.language}`;
    const taskFile = join(work, `${task}.py`);
    const run = await runCli(["task", "--dataset", datasetDir(), "--name", task, "--out", taskFile, "--json"], {
      env,
    });
    expect(run.code, run.stderr).toBe(0);
    const { command } = JSON.parse(run.stdout);
    expect(command).toContain(`"${task}|0"`);
    expect(command).toContain(taskFile);

    const questions = [...(await byId()).values()];
    const model = await makeTinyModel({
      dir: join(work, "tiny-model"),
      texts: questions.flatMap((r) => [r.question, r.answer, ...r.distractors]),
    });
    const out = join(work, "lighteval-out");
    const evalRun = await runEvalPython({
      args: [
        "-m",
        "lighteval",
        "accelerate",
        `model_name=${model},batch_size=4,dtype=float32,max_length=256,device=cpu`,
        `${task}|0`,
        "--custom-tasks",
        taskFile,
        "--output-dir",
        out,
        "--save-details",
      ],
      env: { PYTHONPATH: LIGHTEVAL_ENV_FIXES, ...pythonEnv() },
      timeoutMs: 900_000,
    });
    expect(evalRun.code, evalRun.stderr.slice(-3000)).toBe(0);
    const resultsDir = join(out, "results", model.replace(/^\//u, ""));
    const [file] = (await readdir(resultsDir)).filter((f) => f.startsWith("results_"));
    const results = JSON.parse(await readFile(join(resultsDir, file as string), "utf8")).results;
    const acc = results[`${task}|0`].acc;
    expect(acc).toBeGreaterThanOrEqual(0);
    expect(acc).toBeLessThanOrEqual(1);
    // The prompts LightEval scored: the header in the dataset's language, then a question exactly as generated.
    const details = await runEvalPython({
      args: [
        "-c",
        `import glob, json, sys, datasets
files = glob.glob(sys.argv[1] + "/details/**/*.parquet", recursive=True)
queries = [row["doc"]["query"] for f in files for row in datasets.load_dataset("parquet", data_files=f, split="train")]
print(json.dumps({"queries": queries, "test": len(datasets.load_dataset(sys.argv[2], split="test"))}))`,
        out,
        datasetDir(),
      ],
      env: pythonEnv(),
    });
    expect(details.code, details.stderr.slice(-2000)).toBe(0);
    const { queries, test: testRows } = JSON.parse(details.stdout) as { queries: string[]; test: number };
    expect(queries).toHaveLength(testRows);
    for (const query of queries) {
      expect(query.startsWith(c.header), query).toBe(true);
      expect(questions.some((q) => query.includes(`${q.question}\n`))).toBe(true);
    }
    // 3 reviewed rows: accuracy is a multiple of 1/3 (in test + dev, the test split holds what dev left)
    expect(Math.abs(acc * testRows - Math.round(acc * testRows))).toBeLessThan(1e-9);
  });
});
