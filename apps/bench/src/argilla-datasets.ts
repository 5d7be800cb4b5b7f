import { type ArgillaClient, createExamDataset, readReviewedRecords } from "@domain-eval/argilla-client";
import type { BenchContext } from "./bench-context.js";

/** Every dataset a bench run created, so the run can delete them however it ends. */
const created = new Map<string, { client: ArgillaClient; id: string }>();

/**
 * Creates a fresh exam-review dataset (4 options) named after the bench run, remembered for {@link deleteBenchDatasets}.
 *
 * @example
 * const dataset = await createBenchDataset({ ctx, client, purpose: "ingest-ours-1" });
 */
export async function createBenchDataset(params: {
  ctx: BenchContext;
  client: ArgillaClient;
  /** Part of the name: what the dataset is for. */
  purpose: string;
}): Promise<{ id: string; name: string }> {
  const name = `bench-${params.ctx.runId}-${params.purpose}`;
  const { dataset } = await createExamDataset({
    client: params.client,
    name,
    optionCount: 4,
    guidelines: "Benchmark data made by apps/bench; deleted when the benchmark ends.",
    replace: true,
  });
  created.set(dataset.id, { client: params.client, id: dataset.id });
  return { id: dataset.id, name };
}

/**
 * Deletes one dataset this run created, or every one when `id` is left out. Never throws: cleanup problems are returned.
 *
 * @example
 * const problems = await deleteBenchDatasets({});
 */
export async function deleteBenchDatasets(params: { id?: string }): Promise<string[]> {
  const problems: string[] = [];
  const targets = params.id ? [created.get(params.id)].filter((t) => t !== undefined) : [...created.values()];
  for (const { client, id } of targets) {
    try {
      const { response } = await client.DELETE("/datasets/{dataset_id}", { params: { path: { dataset_id: id } } });
      if (!response.ok && response.status !== 404) problems.push(`dataset ${id}: HTTP ${response.status}`);
      created.delete(id);
    } catch (error) {
      problems.push(`dataset ${id}: ${(error as Error).message}`);
    }
  }
  return problems;
}

/**
 * Checks a dataset holds exactly the expected item ids: none lost, none duplicated, none extra.
 *
 * @returns a list of problems; empty when the dataset is complete.
 * @example
 * const problems = await verifyDatasetItems({ client, datasetId, expectedIds: items.map((i) => i.id) });
 */
export async function verifyDatasetItems(params: {
  client: ArgillaClient;
  datasetId: string;
  expectedIds: readonly string[];
}): Promise<string[]> {
  const counts = new Map<string, number>();
  let total = 0;
  for await (const record of readReviewedRecords({
    client: params.client,
    dataset: { id: params.datasetId },
    pageSize: 1000,
  })) {
    counts.set(record.itemId, (counts.get(record.itemId) ?? 0) + 1);
    total++;
  }
  const expected = new Set(params.expectedIds);
  const missing = params.expectedIds.filter((id) => !counts.has(id));
  const duplicated = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  const extra = [...counts.keys()].filter((id) => !expected.has(id));
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`${missing.length} record(s) lost (e.g. ${missing.slice(0, 3).join(", ")})`);
  if (duplicated.length > 0)
    problems.push(`${duplicated.length} record(s) duplicated (e.g. ${duplicated.slice(0, 3).join(", ")})`);
  if (extra.length > 0) problems.push(`${extra.length} unexpected record(s)`);
  if (problems.length === 0 && total !== expected.size) problems.push(`${total} records for ${expected.size} items`);
  return problems;
}
