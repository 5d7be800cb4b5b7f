import { spawn } from "node:child_process";
import { evalPython, offlinePythonEnv } from "./python.js";

export interface RunEvalPythonParams {
  /** Arguments after the interpreter, e.g. `["-c", "import datasets"]` or `["-m", "lighteval", "tasks", "list"]`. */
  args: string[];
  /** Working directory; default: this process's. */
  cwd?: string;
  /** Extra environment variables, applied over the offline environment (`HF_HUB_OFFLINE=1`, ...). */
  env?: Record<string, string>;
  /** Text written to the process's standard input. */
  input?: string;
  /** Interpreter; default: the evaluation venv's (`evalPython()`). */
  python?: string;
  /** Kill the process after this many milliseconds (default 10 minutes). */
  timeoutMs?: number;
}

export interface RunEvalPythonResult {
  /** Exit code; `null` when the process was killed (see `signal`). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the evaluation venv's Python offline (no Hub downloads) and collects its output; never throws for a non-zero
 * exit, so tests can assert on failures too.
 *
 * @example
 * const { code, stdout } = await runEvalPython({ args: ["-c", "import datasets; print(datasets.__version__)"] });
 */
export function runEvalPython(params: RunEvalPythonParams): Promise<RunEvalPythonResult> {
  const python = params.python ?? evalPython();
  return new Promise((resolve, reject) => {
    const child = spawn(python, params.args, {
      cwd: params.cwd,
      env: offlinePythonEnv(params.env),
      stdio: ["pipe", "pipe", "pipe"],
      timeout: params.timeoutMs ?? 600_000,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", (error) => reject(new Error(`cannot run ${python}: ${error.message}`)));
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(params.input ?? "");
  });
}
