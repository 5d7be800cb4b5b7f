import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { domainEvalCacheDir } from "@domain-eval/local-model/embedded-models";

/** The llama-cpp-python release compared against: a source package on PyPI, built with cmake and g++. */
export const LLAMA_CPP_PYTHON = "llama-cpp-python==0.3.36";

function run(command: string, args: string[], log: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(log, { flags: "a" });
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 1));
  });
}

/**
 * The venv holding llama-cpp-python, cached outside the clone in `${DOMAIN_EVAL_CACHE:-~/.cache/domain-eval}` and
 * keyed by a hash of what is installed. Builds it when absent and `build` is true (several minutes of compiling
 * llama.cpp); otherwise returns `undefined`, so a smoke run never compiles.
 *
 * @example
 * const python = await llamaCppPythonVenv({ build: ctx.mode === "full", log: ctx.log });
 */
export async function llamaCppPythonVenv(params: {
  build: boolean;
  log: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}): Promise<{ python: string } | { missing: string }> {
  const env = params.env ?? process.env;
  const cache = domainEvalCacheDir({ env });
  const key = createHash("sha256").update(`${LLAMA_CPP_PYTHON}\npython3\ncpu-default`).digest("hex").slice(0, 12);
  const dir = join(cache, `venv-llama-cpp-python-${key}`);
  const python = join(dir, "bin", "python");
  if (existsSync(join(dir, ".ready"))) return { python };
  if (!params.build) return { missing: `no llama-cpp-python venv at ${dir} (npm run bench builds it once)` };
  await mkdir(cache, { recursive: true });
  const work = `${dir}.building-${process.pid}`;
  const log = `${dir}.install.log`;
  params.log(`building ${LLAMA_CPP_PYTHON} into ${dir} (once; compiles llama.cpp, several minutes; log ${log})`);
  await rm(work, { recursive: true, force: true });
  try {
    if ((await run("python3", ["-m", "venv", work], log)) !== 0) throw new Error(`python3 -m venv failed (see ${log})`);
    const pip = join(work, "bin", "pip");
    const code = await run(pip, ["install", "--no-input", "--disable-pip-version-check", LLAMA_CPP_PYTHON], log, {
      ...env,
      CMAKE_BUILD_PARALLEL_LEVEL: String(Math.max(1, (await import("node:os")).availableParallelism())),
    });
    if (code !== 0) throw new Error(`pip install ${LLAMA_CPP_PYTHON} failed (needs cmake and g++; see ${log})`);
    await writeFile(join(work, ".ready"), `${LLAMA_CPP_PYTHON}\n`);
    await rm(dir, { recursive: true, force: true });
    await rename(work, dir);
    return { python };
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}
