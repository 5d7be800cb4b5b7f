import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CARD, makeExamItems } from "../test/exam-items.js";
import { HubStandIn } from "../test/hub-stand-in.js";
import { rejection } from "../test/rejection.js";
import { type DatasetFolder, writeDatasetFolder } from "./dataset-folder.js";
import { HubPublishError } from "./hub-publish-error.js";
import { publishDataset } from "./publish-dataset.js";

const TOKEN = "hf_StandInWriteToken0123456789abcdef";

let hub: HubStandIn;
let work: string;
let folder: DatasetFolder;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "hub-publisher-publish-"));
  folder = await writeDatasetFolder({ items: makeExamItems(40), dir: join(work, "dataset"), card: CARD });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});
beforeEach(async () => {
  vi.stubEnv("HF_TOKEN", undefined);
  hub = await new HubStandIn(TOKEN).start();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await hub.close();
});

/** The HubPublishError `run` rejects with. */
function publishError(run: Promise<unknown>): Promise<HubPublishError> {
  return rejection(run, HubPublishError);
}

function expectNoToken(error: Error, token: string): void {
  expect(error.message).not.toContain(token);
  expect(String(error.stack)).not.toContain(token);
  expect(JSON.stringify(error)).not.toContain(token);
}

describe("publishDataset against a stand-in Hub", () => {
  it("commits extra files (evaluation results) with the dataset, and refuses paths that would replace its files", async () => {
    await publishDataset({
      repo: "acme/with-results",
      dir: folder.dir,
      accessToken: TOKEN,
      extraFiles: { "eval.yaml": "name: Exam\n", "results/results.json": "{}\n" },
      hubUrl: hub.url,
    });
    const files = hub.repos.get("acme/with-results")?.commits[0]?.files;
    expect([...(files?.keys() ?? [])].sort()).toEqual([
      "README.md",
      "data/dev-00000-of-00001.parquet",
      "data/test-00000-of-00001.parquet",
      "eval.yaml",
      "results/results.json",
    ]);
    expect(files?.get("eval.yaml")?.toString("utf8")).toBe("name: Exam\n");
    for (const path of ["README.md", "data/x.parquet", "../up.txt", "/abs.txt"]) {
      const error = await publishError(
        publishDataset({
          repo: "acme/bad",
          dir: folder.dir,
          accessToken: TOKEN,
          extraFiles: { [path]: "x" },
          hubUrl: hub.url,
        }),
      );
      expect(error.message).toContain(`extra file path "${path}" is not allowed`);
    }
  });

  it("creates a private dataset repo and uploads every file in one commit", async () => {
    const published = await publishDataset({
      repo: "acme/treasury-exam",
      dir: folder.dir,
      accessToken: TOKEN,
      commitMessage: "First release",
      hubUrl: hub.url,
    });

    expect(hub.sequence()).toEqual([
      "POST /api/repos/create",
      "POST /api/datasets/acme/treasury-exam/preupload/main",
      "POST /datasets/acme/treasury-exam.git/info/lfs/objects/batch",
      "PUT /lfs-upload/{oid}",
      "PUT /lfs-upload/{oid}",
      "POST /api/datasets/acme/treasury-exam/commit/main",
    ]);
    const create = JSON.parse(hub.requests[0]?.body.toString("utf8") ?? "{}");
    expect(create).toMatchObject({
      name: "treasury-exam",
      organization: "acme",
      type: "dataset",
      visibility: "private",
    });

    const repo = hub.repos.get("acme/treasury-exam");
    expect(repo?.visibility).toBe("private");
    expect(repo?.commits).toHaveLength(1);
    const commit = repo?.commits[0];
    expect(commit?.title).toBe("First release");
    expect([...(commit?.files.keys() ?? [])].sort()).toEqual([...folder.files].sort());
    for (const path of folder.files) {
      expect(commit?.files.get(path)?.equals(await readFile(join(folder.dir, path)))).toBe(true);
    }
    // The card goes up as a regular file, the Parquet files through LFS.
    const ndjson =
      hub.requests
        .at(-1)
        ?.body.toString("utf8")
        .split("\n")
        .map((l) => JSON.parse(l)) ?? [];
    expect(
      ndjson.map((l: { key: string; value: { path?: string } }) => `${l.key} ${l.value.path ?? ""}`.trim()),
    ).toEqual([
      "header",
      "file README.md",
      "lfsFile data/dev-00000-of-00001.parquet",
      "lfsFile data/test-00000-of-00001.parquet",
    ]);

    expect(published).toEqual({
      commitOid: commit?.oid,
      commitUrl: `${hub.url}/datasets/acme/treasury-exam/commit/${commit?.oid}`,
      repoUrl: `${hub.url}/datasets/acme/treasury-exam`,
      created: true,
    });
    for (const request of hub.requests) expect(request.body.includes(TOKEN)).toBe(false);
  });

  it("creates a public repo only when asked", async () => {
    await publishDataset({
      repo: "acme/open-exam",
      dir: folder.dir,
      accessToken: TOKEN,
      private: false,
      hubUrl: hub.url,
    });
    expect(hub.repos.get("acme/open-exam")?.visibility).toBe("public");
  });

  it("commits to a private repo that already exists (409) and says it did not create it", async () => {
    hub.repos.set("acme/treasury-exam", { visibility: "private", commits: [] });
    const published = await publishDataset({
      repo: "acme/treasury-exam",
      dir: folder.dir,
      hubUrl: hub.url,
      accessToken: TOKEN,
    });
    expect(published.created).toBe(false);
    expect(published.repoUrl).toBe(`${hub.url}/datasets/acme/treasury-exam`);
    expect(hub.sequence().slice(0, 2)).toEqual([
      "POST /api/repos/create",
      "GET /api/datasets/acme/treasury-exam/revision/HEAD",
    ]);
    expect(hub.repos.get("acme/treasury-exam")?.commits.map((c) => c.oid)).toEqual([published.commitOid]);
  });

  it("refuses to put data into an existing public repo unless private: false", async () => {
    hub.repos.set("acme/treasury-exam", { visibility: "public", commits: [] });
    const error = await publishError(
      publishDataset({ repo: "acme/treasury-exam", dir: folder.dir, hubUrl: hub.url, accessToken: TOKEN }),
    );
    expect(error.reason).toBe("public-repo");
    expect(error.message).toContain("already exists and is public");
    expect(error.message).toContain("private: false");
    expect(hub.repos.get("acme/treasury-exam")?.commits).toEqual([]);

    const published = await publishDataset({
      repo: "acme/treasury-exam",
      dir: folder.dir,
      hubUrl: hub.url,
      accessToken: TOKEN,
      private: false,
    });
    expect(published.created).toBe(false);
    expect(hub.repos.get("acme/treasury-exam")?.visibility).toBe("public");
    expect(hub.repos.get("acme/treasury-exam")?.commits).toHaveLength(1);
  });

  it("reads the token from HF_TOKEN when none is passed", async () => {
    vi.stubEnv("HF_TOKEN", `${TOKEN}\n`);
    const published = await publishDataset({ repo: "acme/env-exam", dir: folder.dir, hubUrl: hub.url });
    expect(published.created).toBe(true);
    expect(hub.requests.every((r) => r.route.startsWith("/lfs-upload") || r.authorization === `Bearer ${TOKEN}`)).toBe(
      true,
    );
  });

  it("explains a rejected token (401) without showing it, and changes nothing", async () => {
    const wrong = "hf_ExpiredTokenExpiredTokenExpiredToken12";
    const error = await publishError(
      publishDataset({ repo: "acme/treasury-exam", dir: folder.dir, accessToken: wrong, hubUrl: hub.url }),
    );
    expect(error.reason).toBe("rejected-token");
    expect(error.statusCode).toBe(401);
    expect(error.message).toMatch(/rejected the access token.*HF_TOKEN/u);
    expectNoToken(error, wrong);
    expect(hub.sequence()).toEqual(["POST /api/repos/create"]);
    expect(hub.repos.size).toBe(0);
  });

  it("explains a namespace the token may not write to (403)", async () => {
    const error = await publishError(
      publishDataset({ repo: "other-org/exam", dir: folder.dir, accessToken: TOKEN, hubUrl: hub.url }),
    );
    expect(error.reason).toBe("forbidden");
    expect(error.message).toContain('"other-org" namespace');
    expectNoToken(error, TOKEN);
  });

  it("leaves the repo as it was when the commit fails (500)", async () => {
    const first = await publishDataset({
      repo: "acme/treasury-exam",
      dir: folder.dir,
      accessToken: TOKEN,
      hubUrl: hub.url,
    });
    hub.failCommitsWith = 500;
    const error = await publishError(
      publishDataset({ repo: "acme/treasury-exam", dir: folder.dir, accessToken: TOKEN, hubUrl: hub.url }),
    );
    expect(error.reason).toBe("upload-failed");
    expect(error.statusCode).toBe(500);
    expect(error.message).toMatch(/HTTP 500.*repo is unchanged/u);
    expectNoToken(error, TOKEN);
    expect(hub.repos.get("acme/treasury-exam")?.commits.map((c) => c.oid)).toEqual([first.commitOid]);
  });

  it("refuses a missing or malformed token before any request", async () => {
    const missing = await publishError(publishDataset({ repo: "acme/x", dir: folder.dir, hubUrl: hub.url }));
    expect(missing.reason).toBe("missing-token");
    expect(missing.message).toContain("HF_TOKEN");

    const openaiKey = "sk-proj-NotAHuggingFaceTokenAtAll0123456789";
    const malformed = await publishError(
      publishDataset({ repo: "acme/x", dir: folder.dir, accessToken: openaiKey, hubUrl: hub.url }),
    );
    expect(malformed.reason).toBe("malformed-token");
    expect(malformed.message).toContain('start with "hf_"');
    expectNoToken(malformed, openaiKey);

    vi.stubEnv("HF_TOKEN", "hf_has spaces inside");
    const fromEnv = await publishError(publishDataset({ repo: "acme/x", dir: folder.dir, hubUrl: hub.url }));
    expect(fromEnv.reason).toBe("malformed-token");
    expect(fromEnv.message).toMatch(/^HF_TOKEN is not/u);
    expect(hub.requests).toEqual([]);
  });

  it("refuses a bad repo id or a folder that is not a dataset before any request", async () => {
    const badRepo = await publishError(
      publishDataset({ repo: "treasury-exam", dir: folder.dir, accessToken: TOKEN, hubUrl: hub.url }),
    );
    expect(badRepo.reason).toBe("invalid-repo");
    expect(badRepo.message).toContain('"namespace/name"');

    const notes = join(work, "notes");
    await rm(notes, { recursive: true, force: true });
    await writeFile(join(work, "notes.md"), "hello");
    const notDataset = await publishError(
      publishDataset({ repo: "acme/x", dir: work, accessToken: TOKEN, hubUrl: hub.url }),
    );
    expect(notDataset.reason).toBe("not-a-dataset-folder");
    expect(notDataset.message).toContain("writeDatasetFolder");
    expect(hub.requests).toEqual([]);
  });

  it("reports an unreadable README.md with its cause, not as a missing one", async () => {
    const odd = join(work, "readme-is-a-folder");
    await mkdir(join(odd, "README.md"), { recursive: true });
    const error = await publishDataset({ repo: "acme/x", dir: odd, accessToken: TOKEN, hubUrl: hub.url }).then(
      () => new Error("published"),
      (e: Error) => e,
    );
    expect(error.message).toMatch(/EISDIR/);
    expect(error.message).not.toContain("no README.md");
    expect(hub.requests).toEqual([]);
  });

  it("never writes the token into the dataset folder", async () => {
    vi.stubEnv("HF_TOKEN", TOKEN);
    const dir = join(work, "with-env-token");
    await writeDatasetFolder({ items: makeExamItems(12), dir, card: { ...CARD, repoId: "acme/treasury-exam" } });
    await publishDataset({ repo: "acme/treasury-exam", dir, accessToken: TOKEN, hubUrl: hub.url });
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(files.length).toBe(3);
    for (const file of files) {
      const bytes = await readFile(join(file.parentPath, file.name));
      expect(bytes.includes(TOKEN)).toBe(false);
      expect(bytes.toString("latin1")).not.toMatch(/hf_[A-Za-z0-9]{30,}/u);
    }
  });
});
