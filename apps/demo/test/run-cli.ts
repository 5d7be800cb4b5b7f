import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built CLI (`npm run build` first; turbo's test task does it). */
export const CLI = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "cli.js");
export const EXAMPLES = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "examples", "documents");
/** The Japanese demo documents (`npm run demo -- --docs examples/documents-ja --language ja`). */
export const EXAMPLES_JA = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "examples", "documents-ja");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment without the user's model/Argilla/Hub settings, so tests see only what they set. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of [
    "OPENAI_BASE_URL",
    "OPENAI_API_KEY",
    "DOMAIN_EVAL_MODEL",
    "DOMAIN_EVAL_MODEL_FILE",
    "HF_TOKEN",
    "ARGILLA_API_URL",
    "ARGILLA_API_KEY",
    "DOMAIN_EVAL_DOMAIN",
  ]) {
    delete env[key];
  }
  return { ...env, ...extra };
}

/** Where and as whom the CLI runs. */
export interface CliRunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Run as an unprivileged user (nobody) when the tests run as root, so file permissions apply (chmod 000). */
  unprivileged?: boolean;
}

/** Runs the CLI to completion. */
export function runCli(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, options);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => {
      stdout += d;
    });
    child.stderr?.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export function spawnCli(args: string[], options: CliRunOptions = {}): ChildProcess {
  const asNobody = options.unprivileged && process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  return spawn(process.execPath, [CLI, ...args], {
    env: options.env ?? cleanEnv(),
    cwd: options.cwd,
    stdio: ["ignore", "pipe", "pipe"],
    ...asNobody,
  });
}
