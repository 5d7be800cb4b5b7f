import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../test/run-cli.js";

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), "..", "test", "fixtures", "export-questions.jsonl");

/**
 * SHA-256 of each file `domain-eval export --questions` wrote for the fixture (40 synthetic questions from the bench's
 * corpus) before the export was made faster (commit d5b3ab7): the faster reading, row checks and answer placement
 * must write the very same bytes.
 */
const EXPECTED = {
  "README.md": "2dca61be44bc6d9367496358d24088f05273d7588e848e2305c12b56be25e505",
  "data/dev-00000-of-00001.parquet": "292adb26963bcb81a472f3e008be8f93a92d218ec58376af82bb957d4f765dfe",
  "data/test-00000-of-00001.parquet": "df01c1b562e1144279cfdcc31d8b7c8c710b46a05cc42761ea8ffaeaf5193296",
};

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "demo-export-bytes-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const sha256 = async (path: string) =>
  createHash("sha256")
    .update(await readFile(path))
    .digest("hex");

describe("domain-eval export --questions", () => {
  it("writes the same bytes as before for the same questions", async () => {
    const out = join(work, "exam");
    const run = await runCli(["export", "--questions", FIXTURE, "--out", out, "--license", "apache-2.0"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    for (const [file, hash] of Object.entries(EXPECTED)) expect(await sha256(join(out, file)), file).toBe(hash);
  });

  it("with CRLF line ends and a byte-order mark, the same bytes too", async () => {
    const crlf = join(work, "crlf.jsonl");
    const text = await readFile(FIXTURE, "utf8");
    await writeFile(crlf, `\uFEFF${text.replace(/\n/gu, "\r\n")}`, "utf8");
    const out = join(work, "exam-crlf", "exam");
    const run = await runCli(["export", "--questions", crlf, "--out", out, "--license", "apache-2.0"]);
    expect(run.code, run.stderr).toBe(0);
    for (const [file, hash] of Object.entries(EXPECTED)) expect(await sha256(join(out, file)), file).toBe(hash);
  });

  it("names the line and field of a bad question, after a CRLF file's lines", async () => {
    const bad = join(work, "bad.jsonl");
    const lines = (await readFile(FIXTURE, "utf8")).trimEnd().split("\n");
    const broken = { ...JSON.parse(lines[6] as string), distractors: ["one", "two"] };
    lines[6] = JSON.stringify(broken);
    await writeFile(bad, `${lines.join("\r\n")}\r\n`, "utf8");
    const run = await runCli(["export", "--questions", bad, "--out", join(work, "bad-out"), "--license", "apache-2.0"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `domain-eval: ${bad} line 7: invalid exam question: distractors: at least 3 distractors are required\n`,
    );
  });
});
