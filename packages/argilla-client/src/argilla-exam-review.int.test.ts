import type { ExamItem } from "@domain-eval/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArgillaApiError, dataOrThrow } from "./argilla-api-error.js";
import {
  argillaUrl,
  deleteDatasets,
  ownerClient,
  recordCount,
  reviewerClient,
  uniqueDatasetName,
} from "./argilla-peer.test-helper.js";
import { createArgillaClient } from "./create-argilla-client.js";
import { createExamDataset, ExamDatasetMismatchError } from "./create-exam-dataset.js";
import { examDatasetLayout } from "./exam-dataset-layout.js";
import { examItem } from "./fake-argilla.test-helper.js";
import { ExamRecordRejectedError, logExamRecords } from "./log-exam-records.js";
import { type ReviewedRecord, readReviewedRecords } from "./read-reviewed-records.js";

const client = ownerClient();
const created = new Set<string>();
const guidelines = "# Reviewing exam questions\n\nCheck the answer against the quotes. Discard flawed questions.";

async function newExamDataset(what: string, optionCount = 4) {
  const result = await createExamDataset({
    client,
    name: uniqueDatasetName(what),
    workspace: "argilla",
    optionCount,
    guidelines,
  });
  created.add(result.dataset.id);
  return result;
}

async function readAll(datasetId: string, options: Partial<Parameters<typeof readReviewedRecords>[0]> = {}) {
  const out: ReviewedRecord[] = [];
  for await (const r of readReviewedRecords({ client, dataset: { id: datasetId }, ...options })) out.push(r);
  return out;
}

afterAll(async () => {
  await deleteDatasets(client, created);
});

describe("createExamDataset against Argilla", () => {
  it("creates a published dataset with the exam layout, reuses it, and replaces it only when asked", async () => {
    const name = uniqueDatasetName("create");
    const first = await createExamDataset({ client, name, workspace: "argilla", optionCount: 4, guidelines });
    created.add(first.dataset.id);
    expect(first.created).toBe(true);
    expect(first.dataset.status).toBe("ready");
    expect(first.dataset.guidelines).toBe(guidelines);
    expect(first.dataset.distribution).toEqual({ strategy: "overlap", min_submitted: 1 });
    expect(first.url).toBe(`${argillaUrl().replace(/\/$/, "")}/dataset/${first.dataset.id}/annotation-mode`);

    const path = { params: { path: { dataset_id: first.dataset.id } } };
    const fields = dataOrThrow(await client.GET("/datasets/{dataset_id}/fields", path)).items;
    const questions = dataOrThrow(await client.GET("/datasets/{dataset_id}/questions", path)).items;
    const layout = examDatasetLayout({ optionCount: 4 });
    expect(fields.map((f) => f.name)).toEqual(layout.fields.map((f) => f.name));
    expect(questions.map((q) => [q.name, q.required])).toEqual([
      ["correct_answer", true],
      ["improved_question", false],
      ["improved_answer", false],
    ]);

    const again = await createExamDataset({ client, name, workspace: "argilla", optionCount: 4, guidelines });
    expect(again).toMatchObject({ created: false, dataset: { id: first.dataset.id } });

    const mismatch = await createExamDataset({ client, name, workspace: "argilla", optionCount: 5, guidelines }).catch(
      (e: unknown) => e,
    );
    expect(mismatch).toBeInstanceOf(ExamDatasetMismatchError);
    expect((mismatch as Error).message).toMatch(/offers A,B,C,D, but exam items need A,B,C,D,E.*Pass replace: true/);

    const replaced = await createExamDataset({
      client,
      name,
      workspace: "argilla",
      optionCount: 5,
      guidelines,
      replace: true,
    });
    created.add(replaced.dataset.id);
    expect(replaced.created).toBe(true);
    expect(replaced.dataset.id).not.toBe(first.dataset.id);
    const { items } = dataOrThrow(await client.GET("/me/datasets", { params: { query: { name } } }));
    expect(items.map((d) => d.id)).toEqual([replaced.dataset.id]);
  });

  it("a duplicate name posted directly gets a 409 that says what to do", async () => {
    const { dataset } = await newExamDataset("dup");
    const error = await client
      .POST("/datasets", { body: { name: dataset.name, workspace_id: dataset.workspace_id } })
      .then(dataOrThrow)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArgillaApiError);
    expect((error as ArgillaApiError).status).toBe(409);
    expect((error as Error).message).toMatch(/already exists.*choose another name.*replace: true/);
  });

  it("a wrong key gets a 401 that points at ARGILLA_API_KEY and does not contain the key", async () => {
    const wrong = createArgillaClient({ baseUrl: argillaUrl(), apiKey: "definitely-not-the-key-7f3a" });
    const error = await createExamDataset({
      client: wrong,
      name: uniqueDatasetName("nokey"),
      optionCount: 4,
      guidelines,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArgillaApiError);
    expect((error as ArgillaApiError).status).toBe(401);
    expect((error as Error).message).toContain("check ARGILLA_API_KEY");
    expect(JSON.stringify({ m: (error as Error).message, e: error })).not.toContain("definitely-not-the-key-7f3a");
  });
});

