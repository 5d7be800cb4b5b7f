import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, redactSecrets, secretValues } from "./config.js";

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

  it("redacts every secret from printed text", () => {
    const secrets = secretValues({ openaiApiKey: "sk-abc123", hfToken: "hf_secret", model: "not-a-secret" });
    expect(redactSecrets("key sk-abc123 and hf_secret in model not-a-secret", secrets)).toBe(
      "key *** and *** in model not-a-secret",
    );
  });
});
