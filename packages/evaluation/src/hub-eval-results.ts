import { stringify } from "yaml";
import type { EvaluationResults } from "./results-format.js";

/** A model name as a file name: letters, digits, `.`, `_`, `-`. */
function fileSlug(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/gu, "_").replace(/^[._]+/u, "") || "model";
}

/**
 * The files `--push-to-hub` adds to the dataset repo, in the layout of the Hub's evaluation-results convention
 * ("Eval Results", docs/hub/eval-results in huggingface/hub-docs):
 * - `eval.yaml` at the repo root registers the dataset as a benchmark: `name`, `description`,
 *   `evaluation_framework: lighteval`, and `tasks` (`id` = the LightEval task name, `config: default`, `split: test`);
 * - `results/eval_results/<model>.yaml`: each model's score as the list the Hub reads from a model repo's
 *   `.eval_results/*.yaml` (`dataset.id`, `dataset.task_id`, `dataset.revision`, `value`, `date`, `source`), ready to
 *   be copied into that model's repo (a dataset repo cannot hold another repo's results);
 * - `results/results.json`: the full results with per-question answers and the item analysis.
 *
 * @example
 * const files = renderHubEvalFiles({ results, repo: "acme/treasury-exam", name: "Acme Treasury Exam" });
 * Object.keys(files); // ["eval.yaml", "results/results.json", "results/eval_results/smollm2-135m-instruct.yaml", …]
 */
export function renderHubEvalFiles(params: {
  results: EvaluationResults;
  /** The dataset repo, `owner/name`. */
  repo: string;
  /** Benchmark name shown on the Hub; default the repo name. */
  name?: string;
  /** Dataset commit the results were computed on, when known (a published revision). */
  revision?: string;
}): Record<string, string> {
  const { results } = params;
  const taskId = results.dataset.task.split("|")[0] as string;
  const files: Record<string, string> = {};
  files["eval.yaml"] = stringify(
    {
      name: params.name ?? (params.repo.split("/")[1] as string),
      description: `Multiple-choice questions written from domain documents with domain-eval; ${results.dataset.num_questions} test questions, scored with LightEval (acc).`,
      evaluation_framework: "lighteval",
      tasks: [{ id: taskId, config: "default", split: "test" }],
    },
    { lineWidth: 0 },
  );
  files["results/results.json"] = `${JSON.stringify(results, null, 2)}\n`;
  for (const model of results.models) {
    if (model.status !== "ok" || !model.scores) continue;
    files[`results/eval_results/${fileSlug(model.name)}.yaml`] = stringify(
      [
        {
          dataset: {
            id: params.repo,
            task_id: taskId,
            ...(params.revision ? { revision: params.revision } : {}),
          },
          value: Number(model.scores.acc.toFixed(6)),
          date: results.created_at.slice(0, 10),
          source: {
            url: `https://huggingface.co/datasets/${params.repo}/blob/main/results/results.json`,
            name: "domain-eval results",
          },
          notes: `${model.backend === "endpoint" ? "letter answers (extractive_match)" : "log-likelihood accuracy (acc)"}; model ${model.name}`,
        },
      ],
      { lineWidth: 0 },
    );
  }
  return files;
}
