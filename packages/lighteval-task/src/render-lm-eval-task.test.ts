import { describe, expect, test } from "vitest";
import { renderLmEvalTask } from "./render-lm-eval-task.js";
import { withoutPackageVersion } from "./snapshot-version.test-helper.js";
import type { TaskConfig } from "./task-config.js";

const cases: [
  string,
  { given: TaskConfig & { includePath?: string }; want: { metricNames: string[]; command: string } },
][] = [
  [
    "local-default",
    {
      given: { name: "finance_exam", dataset: { path: "/data/finance-exam" } },
      want: {
        metricNames: ["acc", "acc_norm"],
        command:
          "lm_eval --model hf --model_args pretrained=openai-community/gpt2 --tasks finance_exam --include_path . --output_path ./results",
      },
    },
  ],
  [
    "hub-pinned-letters-fewshot",
    {
      given: {
        name: "legal-exam",
        dataset: { repo: "acme/legal-exam", revision: "v1.0" },
        metrics: "loglikelihood-letters",
        fewShots: 5,
        instruction: 'Questions about {{contract}} law: 100% "serious".',
        modelArgs: "model_name=acme/llm,batch_size=8",
        includePath: "./tasks",
      },
      want: {
        metricNames: ["acc"],
        command:
          "lm_eval --model hf --model_args pretrained=acme/llm --tasks legal-exam --include_path ./tasks --output_path ./results",
      },
    },
  ],
  [
    "generative",
    {
      given: { name: "med_exam", dataset: { path: "/data/med" }, metrics: "generative", generationSize: 64 },
      want: {
        metricNames: ["exact_match"],
        command:
          "lm_eval --model hf --model_args pretrained=openai-community/gpt2 --tasks med_exam --include_path . --output_path ./results",
      },
    },
  ],
];

describe("renderLmEvalTask", () => {
  test.each(cases)("%s", async (caseName, { given, want }) => {
    const task = renderLmEvalTask(given);
    expect(task).toMatchObject({ ...want, taskName: given.name, fileName: `${given.name}.yaml` });
    await expect(withoutPackageVersion(task.yaml)).toMatchFileSnapshot(`./__snapshots__/lm-eval/${caseName}.snap.yaml`);
  });

  test("the YAML is printable ASCII: config text cannot start a new line or key", () => {
    const { yaml } = renderLmEvalTask({
      name: "exam",
      dataset: { path: "/data/exam\nmetric_list: []" },
      instruction: "é\n task: hijack\u2028😀",
    });
    expect(yaml).toMatch(/^[\x20-\x7e\n]*$/);
    expect(yaml.match(/^task:/gm)).toHaveLength(1);
    expect(yaml.match(/^metric_list:/gm)).toHaveLength(1);
  });

  test("columns that Jinja cannot name are refused with the rule", () => {
    expect(() =>
      renderLmEvalTask({ name: "exam", dataset: { path: "/d" }, columns: { question: "the question" } }),
    ).toThrow(expect.objectContaining({ code: "INVALID_COLUMN", field: "columns.question" }));
    expect(() => renderLmEvalTask({ name: "exam", dataset: { path: "/d" }, columns: { answer: "if" } })).toThrow(
      /Jinja/,
    );
  });
});
