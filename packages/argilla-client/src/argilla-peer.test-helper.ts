// Connection details of the real Argilla server the integration tests use: the peers from tools/peers/up.sh
// (ARGILLA_API_URL / ARGILLA_API_KEY / DOMAIN_EVAL_REVIEWER_API_KEY in the environment), defaulting to their
// well-known local values.
import { randomUUID } from "node:crypto";
import { type ArgillaClient, createArgillaClient } from "./create-argilla-client.js";

export const argillaUrl = () => process.env.ARGILLA_API_URL ?? "http://127.0.0.1:6900";
export const ownerKey = () => process.env.ARGILLA_API_KEY ?? "argilla.apikey";
export const reviewerKey = () => process.env.DOMAIN_EVAL_REVIEWER_API_KEY ?? "reviewer.apikey";

export const ownerClient = (): ArgillaClient => createArgillaClient({ baseUrl: argillaUrl(), apiKey: ownerKey() });
export const reviewerClient = (): ArgillaClient =>
  createArgillaClient({ baseUrl: argillaUrl(), apiKey: reviewerKey() });

/** A dataset name no other test run uses. */
export const uniqueDatasetName = (what: string) => `argilla-client-test-${what}-${randomUUID().slice(0, 8)}`;

/** Deletes every dataset a test created (by id), ignoring ones already gone. */
export async function deleteDatasets(client: ArgillaClient, ids: Iterable<string>): Promise<void> {
  for (const id of ids) {
    await client.DELETE("/datasets/{dataset_id}", { params: { path: { dataset_id: id } } });
  }
}

/** Records in a dataset, as the search engine counts them. */
export async function recordCount(client: ArgillaClient, datasetId: string): Promise<number> {
  const { data, error } = await client.POST("/datasets/{dataset_id}/records/search", {
    params: { path: { dataset_id: datasetId }, query: { limit: 1 } },
    body: {},
  });
  if (error || !data) throw new Error(`counting records failed: ${JSON.stringify(error)}`);
  return data.total ?? 0;
}
