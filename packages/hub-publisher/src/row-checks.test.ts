import { redactSecrets } from "@domain-eval/core";
import { describe, expect, it } from "vitest";
import { secretLeakIn } from "./secret-guard.js";

describe("secretLeakIn", () => {
  const secret = "sk-live-0123456789abcdef";
  const texts = [
    "plain text",
    `key ${secret} inside`,
    `  ${secret}`,
    "hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 in text",
    "hf_short",
    `hf_${"a".repeat(29)}`,
    `hf_${"a".repeat(30)}`,
    "sk-live",
  ];
  it("refuses exactly what core's scrubber would change, secrets trimmed and short ones ignored", () => {
    for (const secrets of [[], [secret], [`  ${secret}  `], ["sk-live"], [secret, "hf_short"]]) {
      for (const text of texts) {
        const leak = secretLeakIn(text, secrets);
        const changesWithoutSecrets = redactSecrets({ text, secrets: [] }) !== text;
        const changes = redactSecrets({ text, secrets }) !== text;
        expect(leak === undefined, `${text} / ${secrets.join(",")}`).toBe(!changes);
        if (changesWithoutSecrets) expect(leak).toContain("shaped like a Hugging Face access token");
        else if (changes) expect(leak).toContain("value of an access token or API key");
      }
    }
  });
});
