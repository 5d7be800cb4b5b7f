import { describe, expect, it } from "vitest";
import { runMeasuredProcess } from "./measured-process.js";

const node = process.execPath;

describe("runMeasuredProcess", () => {
  it("sends the job on stdin and returns the last JSON line of stdout, with when the process started and ended", async () => {
    const before = Date.now();
    const result = await runMeasuredProcess<{ doubled: number }>({
      label: "doubler",
      command: node,
      args: [
        "-e",
        "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{console.log('progress');console.log(JSON.stringify({doubled:JSON.parse(s).n*2}))})",
      ],
      job: { n: 21 },
    });
    const { processSpawnedAt, processExitedAt, ...printed } = result;
    expect(printed).toEqual({ doubled: 42 });
    expect(processSpawnedAt).toBeGreaterThanOrEqual(before);
    expect(processExitedAt).toBeGreaterThan(processSpawnedAt);
    expect(processExitedAt).toBeLessThanOrEqual(Date.now());
  });

  it("names the side, the exit code and the end of stderr when the process fails", async () => {
    await expect(
      runMeasuredProcess({
        label: "distilabel generation",
        command: node,
        args: ["-e", "console.error('KeyError: chunk_id'); process.exit(3)"],
        job: {},
      }),
    ).rejects.toThrow(/distilabel generation failed \(exit 3\)[\s\S]*KeyError: chunk_id/);
  });

  it("says so when the process printed no result", async () => {
    await expect(
      runMeasuredProcess({ label: "ours", command: node, args: ["-e", "console.log('done')"], job: {} }),
    ).rejects.toThrow(/ours printed no JSON result line/);
  });

  it("passes extra environment variables (how keys reach the workers)", async () => {
    const result = await runMeasuredProcess<{ key: string }>({
      label: "env",
      command: node,
      args: ["-e", "console.log(JSON.stringify({key: process.env.BENCH_TEST_KEY}))"],
      job: {},
      env: { BENCH_TEST_KEY: "k1" },
    });
    expect(result.key).toBe("k1");
  });
});
