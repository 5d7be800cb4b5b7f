/** Line breaks of every kind, including the Unicode line and paragraph separators. */
const LINE_BREAKS = /\r\n|[\n\r\u2028\u2029\u0085]/gu;

/**
 * Plain text made safe inside one line of markdown (after a heading mark or list bullet, in a table cell): line
 * breaks become spaces, and characters markdown interprets there (emphasis, code, links, HTML, table pipes, heading
 * closers) are escaped, so the text shows exactly as given. Not meant for the start of a line.
 */
export function escapeMarkdownInline(text: string): string {
  return text
    .replace(LINE_BREAKS, " ")
    .replace(/[\\`*_[\]<>#|~&]/gu, (ch) =>
      ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : `\\${ch}`,
    );
}

/** Markdown (the caller's own formatting kept) indented so every line stays inside one list item. */
export function markdownListItem(markdown: string): string {
  const lines = markdown.trim().split(LINE_BREAKS);
  return `- ${lines.map((line, i) => (i === 0 ? line : line.trim() === "" ? "" : `  ${line}`)).join("\n")}`;
}

/** A fenced code block that no backtick run inside `code` can close early. */
export function fencedCode(code: string, language = ""): string {
  const longestRun = Math.max(0, ...(code.match(/`+/gu) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${code.replace(/\n+$/u, "")}\n${fence}`;
}

/** A markdown table from a header row and body rows whose cells are already escaped. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
