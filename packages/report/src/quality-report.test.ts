import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkQuestion } from "@domain-eval/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_FIXTURE, evaluatedRun, HOSTILE_QUESTION, hostileDemoRun, syntheticRun } from "../test/report-fixtures.js";
import {
  collectReportData,
  escapeHtml,
  ReportError,
  readQualityReportInput,
  renderQualityReport,
  writeQualityReport,
} from "./index.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "report-unit-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("collectReportData", () => {
  it("counts kept, flagged and dropped questions, answer letters and changed answers", async () => {
    const run = syntheticRun({ n: 200 });
    const data = await collectReportData({
      questions: run.questions,
      dropped: run.dropped,
      datasetRows: run.datasetRows,
      results: run.results,
    });
    expect(data.glance.kept).toBe(196);
    expect(data.glance.dropped).toBe(4);
    expect(data.glance.droppedByCode).toEqual({ DUPLICATE_OPTIONS: 2, UNGROUNDED_QUOTE: 2 });
    const flaggedByHand = run.questions.filter((q) => q.findings?.some((f) => f.severity !== "info")).length;
    expect(data.glance.flagged).toBe(flaggedByHand);
    const byLetter = Object.fromEntries((data.positions ?? []).map((p) => [p.letter, p.count]));
    const expectedLetters: Record<string, number> = {};
    for (const row of run.datasetRows) {
      const letter = "ABCD"[row.answer] as string;
      expectedLetters[letter] = (expectedLetters[letter] ?? 0) + 1;
    }
    expect(byLetter).toEqual(expectedLetters);
    expect(data.positions?.map((p) => p.expected)).toEqual([49, 49, 49, 49]);
    const changedByHand = run.datasetRows.filter((r, i) => r.choices[r.answer] !== run.questions[i]?.answer).length;
    expect(data.review?.changed.total).toBe(changedByHand);
    expect(changedByHand).toBeGreaterThan(0);
    expect(data.validation?.questions).toBe(196);
    expect(data.validation?.flagged.total).toBe(
      run.validationFlagged.filter((id) => run.questions.some((q) => q.id === id)).length,
    );
    expect(data.evaluation?.models.map((m) => m.name)).toEqual([
      "qwen2.5-0.5b",
      "gemma-3-270m",
      "smollm2-135m-instruct",
      "broken-endpoint",
    ]);
  });

  it("caps tables and samples scatter plots, saying how many there were", async () => {
    const run = syntheticRun({ n: 3000 });
    const data = await collectReportData({
      questions: run.questions,
      dropped: run.dropped,
      results: run.results,
      limits: { scatterPoints: 100, tableRows: 25 },
    });
    expect(data.options.sample).toHaveLength(100);
    expect(data.options.sampled).toBe(true);
    expect(data.flagged.rows).toHaveLength(25);
    expect(data.flagged.total).toBeGreaterThan(300);
    expect(data.evaluation?.scatter).toHaveLength(100);
    expect(data.evaluation?.scatterTotal).toBe(run.results.items.filter((i) => i.discrimination !== null).length);
  });

  it("refuses a non-http Argilla link and a bad limit", async () => {
    await expect(collectReportData({ questions: [], argillaDatasetUrl: "javascript:alert(1)" })).rejects.toMatchObject({
      code: "BAD_OPTION",
    });
    await expect(collectReportData({ questions: [], limits: { tableRows: 0 } })).rejects.toBeInstanceOf(ReportError);
  });
});

