import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeDocx, makePdf } from "../test/document-fixtures.js";
import { loadDocuments } from "./load-documents.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "qc-load-"));
  await mkdir(join(dir, "nested", "deeper"), { recursive: true });
  await mkdir(join(dir, ".git"));
  await writeFile(join(dir, "notes.txt"), "Line one of the notes.\r\nLine two: the margin was 12%.\r\n");
  await writeFile(join(dir, "guide.md"), "# Guide\n\nThe **reserve ratio** is 10 percent.\n");
  await writeFile(
    join(dir, "page.html"),
    "<html><head><title>Rates</title><style>p{color:red}</style><script>var secret = 1;</script></head><body><h1>Interest rates</h1><p>The base rate is <b>4.25%</b>.</p><p><a href='https://example.org'>Read more</a></p></body></html>",
  );
  await writeFile(
    join(dir, "nested", "report.pdf"),
    makePdf([["Annual report 2023", "Revenue grew to 4.5 billion euros."], ["Page two says the dividend is 1.20."]]),
  );
  await writeFile(
    join(dir, "nested", "deeper", "policy.docx"),
    makeDocx(["Travel policy", "Economy class is required for flights under six hours."]),
  );
  // bad ones
  await writeFile(join(dir, "empty.txt"), "");
  await writeFile(join(dir, "blank.md"), "  \n\n \t\n");
  await writeFile(join(dir, "image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
  await writeFile(join(dir, "binary.txt"), Buffer.from([0x48, 0x69, 0x00, 0x00, 0x01, 0x02, 0xff]));
  await writeFile(join(dir, "latin1.txt"), Buffer.from("caf\xe9 cr\xe8me", "latin1"));
  await writeFile(join(dir, "broken.pdf"), "this is not a pdf at all");
  await writeFile(join(dir, "broken.docx"), "PK not really a zip");
  await writeFile(join(dir, "notes2.txt"), "Line one of the notes.\nLine two: the margin was 12%.\n");
  await writeFile(join(dir, ".git", "config.txt"), "hidden");
  await writeFile(
    join(dir, "utf16.txt"),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Grüße aus UTF-16", "utf16le")]),
  );
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("loadDocuments", () => {
  it("reads every supported type into text, sorted by path, with ids and relative paths", async () => {
    const { documents } = await loadDocuments({ dir });
    const byPath = Object.fromEntries(documents.map((d) => [d.metadata.document_path, d]));
    expect(Object.keys(byPath)).toEqual([
      "guide.md",
      "nested/deeper/policy.docx",
      "nested/report.pdf",
      "notes.txt",
      "page.html",
      "utf16.txt",
    ]);
    expect(byPath["notes.txt"]?.pageContent).toBe("Line one of the notes.\nLine two: the margin was 12%.\n");
    expect(byPath["guide.md"]?.pageContent).toContain("The **reserve ratio** is 10 percent.");
    const html = byPath["page.html"]?.pageContent ?? "";
    expect(html).toContain("Interest rates");
    expect(html).toContain("The base rate is 4.25%.");
    expect(html).not.toMatch(/<|secret|color:red|example\.org/u);
    const pdf = byPath["nested/report.pdf"];
    expect(pdf?.pageContent).toContain("Revenue grew to 4.5 billion euros.");
    expect(pdf?.pageContent).toContain("Page two says the dividend is 1.20.");
    expect(pdf?.metadata.pages).toBe(2);
    expect(byPath["nested/deeper/policy.docx"]?.pageContent).toContain(
      "Economy class is required for flights under six hours.",
    );
    expect(byPath["utf16.txt"]?.pageContent).toBe("Grüße aus UTF-16");
    for (const document of documents) {
      expect(document.id).toBe(document.metadata.document_id);
      expect(document.metadata.document_id).toMatch(/^doc-[0-9a-f]{16}$/u);
      expect(document.metadata.source).toBe(document.metadata.document_path);
    }
  });

  it("gives the same ids on every run", async () => {
    const first = await loadDocuments({ dir });
    const second = await loadDocuments({ dir });
    expect(second.documents.map((d) => d.id)).toEqual(first.documents.map((d) => d.id));
    expect(new Set(first.documents.map((d) => d.id)).size).toBe(first.documents.length);
  });

  it("skips bad files with a reason the user can act on, and ignores hidden folders", async () => {
    const { skipped } = await loadDocuments({ dir });
    const reasons = Object.fromEntries(skipped.map((s) => [s.path, s.reason]));
    expect(Object.keys(reasons).sort()).toEqual([
      "binary.txt",
      "blank.md",
      "broken.docx",
      "broken.pdf",
      "empty.txt",
      "image.png",
      "latin1.txt",
      "notes2.txt",
    ]);
    expect(reasons["image.png"]).toMatch(/unsupported file type "\.png"/u);
    expect(reasons["empty.txt"]).toMatch(/empty/u);
    expect(reasons["blank.md"]).toMatch(/no text/u);
    expect(reasons["binary.txt"]).toMatch(/binary/u);
    expect(reasons["latin1.txt"]).toMatch(/not valid UTF-8.*convert/u);
    expect(reasons["broken.pdf"]).toMatch(/could not be read as a PDF/u);
    expect(reasons["broken.docx"]).toMatch(/could not be read as a \.docx/u);
    expect(reasons["notes2.txt"]).toMatch(/same text as notes\.txt/u);
  });

  it("skips files over the size limit", async () => {
    const { documents, skipped } = await loadDocuments({ dir, maxFileBytes: 60 });
    expect(documents.map((d) => d.metadata.document_path)).toContain("notes.txt");
    expect(skipped.find((s) => s.path === "page.html")?.reason).toMatch(
      /over the .* limit: split it or raise maxFileBytes/u,
    );
  });

  it("throws a clear error for a missing folder", async () => {
    await expect(loadDocuments({ dir: join(dir, "nope") })).rejects.toThrow(/is not a folder/u);
  });
});
