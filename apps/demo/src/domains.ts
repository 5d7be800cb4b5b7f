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

/** Loads an installed domain plugin by id, with an error listing the installed ones when it is unknown. */
export async function loadDomain(id: string, cwd?: string): Promise<DomainPlugin> {
  const installed = await listInstalledDomains(cwd);
  const match = installed.find((d) => d.id === id);
  if (!match) {
    const names = installed.map((d) => d.id).join(", ") || "none";
    throw new CliError(
      `unknown domain "${id}": installed domains are ${names}. Install a plugin package (npm install @domain-eval/domain-${id}) or create one with npm run new:domain -- ${id}`,
    );
  }
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
