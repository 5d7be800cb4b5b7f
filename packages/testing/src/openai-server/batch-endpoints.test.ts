import OpenAI, { toFile } from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { examWriterHandler } from "./exam-writer.js";
import {
  type ScriptedOpenAIServer,
  type ScriptedOpenAIServerOptions,
  startScriptedOpenAIServer,
} from "./scripted-openai-server.js";

let server: ScriptedOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: Partial<ScriptedOpenAIServerOptions> = {}) {
  server = await startScriptedOpenAIServer({
    handler: examWriterHandler(),
    ...options,
    batches: { stepMs: 5, ...options.batches },
  });
  return new OpenAI({ apiKey: "test", baseURL: server.url, maxRetries: 0 });
}

const request = (id: string, text: string, extra: Record<string, unknown> = {}) => ({
  custom_id: id,
  method: "POST",
  url: "/v1/chat/completions",
  body: {
    model: "m",
    messages: [
      { role: "user", content: `Write exactly 1 question with 3 distractors in JSON.\n<source>${text}</source>` },
    ],
    response_format: { type: "json_object" },
    ...extra,
  },
});

const PASSAGES = [
  "The Rhine flows 1233 kilometres from the Alps to the North Sea.",
  "The Danube flows 2850 kilometres from the Black Forest to the Black Sea.",
  "The Elbe flows 1094 kilometres from the Krkonose mountains to the North Sea.",
];

async function upload(client: OpenAI, lines: unknown[]) {
  const text = lines.map((l) => JSON.stringify(l)).join("\n");
  return client.files.create({ file: await toFile(Buffer.from(text), "requests.jsonl"), purpose: "batch" });
}

async function finish(client: OpenAI, id: string) {
  const seen: string[] = [];
  for (;;) {
    const batch = await client.batches.retrieve(id);
    if (seen.at(-1) !== batch.status) seen.push(batch.status);
    if (["completed", "failed", "expired", "cancelled"].includes(batch.status)) return { batch, seen };
    await new Promise((r) => setTimeout(r, 2));
  }
}

async function lines(client: OpenAI, fileId: string | null | undefined) {
  if (!fileId) return [];
  const text = await (await client.files.content(fileId)).text();
  return text
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l));
}

