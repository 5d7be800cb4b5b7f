import { describe, expect, it } from "vitest";
import { DomainEvalError } from "./domain-eval-error.js";
import { ifExists } from "./if-exists.js";
import { MIN_SECRET_LENGTH, redactSecrets, secretsOf } from "./redact-secrets.js";

describe("redactSecrets", () => {
  it("replaces every occurrence of each key, the longer of two overlapping keys whole", () => {
    const text = "POST /v1 with sk-live-1234567890abcdef failed; key sk-live-1234567890 also sk-live-1234567890abcdef";
    expect(redactSecrets({ text, secrets: ["sk-live-1234567890", "sk-live-1234567890abcdef"] })).toBe(
      "POST /v1 with *** failed; key *** also ***",
    );
  });

  it("scrubs Hugging Face token shapes even when the token is not known", () => {
    const token = `hf_${"a1B2c3D4e5".repeat(4)}`;
    expect(redactSecrets({ text: `401 for ${token}`, secrets: [] })).toBe("401 for hf_***");
  });

  it("ignores values too short to be keys, so ordinary words survive", () => {
    expect(MIN_SECRET_LENGTH).toBe(8);
    expect(redactSecrets({ text: "the model said yes", secrets: ["yes", "", undefined, "model"] })).toBe(
      "the model said yes",
    );
    expect(secretsOf({ values: [" sk-12345678 ", "sk-12345678", "short", null] })).toEqual(["sk-12345678"]);
  });
});

describe("DomainEvalError", () => {
  it("carries a code and the cause", () => {
    const cause = new Error("EACCES: permission denied");
    const error = new DomainEvalError({ code: "UNREADABLE", message: "cannot read x: fix its permissions", cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe("UNREADABLE");
    expect(error.cause).toBe(cause);
    expect(error.name).toBe("DomainEvalError");
  });
});

describe("ifExists", () => {
  it("is undefined for a missing path and rejects with the real cause otherwise", async () => {
    const { mkdtemp, readFile, mkdir } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = await mkdtemp(join(tmpdir(), "if-exists-"));
    await mkdir(join(dir, "README.md"));
    expect(await ifExists(readFile(join(dir, "missing.md"), "utf8"))).toBeUndefined();
    await expect(ifExists(readFile(join(dir, "README.md"), "utf8"))).rejects.toThrow(/EISDIR/);
  });
});
