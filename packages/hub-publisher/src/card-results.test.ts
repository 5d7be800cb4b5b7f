import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CARD, makeExamItems } from "../test/exam-items.js";
import { CARD_RESULTS_END, CARD_RESULTS_START, readCardResults, replaceCardResults } from "./card-results.js";
import { writeDatasetFolder } from "./dataset-folder.js";

const RESULTS = "| rank | model | acc |\n| --- | --- | --- |\n| 1 | smollm2 | 0.400 |";

describe("the card's Results section", () => {
  let work: string;
  beforeEach(async () => {
    work = join(tmpdir(), `card-results-${process.pid}-${Math.random().toString(36).slice(2)}`);
    await mkdir(work, { recursive: true });
  });
  afterEach(async () => rm(work, { recursive: true, force: true }));

  it("is appended once, then replaced in place, leaving the rest of the card as it was", () => {
    const readme = "---\nlicense: mit\n---\n\n# Exam\n\nText.\n";
    const once = replaceCardResults({ readme, results: RESULTS });
    expect(once).toBe(`${readme}\n${CARD_RESULTS_START}\n## Results\n\n${RESULTS}\n${CARD_RESULTS_END}\n`);
    expect(readCardResults({ readme: once })).toBe(RESULTS);
    const twice = replaceCardResults({ readme: once, results: "new table" });
    expect(twice.match(/## Results/gu)).toHaveLength(1);
    expect(readCardResults({ readme: twice })).toBe("new table");
    expect(twice.startsWith(readme)).toBe(true);
    expect(readCardResults({ readme })).toBeNull();
  });

  it("is kept when the dataset is exported again, and replaced when new results are given", async () => {
    const dir = join(work, "exam");
    const items = makeExamItems(12);
    await writeDatasetFolder({ items, dir, card: CARD, splits: { dev: 2 } });
    const readmePath = join(dir, "README.md");
    await writeFile(readmePath, replaceCardResults({ readme: await readFile(readmePath, "utf8"), results: RESULTS }));

    await writeDatasetFolder({ items: items.slice(0, 10), dir, card: CARD, splits: { dev: 2 } });
    const reexported = await readFile(readmePath, "utf8");
    expect(readCardResults({ readme: reexported })).toBe(RESULTS);
    expect(reexported).toContain("num_examples: 8");

    await writeDatasetFolder({ items, dir, card: { ...CARD, results: "fresh" }, splits: { dev: 2 } });
    expect(readCardResults({ readme: await readFile(readmePath, "utf8") })).toBe("fresh");
  });

  it("is absent from a first export", async () => {
    const folder = await writeDatasetFolder({ items: makeExamItems(6), dir: join(work, "new"), card: CARD });
    expect(await readFile(join(folder.dir, "README.md"), "utf8")).not.toContain(CARD_RESULTS_START);
  });
});
