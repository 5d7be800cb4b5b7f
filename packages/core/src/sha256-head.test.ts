import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256Head } from "./sha256-head.js";

/** The first 8 digest bytes as Node's own SHA-256 gives them. */
function nodeHead(text: string): [number, number] {
  const digest = createHash("sha256").update(text, "utf8").digest();
  return [digest.readUInt32BE(0), digest.readUInt32BE(4)];
}

/** A deterministic text of `length` code units drawn from `alphabet`. */
function textOf(length: number, alphabet: readonly string[], seed: number): string {
  let state = seed;
  let out = "";
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out += alphabet[state % alphabet.length];
  }
  return out;
}

describe("sha256Head", () => {
  it("gives the first 64 bits of Node's SHA-256 for every message length around the block and buffer boundaries", () => {
    const ascii = [..."abcdefghijklmnopqrstuvwxyz0123456789-_:#\u0000"];
    for (let length = 0; length <= 300; length++) {
      const text = textOf(length, ascii, length);
      expect([...sha256Head(text)], `length ${length}`).toEqual(nodeHead(text));
    }
  });

  it("the same for the choice order's keys and for texts beyond ASCII (Japanese, Chinese, emoji, lone surrogates)", () => {
    const wide = [..."aあ漢字中文é"].concat(["😀", "\ud800", "\udc00", "x"]);
    const texts = [
      "1234\u0000bench-q-0\u0000prng",
      "42\u0000q-000001\u0000balance",
      "7\u0000問題-001\u0000position",
      ...Array.from({ length: 400 }, (_, i) => textOf(i % 140, wide, i + 1)),
    ];
    for (const text of texts) expect([...sha256Head(text)], JSON.stringify(text)).toEqual(nodeHead(text));
  });
});
