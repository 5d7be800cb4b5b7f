import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, secretValues } from "./config.js";

describe("loadConfig", () => {
  it("takes flags over the config file over the environment", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "cfg-"));
    await writeFile(
      join(cwd, "domain-eval.config.json"),
      JSON.stringify({ model: "from-file", argillaApiUrl: "http://file" }),
    );
    const config = await loadConfig({
      cwd,
      flags: { model: "from-flag" },
      env: { DOMAIN_EVAL_MODEL: "from-env", ARGILLA_API_URL: "http://env", OPENAI_API_KEY: "sk-env" },
    });
    expect(config).toEqual({ model: "from-flag", argillaApiUrl: "http://file", openaiApiKey: "sk-env" });
  });

  it("explains a broken or unknown config file", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "cfg-"));
    await writeFile(join(cwd, "bad.json"), "{ nope");
    await writeFile(join(cwd, "typo.json"), JSON.stringify({ modle: "x" }));
    await expect(loadConfig({ cwd, flags: { config: "bad.json" }, env: {} })).rejects.toThrow(/is not valid JSON/);
    await expect(loadConfig({ cwd, flags: { config: "typo.json" }, env: {} })).rejects.toThrow(/unknown keys modle/);
    await expect(loadConfig({ cwd, flags: { config: "missing.json" }, env: {} })).rejects.toThrow(/does not exist/);
  });

  it("names the place of a JSON error in a config file, never the key written there", async () => {
    const cwd = await mkdtemp(join(tmpdir(), "cfg-"));
    // An unquoted key: V8's message quotes the stretch of the file around it.
    await writeFile(join(cwd, "bad.json"), '{\n  "model": "m",\n  "argillaApiKey": sk-live-abcdef123456\n}\n');
    const error = await loadConfig({ cwd, flags: { config: "bad.json" }, env: {} }).then(
      () => new Error("no error"),
      (e: Error) => e,
    );
    expect(error.message).toMatch(/bad\.json is not valid JSON \(.*\): fix it or remove it/);
    expect(error.message).not.toMatch(/sk-live|abcdef/);
  });

  it("finds the secret values of a config (core's minimum length: a short value is no key)", () => {
    expect(secretValues({ openaiApiKey: "sk-abc12345", hfToken: "hf_x", model: "not-a-secret-at-all" })).toEqual([
      "sk-abc12345",
    ]);
  });
});
