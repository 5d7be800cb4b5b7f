import { ByteWriter } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { compareUtf8, PlainTextColumnBuilder } from "./plain-text-column.js";

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

describe("PlainTextColumnBuilder", () => {
  const write = (builder: PlainTextColumnBuilder, pageSize = 1 << 20) =>
    builder.write({ writer: new ByteWriter(), pageSize, compress: (bytes) => bytes });

  it("gives back the texts it encoded when the generic writer must write them (a column past a page)", () => {
    const lists = [["東京", "大阪"], [], ["😀 emoji", "", "a"], ["x".repeat(70_000)]];
    const builder = new PlainTextColumnBuilder({ name: "choices", list: true, statistics: false, estimate: "bytes" });
    for (const list of lists) builder.add(list);
    expect(write(builder, 1 << 16)).toBeUndefined();
    expect(builder.values()).toEqual(lists);

    const texts = ["質問 1", "", "q".repeat(5000)];
    const ids = new PlainTextColumnBuilder({ name: "id", list: false, statistics: true, estimate: "chars" });
    for (const text of texts) ids.add(text);
    expect(write(ids, 100)).toBeUndefined();
    expect(ids.values()).toEqual(texts);
  });

  it("keeps the values as given from the first one that is not a text, and writes nothing then", () => {
    const builder = new PlainTextColumnBuilder({ name: "id", list: false, statistics: true, estimate: "chars" });
    builder.add("q-1");
    builder.add(null);
    builder.add("q-3");
    expect(write(builder)).toBeUndefined();
    expect(builder.values()).toEqual(["q-1", null, "q-3"]);
    expect(builder.rows).toBe(3);
  });

  it("starts each row group empty, its buffers reused", () => {
    const builder = new PlainTextColumnBuilder({ name: "question", list: false, statistics: false, estimate: "bytes" });
    builder.add("first group");
    builder.restart();
    builder.add("second");
    expect(builder.values()).toEqual(["second"]);
    const written = write(builder);
    expect(written?.chunk.meta_data?.num_values).toBe(1n);
  });
});
