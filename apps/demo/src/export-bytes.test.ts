import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../test/run-cli.js";

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), "..", "test", "fixtures", "export-questions.jsonl");

/**
 * SHA-256 of each file `domain-eval export --questions` wrote for the fixture (40 synthetic questions from the bench's
 * corpus) before the export was made faster (commit d5b3ab7): the faster reading, row checks and answer placement
 * must write the very same bytes. The Parquet files' checksums changed once since, when the pages' SNAPPY compression
 * became the native `snappy` package's (hub-publisher's split-parquet-writer test: the same rows, other compressed
 * bytes); with hyparquet-writer's JavaScript SNAPPY they were dev 292adb26…, test df01c1b5….
 */
const EXPECTED = {
  "README.md": "2dca61be44bc6d9367496358d24088f05273d7588e848e2305c12b56be25e505",
  "data/dev-00000-of-00001.parquet": "0b2083a9f0250ee2734c4d00f96a3479e453770e13c83208bce41e06d996845a",
  "data/test-00000-of-00001.parquet": "e9ad78c55153505a3c0dca0694004012fe91b834c43712ba3dc02410a8b6fb6f",
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

  describe("in several threads (--threads)", () => {
    /** 3,600 questions: the fixture's 40, 90 times over with new ids (parts cut at row-group boundaries of 1,000). */
    async function bigFile(name: string, edit?: (lines: string[]) => void): Promise<string> {
      const fixture = (await readFile(FIXTURE, "utf8")).trimEnd().split("\n");
      const lines: string[] = [];
      for (let k = 0; k < 90; k++)
        for (const line of fixture)
          lines.push(JSON.stringify({ ...JSON.parse(line), id: `${JSON.parse(line).id}-${k}` }));
      edit?.(lines);
      const path = join(work, name);
      await writeFile(path, `${lines.join("\n")}\n`, "utf8");
      return path;
    }
    const exported = async (file: string, threads: number, out: string, json = false) => {
      const run = await runCli([
        "export",
        "--questions",
        file,
        "--out",
        join(work, out, "exam"),
        "--license",
        "apache-2.0",
        "--threads",
        String(threads),
        ...(json ? ["--json"] : []),
      ]);
      return { ...run, dir: join(work, out, "exam") };
    };
    const hashes = async (dir: string) =>
      Object.fromEntries(await Promise.all(Object.keys(EXPECTED).map(async (f) => [f, await sha256(join(dir, f))])));

    it("writes the very bytes one thread writes, with 2 and 3 threads", async () => {
      const file = await bigFile("big.jsonl");
      const one = await exported(file, 1, "t1");
      expect(one.code, one.stderr).toBe(0);
      expect(one.stdout).toContain("test 3595 rows, dev 5 rows");
      for (const threads of [2, 3]) {
        const run = await exported(file, threads, `t${threads}`);
        expect(run.code, run.stderr).toBe(0);
        expect(run.stdout).toBe(one.stdout.replaceAll(join(work, "t1"), join(work, `t${threads}`)));
        expect(await hashes(run.dir), `${threads} threads`).toEqual(await hashes(one.dir));
      }
      // the summary says how many threads read the file: the parts really were encoded by worker threads
      const summary = await exported(file, 3, "t3-json", true);
      expect(JSON.parse(summary.stdout)).toMatchObject({ threads: 3, splits: { test: 3595, dev: 5 } });
      // the fixture alone (40 questions) is too small to cut: one thread, whatever --threads says
      const small = await runCli([
        "export",
        "--json",
        "--questions",
        FIXTURE,
        "--out",
        join(work, "small"),
        "--license",
        "apache-2.0",
        "--threads",
        "4",
      ]);
      expect(JSON.parse(small.stdout)).toMatchObject({ threads: 1 });
    });

    it("a bad line in a worker's part is named as one thread names it, and nothing is written", async () => {
      const file = await bigFile("bad-late.jsonl", (lines) => {
        lines[3_210] = JSON.stringify({ ...JSON.parse(lines[3_210] as string), distractors: ["one", "two"] });
      });
      const serial = await exported(file, 1, "bad1");
      expect(serial.code).toBe(2);
      expect(serial.stderr).toBe(
        `domain-eval: ${file} line 3211: invalid exam question: distractors: at least 3 distractors are required\n`,
      );
      const parallel = await exported(file, 2, "bad2");
      expect(parallel.code).toBe(2);
      expect(parallel.stderr).toBe(serial.stderr);
      expect(await readdir(join(work, "bad2")).catch(() => [])).toEqual([]);
    });

    it("a line that is not JSON in the worker's range of the first pass, too", async () => {
      const file = await bigFile("broken-late.jsonl", (lines) => {
        lines[3_500] = "{not json";
      });
      const run = await exported(file, 2, "broken2");
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        new RegExp(`^domain-eval: ${file.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")} line 3501 is not valid JSON`, "u"),
      );
    });
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
