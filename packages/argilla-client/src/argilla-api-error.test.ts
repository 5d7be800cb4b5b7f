import { describe, expect, it } from "vitest";
import { ArgillaApiError, dataOrThrow } from "./argilla-api-error.js";
import { fakeArgilla, json, TEST_KEY } from "./fake-argilla.test-helper.js";

const DATASET = "33333333-3333-4333-8333-333333333333";

const cases: [string, { status: number; body: unknown; call: "me" | "dataset" | "create"; want: RegExp[] }][] = [
  [
    "wrong key",
    {
      status: 401,
      body: { detail: "Could not validate credentials" },
      call: "me",
      want: [/401/, /check ARGILLA_API_KEY/],
    },
  ],
  [
    "missing dataset",
    {
      status: 404,
      body: { detail: `Dataset with id \`${DATASET}\` not found` },
      call: "dataset",
      want: [/GET http:\/\/argilla\.test:6900\/api\/v1\/datasets\/3333/, /not found/, /findDataset/],
    },
  ],
  [
    "name clash",
    {
      status: 409,
      body: { detail: "Dataset with name `exam` already exists for workspace with id `w`" },
      call: "create",
      want: [/already exists/, /choose another name/, /replace: true/],
    },
  ],
  [
    "validation error lists every field",
    {
      status: 422,
      body: {
        detail: [
          { loc: ["body", "name"], msg: "String should have at most 200 characters", type: "string_too_long" },
          { loc: ["body", "workspace_id"], msg: "Input should be a valid UUID", type: "uuid_parsing" },
        ],
      },
      call: "create",
      want: [/body\.name: String should have at most 200 characters; body\.workspace_id: Input should be a valid UUID/],
    },
  ],
  ["server failure", { status: 500, body: "Internal Server Error", call: "me", want: [/500/, /see its log/] }],
];

describe("ArgillaApiError messages", () => {
  it.each(cases)("%s", async (_name, { status, body, call, want }) => {
    const { client } = fakeArgilla([
      () => (typeof body === "string" ? new Response(body, { status }) : json(body, status)),
    ]);
    const result: { data?: unknown; error?: unknown; response: Response } =
      call === "me"
        ? await client.GET("/me")
        : call === "dataset"
          ? await client.GET("/datasets/{dataset_id}", { params: { path: { dataset_id: DATASET } } })
          : await client.POST("/datasets", { body: { name: "exam", workspace_id: DATASET } });
    let caught: unknown;
    try {
      dataOrThrow(result);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ArgillaApiError);
    const error = caught as ArgillaApiError;
    expect(error.status).toBe(status);
    expect(error.method).toBe(call === "create" ? "POST" : "GET");
    for (const pattern of want) expect(error.message).toMatch(pattern);
    expect(error.message).not.toContain(TEST_KEY);
  });

  it("exposes 422 issues by field", async () => {
    const { client } = fakeArgilla([
      () => json({ detail: [{ loc: ["body", "items", 3, "fields"], msg: "Field required", type: "missing" }] }, 422),
    ]);
    const error = (() => {
      try {
        return dataOrThrow({ response: new Response(null, { status: 200 }), data: 1 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBe(1);
    const result = await client.POST("/datasets", { body: { name: "x", workspace_id: DATASET } });
    expect(() => dataOrThrow(result)).toThrow(ArgillaApiError);
    try {
      dataOrThrow(result);
    } catch (e) {
      expect((e as ArgillaApiError).issues).toEqual([{ field: "body.items.3.fields", message: "Field required" }]);
    }
  });
});
