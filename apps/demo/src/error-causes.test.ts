// Errors report their real cause: an unreadable dataset or documents folder is not "missing" or "not a dataset", and
// a domain plugin that throws on import is not "(not built)".
import { chmod, cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES, runCli } from "../test/run-cli.js";

const QUESTIONS = join(import.meta.dirname, "..", "..", "..", "packages", "report", "test", "fixtures", "demo");
let dir: string;
let locked: string;

function lastLine(stderr: string): string {
  return stderr.trim().split("\n").at(-1) ?? "";
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "error-causes-"));
  await chmod(dir, 0o755);
  // A real dataset folder, made unreadable (the CLI runs as nobody when the tests run as root).
  const run = await runCli(["export", "--questions", join(QUESTIONS, "questions.jsonl"), "--out", join(dir, "ds")]);
  expect(run.code).toBe(0);
  locked = join(dir, "locked");
  await cp(join(dir, "ds"), locked, { recursive: true });
  await cp(EXAMPLES, join(locked, "docs"), { recursive: true });
  await cp(join(QUESTIONS, "questions.jsonl"), join(locked, "questions.jsonl"));
  await chmod(locked, 0o000);
});
afterAll(async () => {
  await chmod(locked, 0o755);
});

describe("an unreadable (chmod 000) dataset folder is reported as unreadable, exit 2", () => {
  it.each([
    ["task", ["task", "--dataset", "LOCKED", "--name", "t", "--out", "OUT/t.py"]],
    [
      "report",
      ["report", "--questions", join(QUESTIONS, "questions.jsonl"), "--dataset", "LOCKED", "--out", "OUT/r.html"],
    ],
    ["evaluate", ["evaluate", "--dataset", "LOCKED", "--models", "smollm2-135m-instruct", "--out", "OUT/results"]],
    ["generate --docs", ["generate", "--docs", "LOCKED/docs", "--dry-run"]],
    ["check", ["check", "LOCKED/questions.jsonl"]],
    ["report --questions", ["report", "--questions", "LOCKED/questions.jsonl", "--out", "OUT/r2.html"]],
    ["validate", ["validate", "LOCKED/questions.jsonl", "--out", "OUT/v.jsonl", "--dry-run"]],
    [
      "evaluate, a folder inside it",
      ["evaluate", "--dataset", "LOCKED/inner", "--models", "gemma-3-270m", "--out", "OUT/r3"],
    ],
  ])("%s", async (_, args) => {
    const { code, stderr } = await runCli(
      args.map((a) => a.replace("LOCKED", locked).replace("OUT", dir)),
      { unprivileged: true, cwd: dir },
    );
    expect(lastLine(stderr)).toMatch(/EACCES: permission denied.*check .*permissions/);
    expect(lastLine(stderr)).not.toMatch(/does not exist|no data\/\*\.parquet|holds no/);
    expect(code).toBe(2);
  });
});

describe("a domain plugin that throws on import", () => {
  let project: string;
  beforeAll(async () => {
    project = join(dir, "project");
    const pkg = join(project, "node_modules", "domain-eval-broken");
    await mkdir(pkg, { recursive: true });
    await writeFile(
      join(pkg, "package.json"),
      JSON.stringify({
        name: "domain-eval-broken",
        version: "1.0.0",
        type: "module",
        main: "index.js",
        "domain-eval": { domain: "broken" },
      }),
    );
    await writeFile(
      join(pkg, "index.js"),
      "throw new Error(\"Cannot find package 'left-pad' imported from index.js\");\n",
    );
  });

  it("domains lists it with the reason, not '(not built)', and exits 1", async () => {
    const { code, stdout } = await runCli(["domains"], { cwd: project });
    const line = stdout.split("\n").find((l) => l.startsWith("broken"));
    expect(line).toContain("cannot be loaded");
    expect(line).toContain("Cannot find package 'left-pad'");
    expect(line).not.toContain("(not built)");
    expect(code).toBe(1);
  });

  it("--domain broken stops with one line naming the package and the cause", async () => {
    const { code, stderr } = await runCli(["check", join(QUESTIONS, "questions.jsonl"), "--domain", "broken"], {
      cwd: project,
    });
    expect(lastLine(stderr)).toMatch(
      /domain "broken" \(domain-eval-broken\) failed to load: Cannot find package 'left-pad'.*: fix or reinstall/,
    );
    expect(code).toBe(2);
  });
});