describe("scripted Files and Batches endpoints", () => {
  it("runs a batch through validating → in_progress → finalizing → completed with the chat endpoint's answers", async () => {
    const client = await start({ latencyMs: 20, batches: { stepMs: 30 } });
    const file = await upload(
      client,
      PASSAGES.map((p, i) => request(`chunk-${i}`, p)),
    );
    expect(file).toMatchObject({ object: "file", purpose: "batch", filename: "requests.jsonl" });
    const created = await client.batches.create({
      input_file_id: file.id,
      endpoint: "/v1/chat/completions",
      completion_window: "24h",
    });
    expect(created.status).toBe("validating");
    const { batch, seen } = await finish(client, created.id);
    // Polling may miss a short state on a busy machine (even the first poll can come after validating): what was
    // seen, after the created batch's own "validating", comes in this order, and the batch's timestamps say it went
    // through every state.
    const order = ["validating", "in_progress", "finalizing", "completed"];
    const states = [created.status, ...seen];
    expect(states.at(-1)).toBe("completed");
    expect(states.map((s) => order.indexOf(s))).toEqual([...states.map((s) => order.indexOf(s))].sort((a, b) => a - b));
    const stamps = [batch.created_at, batch.in_progress_at, batch.finalizing_at, batch.completed_at];
    expect(stamps.every((t) => typeof t === "number")).toBe(true);
    expect([...(stamps as number[])].sort((a, b) => a - b)).toEqual(stamps);
    expect(batch.request_counts).toEqual({ total: 3, completed: 3, failed: 0 });
    expect(batch.error_file_id).toBeNull();
    expect(batch.usage?.input_tokens).toBeGreaterThan(0);
    const output = await lines(client, batch.output_file_id);
    expect(output.map((l) => l.custom_id).sort()).toEqual(["chunk-0", "chunk-1", "chunk-2"]);
    // each line is what the synchronous endpoint answers to the same request
    for (const line of output) {
      const sync = await client.chat.completions.create(request(line.custom_id, "").body as never);
      expect(line.response.status_code).toBe(200);
      expect(line.error).toBeNull();
      expect(Object.keys(line.response.body).sort()).toEqual(Object.keys(sync).sort());
      const i = Number(line.custom_id.split("-")[1]);
      const again = await client.chat.completions.create(request("x", PASSAGES[i] as string).body as never);
      expect(line.response.body.choices[0].message.content).toBe(again.choices[0]?.message.content);
    }
    // the log tells batch lines from synchronous calls
    expect(server?.requests.filter((r) => r.batchId === created.id)).toHaveLength(3);
    expect(server?.requests.filter((r) => r.method === "POST" && r.path === "/v1/batches")).toHaveLength(1);
    expect(server?.batches().map((b) => b.id)).toEqual([created.id]);
  });

  it("puts requests the chat endpoint rejects into the error file, with its status and error body", async () => {
    const client = await start({ models: ["m"] });
    const file = await upload(client, [request("good", PASSAGES[0] as string), request("bad", "x", { model: "nope" })]);
    const created = await client.batches.create({
      input_file_id: file.id,
      endpoint: "/v1/chat/completions",
      completion_window: "24h",
    });
    const { batch } = await finish(client, created.id);
    expect(batch.status).toBe("completed");
    expect(batch.request_counts).toEqual({ total: 2, completed: 1, failed: 1 });
    const errors = await lines(client, batch.error_file_id);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      custom_id: "bad",
      response: { status_code: 404, body: { error: { code: "model_not_found" } } },
      error: null,
    });
  });

  it("expires a batch: answered lines in the output file, the rest batch_expired in the error file", async () => {
    const client = await start({ batches: { lineConcurrency: 1, fault: () => ({ expireAfterLines: 1 }) } });
    const file = await upload(
      client,
      PASSAGES.map((p, i) => request(`chunk-${i}`, p)),
    );
    const created = await client.batches.create({
      input_file_id: file.id,
      endpoint: "/v1/chat/completions",
      completion_window: "24h",
    });
    const { batch } = await finish(client, created.id);
    expect(batch.status).toBe("expired");
    expect(batch.expired_at).toBeGreaterThan(0);
    expect(batch.request_counts).toEqual({ total: 3, completed: 1, failed: 2 });
    expect(await lines(client, batch.output_file_id)).toHaveLength(1);
    const errors = await lines(client, batch.error_file_id);
    expect(errors.map((e) => e.error.code)).toEqual(["batch_expired", "batch_expired"]);
    expect(errors.every((e) => e.response === null)).toBe(true);
  });

  it("fails validation for duplicate custom ids, a wrong url and too many requests", async () => {
    const client = await start({ batches: { maxRequests: 2 } });
    const file = await upload(client, [
      request("a", "x"),
      request("a", "y"),
      { ...request("c", "z"), url: "/v1/embeddings" },
    ]);
    const created = await client.batches.create({
      input_file_id: file.id,
      endpoint: "/v1/chat/completions",
      completion_window: "24h",
    });
    const { batch } = await finish(client, created.id);
    expect(batch.status).toBe("failed");
    expect(batch.errors?.data?.map((e) => e.code)).toEqual([
      "too_many_requests",
      "duplicate_custom_id",
      "mismatched_endpoint",
    ]);
    expect(batch.errors?.data?.[1]?.line).toBe(2);
    expect(batch.output_file_id ?? null).toBeNull();
    expect(server?.requests.filter((r) => r.batchId)).toHaveLength(0);
  });

  it("refuses an upload over the file size limit and an unknown input file", async () => {
    const client = await start({ batches: { maxFileBytes: 100 } });
    await expect(
      upload(
        client,
        PASSAGES.map((p, i) => request(`c${i}`, p)),
      ),
    ).rejects.toThrow(/at most 100 bytes/u);
    await expect(
      client.batches.create({ input_file_id: "file-nope", endpoint: "/v1/chat/completions", completion_window: "24h" }),
    ).rejects.toThrow(/No such File object/u);
  });

  it("cancels a running batch (cancelling → cancelled), lists batches newest first, and refuses to cancel twice", async () => {
    const client = await start({ latencyMs: 30, batches: { lineConcurrency: 1 } });
    const file = await upload(
      client,
      PASSAGES.map((p, i) => request(`chunk-${i}`, p)),
    );
    const first = await client.batches.create({
      input_file_id: file.id,
      endpoint: "/v1/chat/completions",
      completion_window: "24h",
      metadata: { run: "one" },
    });
    const second = await client.batches.create({
      input_file_id: file.id,
      endpoint: "/v1/chat/completions",
      completion_window: "24h",
    });
    while ((await client.batches.retrieve(first.id)).status !== "in_progress")
      await new Promise((r) => setTimeout(r, 2));
    const cancelling = await client.batches.cancel(first.id);
    expect(cancelling.status).toBe("cancelling");
    const { batch } = await finish(client, first.id);
    expect(batch.status).toBe("cancelled");
    expect(batch.request_counts?.completed).toBeLessThan(3);
    await expect(client.batches.cancel(first.id)).rejects.toThrow(/Cannot cancel a batch with status 'cancelled'/u);
    const listed: string[] = [];
    for await (const b of client.batches.list({ limit: 1 })) listed.push(b.id);
    expect(listed).toEqual([second.id, first.id]);
    expect(batch.metadata).toEqual({ run: "one" });
  });
});
