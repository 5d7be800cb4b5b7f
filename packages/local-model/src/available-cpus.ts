import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";

/** Where the CPU count comes from; every field can be swapped in tests. */
export interface AvailableCpusParams {
  /** CPUs the OS lets this process run on (default `os.availableParallelism()`, which honours the affinity mask). */
  availableParallelism?: () => number;
  /** Reads a file as text, or throws when it is absent (default `fs.readFileSync(path, "utf8")`). */
  readFile?: (path: string) => string;
  /** Mount point of the cgroup file system (default `/sys/fs/cgroup`). */
  cgroupRoot?: string;
}

/**
 * How many CPUs this process may really use: the affinity mask (`os.availableParallelism()`), lowered to the
 * cgroup CPU quota when one is set (cgroup v2 `cpu.max`, or v1 `cpu.cfs_quota_us` / `cpu.cfs_period_us`), as
 * containers and CI runners set it. A quota of 1.5 CPUs gives 2 (a partly used CPU still helps); never less than 1.
 * Running more llama.cpp threads than this makes threads wait for each other: ~100x slower on a 2-core machine.
 *
 * @example
 * ```ts
 * const threads = availableCpus(); // 2 in a container limited to 2 CPUs on a 64-core host
 * ```
 */
export function availableCpus(params: AvailableCpusParams = {}): number {
  const parallelism = Math.max(1, Math.floor((params.availableParallelism ?? availableParallelism)()));
  const quota = cgroupCpuQuota(params);
  return quota === undefined ? parallelism : Math.max(1, Math.min(parallelism, Math.ceil(quota)));
}

/** The cgroup CPU quota in CPUs (e.g. 1.5), or undefined when none is set or none can be read. */
export function cgroupCpuQuota(params: Omit<AvailableCpusParams, "availableParallelism"> = {}): number | undefined {
  const read = params.readFile ?? ((path: string) => readFileSync(path, "utf8"));
  const root = params.cgroupRoot ?? "/sys/fs/cgroup";
  const tryRead = (path: string): string | undefined => {
    try {
      return read(path).trim();
    } catch {
      return undefined;
    }
  };
  const quotas: number[] = [];

  // cgroup v2: "max 100000" (no limit) or "150000 100000"; check this process's own group and its parents.
  const membership = tryRead("/proc/self/cgroup") ?? "";
  const v2Path = /^0::(\/.*)$/mu.exec(membership)?.[1] ?? "/";
  const v2Dirs = new Set<string>();
  for (let dir = v2Path; ; dir = dir.slice(0, Math.max(0, dir.lastIndexOf("/"))) || "/") {
    v2Dirs.add(dir);
    if (dir === "/") break;
  }
  for (const dir of v2Dirs) {
    const text = tryRead(`${root}${dir === "/" ? "" : dir}/cpu.max`);
    const [limit, period] = text?.split(/\s+/u) ?? [];
    if (limit && period && limit !== "max" && Number(limit) > 0 && Number(period) > 0) {
      quotas.push(Number(limit) / Number(period));
    }
  }

  // cgroup v1: cpu.cfs_quota_us is -1 when unlimited.
  for (const dir of ["cpu", "cpu,cpuacct", "cpuacct,cpu"]) {
    const limit = Number(tryRead(`${root}/${dir}/cpu.cfs_quota_us`));
    const period = Number(tryRead(`${root}/${dir}/cpu.cfs_period_us`));
    if (limit > 0 && period > 0) quotas.push(limit / period);
  }
  return quotas.length > 0 ? Math.min(...quotas) : undefined;
}

/**
 * Threads a local chat model generates with when none are given: the CPUs this process may use
 * ({@link availableCpus}), at most the cores llama.cpp finds useful for math, less one, and at least 1. node-llama-cpp
 * hands every token between the JavaScript thread and a worker thread twice (evaluate, then sample); when llama.cpp's
 * threads occupy every CPU, each hand-over waits for one of them to yield. On a 2-CPU machine 1 thread generated the
 * embedded SmolLM2 at ~130 tokens/s against 56–105 with 2 (see BENCHMARKS.md).
 *
 * @example
 * ```ts
 * defaultGenerationThreads({ cpus: 2, cpuMathCores: 2 }); // 1
 * defaultGenerationThreads({ cpus: 8, cpuMathCores: 4 }); // 3
 * ```
 */
export function defaultGenerationThreads(params: { cpus: number; cpuMathCores: number }): number {
  return Math.max(1, Math.min(params.cpus, params.cpuMathCores) - 1);
}
