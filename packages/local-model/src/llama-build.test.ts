import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LLAMA_BINARY_ENV, llamaBinaryChoice, llamaBuildLocation, restoreLlamaBuild } from "./llama-build.js";
import { LocalChatModel } from "./local-chat-model.js";

describe("llamaBinaryChoice", () => {
  it("defaults to auto, reads DOMAIN_EVAL_LLAMA_BINARY, and the parameter wins over the variable", () => {
    expect(llamaBinaryChoice({ env: {} })).toBe("auto");
    expect(llamaBinaryChoice({ env: { [LLAMA_BINARY_ENV]: "" } })).toBe("auto");
    expect(llamaBinaryChoice({ env: { [LLAMA_BINARY_ENV]: "prebuilt" } })).toBe("prebuilt");
    expect(llamaBinaryChoice({ choice: "built", env: { [LLAMA_BINARY_ENV]: "prebuilt" } })).toBe("built");
  });

  it("refuses an unknown value with the accepted ones, naming where it came from", () => {
    expect(() => llamaBinaryChoice({ env: { [LLAMA_BINARY_ENV]: "openmp" } })).toThrow(
      "DOMAIN_EVAL_LLAMA_BINARY=openmp is not a llama.cpp binary choice: use auto, prebuilt or built",
    );
    expect(() => new LocalChatModel({ modelFile: "m.gguf", llamaBinary: "fast" as never })).toThrow(
      'llamaBinary "fast" is not a llama.cpp binary choice',
    );
  });
});

describe("llamaBuildLocation and restoreLlamaBuild", () => {
  let cache: string | undefined;
  afterEach(async () => {
    if (cache) await rm(cache, { recursive: true, force: true });
    cache = undefined;
  });

  it("keys the cache entry by what is built, under DOMAIN_EVAL_CACHE, and is not ready until a build is recorded", async () => {
    cache = await mkdtemp(join(tmpdir(), "llama-build-"));
    const env = { DOMAIN_EVAL_CACHE: cache };
    const location = llamaBuildLocation({ env });
    expect(location.dir).toBe(join(cache, `llama-cpp-build-${location.key}`));
    expect(location.key).toMatch(/^[0-9a-f]{12}$/u);
    expect(location.ready).toBe(false);
    expect(llamaBuildLocation({ env: { DOMAIN_EVAL_CACHE: join(cache, "other") } }).key).toBe(location.key);

    await mkdir(location.dir, { recursive: true });
    await writeFile(join(location.dir, "domain-eval-build.json"), "{}");
    expect(llamaBuildLocation({ env }).ready).toBe(true);
  });

  it("says where no build was found instead of restoring one, and compiles nothing", async () => {
    cache = await mkdtemp(join(tmpdir(), "llama-build-"));
    const restored = await restoreLlamaBuild({ env: { DOMAIN_EVAL_CACHE: cache } });
    expect(restored).toEqual({
      restored: false,
      missing: true,
      reason: `there is no llama.cpp build for this machine in ${llamaBuildLocation({ env: { DOMAIN_EVAL_CACHE: cache } }).dir}`,
    });
  });
});
