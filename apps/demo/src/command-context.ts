import type { DomainPlugin } from "@domain-eval/core";
import { redactSecrets } from "@domain-eval/core";
import type { Command } from "commander";
import type { JsonFlag } from "./command-options.js";
import { type CliConfig, envConfig, loadConfig, secretValues } from "./config.js";
import { loadDomain } from "./domains.js";
import { type CliOutput, createOutput } from "./output.js";

let knownSecrets: string[] = [];

/**
 * Scrubs the secrets of the config the last command resolved, and those of the environment (a config that failed
 * to load resolved nothing), from a message about to be printed.
 */
export function redactKnownSecrets(text: string): string {
  return redactSecrets({ text, secrets: knownSecretValues() });
}

/**
 * The secrets of the config the last command resolved (a key from --config included) and of the environment: what
 * libraries are given to scrub from the failures they record (journals, dropped files), not only from printed errors.
 */
export function knownSecretValues(): string[] {
  return [...new Set([...knownSecrets, ...secretValues(envConfig())])];
}

/** What a command's flags may set in the config (flags override the config file and the environment). */
export type ConfigFlags = Partial<CliConfig> & JsonFlag;

/** What every command starts from: the resolved config (secrets noted for redaction), the output, the domain. */
export async function commandContext(
  program: Command,
  flags: ConfigFlags,
): Promise<{ config: CliConfig; out: CliOutput; domain: DomainPlugin | undefined }> {
  const global = program.opts<{ config?: string }>();
  const config = await loadConfig({ flags: { ...global, ...flags } });
  knownSecrets = secretValues(config);
  const out = createOutput({ json: Boolean(flags.json) });
  const domain = config.domain ? await loadDomain(config.domain) : undefined;
  return { config, out, domain };
}

/**
 * Ctrl-C stops the run: no new work starts and the calls in flight are cancelled (their answers would arrive after
 * the user asked to stop); what finished stays in the journal. A second Ctrl-C exits at once.
 */
export function interruptSignal(info: (text: string) => void): AbortSignal {
  const controller = new AbortController();
  process.once("SIGINT", () => {
    info(
      "interrupted: stopping (calls in flight are cancelled; what finished is in the journal): run again with --resume to continue (Ctrl-C again to quit now)",
    );
    controller.abort();
    process.once("SIGINT", () => process.exit(130));
  });
  return controller.signal;
}
