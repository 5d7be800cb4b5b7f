/** Where the CLI writes: results on stdout, progress and messages on stderr, so `--json` output stays parseable. */
export interface CliOutput {
  json: boolean;
  /** A result line: JSON when `--json`, else the human text. */
  result(human: string, machine?: unknown): void;
  /** A message for the person at the terminal (stderr). */
  info(text: string): void;
  /** A progress bar on stderr when it is a terminal; silent otherwise. */
  progress(label: string, done: number, total: number): void;
  endProgress(): void;
}

export function createOutput(params: {
  json: boolean;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}): CliOutput {
  const stdout = params.stdout ?? process.stdout;
  const stderr = params.stderr ?? process.stderr;
  let progressShown = false;
  let lastPlain = -1;
  return {
    json: params.json,
    result(human, machine) {
      stdout.write(params.json ? `${JSON.stringify(machine ?? human)}\n` : `${human}\n`);
    },
    info(text) {
      if (progressShown) {
        stderr.write("\n");
        progressShown = false;
      }
      stderr.write(`${text}\n`);
    },
    progress(label, done, total) {
      const share = total > 0 ? Math.min(1, done / total) : 0;
      if (stderr.isTTY) {
        const width = 30;
        const filled = Math.round(share * width);
        stderr.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
        progressShown = true;
      } else {
        // Not a terminal: one line per 10% so logs stay short.
        const step = Math.floor(share * 10);
        if (step !== lastPlain) {
          lastPlain = step;
          stderr.write(`${label}: ${done}/${total}\n`);
        }
      }
    },
    endProgress() {
      if (progressShown) stderr.write("\n");
      progressShown = false;
      lastPlain = -1;
    },
  };
}
