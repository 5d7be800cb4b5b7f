import { describe, expect, it } from "vitest";
import type { MachineInfo } from "./machine-info.js";
import { renderBenchmarksMarkdown } from "./render-benchmarks-markdown.js";
import { spreadOf } from "./run-statistics.js";
import type { WorkloadReport } from "./workload-report.js";

const machine: MachineInfo = {
  cpu: "Test CPU",
  cores: 2,
  memoryGB: 24,
  os: "Linux 6",
  node: "v20.20.2",
  python: "3.11.7",
  versions: { "@langchain/openai": "1.5.8", "distilabel (PyPI)": "1.5.3" },
  argillaServer: "2.8.0",
  commit: "abc123def456",
};

const report: WorkloadReport = {
  key: "ingestion",
  title: "2. Review ingestion",
  setup: "10,000 items into Argilla.",
  columns: ["records/s"],
  rows: [
    { side: "ours", cells: ["95 (90–99)"] },
    { side: "argilla SDK | log", cells: ["85"] },
  ],
  ratios: [{ label: "records/s, ours / argilla SDK", spread: spreadOf({ values: [1.1, 1.12, 1.2] }) }],
  targets: [
    { target: "≥ 2× the Python SDK's records/s", measured: "1.12×", hit: false },
    { target: "nothing lost or duplicated", measured: "verified", hit: true },
  ],
  notes: ["The server sets the pace."],
  runs: [],
};

const params = {
  runs: 3,
  machine,
  reports: [report],
  broken: [],
  startedAt: "2026-11-28T21:00:00.000Z",
  durationSeconds: 600,
};

describe("renderBenchmarksMarkdown", () => {
  it("shows machine, versions, every target with hit or MISSED, ratios with spread, and the notes", () => {
    const md = renderBenchmarksMarkdown({ ...params, mode: "full" });
    expect(md).toContain("| CPU | Test CPU (2 cores) |");
    expect(md).toContain("| distilabel (PyPI) | 1.5.3 |");
    expect(md).toContain("| 2. Review ingestion | ≥ 2× the Python SDK's records/s | 1.12× | **MISSED** |");
    expect(md).toContain("| 2. Review ingestion | nothing lost or duplicated | verified | hit |");
    expect(md).toContain("records/s, ours / argilla SDK: **1.12 (1.10–1.20)×**");
    expect(md).toContain("- The server sets the pace.");
    expect(md).toContain("took 10.0 minutes");
    expect(md).toContain("load average (1 min) while measuring | not recorded |");
    expect(md).not.toMatch(/smoke/i);
  });

  it("stamps each section with the commit and load it was measured at, and says when sections come from several commits", () => {
    const measured = {
      commit: "abc123def456",
      startedAt: "2026-11-30T13:30:00.000Z",
      durationSeconds: 120,
      loadAverageBefore: 3.1,
      loadAverageAfter: 4.2,
      loadAverageMax: 6.5,
    };
    const one = renderBenchmarksMarkdown({ ...params, mode: "full", reports: [{ ...report, measured }] });
    expect(one).toContain("Measured commit: `abc123def456`.");
    expect(one).toContain(
      "*Measured at commit `abc123def456` on 2026-11-30 13:30 UTC in 2.0 min, 0 interleaved run(s) per side; load average (1 min) 3.1 at the start, 4.2 at the end, 6.5 at most, on 2 cores.*",
    );
    expect(one).toContain("| load average (1 min) while measuring | Review ingestion: 3.1 → 4.2 (max 6.5) |");
    const two = renderBenchmarksMarkdown({
      ...params,
      mode: "full",
      reports: [
        { ...report, measured },
        { ...report, key: "reading", title: "4. Reading reviews", measured: { ...measured, commit: "fff000" } },
      ],
    });
    expect(two).toContain("each section names the commit it measured (`abc123def456`, `fff000`)");
  });

  it("says which sections an --update run measured and that the others are kept, instead of a run time for all", () => {
    const stamp = (startedAt: string) => ({
      commit: "abc123def456",
      startedAt,
      durationSeconds: 60,
      loadAverageBefore: 1,
      loadAverageAfter: 1,
      loadAverageMax: 1,
    });
    const md = renderBenchmarksMarkdown({
      ...params,
      mode: "full",
      startedAt: "2026-11-30T14:00:00.000Z",
      durationSeconds: 6,
      reports: [
        { ...report, measured: stamp("2026-11-30T13:00:00.000Z") },
        { ...report, key: "reading", title: "4. Reading reviews", measured: stamp("2026-11-30T14:00:00.000Z") },
      ],
    });
    expect(md).toContain(
      "this run took 0.1 minutes and measured 4. Reading reviews; the other sections are kept from earlier runs",
    );
    const none = renderBenchmarksMarkdown({
      ...params,
      mode: "full",
      startedAt: "2026-11-30T14:00:00.000Z",
      reports: [{ ...report, measured: stamp("2026-11-30T13:00:00.000Z") }],
    });
    expect(none).toContain("re-rendered from the results of earlier runs");
  });

  it("labels smoke numbers as smoke, escapes pipes in cells, and reports broken workloads", () => {
    const md = renderBenchmarksMarkdown({
      ...params,
      mode: "smoke",
      broken: [{ key: "reading", message: "401 from Argilla" }],
    });
    expect(md).toMatch(/Smoke-sized numbers/);
    expect(md).toContain("argilla SDK \\| log");
    expect(md).toContain("**reading broke**: 401 from Argilla");
  });
});
