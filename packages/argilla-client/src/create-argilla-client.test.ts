import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { ArgillaApiError, ArgillaConnectionError, dataOrThrow } from "./argilla-api-error.js";
import { createArgillaClient } from "./create-argilla-client.js";
import { fakeArgilla, json, TEST_KEY } from "./fake-argilla.test-helper.js";

describe("createArgillaClient", () => {
  it("says what to export when the URL or key is missing", () => {
    expect(() => createArgillaClient({ env: {} })).toThrow(
      new TypeError(
        "ARGILLA_API_URL is not set: export ARGILLA_API_URL=http://localhost:6900 or pass baseUrl to createArgillaClient",
      ),
    );
    expect(() => createArgillaClient({ env: { ARGILLA_API_URL: "http://localhost:6900" } })).toThrow(
      /ARGILLA_API_KEY is not set: export ARGILLA_API_KEY=.* or pass apiKey/,
    );
    expect(() => createArgillaClient({ baseUrl: "localhost:6900", apiKey: "k" })).toThrow(/http\(s\) URL/);
    expect(() => createArgillaClient({ baseUrl: "not a url", apiKey: "k" })).toThrow(/baseUrl is not a valid URL/);
  });

  it("reads ARGILLA_API_URL / ARGILLA_API_KEY and accepts the URL with or without /api/v1", async () => {
    const seen: string[] = [];
    const fetch = async (request: Request) => {
      seen.push(`${request.url} ${request.headers.get("X-Argilla-Api-Key")}`);
      return json({ items: [] });
    };
    for (const url of ["http://h:6900", "http://h:6900/", "http://h:6900/api/v1", "http://h:6900/api/v1/"]) {
      const client = createArgillaClient({ env: { ARGILLA_API_URL: url, ARGILLA_API_KEY: "env-key" }, fetch });
      expect(client.serverUrl).toBe("http://h:6900");
      await client.GET("/me/workspaces");
    }
    expect(seen).toEqual(Array(4).fill("http://h:6900/api/v1/me/workspaces env-key"));
  });

  it("passes a caller's abort on unchanged instead of calling it a connection problem", async () => {
    // like real fetch: a request whose signal aborts rejects with the signal's reason
    const fetch = (request: Request) =>
      new Promise<Response>((_resolve, reject) => {
        if (request.signal.aborted) reject(request.signal.reason);
        request.signal.addEventListener("abort", () => reject(request.signal.reason));
      });
    const client = createArgillaClient({ baseUrl: "http://h:6900", apiKey: "k", fetch });
    const controller = new AbortController();
    const pending = client.GET("/me/workspaces", { signal: controller.signal });
    controller.abort(new Error("stopped by the caller"));
    const error = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ArgillaConnectionError);
    expect((error as Error).message).toBe("stopped by the caller");
  });

  it("sends the key as X-Argilla-Api-Key and keeps it out of logs and errors", async () => {
    const lines: string[] = [];
    const { client, requests } = fakeArgilla(
      [() => json({ detail: `Could not validate credentials for ${TEST_KEY}` }, 401)],
      { log: (line) => lines.push(line) },
    );
    const result = await client.GET("/me");
    expect(requests[0]?.headers.get("X-Argilla-Api-Key")).toBe(TEST_KEY);
    const error = (() => {
      try {
        dataOrThrow(result);
      } catch (e) {
        return e as ArgillaApiError;
      }
    })();
    expect(error).toBeInstanceOf(ArgillaApiError);
    expect(error?.status).toBe(401);
    expect(error?.message).toContain("check ARGILLA_API_KEY");
    expect(error?.message).not.toContain(TEST_KEY);
    expect(lines).toEqual([expect.stringMatching(/^GET http:\/\/argilla\.test:6900\/api\/v1\/me → 401 \(\d+ ms\)$/)]);
    expect(JSON.stringify({ lines, error, message: error?.message, stack: error?.stack })).not.toContain(TEST_KEY);
    expect(JSON.stringify(client)).not.toContain(TEST_KEY);
  });

  it("turns a refused connection into an ArgillaConnectionError that names the URL", async () => {
    // A port that was free a moment ago: nothing listens there.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const client = createArgillaClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: TEST_KEY });
    const error = await client.GET("/me").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArgillaConnectionError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^cannot reach Argilla for GET http://127\\.0\\.0\\.1:${port}/api/v1/me \\(ECONNREFUSED.*\\): check that the server is running`,
      ),
    );
    expect((error as Error).message).not.toContain(TEST_KEY);
  });
});
