import { describe, expect, it } from "vitest";
import { ArgillaApiError } from "./argilla-api-error.js";
import {
  DATASET_ID,
  examDatasetRoutes,
  examItem,
  fakeArgilla,
  json,
  QUESTION_ID,
  type RecordedRequest,
} from "./fake-argilla.test-helper.js";
import { ExamRecordRejectedError, logExamRecords } from "./log-exam-records.js";

const dataset = { id: DATASET_ID };
const isBulk = (r: RecordedRequest) => r.method === "PUT" && r.path === `/datasets/${DATASET_ID}/records/bulk`;
const isSearch = (r: RecordedRequest) => r.method === "POST" && r.path === `/datasets/${DATASET_ID}/records/search`;
type BulkBody = { items: { external_id: string; fields: Record<string, string>; suggestions: unknown[] }[] };

/** Existing external ids answer the existence search; bulk writes succeed unless `bulk` says otherwise. */
function routes(options: {
  existing?: Set<string>;
  existingFields?: Map<string, Record<string, string>>;
  bulk?: (r: RecordedRequest, call: number) => Response | undefined;
}) {
  let bulkCalls = 0;
  return [
    ...examDatasetRoutes(4),
    (r: RecordedRequest) => {
      if (!isSearch(r)) return undefined;
      const values = (r.body as { filters: { and: { values: string[] }[] } }).filters.and[0]?.values ?? [];
      const found = values.filter((v) => options.existing?.has(v));
      return json({
        items: found.map((external_id) => ({
          record: { external_id, fields: options.existingFields?.get(external_id) },
        })),
        total: found.length,
      });
    },
    (r: RecordedRequest) => {
      if (!isBulk(r)) return undefined;
      bulkCalls++;
      return options.bulk?.(r, bulkCalls) ?? json({ items: [] });
    },
  ];
}