describe("renderQualityReport", () => {
  it("shows a hostile question as text: no script or img element can come from the data", async () => {
    const run = syntheticRun({ n: 40, hostileAt: 3 });
    const html = await renderQualityReport({
      questions: run.questions,
      results: run.results,
      argillaDatasetUrl: "http://127.0.0.1:6900/dataset/abc/annotation-mode",
    });
    expect(html).not.toMatch(/<script/iu);
    expect(html).not.toMatch(/<img/iu);
    expect(html).toContain(escapeHtml(HOSTILE_QUESTION));
    expect(html).toContain("Content-Security-Policy");
    expect(html).toContain("annotation-mode?_search=q-000003");
  });

  it("reads the demo run from disk: dropped file, dataset folder and summary", async () => {
    const demo = await hostileDemoRun(join(dir, "demo"));
    const input = await readQualityReportInput({
      questionsFile: demo.questionsFile,
      datasetDir: demo.datasetDir,
      summaryFile: demo.summaryFile,
    });
    const data = await collectReportData({ ...input, prices: { inputPerMillion: 1, outputPerMillion: 2 } });
    expect(data.glance.kept).toBe(demo.kept);
    expect(data.glance.dropped).toBe(1);
    expect(data.glance.documents).toEqual({ value: 5, basis: "summary" });
    expect(data.review?.rows).toBe(demo.kept);
    expect(data.review?.status).toEqual({ unreviewed: demo.kept });
    expect(data.glance.cost?.amount).toBeCloseTo((9638 * 1 + 830 * 2) / 1e6, 8);

    // a batch run is priced with the batch discount; without prices, the spend the run summary recorded is shown
    const again = () =>
      readQualityReportInput({
        questionsFile: demo.questionsFile,
        datasetDir: demo.datasetDir,
        summaryFile: demo.summaryFile,
      });
    const prices = { inputPerMillion: 1, outputPerMillion: 2, batchDiscount: 0.5, currency: "EUR" };
    const batchInput = await again();
    const batch = await collectReportData({
      ...batchInput,
      runSummary: { ...batchInput.runSummary, mode: "batch" },
      prices,
    });
    expect(batch.glance.cost?.currency).toBe("EUR");
    expect(batch.glance.cost?.amount).toBeCloseTo(((9638 * 1 + 830 * 2) / 1e6) * 0.5, 10);
    const spend = { amount: 0.42, currency: "USD" };
    const recordedInput = await again();
    const html = await renderQualityReport({
      ...recordedInput,
      runSummary: { ...recordedInput.runSummary, cost: { spend } },
    });
    expect(html).toContain("0.4200 USD");
  });

  it("reads the validation's spend from a run summary (run --json, or generate --validate --json)", async () => {
    const demo = await hostileDemoRun(join(dir, "demo-validation"));
    const generate = JSON.parse(await readFile(demo.summaryFile, "utf8")) as Record<string, unknown>;
    const validation = { panel: ["gpt-4o-mini (endpoint)"], calls: 36, spend: { amount: 0.0123, currency: "USD" } };
    const runFile = join(dir, "run-summary.json");
    await writeFile(runFile, JSON.stringify({ generate, validation, review: { status: "skipped" } }));
    const generateFile = join(dir, "generate-validate-summary.json");
    await writeFile(generateFile, JSON.stringify({ ...generate, validation }));
    for (const summaryFile of [runFile, generateFile]) {
      // the questions are streamed: each use reads the input anew
      const input = () => readQualityReportInput({ questionsFile: demo.questionsFile, summaryFile });
      const prices = { inputPerMillion: 1, outputPerMillion: 2 };
      expect((await collectReportData({ ...(await input()), prices })).glance.validationCost).toEqual(validation.spend);
      const html = await renderQualityReport({ ...(await input()), prices });
      const generation = (9638 * 1 + 830 * 2) / 1e6;
      expect(html).toContain("<b>0.0123 USD</b><span>validation cost (36 answers) at the run&#39;s prices</span>");
      expect(html).toContain(
        `<b>${(generation + 0.0123).toFixed(4)} USD</b><span>total cost: generation and validation</span>`,
      );
    }
    // no validation in the summary: no validation tile, no total
    const plain = await renderQualityReport({
      ...(await readQualityReportInput({ questionsFile: demo.questionsFile, summaryFile: demo.summaryFile })),
      prices: { inputPerMillion: 1, outputPerMillion: 2 },
    });
    expect(plain).toContain("generation cost at the given prices");
    expect(plain).not.toContain("validation cost");
    expect(plain).not.toContain("total cost");
  });

  it("reads a reviewed dataset folder: agreement and the answers reviewers changed", async () => {
    const evaluated = await evaluatedRun(join(dir, "evaluated"));
    const input = await readQualityReportInput({
      questionsFile: evaluated.questionsFile,
      datasetDir: evaluated.datasetDir,
      results: evaluated.resultsDir,
    });
    const data = await collectReportData(input);
    expect(data.review?.status).toEqual({ submitted: evaluated.run.questions.length });
    expect(new Set(data.review?.changed.rows.map((r) => r.id))).toEqual(new Set(evaluated.changed));
    expect(data.review?.agreement.find((b) => b.bin === "0.4–0.6")?.count).toBe(
      evaluated.run.questions.filter((_, i) => i % 5 === 0).length,
    );
    expect(data.evaluation?.models).toHaveLength(4);
  });

  it("names the problem and the fix for missing or foreign inputs", async () => {
    await expect(readQualityReportInput({ questionsFile: join(dir, "nope.jsonl") })).rejects.toThrow(
      /does not exist: pass the questions.jsonl/u,
    );
    const questionsFile = join(dir, "q.jsonl");
    await writeFile(questionsFile, `${JSON.stringify(syntheticRun({ n: 2 }).questions[0])}\n`);
    const notResults = join(dir, "not-results.json");
    await writeFile(notResults, JSON.stringify({ results: {} }));
    await expect(readQualityReportInput({ questionsFile, results: notResults })).rejects.toMatchObject({
      code: "RESULTS_UNREADABLE",
    });
    await expect(readQualityReportInput({ questionsFile, datasetDir: dir })).resolves.toBeDefined();
    const input = await readQualityReportInput({ questionsFile, datasetDir: dir });
    await expect(writeQualityReport({ ...input, out: join(dir, "r.html") })).rejects.toThrow(
      /holds no data\/\*\.parquet/u,
    );
    await writeFile(questionsFile, "{not json\n");
    await expect(
      writeQualityReport({ ...(await readQualityReportInput({ questionsFile })), out: join(dir, "r.html") }),
    ).rejects.toMatchObject({ code: "QUESTIONS_UNREADABLE" });
  });
});

