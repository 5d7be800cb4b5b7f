// Packs workspace packages the way `npm publish` would (one `npm pack` for all of them) into a folder.
import { spawnSync } from "node:child_process";
import { repoRoot } from "./publishable-packages.mjs";

/**
 * `npm pack` every given package into `destination`. Returns, per package, the tarball path and the packed file
 * list (paths inside the package). Needs the packages built (`dist/`).
 */
export function packPackages({ packages, destination }) {
  const args = ["pack", "--json", "--pack-destination", destination, ...packages.map((p) => `--workspace=${p.path}`)];
  const run = spawnSync("npm", args, { cwd: repoRoot, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`npm pack failed:\n${run.stderr}`);
  const packed = JSON.parse(run.stdout);
  return packages.map((p) => {
    const entry = packed.find((e) => e.name === p.name);
    if (!entry) throw new Error(`npm pack did not pack ${p.name}`);
    return { ...p, tarball: `${destination}/${entry.filename}`, files: entry.files.map((f) => f.path) };
  });
}
