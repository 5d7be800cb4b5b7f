const PLAIN = /^[A-Za-z0-9_./=:,@%+-]+$/;
const DOUBLE_QUOTE_SAFE = /^[^"$`\\!\n\r\0]*$/;

/**
 * Quotes one argument for a POSIX shell: bare when it has only safe characters, in double quotes when nothing inside
 * would be expanded (`"name|0"`, as LightEval's docs write task specs), else in single quotes.
 */
function quoteArgument(argument: string): string {
  if (PLAIN.test(argument)) return argument;
  if (DOUBLE_QUOTE_SAFE.test(argument)) return `"${argument}"`;
  return `'${argument.replaceAll("'", `'\\''`)}'`;
}

/**
 * Joins a program and its arguments into one line to paste into a POSIX shell (bash, zsh, sh).
 *
 * @example
 * shellCommand({ argv: ["lighteval", "accelerate", "model_name=gpt2", "exam|0"] }); // 'lighteval accelerate model_name=gpt2 "exam|0"'
 */
export function shellCommand(params: {
  /** Program first, then its arguments, unquoted. */
  argv: readonly string[];
}): string {
  return params.argv.map(quoteArgument).join(" ");
}
