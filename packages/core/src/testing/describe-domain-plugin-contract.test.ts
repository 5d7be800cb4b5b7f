// The contract suite registers vitest tests, so to see it fail we run it in a child vitest on throwaway test files:
// one well-formed plugin (everything must pass) and one plugin with a defect per contract rule (each rule must fail).
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const here = dirname(fileURLToPath(import.meta.url));
const nodeModules = join(here, "..", "..", "..", "..", "node_modules");

const PREAMBLE = `
import { describeDomainPluginContract } from ${JSON.stringify(pathToFileURL(join(here, "index.ts")).href)};
const source = "Stays are limited to 30 minutes, followed by at least 15 minutes in a warm area before re-entry.";
const example = {
  source_text: source,
  question: "Under the Northgate cold room procedure, how long may one stay last at most?",
  answer: "30 minutes",
  distractors: ["15 minutes", "5 minutes", "60 minutes"],
  citations: ["Stays are limited to 30 minutes"],
};
const shoutCheck = {
  name: "no-shouting",
  codes: ["SHOUTING"],
  description: "The question is not written in capitals.",
  run: (q) => (/[A-Z]{6,}/.test(q.question) ? [{ code: "SHOUTING", severity: "warning", message: "write in sentence case" }] : []),
};
const guidelines = "# Reviewing\\n\\nCheck the passage.\\n\\n## Accept\\n\\n- grounded\\n- distinct options\\n";
const instructions = "Ask about the limits, steps and reasons the procedure states. ".repeat(5);
const good = { id: "good", displayName: "Good", subject: "good", languages: ["en"], version: "1.0.0", instructions,
  fewShotExamples: [example], reviewerGuidelines: guidelines, checks: [shoutCheck] };
`;

const GOOD_TEST = `${PREAMBLE}
describeDomainPluginContract({
  plugin: good,
  flawed: [{ question: { ...example, question: "UNDER THE PROCEDURE, HOW LONG MAY ONE STAY LAST?" }, expectCodes: ["SHOUTING"] }],
  clean: [example],
});
`;

const BAD_TEST = `${PREAMBLE}
const leakyCheck = {
  name: "leaky",
  codes: ["LEAKY"],
  description: "Emits a code it does not declare.",
  run: () => [{ code: "SOMETHING_ELSE", severity: "warning", message: "undeclared" }],
};
const sleepyCheck = { name: "sleepy", codes: ["NEVER_FIRES"], description: "Never fires.", run: () => [] };
const fragileCheck = { name: "fragile", codes: ["FRAGILE"], description: "Throws without citations.", run: (q) => (q.citations.length > 99 ? [] : []) };
describeDomainPluginContract({
  plugin: {
    ...good,
    id: "bad",
    version: "v1",
    instructions: "Write questions. TODO",
    reviewerGuidelines: "Reviewers: check things.\\n### Deep\\n<div>x</div>",
    fewShotExamples: [{ ...example, citations: ["a quote that is not in the source"] }],
    checks: [shoutCheck, leakyCheck, sleepyCheck, fragileCheck],
  },
  flawed: [
    { question: { ...example, question: "Under the procedure, how long may one stay last?" }, expectCodes: ["SHOUTING"] },
    { question: example, expectCodes: ["LEAKY"] },
  ],
  clean: [{ ...example, question: "UNDER THE PROCEDURE, HOW LONG MAY ONE STAY LAST?" }],
});
`;

interface AssertionResult {
  title: string;
  fullName: string;
  status: string;
}

let dir: string;
let results: Map<string, AssertionResult[]>;

function testsOf(file: string, status: string): string[] {
  return (results.get(file) ?? []).filter((r) => r.status === status).map((r) => r.title);
}

describe("describeDomainPluginContract", () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "domain-eval-contract-"));
    await symlink(nodeModules, join(dir, "node_modules"), "dir");
    await writeFile(join(dir, "good.test.ts"), GOOD_TEST);
    await writeFile(join(dir, "bad.test.ts"), BAD_TEST);
    const report = join(dir, "report.json");
    spawnSync(
      process.execPath,
      [join(nodeModules, "vitest", "vitest.mjs"), "run", "--root", dir, "--reporter=json", `--outputFile=${report}`],
      { cwd: dir, encoding: "utf8", env: { ...process.env, CI: "1" } },
    );
    const json = JSON.parse(await readFile(report, "utf8")) as {
      testResults: { name: string; assertionResults: AssertionResult[] }[];
    };
    results = new Map(
      json.testResults.map((f) => [f.name.endsWith("good.test.ts") ? "good" : "bad", f.assertionResults]),
    );
  }, 120_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("passes a well-formed plugin on every rule", () => {
    expect(testsOf("good", "failed")).toEqual([]);
    expect(testsOf("good", "passed").length).toBeGreaterThanOrEqual(11);
  });

  it.each([
    ["a version that is not semver", "has a semantic version, recorded in every question's prompt_version"],
    ["thin instructions with a TODO", "gives the question writer substantial instructions with no placeholders left"],
    ["guidelines without a heading, with a skipped level and raw HTML", "render as well-formed markdown"],
    ["a few-shot example whose quote is not in its source", "example 1 passes every check against its own source_text"],
    ["a declared code no flawed example demonstrates", "each declared code is demonstrated by a flawed example"],
    ["a check emitting an undeclared code", "emit only their declared codes, each with a message"],
    ["a flawed example the check does not catch", "flawed example 1 is caught with 'SHOUTING'"],
    ["a flawed example expecting a code that is never emitted", "flawed example 2 is caught with 'LEAKY'"],
    ["a clean example a check flags", "clean example 1 passes every check"],
    ["a check that throws on sparse input", "do not throw on sparse input"],
  ])("fails a plugin with %s", (_defect, title) => {
    expect(testsOf("bad", "failed").some((t) => t.startsWith(title))).toBe(true);
  });

  it("still passes the rules the defective plugin keeps", () => {
    expect(testsOf("bad", "passed")).toEqual(
      expect.arrayContaining([
        "passes defineDomainPlugin validation",
        "have unique names and well-formed codes that do not reuse core codes",
      ]),
    );
  });
});
