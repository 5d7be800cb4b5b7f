import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CARD, makeExamItems } from "../test/exam-items.js";
import { type DatasetCardInput, renderDatasetCard } from "./dataset-card.js";
import { type DatasetStatistics, sizeCategory, summarizeExamItems } from "./dataset-statistics.js";

function split(readme: string): { meta: Record<string, unknown>; body: string } {
  expect(readme.startsWith("---\n")).toBe(true);
  const end = readme.indexOf("\n---\n", 4);
  expect(end).toBeGreaterThan(0);
  return { meta: parse(readme.slice(4, end)) as Record<string, unknown>, body: readme.slice(end + 5) };
}

const rows = makeExamItems(40, { fiveOptionsEvery: 8 });
const statistics = summarizeExamItems({ test: rows.slice(5), dev: rows.slice(0, 5), discarded: 4 });

function render(card: Partial<DatasetCardInput> = {}, stats: DatasetStatistics = statistics): ReturnType<typeof split> {
  return split(renderDatasetCard({ card: { ...CARD, ...card }, statistics: stats }));
}

describe("renderDatasetCard front matter", () => {
  it("declares what the Hub and `datasets` need, with values taken from the rows", () => {
    const { meta } = render();
    expect(meta).toMatchObject({
      pretty_name: "Acme Treasury Exam",
      license: "cc-by-4.0",
      language: ["en"],
      multilinguality: "monolingual",
      task_categories: ["multiple-choice", "question-answering"],
      task_ids: ["multiple-choice-qa"],
      size_categories: ["n<1K"],
      annotations_creators: ["expert-generated", "machine-generated"],
      source_datasets: ["original"],
      tags: ["domain-eval", "exam", "synthetic", "finance"],
      configs: [
        {
          config_name: "default",
          default: true,
          data_files: [
            { split: "test", path: "data/test-*" },
            { split: "dev", path: "data/dev-*" },
          ],
        },
      ],
    });
    const info = meta.dataset_info as { config_name: string; features: Record<string, unknown>[]; splits: unknown };
    expect(info.config_name).toBe("default");
    expect(info.features).toContainEqual({ name: "choices", sequence: "string" });
    expect(info.features).toContainEqual({ name: "agreement", dtype: "float64" });
    // Class-label keys must be strings: the YAML must quote them.
    expect(info.features).toContainEqual({
      name: "answer",
      dtype: { class_label: { names: { "0": "A", "1": "B", "2": "C", "3": "D", "4": "E" } } },
    });
    expect(info.splits).toEqual([
      { name: "test", num_examples: 35 },
      { name: "dev", num_examples: 5 },
    ]);
  });

  it("reflects who produced the answers", () => {
    const reviewed = makeExamItems(12).map((r) => ({ ...r, review_status: "submitted" as const, reviewer_count: 1 }));
    const unreviewed = makeExamItems(12).map((r) => ({ ...r, review_status: "unreviewed" as const, agreement: null }));
    const creators = (items: typeof rows) =>
      render({}, summarizeExamItems({ test: items })).meta.annotations_creators as string[];
    expect(creators(reviewed)).toEqual(["expert-generated"]);
    expect(creators(unreviewed)).toEqual(["machine-generated"]);
    expect(creators([...reviewed.slice(0, 6), ...unreviewed.slice(6)])).toEqual([
      "expert-generated",
      "machine-generated",
    ]);
  });

  it.each([
    [0, "n<1K"],
    [1, "n<1K"],
    [999, "n<1K"],
    [1000, "1K<n<10K"],
    [9999, "1K<n<10K"],
    [10_000, "10K<n<100K"],
    [99_999, "10K<n<100K"],
    [100_000, "100K<n<1M"],
    [999_999, "100K<n<1M"],
    [1_000_000, "1M<n<10M"],
    [10 ** 9, "1B<n<10B"],
    [10 ** 12, "n>1T"],
  ])("size category of %i rows is %s", (rows, expected) => {
    expect(sizeCategory({ rows })).toBe(expected);
  });

  it("computes size_categories from all splits", () => {
    const thousand = makeExamItems(1000);
    const stats = summarizeExamItems({ test: thousand.slice(5), dev: thousand.slice(0, 5) });
    expect(render({}, stats).meta.size_categories).toEqual(["1K<n<10K"]);
    const under = summarizeExamItems({ test: thousand.slice(6), dev: thousand.slice(0, 5) });
    expect(render({}, under).meta.size_categories).toEqual(["n<1K"]);
  });

  it("keeps user text exact in YAML, however it is written, and the title on one line", () => {
    const title = 'Acme: "Treasury" exam\n---\n# not a heading: [x] {y} & *z* 😀 שלום';
    const hostile = ["risk: high", "- dash", "#hash", "'single' \"double\"", "[x] {y} & *z* | ---", "0", "yes", "null"];
    const { meta, body } = render({ prettyName: title, tags: hostile, language: ["en", "fr"] });
    expect(meta.pretty_name).toBe('Acme: "Treasury" exam --- # not a heading: [x] {y} & *z* 😀 שלום');
    expect(meta.tags).toEqual(["domain-eval", "exam", "synthetic", ...hostile]);
    expect(meta.language).toEqual(["en", "fr"]);
    expect(meta.multilinguality).toBe("multilingual");
    // The title becomes one escaped heading line, and the front matter is not closed early.
    const heading = body.split("\n").find((line) => line.startsWith("# "));
    expect(heading).toBe('# Acme: "Treasury" exam --- \\# not a heading: \\[x\\] {y} &amp; \\*z\\* 😀 שלום');
  });

  it("adds license_name for a custom license and rejects input the Hub would refuse, naming the fix", () => {
    expect(render({ license: "other", licenseName: "acme-internal", licenseLink: "LICENSE.md" }).meta).toMatchObject({
      license: "other",
      license_name: "acme-internal",
      license_link: "LICENSE.md",
    });
    expect(() => renderDatasetCard({ card: { ...CARD, license: "other" }, statistics })).toThrow(
      'card.license "other" needs card.licenseName',
    );
    expect(() =>
      renderDatasetCard({ card: { ...CARD, license: "Apache 2.0", language: "english", prettyName: " " }, statistics }),
    ).toThrow(
      /prettyName must be a non-empty title.*card.license "Apache 2.0" is not a Hub license id: use e.g. "apache-2.0".*card.language "english" is not a language code/u,
    );
    expect(() => renderDatasetCard({ card: CARD, statistics: summarizeExamItems({ test: [] }) })).toThrow(
      "the dataset has no rows",
    );
  });
});

