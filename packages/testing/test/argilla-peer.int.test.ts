// The real Argilla 2.8 server from tools/peers/up.sh (on embedded OpenSearch + Redis) through its REST API, with
// plain fetch: create a dataset, publish it, upsert records, read them back in insertion order, answer as the
// reviewer, delete it.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ensurePeers, type PeersEnv } from "../src/peers.js";

let peers: PeersEnv;
const createdDatasets: string[] = [];

async function api<T>(method: string, path: string, body?: unknown, apiKey = peers.argillaApiKey): Promise<T> {
  const res = await fetch(`${peers.argillaUrl}/api/v1${path}`, {
    method,
    headers: { "X-Argilla-Api-Key": apiKey, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} -> HTTP ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

interface Dataset {
  id: string;
  name: string;
  status: string;
}
interface Question {
  id: string;
  name: string;
}
interface SearchResult {
  total: number;
  items: {
    record: {
      id: string;
      external_id: string;
      status: string;
      fields: Record<string, string>;
      metadata: Record<string, unknown> | null;
      suggestions?: { question_id: string; value: unknown; agent: string; score: number }[];
      responses?: { user_id: string; values: Record<string, { value: unknown }>; status: string }[];
    };
  }[];
}

beforeAll(async () => {
  // Provided by @domain-eval/testing/peers-global-setup when the config uses it; else start/reuse them here.
  peers = inject("peers") ?? (await ensurePeers({ withEval: false }));
});

afterAll(async () => {
  for (const id of createdDatasets) await api("DELETE", `/datasets/${id}`).catch(() => undefined);
});

describe("Argilla peer", () => {
  it("serves its web UI and authenticates the owner and the reviewer", async () => {
    const ui = await fetch(`${peers.argillaUrl}/`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain("<html");
    expect((await api<{ username: string; role: string }>("GET", "/me")).role).toBe("owner");
    const reviewer = await api<{ username: string; role: string }>("GET", "/me", undefined, peers.reviewerApiKey);
    expect(reviewer).toMatchObject({ username: peers.reviewerUsername, role: "annotator" });
  });

  it("creates, publishes, upserts, searches in insertion order, takes a reviewer response, deletes", async () => {
    const workspaces = await api<{ items: { id: string; name: string }[] }>("GET", "/me/workspaces");
    const workspace = workspaces.items.find((w) => w.name === "argilla");
    expect(workspace, "workspace 'argilla' (created by up.sh)").toBeDefined();

    const name = `peers-int-${randomUUID().slice(0, 8)}`;
    const dataset = await api<Dataset>("POST", "/datasets", {
      name,
      workspace_id: workspace?.id,
      guidelines: "Is the answer correct?",
      allow_extra_metadata: true,
      distribution: { strategy: "overlap", min_submitted: 1 },
    });
    createdDatasets.push(dataset.id);
    expect(dataset.status).toBe("draft");

    await api("POST", `/datasets/${dataset.id}/fields`, {
      name: "question",
      title: "Question",
      required: true,
      settings: { type: "text", use_markdown: false },
    });
    const question = await api<Question>("POST", `/datasets/${dataset.id}/questions`, {
      name: "verdict",
      title: "Is the answer correct?",
      required: true,
      settings: {
        type: "label_selection",
        options: [
          { value: "yes", text: "Yes" },
          { value: "no", text: "No" },
        ],
        visible_options: null,
      },
    });
    const published = await api<Dataset>("PUT", `/datasets/${dataset.id}/publish`);
    expect(published.status).toBe("ready");

    const record = (i: number, text: string) => ({
      external_id: `q${i}`,
      fields: { question: text },
      metadata: { position: i },
      suggestions: [
        { question_id: question.id, value: i % 2 ? "yes" : "no", agent: "peers-test", score: 0.5 + i / 10 },
      ],
    });
    await api("PUT", `/datasets/${dataset.id}/records/bulk`, {
      items: [record(1, "What is 2 + 2?"), record(2, "Capital of France?"), record(3, "Colour of the sky?")],
    });
    // Upsert matches external_id: q2 is updated in place, q4 is new.
    await api("PUT", `/datasets/${dataset.id}/records/bulk`, {
      items: [record(2, "What is the capital of France?"), record(4, "Boiling point of water at sea level?")],
    });

    const search = () =>
      api<SearchResult>("POST", `/datasets/${dataset.id}/records/search?include=suggestions&include=responses`, {
        sort: [{ scope: { entity: "record", property: "inserted_at" }, order: "asc" }],
      });
    const found = await search();
    expect(found.total).toBe(4);
    expect(found.items.map((item) => item.record.external_id)).toEqual(["q1", "q2", "q3", "q4"]);
    expect(found.items.map((item) => item.record.fields.question)).toEqual([
      "What is 2 + 2?",
      "What is the capital of France?",
      "Colour of the sky?",
      "Boiling point of water at sea level?",
    ]);
    expect(found.items[2]?.record.metadata).toEqual({ position: 3 });
    expect(found.items[0]?.record.suggestions).toEqual([
      expect.objectContaining({ question_id: question.id, value: "yes", agent: "peers-test", score: 0.6 }),
    ]);
    expect(found.items.every((item) => item.record.status === "pending")).toBe(true);

    // The annotator submits an answer; with min_submitted 1 the record completes.
    const first = found.items[0]?.record;
    await api(
      "POST",
      `/records/${first?.id}/responses`,
      { values: { verdict: { value: "no" } }, status: "submitted" },
      peers.reviewerApiKey,
    );
    const after = await search();
    const answered = after.items.find((item) => item.record.external_id === "q1")?.record;
    expect(answered?.status).toBe("completed");
    expect(answered?.responses?.map((r) => [r.status, r.values.verdict?.value])).toEqual([["submitted", "no"]]);

    await api("DELETE", `/datasets/${dataset.id}`);
    createdDatasets.pop();
    const gone = await fetch(`${peers.argillaUrl}/api/v1/datasets/${dataset.id}`, {
      headers: { "X-Argilla-Api-Key": peers.argillaApiKey },
    });
    expect(gone.status).toBe(404);
  });
});
