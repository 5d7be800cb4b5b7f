import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchSizes } from "./bench-sizes.js";

/** What every workload needs: sizes, where to write, how to run each side, and the Argilla server. */
export interface BenchContext {
  mode: "full" | "smoke";
  sizes: BenchSizes;
  /** Interleaved runs per side. */
  runs: number;
  /** Scratch folder for this bench run (deleted at the end). */
  workDir: string;
  /** The eval venv's Python (distilabel, argilla SDK, datasets). */
  python: string;
  /** Unique per bench run; prefixes every Argilla dataset it creates. */
  runId: string;
  argilla?: { url: string; apiKey: string; reviewerApiKey: string; workspace: string };
  /** Progress lines (stderr). */
  log: (line: string) => void;
}

const distDir = dirname(fileURLToPath(import.meta.url));

/**
 * Path of a compiled Node worker (`dist/workers/<name>.js`).
 *
 * @example
 * runMeasuredProcess({ label: "ours", command: process.execPath, args: [nodeWorkerPath({ name: "generate-exam" })], job });
 */
export function nodeWorkerPath(params: { name: string }): string {
  return join(distDir, "workers", `${params.name}.js`);
}

/**
 * Path of a Python side script (`apps/bench/python/<name>.py`).
 *
 * @example
 * runMeasuredProcess({ label: "distilabel", command: ctx.python, args: [pythonScriptPath({ name: "generate_distilabel" })], job });
 */
export function pythonScriptPath(params: { name: string }): string {
  return join(distDir, "..", "python", `${params.name}.py`);
}

/**
 * The order of sides in run `run`: rotated each run, so no side always goes first (interleaved runs).
 *
 * @example
 * interleavedOrder({ sides: ["ours", "python"], run: 1 }); // ["python", "ours"]
 */
export function interleavedOrder<T>(params: { sides: readonly T[]; run: number }): T[] {
  const { sides, run } = params;
  const shift = run % sides.length;
  return [...sides.slice(shift), ...sides.slice(0, shift)];
}
