import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cleanEnv, runCli } from "../../test/run-cli.js";

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("domain-eval evaluate: a folder that is not a dataset", () => {
  it("stops with one line naming what is missing, before any model runs", async () => {
    const dir = await mkdtemp(join(tmpdir(), "evaluate-cli-"));
    made.push(dir);
    const notADataset = join(dir, "docs");
    await mkdir(notADataset);
    await writeFile(join(notADataset, "notes.txt"), "not a dataset");
    const { code, stderr } = await runCli(
      ["evaluate", "--dataset", notADataset, "--models", "smollm2-135m-instruct", "--out", join(dir, "results")],
      // A Python that does not exist: the dataset check must come first, so it is never looked for.
      { env: cleanEnv({ DOMAIN_EVAL_PYTHON: join(dir, "no-python") }) },
    );
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual([
      `domain-eval: ${notADataset} is not a dataset folder: no data/*.parquet files (write one with \`domain-eval export\`)`,
    ]);
  });

  it("a missing folder and a Hub id that is not one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "evaluate-cli-"));
    made.push(dir);
    const missing = await runCli(["evaluate", "--dataset", join(dir, "nope"), "--models", "x", "--out", dir], {
      env: cleanEnv(),
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      "does not exist: pass the folder `domain-eval export` wrote, or a Hub id owner/name",
    );
  });
});
