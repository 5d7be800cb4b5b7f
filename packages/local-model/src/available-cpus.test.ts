import { describe, expect, it } from "vitest";
import { availableCpus, cgroupCpuQuota, defaultGenerationThreads } from "./available-cpus.js";

/** A fake file system: path → content; other paths throw like a missing file. */
function files(entries: Record<string, string>): (path: string) => string {
  return (path) => {
    const text = entries[path];
    if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: "ENOENT" });
    return text;
  };
}

describe("availableCpus", () => {
  it("is the affinity count when no cgroup quota is set", () => {
    expect(availableCpus({ availableParallelism: () => 8, readFile: files({}) })).toBe(8);
    const unlimited = files({ "/proc/self/cgroup": "0::/\n", "/sys/fs/cgroup/cpu.max": "max 100000\n" });
    expect(availableCpus({ availableParallelism: () => 8, readFile: unlimited })).toBe(8);
  });

  it("lowers to a cgroup v2 cpu.max quota of this process's group, rounding a partial CPU up", () => {
    const readFile = files({
      "/proc/self/cgroup": "0::/system.slice/ci-runner.service\n",
      "/sys/fs/cgroup/system.slice/ci-runner.service/cpu.max": "150000 100000\n",
    });
    expect(cgroupCpuQuota({ readFile })).toBe(1.5);
    expect(availableCpus({ availableParallelism: () => 64, readFile })).toBe(2);
  });

  it("takes the tightest quota of the group and its parents", () => {
    const readFile = files({
      "/proc/self/cgroup": "0::/a/b\n",
      "/sys/fs/cgroup/a/b/cpu.max": "max 100000",
      "/sys/fs/cgroup/a/cpu.max": "100000 100000",
      "/sys/fs/cgroup/cpu.max": "400000 100000",
    });
    expect(availableCpus({ availableParallelism: () => 16, readFile })).toBe(1);
  });

  it("reads a cgroup v1 CFS quota (-1 means none)", () => {
    const limited = files({
      "/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us": "200000",
      "/sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us": "100000",
    });
    expect(availableCpus({ availableParallelism: () => 32, readFile: limited })).toBe(2);
    const unlimited = files({
      "/sys/fs/cgroup/cpu/cpu.cfs_quota_us": "-1",
      "/sys/fs/cgroup/cpu/cpu.cfs_period_us": "100000",
    });
    expect(availableCpus({ availableParallelism: () => 32, readFile: unlimited })).toBe(32);
  });

  it("never exceeds the affinity count and is at least 1", () => {
    const generous = files({ "/sys/fs/cgroup/cpu.max": "800000 100000" });
    expect(availableCpus({ availableParallelism: () => 2, readFile: generous })).toBe(2);
    const tiny = files({ "/sys/fs/cgroup/cpu.max": "10000 100000" });
    expect(availableCpus({ availableParallelism: () => 4, readFile: tiny })).toBe(1);
  });

  it("on this machine, is at most the CPUs the OS reports", async () => {
    const os = await import("node:os");
    expect(availableCpus()).toBeGreaterThanOrEqual(1);
    expect(availableCpus()).toBeLessThanOrEqual(os.availableParallelism());
  });
});

describe("defaultGenerationThreads", () => {
  it("leaves one CPU for node-llama-cpp's own threads, never fewer than 1 thread, never more than the math cores", () => {
    expect(defaultGenerationThreads({ cpus: 1, cpuMathCores: 1 })).toBe(1);
    expect(defaultGenerationThreads({ cpus: 2, cpuMathCores: 2 })).toBe(1);
    expect(defaultGenerationThreads({ cpus: 8, cpuMathCores: 4 })).toBe(3);
    expect(defaultGenerationThreads({ cpus: 3, cpuMathCores: 16 })).toBe(2);
  });
});
