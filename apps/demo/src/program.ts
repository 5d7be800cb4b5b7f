import { Command, CommanderError } from "commander";
import { CliError, EXIT } from "./cli-error.js";
import { redactKnownSecrets } from "./command-context.js";
import { registerAnnotateCommand } from "./commands/annotate.js";
import { registerBatchesCommand } from "./commands/batches.js";
import { registerCheckCommand } from "./commands/check.js";
import { registerDomainsCommand } from "./commands/domains.js";
import { registerEvaluateCommand } from "./commands/evaluate.js";
import { registerExportCommand } from "./commands/export.js";
import { registerGenerateCommand } from "./commands/generate.js";
import { registerReportCommand } from "./commands/report.js";
import { registerRunCommand } from "./commands/run.js";
import { registerTaskCommand } from "./commands/task.js";
import { registerValidateCommand } from "./commands/validate.js";

/** The CLI: each command lives in `commands/<name>.ts` and registers itself here, in the order `--help` lists them. */
export function buildProgram(): Command {
  const program = new Command("domain-eval")
    .description(
      "Turn a folder of domain documents into a reviewed, published, runnable evaluation benchmark.\n" +
        "Pipeline: generate → annotate (Argilla) → export (dataset folder / Hub) → task (LightEval).",
    )
    .option("--config <file>", "JSON config file (default: ./domain-eval.config.json if present)")
    .showHelpAfterError()
    .exitOverride();
  registerCheckCommand(program);
  registerGenerateCommand(program);
  registerBatchesCommand(program);
  registerAnnotateCommand(program);
  registerExportCommand(program);
  registerEvaluateCommand(program);
  registerTaskCommand(program);
  registerRunCommand(program);
  registerReportCommand(program);
  registerValidateCommand(program);
  registerDomainsCommand(program);
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
    const message = redactKnownSecrets(error instanceof Error ? error.message : String(error));
    process.stderr.write(`domain-eval: ${message}\n`);
    process.exitCode = error instanceof CliError ? error.exitCode : EXIT.FAILED;
  }
}
