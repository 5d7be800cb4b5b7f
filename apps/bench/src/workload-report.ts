import type { Spread } from "./run-statistics.js";

/** One target of the issue and whether this run met it. */
export interface TargetCheck {
  /** The target as the issue states it, e.g. "≥ 2× the Python SDK's records/s". */
  target: string;
  /** What was measured, e.g. "1.12× (1.05–1.20)". */
  measured: string;
  hit: boolean;
}

/** What one workload found: a table of sides, ratios to the Python tool, targets, and notes on the why. */
export interface WorkloadReport {
  key:
    | "generation"
    | "ingestion"
    | "export"
    | "reading"
    | "validation"
    | "local-generation"
    | "evaluation"
    | "near-duplicates";
  title: string;
  /** What both sides did, in a sentence or two. */
  setup: string;
  /** Column headers after "side". */
  columns: string[];
  rows: { side: string; cells: string[] }[];
  /** Ours against the Python tool, > 1 = ours better. */
  ratios: { label: string; spread: Spread }[];
  targets: TargetCheck[];
  /** Explanations (where we are slower and why), caveats. */
  notes: string[];
  /** When, on which commit and under what load this workload was measured (set by the bench CLI). */
  measured?: {
    commit: string;
    /** ISO time the workload started. */
    startedAt: string;
    durationSeconds: number;
    /** 1-minute load average when the workload started and when it ended (the machine is shared). */
    loadAverageBefore: number;
    loadAverageAfter: number;
    /** Highest 1-minute load average sampled (every 10 s) while it ran. */
    loadAverageMax: number;
  };
  /** Every run's raw measurements, for `--json`. */
  runs: { side: string; run: number; result: Record<string, unknown> }[];
}
