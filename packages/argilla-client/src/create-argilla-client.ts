import { redactSecrets } from "@domain-eval/core";
import createClient, { type Client, type Middleware } from "openapi-fetch";
import { ArgillaConnectionError, rememberRequest } from "./argilla-api-error.js";
import type { paths } from "./generated/argilla-server-2.8.0.js";

/** The typed Argilla REST client: openapi-fetch over every `/api/v1` endpoint of argilla-server 2.8. */
export interface ArgillaClient extends Client<paths, "application/json"> {
  /** The server root, e.g. `http://127.0.0.1:6900` (the web UI lives here, the API under `/api/v1`). */
  readonly serverUrl: string;
}

/** Options of {@link createArgillaClient}. */
export interface CreateArgillaClientParams {
  /** Server root URL, e.g. `http://localhost:6900` (a trailing `/api/v1` is accepted). Default: `$ARGILLA_API_URL`. */
  baseUrl?: string;
  /** API key of the Argilla user (sent as `X-Argilla-Api-Key`). Default: `$ARGILLA_API_KEY`. */
  apiKey?: string;
  /** A `fetch` to use instead of the global one (tests, proxies). */
  fetch?: (input: Request) => Promise<Response>;
  /** Called with one line per request: method, URL, status and time. Never includes the key. */
  log?: (line: string) => void;
  /** Environment to read the defaults from. Default: `process.env`. */
  env?: Record<string, string | undefined>;
}

function serverRootOf(raw: string, source: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch (error) {
    throw new TypeError(`${source} is not a valid URL: use the server root, e.g. http://localhost:6900`, {
      cause: error,
    });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`${source} must be an http(s) URL, e.g. http://localhost:6900`);
  }
  url.search = "";
  url.hash = "";
  return url
    .toString()
    .replace(/\/+$/, "")
    .replace(/\/api(\/v1)?$/, "");
}

/**
 * Creates a typed client for an Argilla 2.8 server. Calls return `{ data, error, response }` (openapi-fetch); pass a
 * result to {@link dataOrThrow} to get `data` or an {@link ArgillaApiError}.
 *
 * @throws TypeError when no URL or key is given and `ARGILLA_API_URL` / `ARGILLA_API_KEY` are not set.
 * @example
 * const client = createArgillaClient({ baseUrl: "http://localhost:6900", apiKey: process.env.ARGILLA_API_KEY });
 * const me = dataOrThrow(await client.GET("/me"));
 * const { data } = await client.GET("/datasets/{dataset_id}", { params: { path: { dataset_id: id } } });
 */
export function createArgillaClient(params: CreateArgillaClientParams = {}): ArgillaClient {
  const env = params.env ?? process.env;
  const rawUrl = params.baseUrl ?? env.ARGILLA_API_URL;
  if (!rawUrl) {
    throw new TypeError(
      "ARGILLA_API_URL is not set: export ARGILLA_API_URL=http://localhost:6900 or pass baseUrl to createArgillaClient",
    );
  }
  const apiKey = params.apiKey ?? env.ARGILLA_API_KEY;
  if (!apiKey) {
    throw new TypeError(
      "ARGILLA_API_KEY is not set: export ARGILLA_API_KEY=<your key from the Argilla user settings> or pass apiKey to createArgillaClient",
    );
  }
  const serverUrl = serverRootOf(rawUrl, params.baseUrl ? "baseUrl" : "ARGILLA_API_URL");
  const client = createClient<paths, "application/json">({
    baseUrl: `${serverUrl}/api/v1`,
    ...(params.fetch ? { fetch: params.fetch } : {}),
  });
  const started = new Map<string, number>();
  const auth: Middleware = {
    onRequest({ request, id }) {
      started.set(id, Date.now());
      request.headers.set("X-Argilla-Api-Key", apiKey);
      return request;
    },
    onResponse({ request, response, id }) {
      rememberRequest(response, { method: request.method, url: request.url, secret: apiKey });
      const since = started.get(id);
      started.delete(id);
      const took = since === undefined ? "" : ` (${Date.now() - since} ms)`;
      params.log?.(
        redactSecrets({ text: `${request.method} ${request.url} → ${response.status}${took}`, secrets: [apiKey] }),
      );
      return response;
    },
    onError({ request, error, id }) {
      started.delete(id);
      // A caller's abort is not a connection problem: fetch rejects with the signal's reason, pass it on unchanged.
      if (request.signal.aborted || (error instanceof Error && error.name === "AbortError")) {
        return error instanceof Error ? error : new Error(String(error));
      }
      const wrapped = new ArgillaConnectionError({ method: request.method, url: request.url, cause: error });
      params.log?.(redactSecrets({ text: `${request.method} ${request.url} → ${wrapped.message}`, secrets: [apiKey] }));
      return wrapped;
    },
  };
  client.use(auth);
  return Object.assign(client, { serverUrl });
}
