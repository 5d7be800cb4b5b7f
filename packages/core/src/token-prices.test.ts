import { describe, expect, it } from "vitest";
import { costOf, formatCost, parsePriceTable, pricesForModel } from "./token-prices.js";

const TABLE = {
  currency: "USD",
  batch_discount: 0.5,
  models: {
    "gpt-4o-mini": { input: 0.15, output: 0.6 },
    "gpt-4o": { input: 2.5, output: 10 },
    local: { input: 0, output: 0, batch_discount: 0 },
    "*": { input: 1, output: 2, currency: "EUR" },
  },
};

describe("price table", () => {
  it("reads prices per million tokens, with the table's currency and batch discount as defaults", () => {
    const table = parsePriceTable({ value: TABLE });
    expect(table.models["gpt-4o-mini"]).toEqual({
      inputPerMillion: 0.15,
      outputPerMillion: 0.6,
      currency: "USD",
      batchDiscount: 0.5,
    });
    expect(table.models.local?.batchDiscount).toBe(0);
    expect(table.models["*"]?.currency).toBe("EUR");
  });

  it.each([
    ["no models", { currency: "USD" }, /not a price table/u],
    ["empty models", { models: {} }, /lists no models/u],
    [
      "negative price",
      { models: { m: { input: -1, output: 1 } } },
      /models\["m"\]\.input must be a number of at least 0/u,
    ],
    ["missing output", { models: { m: { input: 1 } } }, /models\["m"\]\.output/u],
    [
      "discount above 1",
      { batch_discount: 50, models: { m: { input: 1, output: 1 } } },
      /batch_discount must be a share between 0 and 1/u,
    ],
  ])("refuses %s with the fix", (_name, value, message) => {
    expect(() => parsePriceTable({ value, source: "prices.json" })).toThrow(message);
    expect(() => parsePriceTable({ value, source: "prices.json" })).toThrow(/prices\.json/u);
  });

  it("finds a snapshot name by its longest prefix, else the * entry", () => {
    const table = parsePriceTable({ value: TABLE });
    expect(pricesForModel({ table, model: "gpt-4o-mini-2024-07-18" })?.inputPerMillion).toBe(0.15);
    expect(pricesForModel({ table, model: "gpt-4o-2024-08-06" })?.inputPerMillion).toBe(2.5);
    expect(pricesForModel({ table, model: "qwen" })?.currency).toBe("EUR");
    expect(pricesForModel({ table, model: "gpt-4o-latest" })?.inputPerMillion).toBe(2.5);
    // another model whose name merely starts with a priced one is not priced as it (16× off here): it takes "*" or none
    const onlyBig = parsePriceTable({ value: { models: { "gpt-4o": { input: 2.5, output: 10 } } } });
    expect(pricesForModel({ table: onlyBig, model: "gpt-4o-mini" })).toBeUndefined();
    expect(pricesForModel({ table: onlyBig, model: "gpt-4o-mini-2024-07-18" })).toBeUndefined();
    expect(pricesForModel({ table: onlyBig, model: "gpt-4o-2024-08-06" })?.inputPerMillion).toBe(2.5);
    expect(pricesForModel({ table: onlyBig, model: "gpt-4o-0613" })?.inputPerMillion).toBe(2.5);
    expect(
      pricesForModel({ table: parsePriceTable({ value: { models: { a: { input: 1, output: 1 } } } }), model: "b" }),
    ).toBeUndefined();
  });

  it("prices tokens, halved for a batch at a 50% discount", () => {
    const prices = parsePriceTable({ value: TABLE }).models["gpt-4o-mini"];
    if (!prices) throw new Error("missing");
    const sync = costOf({ prices, promptTokens: 2_000_000, completionTokens: 500_000 });
    expect(sync).toEqual({ amount: 0.6, currency: "USD" });
    expect(costOf({ prices, promptTokens: 2_000_000, completionTokens: 500_000, batch: true }).amount).toBeCloseTo(0.3);
    expect(formatCost(sync)).toBe("0.6000 USD");
    expect(formatCost({ amount: 12.345, currency: "EUR" })).toBe("12.35 EUR");
  });
});
