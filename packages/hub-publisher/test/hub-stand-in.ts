import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One HTTP request the stand-in received. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, with the LFS object id replaced by `{oid}`. */
  route: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: Buffer;
}

/** A commit the stand-in accepted: its id, title and the full content of every file it added. */
export interface StandInCommit {
  oid: string;
  title: string;
  description: string | undefined;
  files: Map<string, Buffer>;
}

export interface StandInRepo {
  visibility: string | undefined;
  commits: StandInCommit[];
}

/**
 * A local stand-in for the Hub endpoints `@huggingface/hub` calls to create a dataset repo and commit files to it:
 * `POST /api/repos/create`, `GET /api/datasets/{id}/revision/{rev}` (visibility), `POST /api/datasets/{id}/preupload/{rev}`, `POST /datasets/{id}.git/info/lfs/objects/batch`
 * (answering the `basic` transfer), the LFS `PUT`, and `POST /api/datasets/{id}/commit/{rev}` (ndjson). It checks the
 * bearer token, records every request, keeps repos and commits in memory, and can be told to fail commits.
 */
export class HubStandIn {
  readonly requests: RecordedRequest[] = [];
  readonly repos = new Map<string, StandInRepo>();
  /** Namespaces the token may write to. */
  writableNamespaces = new Set(["acme"]);
  /** When set, `POST …/commit/…` answers this status instead of committing. */
  failCommitsWith: number | undefined;
  readonly #lfs = new Map<string, Buffer>();
  readonly #server = createServer((req, res) => {
    this.#handle(req, res).catch((error: unknown) => json(res, 500, { error: String(error) }));
  });
  url = "";

  constructor(readonly validToken: string) {}

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.#server.close((error) => (error ? reject(error) : resolve())));
  }

  /** `METHOD route` of every request, in order. */
  sequence(): string[] {
    return this.requests.map((r) => `${r.method} ${r.route}`);
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const path = (req.url ?? "/").split("?")[0] as string;
    const route = path.replace(/\/lfs-upload\/[0-9a-f]{64}$/u, "/lfs-upload/{oid}");
    this.requests.push({
      method: req.method ?? "",
      route,
      path,
      authorization: req.headers.authorization,
      contentType: req.headers["content-type"],
      body,
    });

    if (req.method === "PUT" && route === "/lfs-upload/{oid}") {
      // Storage URLs are pre-signed on the real Hub: no bearer token, the content must match its sha256.
      const oid = path.split("/").at(-1) as string;
      if (createHash("sha256").update(body).digest("hex") !== oid) return json(res, 400, { error: "sha256 mismatch" });
      this.#lfs.set(oid, body);
      res.writeHead(200).end();
      return;
    }
    if (req.headers.authorization !== `Bearer ${this.validToken}`) {
      return json(res, 401, { error: "Invalid credentials in Authorization header" });
    }

    if (req.method === "POST" && path === "/api/repos/create") {
      const payload = JSON.parse(body.toString("utf8")) as {
        name: string;
        organization: string;
        type: string;
        visibility?: string;
      };
      const id = `${payload.organization}/${payload.name}`;
      if (!this.writableNamespaces.has(payload.organization)) {
        return json(res, 403, {
          error: `You don't have the rights to create a dataset under the namespace "${payload.organization}"`,
        });
      }
      if (this.repos.has(id))
        return json(res, 409, { error: "You already created this dataset repo", url: this.#repoUrl(id) });
      this.repos.set(id, { visibility: payload.visibility, commits: [] });
      return json(res, 200, { url: this.#repoUrl(id), name: id, id: randomBytes(12).toString("hex") });
    }

    const info = /^\/api\/datasets\/([^/]+\/[^/]+)\/revision\/([^/]+)$/u.exec(path);
    if (req.method === "GET" && info) {
      const repo = this.repos.get(info[1] as string);
      if (!repo) return json(res, 404, { error: "Repository not found" });
      return json(res, 200, {
        _id: "0123456789abcdef01234567",
        id: info[1],
        private: repo.visibility === "private",
        downloads: 0,
        likes: 0,
        gated: false,
        lastModified: new Date(0).toISOString(),
      });
    }

    const preupload = /^\/api\/datasets\/([^/]+\/[^/]+)\/preupload\/([^/]+)$/u.exec(path);
    if (req.method === "POST" && preupload) {
      if (!this.repos.has(preupload[1] as string)) return json(res, 404, { error: "Repository not found" });
      const payload = JSON.parse(body.toString("utf8")) as { files: { path: string; size: number }[] };
      return json(res, 200, {
        files: payload.files.map((f) => ({
          path: f.path,
          uploadMode: f.path.endsWith(".parquet") ? "lfs" : "regular",
          shouldIgnore: false,
        })),
      });
    }

    const batch = /^\/datasets\/([^/]+\/[^/]+)\.git\/info\/lfs\/objects\/batch$/u.exec(path);
    if (req.method === "POST" && batch) {
      const payload = JSON.parse(body.toString("utf8")) as { objects: { oid: string; size: number }[] };
      res.writeHead(200, { "Content-Type": "application/vnd.git-lfs+json" });
      res.end(
        JSON.stringify({
          transfer: "basic",
          objects: payload.objects.map((o) => ({
            ...o,
            authenticated: true,
            actions: { upload: { href: `${this.url}/lfs-upload/${o.oid}`, header: {} } },
          })),
        }),
      );
      return;
    }

    const commit = /^\/api\/datasets\/([^/]+\/[^/]+)\/commit\/([^/]+)$/u.exec(path);
    if (req.method === "POST" && commit) {
      const repo = this.repos.get(commit[1] as string);
      if (!repo) return json(res, 404, { error: "Repository not found" });
      if (this.failCommitsWith)
        return json(res, this.failCommitsWith, { error: "Internal Error - We're working hard to fix this" });
      const lines = body
        .toString("utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as { key: string; value: Record<string, unknown> });
      const header = lines.find((l) => l.key === "header")?.value ?? {};
      const files = new Map<string, Buffer>();
      for (const { key, value } of lines) {
        if (key === "file") files.set(value.path as string, Buffer.from(value.content as string, "base64"));
        if (key === "lfsFile") {
          const content = this.#lfs.get(value.oid as string);
          if (!content) return json(res, 422, { error: `LFS object ${value.oid} was never uploaded` });
          files.set(value.path as string, content);
        }
      }
      const oid = randomBytes(20).toString("hex");
      repo.commits.push({
        oid,
        title: header.summary as string,
        description: header.description as string | undefined,
        files,
      });
      return json(res, 200, {
        success: true,
        commitOid: oid,
        commitUrl: `${this.#repoUrl(commit[1] as string)}/commit/${oid}`,
        hookOutput: "",
      });
    }
    return json(res, 404, { error: `no route ${req.method} ${path}` });
  }

  #repoUrl(id: string): string {
    return `${this.url}/datasets/${id}`;
  }
}

function json(res: ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, {
    "Content-Type": "application/json",
    "X-Request-Id": `req-${randomBytes(4).toString("hex")}`,
  });
  res.end(JSON.stringify(payload));
}
