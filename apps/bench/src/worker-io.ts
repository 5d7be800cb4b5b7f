import { text } from "node:stream/consumers";

/**
 * Reads the job a worker was given (JSON on standard input, see `runMeasuredProcess`).
 *
 * @example
 * const job = await readWorkerJob<{ itemsPath: string }>();
 */
export async function readWorkerJob<T>(): Promise<T> {
  return JSON.parse(await text(process.stdin)) as T;
}

/**
 * Prints a worker's result as its last line of standard output, adding the process's peak resident memory
 * (`getrusage` maxrss, KB, the same measure Python's `resource` module reports).
 *
 * @example
 * reportWorkerResult({ result: { wallMs: 1234, cpuMs: 567 } });
 */
export function reportWorkerResult(params: { result: Record<string, unknown> }): void {
  process.stdout.write(`${JSON.stringify({ ...params.result, maxRssKB: process.resourceUsage().maxRSS })}\n`);
}

/** CPU time (user + system) of this process so far, in milliseconds. */
export function cpuMilliseconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
