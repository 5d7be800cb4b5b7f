import type { MachineInfo } from "./machine-info.js";
import { formatSpread } from "./run-statistics.js";
import type { WorkloadReport } from "./workload-report.js";

/** Parameters of {@link renderBenchmarksMarkdown}. */
export interface RenderBenchmarksMarkdownParams {
  mode: "full" | "smoke";
  runs: number;
  machine: MachineInfo;
  reports: WorkloadReport[];
  /** Workloads that broke, with the error. */
  broken: { key: string; message: string }[];
  /** When the run started (ISO) and how long the whole run took. */
  startedAt: string;
  durationSeconds: number;
}

function table(header: string[], rows: string[][]): string {
  const escapeCell = (cell: string) => cell.replace(/\|/g, "\\|");
  return [
    `| ${header.map(escapeCell).join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(escapeCell).join(" | ")} |`),
  ].join("\n");
}

/** What this run did: measured every section, only some (`--update`: the others kept), or none (re-rendered). */
function runDescription(params: {
  reports: readonly WorkloadReport[];
  startedAt: string;
  durationSeconds: number;
}): string {
  const kept = params.reports.filter((r) => r.measured && r.measured.startedAt < params.startedAt);
  const took = `this run took ${(params.durationSeconds / 60).toFixed(1)} minutes`;
  if (kept.length === 0) return took;
  if (kept.length === params.reports.length) {
    return "re-rendered from the results of earlier runs (each section says when it was measured)";
  }
  const measured = params.reports.filter((r) => !kept.includes(r)).map((r) => r.title);
  return `${took} and measured ${measured.join(", ")}; the other sections are kept from earlier runs (each section says when it was measured)`;
}

/**
 * Renders BENCHMARKS.md: machine and versions, then per workload what both sides did, a table of medians with their
 * spread (min–max over interleaved runs), ratios, targets hit or missed, and why we are slower where we are.
 *
 * @example
 * await writeFile("BENCHMARKS.md", renderBenchmarksMarkdown({ mode: "full", runs: 3, machine, reports, broken: [], startedAt, durationSeconds }));
 */
export function renderBenchmarksMarkdown(params: RenderBenchmarksMarkdownParams): string {
  const { machine } = params;
  const out: string[] = [];
  out.push("# Benchmarks: domain-eval side by side with the Python tools", "");
  if (params.mode === "smoke") {
    out.push(
      "> **Smoke-sized numbers** (tiny workloads, for CI: they show the code paths work, not how fast they are). Run `npm run bench` for the full-size numbers.",
      "",
    );
  }
  const commits = [...new Set(params.reports.map((r) => r.measured?.commit ?? "unknown"))];
  const stamp =
    commits.length === 1
      ? ` Measured commit: \`${commits[0]}\`.`
      : ` Sections come from more than one run (\`--update\`): each section names the commit it measured (${commits.map((c) => `\`${c}\``).join(", ")}).`;
  out.push(
    `Written by \`npm run ${params.mode === "full" ? "bench" : "bench:smoke"}\` (apps/bench) on ${params.startedAt.slice(0, 10)}; ${runDescription(params)}.${stamp} ` +
      `Each side ran ${params.runs} time(s) unless its section says otherwise, interleaved (the order rotates every run), each run in a fresh process; cells show the median and, in brackets, the min–max over runs. ` +
      "Ratios pair run *i* of ours with run *i* of the other tool and are oriented so that **above 1 means ours is better**.",
    "",
    "## Machine and versions",
    "",
    table(
      ["", ""],
      [
        ["CPU", `${machine.cpu} (${machine.cores} cores)`],
        ["memory", `${machine.memoryGB} GB`],
        ["OS", machine.os],
        ["Node", machine.node],
        ["Python", machine.python],
        [
          "load average (1 min) while measuring",
          params.reports
            .filter((r) => r.measured)
            .map(
              (r) =>
                `${r.title.replace(/^\d+\.\s*/, "")}: ${r.measured?.loadAverageBefore} → ${r.measured?.loadAverageAfter} (max ${r.measured?.loadAverageMax})`,
            )
            .join("; ") || "not recorded",
        ],
        ...(machine.argillaServer
          ? [["Argilla server", `${machine.argillaServer} (with OpenSearch and Redis on the same machine)`]]
          : []),
        ...Object.entries(machine.versions),
      ],
    ),
    "",
    "## Summary",
    "",
    table(
      ["workload", "target", "measured", "result"],
      params.reports.flatMap((r) =>
        r.targets.map((t) => [r.title, t.target, t.measured, t.hit ? "hit" : "**MISSED**"]),
      ),
    ),
    "",
  );
  for (const broken of params.broken) out.push(`**${broken.key} broke**: ${broken.message}`, "");
  for (const report of params.reports) {
    out.push(`## ${report.title}`, "");
    if (report.measured) {
      const m = report.measured;
      out.push(
        `*Measured at commit \`${m.commit}\` on ${m.startedAt.slice(0, 16).replace("T", " ")} UTC in ${(m.durationSeconds / 60).toFixed(1)} min, ${new Set(report.runs.map((r) => r.run)).size} interleaved run(s) per side; load average (1 min) ${m.loadAverageBefore} at the start, ${m.loadAverageAfter} at the end, ${m.loadAverageMax} at most, on ${machine.cores} cores.*`,
        "",
      );
    }
    out.push(report.setup, "");
    out.push(
      table(
        ["side", ...report.columns],
        report.rows.map((row) => [row.side, ...row.cells]),
      ),
      "",
    );
    for (const ratio of report.ratios) out.push(`- ${ratio.label}: **${formatSpread({ spread: ratio.spread })}×**`);
    out.push("");
    for (const note of report.notes) out.push(`- ${note}`);
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}