describe("logExamRecords and readReviewedRecords against Argilla", () => {
  const items: ExamItem[] = Array.from({ length: 1200 }, (_, i) => examItem(i));
  let datasetId = "";

  beforeAll(async () => {
    datasetId = (await newExamDataset("roundtrip")).dataset.id;
  });

  it("round-trips 1,200 items: every field and suggestion intact, paged past 1,000", async () => {
    const progress: number[] = [];
    const result = await logExamRecords({
      client,
      dataset: { id: datasetId },
      items,
      suggestionScore: (item) => (item.id.endsWith("7") ? 0.25 : undefined),
      onProgress: ({ done }) => progress.push(done),
    });
    expect(result).toEqual({ created: 1200, updated: 0, total: 1200 });
    expect(progress.at(-1)).toBe(1200);
    expect(await recordCount(client, datasetId)).toBe(1200);

    for (const pageSize of [500, 1000]) {
      const read = await readAll(datasetId, { unreviewed: "include-as-unreviewed", pageSize });
      expect(read).toHaveLength(1200);
      expect(new Set(read.map((r) => r.itemId)).size).toBe(1200);
      const byId = new Map(read.map((r) => [r.itemId, r]));
      for (const item of items) {
        const r = byId.get(item.id);
        expect(r?.status).toBe("pending");
        expect(r?.suggestedAnswer).toBe(item.answer);
        expect(r?.item).toEqual(item);
      }
    }

    // The suggestion itself, as reviewers see it.
    const page = dataOrThrow(
      await client.POST("/datasets/{dataset_id}/records/search", {
        params: { path: { dataset_id: datasetId }, query: { limit: 1000, include: ["suggestions"] } },
        body: {},
      }),
    );
    const record = page.items.find((i) => i.record.external_id === "q-00017")?.record;
    expect(record?.suggestions).toEqual([
      expect.objectContaining({ value: "B", agent: "Qwen/Qwen2.5-7B-Instruct", type: "model", score: 0.25 }),
    ]);
    const odd = page.items.find((i) => i.record.external_id === "q-00005")?.record;
    expect(odd?.suggestions?.[0]).toMatchObject({ agent: "org/model_2025_rc", score: null });
    expect(odd?.fields).toMatchObject({ answer_a: "option 0 of item 5", answer_d: "option 3 of item 5" });
  });

  it("logging the same items again, and again after an abort mid-run, leaves exactly 1,200 records", async () => {
    const again = await logExamRecords({ client, dataset: { id: datasetId }, items });
    expect(again).toEqual({ created: 0, updated: 1200, total: 1200 });
    expect(await recordCount(client, datasetId)).toBe(1200);

    const edited = items.map((item) => ({ ...item, question: `${item.question} (v2)` }));
    const controller = new AbortController();
    const aborted = await logExamRecords({
      client,
      dataset: { id: datasetId },
      items: edited,
      batchSize: 100,
      concurrency: 2,
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done >= 200) controller.abort(new Error("killed mid-run"));
      },
    }).catch((e: unknown) => e);
    expect((aborted as Error).message).toBe("killed mid-run");
    expect(await recordCount(client, datasetId)).toBe(1200);

    const rerun = await logExamRecords({ client, dataset: { id: datasetId }, items: edited });
    expect(rerun).toEqual({ created: 0, updated: 1200, total: 1200 });
    expect(await recordCount(client, datasetId)).toBe(1200);
    const read = await readAll(datasetId, { unreviewed: "include-as-unreviewed" });
    expect(read.filter((r) => r.item?.question.endsWith("(v2)"))).toHaveLength(1200);
  });

  it("an unknown dataset gets a 404 that says the dataset does not exist", async () => {
    const error = await logExamRecords({
      client,
      dataset: { id: "00000000-0000-4000-8000-000000000000" },
      items: [examItem(1)],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArgillaApiError);
    expect((error as ArgillaApiError).status).toBe(404);
    expect((error as Error).message).toMatch(/the dataset does not exist/);
  });
});

