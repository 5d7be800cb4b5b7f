import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The monorepo root (the folder holding `tools/peers`), found from this file's location. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "tools", "peers")) || !existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("cannot find the domain-eval repo root (a folder with tools/peers)");
    dir = parent;
  }
  return dir;
}

let cachedEvalPython: string | undefined;

/**
 * The Python interpreter of the evaluation venv (lighteval 0.13, datasets, transformers, torch, the argilla SDK):
 * `$DOMAIN_EVAL_PYTHON` when set, else the venv that `tools/peers/venv.sh eval` ensures (installed once per machine,
 * cached outside the clone).
 */
export function evalPython(): string {
  if (cachedEvalPython) return cachedEvalPython;
  const fromEnv = process.env.DOMAIN_EVAL_PYTHON;
  if (fromEnv) {
    cachedEvalPython = resolve(fromEnv);
    return cachedEvalPython;
  }
  const venv = execFileSync("bash", [join(repoRoot(), "tools", "peers", "venv.sh"), "eval"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  cachedEvalPython = join(venv, "bin", "python");
  process.env.DOMAIN_EVAL_PYTHON = cachedEvalPython;
  return cachedEvalPython;
}

/** Environment for running Python tools offline (no hub downloads are possible here). */
export function offlinePythonEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HF_HUB_OFFLINE: "1",
    HF_DATASETS_OFFLINE: "1",
    TRANSFORMERS_OFFLINE: "1",
    HF_HUB_DISABLE_TELEMETRY: "1",
    GIT_PYTHON_REFRESH: "quiet",
    TOKENIZERS_PARALLELISM: "false",
    ...extra,
  };
}
