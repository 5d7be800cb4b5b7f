import { describe, expect, test } from "vitest";
import { toPythonLiteral } from "./python-literal.js";
import { TaskConfigError } from "./task-config-error.js";

describe("toPythonLiteral", () => {
  const cases: [string, { given: Parameters<typeof toPythonLiteral>[0]["value"]; want: string }][] = [
    ["plain text", { given: "finance exam", want: '"finance exam"' }],
    ["double quotes and backslashes", { given: 'say "hi" \\ bye', want: '"say \\"hi\\" \\\\ bye"' }],
    ["triple quotes cannot close anything", { given: '"""; import os', want: '"\\"\\"\\"; import os"' }],
    ["single quotes stay as they are", { given: "it's", want: '"it\'s"' }],
    ["newlines, carriage returns and tabs", { given: "a\nb\r\tc", want: '"a\\nb\\r\\tc"' }],
    ["NUL and other controls", { given: "a\u0000b\u0007\u007f", want: '"a\\x00b\\x07\\x7f"' }],
    ["accents stay readable", { given: "réponse", want: '"réponse"' }],
    ["non-BMP symbols stay readable", { given: "😀 𝔸", want: '"😀 𝔸"' }],
    ["bidi overrides are escaped", { given: "a\u202eb", want: '"a\\u202eb"' }],
    ["zero-width and line separators are escaped", { given: "a\u200db\u2028c", want: '"a\\u200db\\u2028c"' }],
    ["non-breaking space is escaped", { given: "a\u00a0b", want: '"a\\xa0b"' }],
    ["private-use astral code point", { given: "\u{10ffff}", want: '"\\U0010ffff"' }],
    ["integers", { given: 42, want: "42" }],
    ["negative zero", { given: -0, want: "0" }],
    ["floats round-trip", { given: 0.1, want: "0.1" }],
    ["exponent floats", { given: 1.5e-7, want: "1.5e-7" }],
    ["booleans", { given: true, want: "True" }],
    ["null", { given: null, want: "None" }],
    ["lists", { given: ["test", "dev"], want: '["test", "dev"]' }],
    ["dicts with awkward keys", { given: { 'k"': [1, null] }, want: '{"k\\"": [1, None]}' }],
  ];
  test.each(cases)("%s", (_, { given, want }) => {
    expect(toPythonLiteral({ value: given })).toBe(want);
  });

  test("rejects a lone surrogate, naming the field and position", () => {
    expect(() => toPythonLiteral({ value: "ab\ud800c", field: "instruction" })).toThrow(
      /instruction contains a lone UTF-16 surrogate \(U\+D800\) at index 2/,
    );
    expect(() => toPythonLiteral({ value: "\udc00" })).toThrow(TaskConfigError);
  });

  test.each([
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["unsafe integer", 2 ** 60],
  ])("rejects %s", (_, value) => {
    expect(() => toPythonLiteral({ value, field: "fewShots" })).toThrow(/fewShots/);
  });

  test("rejects values without a Python literal", () => {
    expect(() => toPythonLiteral({ value: new Date() as never })).toThrow(/plain objects/);
    expect(() => toPythonLiteral({ value: undefined as never })).toThrow(/undefined/);
  });

  test("writes only printable characters, whatever the input", () => {
    const nasty = Array.from({ length: 0x3000 }, (_, i) => String.fromCodePoint(i)).join("");
    const literal = toPythonLiteral({ value: nasty.replace(/[\ud800-\udfff]/g, "") });
    const invisible = [...literal].filter((char) => {
      const codePoint = char.codePointAt(0) as number;
      return (
        codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0xa0) || (codePoint >= 0x2028 && codePoint <= 0x202e)
      );
    });
    expect(invisible).toEqual([]);
  });
});
