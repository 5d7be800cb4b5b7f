import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { availableCpus } from "./available-cpus.js";
import { fetchEmbeddedModel } from "./embedded-models.js";
import { createLocalChatModel } from "./local-chat-model.js";

// Own file (own process): one llama.cpp binary per process.
describe("llama.cpp binary without a build of this machine (real SmolLM2)", () => {
  let cache: string;
  beforeAll(async () => {
    cache = await mkdtemp(join(tmpdir(), "llama-prebuilt-"));
    vi.stubEnv("DOMAIN_EVAL_CACHE", cache);
    vi.stubEnv("DOMAIN_EVAL_LLAMA_BINARY", "");
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await rm(cache, { recursive: true, force: true });
  });

  it("runs on node-llama-cpp's prebuilt binary with one CPU left free, and says how to get a faster one", async () => {
    const { path } = await fetchEmbeddedModel({ model: "smollm2-135m-instruct" });
    const model = await createLocalChatModel({ modelFile: path, contextSize: 512, maxTokens: 8 });
    try {
      const binary = await model.loadedLlamaBinary();
      expect(binary).toMatchObject({ kind: "prebuilt", openmp: false });
      expect(binary.message).toContain("llama.cpp: node-llama-cpp's prebuilt binary (no OpenMP");
      expect(binary.message).toContain("npx --no domain-eval-build-llama");
      // One CPU is left for node-llama-cpp's own threads (on 2 CPUs: 1 thread, about twice as fast as 2).
      expect(await model.loadedThreads()).toBe(Math.max(1, availableCpus() - 1));
    } finally {
      await model.dispose();
    }
  }, 120_000);
});
