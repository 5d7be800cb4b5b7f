import { createExamDataset, logExamRecords } from "@domain-eval/argilla-client";
import type { DomainPlugin } from "@domain-eval/core";
import type { Command } from "commander";
import { argillaClientFor, asArgillaCliError } from "../argilla-connection.js";
import { commandContext } from "../command-context.js";
import { type ArgillaFlags, addArgillaOptions, filePath, type JsonFlag, nonNegativeInt } from "../command-options.js";
import type { CliConfig } from "../config.js";
import { questionsToExamItems, readQuestionsFile, subjectFor } from "../exam-items.js";
import type { CliOutput } from "../output.js";

/** Guidelines shown to reviewers when no domain plugin is used. */
export const DEFAULT_GUIDELINES = `# Reviewing exam questions

For each record:

1. Read the question and every option. The model's suggested answer is pre-selected.
2. Check the answer **against the source document**, not against memory.
3. Keep or correct the choice in **correct_answer**; fix wording in *improved_question* / *improved_answer* if needed.
4. **Discard** questions that are ambiguous, have more than one correct option, or cannot be answered from the source.
`;

export interface AnnotateSummary {
  dataset: string;
  datasetId: string;
  url: string;
  created: boolean;
  records: { created: number; updated: number; total: number };
}

/** `domain-eval annotate`: questions.jsonl → an Argilla review dataset with the model's answers as suggestions. */
export async function runAnnotate(params: {
  file: string;
  dataset: string;
  workspace?: string;
  replace: boolean;
  seed?: number;
  domain?: DomainPlugin;
  config: CliConfig;
  output: CliOutput;
}): Promise<AnnotateSummary> {
  const questions = await readQuestionsFile(params.file);
  const items = questionsToExamItems({ questions, subject: subjectFor(params.domain), seed: params.seed });
  const client = argillaClientFor(params.config);
  try {
    const optionCount = items.reduce((most, i) => Math.max(most, i.choices.length), 0);
    const { dataset, created, url } = await createExamDataset({
      client,
      name: params.dataset,
      workspace: params.workspace,
      optionCount,
      guidelines: params.domain?.reviewerGuidelines ?? DEFAULT_GUIDELINES,
      replace: params.replace,
    });
    params.output.info(`${created ? "created" : "reusing"} Argilla dataset ${params.dataset}`);
    // Reviewers see why a question is suspect: the checks' and the validation panel's findings, in the record.
    const findingsById = new Map(questions.map((q) => [q.id, q.findings ?? []]));
    const records = await logExamRecords({
      client,
      dataset,
      items,
      findings: (item) => findingsById.get(item.id),
      onProgress: (p) => params.output.progress("logging records", p.done, items.length),
    });
    params.output.endProgress();
    return { dataset: params.dataset, datasetId: dataset.id, url, created, records };
  } catch (error) {
    params.output.endProgress();
    throw asArgillaCliError(error);
  }
}

/** Options of `domain-eval annotate`. */
export interface AnnotateCommandOptions extends ArgillaFlags, JsonFlag {
  dataset: string;
  replace: boolean;
  domain?: string;
  seed?: number;
}

/** Adds `domain-eval annotate` to the program. */
export function registerAnnotateCommand(program: Command): void {
  addArgillaOptions(
    program
      .command("annotate")
      .description("send questions to an Argilla review dataset, the model's answer as a suggestion")
      .argument("<file>", "questions.jsonl from generate", filePath("<file>", "questions.jsonl"))
      .requiredOption("--dataset <name>", "Argilla dataset name (reused if it exists)")
      .option("--replace", "delete and recreate a dataset of the same name", false)
      .option("--domain <id>", "domain plugin whose reviewer guidelines to show")
      .option("--seed <n>", "seed of the choice order", nonNegativeInt("--seed"))
      .option("--json", "print the summary as JSON"),
  ).action(async (file: string, opts: AnnotateCommandOptions) => {
    const { config, out, domain } = await commandContext(program, opts);
    const summary = await runAnnotate({
      file,
      dataset: opts.dataset,
      workspace: opts.workspace,
      replace: opts.replace,
      seed: opts.seed,
      domain,
      config,
      output: out,
    });
    out.result(
      `${summary.records.total} questions in Argilla dataset ${summary.dataset} (${summary.records.created} new, ${summary.records.updated} updated): review them at ${summary.url}`,
      summary,
    );
  });
}
