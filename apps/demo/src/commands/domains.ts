import type { Command } from "commander";
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
        const plugin = await loadDomain(d.id).catch(() => undefined);
        out.result(`${d.id.padEnd(14)} ${plugin?.displayName ?? "(not built)"}  ${d.packageName}@${d.version}`, {
          id: d.id,
          displayName: plugin?.displayName,
          package: d.packageName,
          version: d.version,
          languages: plugin?.languages,
        });
      }
    });
}
