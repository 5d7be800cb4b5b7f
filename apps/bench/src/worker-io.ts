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

/**
 * Times `runs` answers one after another (the local-generation workers): each call returns how many tokens it
 * generated, and each run reports them with its wall seconds.
 *
 * @example
 * const results = await timeAnswers({ runs: 3, answer: async () => (await model.invoke(prompt)).usage_metadata?.output_tokens ?? 0 });
 */
export async function timeAnswers(params: {
  runs: number;
  answer: () => Promise<number>;
}): Promise<{ completion_tokens: number; seconds: number }[]> {
  const results: { completion_tokens: number; seconds: number }[] = [];
  for (let run = 0; run < params.runs; run++) {
    const started = performance.now();
    const completionTokens = await params.answer();
    results.push({ completion_tokens: completionTokens, seconds: (performance.now() - started) / 1000 });
  }
  return results;
}
