import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { CliError } from "./cli-error.js";

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
  try {
    const parsed: unknown = JSON.parse(await readFile(path, "utf8"));
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
      throw new CliError(`config file ${path} is not valid JSON (${error.message}): fix it or remove it`);
    } else {
      throw new CliError(`cannot read config file ${path}: ${(error as Error).message}`);
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

/** The secret values of a config, to scrub from anything printed. */
export function secretValues(config: CliConfig): string[] {
  return SECRET_KEYS.map((k) => config[k]).filter((v): v is string => typeof v === "string" && v.length >= 4);
}

/** Replaces every occurrence of each secret in `text` with `***`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join("***");
  return out;
}
