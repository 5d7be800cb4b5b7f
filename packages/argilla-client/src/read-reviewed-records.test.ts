import { describe, expect, it } from "vitest";
import { examRecordFor } from "./exam-record.js";
import {
  DATASET_ID,
  examDatasetRoutes,
  examItem,
  fakeArgilla,
  json,
  QUESTION_ID,
  type RecordedRequest,
} from "./fake-argilla.test-helper.js";
import { readReviewedRecords, reviewedRecordFrom } from "./read-reviewed-records.js";

type Status = "submitted" | "discarded" | "draft";
let clock = 0;
function response(status: Status, values: Record<string, string> = {}, user = `user-${++clock}`) {
  return {
    id: crypto.randomUUID(),
    record_id: "r",
    user_id: user,
    status,
    values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }])),
    inserted_at: `2025-01-01T00:00:${String(clock).padStart(2, "0")}`,
    updated_at: `2025-01-01T00:00:${String(clock).padStart(2, "0")}`,
  };
}

/** The record the server would return for item `n` with these responses. */
function argillaRecord(n: number, responses: ReturnType<typeof response>[], choiceCount = 4) {
  const upsert = examRecordFor({ item: examItem(n, choiceCount), correctAnswerQuestionId: QUESTION_ID });
  return {
    id: `rec-${n}`,
    external_id: upsert.external_id ?? null,
    dataset_id: DATASET_ID,
    status: "pending" as const,
    fields: upsert.fields ?? {},
    metadata: upsert.metadata ?? null,
    responses,
    suggestions: (upsert.suggestions ?? []).map((s) => ({
      ...s,
      id: crypto.randomUUID(),
      inserted_at: "2025-01-01T00:00:00",
      updated_at: "2025-01-01T00:00:00",
    })),
    inserted_at: "2025-01-01T00:00:00",
    updated_at: "2025-01-01T00:00:00",
  };
}

const read = (record: ReturnType<typeof argillaRecord>, unreviewed: "exclude" | "include-as-unreviewed" = "exclude") =>
  reviewedRecordFrom({ record, correctAnswerQuestionId: QUESTION_ID, unreviewed });

