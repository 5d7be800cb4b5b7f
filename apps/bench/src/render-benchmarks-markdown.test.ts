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
    expect(md).not.toMatch(/smoke/i);
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
