import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { arch, platform, tmpdir } from "node:os";
import { join } from "node:path";
import { HumanMessage } from "@langchain/core/messages";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fetchEmbeddedModel } from "./embedded-models.js";
import { LLAMA_BUILD_CMAKE_OPTIONS, llamaBuildLocation, nodeLlamaCppPackage } from "./llama-build.js";
import { createLocalChatModel } from "./local-chat-model.js";
import { LocalModelError } from "./local-model-error.js";

// A real build takes minutes (domain-eval-build-llama), so these tests stand one in: node-llama-cpp's prebuilt linux-x64
// binary, put in a cache entry exactly as buildLlama leaves one. What is tested is what a user relies on: a build
// in the cache (which survives npm ci) is restored into node-llama-cpp's localBuilds, loaded, and reported.
const cmakeOptions = { ...LLAMA_BUILD_CMAKE_OPTIONS, DOMAIN_EVAL_TEST: "restore" };
const linuxX64 = platform() === "linux" && arch() === "x64";

/** node-llama-cpp's folder name for a CPU build with these CMake options (getBuildFolderNameForBuildOptions). */
function folderNameFor(options: Record<string, string>): string {
  const text = Object.keys(options)
    .sort()
    .map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(options[key] as string)}`)
    .join(";");
  const hash = Array.from(createHash("sha1").update(text).digest(), (byte) => byte.toString(36)).join("");
  return `linux-x64-${hash}`;
}

describe("this machine's llama.cpp build (real SmolLM2)", () => {
  let cache: string;
  const folderName = folderNameFor(cmakeOptions);
  const localBuild = join(nodeLlamaCppPackage().root, "llama", "localBuilds", folderName);
  beforeAll(async () => {
    cache = await mkdtemp(join(tmpdir(), "llama-binary-"));
    vi.stubEnv("DOMAIN_EVAL_CACHE", cache);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await rm(cache, { recursive: true, force: true });
    await rm(localBuild, { recursive: true, force: true });
  });

  it('fails with NO_LLAMA_BUILD and the command that makes one when "built" is asked for and none exists', async () => {
    const { path } = await fetchEmbeddedModel({ model: "smollm2-135m-instruct" });
    const failure = await createLocalChatModel({ modelFile: path, llamaBinary: "built" }).catch((error) => error);
    expect(failure).toBeInstanceOf(LocalModelError);
    expect(failure.code).toBe("NO_LLAMA_BUILD");
    expect(failure.message).toContain(`there is no llama.cpp build for this machine in ${cache}`);
    expect(failure.message).toContain("npx --no domain-eval-build-llama");
  }, 120_000);

  it.skipIf(!linuxX64)(
    "restores a cached build into node-llama-cpp after npm ci, runs on it and says so",
    async () => {
      const { path } = await fetchEmbeddedModel({ model: "smollm2-135m-instruct" });
      const location = llamaBuildLocation({});
      const prebuilt = join(nodeLlamaCppPackage().root, "..", "@node-llama-cpp", "linux-x64", "bins", "linux-x64");
      await mkdir(join(location.dir, folderName), { recursive: true });
      await cp(prebuilt, join(location.dir, folderName, "Release"), { recursive: true });
      await writeFile(join(location.dir, folderName, "buildDone.status"), "");
      const record = {
        key: location.key,
        folderName,
        cmakeOptions,
        nodeLlamaCpp: "test",
        llamaCpp: "test",
        openmp: false,
      };
      await writeFile(join(location.dir, "domain-eval-build.json"), JSON.stringify(record));
      await rm(localBuild, { recursive: true, force: true }); // as after npm ci

      const model = await createLocalChatModel({
        modelFile: path,
        llamaBinary: "built",
        contextSize: 512,
        maxTokens: 8,
        temperature: 0,
      });
      try {
        const binary = await model.loadedLlamaBinary();
        expect(binary.kind).toBe("built");
        expect(binary.message).toBe(`llama.cpp: this machine's own build from ${location.dir}`);
        expect(JSON.parse(await readFile(join(localBuild, "domain-eval-build.json"), "utf8")).key).toBe(location.key);
        const reply = await model.invoke([new HumanMessage("Say hello.")]);
        expect(String(reply.content).trim()).not.toBe("");
      } finally {
        await model.dispose();
      }
    },
    120_000,
  );
});