describe("logExamRecords", () => {
  it("skips the existence look-ups when the dataset starts empty, and still counts every item as created", async () => {
    const items = Array.from({ length: 1001 }, (_, i) => examItem(i));
    const { client, requests } = fakeArgilla([
      (r: RecordedRequest) =>
        r.method === "GET" && r.path === `/datasets/${DATASET_ID}/progress`
          ? json({ completed: 0, pending: 0, total: 0 })
          : undefined,
      ...routes({}),
    ]);
    const result = await logExamRecords({ client, dataset, items });
    expect(result).toEqual({ created: 1001, updated: 0, total: 1001 });
    expect(requests.filter(isSearch)).toHaveLength(0);
    expect(requests.filter(isBulk).flatMap((r) => (r.body as BulkBody).items)).toHaveLength(1001);
  });

  it("looks existing ids up when the dataset already holds records", async () => {
    const items = Array.from({ length: 10 }, (_, i) => examItem(i));
    const { client, requests } = fakeArgilla([
      (r: RecordedRequest) =>
        r.method === "GET" && r.path === `/datasets/${DATASET_ID}/progress`
          ? json({ completed: 0, pending: 3, total: 3 })
          : undefined,
      ...routes({ existing: new Set([items[0]?.id as string]) }),
    ]);
    expect(await logExamRecords({ client, dataset, items })).toEqual({ created: 9, updated: 1, total: 10 });
    expect(requests.filter(isSearch)).toHaveLength(1);
  });

  it("upserts in batches of at most 500 keyed by item id, with the answer as a model suggestion", async () => {
    const items = Array.from({ length: 1201 }, (_, i) => examItem(i));
    const existing = new Set(items.slice(0, 300).map((i) => i.id));
    const { client, requests } = fakeArgilla(routes({ existing }));
    const progress: number[] = [];
    const result = await logExamRecords({ client, dataset, items, onProgress: (p) => progress.push(p.done) });
    expect(result).toEqual({ created: 901, updated: 300, total: 1201 });
    const bulks = requests.filter(isBulk).map((r) => r.body as BulkBody);
    expect(bulks.map((b) => b.items.length).sort()).toEqual([201, 500, 500]);
    expect(progress.at(-1)).toBe(1201);
    const sent = bulks.flatMap((b) => b.items);
    expect(new Set(sent.map((r) => r.external_id)).size).toBe(1201);
    const record = sent.find((r) => r.external_id === items[5]?.id);
    expect(record).toEqual({
      external_id: "q-00005",
      fields: {
        question: "What is the value of constant #5?",
        answer_a: "option 0 of item 5",
        answer_b: "option 1 of item 5",
        answer_c: "option 2 of item 5",
        answer_d: "option 3 of item 5",
        citations: "> quote one for 5\n\n> quote\n> two for 5",
      },
      metadata: {
        source_document: "doc-5",
        generator_model: "org/model@2025+rc",
        subject: "law",
        source_chunk_id: "doc-5#5",
        exam_citations: ["quote one for 5", "quote\ntwo for 5"],
        prompt_version: "finance@1.0.0+abc",
        choice_count: 4,
        validation_open_book_pct: 75,
        validation_closed_book_pct: 100,
        validation_options_only_pct: 25,
        validation_position_sensitive: "no",
      },
      // answer index 5 % 4 = 1 → "B"; "@" and "+" are not allowed in agents
      suggestions: [{ question_id: QUESTION_ID, value: "B", agent: "org/model_2025_rc", type: "model" }],
    });
  });

  it("keeps the option order of a record that already exists (reviews are by letter) and maps the suggestion onto it", async () => {
    const item = examItem(5); // options "option 0 of item 5" … "option 3 of item 5", answer 1
    const reordered = { ...item, choices: [...item.choices].reverse(), answer: 2 }; // same options, answer text kept
    const existingFields = new Map([
      [item.id, Object.fromEntries(item.choices.map((c, i) => [`answer_${"abcd"[i]}`, c]))],
    ]);
    const { client, requests } = fakeArgilla(routes({ existing: new Set([item.id]), existingFields }));
    await logExamRecords({ client, dataset, items: [reordered] });
    const [sent] = (requests.find(isBulk)?.body as BulkBody | undefined)?.items ?? [];
    expect(sent?.fields).toMatchObject({
      answer_a: item.choices[0],
      answer_b: item.choices[1],
      answer_d: item.choices[3],
    });
    expect(sent?.suggestions).toEqual([expect.objectContaining({ value: "B" })]);

    // different options (the question was rewritten): the new order is sent as given
    const changed = { ...reordered, choices: ["w", "x", "y", "z"], answer: 0 };
    const second = fakeArgilla(routes({ existing: new Set([item.id]), existingFields }));
    await logExamRecords({ client: second.client, dataset, items: [changed] });
    const [sentChanged] = (second.requests.find(isBulk)?.body as BulkBody | undefined)?.items ?? [];
    expect(sentChanged?.fields).toMatchObject({ answer_a: "w", answer_d: "z" });
    expect(sentChanged?.suggestions).toEqual([expect.objectContaining({ value: "A" })]);
  });

  it("sends the suggestion score when known", async () => {
    const { client, requests } = fakeArgilla(routes({}));
    await logExamRecords({ client, dataset, items: [examItem(1)], suggestionScore: () => 0.75 });
    const body = requests.find(isBulk)?.body as BulkBody;
    expect(body.items[0]?.suggestions).toEqual([expect.objectContaining({ score: 0.75 })]);
  });

  it("retries a batch after 503 and network errors, then succeeds", async () => {
    const { client, requests } = fakeArgilla(
      routes({
        bulk: (_r, call) => {
          if (call === 1) return json({ detail: "overloaded" }, 503);
          if (call === 2)
            throw new TypeError("fetch failed", { cause: Object.assign(new Error("reset"), { code: "ECONNRESET" }) });
          return undefined;
        },
      }),
    );
    const result = await logExamRecords({ client, dataset, items: [examItem(1), examItem(2)], retryBaseDelayMs: 1 });
    expect(result).toEqual({ created: 2, updated: 0, total: 2 });
    expect(requests.filter(isBulk)).toHaveLength(3);
  });

  it("gives up after the retries and reports the server's error", async () => {
    const { client, requests } = fakeArgilla(routes({ bulk: () => json({ detail: "down" }, 502) }));
    const error = await logExamRecords({
      client,
      dataset,
      items: [examItem(1)],
      retries: 2,
      retryBaseDelayMs: 1,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArgillaApiError);
    expect((error as ArgillaApiError).status).toBe(502);
    expect(requests.filter(isBulk)).toHaveLength(3);
  });

  it("names the item a 422 batch rejection is about", async () => {
    const items = [examItem(1), examItem(2), examItem(3)];
    const { client } = fakeArgilla(
      routes({
        bulk: () =>
          json(
            { detail: "Record at position 1 is not valid because missing required value for field: 'answer_b'" },
            422,
          ),
      }),
    );
    const error = await logExamRecords({ client, dataset, items }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExamRecordRejectedError);
    expect((error as ExamRecordRejectedError).rejected).toEqual([
      { itemId: "q-00002", reason: "missing required value for field: 'answer_b'" },
    ]);
    expect((error as Error).message).toMatch(/^Argilla rejected exam item "q-00002" \(record 2 of its batch\)/);
  });

  it("sends nothing when any item of an array is invalid, and says which and why", async () => {
    const bad = { ...examItem(7), answer: 9 };
    const duplicate = examItem(1);
    const tooMany = examItem(8, 5);
    const { client, requests } = fakeArgilla(routes({}));
    const error = await logExamRecords({
      client,
      dataset,
      items: [examItem(1), bad, duplicate, tooMany],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExamRecordRejectedError);
    expect((error as ExamRecordRejectedError).rejected).toEqual([
      { itemId: "q-00007", reason: "answer: answer must index into choices" },
      { itemId: "q-00001", reason: "its id appears more than once: item ids must be unique" },
      {
        itemId: "q-00008",
        reason: "it has 5 choices but the dataset has 4 options: create the dataset with optionCount 5",
      },
    ]);
    expect(requests.filter(isBulk)).toHaveLength(0);
  });

  it("validates bad arguments before any request", async () => {
    const { client, requests } = fakeArgilla([]);
    await expect(logExamRecords({ client, dataset, items: [], batchSize: 501 })).rejects.toThrow(
      "batchSize must be an integer from 1 to 500 (Argilla's limit), got 501",
    );
    expect(requests).toHaveLength(0);
  });

  it("streams an async iterable and stops sending when aborted", async () => {
    const controller = new AbortController();
    const { client, requests } = fakeArgilla(
      routes({
        bulk: (_r, call) => {
          if (call === 2) controller.abort(new Error("user pressed Ctrl-C"));
          return undefined;
        },
      }),
    );
    async function* stream() {
      for (let i = 0; i < 50; i++) yield examItem(i);
    }
    const error = await logExamRecords({
      client,
      dataset,
      items: stream(),
      batchSize: 10,
      concurrency: 1,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe("user pressed Ctrl-C");
    expect(requests.filter(isBulk).length).toBe(2);
  });
});
