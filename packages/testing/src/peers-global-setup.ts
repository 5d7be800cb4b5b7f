// Vitest global setup for integration tests against the real peers. In a package's vitest.int.config.ts:
//   test: { globalSetup: ["@domain-eval/testing/peers-global-setup"] }
// It runs tools/peers/up.sh once per vitest run (reusing a running set; nothing is torn down at the end), then
// - provides the connection details to tests: `inject("peers")` (typed below), and
// - exports them as environment variables (ARGILLA_API_URL, ARGILLA_API_KEY, DOMAIN_EVAL_REVIEWER_API_KEY,
//   DOMAIN_EVAL_PYTHON, ...), which the test workers inherit.
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { ensurePeers, type PeersEnv, peersProcessEnv } from "./peers.js";

declare module "vitest" {
  export interface ProvidedContext {
    peers: PeersEnv;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const peers = await ensurePeers();
  Object.assign(process.env, peersProcessEnv(peers));
  project.provide("peers", peers);
}