describe("reviewedRecordFrom", () => {
  // item 5 has 4 choices and the generator's answer is index 1 ("B")
  it("an accepted suggestion yields the item unchanged, marked submitted by one reviewer", () => {
    const r = read(argillaRecord(5, [response("submitted", { correct_answer: "B" })]));
    expect(r).toMatchObject({ status: "submitted", reviewerCount: 1, agreement: 1, answer: 1, answerChanged: false });
    expect(r.item).toEqual({ ...examItem(5), review_status: "submitted", reviewer_count: 1, agreement: 1 });
  });

  it("a changed answer and improved texts are applied", () => {
    const r = read(
      argillaRecord(5, [
        response("submitted", { correct_answer: "D", improved_question: "  Which constant?  ", improved_answer: "42" }),
      ]),
    );
    expect(r).toMatchObject({
      answer: 3,
      suggestedAnswer: 1,
      answerChanged: true,
      questionEdited: true,
      answerEdited: true,
    });
    expect(r.item?.question).toBe("Which constant?");
    expect(r.item?.choices).toEqual(["option 0 of item 5", "option 1 of item 5", "option 2 of item 5", "42"]);
    expect(r.item?.answer).toBe(3);
  });

  it("majority of submitted answers wins and agreement is its share", () => {
    const r = read(
      argillaRecord(5, [
        response("submitted", { correct_answer: "C" }),
        response("submitted", { correct_answer: "B" }),
        response("submitted", { correct_answer: "C" }),
        response("draft", { correct_answer: "A" }),
      ]),
    );
    expect(r).toMatchObject({ status: "submitted", reviewerCount: 3, answer: 2 });
    expect(r.agreement).toBeCloseTo(2 / 3);
    expect(r.item).toMatchObject({ answer: 2, reviewer_count: 3 });
  });

  it("counts a discard against agreement: two submit C, one discards", () => {
    const r = read(
      argillaRecord(5, [
        response("submitted", { correct_answer: "C" }),
        response("submitted", { correct_answer: "C" }),
        response("discarded"),
      ]),
    );
    expect(r).toMatchObject({ status: "submitted", reviewerCount: 2, answer: 2 });
    expect(r.agreement).toBeCloseTo(2 / 3);
  });

  it.each([
    ["discarded", [response("discarded")], "discarded"],
    [
      "discard outvotes nothing submitted",
      [response("discarded"), response("draft", { correct_answer: "B" })],
      "discarded",
    ],
    [
      "tie between submit and discard is discarded",
      [response("submitted", { correct_answer: "B" }), response("discarded")],
      "discarded",
    ],
    ["draft only", [response("draft", { correct_answer: "A" })], "draft"],
    ["no responses", [], "pending"],
  ] as const)("%s → %s and no item by default", (_name, responses, status) => {
    const r = read(argillaRecord(5, [...responses]));
    expect(r.status).toBe(status);
    expect(r.item).toBeUndefined();
    expect(r.reviewerCount).toBe(responses.filter((x) => x.status === "submitted").length);
  });

  it("include-as-unreviewed takes draft and pending items from the suggestion, never discarded ones", () => {
    const pending = read(argillaRecord(6, []), "include-as-unreviewed");
    expect(pending.item).toEqual(examItem(6));
    const draft = read(argillaRecord(6, [response("draft", { correct_answer: "A" })]), "include-as-unreviewed");
    expect(draft.item).toMatchObject({ answer: examItem(6).answer, review_status: "unreviewed", reviewer_count: 0 });
    expect(read(argillaRecord(6, [response("discarded")]), "include-as-unreviewed").item).toBeUndefined();
  });

  it("reports a label beyond the item's choices instead of a wrong row", () => {
    const r = read(argillaRecord(5, [response("submitted", { correct_answer: "E" })], 4));
    expect(r.item).toBeUndefined();
    expect(r.problem).toBe("the chosen option E is beyond the item's 4 choices");
  });

  it("names the fields of a record that does not make a valid row (a blank question, a validation rate past 100%)", () => {
    const record = argillaRecord(5, [response("submitted", { correct_answer: "B" })]);
    const r = read({
      ...record,
      fields: { ...record.fields, question: "" },
      metadata: { ...record.metadata, validation_open_book_pct: 130 },
    });
    expect(r.item).toBeUndefined();
    expect(r.problem).toMatch(/^the record does not make a valid exam item: question: .+; validation_open_book: .+$/);
  });
});

/** The search route of a server holding `all`: the page its offset and limit ask for, and the total. */
function pagedSearch(all: ReturnType<typeof argillaRecord>[]) {
  return (r: RecordedRequest) => {
    if (r.path !== `/datasets/${DATASET_ID}/records/search`) return undefined;
    const q = new URLSearchParams(r.search);
    const offset = Number(q.get("offset"));
    const limit = Number(q.get("limit"));
    return json({ items: all.slice(offset, offset + limit).map((record) => ({ record })), total: all.length });
  };
}