describe("a run that kept no question", () => {
  it("still gets a report: what was dropped and why, and no empty chart or table", async () => {
    const run = syntheticRun({ n: 200 });
    const questionsFile = join(dir, "none-kept.jsonl");
    await writeFile(questionsFile, "");
    await writeFile(join(dir, "none-kept.dropped.jsonl"), run.dropped.map((d) => `${JSON.stringify(d)}\n`).join(""));
    const input = await readQualityReportInput({ questionsFile });
    const data = await collectReportData(input);
    expect(data.glance.kept).toBe(0);
    expect(data.glance.dropped).toBe(run.dropped.length);
    const html = await renderQualityReport(await readQualityReportInput({ questionsFile }));
    expect(html).toContain("No question was kept: no answer positions, option lengths or grounding scores to show.");
    expect(html).not.toMatch(/of 0 questions/u);
    expect(html).toContain("<code>DUPLICATE_OPTIONS</code>");
    // a count axis with every bar at 0 shows 0 and 1, not 0.000000; no table is only a header
    expect(html).not.toMatch(/0\.0{3,}/u);
    expect(html).not.toMatch(/<\/tr><\/thead><tbody><\/tbody>/u);
  });

  it("counts and lists the questions the validation dropped (questions.validation-dropped.jsonl beside it)", async () => {
    const run = syntheticRun({ n: 40 });
    const [disputed, kept] = run.questions;
    const questionsFile = join(dir, "validated.jsonl");
    await writeFile(questionsFile, `${JSON.stringify(kept)}\n`);
    await writeFile(
      join(dir, "validated.validation-dropped.jsonl"),
      `${JSON.stringify({
        ...disputed,
        findings: [
          {
            code: "KEY_DISPUTED",
            severity: "error",
            message: 'with the passage, the panel chose "X" instead of the key',
          },
        ],
      })}\n`,
    );
    const data = await collectReportData(await readQualityReportInput({ questionsFile }));
    expect(data.glance.kept).toBe(1);
    expect(data.glance.dropped).toBe(1);
    expect(data.glance.droppedByCode).toEqual({ KEY_DISPUTED: 1 });
    expect(data.glance.validationDropped).toBe(1);
    expect(data.flagged.rows.find((f) => f.id === disputed?.id)).toMatchObject({
      status: "dropped",
      findings: [{ code: "KEY_DISPUTED" }],
    });
    const html = await renderQualityReport(await readQualityReportInput({ questionsFile }));
    expect(html).toContain(
      "The validation dropped 1 question the checks had kept (<code>KEY_DISPUTED</code> 1): listed under Flagged questions, counted as dropped.",
    );
    // and when it dropped the only one: still a report, not "run domain-eval validate first"
    await writeFile(questionsFile, "");
    const none = await renderQualityReport(await readQualityReportInput({ questionsFile }));
    expect(none).toContain("The validation dropped 1 question");
    expect(none).not.toContain("run <code>domain-eval validate</code> on the questions file first");
  });

  it("with nothing dropped either, is refused with the reason", async () => {
    const questionsFile = join(dir, "empty.jsonl");
    await writeFile(questionsFile, "");
    await expect(
      writeQualityReport({ ...(await readQualityReportInput({ questionsFile })), out: join(dir, "empty.html") }),
    ).rejects.toThrow("the questions file holds no questions: generate some with domain-eval generate");
  });
});

describe("the demo fixture (a real run against the scripted model)", () => {
  it("holds questions today's checks keep clean, so the demo report shows what a run writes now", async () => {
    const lines = (await readFile(join(DEMO_FIXTURE, "questions.jsonl"), "utf8")).split("\n").filter(Boolean);
    expect(lines.length).toBeGreaterThan(10);
    const flagged = lines.flatMap((line) => {
      const question = JSON.parse(line);
      return checkQuestion({ question, sourceText: question.source_text })
        .filter((f) => f.severity !== "info")
        .map((f) => `${question.id} ${f.code}`);
    });
    expect(flagged).toEqual([]);
  });
});
