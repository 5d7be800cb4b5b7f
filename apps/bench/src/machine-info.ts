import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, release, totalmem, type } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runMeasuredProcess } from "./measured-process.js";

/** Where and with what the numbers were measured. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGB: number;
  os: string;
  node: string;
  python: string;
  /** Package → version, ours and the Python side's. */
  versions: Record<string, string>;
  argillaServer?: string;
  /** The commit measured (`git rev-parse HEAD`), with "+ uncommitted changes" when the work tree differs from it. */
  commit: string;
}

/**
 * The commit the bench measures: `git rev-parse --short=12 HEAD`, marked when tracked files differ from it.
 *
 * @example
 * measuredCommit(); // "3f2a9c1d0b7e" or "3f2a9c1d0b7e + uncommitted changes"
 */
export function measuredCommit(): string {
  try {
    const head = execFileSync("git", ["rev-parse", "--short=12", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim();
    return dirty === "" ? head : `${head} + uncommitted changes`;
  } catch {
    return "unknown (not a git checkout)";
  }
}

/**
 * The 1-, 5- and 15-minute load averages, rounded: on a shared machine they say how much else was running.
 *
 * @example
 * loadAverage(); // [3.1, 2.4, 2.2]
 */
export function loadAverage(): [number, number, number] {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return [one, five, fifteen].map((v) => Math.round(v * 100) / 100) as [number, number, number];
}

const OUR_PACKAGES = [
  "@domain-eval/question-chain",
  "@domain-eval/argilla-client",
  "@domain-eval/hub-publisher",
  "@domain-eval/local-model",
  "node-llama-cpp",
  "@langchain/openai",
  "@langchain/core",
  "openai",
];
const PYTHON_PACKAGES = ["distilabel", "argilla", "datasets", "pyarrow", "openai", "httpx"];

function packageVersion(name: string): string {
  try {
    let dir = dirname(fileURLToPath(import.meta.resolve(name)));
    for (;;) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string };
        if (pkg.name === name) return pkg.version ?? "?";
      } catch {
        // no package.json at this level
      }
      const parent = dirname(dir);
      if (parent === dir) return "?";
      dir = parent;
    }
  } catch {
    return "not installed";
  }
}

/**
 * Describes the machine, Node, the eval venv's Python and every package version that the numbers depend on.
 *
 * @example
 * const info = await machineInfo({ python: evalPython(), argillaUrl: "http://127.0.0.1:6900" });
 */
export async function machineInfo(params: { python: string; argillaUrl?: string }): Promise<MachineInfo> {
  const versions: Record<string, string> = {};
  for (const name of OUR_PACKAGES) versions[name] = packageVersion(name);
  const python = await runMeasuredProcess<{ python: string; versions: Record<string, string> }>({
    label: "python version probe",
    command: params.python,
    args: [
      "-c",
      `import json, sys, importlib.metadata as m
names = ${JSON.stringify(PYTHON_PACKAGES)}
def v(n):
    try: return m.version(n)
    except Exception: return "not installed"
print(json.dumps({"python": sys.version.split()[0], "versions": {n: v(n) for n in names}}))`,
    ],
    job: {},
  });
  for (const [name, version] of Object.entries(python.versions)) versions[`${name} (PyPI)`] = version;
  let argillaServer: string | undefined;
  if (params.argillaUrl) {
    argillaServer = await fetch(`${params.argillaUrl}/api/v1/version`)
      .then((r) => r.json() as Promise<{ version?: string }>)
      .then((b) => b.version)
      .catch(() => undefined);
  }
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 1e9),
    os: `${type()} ${release()}`,
    node: process.version,
    python: python.python,
    versions,
    commit: measuredCommit(),
    ...(argillaServer ? { argillaServer } : {}),
  };
}
