#!/usr/bin/env node
// Links the `bin` commands of the workspace packages into node_modules/.bin once their files exist, so
// `npx domain-eval` works on a fresh clone after the first build. npm links a workspace's bins at install time only
// when the file is already there, and on a fresh clone `dist/` is built after `npm ci`. Idempotent.
import { chmodSync, existsSync, lstatSync, mkdirSync, readlinkSync, rmSync, symlinkSync } from "node:fs";
import { join, relative } from "node:path";
import { repoRoot, workspacePackages } from "./release/publishable-packages.mjs";

const binDir = join(repoRoot, "node_modules", ".bin");
for (const { name, dir, pkg } of workspacePackages()) {
  const bins = typeof pkg.bin === "string" ? { [name.split("/").pop()]: pkg.bin } : (pkg.bin ?? {});
  for (const [command, file] of Object.entries(bins)) {
    if (!existsSync(join(dir, file))) continue; // not built yet
    chmodSync(join(dir, file), 0o755);
    // Through node_modules/<name> like npm does, so the link survives moving the clone.
    const target = relative(binDir, join(repoRoot, "node_modules", name, file));
    const link = join(binDir, command);
    if (isSymlink(link) && readlinkSync(link) === target) continue;
    mkdirSync(binDir, { recursive: true });
    rmSync(link, { force: true });
    symlinkSync(target, link);
    console.log(`linked ${command} → ${target}`);
  }
}

function isSymlink(path) {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
