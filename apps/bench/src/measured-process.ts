import { type ChildProcess, spawn } from "node:child_process";
import { text } from "node:stream/consumers";

/** Child processes still running (workers, the scripted server), so an interrupted run can stop them. */
const liveChildren = new Set<ChildProcess>();

/**
 * Remembers a child process until it exits, so {@link stopLiveProcesses} can stop it.
 *
 * @example
 * trackChildProcess({ child: spawn(process.execPath, [cli]) });
 */
export function trackChildProcess(params: { child: ChildProcess }): void {
  liveChildren.add(params.child);
  params.child.once("exit", () => liveChildren.delete(params.child));
}

/**
 * Sends SIGTERM to every child process this run started that is still running (on Ctrl-C).
 *
 * @example
 * process.once("SIGINT", () => { stopLiveProcesses(); process.exit(130); });
 */
export function stopLiveProcesses(): void {
  for (const child of liveChildren) child.kill("SIGTERM");
}

/** Parameters of {@link runMeasuredProcess}. */
export interface RunMeasuredProcessParams {
  /** What the process is, for error messages, e.g. "distilabel generation". */
  label: string;
  /** Executable: `process.execPath` for a Node worker, the eval venv's Python for a Python script. */
  command: string;
  /** Arguments, e.g. `["dist/workers/generate-exam.js"]`. */
  args: string[];
  /** The job, sent as JSON on standard input (never in arguments, so keys stay out of `ps`). */
  job: unknown;
  /** Extra environment variables (e.g. `ARGILLA_API_KEY`), over this process's environment. */
  env?: Record<string, string>;
  /** Kill the process after this long (default 30 minutes). */
  timeoutMs?: number;
}

/** When the bench spawned a measured process and when it exited (epoch ms, `Date.now()`), for start-up clocks. */
export interface ProcessClock {
  processSpawnedAt: number;
  processExitedAt: number;
}

/**
 * Runs one side of a benchmark in a fresh process (so CPU time and peak memory are its own) and returns the JSON
 * object it printed as its last line on standard output, with when the process was spawned and when it exited
 * (`processSpawnedAt`, `processExitedAt`: the same clock for both sides, so start-up is measured alike).
 *
 * @throws Error naming the label, the exit code and the end of standard error when the process fails.
 * @example
 * const result = await runMeasuredProcess({ label: "ours", command: process.execPath,
 *   args: [workerPath("generate-exam")], job: { baseUrl, chunksPath, concurrency: 16 } });
 */
export async function runMeasuredProcess<T = Record<string, unknown>>(
  params: RunMeasuredProcessParams,
): Promise<T & ProcessClock> {
  const processSpawnedAt = Date.now();
  const child = spawn(params.command, params.args, {
    env: { ...process.env, ...params.env },
    stdio: ["pipe", "pipe", "pipe"],
    timeout: params.timeoutMs ?? 30 * 60_000,
  });
  trackChildProcess({ child });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on("error", (error) =>
      reject(new Error(`${params.label}: cannot start ${params.command}: ${error.message}`)),
    );
    child.on("close", (code, signal) => resolve({ code, signal }));
  });
  const stdout = text(child.stdout);
  const stderr = text(child.stderr);
  child.stdin.end(JSON.stringify(params.job));
  const [{ code, signal }, out, err] = await Promise.all([exited, stdout, stderr]);
  const processExitedAt = Date.now();
  const tail = err.split("\n").slice(-25).join("\n");
  if (code !== 0) {
    throw new Error(
      `${params.label} failed (${signal ? `killed by ${signal}` : `exit ${code}`}); end of its stderr:\n${tail}`,
    );
  }
  const last = out.trim().split("\n").at(-1) ?? "";
  try {
    return { ...(JSON.parse(last) as T), processSpawnedAt, processExitedAt };
  } catch {
    throw new Error(
      `${params.label} printed no JSON result line; its stdout ended with: ${last.slice(0, 300)}\n${tail}`,
    );
  }
}
