import { existsSync } from "node:fs";
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES, runCli } from "../test/run-cli.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "task-cli-"));
  await mkdir(join(dir, "empty"));
});

describe("domain-eval task with a --dataset that is not a dataset", () => {
  it.each([
    [
      "the documents folder",
      () => EXAMPLES,
      /holds no data\/\*\.parquet: pass a dataset folder written by domain-eval export/u,
    ],
    ["an empty folder", () => join(dir, "empty"), /holds no data\/\*\.parquet/u],
    [
      "a path that does not exist",
      () => "./no/such-folder",
      /--dataset \.\/no\/such-folder does not exist: pass the folder/u,
    ],
  ])("%s: exit 2 naming the problem, no task file written", async (_, dataset, message) => {
    const out = join(dir, `t-${Math.random().toString(36).slice(2)}.py`);
    const { code, stderr, stdout } = await runCli(["task", "--dataset", dataset(), "--name", "exam", "--out", out], {
      cwd: dir,
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/is not a Hub dataset id/u);
    expect(stdout).not.toMatch(/lighteval/u);
    expect(existsSync(out)).toBe(false);
  });
});
