import { errorMessage } from "@domain-eval/core";
import type { Command } from "commander";
import { EXIT } from "../cli-error.js";
import type { JsonFlag } from "../command-options.js";
import { listInstalledDomains, loadDomain } from "../domains.js";
import { createOutput } from "../output.js";

/** Options of `domain-eval domains`. */
export type DomainsCommandOptions = JsonFlag;

/** Adds `domain-eval domains` to the program. */
export function registerDomainsCommand(program: Command): void {
  program
    .command("domains")
    .description("list the installed domain plugins (use one with --domain ID)")
    .option("--json", "JSON output")
    .action(async (opts: DomainsCommandOptions) => {
      const out = createOutput({ json: Boolean(opts.json) });
      const installed = await listInstalledDomains();
      if (installed.length === 0)
        out.info("no domain plugins installed: npm install @domain-eval/domain-finance, or npm run new:domain -- NAME");
      for (const d of installed) {
        // A plugin that cannot be loaded (not built, or it throws on import) shows why, and the exit code is 1.
        const loaded = await loadDomain(d.id).then(
          (plugin) => ({ plugin, error: undefined }),
          (error: unknown) => ({ plugin: undefined, error: errorMessage(error) }),
        );
        if (loaded.error !== undefined) process.exitCode = EXIT.FAILED;
        const shown = loaded.plugin?.displayName ?? `(cannot be loaded: ${loaded.error})`;
        out.result(`${d.id.padEnd(14)} ${shown}  ${d.packageName}@${d.version}`, {
          id: d.id,
          displayName: loaded.plugin?.displayName,
          package: d.packageName,
          version: d.version,
          languages: loaded.plugin?.languages,
          error: loaded.error,
        });
      }
    });
}
