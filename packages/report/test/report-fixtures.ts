/**
 * Inputs for the report tests, in the shapes the producers write: questions.jsonl lines (ExamQuestion plus the agreed
 * `validation` object), questions.dropped.jsonl lines, dataset folders written by hub-publisher's writeDatasetFolder,
 * and results.json (format domain-eval/results@1).
 *
 * fixtures/demo/ is the output of a real `domain-eval run --docs examples/documents --skip-review --no-validate --json`
 * against the scripted exam-writer model of @domain-eval/testing (questions.jsonl, questions.dropped.jsonl, dataset/,
 * and the `generate` part of the printed summary as summary.json), with OPENAI_BASE_URL at the scripted server and
 * DOMAIN_EVAL_MODEL=scripted-exam-writer. Regenerate it when the chain or the checks change what a run keeps.
 */
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { choiceLetter, type ExamItem, type ExamQuestion, toExamItem } from "@domain-eval/core";
import { writeDatasetFolder } from "@domain-eval/hub-publisher";
import type { DatasetRowInput, EvaluationResultsInput } from "../src/index.js";

export const DEMO_FIXTURE = fileURLToPath(new URL("./fixtures/demo/", import.meta.url));

/** Payloads that would run if a question's text reached the page unescaped. */
export const HOSTILE_SCRIPT = `<script>window.__pwned = "script"</script>`;
export const HOSTILE_IMG = `<img src=x onerror="window.__pwned = 'img'">`;
export const HOSTILE_QUESTION = `Which rule applies? ${HOSTILE_SCRIPT} ${HOSTILE_IMG}`;

function jsonl(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join("\n") + (values.length > 0 ? "\n" : "");
}

