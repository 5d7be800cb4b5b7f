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

describe("a place that cannot take the output, found before writing: exit 2, nothing removed", () => {
  it("export into a folder that holds other files", async () => {
    const target = join(dir, "holds-notes");
    await mkdir(target);
    await writeFile(join(target, "notes.txt"), "mine\n");
    const questions = join(import.meta.dirname, "..", "test", "fixtures", "export-questions.jsonl");
    const { code, stderr } = await runCli(["export", "--questions", questions, "--out", target]);
    expect(stderr).toContain("already exists and is not a dataset folder (it holds notes.txt)");
    expect(code).toBe(2);
    expect(existsSync(join(target, "notes.txt"))).toBe(true);
  });

  it("report --docs that is not a folder", async () => {
    const { code, stderr } = await runCli([
      "report",
      "--questions",
      file,
      "--docs",
      join(dir, "nope"),
      "--out",
      join(dir, "r.html"),
    ]);
    expect(stderr).toContain("nope is not a folder: pass the folder of documents the questions were generated from");
    expect(code).toBe(2);
  });
});
