/** Prices per million tokens of one model; with token counts they give a run's cost. */
export interface TokenPrices {
  /** Price of a million prompt (input) tokens. */
  inputPerMillion: number;
  /** Price of a million completion (output) tokens. */
  outputPerMillion: number;
  /** Shown after the amount, e.g. "USD" (default). */
  currency?: string;
  /** Share taken off both prices for batch jobs, 0..1 (the OpenAI Batch API: 0.5). Default 0. */
  batchDiscount?: number;
}

/** Prices of several models; the one that generated is looked up by name (see {@link pricesForModel}). */
export interface PriceTable {
  /** Model name (or a prefix of snapshot names, e.g. `gpt-4o-mini` for `gpt-4o-mini-2024-07-18`; `*` for any). */
  models: Record<string, TokenPrices>;
}

/** An amount of money. */
export interface CostAmount {
  amount: number;
  currency: string;
}

function priceField(value: unknown, where: string, required: boolean): number | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new TypeError(
      `${where} must be a number of at least 0 (a price per million tokens), got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function discountField(value: unknown, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) {
    throw new TypeError(`${where} must be a share between 0 and 1 (0.5 = half price), got ${JSON.stringify(value)}`);
  }
  return value;
}

/**
 * Reads a price table from its JSON form:
 * `{"currency": "USD", "batch_discount": 0.5, "models": {"gpt-4o-mini": {"input": 0.15, "output": 0.6}}}` —
 * prices per million tokens; `currency` and `batch_discount` at the top apply to every model that does not set its
 * own. Throws a `TypeError` naming the bad field and the fix.
 *
 * @example
 * const table = parsePriceTable({ value: JSON.parse(await readFile("prices.json", "utf8")), source: "prices.json" });
 * const prices = pricesForModel({ table, model: "gpt-4o-mini-2024-07-18" });
 */
export function parsePriceTable(params: {
  /** The parsed JSON. */
  value: unknown;
  /** Where it came from, for error messages (e.g. the file name). */
  source?: string;
}): PriceTable {
  const source = params.source ?? "price table";
  const value = params.value as { currency?: unknown; batch_discount?: unknown; models?: unknown } | null;
  if (typeof value !== "object" || value === null || typeof value.models !== "object" || value.models === null) {
    throw new TypeError(
      `${source} is not a price table: write {"currency": "USD", "batch_discount": 0.5, "models": {"MODEL": {"input": PRICE, "output": PRICE}}} (prices per million tokens)`,
    );
  }
  if (value.currency !== undefined && typeof value.currency !== "string") {
    throw new TypeError(`${source}: currency must be a text such as "USD"`);
  }
  const batchDiscount = discountField(value.batch_discount, `${source}: batch_discount`);
  const models: Record<string, TokenPrices> = {};
  for (const [name, entry] of Object.entries(value.models as Record<string, unknown>)) {
    const e = (entry ?? {}) as { input?: unknown; output?: unknown; currency?: unknown; batch_discount?: unknown };
    const where = `${source}: models["${name}"]`;
    const prices: TokenPrices = {
      inputPerMillion: priceField(e.input, `${where}.input`, true) as number,
      outputPerMillion: priceField(e.output, `${where}.output`, true) as number,
    };
    const currency = e.currency ?? value.currency;
    if (currency !== undefined) {
      if (typeof currency !== "string") throw new TypeError(`${where}.currency must be a text such as "USD"`);
      prices.currency = currency;
    }
    const discount = discountField(e.batch_discount, `${where}.batch_discount`) ?? batchDiscount;
    if (discount !== undefined) prices.batchDiscount = discount;
    models[name] = prices;
  }
  if (Object.keys(models).length === 0) {
    throw new TypeError(`${source} lists no models: add "models": {"MODEL": {"input": PRICE, "output": PRICE}}`);
  }
  return { models };
}

/**
 * What may follow a priced name in a dated snapshot of the same model: `-2024-07-18`, `-20241022`, `-0613`,
 * `@20241022`, `-latest`. Anything else is another model (`gpt-4o-mini` is not `gpt-4o`), priced apart.
 */
const SNAPSHOT_SUFFIX = /^[-@](?:\d{4}-\d{2}-\d{2}|\d{8}|\d{4}|latest)$/u;

/**
 * The prices of a model: its own entry, else the entry of which it is a dated snapshot (`gpt-4o-mini-2024-07-18`
 * finds `gpt-4o-mini`; `gpt-4o-mini` does not find `gpt-4o`: another model, another price), else `*`. `undefined`
 * when the table has none of these.
 *
 * @example
 * pricesForModel({ table, model: "gpt-4o-mini-2024-07-18" }); // the "gpt-4o-mini" entry
 */
export function pricesForModel(params: { table: PriceTable; model: string | undefined }): TokenPrices | undefined {
  const { table, model } = params;
  if (model !== undefined) {
    if (table.models[model]) return table.models[model];
    const prefix = Object.keys(table.models)
      .filter((name) => name !== "*" && model.startsWith(name) && SNAPSHOT_SUFFIX.test(model.slice(name.length)))
      .sort((a, b) => b.length - a.length)[0];
    if (prefix) return table.models[prefix];
  }
  return table.models["*"];
}

/**
 * What tokens cost at the given prices; `batch: true` applies the batch discount.
 *
 * @example
 * costOf({ prices, promptTokens: 1_200_000, completionTokens: 300_000, batch: true }); // { amount: 0.18, currency: "USD" }
 */
export function costOf(params: {
  prices: TokenPrices;
  promptTokens: number;
  completionTokens: number;
  /** Priced as a batch job (the discount applies). */
  batch?: boolean;
}): CostAmount {
  const { prices } = params;
  const factor = params.batch ? 1 - (prices.batchDiscount ?? 0) : 1;
  const amount =
    ((params.promptTokens / 1e6) * prices.inputPerMillion + (params.completionTokens / 1e6) * prices.outputPerMillion) *
    factor;
  return { amount, currency: prices.currency ?? "USD" };
}

/**
 * An amount for people: 2 decimals from 1 up, 4 below (a test run costs fractions of a cent).
 *
 * @example
 * formatCost({ amount: 0.01234, currency: "USD" }); // "0.0123 USD"
 */
export function formatCost(cost: CostAmount): string {
  return `${cost.amount.toFixed(cost.amount < 1 ? 4 : 2)} ${cost.currency}`;
}
