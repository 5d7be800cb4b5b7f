#!/usr/bin/env node
// npm run bench (full size, writes BENCHMARKS.md) / npm run bench:smoke (tiny sizes, CI): see README.md.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ensurePeers, evalPython } from "@domain-eval/testing";
import { deleteBenchDatasets } from "./argilla-datasets.js";
import type { BenchContext } from "./bench-context.js";
import { BENCH_SIZES } from "./bench-sizes.js";
import { loadAverage, machineInfo } from "./machine-info.js";
import { stopLiveProcesses } from "./measured-process.js";
import { renderBenchmarksMarkdown } from "./render-benchmarks-markdown.js";
import { formatSpread } from "./run-statistics.js";
import type { WorkloadReport } from "./workload-report.js";
import { benchEvaluation } from "./workloads/evaluation.js";
import { benchExport } from "./workloads/export.js";
import { benchGeneration } from "./workloads/generation.js";
import { benchIngestion } from "./workloads/ingestion.js";
import { benchLocalGeneration } from "./workloads/local-generation.js";
import { benchNearDuplicates } from "./workloads/near-duplicates.js";
import { benchReading } from "./workloads/reading.js";
import { benchValidation } from "./workloads/validation.js";

/** BENCHMARKS.md keeps everything from this line on when the bench rewrites the file. */
const KEPT_SECTIONS_MARKER = "<!-- sections below are measured separately and kept by npm run bench -->";

const WORKLOADS = [
  "generation",
  "export",
  "ingestion",
  "reading",
  "validation",
  "local-generation",
  "evaluation",
  "near-duplicates",
] as const;
type WorkloadKey = (typeof WORKLOADS)[number];
/** Workloads that run against the Argilla server (the peers are started for them). */
const ARGILLA_WORKLOADS: ReadonlySet<string> = new Set<WorkloadKey>(["ingestion", "reading"]);

const USAGE = `Usage: node dist/cli.js [--size full|smoke] [--runs N] [--only generation,export,ingestion,reading,validation,local-generation,evaluation,near-duplicates] [--out BENCHMARKS.md] [--json results.json] [--update]

--update: keep the workloads this run does not measure from the existing --json file (each keeps the commit and load it
was measured at) and write --out from all of them; without it --out holds only this run's workloads.
--from a.json,b.json: with --update, also keep workloads from these results files (later files win; this run wins over
all). --only none measures nothing: with --update and --from it only merges and re-renders.

Runs each workload on our packages and on the Python tool people use today (distilabel, the argilla SDK, datasets),
interleaved, and prints medians, spreads, ratios and targets. Exits 1 only when a workload breaks (an error, lost or
duplicated records, wrong counts), never because a target was missed. Needs the Argilla peers for ingestion and
reading (tools/peers/up.sh is run for you) and the eval venv's Python (DOMAIN_EVAL_PYTHON or tools/peers/venv.sh).
`;

