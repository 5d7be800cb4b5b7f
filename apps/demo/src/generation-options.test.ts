import { describe, expect, it } from "vitest";
import { EXAMPLES, runCli } from "../test/run-cli.js";

describe("generation options out of range: exit 2 in the flags' own names, before any work", () => {
  it.each([
    [
      ["--chunk-overlap", "700"],
      "--chunk-overlap (700) must be below --chunk-size (600): lower it, e.g. --chunk-overlap 60",
    ],
    [["--chunk-size", "10"], "--chunk-overlap (60) must be below --chunk-size (10): lower it, e.g. --chunk-overlap 1"],
    [["--options", "3"], "--options must be a whole number from 4 to 26 (the answer and 3 to 25 distractors)"],
    [["--options", "27"], "--options must be a whole number from 4 to 26"],
  ])("generate %j", async (flags, message) => {
    const { code, stderr } = await runCli(["generate", "--docs", EXAMPLES, "--dry-run", ...flags]);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/chunkOverlap|optionsPerQuestion/u);
    expect(code).toBe(2);
  });

  it("run checks them the same way", async () => {
    const { code, stderr } = await runCli(["run", "--docs", EXAMPLES, "--chunk-size", "50", "--chunk-overlap", "50"]);
    expect(stderr).toContain("--chunk-overlap (50) must be below --chunk-size (50)");
    expect(code).toBe(2);
  });
});

describe("--domain", () => {
  it("takes an id in any case (Finance is finance)", async () => {
    const { code, stderr } = await runCli(["generate", "--docs", EXAMPLES, "--dry-run", "--domain", "Finance"]);
    expect(code, stderr).toBe(0);
  });

  it("a misspelt id: exit 2 with the installed ones and the near one, not an npm package to install", async () => {
    const { code, stderr } = await runCli(["generate", "--docs", EXAMPLES, "--dry-run", "--domain", "finanse"]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      'unknown domain "finanse": installed domains are finance, legal, medical. Did you mean --domain finance?',
    );
    expect(stderr).not.toContain("npm install");
  });

  it("an id that is no package name is not turned into an npm package to install", async () => {
    const { code, stderr } = await runCli(["generate", "--docs", EXAMPLES, "--dry-run", "--domain", "Tax Law"]);
    expect(code).toBe(2);
    expect(stderr).toContain("npm install @domain-eval/domain-NAME");
    expect(stderr).not.toContain("domain-Tax Law");
  });
});