describe("reviews by an annotator", () => {
  it("reports submitted, changed, improved, discarded, draft and pending records correctly", async () => {
    const { dataset } = await newExamDataset("review");
    const items = Array.from({ length: 6 }, (_, i) => examItem(100 + i)); // answers: 0,1,2,3,0,1
    await logExamRecords({ client, dataset, items });
    const reviewer = reviewerClient();
    const me = dataOrThrow(await reviewer.GET("/me"));
    expect(me.role).toBe("annotator");

    const records = new Map(
      dataOrThrow(
        await client.POST("/datasets/{dataset_id}/records/search", {
          params: { path: { dataset_id: dataset.id }, query: { limit: 10 } },
          body: {},
        }),
      ).items.map(({ record }) => [record.external_id, record.id]),
    );
    const respond = async (
      itemId: string,
      status: "submitted" | "discarded" | "draft",
      values: Record<string, string>,
    ) =>
      dataOrThrow(
        await reviewer.POST("/records/{record_id}/responses", {
          params: { path: { record_id: records.get(itemId) ?? "" } },
          body: { status, values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }])) },
        }),
      );
    // q-00100: accepts the suggestion (A)
    await respond("q-00100", "submitted", { correct_answer: "A" });
    // q-00101: suggestion B; first submits B, then changes the answer to D and improves the texts
    const changed = await respond("q-00101", "submitted", { correct_answer: "B" });
    dataOrThrow(
      await reviewer.PUT("/responses/{response_id}", {
        params: { path: { response_id: changed.id } },
        body: {
          status: "submitted",
          values: {
            correct_answer: { value: "D" },
            improved_question: { value: "Which constant is meant in #101?" },
            improved_answer: { value: "forty-two" },
          },
        },
      }),
    );
    // q-00102: discarded; q-00103: draft; q-00104, q-00105: nobody
    await respond("q-00102", "discarded", {});
    await respond("q-00103", "draft", { correct_answer: "C" });

    const read = new Map((await readAll(dataset.id)).map((r) => [r.itemId, r]));
    expect(read.get("q-00100")).toMatchObject({
      status: "submitted",
      reviewerCount: 1,
      agreement: 1,
      answerChanged: false,
      item: { ...items[0], review_status: "submitted", reviewer_count: 1, agreement: 1 },
    });
    const r101 = read.get("q-00101");
    expect(r101).toMatchObject({ status: "submitted", suggestedAnswer: 1, answer: 3, answerChanged: true });
    expect(r101?.responses).toEqual([expect.objectContaining({ userId: me.id, status: "submitted", answer: 3 })]);
    expect(r101?.item).toMatchObject({
      question: "Which constant is meant in #101?",
      choices: ["option 0 of item 101", "option 1 of item 101", "option 2 of item 101", "forty-two"],
      answer: 3,
      review_status: "submitted",
    });
    expect(read.get("q-00102")).toMatchObject({ status: "discarded", reviewerCount: 0 });
    expect(read.get("q-00102")?.item).toBeUndefined();
    expect(read.get("q-00103")).toMatchObject({ status: "draft", reviewerCount: 0 });
    expect(read.get("q-00103")?.item).toBeUndefined();
    expect(read.get("q-00104")).toMatchObject({ status: "pending", reviewerCount: 0 });
    expect(read.get("q-00104")?.item).toBeUndefined();

    const lenient = new Map(
      (await readAll(dataset.id, { unreviewed: "include-as-unreviewed" })).map((r) => [r.itemId, r]),
    );
    expect(lenient.get("q-00103")?.item).toEqual(items[3]);
    expect(lenient.get("q-00105")?.item).toEqual(items[5]);
    expect(lenient.get("q-00102")?.item).toBeUndefined();

    // Re-logging the items keeps the reviews.
    await logExamRecords({ client, dataset, items });
    const afterRelog = new Map((await readAll(dataset.id)).map((r) => [r.itemId, r]));
    expect(afterRelog.get("q-00101")).toMatchObject({ status: "submitted", answer: 3 });
  });
});

