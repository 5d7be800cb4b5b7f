/**
 * Opens real reports in headless Chromium (Debian's package, found or installed by tools/browser/ensure-chromium.sh):
 * every chart is there with as many bars and points as the data has, nothing ran, nothing was fetched, no console
 * error. One browser for the whole file; a PNG of each page goes to test-artifacts/ (gitignored).
 */
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  evaluatedRun,
  HOSTILE_IMG,
  HOSTILE_QUESTION,
  HOSTILE_SCRIPT,
  hostileDemoRun,
  syntheticRun,
} from "../test/report-fixtures.js";
import { readQualityReportInput, writeQualityReport } from "./index.js";

const ARTIFACTS = fileURLToPath(new URL("../test-artifacts/", import.meta.url));
/** The bound the 10k-question report must stay under (it also holds for 100k: tables are capped, scatters sampled). */
const MAX_REPORT_BYTES = 1_500_000;
const SECTIONS = ["glance", "fairness", "coverage", "review", "validation", "evaluation", "flagged"];

let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "report-browser-"));
  await mkdir(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: inject("chromiumPath"),
    // root in a container has no user namespace for Chromium's sandbox
    args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
  });
});

afterAll(async () => {
  await browser?.close();
  await rm(dir, { recursive: true, force: true });
});

interface OpenedReport {
  page: Page;
  consoleErrors: string[];
  requests: string[];
  /** Marks per chart: rectangles (bars), symbols (points), ticks. */
  charts: Record<string, { bars: number; points: number; ticks: number; titles: string[] }>;
  sections: Record<string, string>;
}

