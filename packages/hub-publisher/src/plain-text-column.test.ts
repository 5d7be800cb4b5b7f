import { describe, expect, it } from "vitest";
import { compareUtf8 } from "./plain-text-column.js";

describe("compareUtf8", () => {
  it("orders texts as their UTF-8 bytes do: surrogate pairs after U+E000–U+FFFF, a lone surrogate as U+FFFD", () => {
    const alphabet = [
      "a",
      "b",
      "é",
      "漢",
      "字",
      "\ue000",
      "\uffee",
      "\ufffd",
      "😀",
      "😃",
      "\ud83d",
      "\ude00",
      "\udfff",
    ];
    let state = 11;
    const texts: string[] = ["", "a", "ab", "😀", "\ud83d"];
    for (let i = 0; i < 600; i++) {
      let text = "";
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const length = state % 5;
      for (let j = 0; j < length; j++) {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        text += alphabet[state % alphabet.length];
      }
      texts.push(text);
    }
    const wrong: string[] = [];
    let compared = 0;
    for (const a of texts) {
      for (const b of texts.slice(0, 200)) {
        const bytes = Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
        if (Math.sign(compareUtf8(a, b)) !== bytes) wrong.push(`${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
        compared++;
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(compared).toBeGreaterThan(100_000);
    // where UTF-16 order differs: U+FFEE sorts before 😀 in UTF-8 but after it in UTF-16 code units
    expect(compareUtf8("\uffee", "😀")).toBeLessThan(0);
    expect("\uffee" < "😀").toBe(false);
  });
});
