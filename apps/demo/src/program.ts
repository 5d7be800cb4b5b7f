import { Command, CommanderError } from "commander";
import { CliError, EXIT } from "./cli-error.js";
import { runCheck } from "./commands/check.js";
import { type CliConfig, loadConfig, redactSecrets, secretValues } from "./config.js";
import { listInstalledDomains, loadDomain } from "./domains.js";
import { createOutput } from "./output.js";

let knownSecrets: string[] = [];

async function configFrom(opts: Record<string, unknown>): Promise<CliConfig> {
  const config = await loadConfig({ flags: opts as Partial<CliConfig> & { config?: string } });
  knownSecrets = secretValues(config);
  return config;
}

export function buildProgram(): Command {
  const program = new Command("domain-eval")
    .description(
      "Turn a folder of domain documents into a reviewed, published, runnable evaluation benchmark.\n" +
        "Pipeline: generate → annotate (Argilla) → export (dataset folder / Hub) → task (LightEval).",
    )
    .option("--config <file>", "JSON config file (default: ./domain-eval.config.json if present)")
    .showHelpAfterError()
    .exitOverride();

  program
    .command("check")
    .description("run the quality checks on a questions file (one JSON question per line)")
    .argument("<file>", "questions.jsonl: id, question, answer, distractors, citations, optional source_text")
    .option("--json", "one JSON line per question: {id, ok, findings}")
    .option("--domain <id>", "also run this domain plugin's checks")
    .addHelpText(
      "after",
      "\nExit codes: 0 no question has an error, 1 some do, 2 the input is unusable.\n\nExamples:\n  domain-eval check questions.jsonl\n  domain-eval check questions.jsonl --json | jq 'select(.ok == false)'",
    )
    .action(async (file: string, opts: { json?: boolean; domain?: string }) => {
      const config = await configFrom({ ...program.opts(), domain: opts.domain });
      const out = createOutput({ json: Boolean(opts.json) });
      const domain = config.domain ? await loadDomain(config.domain) : undefined;
      const { summary, exitCode } = await runCheck({
        file,
        extraChecks: domain?.checks,
        onResult: (r) => {
          if (out.json) out.result("", r);
          else if (r.findings.length > 0) {
            out.result(
              [
                `${r.ok ? "!" : "✗"} ${r.id}`,
                ...r.findings.map((f) => `    ${f.severity} ${f.code}: ${f.message}`),
              ].join("\n"),
            );
          }
        },
      });
      if (!out.json) {
        out.info(
          `${summary.questions} questions: ${summary.questions - summary.withErrors - summary.withWarnings} clean, ${summary.withWarnings} with warnings only, ${summary.withErrors} with errors`,
        );
      }
      process.exitCode = exitCode;
    });

  program
    .command("domains")
    .description("list the installed domain plugins (use one with --domain ID)")
    .option("--json", "JSON output")
    .action(async (opts: { json?: boolean }) => {
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

  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander already printed help or the usage error
      process.exitCode = error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
      return;
    }
    const message = redactSecrets(error instanceof Error ? error.message : String(error), knownSecrets);
    process.stderr.write(`domain-eval: ${message}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : EXIT.FAILED;
  }
}