describe("renderDatasetCard prose", () => {
  it("reports review counts, agreement and provenance from the rows", () => {
    const { body } = render();
    const reviewed = rows.filter((r) => r.review_status === "submitted").length;
    const agreements = rows.flatMap((r) => (r.agreement === null ? [] : [r.agreement]));
    const mean = agreements.reduce((a, b) => a + b, 0) / agreements.length;
    expect(body).toContain(`| reviewed (accepted or corrected by a person) | ${reviewed} |`);
    expect(body).toContain(`| unreviewed (published as the model wrote them) | ${40 - reviewed} |`);
    expect(body).toContain("| discarded by reviewers (not in the dataset) | 4 |");
    expect(body).toContain(`Mean reviewer agreement with the published answer: ${(mean * 100).toFixed(1)}%`);
    expect(body).toContain("7 distinct documents are cited by the rows");
    expect(body).toContain("Domain plugin: Finance (finance) version 1.0.0.");
    expect(body).toContain("Prompt version: exam-v1+finance@1.0.0 (40 rows).");
    const models = new Set(rows.map((r) => r.generator_model));
    for (const model of models) expect(body).toContain(model);
    expect(body).toContain(`${40 - reviewed} of 40 rows`);
  });

  it("says how the generation ran and what it cost, only when told", () => {
    const source = CARD.source ?? {};
    const { body } = render({
      source: {
        ...source,
        generation: {
          mode: "batch",
          calls: 96,
          promptTokens: 120_000,
          completionTokens: 30_000,
          estimate: { amount: 0.0278, currency: "USD" },
          spend: { amount: 0.0251, currency: "USD" },
        },
      },
    });
    expect(body).toContain(
      "- Generation: 96 model calls sent as batch jobs; 120000 prompt + 30000 completion tokens; cost 0.0251 USD (estimated 0.0278 USD).",
    );
    expect(render().body).not.toContain("- Generation:");
  });

  it("says what the models' validation cost, only when told", () => {
    const source = CARD.source ?? {};
    const validation = { panel: ["gpt-4o-mini (endpoint)", "smollm2 (local)"], calls: 72 };
    const priced = render({
      source: { ...source, validation: { ...validation, spend: { amount: 0.004, currency: "EUR" } } },
    });
    expect(priced.body).toContain(
      "- Validation: 72 answers by gpt-4o-mini (endpoint), smollm2 (local); cost 0.0040 EUR.",
    );
    expect(render({ source: { ...source, validation } }).body).toContain(
      "- Validation: 72 answers by gpt-4o-mini (endpoint), smollm2 (local).",
    );
    expect(render({ source: { ...source, validation: { ...validation, resumed: 12 } } }).body).toContain(
      "- Validation: 72 answers by gpt-4o-mini (endpoint), smollm2 (local) (and 12 resumed from an interrupted run).",
    );
    expect(render({ source: { ...source, validation: {} } }).body).not.toContain("- Validation:");
    expect(render().body).not.toContain("- Validation:");
  });

  it("shows the answer-position distribution of each split", () => {
    const { body } = render();
    const test = rows.slice(5);
    for (const [index, letter] of ["A", "B", "C", "D", "E"].entries()) {
      const inTest = test.filter((r) => r.answer === index).length;
      const inDev = rows.slice(0, 5).filter((r) => r.answer === index).length;
      const share = `${((100 * inTest) / test.length).toFixed(1)}%`;
      expect(body).toContain(`| ${letter} | ${inTest} | ${share} | ${inDev} |`);
    }
  });

  it("shows the caller's evaluation command in a fence it cannot break, or a default that names the dataset", () => {
    const command = "lighteval accelerate \"model_name=x\" 'custom|acme|5' --custom-tasks task.py # ```";
    const { body } = render({ evaluation: { command, taskFile: "task.py" }, repoId: "acme/treasury-exam" });
    expect(body).toContain(`\`\`\`\`bash\n${command}\n\`\`\`\``);
    expect(body).toContain("With the task file `task.py`:");
    expect(body).toContain('load_dataset("acme/treasury-exam")');

    const fallback = render().body;
    expect(fallback).toContain("`mmlu_prompt`");
    expect(fallback).toContain('few_shots_split="dev"');
    expect(fallback).toContain('load_dataset("<org>/<dataset>")');
  });

  it("lists the caller's limitations as list items, multi-line ones included", () => {
    const { body } = render({ limitations: ["Covers **2023** filings only.", "Two lines\nof text"] });
    expect(body).toContain("- Covers **2023** filings only.\n- Two lines\n  of text\n");
  });
});

describe("the card's validation summary", () => {
  it("gives the mean rates of the validated rows and explains each column; no section without validation", () => {
    const rows = makeExamItems(40);
    const stats = summarizeExamItems({ test: rows });
    expect(stats.validation).toEqual({
      validated: 8,
      meanOpenBook: 0.75,
      meanClosedBook: (4 * 1 + 4 * 0.25) / 8,
      meanOptionsOnly: 0,
      positionSensitive: 4,
    });
    const body = renderDatasetCard({ card: CARD, statistics: stats });
    expect(body).toContain("## Validation by models");
    expect(body).toMatch(/8 of 40 rows were validated/);
    expect(body).toMatch(/closed book \(`validation_closed_book`\) \| 62\.5%/);
    expect(body).toMatch(/Position-sensitive rows .*: 4 of 8/);
    const plain = rows.map((r) => ({
      ...r,
      validation_open_book: null,
      validation_closed_book: null,
      validation_options_only: null,
      validation_position_sensitive: null,
    }));
    expect(renderDatasetCard({ card: CARD, statistics: summarizeExamItems({ test: plain }) })).not.toContain(
      "Validation by models",
    );
  });
});
