import { readFileSync } from "node:fs";
import { cpus, release, totalmem, type } from "node:os";
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
}

const OUR_PACKAGES = [
  "@domain-eval/question-chain",
  "@domain-eval/argilla-client",
  "@domain-eval/hub-publisher",
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
    ...(argillaServer ? { argillaServer } : {}),
  };
}
