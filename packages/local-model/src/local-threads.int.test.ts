import { afterEach, describe, expect, it, vi } from "vitest";

// The process may use only 1 CPU (as under a 1-CPU cgroup quota): the model must evaluate with 1 thread, not with the
// machine's cores (node-llama-cpp's own default), which made one short answer take 32.5 s instead of 0.3 s.
vi.mock("node:os", async (importOriginal) => {
  const os = await importOriginal<typeof import("node:os")>();
  return { ...os, availableParallelism: () => 1 };
});

const { fetchEmbeddedModel } = await import("./embedded-models.js");
const { createLocalChatModel } = await import("./local-chat-model.js");

describe("local model threads (real SmolLM2)", () => {
  const models: { dispose(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const model of models.splice(0)) await model.dispose();
  });

  it("uses no more threads than the CPUs the process may use", async () => {
    const { path } = await fetchEmbeddedModel({ model: "smollm2-135m-instruct" });
    const model = await createLocalChatModel({ modelFile: path, contextSize: 512, maxTokens: 8 });
    models.push(model);
    expect(await model.loadedThreads()).toBe(1);
  }, 120_000);

  it("uses the threads the user sets", async () => {
    const { path } = await fetchEmbeddedModel({ model: "smollm2-135m-instruct" });
    const model = await createLocalChatModel({ modelFile: path, contextSize: 512, maxTokens: 8, threads: 2 });
    models.push(model);
    expect(await model.loadedThreads()).toBe(2);
  }, 120_000);
});
