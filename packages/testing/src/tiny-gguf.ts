import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { evalPython, offlinePythonEnv } from "./python.js";

const run = promisify(execFile);

/** The `gguf` writer from llama.cpp, pure Python, installed once per machine outside the clone. */
const GGUF_PY_VERSION = "0.19.0";
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "..", "python", "make-tiny-gguf.py");

async function ggufPythonPath(python: string): Promise<string> {
  // local-model's domainEvalCacheDir rule (this package does not depend on it): unset or empty means the default
  const cacheRoot = process.env.DOMAIN_EVAL_CACHE || join(homedir(), ".cache", "domain-eval");
  const target = join(cacheRoot, "local-model", `gguf-${GGUF_PY_VERSION}`);
  if (existsSync(join(target, "gguf", "__init__.py"))) return target;
  const staging = `${target}.${process.pid}.tmp`;
  await mkdir(dirname(target), { recursive: true });
  await rm(staging, { recursive: true, force: true });
  // numpy, pyyaml, tqdm and requests come from the eval venv; gguf itself is pure Python.
  await run(python, ["-m", "pip", "install", "--quiet", "--no-deps", "--target", staging, `gguf==${GGUF_PY_VERSION}`]);
  await rename(staging, target).catch(async (error) => {
    // Another test process won the race: use its copy.
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(target)) throw error;
  });
  return target;
}

/**
 * Writes a tiny random-weight llama GGUF (for node-llama-cpp tests: no model can be downloaded here) (ChatML template, byte-fallback vocabulary) into `dir` and returns its path.
 * With `hugeHeaderOnly`, writes only a header whose tensors claim ~256 GiB, to test the out-of-memory refusal.
 */
export async function makeTinyGguf(params: {
  dir: string;
  fileName?: string;
  hugeHeaderOnly?: boolean;
  seed?: number;
}) {
  const python = evalPython();
  const pythonPath = await ggufPythonPath(python);
  const out = join(params.dir, params.fileName ?? (params.hugeHeaderOnly ? "huge.gguf" : "tiny-random-llama.gguf"));
  const args = [SCRIPT, "--out", out, "--seed", String(params.seed ?? 7)];
  if (params.hugeHeaderOnly) args.push("--huge-header-only");
  await run(python, args, { env: offlinePythonEnv({ PYTHONPATH: pythonPath }) });
  return out;
}
