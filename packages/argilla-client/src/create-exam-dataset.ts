import { ArgillaApiError, ArgillaClientError, dataOrThrow } from "./argilla-api-error.js";
import type { ArgillaClient } from "./create-argilla-client.js";
import { type ExamDatasetLayout, examDatasetLayout, findLayoutMismatches } from "./exam-dataset-layout.js";
import { type ArgillaDataset, findDataset, resolveWorkspace } from "./find-dataset.js";

/** Argilla's limit on dataset guidelines. */
const MAX_GUIDELINES_LENGTH = 10_000;

/** An existing dataset of that name cannot hold exam items; `problems` says why. */
export class ExamDatasetMismatchError extends ArgillaClientError {
  override readonly name = "ExamDatasetMismatchError";
  readonly problems: string[];
  readonly datasetId: string;
  constructor(params: { datasetName: string; datasetId: string; problems: string[] }) {
    super({
      code: "DATASET_MISMATCH",
      message:
        `Argilla dataset "${params.datasetName}" already exists but cannot hold these exam items: ${params.problems.join("; ")}. ` +
        "Pass replace: true to delete and recreate it (its records and reviews are lost), or choose another name.",
    });
    this.problems = params.problems;
    this.datasetId = params.datasetId;
  }
}

/** Parameters of {@link createExamDataset}. */
export interface CreateExamDatasetParams {
  /** Client from {@link createArgillaClient}. */
  client: ArgillaClient;
  /** Dataset name, 1–200 characters, unique within the workspace. */
  name: string;
  /** Workspace name; default: the user's first workspace. */
  workspace?: string;
  /** Number of answer options (2–26): fields `answer_a`… and labels A, B, … Items may have fewer. */
  optionCount: number;
  /** Reviewer guidelines in markdown (a domain plugin's `reviewerGuidelines`), at most 10,000 characters. */
  guidelines: string;
  /** Delete an existing dataset of this name (with its records and responses) and create it afresh. Default false. */
  replace?: boolean;
  /** More terms metadata properties to filter by, besides `source_document` and `generator_model`. */
  metadataProperties?: { name: string; title?: string }[];
}

/** Result of {@link createExamDataset}. */
export interface CreateExamDatasetResult {
  /** The published dataset. */
  dataset: ArgillaDataset;
  /** True when this call created (or finished creating) it; false when a compatible dataset was reused. */
  created: boolean;
  /** Where reviewers annotate it in the Argilla web UI. */
  url: string;
}

function validate(params: CreateExamDatasetParams): void {
  if (typeof params.name !== "string" || params.name.trim() === "" || params.name.length > 200) {
    throw new TypeError(`dataset name must be 1 to 200 characters, got ${JSON.stringify(params.name)}`);
  }
  if (!Number.isInteger(params.optionCount) || params.optionCount < 2 || params.optionCount > 26) {
    throw new TypeError(`optionCount must be an integer from 2 to 26, got ${params.optionCount}`);
  }
  if (params.guidelines.length > MAX_GUIDELINES_LENGTH) {
    throw new TypeError(
      `guidelines are ${params.guidelines.length} characters; Argilla accepts at most ${MAX_GUIDELINES_LENGTH}: shorten them`,
    );
  }
}

async function readSettings(client: ArgillaClient, datasetId: string) {
  const path = { params: { path: { dataset_id: datasetId } } };
  const [fields, questions, metadataProperties] = await Promise.all([
    client.GET("/datasets/{dataset_id}/fields", path).then(dataOrThrow),
    client.GET("/datasets/{dataset_id}/questions", path).then(dataOrThrow),
    client.GET("/me/datasets/{dataset_id}/metadata-properties", path).then(dataOrThrow),
  ]);
  return { fields: fields.items, questions: questions.items, metadataProperties: metadataProperties.items };
}

