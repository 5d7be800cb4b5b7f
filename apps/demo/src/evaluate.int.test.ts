import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { ExamItem } from "@domain-eval/core";
import { readCardResults, writeDatasetFolder } from "@domain-eval/hub-publisher";
import { evalPython, makeTinyModel, offlinePythonEnv, reviewedExamItem } from "@domain-eval/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { cleanEnv, runCli } from "../test/run-cli.js";

/** hub-publisher's node:http stand-in for the Hub (a test file of that package, loaded at run time). */
interface HubStandIn {
  url: string;
  repos: Map<string, { commits: { files: Map<string, Buffer> }[] }>;
  start(): Promise<HubStandIn>;
  close(): Promise<void>;
}
const STAND_IN = fileURLToPath(new URL("../../../packages/hub-publisher/test/hub-stand-in.ts", import.meta.url));
const TOKEN = "hf_StandInWriteToken0123456789abcdef";

const items: ExamItem[] = Array.from({ length: 10 }, (_, i) =>
  reviewedExamItem({
    index: i,
    question: `Which number comes after ${i}?`,
    subject: "counting",
    choices: [String(i + 1), String(i + 2), String(i + 3), String(i + 4)].map(
      (_, k, all) => all[(k + i) % 4] as string,
    ),
    answer: (4 - (i % 4)) % 4,
  }),
);
const CARD = { prettyName: "Counting exam", license: "cc-by-4.0", language: "en" };

describe("domain-eval evaluate end to end (tiny random model, real LightEval 0.13)", () => {
  let work: string;
  let dataset: string;
  let tiny: string;
  let env: NodeJS.ProcessEnv;
  const args = () => ["evaluate", "--dataset", dataset, "--out", join(work, "results"), "--python", evalPython()];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "evaluate-cli-int-"));
    dataset = join(work, "counting-exam");
    await writeDatasetFolder({ items, dir: dataset, splits: { dev: 2 }, card: CARD });
    tiny = await makeTinyModel({
      dir: join(work, "tiny"),
      texts: items.flatMap((i) => [
        i.question,
        ...i.choices,
        "The following are multiple choice questions about counting.",
      ]),
    });
    env = cleanEnv(offlinePythonEnv({ HF_HOME: join(work, "hf-home") }) as Record<string, string>);
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("writes results.json, prints the leaderboard, and puts a Results section into the card", async () => {
    const run = await runCli([...args(), "--models", tiny], { env });
    expect(run.stderr).toMatch(/✓ \[1\/1\] tiny: acc [0-9.]+ ± [0-9.]+, acc_norm [0-9.]+ \(8 questions/u);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("## Leaderboard");
    const results = JSON.parse(await readFile(join(work, "results", "results.json"), "utf8"));
    expect(results.models[0]).toMatchObject({ name: "tiny", status: "ok" });
    const card = await readFile(join(dataset, "README.md"), "utf8");
    expect(readCardResults({ readme: card })).toContain("| 1 | tiny | transformers |");
  });

  it("the Results section survives a re-export, and the card still loads in `datasets` and huggingface_hub", async () => {
    const before = readCardResults({ readme: await readFile(join(dataset, "README.md"), "utf8") });
    await writeDatasetFolder({ items, dir: dataset, splits: { dev: 2 }, card: CARD });
    const readme = await readFile(join(dataset, "README.md"), "utf8");
    expect(readCardResults({ readme })).toBe(before);
    const script = [
      "import json, sys",
      "from datasets import load_dataset",
      "from huggingface_hub import DatasetCard",
      "ds = load_dataset(sys.argv[1])",
      "card = DatasetCard.load(sys.argv[1] + '/README.md')",
      "print(json.dumps({'test': ds['test'].num_rows, 'pretty_name': card.data.pretty_name, 'results': '## Results' in card.text}))",
    ].join("\n");
    const { stdout } = await promisify(execFile)(evalPython(), ["-c", script, dataset], {
      env: offlinePythonEnv({ HF_DATASETS_CACHE: join(work, "hf-datasets") }),
    });
    expect(JSON.parse(stdout.trim().split("\n").at(-1) as string)).toEqual({
      test: 8,
      pretty_name: "Counting exam",
      results: true,
    });
  });

  it("--push-to-hub commits the dataset with eval.yaml and the results (reused from the results cache)", async () => {
    const { HubStandIn } = (await import(STAND_IN)) as { HubStandIn: new (token: string) => HubStandIn };
    const hub = await new HubStandIn(TOKEN).start();
    try {
      const run = await runCli([...args(), "--models", tiny, "--push-to-hub", "acme/counting-exam"], {
        env: { ...env, HF_TOKEN: TOKEN, HF_ENDPOINT: hub.url },
      });
      expect(run.stderr).toContain("reused from the results cache");
      expect(run.code).toBe(0);
      const files = hub.repos.get("acme/counting-exam")?.commits[0]?.files as Map<string, Buffer>;
      expect([...files.keys()].sort()).toEqual([
        "README.md",
        "data/dev-00000-of-00001.parquet",
        "data/test-00000-of-00001.parquet",
        "eval.yaml",
        "results/eval_results/tiny.yaml",
        "results/results.json",
      ]);
      expect(parse(files.get("eval.yaml")?.toString("utf8") as string)).toMatchObject({
        evaluation_framework: "lighteval",
        tasks: [{ id: "counting-exam", config: "default", split: "test" }],
      });
      const [entry] = parse(files.get("results/eval_results/tiny.yaml")?.toString("utf8") as string);
      const results = JSON.parse(files.get("results/results.json")?.toString("utf8") as string);
      expect(entry).toMatchObject({
        dataset: { id: "acme/counting-exam", task_id: "counting-exam" },
        value: Number(results.models[0].scores.acc.toFixed(6)),
      });
      expect(files.get("README.md")?.toString("utf8")).toContain("## Results");
      expect(run.stdout + run.stderr).not.toContain(TOKEN);
    } finally {
      await hub.close();
    }
  });

  it("a model that cannot be loaded fails with its reason, the others are kept, and the exit code is 1", async () => {
    // a folder that looks like a transformers model but is not one: LightEval fails to load it
    const broken = join(work, "broken-model");
    await mkdir(broken, { recursive: true });
    await writeFile(join(broken, "config.json"), "{}\n");
    const card = join(dataset, "README.md");
    const before = await readFile(card, "utf8");
    const alone = await runCli([...args(), "--models", broken], { env });
    expect(alone.code).toBe(1);
    expect(alone.stderr).toMatch(/broken-model: failed: /u);
    // no model finished: the card keeps what it said
    expect(alone.stderr).toContain(`${card} left unchanged: no model finished`);
    expect(await readFile(card, "utf8")).toBe(before);

    const run = await runCli([...args(), "--models", tiny, broken], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/✗ \[2\/2\] broken-model: failed: /u);
    const results = JSON.parse(await readFile(join(work, "results", "results.json"), "utf8"));
    expect(results.models.map((m: { status: string }) => m.status)).toEqual(["ok", "failed"]);
  });
});
