// Writes 100,000 generated rows through writeDatasetFolder from an async stream and reports time, peak memory and
// file sizes. Run with `npm run bench` (it builds first). Numbers are printed, not asserted.
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeDatasetFolder } from "../dist/index.js";

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);

async function* rows() {
  for (let i = 0; i < ROWS; i++) {
    const options = ["alpha", "beta", "gamma", "delta"].map((w) => `${w} option for question ${i} — ünïcödé 😀`);
    yield {
      id: `q-${i}`,
      question: `Question ${i}: what does section ${i % 97} of the policy require when the treasury limit is exceeded? ${"context ".repeat(i % 20)}`,
      subject: "finance",
      choices: options,
      answer: i % 4,
      source_document_id: `doc-${i % 300}`,
      source_chunk_id: `doc-${i % 300}#${i}`,
      citations: [`The limit in section ${i % 97} applies to every desk.`],
      generator_model: "bench-model",
      prompt_version: "exam-v1",
      review_status: i % 3 === 0 ? "unreviewed" : "submitted",
      reviewer_count: i % 3 === 0 ? 0 : 2,
      agreement: i % 3 === 0 ? null : 1,
    };
  }
}

const work = await mkdtemp(join(tmpdir(), "hub-publisher-bench-"));
let peakRss = process.memoryUsage().rss;
let peakHeapAfterGc = 0;
const baseline = peakRss;
const timer = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);
const started = performance.now();
const folder = await writeDatasetFolder({
  items: rows(),
  dir: join(work, "bench"),
  card: { prettyName: "Bench", license: "apache-2.0", language: "en" },
  onProgress: ({ rows: n }) => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (n % 20_000 === 0) {
      // With --expose-gc, the live heap after a collection shows what the writer really keeps.
      if (globalThis.gc) {
        globalThis.gc();
        peakHeapAfterGc = Math.max(peakHeapAfterGc, process.memoryUsage().heapUsed);
      }
      process.stderr.write(`  ${n} rows\n`);
    }
  },
});
const seconds = (performance.now() - started) / 1000;
clearInterval(timer);
const sizes = await Promise.all(
  folder.files.map(async (f) => `${f} ${((await stat(join(folder.dir, f))).size / 1e6).toFixed(1)} MB`),
);
console.log(
  JSON.stringify(
    {
      rows: ROWS,
      seconds: Number(seconds.toFixed(2)),
      rowsPerSecond: Math.round(ROWS / seconds),
      peakRssMB: Math.round(peakRss / 1e6),
      rssGrowthMB: Math.round((peakRss - baseline) / 1e6),
      ...(peakHeapAfterGc ? { peakLiveHeapMB: Math.round(peakHeapAfterGc / 1e6) } : {}),
      files: sizes,
    },
    null,
    2,
  ),
);
await rm(work, { recursive: true, force: true });
