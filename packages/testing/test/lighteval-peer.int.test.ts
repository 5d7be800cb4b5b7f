// The real LightEval 0.13 from the evaluation venv (tools/peers/venv.sh eval): `lighteval tasks inspect` on a
// hand-written custom task over a local parquet dataset folder this test writes with the venv's pyarrow. Offline.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ensurePeers } from "../src/peers.js";
import { runEvalPython } from "../src/run-eval-python.js";

const rows = [
  { question: "What is 2 + 2?", choices: ["3", "4", "5", "6"], answer: 1 },
  { question: "Which city is the capital of France?", choices: ["Berlin", "Madrid", "Paris", "Rome"], answer: 2 },
  { question: "What colour is a clear daytime sky?", choices: ["Green", "Blue", "Red", "Black"], answer: 1 },
  { question: "How many legs does a spider have?", choices: ["Six", "Eight", "Ten", "Four"], answer: 1 },
];

const taskFile = (dataDir: string) => `
# A LightEval 0.13 custom task (imports as in the installed 0.13 sources).
from lighteval.metrics.metrics import Metrics
from lighteval.tasks.lighteval_task import LightevalTaskConfig
from lighteval.tasks.requests import Doc


def peers_smoke_prompt(line, task_name=None):
    letters = ["A", "B", "C", "D"]
    options = "\\n".join(f"{letter}. {choice}" for letter, choice in zip(letters, line["choices"]))
    return Doc(
        task_name=task_name,
        query=f"Question: {line['question']}\\n{options}\\nAnswer:",
        choices=[f" {letter}" for letter in letters],
        gold_index=int(line["answer"]),
    )


TASKS_TABLE = [
    LightevalTaskConfig(
        name="peers_smoke_mcq",
        prompt_function=peers_smoke_prompt,
        hf_repo=${JSON.stringify(dataDir)},
        hf_subset="default",
        hf_avail_splits=["test"],
        evaluation_splits=["test"],
        few_shots_split=None,
        few_shots_select=None,
        metrics=[Metrics.loglikelihood_acc],
        generation_size=-1,
        stop_sequence=None,
    )
]
`;

/** The samples `lighteval tasks inspect` prints (a pprint of each Doc as a dict), read back with Python's own parser. */
async function parseInspectSamples(output: string, python: string) {
  const parsed = await runEvalPython({
    python,
    args: [
      "-c",
      [
        "import ast, json, re, sys",
        "blocks = re.split(r'^-- sample \\d+ --$', sys.stdin.read(), flags=re.M)[1:]",
        "docs = [ast.literal_eval(b.split('\\n----------')[0].strip()) for b in blocks]",
        "print(json.dumps([{'query': d['query'], 'choices': d['choices'], 'goldIndex': d['gold_index']} for d in docs]))",
      ].join("\n"),
    ],
    input: output,
  });
  if (parsed.code !== 0) throw new Error(`cannot parse lighteval's output: ${parsed.stderr}`);
  return JSON.parse(parsed.stdout) as { query: string; choices: string[]; goldIndex: number }[];
}

let work: string;
let python: string;

beforeAll(async () => {
  python = (inject("peers") ?? (await ensurePeers())).python;
  work = mkdtempSync(join(tmpdir(), "peers-lighteval-"));
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("LightEval peer", () => {
  it("inspects a custom task over a local parquet dataset folder", async () => {
    const dataDir = join(work, "dataset");
    const written = await runEvalPython({
      python,
      args: [
        "-c",
        [
          "import json, os, sys, pyarrow as pa, pyarrow.parquet as pq",
          "rows = json.load(sys.stdin); os.makedirs(sys.argv[1])",
          "pq.write_table(pa.Table.from_pylist(rows), os.path.join(sys.argv[1], 'test.parquet'))",
        ].join("\n"),
        dataDir,
      ],
      input: JSON.stringify(rows),
    });
    expect(written.stderr).toBe("");
    expect(written.code).toBe(0);
    writeFileSync(join(work, "task.py"), taskFile(dataDir));

    const inspected = await runEvalPython({
      python,
      cwd: work,
      args: [
        "-m",
        "lighteval",
        "tasks",
        "inspect",
        "peers_smoke_mcq|0",
        "--custom-tasks",
        "task.py",
        "--num-samples",
        "3",
      ],
      env: { HF_HOME: join(work, "hf-home") },
    });
    expect(inspected.code, inspected.stderr.slice(-3000)).toBe(0);
    expect(inspected.stdout).toContain("---------- peers_smoke_mcq|0 ----------");

    const samples = await parseInspectSamples(inspected.stdout, python);
    expect(samples).toEqual(
      rows.slice(0, 3).map((row) => ({
        query: `Question: ${row.question}\n${row.choices.map((c, i) => `${"ABCD"[i]}. ${c}`).join("\n")}\nAnswer:`,
        choices: [" A", " B", " C", " D"],
        goldIndex: row.answer,
      })),
    );
  });
});
