/** A heading found in a markdown document. */
export interface MarkdownHeading {
  /** 1 for `#`, 2 for `##`, … */
  level: number;
  text: string;
  /** 1-based line number. */
  line: number;
}

/** The outline of a markdown document and what would make it render badly. */
export interface MarkdownReport {
  headings: MarkdownHeading[];
  /** Lines that are list items (`-`, `*`, `+` or `1.`), outside code blocks. */
  listItems: number;
  /** Each problem names the line and the fix; empty when the document is well-formed. */
  problems: string[];
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$/u;
const HASH_WITHOUT_SPACE = /^ {0,3}#{1,6}[^\s#]/u;
const FENCE = /^ {0,3}(`{3,}|~{3,})/u;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\S/u;
const PLACEHOLDER = /\bTODO\b|\bTBD\b|\bFIXME\b|lorem ipsum|\{\{[^}]*\}\}|__[A-Z][A-Z_]+__/u;
/** Argilla sanitises raw HTML in guidelines; markdown is the portable way to format them. */
const RAW_HTML = /<\/?(?:div|span|p|br|table|tr|td|script|style|font|center)\b[^>]*>/iu;

/**
 * Reads the block structure of a markdown document (headings, lists, fenced code) and lists what would make it render
 * badly or look unfinished in a reviewer's UI: no heading, skipped heading levels, empty headings, `#Heading` without
 * a space, an unclosed code fence, raw HTML, leftover placeholders (`TODO`, `{{…}}`, `__NAME__`).
 *
 * @example
 * const { problems, headings } = findMarkdownProblems({ markdown: plugin.reviewerGuidelines });
 * if (problems.length > 0) throw new Error(problems.join("\n"));
 */
export function findMarkdownProblems(params: {
  /** The markdown text, e.g. a domain plugin's `reviewerGuidelines`. */
  markdown: string;
  /** What the text is, used in the messages (default "the markdown"). */
  label?: string;
}): MarkdownReport {
  const label = params.label ?? "the markdown";
  const lines = params.markdown.replace(/\r\n?/gu, "\n").split("\n");
  const headings: MarkdownHeading[] = [];
  const problems: string[] = [];
  let listItems = 0;
  let openFence: { marker: string; line: number } | undefined;

  lines.forEach((text, index) => {
    const line = index + 1;
    const fence = FENCE.exec(text);
    if (openFence) {
      // A fence closes with the same character, at least as long as the opener.
      if (fence?.[1] && fence[1][0] === openFence.marker[0] && fence[1].length >= openFence.marker.length) {
        openFence = undefined;
      }
      return;
    }
    if (fence?.[1]) {
      openFence = { marker: fence[1], line };
      return;
    }
    const placeholder = PLACEHOLDER.exec(text);
    if (placeholder) {
      problems.push(`${label} line ${line}: placeholder "${placeholder[0]}" left in: write the real text`);
    }
    const heading = ATX_HEADING.exec(text);
    if (heading?.[1]) {
      const level = heading[1].length;
      const headingText = (heading[2] ?? "").trim();
      if (headingText === "") problems.push(`${label} line ${line}: heading "${text.trim()}" has no text`);
      const previous = headings.at(-1);
      if (previous && level > previous.level + 1) {
        problems.push(
          `${label} line ${line}: heading level jumps from ${previous.level} to ${level} ("${headingText}"): use ${"#".repeat(previous.level + 1)}`,
        );
      }
      headings.push({ level, text: headingText, line });
      return;
    }
    if (HASH_WITHOUT_SPACE.test(text)) {
      problems.push(
        `${label} line ${line}: "${text.trim().slice(0, 40)}" is not a heading (markdown needs a space after #)`,
      );
    }
    if (LIST_ITEM.test(text)) listItems++;
    if (RAW_HTML.test(text)) {
      problems.push(`${label} line ${line}: raw HTML is not rendered in the review UI: use markdown instead`);
    }
  });

  if (openFence) {
    problems.push(`${label} line ${openFence.line}: code block opened with ${openFence.marker} is never closed`);
  }
  if (headings.length === 0) {
    problems.push(`${label} has no heading: start it with a "# Title" line so reviewers can find their way`);
  }
  return { headings, listItems, problems };
}