async function readLines(file: string): Promise<Record<string, unknown>[]> {
  return (await readFile(file, "utf8"))
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/**
 * The demo run copied into `dir`, its first question replaced by a hostile text and flagged with a warning whose
 * message is hostile too, so it shows in the flagged table.
 */
export async function hostileDemoRun(
  dir: string,
): Promise<{ questionsFile: string; datasetDir: string; summaryFile: string; kept: number }> {
  await mkdir(dir, { recursive: true });
  await cp(join(DEMO_FIXTURE, "dataset"), join(dir, "dataset"), { recursive: true });
  await cp(join(DEMO_FIXTURE, "summary.json"), join(dir, "summary.json"));
  await cp(join(DEMO_FIXTURE, "questions.dropped.jsonl"), join(dir, "questions.dropped.jsonl"));
  const questions = await readLines(join(DEMO_FIXTURE, "questions.jsonl"));
  const first = questions[0] as Record<string, unknown>;
  first.question = HOSTILE_QUESTION;
  first.findings = [{ code: "LENGTH_BIAS", severity: "warning", message: `answer vs ${HOSTILE_IMG}` }];
  await writeFile(join(dir, "questions.jsonl"), jsonl(questions));
  return {
    questionsFile: join(dir, "questions.jsonl"),
    datasetDir: join(dir, "dataset"),
    summaryFile: join(dir, "summary.json"),
    kept: questions.length,
  };
}

/** A deterministic stand-in for Math.random. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function settingResult(rate: number, total: number, chance: number, extra: Record<string, unknown> = {}) {
  const correct = Math.round(rate * total);
  return {
    total,
    answered: total,
    correct,
    rate: Math.round((correct / total) * 1000) / 1000,
    chance,
    answers: Array.from({ length: total }, (_, sample) => ({
      model: "smollm2-135m-instruct",
      sample,
      order: [0, 1, 2, 3],
      choice: sample < correct ? 0 : 1,
      letter: sample < correct ? "A" : "B",
      correct: sample < correct,
      probabilities: null,
      no_answer: null,
    })),
    ...extra,
  };
}

/** The agreed `validation` object of one question. */
export function validationFor(rates: {
  open: number;
  closed: number;
  options: number;
  swap: number;
  sensitive: boolean;
}) {
  return {
    prompt_version: "validate-1",
    panel: [{ model: "smollm2-135m-instruct", kind: "local", scoring: "logprobs" }],
    settings: {
      open_book: settingResult(rates.open, 3, 0.25),
      closed_book: settingResult(rates.closed, 3, 0.25),
      options_only: settingResult(rates.options, 3, 0.25),
      order_swap: settingResult(rates.swap, 4, 0.25, { position_sensitive: rates.sensitive }),
    },
  };
}

export interface SyntheticRun {
  questions: ExamQuestion[];
  dropped: { question: Partial<ExamQuestion>; findings: ExamQuestion["findings"] }[];
  datasetRows: DatasetRowInput[];
  results: EvaluationResultsInput;
  /** Ids of questions that carry a validation finding. */
  validationFlagged: string[];
}

/**
 * A synthetic run of `n` questions over `n / 20` documents: every tenth question flagged, one in fifty dropped,
 * validation on every question, reviewed dataset rows (some answers changed) and results of `models` models.
 */
export function syntheticRun(params: {
  n: number;
  models?: string[];
  hostileAt?: number;
  seed?: number;
}): SyntheticRun {
  const rand = random(params.seed ?? 7);
  const models = params.models ?? ["smollm2-135m-instruct", "gemma-3-270m", "qwen2.5-0.5b"];
  const documents = Math.max(1, Math.floor(params.n / 20));
  const questions: ExamQuestion[] = [];
  const dropped: SyntheticRun["dropped"] = [];
  const datasetRows: DatasetRowInput[] = [];
  const validationFlagged: string[] = [];
  for (let i = 0; i < params.n; i++) {
    const doc = i % documents;
    const chunk = Math.floor(i / documents) % 12;
    const start = chunk * 2000;
    const id = `q-${i.toString(16).padStart(6, "0")}`;
    const answer = `answer ${"x".repeat(3 + Math.floor(rand() * 30))}`;
    const distractors = [0, 1, 2].map((k) => `wrong ${k} ${"y".repeat(2 + Math.floor(rand() * 25))}`);
    const open = rand() > 0.2 ? 1 : 0.667;
    const closed = rand() > 0.85 ? 1 : 0.333;
    const options = rand() > 0.9 ? 0.667 : 0;
    const findings: NonNullable<ExamQuestion["findings"]> = [
      { code: "GROUNDING_SCORE", severity: "info", message: "grounding score", data: { score: 0.4 + rand() * 0.6 } },
    ];
    if (i % 10 === 3)
      findings.push({
        code: "LENGTH_BIAS",
        severity: "warning",
        message: "the answer is much longer than the distractors",
      });
    if (closed === 1)
      findings.push({
        code: "ANSWERABLE_WITHOUT_SOURCE",
        severity: "warning",
        message: "closed-book panel answered it",
      });
    if (options > 0.5)
      findings.push({ code: "ANSWERABLE_FROM_OPTIONS", severity: "warning", message: "options alone gave it away" });
    if (closed === 1 || options > 0.5) validationFlagged.push(id);
    const question: ExamQuestion = {
      id,
      question:
        i === params.hostileAt ? HOSTILE_QUESTION : `Synthetic question ${i} about document ${doc}, section ${chunk}?`,
      answer,
      distractors,
      citations: [`quote ${i}`],
      source: {
        document_id: `doc-${doc.toString().padStart(5, "0")}`,
        document_path: `corpus/document-${doc}.md`,
        chunk_id: `doc-${doc}:${start}-${start + 2000}`,
        start,
        end: start + 2000,
      },
      generator_model: "Qwen/Qwen2.5-7B-Instruct",
      prompt_version: "qc-1+finance@1.0.0",
      findings,
      validation: validationFor({ open, closed, options, swap: 0.75, sensitive: i % 7 === 0 }),
    } as ExamQuestion;
    if (i % 50 === 49) {
      dropped.push({
        question: { ...question, findings: undefined, validation: undefined } as Partial<ExamQuestion>,
        findings: [
          { code: i % 100 === 99 ? "UNGROUNDED_QUOTE" : "DUPLICATE_OPTIONS", severity: "error", message: "dropped" },
        ],
      });
      continue;
    }
    questions.push(question);
    const answerIndex = i % 4;
    const choices = [...distractors];
    choices.splice(answerIndex, 0, answer);
    const changed = i % 40 === 5;
    datasetRows.push({
      id,
      choices,
      answer: changed ? (answerIndex + 1) % 4 : answerIndex,
      review_status: i % 9 === 0 ? "unreviewed" : "submitted",
      reviewer_count: i % 9 === 0 ? 0 : 1 + (i % 3),
      agreement: i % 9 === 0 ? null : ([1, 0.5, 0.667, 1][i % 4] ?? 1),
    });
  }
  const results: EvaluationResultsInput = {
    format: "domain-eval/results@1",
    dataset: { path: "out/dataset", revision: null, task: "synthetic_exam", num_questions: datasetRows.length },
    created_at: "2026-11-30T09:00:00Z",
    models: [
      ...models.map((name, m) => ({
        name,
        spec: name,
        backend: "transformers",
        status: "ok" as const,
        error: null,
        scores: { acc: 0.3 + 0.15 * m, acc_stderr: 0.02, acc_norm: 0.32 + 0.15 * m, acc_norm_stderr: 0.02 },
        items: [],
        position_accuracy: { A: 0.3 + 0.1 * m, B: 0.25, C: 0.5 - 0.1 * m, D: 0.4 },
      })),
      {
        name: "broken-endpoint",
        spec: "endpoint:http://127.0.0.1:9/v1",
        backend: "endpoint",
        status: "failed" as const,
        error: "connection refused",
        scores: {},
        items: [],
        position_accuracy: {},
      },
    ],
    items: datasetRows.map((row, i) => ({
      id: row.id,
      difficulty: Math.round(rand() * 100) / 100,
      discrimination: i % 25 === 0 ? null : Math.round((rand() * 1.4 - 0.4) * 100) / 100,
      flags: i % 30 === 0 ? ["ALL_MODELS_WRONG"] : i % 31 === 0 ? ["ALL_MODELS_RIGHT_CLOSED_BOOK"] : [],
    })),
  };
  return { questions, dropped, datasetRows, results, validationFlagged };
}

/**
 * A small validated and evaluated run on disk: questions.jsonl (with validation), questions.dropped.jsonl, a dataset
 * folder written by writeDatasetFolder with reviewed rows (two answers changed by reviewers) and results/results.json.
 */
export async function evaluatedRun(dir: string): Promise<{
  questionsFile: string;
  datasetDir: string;
  resultsDir: string;
  run: SyntheticRun;
  changed: string[];
}> {
  const run = syntheticRun({ n: 40, hostileAt: 3, seed: 11 });
  // the hostile question is also in a model's failure message and in the item labels
  const failed = run.results.models.find((m) => m.status === "failed");
  if (failed) failed.error = `LightEval said ${HOSTILE_IMG}`;
  await mkdir(join(dir, "results"), { recursive: true });
  await writeFile(join(dir, "questions.jsonl"), jsonl(run.questions));
  await writeFile(join(dir, "questions.dropped.jsonl"), jsonl(run.dropped));
  await writeFile(join(dir, "results", "results.json"), `${JSON.stringify(run.results, null, 2)}\n`);
  const changed: string[] = [];
  const items: ExamItem[] = run.questions.map((q, i) => {
    const item = toExamItem({
      question: q,
      subject: "finance",
      seed: 1234,
      answerIndex: i % 4,
      review: { status: "submitted", reviewerCount: 1 + (i % 3), agreement: i % 5 === 0 ? 0.5 : 1 },
    });
    if (i % 13 === 4) {
      changed.push(q.id);
      return { ...item, answer: (item.answer + 1) % item.choices.length };
    }
    return item;
  });
  await writeDatasetFolder({
    items,
    dir: join(dir, "dataset"),
    splits: { dev: 2 },
    card: { prettyName: "Synthetic exam", license: "cc-by-4.0", language: "en" },
  });
  return {
    questionsFile: join(dir, "questions.jsonl"),
    datasetDir: join(dir, "dataset"),
    resultsDir: join(dir, "results"),
    run,
    changed,
  };
}

/** Letters A… for `k` options. */
export function letters(k: number): string[] {
  return Array.from({ length: k }, (_, i) => choiceLetter(i));
}