describe("readReviewedRecords", () => {
  it("pages a sorted search with responses and suggestions until the total is reached", async () => {
    const all = Array.from({ length: 25 }, (_, i) => argillaRecord(i, []));
    const { client, requests } = fakeArgilla([...examDatasetRoutes(4), pagedSearch(all)]);
    const seen: string[] = [];
    for await (const r of readReviewedRecords({ client, dataset: { id: DATASET_ID }, pageSize: 10 }))
      seen.push(r.itemId);
    expect(seen).toEqual(all.map((r) => r.external_id));
    const searches = requests.filter((r) => r.path.endsWith("/records/search"));
    expect(searches.map((r) => new URLSearchParams(r.search).get("offset"))).toEqual(["0", "10", "20"]);
    expect(new URLSearchParams(searches[0]?.search).getAll("include")).toEqual(["responses", "suggestions"]);
    expect(searches[0]?.body).toEqual({
      sort: [
        { scope: { entity: "record", property: "inserted_at" }, order: "asc" },
        { scope: { entity: "record", property: "id" }, order: "asc" },
      ],
    });
  });

  it("asks for Argilla's largest page (1,000 records) unless told otherwise", async () => {
    const all = Array.from({ length: 1001 }, (_, i) => argillaRecord(i, []));
    const { client, requests } = fakeArgilla([...examDatasetRoutes(4), pagedSearch(all)]);
    let count = 0;
    for await (const _ of readReviewedRecords({ client, dataset: { id: DATASET_ID } })) count++;
    expect(count).toBe(1001);
    const searches = requests
      .filter((r) => r.path.endsWith("/records/search"))
      .map((r) => new URLSearchParams(r.search));
    expect(searches.map((q) => [q.get("offset"), q.get("limit")])).toEqual([
      ["0", "1000"],
      ["1000", "1000"],
    ]);
  });

  it("asks for the next page before the caller has finished the current one", async () => {
    const all = Array.from({ length: 20 }, (_, i) => argillaRecord(i, []));
    const { client, requests } = fakeArgilla([
      ...examDatasetRoutes(4),
      (r: RecordedRequest) => {
        if (r.path !== `/datasets/${DATASET_ID}/records/search`) return undefined;
        const offset = Number(new URLSearchParams(r.search).get("offset"));
        return json({ items: all.slice(offset, offset + 10).map((record) => ({ record })), total: all.length });
      },
    ]);
    const searches = () => requests.filter((r) => r.path.endsWith("/records/search")).length;
    const reader = readReviewedRecords({ client, dataset: { id: DATASET_ID }, pageSize: 10 });
    await reader.next(); // first record of page 1 handed out
    await new Promise((r) => setTimeout(r, 10));
    expect(searches()).toBe(2); // page 2 already requested
    let rest = 0;
    for await (const _ of reader) rest++;
    expect(rest).toBe(19);
    expect(searches()).toBe(2); // 20 of 20: no third request
  });

  it("keeps pagesInFlight searches going at once and still hands records out in order", async () => {
    const all = Array.from({ length: 45 }, (_, i) => argillaRecord(i, []));
    let inFlight = 0;
    let mostInFlight = 0;
    const { client } = fakeArgilla([
      ...examDatasetRoutes(4),
      async (r: RecordedRequest) => {
        if (r.path !== `/datasets/${DATASET_ID}/records/search`) return undefined;
        const offset = Number(new URLSearchParams(r.search).get("offset"));
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        // earlier pages answer later than the ones after them
        await new Promise((resolve) => setTimeout(resolve, offset === 0 ? 0 : 40 - offset / 2));
        inFlight--;
        return json({ items: all.slice(offset, offset + 10).map((record) => ({ record })), total: all.length });
      },
    ]);
    const seen: string[] = [];
    for await (const r of readReviewedRecords({ client, dataset: { id: DATASET_ID }, pageSize: 10, pagesInFlight: 3 }))
      seen.push(r.itemId);
    expect(seen).toEqual(all.map((r) => r.external_id));
    expect(mostInFlight).toBe(3);
  });

  it("reads records added while it reads (a later page reports a larger total)", async () => {
    const all = Array.from({ length: 20 }, (_, i) => argillaRecord(i, []));
    const { client } = fakeArgilla([
      ...examDatasetRoutes(4),
      (r: RecordedRequest) => {
        if (r.path !== `/datasets/${DATASET_ID}/records/search`) return undefined;
        const offset = Number(new URLSearchParams(r.search).get("offset"));
        if (offset === 10 && all.length === 20)
          all.push(...Array.from({ length: 15 }, (_, i) => argillaRecord(20 + i, [])));
        return json({ items: all.slice(offset, offset + 10).map((record) => ({ record })), total: all.length });
      },
    ]);
    const seen: string[] = [];
    for await (const r of readReviewedRecords({ client, dataset: { id: DATASET_ID }, pageSize: 10, pagesInFlight: 1 }))
      seen.push(r.itemId);
    expect(seen).toHaveLength(35);
    expect(new Set(seen).size).toBe(35);
  });

  it("refuses a pagesInFlight it cannot use, naming the range", async () => {
    const { client } = fakeArgilla(examDatasetRoutes(4));
    const reader = readReviewedRecords({ client, dataset: { id: DATASET_ID }, pagesInFlight: 0 });
    await expect(reader.next()).rejects.toThrow("pagesInFlight must be an integer from 1 to 16, got 0");
  });
});
