import { describe, expectTypeOf, it } from "vitest";
import type { ArgillaClient } from "./create-argilla-client.js";
import type { components } from "./generated/argilla-server-2.8.0.js";

type Data<T> = T extends Promise<{ data?: infer D }> ? NonNullable<D> : never;

// Compile-time checks (vitest's typecheck and `tsc --noEmit` both enforce them): the generated types reach callers.
describe("typed endpoints", () => {
  it("GET /me returns the user", () => {
    expectTypeOf<Data<ReturnType<ArgillaClient["GET"]>>>().not.toBeNever();
    const call = (client: ArgillaClient) => client.GET("/me");
    expectTypeOf<Data<ReturnType<typeof call>>>().toEqualTypeOf<components["schemas"]["User"]>();
    expectTypeOf<Data<ReturnType<typeof call>>["role"]>().toEqualTypeOf<"annotator" | "admin" | "owner">();
  });

  it("POST /datasets needs a name and workspace id, and returns a Dataset", () => {
    const call = (client: ArgillaClient) =>
      client.POST("/datasets", { body: { name: "exam", workspace_id: "00000000-0000-0000-0000-000000000000" } });
    expectTypeOf<Data<ReturnType<typeof call>>>().toEqualTypeOf<components["schemas"]["Dataset"]>();
    expectTypeOf<Parameters<typeof call>>().toEqualTypeOf<[ArgillaClient]>();
    // @ts-expect-error workspace_id is required
    const _missing = (client: ArgillaClient) => client.POST("/datasets", { body: { name: "exam" } });
  });

  it("PUT /datasets/{dataset_id}/records/bulk takes at most the typed record shape", () => {
    type Body = components["schemas"]["RecordsBulkUpsert"];
    expectTypeOf<Body["items"][number]["external_id"]>().toEqualTypeOf<string | null | undefined>();
    const call = (client: ArgillaClient, items: Body["items"]) =>
      client.PUT("/datasets/{dataset_id}/records/bulk", { params: { path: { dataset_id: "d" } }, body: { items } });
    expectTypeOf<Data<ReturnType<typeof call>>["items"][number]>().toEqualTypeOf<components["schemas"]["Record"]>();
    const bulk = "/datasets/{dataset_id}/records/bulk" as const;
    // @ts-expect-error the path parameter is required
    const _noPath = (client: ArgillaClient) => client.PUT(bulk, { body: { items: [] } });
  });

  it("search results carry records with responses whose status is a union", () => {
    type Response = components["schemas"]["Response"];
    expectTypeOf<Response["status"]>().toEqualTypeOf<"draft" | "submitted" | "discarded">();
    expectTypeOf<components["schemas"]["SearchRecord"]["record"]>().toEqualTypeOf<components["schemas"]["Record"]>();
  });
});
