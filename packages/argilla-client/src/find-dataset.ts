import { dataOrThrow } from "./argilla-api-error.js";
import type { ArgillaClient } from "./create-argilla-client.js";
import type { components } from "./generated/argilla-server-2.8.0.js";

/** A dataset as the server describes it. */
export type ArgillaDataset = components["schemas"]["Dataset"];
/** A workspace as the server describes it. */
export type ArgillaWorkspace = components["schemas"]["Workspace"];

/**
 * The workspace called `name`, or the user's first workspace when no name is given.
 *
 * @throws TypeError naming the workspaces the user can use when there is no such workspace.
 * @example
 * const workspace = await resolveWorkspace({ client, name: "exams" });
 */
export async function resolveWorkspace(params: {
  /** Client from {@link createArgillaClient}. */
  client: ArgillaClient;
  /** Workspace name; default: the first workspace of the user. */
  name?: string | undefined;
}): Promise<ArgillaWorkspace> {
  const { items } = dataOrThrow(await params.client.GET("/me/workspaces"));
  const names = items.map((w) => `"${w.name}"`).join(", ") || "none";
  if (params.name === undefined) {
    const first = items[0];
    if (!first) {
      throw new TypeError(
        "this Argilla user has no workspace: ask an owner to create one and add the user (python -m argilla_server database users create ... --workspace NAME)",
      );
    }
    return first;
  }
  const found = items.find((w) => w.name === params.name);
  if (!found) {
    throw new TypeError(
      `workspace "${params.name}" is not one of this user's workspaces (${names}): pass one of those`,
    );
  }
  return found;
}

/**
 * The dataset called `name` in a workspace, or `undefined` when there is none (not an error).
 *
 * @example
 * const dataset = await findDataset({ client, name: "finance-exam-v1" });
 * if (!dataset) console.log("not created yet");
 */
export async function findDataset(params: {
  /** Client from {@link createArgillaClient}. */
  client: ArgillaClient;
  /** Dataset name (unique within a workspace). */
  name: string;
  /** Workspace name; default: the user's first workspace. */
  workspace?: string | undefined;
}): Promise<ArgillaDataset | undefined> {
  const workspace = await resolveWorkspace({ client: params.client, name: params.workspace });
  const { items } = dataOrThrow(
    await params.client.GET("/me/datasets", { params: { query: { name: params.name, workspace_id: workspace.id } } }),
  );
  // The server filters too; checking again keeps this right if a proxy or older server ignores the filter.
  return items.find((d) => d.name === params.name && d.workspace_id === workspace.id);
}
