import { readFile } from "node:fs/promises";
import { type PriceTable, parsePriceTable, type TokenPrices } from "@domain-eval/core";
import { type Command, InvalidArgumentError } from "commander";
import { CliError } from "./cli-error.js";

/** The price flags (generate, run, report). */
export interface PriceFlags {
  prices?: string;
  priceInput?: number;
  priceOutput?: number;
  currency?: string;
}

function nonNegativeNumber(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`${name} must be a number of at least 0`);
    return n;
  };
}

/** `--prices FILE` (a price table per model), or one model's `--price-input` / `--price-output` per million tokens. */
export function addPriceOptions(command: Command): Command {
  return command
    .option(
      "--prices <file>",
      'price table JSON: {"currency": "USD", "batch_discount": 0.5, "models": {"gpt-4o-mini": {"input": 0.15, "output": 0.6}}} (per million tokens)',
    )
    .option(
      "--price-input <price>",
      "price per million prompt tokens, for the cost",
      nonNegativeNumber("--price-input"),
    )
    .option("--price-output <price>", "price per million completion tokens", nonNegativeNumber("--price-output"))
    .option("--currency <code>", "currency of --price-input/--price-output", "USD");
}

/** The price table of the flags: the `--prices` file, or the two price flags as the table's `*` entry. */
export async function readPriceTable(flags: PriceFlags): Promise<PriceTable | undefined> {
  const single = flags.priceInput !== undefined || flags.priceOutput !== undefined;
  if (flags.prices && single) {
    throw new CliError("pass --prices FILE or --price-input/--price-output, not both (the file can list every model)");
  }
  if (single) {
    if (flags.priceInput === undefined || flags.priceOutput === undefined) {
      throw new CliError("pass both --price-input and --price-output (prices per million tokens), or neither");
    }
    const prices: TokenPrices = {
      inputPerMillion: flags.priceInput,
      outputPerMillion: flags.priceOutput,
      currency: flags.currency ?? "USD",
    };
    return { models: { "*": prices } };
  }
  if (!flags.prices) return undefined;
  let text: string;
  try {
    text = await readFile(flags.prices, "utf8");
  } catch {
    throw new CliError(`--prices ${flags.prices} cannot be read: point it at a JSON price table`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(`--prices ${flags.prices} is not valid JSON (${(error as Error).message}): fix the file`);
  }
  try {
    return parsePriceTable({ value, source: `--prices ${flags.prices}` });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}
