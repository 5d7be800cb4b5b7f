// The workspace packages that get published: every folder matched by the root package.json's `workspaces` globs
// whose package.json is not `"private": true`. New packages are picked up with no edits here.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Every workspace package, in path order: `{ name, dir (absolute), path (relative to the repo), pkg }`. */
export function workspacePackages(root = repoRoot) {
  const { workspaces = [] } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const dirs = [];
  for (const pattern of workspaces) {
    // npm workspaces here are `folder/*` or a plain folder; anything else would need a glob library.
    if (pattern.endsWith("/*")) {
      const parent = join(root, pattern.slice(0, -2));
      if (!existsSync(parent)) continue;
      for (const entry of readdirSync(parent, { withFileTypes: true })) {
        if (entry.isDirectory()) dirs.push(join(parent, entry.name));
      }
    } else if (!pattern.includes("*")) {
      dirs.push(join(root, pattern));
    } else {
      throw new Error(`workspace pattern "${pattern}" is not supported by scripts/release: use "folder/*" or a folder`);
    }
  }
  return dirs
    .filter((dir) => existsSync(join(dir, "package.json")))
    .sort()
    .map((dir) => {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      return { name: pkg.name, dir, path: relative(root, dir), pkg };
    });
}

/** The workspace packages that are published (not `"private": true`). */
export function publishablePackages(root = repoRoot) {
  return workspacePackages(root).filter(({ pkg }) => pkg.private !== true);
}

/** The import specifiers of a package: `name` for ".", `name/sub` for "./sub"; package.json and patterns skipped. */
export function entryPoints({ name, pkg }) {
  const exports = pkg.exports ?? { ".": pkg.main };
  return Object.keys(exports)
    .filter((key) => key !== "./package.json" && !key.includes("*"))
    .map((key) => (key === "." ? name : `${name}/${key.slice(2)}`));
}

/** `^X.Y.Z` (or `~`, or exact) that `version` satisfies; npm's caret rules for 0.x included. */
export function rangeAccepts(range, version) {
  const m = /^([\^~]?)(\d+)\.(\d+)\.(\d+)$/u.exec(range);
  const v = /^(\d+)\.(\d+)\.(\d+)/u.exec(version);
  if (!m || !v) return false;
  const [lo, ver] = [m.slice(2).map(Number), v.slice(1).map(Number)];
  const cmp = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  if (cmp(ver, lo) < 0) return false;
  if (m[1] === "") return cmp(ver, lo) === 0;
  if (m[1] === "~") return ver[0] === lo[0] && ver[1] === lo[1];
  if (lo[0] > 0) return ver[0] === lo[0];
  if (lo[1] > 0) return ver[0] === 0 && ver[1] === lo[1];
  return cmp(ver, lo) === 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const p of publishablePackages()) console.log(`${p.name}\t${p.path}`);
}
