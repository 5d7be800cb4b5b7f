import { Command, CommanderError } from "commander";
import { CliError, EXIT } from "./cli-error.js";
import { redactKnownSecrets } from "./command-context.js";

/**
 * The CLI's commands in the order `--help` lists them: each lives in `commands/<name>.ts` and registers itself with
 * its `register…Command`. A command's module imports what the command needs (model libraries, Argilla, charts), so
 * only the module of the command being run is loaded; `--help` and anything else load them all.
 */
const COMMANDS: Record<string, () => Promise<(program: Command) => void>> = {
  check: async () => (await import("./commands/check.js")).registerCheckCommand,
  generate: async () => (await import("./commands/generate.js")).registerGenerateCommand,
  batches: async () => (await import("./commands/batches.js")).registerBatchesCommand,
  annotate: async () => (await import("./commands/annotate.js")).registerAnnotateCommand,
  export: async () => (await import("./commands/export.js")).registerExportCommand,
  evaluate: async () => (await import("./commands/evaluate.js")).registerEvaluateCommand,
  task: async () => (await import("./commands/task.js")).registerTaskCommand,
  run: async () => (await import("./commands/run.js")).registerRunCommand,
  report: async () => (await import("./commands/report.js")).registerReportCommand,
  validate: async () => (await import("./commands/validate.js")).registerValidateCommand,
  domains: async () => (await import("./commands/domains.js")).registerDomainsCommand,
};

/** The command `argv` runs (its first word after the global options), when it is one of {@link COMMANDS}. */
function commandIn(argv: readonly string[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--config") i++;
    else if (!arg.startsWith("-")) return Object.hasOwn(COMMANDS, arg) ? arg : undefined;
  }
  return undefined;
}

/** The CLI, with every command, or only the one `argv` runs. */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command("domain-eval")
    .description(
      "Turn a folder of domain documents into a reviewed, published, runnable evaluation benchmark.\n" +
        "Pipeline: generate → annotate (Argilla) → export (dataset folder / Hub) → task (LightEval).",
    )
    .option("--config <file>", "JSON config file (default: ./domain-eval.config.json if present)")
    .showHelpAfterError()
    .exitOverride();
  const only = commandIn(argv);
  const registers = await Promise.all(
    Object.entries(COMMANDS)
      .filter(([name]) => only === undefined || name === only)
      .map(([, load]) => load()),
  );
  for (const register of registers) register(program);
  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  // A reader that stops early (`domain-eval report --help | head`) closes the pipe: stop quietly, as other
  // command-line tools do, instead of a stack trace about EPIPE.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit();
  });
  try {
    const program = await buildProgram(argv);
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
