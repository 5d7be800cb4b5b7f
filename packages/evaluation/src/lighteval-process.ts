import { spawn } from "node:child_process";

/** What a finished (or stopped) child process left. */
export interface ProcessOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The last 64 kB of stderr and stdout, interleaved. */
  tail: string;
  /** True when the run was stopped through the abort signal. */
  aborted: boolean;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal colour codes start with ESC
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/gu;
const TAIL_BYTES = 64 * 1024;

/** LightEval's phase banners (`--- LOADING MODEL ---`) in words for progress lines. */
const PHASES: [RegExp, string][] = [
  [/--- LOADING MODEL ---/u, "loading the model"],
  [/--- INIT SEEDS ---|--- LOADING TASKS ---/u, "loading the task"],
  [/--- RUNNING MODEL ---/u, "running the model"],
  [/--- POST-PROCESSING MODEL RESPONSES ---|--- COMPUTING METRICS ---/u, "computing metrics"],
  [/--- SAVING AND PUSHING RESULTS ---/u, "saving results"],
];

/**
 * Runs a command, reporting LightEval's phases as they appear on its output, and keeps the tail of the output for
 * the failure reason. The abort signal sends SIGINT, then SIGKILL after 10 s.
 */
export function runProcess(params: {
  command: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  signal?: AbortSignal;
  onPhase?: (phase: string) => void;
}): Promise<ProcessOutcome> {
  return new Promise((resolvePromise, reject) => {
    let tail = "";
    let aborted = false;
    let lastPhase = "";
    const child = spawn(params.command, params.args, {
      env: params.env,
      cwd: params.cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const onData = (chunk: Buffer) => {
      const text = chunk.toString("utf8").replace(ANSI, "");
      tail = (tail + text).slice(-TAIL_BYTES);
      for (const [pattern, phase] of PHASES) {
        if (pattern.test(text) && phase !== lastPhase) {
          lastPhase = phase;
          params.onPhase?.(phase);
        }
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    let killTimer: NodeJS.Timeout | undefined;
    const abort = () => {
      aborted = true;
      child.kill("SIGINT");
      killTimer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    };
    if (params.signal?.aborted) abort();
    params.signal?.addEventListener("abort", abort, { once: true });
    child.on("error", (error) => {
      params.signal?.removeEventListener("abort", abort);
      reject(error);
    });
    child.on("close", (code, signal) => {
      if (killTimer) clearTimeout(killTimer);
      params.signal?.removeEventListener("abort", abort);
      resolvePromise({ code, signal, tail, aborted });
    });
  });
}

/**
 * The reason a Python process failed, from the tail of its output: the last exception line (`OSError: …`), else the
 * last non-empty line. Progress bars and log prefixes are dropped.
 */
export function failureReason(tail: string): string {
  const lines = tail
    .split(/\r?\n|\r/u)
    .map((line) => line.trim())
    .filter((line) => line !== "" && !/^\d+%\|/u.test(line));
  const exception = [...lines]
    .reverse()
    .find((line) => /^([\w.]+(Error|Exception|Exit)|KeyboardInterrupt)\b:?/u.test(line));
  const line = exception ?? lines.at(-1) ?? "no output";
  return line.length > 600 ? `${line.slice(0, 600)}…` : line;
}
