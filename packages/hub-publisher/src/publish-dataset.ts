import { openAsBlob } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ifExists, redactSecrets } from "@domain-eval/core";
import { resolveAccessToken } from "./access-token.js";
import { HubPublishError } from "./hub-publish-error.js";
import { secretLeakIn } from "./secret-guard.js";

/** Where a published dataset is. */
export interface PublishedDataset {
  /** The commit holding the upload: pin it in a task file (`hf_revision`) so evaluations stay reproducible. */
  commitOid: string;
  /** The commit's page on the Hub. */
  commitUrl: string;
  /** The dataset's page on the Hub. */
  repoUrl: string;
  /** True when this call created the repo; false when it already existed (its visibility is left as it was). */
  created: boolean;
}

const REPO_PATTERN = /^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/u;

/** The files of a folder written by `writeDatasetFolder`: README.md, then data/*.parquet, sorted. */
async function datasetFiles(dir: string): Promise<string[]> {
  const notADataset = (why: string) =>
    new HubPublishError({
      message: `${dir} is not a dataset folder (${why}): write it with writeDatasetFolder() first`,
      reason: "not-a-dataset-folder",
    });
  // Only a missing file is "no README.md": an unreadable one rejects with its own cause (EACCES, EISDIR, …).
  const readme = await ifExists(readFile(join(dir, "README.md"), "utf8"));
  if (readme === undefined) throw notADataset("no README.md");
  if (!readme.startsWith("---\n")) throw notADataset("README.md has no YAML front matter");
  const parquet = (await ifExists(readdir(join(dir, "data")))) ?? [];
  const files = parquet.filter((name) => name.endsWith(".parquet")).sort();
  if (files.length === 0) throw notADataset("no data/*.parquet files");
  for (const name of files) {
    if (!(await stat(join(dir, "data", name))).isFile()) throw notADataset(`data/${name} is not a file`);
  }
  return ["README.md", ...files.map((name) => `data/${name}`)];
}

