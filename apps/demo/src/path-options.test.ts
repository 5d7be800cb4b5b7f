import { existsSync } from "node:fs";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES, runCli } from "../test/run-cli.js";

let dir: string;
let folder: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "path-options-"));
  folder = join(dir, "a-folder");
  await mkdir(folder);
  file = join(dir, "a-file.txt");
  await writeFile(file, "not a folder\n");
});

describe("a folder where a file goes, or a file where a folder goes: exit 2 before any work, the fix named", () => {
  it.each([
    ["check", () => ["check", EXAMPLES], /<file> .* is a folder: pass a file, e\.g\. .*\/questions\.jsonl/u],
    ["validate", () => ["validate", EXAMPLES, "--out", join(dir, "v.jsonl")], /is a folder: pass a file/u],
    ["validate --out", () => ["validate", file, "--out", folder], /--out .*a-folder is a folder: pass a file/u],
    ["annotate", () => ["annotate", EXAMPLES, "--dataset", "x"], /is a folder: pass a file/u],
    [
      "export --questions",
      () => ["export", "--questions", EXAMPLES, "--out", join(dir, "e")],
      /--questions .* is a folder/u,
    ],
    [
      "export --out",
      () => ["export", "--questions", file, "--out", file],
      /--out .*a-file\.txt is a file: pass a folder/u,
    ],
    [
      "report --out",
      () => ["report", "--questions", file, "--out", folder],
      /--out .* is a folder: pass a file, e\.g\. .*report\.html/u,
    ],
    [
      "task --out",
      () => ["task", "--dataset", "my-org/exam", "--name", "exam", "--out", folder],
      /is a folder: pass a file/u,
    ],
    [
      "run --out",
      () => ["run", "--docs", EXAMPLES, "--out", file, "--skip-review"],
      /--out .* is a file: pass a folder/u,
    ],
    [
      "evaluate --out",
      () => ["evaluate", "--dataset", folder, "--models", "gemma-3-270m", "--out", file],
      /is a file: pass a folder/u,
    ],
  ])("%s", async (_, args, message) => {
    const { code, stderr } = await runCli(args(), { cwd: dir });
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/EISDIR|EEXIST|ENOTDIR/u);
    expect(code).toBe(2);
    expect(existsSync(join(dir, "e"))).toBe(false);
  });
});
