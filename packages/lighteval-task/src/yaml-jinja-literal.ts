import { TaskConfigError } from "./task-config-error.js";

function codePoints(text: string, field: string): { char: string; codePoint: number }[] {
  const out: { char: string; codePoint: number }[] = [];
  let index = 0;
  for (const char of text) {
    const codePoint = char.codePointAt(0) as number;
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) {
      throw new TaskConfigError({
        code: "NOT_REPRESENTABLE",
        field,
        message: `${field} contains a lone UTF-16 surrogate (U+${codePoint.toString(16).toUpperCase()}) at index ${index}: it is not valid Unicode; fix the text it came from`,
      });
    }
    out.push({ char, codePoint });
    index += char.length;
  }
  return out;
}

/** `\xNN`, `\uNNNN` or `\UNNNNNNNN`: the escapes YAML double-quoted scalars and Python/Jinja string literals share. */
function numericEscape(codePoint: number): string {
  if (codePoint <= 0xff) return `\\x${codePoint.toString(16).padStart(2, "0")}`;
  if (codePoint <= 0xffff) return `\\u${codePoint.toString(16).padStart(4, "0")}`;
  return `\\U${codePoint.toString(16).padStart(8, "0")}`;
}

/**
 * A YAML double-quoted scalar holding exactly `text`, in printable ASCII: quotes, backslashes and every character
 * outside printable ASCII are escaped, so no value can end the scalar, start a new key or trip the YAML reader.
 *
 * @example
 * toYamlString({ text: 'a "b"\n' }); // "\"a \\\"b\\\"\\n\""
 */
export function toYamlString(params: {
  /** The text to write. */
  text: string;
  /** Config field it came from, for error messages. */
  field?: string;
}): string {
  let out = '"';
  for (const { char, codePoint } of codePoints(params.text, params.field ?? "value")) {
    if (char === "\\" || char === '"') out += `\\${char}`;
    else if (char === "\n") out += "\\n";
    else if (codePoint >= 0x20 && codePoint <= 0x7e) out += char;
    else out += numericEscape(codePoint);
  }
  return `${out}"`;
}

/**
 * A Jinja expression that renders exactly `text` (`{{ "..." }}`): everything but letters, digits and spaces is
 * escaped inside the string literal, so braces, `%` and quotes in the text are never read as template syntax.
 * lm-evaluation-harness renders `doc_to_text` and `description` with Jinja.
 *
 * @example
 * toJinjaText({ text: "Use {{x}} literally" }); // '{{ "Use \\x7b\\x7bx\\x7d\\x7d literally" }}'
 */
export function toJinjaText(params: {
  /** The text to render. */
  text: string;
  /** Config field it came from, for error messages. */
  field?: string;
}): string {
  let out = "";
  for (const { char, codePoint } of codePoints(params.text, params.field ?? "value")) {
    out += /^[A-Za-z0-9 ]$/.test(char) ? char : numericEscape(codePoint);
  }
  return `{{ "${out}" }}`;
}