/** Opens a report file like a person would (file://), waits for it, and reads what it shows. */
async function openReport(file: string, screenshot: string, fullPage = true): Promise<OpenedReport> {
  const page = await browser.newPage({ viewport: { width: 1150, height: 900 } });
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  page.on("request", (request) => {
    if (request.url() !== pathToFileURL(file).href) requests.push(request.url());
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  await page.waitForSelector("section#flagged");
  const charts = await page.$$eval("figure.chart", (figures) =>
    Object.fromEntries(
      figures.map((f) => [
        f.getAttribute("data-chart") ?? "",
        {
          // Vega names each mark group after its Vega-Lite layer: bars, points, expected (ticks)
          bars: f.querySelectorAll("g.role-mark.bars_marks > path").length,
          points: f.querySelectorAll("g.role-mark.points_marks > path").length,
          ticks: f.querySelectorAll("g.role-mark.expected_marks > path").length,
          titles: [...f.querySelectorAll("g.role-mark.points_marks > path > title")].map((t) => t.textContent ?? ""),
        },
      ]),
    ),
  );
  const sections = await page.$$eval("section[data-section]", (nodes) =>
    Object.fromEntries(nodes.map((n) => [n.getAttribute("data-section") ?? "", n.getAttribute("data-state") ?? ""])),
  );
  await page.screenshot({ path: join(ARTIFACTS, screenshot), fullPage });
  return { page, consoleErrors, requests, charts, sections };
}

/** Nothing from the data ran or became an element: the page has no script and no img at all. */
async function expectInert(page: Page): Promise<void> {
  expect(await page.evaluate(() => (globalThis as { __pwned?: string }).__pwned)).toBeUndefined();
  expect(await page.locator("script").count()).toBe(0);
  expect(await page.locator("img").count()).toBe(0);
}

describe("the report in headless Chromium", () => {
  it("demo run: every section and chart, the hostile question shown as text, no error, no request", async () => {
    const demo = await hostileDemoRun(join(dir, "demo"));
    const { file } = await writeQualityReport({
      ...(await readQualityReportInput({
        questionsFile: demo.questionsFile,
        datasetDir: demo.datasetDir,
        summaryFile: demo.summaryFile,
      })),
      argillaDatasetUrl: "http://127.0.0.1:6900/dataset/0000/annotation-mode",
      out: join(dir, "demo", "report.html"),
    });
    const report = await openReport(file, "demo-report.png");
    expect(report.consoleErrors).toEqual([]);
    expect(report.requests).toEqual([]);
    expect(Object.keys(report.sections)).toEqual(SECTIONS);
    expect(report.sections).toMatchObject({ review: "present", validation: "absent", evaluation: "absent" });
    // 15 kept questions, 4 options each, over the 5 example documents in 2 chunk positions
    expect(report.charts["answer-positions"]?.bars).toBe(4);
    expect(report.charts["answer-positions"]?.ticks).toBe(4);
    expect(report.charts["option-length"]?.points).toBe(demo.kept);
    expect(report.charts.grounding?.bars).toBe(10);
    expect(report.charts["coverage-documents"]?.bars).toBe(5);
    expect(report.charts["coverage-positions"]?.bars).toBe(2);
    expect(report.charts["review-status"]?.bars).toBe(1);
    expect(Object.keys(report.charts)).toHaveLength(6);

    await expectInert(report.page);
    const row = report.page.locator("#flagged-table tbody tr", { hasText: "LENGTH_BIAS" });
    await expect(row.locator("td.q").textContent()).resolves.toBe(HOSTILE_QUESTION);
    await expect(row.textContent()).resolves.toContain(HOSTILE_IMG);
    expect(await row.locator("a").getAttribute("href")).toMatch(/annotation-mode\?_search=q-/u);
    await expect(report.page.locator("#glance").textContent()).resolves.toContain("10,468");
    // prints: Chromium's print-to-PDF lays the page out with the print styles
    await report.page.emulateMedia({ media: "print" });
    await expect(report.page.locator("nav").isVisible()).resolves.toBe(false);
    const pdf = await report.page.pdf({ format: "A4", path: join(ARTIFACTS, "demo-report.pdf") });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await report.page.close();
  });

  it("validated and evaluated run: leaderboard, item scatter with hover text, position accuracy", async () => {
    const evaluated = await evaluatedRun(join(dir, "evaluated"));
    const { file } = await writeQualityReport({
      ...(await readQualityReportInput({
        questionsFile: evaluated.questionsFile,
        datasetDir: evaluated.datasetDir,
        results: evaluated.resultsDir,
      })),
      out: join(dir, "evaluated", "report.html"),
    });
    const report = await openReport(file, "evaluated-report.png");
    expect(report.consoleErrors).toEqual([]);
    expect(report.requests).toEqual([]);
    expect(Object.values(report.sections).every((s) => s === "present")).toBe(true);
    const { run } = evaluated;
    const okModels = run.results.models.filter((m) => m.status === "ok");
    expect(report.charts["validation-rates"]?.bars).toBe(4);
    expect(report.charts["validation-rates"]?.ticks).toBe(4);
    expect(report.charts["evaluation-leaderboard"]?.bars).toBe(okModels.length);
    const withDiscrimination = run.results.items.filter((i) => i.discrimination !== null);
    expect(report.charts["evaluation-items"]?.points).toBe(withDiscrimination.length);
    expect(report.charts["evaluation-positions"]?.bars).toBe(okModels.length * 4);
    expect(report.charts["review-agreement"]?.bars).toBe(6);
    // hover text of the hostile question's point: the payload as text inside the SVG <title>
    const hostileId = run.questions[3]?.id as string;
    const titles = report.charts["evaluation-items"]?.titles ?? [];
    expect(titles).toHaveLength(withDiscrimination.length);
    expect(titles.find((t) => t.includes(hostileId))).toContain(HOSTILE_SCRIPT);
    await expect(report.page.locator("#leaderboard tbody tr").count()).resolves.toBe(run.results.models.length);
    await expect(report.page.locator("#leaderboard tbody tr").last().textContent()).resolves.toContain(HOSTILE_IMG);
    await expect(report.page.locator("#changed-answers tbody tr").count()).resolves.toBe(evaluated.changed.length);
    const validationRows = run.validationFlagged.filter((id) => run.questions.some((q) => q.id === id));
    await expect(report.page.locator("#validation-flagged tbody tr").count()).resolves.toBe(validationRows.length);
    await expectInert(report.page);
    await report.page.close();
  });

  it("10,000-question run: bounded size, sampled scatters, capped tables that say how many more", async () => {
    const run = syntheticRun({ n: 10_000, hostileAt: 5 });
    const { file, bytes } = await writeQualityReport({
      questions: run.questions,
      dropped: run.dropped,
      datasetRows: run.datasetRows,
      results: run.results,
      out: join(dir, "10k", "report.html"),
    });
    expect(bytes).toBeLessThan(MAX_REPORT_BYTES);
    expect((await stat(file)).size).toBe(bytes);
    const report = await openReport(file, "10k-report.png", false);
    expect(report.consoleErrors).toEqual([]);
    expect(report.requests).toEqual([]);
    expect(Object.values(report.sections).every((s) => s === "present")).toBe(true);
    expect(report.charts["option-length"]?.points).toBe(1500);
    expect(report.charts["evaluation-items"]?.points).toBe(1500);
    expect(report.charts["answer-positions"]?.bars).toBe(4);
    // 500 documents: a histogram of documents by question count instead of 500 bars
    expect(report.charts["coverage-documents"]?.bars).toBeLessThan(60);
    await expect(report.page.locator("#flagged-table tbody tr").count()).resolves.toBe(200);
    const moreText = await report.page.locator("#flagged .more").textContent();
    const flaggedTotal =
      run.questions.filter((q) => q.findings?.some((f) => f.severity !== "info")).length + run.dropped.length;
    expect(moreText).toContain(`${(flaggedTotal - 200).toLocaleString("en-US")} more questions not shown`);
    await expect(report.page.locator("#evaluation .note").first().textContent()).resolves.toBeDefined();
    await expect(report.page.getByText(/A sample of 1,500 of [\d,]+ questions/u).count()).resolves.toBe(1);
    await expectInert(report.page);
    await report.page.close();
  });
});
