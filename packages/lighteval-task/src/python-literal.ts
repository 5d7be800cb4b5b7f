import { TaskConfigError } from "./task-config-error.js";

/** A value that has an exact Python literal: what a task config can hold. */
export type PythonLiteralValue =
  | string
  | number
  | boolean
  | null
  | readonly PythonLiteralValue[]
  | { readonly [key: string]: PythonLiteralValue };

// Characters written as themselves inside a Python string literal: letters, marks, digits, punctuation, symbols and
// the plain space. Everything else (controls, format characters such as bidi overrides and zero-width joiners, line
// and paragraph separators, unusual spaces, private-use and unassigned code points) is escaped, so what a reader sees
// in the file is what Python gets ("Trojan Source" text cannot hide in a generated file).
const VISIBLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

const SHORT_ESCAPES: Record<string, string> = {
  "\\": "\\\\",
  '"': '\\"',
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
};

function hex(codePoint: number, width: number): string {
  return codePoint.toString(16).padStart(width, "0");
}

function escapeCodePoint(char: string, codePoint: number): string {
  const short = SHORT_ESCAPES[char];
  if (short) return short;
  if (VISIBLE.test(char)) return char;
  if (codePoint <= 0xff) return `\\x${hex(codePoint, 2)}`;
  if (codePoint <= 0xffff) return `\\u${hex(codePoint, 4)}`;
  return `\\U${hex(codePoint, 8)}`;
}

function pythonString(value: string, field: string): string {
  let out = '"';
  let index = 0;
  // for…of walks code points, so a surrogate pair arrives as one character and a lone surrogate as itself.
  for (const char of value) {
    const codePoint = char.codePointAt(0) as number;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
      throw new TaskConfigError({
        code: "NOT_REPRESENTABLE",
        field,
        message:
          `${field} contains a lone UTF-16 surrogate (U+${hex(codePoint, 4).toUpperCase()}) at index ${index}: ` +
          "it is not valid Unicode and cannot be written to a UTF-8 file; fix the text it came from",
      });
    }
    out += escapeCodePoint(char, codePoint);
    index += char.length;
  }
  return `${out}"`;
}

function pythonNumber(value: number, field: string): string {
  if (!Number.isFinite(value)) {
    throw new TaskConfigError({
      code: "NOT_REPRESENTABLE",
      field,
      message: `${field} is ${value}: only finite numbers can be written to a task file`,
    });
  }
  if (Number.isInteger(value)) {
    if (!Number.isSafeInteger(value)) {
      throw new TaskConfigError({
        code: "NOT_REPRESENTABLE",
        field,
        message: `${field} is ${value}, beyond 2^53: pass it as a string if it is an id`,
      });
    }
    return Object.is(value, -0) ? "0" : String(value);
  }
  // JavaScript's shortest round-trip form is also a valid Python float literal that reads back to the same double.
  return String(value).replace("e+", "e");
}

/**
 * Writes a JSON-like value as Python source that evaluates (with `ast.literal_eval`) to exactly that value. Strings
 * become double-quoted literals with every quote, backslash and invisible or control character escaped (`\n`, `\x00`,
 * `\u202e`, `\U0001f600` stays visible as 😀); lone surrogates are rejected because no UTF-8 file can carry them.
 * `null` becomes `None`, arrays become lists, plain objects become dicts. Nothing else is accepted.
 *
 * @example
 * toPythonLiteral({ value: 'He said "hi"\n' });            // "\"He said \\\"hi\\\"\\n\""
 * toPythonLiteral({ value: { splits: ["test", "dev"], revision: null } }); // '{"splits": ["test", "dev"], "revision": None}'
 */
export function toPythonLiteral(params: {
  /** The value to write. */
  value: PythonLiteralValue;
  /** Name of the config field it came from, used in error messages. Default `"value"`. */
  field?: string;
}): string {
  const field = params.field ?? "value";
  const value = params.value;
  if (value === null) return "None";
  switch (typeof value) {
    case "string":
      return pythonString(value, field);
    case "number":
      return pythonNumber(value, field);
    case "boolean":
      return value ? "True" : "False";
    case "object": {
      if (Array.isArray(value)) {
        const items = value.map((item, i) => toPythonLiteral({ value: item, field: `${field}[${i}]` }));
        return `[${items.join(", ")}]`;
      }
      const prototype = Object.getPrototypeOf(value);
      if (prototype === Object.prototype || prototype === null) {
        const entries = Object.entries(value).map(
          ([key, item]) =>
            `${pythonString(key, `${field} key`)}: ${toPythonLiteral({ value: item, field: `${field}.${key}` })}`,
        );
        return `{${entries.join(", ")}}`;
      }
      break;
    }
  }
  throw new TaskConfigError({
    code: "NOT_REPRESENTABLE",
    field,
    message: `${field} is a ${value === undefined ? "undefined value" : typeof value}: only strings, finite numbers, booleans, null, arrays and plain objects can be written to a task file`,
  });
}