function parseCli() {
  const { values } = parseArgs({
    options: {
      size: { type: "string", default: "smoke" },
      runs: { type: "string" },
      only: { type: "string" },
      out: { type: "string" },
      json: { type: "string" },
      update: { type: "boolean", default: false },
      from: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  if (values.size !== "full" && values.size !== "smoke")
    throw new TypeError(`--size must be full or smoke, got "${values.size}"`);
  const runs = Number(values.runs ?? (values.size === "full" ? 3 : 1));
  if (!Number.isInteger(runs) || runs < 1)
    throw new TypeError(`--runs must be a whole number of at least 1, got "${values.runs}"`);
  const only = (
    values.only === "none" ? [] : (values.only?.split(",").map((s) => s.trim()) ?? [...WORKLOADS])
  ) as WorkloadKey[];
  const unknown = only.filter((w) => !WORKLOADS.includes(w));
  if (unknown.length > 0)
    throw new TypeError(`--only: unknown workload(s) ${unknown.join(", ")}; choose from ${WORKLOADS.join(", ")}`);
  if (values.update && !values.json)
    throw new TypeError("--update needs --json FILE: the earlier results it keeps are read from that file");
  return {
    mode: values.size as "full" | "smoke",
    runs,
    only,
    out: values.out,
    json: values.json,
    update: values.update ?? false,
    from: values.from?.split(",").map((s) => s.trim()) ?? [],
  };
}

function printReport(report: WorkloadReport): void {
  const lines = [`\n== ${report.title}`];
  for (const row of report.rows)
    lines.push(`  ${row.side}\n    ${report.columns.map((c, i) => `${c}: ${row.cells[i]}`).join(" | ")}`);
  for (const ratio of report.ratios) lines.push(`  ${ratio.label}: ${formatSpread({ spread: ratio.spread })}×`);
  for (const t of report.targets)
    lines.push(`  ${t.hit ? "target hit   " : "TARGET MISSED"}: ${t.target} — measured ${t.measured}`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

async function main(): Promise<number> {
  const cli = parseCli();
  const started = Date.now();
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const needsArgilla = cli.only.some((key) => ARGILLA_WORKLOADS.has(key));
  const peers = needsArgilla ? await ensurePeers({ withEval: false }) : undefined;
  const python = evalPython();
  const workDir = await mkdtemp(join(tmpdir(), "domain-eval-bench-"));
  const ctx: BenchContext = {
    mode: cli.mode,
    sizes: BENCH_SIZES[cli.mode],
    runs: cli.runs,
    workDir,
    python,
    runId: `${new Date()
      .toISOString()
      .replace(/[-:T.Z]/g, "")
      .slice(0, 14)}-${process.pid}`,
    ...(peers
      ? {
          argilla: {
            url: peers.argillaUrl,
            apiKey: peers.argillaApiKey,
            reviewerApiKey: peers.reviewerApiKey,
            workspace: "argilla",
          },
        }
      : {}),
    log,
  };
  const interrupted = async () => {
    log("interrupted: stopping workers and deleting the Argilla datasets this run created");
    stopLiveProcesses();
    await deleteBenchDatasets({});
    await rm(workDir, { recursive: true, force: true });
    process.exit(130);
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);

  const machine = await machineInfo({ python, ...(peers ? { argillaUrl: peers.argillaUrl } : {}) });
  log(
    `bench (${cli.mode}, ${cli.runs} run(s) per side): ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, Python ${machine.python}`,
  );
  const reports: WorkloadReport[] = [];
  const broken: { key: string; message: string }[] = [];
  let kept: { id: string; name: string; itemIds: string[] } | undefined;
  try {
    for (const key of WORKLOADS) {
      if (!cli.only.includes(key)) continue;
      log(`\n${key}:`);
      const workloadStarted = Date.now();
      const loadBefore = loadAverage()[0];
      let loadMax = loadBefore;
      const sampler = setInterval(() => {
        loadMax = Math.max(loadMax, loadAverage()[0]);
      }, 10_000);
      try {
        if (key === "generation") reports.push(await benchGeneration({ ctx }));
        if (key === "export") reports.push(await benchExport({ ctx }));
        if (key === "ingestion") {
          const result = await benchIngestion({ ctx, keepLastOurs: cli.only.includes("reading") });
          reports.push(result.report);
          kept = result.kept;
        }
        if (key === "reading") reports.push(await benchReading({ ctx, ...(kept ? { dataset: kept } : {}) }));
        if (key === "validation") reports.push(await benchValidation({ ctx }));
        if (key === "local-generation") reports.push(await benchLocalGeneration({ ctx }));
        if (key === "evaluation") reports.push(await benchEvaluation({ ctx }));
        if (key === "near-duplicates") reports.push(await benchNearDuplicates({ ctx }));
        const report = reports.at(-1);
        if (report?.key === key) {
          const loadAfter = loadAverage()[0];
          report.measured = {
            commit: machine.commit,
            startedAt: new Date(workloadStarted).toISOString(),
            durationSeconds: (Date.now() - workloadStarted) / 1000,
            loadAverageBefore: loadBefore,
            loadAverageAfter: loadAfter,
            loadAverageMax: Math.max(loadMax, loadAfter),
          };
          printReport(report);
        }
      } catch (error) {
        broken.push({ key, message: (error as Error).message });
        log(`\n${key} BROKE: ${(error as Error).message}`);
      } finally {
        clearInterval(sampler);
      }
    }
  } finally {
    const problems = await deleteBenchDatasets({});
    for (const p of problems) broken.push({ key: "cleanup", message: `could not delete Argilla ${p}` });
    await rm(workDir, { recursive: true, force: true });
  }

  const durationSeconds = (Date.now() - started) / 1000;
  // --update: the workloads not measured now keep their earlier report (with its commit and load) from --json.
  type Results = { reports?: WorkloadReport[]; machine?: { argillaServer?: string } };
  const readResults = (file: string) =>
    readFile(resolve(file), "utf8")
      .then((text) => JSON.parse(text) as Results)
      .catch(() => ({}) as Results);
  const earlier = new Map<string, WorkloadReport>();
  // the Argilla server the kept sections measured, when this run started none
  let earlierArgilla: string | undefined;
  if (cli.update && cli.json) {
    for (const file of [cli.json, ...cli.from]) {
      const results = await readResults(file);
      for (const r of results.reports ?? []) earlier.set(r.key, r);
      earlierArgilla = results.machine?.argillaServer ?? earlierArgilla;
    }
  }
  const measuredKeys = new Set<string>([...reports.map((r) => r.key), ...broken.map((b) => b.key)]);
  const keptReports = [...earlier.values()].filter((r) => !measuredKeys.has(r.key));
  const allReports = [...keptReports, ...reports].sort((a, b) => WORKLOADS.indexOf(a.key) - WORKLOADS.indexOf(b.key));
  const keptUseArgilla = keptReports.some((r) => ARGILLA_WORKLOADS.has(r.key));
  const shownMachine =
    !machine.argillaServer && keptUseArgilla && earlierArgilla
      ? { ...machine, argillaServer: earlierArgilla }
      : machine;
  const markdown = renderBenchmarksMarkdown({
    mode: cli.mode,
    runs: cli.runs,
    machine: shownMachine,
    reports: allReports,
    broken,
    startedAt: new Date(started).toISOString(),
    durationSeconds,
  });
  if (cli.out) {
    // Sections measured by hand (local models, see scripts/measure-grounding.mjs) follow this marker and are kept.
    const kept = await readFile(resolve(cli.out), "utf8")
      .then((old) => old.slice(Math.max(0, old.indexOf(KEPT_SECTIONS_MARKER))))
      .catch(() => "");
    await writeFile(
      resolve(cli.out),
      kept.startsWith(KEPT_SECTIONS_MARKER) ? `${markdown.trimEnd()}\n\n${kept}` : markdown,
    );
    log(`\nwrote ${resolve(cli.out)}`);
  }
  if (cli.json)
    await writeFile(
      resolve(cli.json),
      `${JSON.stringify({ mode: cli.mode, machine: shownMachine, reports: allReports, broken, durationSeconds }, null, 2)}\n`,
    );
  const missed = reports.flatMap((r) =>
    r.targets.filter((t) => !t.hit).map((t) => `${r.title}: ${t.target} (measured ${t.measured})`),
  );
  process.stdout.write(
    `\nfinished in ${(durationSeconds / 60).toFixed(1)} min; ${reports.length} workload(s) ran, ${broken.length} broke, ${missed.length} target(s) missed\n`,
  );
  for (const m of missed) process.stdout.write(`  missed: ${m}\n`);
  for (const b of broken) process.stdout.write(`  BROKE: ${b.key}: ${b.message.split("\n")[0]}\n`);
  return broken.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`bench: ${error.message}\n\n${error instanceof TypeError ? USAGE : ""}`);
    process.exit(error instanceof TypeError ? 2 : 1);
  },
);