/** Turns a failed Hub call into a {@link HubPublishError} saying what to do; the token never appears. */
function publishFailure(
  error: unknown,
  step: string,
  repo: string,
  token: string,
  HubApiError: typeof import("@huggingface/hub").HubApiError,
): HubPublishError {
  if (error instanceof HubPublishError) return error;
  if (error instanceof HubApiError) {
    const details = { statusCode: error.statusCode, url: error.url, requestId: error.requestId, cause: error };
    const serverSaid = redactSecrets({ text: error.message, secrets: [token] });
    if (error.statusCode === 401) {
      return new HubPublishError({
        message: `the Hub rejected the access token while ${step} (HTTP 401): it is invalid, expired or revoked; create a new write token and set HF_TOKEN`,
        reason: "rejected-token",
        ...details,
      });
    }
    if (error.statusCode === 403) {
      return new HubPublishError({
        message: `the access token may not write to ${repo} (HTTP 403 while ${step}): use a token with the write role, or a fine-grained token with write access to the "${repo.split("/")[0]}" namespace. Hub said: ${serverSaid}`,
        reason: "forbidden",
        ...details,
      });
    }
    return new HubPublishError({
      message: `${step} failed (HTTP ${error.statusCode}): ${serverSaid}. The repo is unchanged (all files go up in one commit, which was not made); retry later`,
      reason: "upload-failed",
      ...details,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new HubPublishError({
    message: `${step} failed: ${redactSecrets({ text: message, secrets: [token] })}. The repo is unchanged (all files go up in one commit, which was not made); check the network and retry`,
    reason: "upload-failed",
    cause: error,
  });
}

/**
 * Publishes a dataset folder (from `writeDatasetFolder`) to a Hub dataset repo: creates the repo if it is missing —
 * private unless `private: false`, since domain data is often confidential; an existing public repo is refused unless
 * `private: false` — then uploads every file in ONE commit, so a failed upload leaves the repo as it was. Returns the
 * commit to pin.
 *
 * The token comes from `accessToken` or `HF_TOKEN`; a missing, malformed or rejected token throws a
 * {@link HubPublishError} whose message never contains it.
 *
 * @example
 * const { commitOid, repoUrl } = await publishDataset({ repo: "acme/treasury-exam", dir: "out/acme-exam" });
 * console.log(`published ${repoUrl} at ${commitOid}`);
 */
export async function publishDataset(params: {
  /** Dataset repo id, `namespace/name`. */
  repo: string;
  /** The folder `writeDatasetFolder` wrote. */
  dir: string;
  /** A Hub access token with write access; defaults to `HF_TOKEN`. */
  accessToken?: string;
  /**
   * Keep the data private (default true): a new repo is created private, and an existing public repo is refused
   * rather than published to. With false, a new repo is public and an existing one keeps its visibility.
   */
  private?: boolean;
  /** Title of the commit (default "Publish dataset with domain-eval"). */
  commitMessage?: string;
  /** Longer commit description. */
  commitDescription?: string;
  /**
   * More text files to commit with the dataset, by repo path (e.g. `eval.yaml`, `results/results.json` from
   * `domain-eval evaluate`). Paths under `data/` and `README.md` are refused: they come from the folder.
   */
  extraFiles?: Record<string, string>;
  /** Hub base URL, for a private Hub or a test stand-in. */
  hubUrl?: string;
  /** fetch to use instead of the global one (proxies, tests). */
  fetch?: typeof fetch;
}): Promise<PublishedDataset> {
  if (typeof params.repo !== "string" || !REPO_PATTERN.test(params.repo)) {
    throw new HubPublishError({
      message: `repo "${params.repo}" is not a dataset repo id: use "namespace/name", e.g. "acme/treasury-exam"`,
      reason: "invalid-repo",
    });
  }
  const token = resolveAccessToken({ accessToken: params.accessToken });
  const dir = resolve(params.dir);
  const files = await datasetFiles(dir);
  const readme = await readFile(join(dir, "README.md"), "utf8");
  if (secretLeakIn(readme, [token])) {
    throw new HubPublishError({
      message: `${dir}/README.md contains the access token: rewrite the folder without it`,
      reason: "not-a-dataset-folder",
    });
  }

  const extraFiles = Object.entries(params.extraFiles ?? {});
  for (const [path, content] of extraFiles) {
    if (
      !/^[\w.-]+(?:\/[\w.-]+)*$/u.test(path) ||
      path.split("/").includes("..") ||
      path === "README.md" ||
      path.startsWith("data/")
    ) {
      throw new HubPublishError({
        message: `extra file path "${path}" is not allowed: use a relative path outside data/ other than README.md`,
        reason: "not-a-dataset-folder",
      });
    }
    if (secretLeakIn(content, [token])) {
      throw new HubPublishError({
        message: `extra file ${path} contains the access token: remove it`,
        reason: "not-a-dataset-folder",
      });
    }
  }

  // The Hub client is loaded only to publish: writing a dataset folder (the same package) does not need it.
  const { createRepo, datasetInfo, HUB_URL, HubApiError, uploadFiles } = await import("@huggingface/hub");
  const hubUrl = (params.hubUrl ?? HUB_URL).replace(/\/+$/u, "");
  const repo = { type: "dataset" as const, name: params.repo };
  const wantPrivate = params.private ?? true;
  let created = true;
  let repoUrl = `${hubUrl}/datasets/${params.repo}`;
  try {
    const result = await createRepo({
      repo,
      accessToken: token,
      visibility: wantPrivate ? "private" : "public",
      hubUrl,
      fetch: params.fetch,
    });
    if (result.repoUrl) repoUrl = result.repoUrl;
  } catch (error) {
    if (!(error instanceof HubApiError && error.statusCode === 409)) {
      throw publishFailure(error, `creating the dataset repo ${params.repo}`, params.repo, token, HubApiError);
    }
    created = false;
  }
  if (!created && wantPrivate) {
    // Private was asked for (the default): never put domain data into a repo that turns out to be public.
    const info = await datasetInfo({ name: params.repo, accessToken: token, hubUrl, fetch: params.fetch }).catch(
      (error: unknown) => {
        throw publishFailure(error, `checking the visibility of ${params.repo}`, params.repo, token, HubApiError);
      },
    );
    if (!info.private) {
      throw new HubPublishError({
        message: `${params.repo} already exists and is public, but private publishing was asked for (the default): make the repo private in its settings on the Hub, or pass private: false to publish to it as a public dataset`,
        reason: "public-repo",
      });
    }
  }

  try {
    const output = await uploadFiles({
      repo,
      accessToken: token,
      files: [
        ...(await Promise.all(
          // openAsBlob reads lazily from disk, so large Parquet files are hashed and uploaded without being loaded.
          files.map(async (path) => ({ path, content: (await openAsBlob(join(dir, path))) as Blob })),
        )),
        ...extraFiles.map(([path, content]) => ({ path, content: new Blob([content]) })),
      ],
      commitTitle: params.commitMessage ?? "Publish dataset with domain-eval",
      commitDescription: params.commitDescription,
      hubUrl,
      fetch: params.fetch,
      // Plain LFS uploads: the transfer every Hub (and Hub-compatible server) supports.
      useXet: false,
    });
    if (!output?.commit.oid) {
      throw new HubPublishError({
        message: `the Hub did not report a commit for ${params.repo}: check the repo on the Hub and retry`,
        reason: "upload-failed",
      });
    }
    return { commitOid: output.commit.oid, commitUrl: output.commit.url, repoUrl, created };
  } catch (error) {
    throw publishFailure(
      error,
      `uploading ${files.length + extraFiles.length} files to ${params.repo}`,
      params.repo,
      token,
      HubApiError,
    );
  }
}