/** Adds whatever settings the dataset lacks, then publishes it if it is still a draft. */
async function completeAndPublish(
  client: ArgillaClient,
  dataset: ArgillaDataset,
  layout: ExamDatasetLayout,
): Promise<ArgillaDataset> {
  const existing = await readSettings(client, dataset.id);
  const path = { path: { dataset_id: dataset.id } };
  if (dataset.status === "draft") {
    for (const field of layout.fields) {
      if (existing.fields.some((f) => f.name === field.name)) continue;
      dataOrThrow(await client.POST("/datasets/{dataset_id}/fields", { params: path, body: field }));
    }
    for (const question of layout.questions) {
      if (existing.questions.some((q) => q.name === question.name)) continue;
      dataOrThrow(await client.POST("/datasets/{dataset_id}/questions", { params: path, body: question }));
    }
  }
  for (const property of layout.metadataProperties) {
    if (existing.metadataProperties.some((m) => m.name === property.name)) continue;
    dataOrThrow(await client.POST("/datasets/{dataset_id}/metadata-properties", { params: path, body: property }));
  }
  if (dataset.status === "draft") {
    return dataOrThrow(await client.PUT("/datasets/{dataset_id}/publish", { params: path }));
  }
  return dataset;
}

async function deleteQuietly(client: ArgillaClient, datasetId: string): Promise<void> {
  try {
    await client.DELETE("/datasets/{dataset_id}", { params: { path: { dataset_id: datasetId } } });
  } catch {
    // Best effort: the original error is the one worth reporting.
  }
}

/**
 * Creates (or reuses) the Argilla dataset reviewers use to check generated exam questions, and publishes it.
 * A dataset of the same name is reused when its settings fit, replaced when `replace` is set, and otherwise reported
 * with an {@link ExamDatasetMismatchError}; a duplicate is never created. A half-created draft left by an
 * interrupted run is completed. If creating fails midway, the new draft is deleted again.
 *
 * @example
 * const { dataset, created, url } = await createExamDataset({
 *   client, name: "finance-exam-v1", optionCount: 4, guidelines: plugin.reviewerGuidelines,
 * });
 * console.log(`${created ? "created" : "reusing"} ${url}`);
 */
export async function createExamDataset(params: CreateExamDatasetParams): Promise<CreateExamDatasetResult> {
  validate(params);
  const { client } = params;
  const layout = examDatasetLayout({
    optionCount: params.optionCount,
    ...(params.metadataProperties ? { extraMetadataProperties: params.metadataProperties } : {}),
  });
  const workspace = await resolveWorkspace({ client, name: params.workspace });
  const urlOf = (dataset: ArgillaDataset) => `${client.serverUrl}/dataset/${dataset.id}/annotation-mode`;

  for (let attempt = 0; attempt < 2; attempt++) {
    const existing = await findDataset({ client, name: params.name, workspace: workspace.name });
    if (existing && params.replace && attempt === 0) {
      dataOrThrow(await client.DELETE("/datasets/{dataset_id}", { params: { path: { dataset_id: existing.id } } }));
    } else if (existing) {
      const problems = findLayoutMismatches({
        existing: await readSettings(client, existing.id),
        layout,
        published: existing.status === "ready",
      });
      if (problems.length > 0) {
        throw new ExamDatasetMismatchError({ datasetName: params.name, datasetId: existing.id, problems });
      }
      const wasDraft = existing.status === "draft";
      const dataset = await completeAndPublish(client, existing, layout);
      return { dataset, created: wasDraft, url: urlOf(dataset) };
    }

    const result = await client.POST("/datasets", {
      body: {
        name: params.name,
        workspace_id: workspace.id,
        guidelines: params.guidelines.trim() === "" ? null : params.guidelines,
        allow_extra_metadata: true,
        distribution: { strategy: "overlap", min_submitted: 1 },
      },
    });
    // Someone created it between our lookup and this call: look again and reuse it (once).
    if (result.response.status === 409 && attempt === 0) continue;
    const draft = dataOrThrow(result);
    try {
      const dataset = await completeAndPublish(client, draft, layout);
      return { dataset, created: true, url: urlOf(dataset) };
    } catch (error) {
      await deleteQuietly(client, draft.id);
      throw error;
    }
  }
  throw new ArgillaApiError({
    status: 409,
    method: "POST",
    url: `${client.serverUrl}/api/v1/datasets`,
    detail: null,
    message: `dataset "${params.name}" keeps appearing and disappearing while it is being created: is another process replacing it? Retry when it is done.`,
  });
}
