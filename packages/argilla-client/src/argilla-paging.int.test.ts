import { afterAll, describe, expect, it } from "vitest";
import { deleteDatasets, ownerClient, recordCount, uniqueDatasetName } from "./argilla-peer.test-helper.js";
import { createExamDataset } from "./create-exam-dataset.js";
import { examItem } from "./fake-argilla.test-helper.js";
import { logExamRecords } from "./log-exam-records.js";
import { readReviewedRecords } from "./read-reviewed-records.js";

const client = ownerClient();
const created: string[] = [];
afterAll(() => deleteDatasets(client, created));

describe("paging past 10,000 records", () => {
  // Logging 10,250 records takes minutes on a small machine (each bulk call re-indexes synchronously).
  it("reads every one of 10,250 records exactly once, in insertion order, with a streamed log", {
    timeout: 1_500_000,
  }, async () => {
    const { dataset } = await createExamDataset({
      client,
      name: uniqueDatasetName("paging"),
      workspace: "argilla",
      optionCount: 4,
      guidelines: "Paging test.",
    });
    created.push(dataset.id);
    const count = 10_250;
    async function* items() {
      for (let i = 0; i < count; i++) yield examItem(i);
    }
    const logged = await logExamRecords({ client, dataset, items: items(), concurrency: 1 });
    expect(logged).toEqual({ created: count, updated: 0, total: count });
    expect(await recordCount(client, dataset.id)).toBe(count);

    const ids: string[] = [];
    for await (const record of readReviewedRecords({ client, dataset, pageSize: 1000 })) ids.push(record.itemId);
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    // One batch at a time, so insertion order is the input order.
    expect(ids).toEqual(Array.from({ length: count }, (_, i) => examItem(i).id));
  });
});
