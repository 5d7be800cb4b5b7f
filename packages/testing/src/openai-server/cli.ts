#!/usr/bin/env node
import { appendFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { examWriterHandler } from "./exam-writer.js";
import type { FaultKind } from "./fault-injection.js";
import { startScriptedOpenAIServer } from "./scripted-openai-server.js";

const USAGE = `Usage: node packages/testing/dist/openai-server/cli.js [options]

Runs the scripted OpenAI-compatible server with the exam-writer "model" until SIGINT/SIGTERM.
Prints one JSON line {"url": "...", "port": N} on stdout once it listens.

  --port N               port (default 0: any free port)
  --latency MS           delay before each answer (default 0)
  --max-concurrency N    answers in progress at once; others queue (default unlimited)
  --fault-rate R         share of requests that fail, 0..1 (default 0)
  --fault-kinds LIST     comma-separated: 429,500,timeout,truncated,malformed,disconnect
  --seed N               seed of the fault draw (default 1)
  --retry-after S        Retry-After seconds on 429 (default 1)
  --reported-model NAME  model name reported in answers (default: the requested one)
  --api-key KEY          require this bearer key (default: none required)
  --log PATH             append one JSON line per finished request to PATH
  --batch-step-ms MS     time of each batch status step (default 20)
  --batch-max-requests N requests allowed per batch (default 50000)
  --batch-expire-after N the first batch expires after N answered lines
`;

function main(): void {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      latency: { type: "string" },
      "max-concurrency": { type: "string" },
      "fault-rate": { type: "string" },
      "fault-kinds": { type: "string" },
      seed: { type: "string" },
      "retry-after": { type: "string" },
      "reported-model": { type: "string" },
      "api-key": { type: "string" },
      log: { type: "string" },
      "batch-step-ms": { type: "string" },
      "batch-max-requests": { type: "string" },
      "batch-expire-after": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const number = (name: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    if (!Number.isFinite(n)) throw new TypeError(`--${name} must be a number, got "${value}"`);
    return n;
  };
  const logPath = values.log;
  startScriptedOpenAIServer({
    handler: examWriterHandler(),
    port: number("port", values.port),
    latencyMs: number("latency", values.latency),
    maxConcurrency: number("max-concurrency", values["max-concurrency"]),
    faults: values["fault-rate"]
      ? {
          rate: number("fault-rate", values["fault-rate"]) as number,
          kinds: values["fault-kinds"]?.split(",").map((k) => k.trim() as FaultKind),
          seed: number("seed", values.seed),
          retryAfterSeconds: number("retry-after", values["retry-after"]),
        }
      : undefined,
    reportedModel: values["reported-model"],
    apiKey: values["api-key"],
    batches: {
      stepMs: number("batch-step-ms", values["batch-step-ms"]),
      maxRequests: number("batch-max-requests", values["batch-max-requests"]),
      fault: values["batch-expire-after"]
        ? ({ index }) =>
            index === 0
              ? { expireAfterLines: number("batch-expire-after", values["batch-expire-after"]) as number }
              : undefined
        : undefined,
    },
    onRequest: logPath ? (request) => appendFileSync(logPath, `${JSON.stringify(request)}\n`) : undefined,
  }).then(
    (server) => {
      process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port })}\n`);
      const stop = () => {
        process.stderr.write(`scripted server: ${server.requests.length} requests, stopping\n`);
        server.close().then(() => process.exit(0));
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    },
    (error: Error) => {
      process.stderr.write(`scripted server failed to start: ${error.message}\n`);
      process.exit(1);
    },
  );
}

try {
  main();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
