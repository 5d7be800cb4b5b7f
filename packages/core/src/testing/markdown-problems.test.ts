import { describe, expect, it } from "vitest";
import { findMarkdownProblems } from "./markdown-problems.js";

describe("findMarkdownProblems", () => {
  it("reads headings and list items of well-formed guidelines and finds no problems", () => {
    const report = findMarkdownProblems({
      markdown:
        "# Reviewing\n\nCheck the source.\n\n## Accept when\n\n- the quote is verbatim\n1. the answer follows\n",
    });
    expect(report.problems).toEqual([]);
    expect(report.headings).toEqual([
      { level: 1, text: "Reviewing", line: 1 },
      { level: 2, text: "Accept when", line: 5 },
    ]);
    expect(report.listItems).toBe(2);
  });

  it.each([
    ["no heading", "Just a paragraph.\n- a list", "has no heading"],
    ["a skipped level", "# Title\n### Deep", "jumps from 1 to 3"],
    ["an empty heading", "# Title\n## \ntext", "has no text"],
    ["a hash without a space", "# Title\n#Accept when", "needs a space after #"],
    ["an unclosed fence", "# Title\n```\ncode", "never closed"],
    ["raw HTML", "# Title\n<div>boxed</div>", "raw HTML"],
    ["a TODO", "# Title\nTODO: write this", 'placeholder "TODO"'],
    ["a template token", "# __DISPLAY_NAME__ review\ntext", 'placeholder "__DISPLAY_NAME__"'],
    ["a mustache token", "# Title\nHello {{name}}", "placeholder"],
  ])("reports %s", (_name, markdown, expected) => {
    const { problems } = findMarkdownProblems({ markdown, label: "guidelines" });
    expect(problems.join("\n")).toContain(expected);
  });

  it("ignores heading-like and placeholder-like lines inside code blocks", () => {
    const markdown = "# Title\n\n~~~\n#not-a-heading TODO <div>\n~~~\n\nDone.";
    expect(findMarkdownProblems({ markdown }).problems).toEqual([]);
  });

  it("names the line in each problem", () => {
    const { problems } = findMarkdownProblems({ markdown: "# Title\n\n\n#Bad", label: "reviewerGuidelines" });
    expect(problems).toEqual(['reviewerGuidelines line 4: "#Bad" is not a heading (markdown needs a space after #)']);
  });
});
