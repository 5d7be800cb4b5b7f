import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { redactSecrets, secretsOf } from "@domain-eval/core";
import { CliError, EXIT } from "./cli-error.js";

/**
 * Settings the commands read. Precedence: command-line flags, then the config file, then the environment
 * (`OPENAI_BASE_URL`, `OPENAI_API_KEY`, `DOMAIN_EVAL_MODEL`, `HF_TOKEN`, `ARGILLA_API_URL`, `ARGILLA_API_KEY`).
 */
export interface CliConfig {
  openaiBaseUrl?: string;
  openaiApiKey?: string;
  model?: string;
  modelFile?: string;
  hfToken?: string;
  argillaApiUrl?: string;
  argillaApiKey?: string;
  domain?: string;
}

const ENV_KEYS: Record<keyof CliConfig, string | undefined> = {
  openaiBaseUrl: "OPENAI_BASE_URL",
  openaiApiKey: "OPENAI_API_KEY",
  model: "DOMAIN_EVAL_MODEL",
  modelFile: "DOMAIN_EVAL_MODEL_FILE",
  hfToken: "HF_TOKEN",
  argillaApiUrl: "ARGILLA_API_URL",
  argillaApiKey: "ARGILLA_API_KEY",
  domain: "DOMAIN_EVAL_DOMAIN",
};

const SECRET_KEYS = ["openaiApiKey", "hfToken", "argillaApiKey"] as const satisfies readonly (keyof CliConfig)[];

export const DEFAULT_CONFIG_FILE = "domain-eval.config.json";

/**
 * Resolves the configuration from flags, the config file (`--config FILE`, else `./domain-eval.config.json` when it
 * exists) and the environment.
 */
export async function loadConfig(params: {
  flags: Partial<CliConfig> & { config?: string };
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}): Promise<CliConfig> {
  const env = params.env ?? process.env;
  const cwd = params.cwd ?? process.cwd();
  const explicit = params.flags.config;
  const path = resolve(cwd, explicit ?? DEFAULT_CONFIG_FILE);
  let fromFile: Partial<CliConfig> = {};
  let text = "";
  try {
    text = await readFile(path, "utf8");
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new CliError(`config file ${path} must hold a JSON object such as {"model": "gpt-4o-mini"}`);
    }
    const unknownKeys = Object.keys(parsed).filter((k) => !(k in ENV_KEYS));
    if (unknownKeys.length > 0) {
      throw new CliError(
        `config file ${path} has unknown keys ${unknownKeys.join(", ")}: allowed keys are ${Object.keys(ENV_KEYS).join(", ")}`,
      );
    }
    fromFile = parsed as Partial<CliConfig>;
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && explicit === undefined) {
      // no default config file: fine
    } else if (code === "ENOENT") {
      throw new CliError(`config file ${path} does not exist: check the --config path`);
    } else if (error instanceof SyntaxError) {
      // No `cause`: the parser's message quotes the file, which can hold a key.
      const problem = redactSecrets({
        text: describeJsonError(error, text),
        secrets: [...secretsInConfigText(text), ...secretValues(envConfig(env))],
      });
      throw new CliError(`config file ${path} is not valid JSON (${problem}): fix it or remove it`);
    } else {
      throw new CliError(`cannot read config file ${path}: ${(error as Error).message}`, EXIT.USAGE, {
        cause: error,
      });
    }
  }
  const config: CliConfig = {};
  for (const key of Object.keys(ENV_KEYS) as (keyof CliConfig)[]) {
    const envName = ENV_KEYS[key];
    const value = params.flags[key] ?? fromFile[key] ?? (envName ? env[envName] : undefined);
    if (value !== undefined && value !== "") config[key] = value;
  }
  return config;
}

/** The secret values of a config, to scrub from anything printed (core's `redactSecrets`). */
export function secretValues(config: CliConfig): string[] {
  return secretsOf({ values: SECRET_KEYS.map((k) => config[k]) });
}

/** The settings the environment alone gives. */
export function envConfig(env: NodeJS.ProcessEnv = process.env): CliConfig {
  const config: CliConfig = {};
  for (const [key, name] of Object.entries(ENV_KEYS) as [keyof CliConfig, string | undefined][]) {
    const value = name ? env[name] : undefined;
    if (value) config[key] = value;
  }
  return config;
}

/** Values written after a secret key in a config file that does not parse, so an error about it never shows them. */
function secretsInConfigText(text: string): string[] {
  const pattern = new RegExp(`"(?:${SECRET_KEYS.join("|")})"\\s*:\\s*"?([^"\\s,}]+)`, "gu");
  return [...text.matchAll(pattern)].map((m) => m[1] ?? "");
}

/**
 * What is wrong with a JSON text, with line and column, without the stretch of the file V8 quotes in some messages
 * (`Unexpected token 's', ..."apiKey": sk-…"... is not valid JSON`): that stretch can hold a key.
 */
function describeJsonError(error: SyntaxError, text: string): string {
  const reason = error.message
    .replace(/,?\s*(?:\.\.\.)?".*"(?:\.\.\.)? is not valid JSON$/su, "")
    .replace(/ in JSON at position \d+.*$/su, "");
  const position = /at position (\d+)/u.exec(error.message)?.[1];
  if (position === undefined) return reason;
  const before = text.slice(0, Number(position));
  const line = before.split("\n").length;
  const column = Number(position) - before.lastIndexOf("\n");
  return `${reason} at line ${line}, column ${column}`;
}
