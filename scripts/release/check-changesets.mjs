#!/usr/bin/env node
// Proves the changesets are releasable: `changeset status` parses every .changeset/*.md (a formatter that rewrote the
// front matter breaks it), then `changeset version` runs in a temporary copy of the package manifests and must bump
// every package the release plan names, write its changelog and leave internal dependency ranges satisfied.
// Nothing in the repository is changed.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rangeAccepts, repoRoot, workspacePackages } from "./publishable-packages.mjs";

const changesetBin = join(repoRoot, "node_modules", "@changesets", "cli", "bin.js");
class ChangesetCheckError extends Error {}
const fail = (message) => {
  throw new ChangesetCheckError(message);
};
const run = (args, cwd) => spawnSync(process.execPath, [changesetBin, ...args], { cwd, encoding: "utf8" });

const work = mkdtempSync(join(tmpdir(), "domain-eval-changesets-"));
try {
  // 1. Parse. Without the base branch (a shallow CI checkout) compare with HEAD: parsing is what matters here.
  const { baseBranch = "main" } = JSON.parse(readFileSync(join(repoRoot, ".changeset", "config.json"), "utf8"));
  const hasBase = spawnSync("git", ["rev-parse", "--verify", "--quiet", baseBranch], { cwd: repoRoot }).status === 0;
  const planFile = join(work, "release-plan.json");
  const status = run(["status", "--output", planFile, ...(hasBase ? [] : ["--since", "HEAD"])], repoRoot);
  if (status.status !== 0) fail(`\`changeset status\` failed:\n${status.stdout}${status.stderr}`);
  const plan = JSON.parse(readFileSync(planFile, "utf8"));

  // 2. `changeset version` in a copy: root manifest, .changeset/, every workspace manifest and changelog.
  const copy = join(work, "repo");
  mkdirSync(copy);
  cpSync(join(repoRoot, "package.json"), join(copy, "package.json"));
  cpSync(join(repoRoot, ".changeset"), join(copy, ".changeset"), { recursive: true });
  symlinkSync(join(repoRoot, "node_modules"), join(copy, "node_modules"), "dir");
  const before = workspacePackages();
  for (const p of before) {
    mkdirSync(join(copy, p.path), { recursive: true });
    for (const file of ["package.json", "CHANGELOG.md"]) {
      if (existsSync(join(p.dir, file))) cpSync(join(p.dir, file), join(copy, p.path, file));
    }
  }
  const version = run(["version"], copy);
  if (version.status !== 0) fail(`\`changeset version\` failed:\n${version.stdout}${version.stderr}`);

  // 3. Every planned bump happened, with a changelog entry; no changeset is left; internal ranges still hold.
  const after = new Map(workspacePackages(copy).map((p) => [p.name, p]));
  const problems = [];
  for (const release of plan.releases) {
    const p = after.get(release.name);
    if (!p) problems.push(`${release.name} is in the release plan but not a workspace package`);
    else if (p.pkg.version !== release.newVersion)
      problems.push(`${release.name}: expected ${release.newVersion}, got ${p.pkg.version}`);
    else if (release.type !== "none") {
      const changelog = join(p.dir, "CHANGELOG.md");
      if (!existsSync(changelog) || !readFileSync(changelog, "utf8").includes(`## ${release.newVersion}`))
        problems.push(`${release.name}: CHANGELOG.md has no "## ${release.newVersion}" entry`);
    }
  }
  const left = readdirSync(join(copy, ".changeset")).filter((f) => f.endsWith(".md") && f !== "README.md");
  if (left.length > 0) problems.push(`changesets not consumed: ${left.join(", ")}`);
  for (const p of after.values()) {
    for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "devDependencies"]) {
      for (const [name, range] of Object.entries(p.pkg[field] ?? {})) {
        const dep = after.get(name);
        if (dep && !dep.pkg.private && !rangeAccepts(range, dep.pkg.version))
          problems.push(`${p.name}: ${field}["${name}"] "${range}" does not accept the new ${dep.pkg.version}`);
      }
    }
  }
  if (problems.length > 0) fail(`after \`changeset version\`:\n${problems.map((x) => `- ${x}`).join("\n")}`);
  const bumps = plan.releases.filter((r) => r.type !== "none");
  console.log(
    `changesets: ${plan.changesets.length} parse; \`changeset version\` would release ${bumps.length} packages: ` +
      bumps.map((r) => `${r.name} ${r.oldVersion} → ${r.newVersion}`).join(", "),
  );
} catch (error) {
  console.error(`changesets: ${error instanceof ChangesetCheckError ? error.message : error.stack}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