describe("invalid records", () => {
  it("a batch the server rejects names the item and writes nothing of it", async () => {
    // A hand-made dataset whose every option field is required: an item with 3 choices does not fit.
    const layout = examDatasetLayout({ optionCount: 4 });
    const { data: workspaces } = await client.GET("/me/workspaces");
    const workspace = workspaces?.items.find((w) => w.name === "argilla");
    const dataset = dataOrThrow(
      await client.POST("/datasets", {
        body: { name: uniqueDatasetName("strict"), workspace_id: workspace?.id ?? "", allow_extra_metadata: true },
      }),
    );
    created.add(dataset.id);
    const path = { path: { dataset_id: dataset.id } };
    for (const field of layout.fields) {
      dataOrThrow(
        await client.POST("/datasets/{dataset_id}/fields", {
          params: path,
          body: { ...field, required: field.name !== "citations" && field.name !== "findings" },
        }),
      );
    }
    for (const question of layout.questions) {
      dataOrThrow(await client.POST("/datasets/{dataset_id}/questions", { params: path, body: question }));
    }
    dataOrThrow(await client.PUT("/datasets/{dataset_id}/publish", { params: path }));

    const items = [examItem(200), examItem(201), examItem(202, 3), examItem(203)];
    const error = await logExamRecords({ client, dataset, items }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExamRecordRejectedError);
    expect((error as ExamRecordRejectedError).rejected).toEqual([
      { itemId: "q-00202", reason: "missing required value for field: 'answer_d'" },
    ]);
    expect((error as Error).message).toMatch(/^Argilla rejected exam item "q-00202" \(record 3 of its batch\)/);
    expect(await recordCount(client, dataset.id)).toBe(0);
  });
});

describe("validation findings in Argilla", () => {
  it("reviewers see the findings in the record, and filter and sort on finding codes and the panel's rates", async () => {
    const { dataset } = await newExamDataset("validation");
    const items: ExamItem[] = [examItem(10), examItem(15), examItem(11)].map((item, i) => ({
      ...item,
      validation_open_book: [0.25, 1, 1][i] as number,
      validation_closed_book: [0, 1, 0.25][i] as number,
      validation_options_only: 0,
      validation_position_sensitive: i === 2,
    }));
    const findings: Record<string, { code: string; severity: "error" | "warning"; message: string }[]> = {
      [items[0]?.id as string]: [
        { code: "KEY_DISPUTED", severity: "error", message: 'the panel chose "option 2" instead of the key' },
      ],
      [items[1]?.id as string]: [
        { code: "ANSWERABLE_WITHOUT_SOURCE", severity: "warning", message: "answered without the passage" },
      ],
    };
    await logExamRecords({ client, dataset, items, findings: (item) => findings[item.id] });
    const search = (body: Record<string, unknown>) =>
      client
        .POST("/datasets/{dataset_id}/records/search", {
          params: { path: { dataset_id: dataset.id }, query: { offset: 0, limit: 10 } },
          body: body as never,
        })
        .then(dataOrThrow);

    const disputed = await search({
      filters: {
        and: [
          {
            type: "terms",
            scope: { entity: "metadata", metadata_property: "finding_codes" },
            values: ["KEY_DISPUTED"],
          },
        ],
      },
    });
    expect(disputed.items.map((i) => i.record.external_id)).toEqual([items[0]?.id]);
    expect(String(disputed.items[0]?.record.fields.findings)).toMatch(/KEY_DISPUTED.*the panel chose "option 2"/);
    expect(String(disputed.items[0]?.record.fields.findings)).toMatch(/with the passage \(open book\) \| 25% \|/);

    const sorted = await search({
      sort: [{ scope: { entity: "metadata", metadata_property: "validation_closed_book_pct" }, order: "desc" }],
    });
    expect(sorted.items.map((i) => i.record.external_id)).toEqual([items[1]?.id, items[2]?.id, items[0]?.id]);
    const trivia = await search({
      filters: {
        and: [
          { type: "range", scope: { entity: "metadata", metadata_property: "validation_closed_book_pct" }, ge: 90 },
        ],
      },
    });
    expect(trivia.items.map((i) => i.record.external_id)).toEqual([items[1]?.id]);

    // The rates come back with the reviewed items, so `export` carries them into the dataset.
    const back = await readAll(dataset.id, { unreviewed: "include-as-unreviewed" });
    const byId = new Map(back.map((r) => [r.itemId, r.item]));
    expect(byId.get(items[2]?.id as string)).toMatchObject({
      validation_closed_book: 0.25,
      validation_position_sensitive: true,
    });
    expect(byId.get(items[0]?.id as string)).toMatchObject({
      validation_open_book: 0.25,
      validation_position_sensitive: false,
    });
  });
});
