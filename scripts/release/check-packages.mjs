#!/usr/bin/env node
// Checks every publishable workspace package as it would be published (`npm pack`): the package.json fields users
// and registries rely on, LICENSE, sources shipped for the declaration and source maps, internal dependency ranges,
// then publint (--strict) and @arethetypeswrong/cli on the tarball. Run after `turbo run build`.
//
// The packages are ESM only. `require()` works on Node >= 20.19 / 22.12 through require(esm) because every export
// ends in "default"; attw therefore runs with the node16 profile (no node10 subpath resolution) and ignores
// cjs-resolves-to-esm, and the consumer test (scripts/release/consumer-test.mjs) really require()s each package.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, normalize } from "node:path";
import { packPackages } from "./pack-packages.mjs";
import { publishablePackages, rangeAccepts, repoRoot } from "./publishable-packages.mjs";

const bin = (name) => join(repoRoot, "node_modules", ".bin", name);
const rootLicense = readFileSync(join(repoRoot, "LICENSE"), "utf8");
const problems = [];
const problem = (pkg, message) => problems.push(`${pkg.name} (${pkg.path}): ${message}`);

const packages = publishablePackages();
const versions = new Map(packages.map((p) => [p.name, p.pkg.version]));
const langchainRanges = new Map();

for (const p of packages) {
  const { pkg } = p;
  if (pkg.license !== "Apache-2.0") problem(p, `license is ${JSON.stringify(pkg.license)}: set "Apache-2.0"`);
  if (!existsSync(join(p.dir, "LICENSE"))) problem(p, `no LICENSE file: cp LICENSE ${p.path}`);
  else if (readFileSync(join(p.dir, "LICENSE"), "utf8") !== rootLicense)
    problem(p, `LICENSE differs from the root LICENSE: cp LICENSE ${p.path}`);
  if (pkg.repository?.directory !== p.path || !pkg.repository?.url)
    problem(p, `repository must be { "type": "git", "url": …, "directory": "${p.path}" }`);
  if (!pkg.homepage) problem(p, "no homepage field");
  if (!pkg.bugs?.url) problem(p, "no bugs.url field");
  if (!Array.isArray(pkg.keywords) || pkg.keywords.length === 0) problem(p, "no keywords");
  if (!pkg.engines?.node) problem(p, 'no engines.node (">=20")');
  if (!pkg.types) problem(p, 'no top-level "types" (TypeScript with moduleResolution node10 reads it)');
  if (!existsSync(join(p.dir, "README.md"))) problem(p, "no README.md");
  for (const [key, target] of Object.entries(pkg.exports ?? {})) {
    if (typeof target !== "object") continue;
    const conditions = Object.keys(target);
    if (conditions[0] !== "types" || conditions.at(-1) !== "default")
      problem(p, `exports["${key}"] must list "types" first and "default" last (got ${conditions.join(", ")})`);
  }
  for (const field of ["dependencies", "peerDependencies", "optionalDependencies", "devDependencies"]) {
    for (const [name, range] of Object.entries(pkg[field] ?? {})) {
      if (name === "@langchain/core" && field === "peerDependencies") langchainRanges.set(p.name, range);
      if (!versions.has(name)) continue;
      if (!rangeAccepts(range, versions.get(name)))
        problem(
          p,
          `${field}["${name}"] is "${range}": use a range such as "^${versions.get(name)}" that the workspace version satisfies`,
        );
    }
  }
}
if (new Set(langchainRanges.values()).size > 1)
  problems.push(
    `@langchain/core peer ranges differ: ${[...langchainRanges].map(([n, r]) => `${n} ${r}`).join(", ")}: use one range`,
  );

const destination = mkdtempSync(join(tmpdir(), "domain-eval-pack-"));
try {
  for (const p of packPackages({ packages, destination })) {
    const files = new Set(p.files);
    if (!files.has("LICENSE")) problem(p, 'LICENSE is not in the tarball: add "LICENSE" to files');
    // Every source a published map points at must be published too (declaration maps: "go to definition").
    const unpublished = [];
    for (const file of p.files.filter((f) => f.endsWith(".map"))) {
      const map = JSON.parse(readFileSync(join(p.dir, file), "utf8"));
      for (const source of map.sources ?? []) {
        const target = normalize(join(dirname(file), map.sourceRoot ?? "", source));
        if (!files.has(target)) unpublished.push(`${file} → ${target}`);
      }
    }
    if (unpublished.length > 0)
      problem(
        p,
        `${unpublished.length} maps point at files that are not published (${unpublished[0]}, …): add "src" to files`,
      );
    const publint = spawnSync(bin("publint"), ["run", p.tarball, "--strict", "--pack", "false"], { encoding: "utf8" });
    if (publint.status !== 0) problem(p, `publint:\n${publint.stdout}${publint.stderr}`);
    const attw = spawnSync(
      bin("attw"),
      [
        p.tarball,
        "--profile",
        "node16",
        "--ignore-rules",
        "cjs-resolves-to-esm",
        "--format",
        "table-flipped",
        "--no-color",
      ],
      { encoding: "utf8" },
    );
    if (attw.status !== 0) problem(p, `attw:\n${attw.stdout}${attw.stderr}`);
    console.log(
      `${problems.some((x) => x.startsWith(`${p.name} `)) ? "FAIL" : "ok  "} ${p.name} (${p.files.length} files)`,
    );
  }
} finally {
  rmSync(destination, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`\n${problems.length} packaging problem(s):\n${problems.map((x) => `- ${x}`).join("\n")}`);
  process.exit(1);
}
console.log(`${packages.length} publishable packages: package.json, LICENSE, maps, ranges, publint and attw all fine`);
