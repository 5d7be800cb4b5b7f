import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type DomainPlugin, errorMessage } from "@domain-eval/core";
import { CliError, EXIT } from "./cli-error.js";

/** An installed domain plugin package: found by the `"domain-eval": { "domain": ID }` field of its package.json. */
export interface InstalledDomain {
  id: string;
  packageName: string;
  version: string;
  dir: string;
  entry: string;
}

function nodeModulesDirs(from: string[]): string[] {
  const dirs = new Set<string>();
  for (const start of from) {
    let dir = start;
    for (;;) {
      const candidate = join(dir, "node_modules");
      if (existsSync(candidate)) dirs.add(candidate);
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return [...dirs];
}

function entryOf(pkg: Record<string, unknown>): string {
  const exp = pkg.exports as Record<string, unknown> | string | undefined;
  const dot = typeof exp === "string" ? exp : (exp?.["."] as Record<string, unknown> | string | undefined);
  const target = typeof dot === "string" ? dot : ((dot?.import ?? dot?.default) as string | undefined);
  return target ?? (pkg.module as string | undefined) ?? (pkg.main as string | undefined) ?? "index.js";
}

/** Lists domain plugins installed next to the CLI or in the current project (`node_modules/**`). */
export async function listInstalledDomains(cwd = process.cwd()): Promise<InstalledDomain[]> {
  const here = dirname(fileURLToPath(import.meta.url));
  const found = new Map<string, InstalledDomain>();
  for (const modules of nodeModulesDirs([cwd, here])) {
    const scopes = (await readdir(modules, { withFileTypes: true }).catch(() => []))
      .filter((e) => e.name.startsWith("@") || e.name.startsWith("domain-eval-"))
      .map((e) => e.name);
    for (const scopeOrName of scopes) {
      const packageDirs = scopeOrName.startsWith("@")
        ? (await readdir(join(modules, scopeOrName)).catch(() => [])).map((n) => join(modules, scopeOrName, n))
        : [join(modules, scopeOrName)];
      for (const dir of packageDirs) {
        const pkg = await readFile(join(dir, "package.json"), "utf8")
          .then((t) => JSON.parse(t) as Record<string, unknown>)
          .catch(() => undefined);
        const meta = pkg?.["domain-eval"] as { domain?: unknown } | undefined;
        if (!pkg || typeof meta?.domain !== "string" || found.has(meta.domain)) continue;
        found.set(meta.domain, {
          id: meta.domain,
          packageName: String(pkg.name),
          version: String(pkg.version ?? "0.0.0"),
          dir,
          entry: join(dir, entryOf(pkg)),
        });
      }
    }
  }
  return [...found.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Levenshtein distance: how many single-character edits turn one id into the other (for "did you mean"). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** Loads an installed domain plugin by id, with an error listing the installed ones when it is unknown. */
export async function loadDomain(given: string, cwd?: string): Promise<DomainPlugin> {
  const installed = await listInstalledDomains(cwd);
  // ids are lower-case: `--domain Finance` is the finance plugin
  const match = installed.find((d) => d.id === given) ?? installed.find((d) => d.id === given.toLowerCase());
  if (!match) {
    const names = installed.map((d) => d.id).join(", ") || "none";
    const near = installed.map((d) => d.id).filter((name) => editDistance(name, given.toLowerCase()) <= 2);
    const guess = near.length > 0 ? ` Did you mean ${near.map((name) => `--domain ${name}`).join(" or ")}?` : "";
    // a package name is lower-case letters, digits and hyphens: advise installing one only for such an id
    const install = /^[a-z0-9][a-z0-9-]*$/u.test(given)
      ? ` Install a plugin package (npm install @domain-eval/domain-${given}) or create one with npm run new:domain -- ${given}`
      : " Install a plugin package (npm install @domain-eval/domain-NAME) or create one with npm run new:domain -- NAME";
    throw new CliError(`unknown domain "${given}": installed domains are ${names}.${guess || install}`);
  }
  const id = match.id;
  if (!existsSync(match.entry)) {
    throw new CliError(`domain "${id}" (${match.packageName}) is not built: run npm run build`);
  }
  let mod: { default?: DomainPlugin } & Record<string, unknown>;
  try {
    mod = await import(pathToFileURL(match.entry).href);
  } catch (error) {
    throw new CliError(
      `domain "${id}" (${match.packageName}) failed to load: ${errorMessage(error)}: fix or reinstall the package`,
      EXIT.USAGE,
      { cause: error },
    );
  }
  const plugin = mod.default ?? (Object.values(mod).find((v) => (v as DomainPlugin)?.id === id) as DomainPlugin);
  if (!plugin || plugin.id !== id) {
    throw new CliError(`${match.packageName} does not export a domain plugin with id "${id}" as its default export`);
  }
  return plugin;
}
