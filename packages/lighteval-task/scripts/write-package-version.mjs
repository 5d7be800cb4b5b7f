#!/usr/bin/env node
// Writes src/generated/package-version.ts from this package's package.json, so the version written into every
// generated task file is the one being published: `changeset version` bumps package.json and the next build (or
// typecheck / test run) picks it up. The generated file is not committed.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const target = new URL("../src/generated/package-version.ts", import.meta.url);
const source = `// Generated from package.json by scripts/write-package-version.mjs (build, typecheck, test). Do not edit.
export const PACKAGE_VERSION: string = ${JSON.stringify(pkg.version)};
`;
mkdirSync(new URL(".", target), { recursive: true });
let current = "";
try {
  current = readFileSync(target, "utf8");
} catch {
  // not generated yet
}
if (current !== source) writeFileSync(target, source);
