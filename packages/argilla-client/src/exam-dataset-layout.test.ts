import { describe, expect, it } from "vitest";
import { examDatasetLayout, findLayoutMismatches } from "./exam-dataset-layout.js";

const stamp = { id: "x", dataset_id: "d", inserted_at: "t", updated_at: "t" };

/** What the server would report for a dataset created from `layout`. */
function asExisting(layout: ReturnType<typeof examDatasetLayout>) {
  return {
    fields: layout.fields.map((f) => ({ ...stamp, ...f, required: f.required ?? false })),
    questions: layout.questions.map((q) => ({ ...stamp, ...q, required: q.required ?? false, description: null })),
    metadataProperties: layout.metadataProperties.map((m) => ({ ...stamp, ...m, visible_for_annotators: true })),
  } as unknown as Parameters<typeof findLayoutMismatches>[0]["existing"];
}

describe("examDatasetLayout", () => {
  it("has the question, one field per option, a required label question and optional improvements", () => {
    const layout = examDatasetLayout({ optionCount: 5, extraMetadataProperties: [{ name: "difficulty" }] });
    expect(layout.fields.map((f) => [f.name, f.required])).toEqual([
      ["question", true],
      ["answer_a", true],
      ["answer_b", true],
      ["answer_c", false],
      ["answer_d", false],
      ["answer_e", false],
      ["citations", false],
      ["findings", false],
    ]);
    expect(layout.questions.map((q) => [q.name, q.required, q.settings.type])).toEqual([
      ["correct_answer", true, "label_selection"],
      ["improved_question", false, "text"],
      ["improved_answer", false, "text"],
    ]);
    const label = layout.questions[0]?.settings;
    expect(label?.type === "label_selection" && label.options.map((o) => o.value)).toEqual(["A", "B", "C", "D", "E"]);
    expect(layout.metadataProperties.map((m) => [m.name, m.settings.type])).toEqual([
      ["source_document", "terms"],
      ["generator_model", "terms"],
      ["finding_codes", "terms"],
      ["validation_position_sensitive", "terms"],
      ["difficulty", "terms"],
      ["validation_open_book_pct", "integer"],
      ["validation_closed_book_pct", "integer"],
      ["validation_options_only_pct", "integer"],
    ]);
  });
});

describe("findLayoutMismatches", () => {
  const layout = examDatasetLayout({ optionCount: 4 });

  it("accepts a dataset made from the same layout", () => {
    expect(findLayoutMismatches({ existing: asExisting(layout), layout, published: true })).toEqual([]);
  });

  it("names a different option count, a missing field and a foreign required question", () => {
    const other = asExisting(examDatasetLayout({ optionCount: 3 }));
    other.questions.push({ ...other.questions[1], name: "rating", required: true } as (typeof other.questions)[number]);
    other.fields = other.fields.filter((f) => f.name !== "citations");
    expect(findLayoutMismatches({ existing: other, layout, published: true })).toEqual([
      'field "answer_d" is missing',
      'field "citations" is missing',
      'question "correct_answer" offers A,B,C, but exam items need A,B,C,D',
      'question "rating" is required but is not part of an exam review',
    ]);
  });

  it("reuses a dataset made for more options: fewer-option items fit", () => {
    const wider = asExisting(examDatasetLayout({ optionCount: 5 }));
    expect(findLayoutMismatches({ existing: wider, layout, published: true })).toEqual([]);
  });

  it("lets a draft miss settings (they are added before publishing)", () => {
    const draft = asExisting(layout);
    draft.fields = draft.fields.slice(0, 2);
    draft.questions = [];
    expect(findLayoutMismatches({ existing: draft, layout, published: false })).toEqual([]);
  });
});

describe("validation in exam records", () => {
  it("shows the findings and the panel's rates to reviewers and makes them filterable metadata", async () => {
    const { examRecordFor } = await import("./exam-record.js");
    const { examItem } = await import("./fake-argilla.test-helper.js");
    const item = examItem(5);
    const record = examRecordFor({
      item,
      correctAnswerQuestionId: "q",
      findings: [
        { code: "KEY_DISPUTED", severity: "error", message: 'the panel chose "x" instead of the key' },
        { code: "GROUNDING_SCORE", severity: "info", message: "grounding 0.9" },
      ],
    });
    expect(record.fields?.findings).toMatch(/\*\*KEY_DISPUTED\*\* \(❌ error\): the panel chose "x"/);
    expect(record.fields?.findings).not.toMatch(/GROUNDING_SCORE/);
    expect(record.fields?.findings).toMatch(/without the passage \(closed book\) \| 100% \|/);
    expect(record.metadata).toMatchObject({
      finding_codes: ["KEY_DISPUTED"],
      validation_open_book_pct: 75,
      validation_closed_book_pct: 100,
      validation_options_only_pct: 25,
      validation_position_sensitive: "no",
    });
    const plain = examRecordFor({ item: examItem(6), correctAnswerQuestionId: "q" });
    expect(plain.fields?.findings).toBeUndefined();
    expect(
      Object.keys(plain.metadata ?? {}).filter((k) => k.startsWith("validation") || k === "finding_codes"),
    ).toEqual([]);
    const layout = examDatasetLayout({ optionCount: 4 });
    expect(layout.metadataProperties.filter((m) => m.settings.type === "integer").map((m) => m.name)).toEqual([
      "validation_open_book_pct",
      "validation_closed_book_pct",
      "validation_options_only_pct",
    ]);
  });
});
