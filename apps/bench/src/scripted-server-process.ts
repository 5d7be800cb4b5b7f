import { type ChildProcess, spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { RecordedRequest } from "@domain-eval/testing";
import { trackChildProcess } from "./measured-process.js";

/** The scripted OpenAI-compatible server running in its own process, so it takes no CPU from either client. */
export interface ScriptedServerProcess {
  /** Base URL with `/v1`. */
  url: string;
  /** Requests finished so far, read from the server's request log. */
  finishedRequests(): Promise<RecordedRequest[]>;
  stop(): Promise<void>;
}

/** Parameters of {@link startScriptedServerProcess}. */
export interface StartScriptedServerProcessParams {
  /** Delay before each answer, ms. */
  latencyMs: number;
  /** Answers in progress at once; later requests queue on the server. */
  maxConcurrency: number;
  /** File the server appends one JSON line per finished request to. */
  logPath: string;
}

/**
 * Starts `@domain-eval/testing`'s scripted server CLI with the exam-writer model, as a separate process.
 *
 * @example
 * const server = await startScriptedServerProcess({ latencyMs: 200, maxConcurrency: 16, logPath: "requests.jsonl" });
 * // … point both clients at server.url …
 * await server.stop();
 */
export async function startScriptedServerProcess(
  params: StartScriptedServerProcessParams,
): Promise<ScriptedServerProcess> {
  const cli = join(dirname(fileURLToPath(import.meta.resolve("@domain-eval/testing"))), "openai-server", "cli.js");
  const child: ChildProcess = spawn(
    process.execPath,
    [
      cli,
      "--port",
      "0",
      "--latency",
      String(params.latencyMs),
      "--max-concurrency",
      String(params.maxConcurrency),
      "--log",
      params.logPath,
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  trackChildProcess({ child });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.once("line", (line) => {
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch {
        reject(new Error(`the scripted server printed "${line}" instead of its address; stderr: ${stderr}`));
      }
    });
    child.once("exit", (code) => reject(new Error(`the scripted server exited (${code}) before listening: ${stderr}`)));
    child.once("error", (error) => reject(new Error(`cannot start the scripted server (${cli}): ${error.message}`)));
  });
  return {
    url,
    async finishedRequests() {
      const text = await readFile(params.logPath, "utf8").catch(() => "");
      return text
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as RecordedRequest);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
