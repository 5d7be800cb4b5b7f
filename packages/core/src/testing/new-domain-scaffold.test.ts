// The contributing kit end to end: `npm run new:domain -- NAME` (scripts/new-domain.mjs + templates/domain) must yield
// a plugin package that builds and passes this package's contract suite with no edits. It lives here because the
// scaffolded package's tests are the contract suite; it runs the script against a throwaway copy of the repo's root
// files (node_modules symlinked, no install), so nothing is left in the repo.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");
const script = join(repoRoot, "scripts", "new-domain.mjs");
const inRepo = existsSync(script) && existsSync(join(repoRoot, "templates", "domain"));

let root: string;

function newDomain(...args: string[]) {
  return spawnSync(process.execPath, [join(root, "scripts", "new-domain.mjs"), ...args, "--root", root], {
    encoding: "utf8",
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

describe.skipIf(!inRepo)("npm run new:domain (scripts/new-domain.mjs)", () => {
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "domain-eval-new-domain-"));
    for (const file of ["package.json", "tsconfig.base.json", "vitest.shared.ts", "biome.json"]) {
      await cp(join(repoRoot, file), join(root, file));
    }
    await mkdir(join(root, "packages", "core"), { recursive: true });
    await cp(join(repoRoot, "packages", "core", "package.json"), join(root, "packages", "core", "package.json"));
    // vitest.shared.ts's unit setup (every run's own temporary folder)
    const tempDirSetup = join("packages", "testing", "src", "temp-dir-global-setup.ts");
    await mkdir(join(root, "packages", "testing", "src"), { recursive: true });
    await cp(join(repoRoot, tempDirSetup), join(root, tempDirSetup));
    await cp(join(repoRoot, "templates", "domain"), join(root, "templates", "domain"), { recursive: true });
    await cp(script, join(root, "scripts", "new-domain.mjs"));
    await symlink(join(repoRoot, "node_modules"), join(root, "node_modules"), "dir");
  });

  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  it("scaffolds a package with every name filled in, and a changeset", async () => {
    const run = newDomain("food-safety", "--skip-install");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Created @domain-eval/domain-food-safety");

    const dir = join(root, "packages", "domains", "food-safety");
    const pkg = JSON.parse(await readFile(join(dir, "package.json"), "utf8"));
    const coreVersion = JSON.parse(await readFile(join(repoRoot, "packages", "core", "package.json"), "utf8")).version;
    expect(pkg.name).toBe("@domain-eval/domain-food-safety");
    expect(pkg["domain-eval"]).toEqual({ domain: "food-safety" });
    expect(pkg.dependencies["@domain-eval/core"]).toBe(`^${coreVersion}`);
    expect(pkg.exports["."].types).toBe("./dist/index.d.ts");

    const files = await filesUnder(dir);
    expect(files.map((f) => f.slice(dir.length + 1)).sort()).toEqual(
      expect.arrayContaining([
        "README.md",
        "src/food-safety-domain.test.ts",
        "src/food-safety-domain.ts",
        "src/index.ts",
        "tsconfig.build.json",
        "vitest.config.ts",
      ]),
    );
    for (const file of files) {
      expect(await readFile(file, "utf8"), file).not.toMatch(/__(?:DOMAIN_[A-Z_]+|CORE_VERSION)__/u);
    }
    expect(await readFile(join(dir, "src", "food-safety-domain.ts"), "utf8")).toContain(
      "export const foodSafetyDomain = defineDomainPlugin({",
    );
    expect(await readFile(join(root, ".changeset", "add-domain-food-safety.md"), "utf8")).toContain(
      '"@domain-eval/domain-food-safety": minor',
    );
  });

  it("yields a plugin that builds, passes the contract suite and lint, and loads by its package name", async () => {
    const dir = join(root, "packages", "domains", "food-safety");
    const bin = (name: string) => join(repoRoot, "node_modules", name);
    execFileSync(process.execPath, [bin("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: dir });
    const report = join(root, "vitest-report.json");
    const tests = spawnSync(
      process.execPath,
      [bin("vitest/vitest.mjs"), "run", "--reporter=json", `--outputFile=${report}`],
      { cwd: dir, encoding: "utf8", env: { ...process.env, CI: "1" } },
    );
    expect(tests.status, tests.stderr).toBe(0);
    const results = JSON.parse(await readFile(report, "utf8"));
    const names: string[] = results.testResults.flatMap((file: { assertionResults: { fullName: string }[] }) =>
      file.assertionResults.map((a) => a.fullName),
    );
    expect(results.numFailedTests).toBe(0);
    expect(names.filter((n) => n.startsWith("domain plugin contract: food-safety")).length).toBeGreaterThanOrEqual(10);

    // The repo's lint step (`biome ci .`) passes on the new package as scaffolded.
    const lint = spawnSync(process.execPath, [bin("@biomejs/biome/bin/biome"), "ci", "packages/domains/food-safety"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(lint.status, `${lint.stdout}\n${lint.stderr}`).toBe(0);

    // What the CLI does to use --domain food-safety: import the package's default export.
    const plugin = (await import(pathToFileURL(join(dir, "dist", "index.js")).href)).default;
    expect(plugin.id).toBe("food-safety");
    expect(plugin.displayName).toBe("Food safety");
  }, 180_000);

  it.each([
    [
      "Food_Safety",
      'use lower-case kebab-case (letters, digits, single dashes, starting with a letter), e.g. "food-safety"',
    ],
    ["food--safety", "lower-case kebab-case"],
    ["9lives", "lower-case kebab-case"],
    ["domain-tax", 'so use "tax"'],
  ])("refuses the name %s with a message saying how to fix it", (name, expected) => {
    const run = newDomain(name, "--skip-install");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(expected);
    expect(existsSync(join(root, "packages", "domains", name))).toBe(false);
  });

  it("refuses to overwrite an existing package and leaves it untouched", async () => {
    const dir = join(root, "packages", "domains", "tax");
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "keep.txt"), "mine");
    const run = newDomain("tax", "--skip-install");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("packages/domains/tax already exists");
    expect(await readdir(dir)).toEqual(["keep.txt"]);
  });

  it("asks for a name when none is given", () => {
    const run = newDomain();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("expected exactly one domain name, got 0");
    expect(run.stderr).toContain("Usage: npm run new:domain -- <name>");
  });
});
