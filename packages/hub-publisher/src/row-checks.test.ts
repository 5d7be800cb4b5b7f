import { ExamItemSchema, redactSecrets } from "@domain-eval/core";
import { describe, expect, it } from "vitest";
import { makeExamItems } from "../test/exam-items.js";
import { plainValidItem } from "./dataset-folder.js";
import { secretLeakIn } from "./secret-guard.js";

/** Rows with one field changed to a value at the edge of what the schema takes, or just past it. */
function variants(): unknown[] {
  const row = makeExamItems(1)[0] as unknown as Record<string, unknown>;
  const edits: Record<string, unknown[]> = {
    id: ["", 1, undefined],
    question: ["", null],
    subject: ["", 3],
    choices: [["only one"], ["a", 2], "ab", [], ["a", "b", "c", "d", "e", "f"]],
    answer: [-1, 0, -0, 1.5, 3, 4, 6, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, "1"],
    source_document_id: ["", undefined],
    citations: [[], [1], "c", null],
    generator_model: [""],
    review_status: ["submitted", "discarded", undefined],
    reviewer_count: [0, 3, -1, 0.5, 2 ** 53, Number.NaN],
    agreement: [null, 0, 1, -0, 1.0000001, -0.1, Number.NaN, undefined, "0.5"],
    validation_open_book: [undefined, null, 0, 1, 2, Number.NaN, "x"],
    validation_closed_book: [0.5, -1],
    validation_options_only: [null, true],
    validation_position_sensitive: [true, false, null, undefined, 0, "true"],
    extra_column: ["dropped"],
  };
  const out: unknown[] = [row, null, [], "row", { ...row, choices: ["a", "b"], answer: 1 }];
  for (const [key, values] of Object.entries(edits)) for (const value of values) out.push({ ...row, [key]: value });
  const withoutOptional = { ...row };
  delete withoutOptional.validation_closed_book;
  delete withoutOptional.validation_position_sensitive;
  out.push(withoutOptional);
  // The optional columns given in another order: the schema's copy has them in its own order.
  const { validation_open_book, ...rest } = row;
  out.push({ ...rest, validation_open_book });
  return out;
}

describe("the writer's row check", () => {
  it("takes the plain path for every row toExamItem builds", () => {
    for (const row of makeExamItems(50, { fiveOptionsEvery: 4 })) {
      expect(plainValidItem(row)).toStrictEqual(ExamItemSchema.parse(row));
    }
  });

  it("gives the schema's row (same keys in the same order) or leaves the row to the schema, never anything else", () => {
    let plain = 0;
    for (const value of variants()) {
      const parsed = ExamItemSchema.safeParse(value);
      const fast = plainValidItem(value);
      if (fast === undefined) {
        // Left to the schema: only rows it refuses, or ones it takes (e.g. answer -0) and the plain checks also take.
        if (parsed.success) expect(plainValidItem(parsed.data)).toStrictEqual(parsed.data);
        continue;
      }
      plain++;
      expect(parsed.success, JSON.stringify(value)).toBe(true);
      expect(Object.keys(fast)).toEqual(Object.keys(parsed.data as object));
      expect(fast).toStrictEqual(parsed.data);
    }
    expect(plain).toBeGreaterThan(20);
  });
});

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
