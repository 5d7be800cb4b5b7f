import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./python.js";

/** Where and how to reach the real peers that `tools/peers/up.sh` started. */
export interface PeersEnv {
  /** Argilla server base URL, e.g. `http://127.0.0.1:6900` (no `/api` suffix). */
  argillaUrl: string;
  /** API key of the owner user `argilla` (local-development credentials). */
  argillaApiKey: string;
  /** Username of the annotator user tests submit responses as (`reviewer`), in workspace `argilla`. */
  reviewerUsername: string;
  /** API key of the annotator user. */
  reviewerApiKey: string;
  /** Python of the evaluation venv (lighteval, datasets, transformers, torch, argilla SDK); `""` with `withEval: false`. */
  python: string;
  /** Python of the Argilla server venv (argilla-server 2.8). */
  argillaPython: string;
  /** OpenSearch base URL, e.g. `http://127.0.0.1:9200`. */
  opensearchUrl: string;
  /** Redis URL, e.g. `redis://127.0.0.1:6379/0`. */
  redisUrl: string;
  /** Folder holding every peer's log. */
  logsDir: string;
  /** The env file the values were read from (`KEY='value'` lines, shell-sourceable). */
  envFile: string;
}

export interface EnsurePeersParams {
  /** Also ensure the evaluation venv (several GB, installed once per machine). Default `true`. */
  withEval?: boolean;
  /** Repo root holding `tools/peers`; found from this file's location by default. */
  root?: string;
  /** Called with each chunk of up.sh's progress output; default: written to this process's stderr. */
  onProgress?: (text: string) => void;
}

/**
 * Starts OpenSearch, Redis, the Argilla server (and its worker) and the evaluation venv with `tools/peers/up.sh`,
 * or reuses a healthy running set (about a second), and returns how to reach them. Never tears them down.
 *
 * @example
 * const peers = await ensurePeers();
 * await fetch(`${peers.argillaUrl}/api/v1/me`, { headers: { "X-Argilla-Api-Key": peers.argillaApiKey } });
 */
export async function ensurePeers(params: EnsurePeersParams = {}): Promise<PeersEnv> {
  const root = params.root ?? repoRoot();
  const upScript = join(root, "tools", "peers", "up.sh");
  const args = [upScript, ...(params.withEval === false ? ["--no-eval"] : [])];
  const onProgress = params.onProgress ?? ((text: string) => process.stderr.write(text));

  const envFile = await new Promise<string>((resolvePath, reject) => {
    const child = spawn("bash", args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let tail = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      tail = (tail + chunk).slice(-4000);
      onProgress(chunk);
    });
    child.on("error", (error) => reject(new Error(`cannot run ${upScript}: ${error.message}`)));
    child.on("close", (code) => {
      if (code === 0) resolvePath(stdout.trim().split("\n").at(-1) ?? "");
      else reject(new Error(`tools/peers/up.sh failed (exit ${code}); its last output:\n${tail}`));
    });
  });
  return readPeersEnvFile(envFile);
}

/**
 * Reads the env file written by `tools/peers/up.sh`.
 *
 * @example
 * const peers = readPeersEnvFile(`${process.env.HOME}/.cache/domain-eval/peers/peers.env`);
 */
export function readPeersEnvFile(envFile: string): PeersEnv {
  const values = new Map<string, string>();
  for (const line of readFileSync(envFile, "utf8").split("\n")) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (!match?.[1]) continue;
    values.set(match[1], (match[2] ?? "").replace(/^'(.*)'$/, "$1"));
  }
  const get = (key: string): string => {
    const value = values.get(key);
    if (value === undefined) {
      throw new Error(`${envFile} has no ${key}: it was written by an older tools/peers/up.sh, run it again`);
    }
    return value;
  };
  return {
    argillaUrl: get("ARGILLA_API_URL"),
    argillaApiKey: get("ARGILLA_API_KEY"),
    reviewerUsername: get("DOMAIN_EVAL_REVIEWER_USERNAME"),
    reviewerApiKey: get("DOMAIN_EVAL_REVIEWER_API_KEY"),
    python: get("DOMAIN_EVAL_PYTHON"),
    argillaPython: get("DOMAIN_EVAL_ARGILLA_PYTHON"),
    opensearchUrl: get("DOMAIN_EVAL_OPENSEARCH_URL"),
    redisUrl: get("DOMAIN_EVAL_REDIS_URL"),
    logsDir: get("DOMAIN_EVAL_PEERS_LOGS"),
    envFile,
  };
}

/**
 * The peers as the environment variables the packages and their tests read (`ARGILLA_API_URL`, `ARGILLA_API_KEY`,
 * `DOMAIN_EVAL_REVIEWER_API_KEY`, `DOMAIN_EVAL_PYTHON`, ...). Empty values are left out.
 *
 * @example
 * Object.assign(process.env, peersProcessEnv(await ensurePeers()));
 */
export function peersProcessEnv(peers: PeersEnv): Record<string, string> {
  const env: Record<string, string> = {
    ARGILLA_API_URL: peers.argillaUrl,
    ARGILLA_API_KEY: peers.argillaApiKey,
    DOMAIN_EVAL_REVIEWER_USERNAME: peers.reviewerUsername,
    DOMAIN_EVAL_REVIEWER_API_KEY: peers.reviewerApiKey,
    DOMAIN_EVAL_PYTHON: peers.python,
    DOMAIN_EVAL_ARGILLA_PYTHON: peers.argillaPython,
    DOMAIN_EVAL_OPENSEARCH_URL: peers.opensearchUrl,
    DOMAIN_EVAL_REDIS_URL: peers.redisUrl,
    DOMAIN_EVAL_PEERS_LOGS: peers.logsDir,
  };
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
}
