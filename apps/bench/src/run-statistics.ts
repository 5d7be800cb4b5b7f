/** Median and spread of one measure over the runs. */
export interface Spread {
  median: number;
  min: number;
  max: number;
  /** Every run's value, in run order. */
  values: number[];
}

/**
 * Median, minimum and maximum of a measure over runs (the median of an even count is the mean of the middle two).
 *
 * @throws TypeError when there are no values or one is not a finite number.
 * @example
 * spreadOf({ values: [3, 1, 2] }); // { median: 2, min: 1, max: 3, values: [3, 1, 2] }
 */
export function spreadOf(params: { values: readonly number[] }): Spread {
  const { values } = params;
  if (values.length === 0) throw new TypeError("spreadOf needs at least one value: did every run fail?");
  const bad = values.find((v) => !Number.isFinite(v));
  if (bad !== undefined) throw new TypeError(`spreadOf got ${bad}: every run must yield a finite number`);
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted.at(-1) as number, values: [...values] };
}

/**
 * Ratios of paired runs (run i of ours against run i of theirs, which ran next to each other), oriented so that a
 * value above 1 means ours is better: for times `theirs / ours`, for rates `ours / theirs`.
 *
 * @throws TypeError when the run counts differ.
 * @example
 * pairedRatios({ ours: [2, 2.2], theirs: [4, 4.1], better: "lower" }); // median ≈ 1.93, min ≈ 1.86, max 2
 */
export function pairedRatios(params: {
  /** Our value per run. */
  ours: readonly number[];
  /** The other tool's value per run, same order. */
  theirs: readonly number[];
  /** Whether a lower value (time, memory) or a higher value (records/s) is better. */
  better: "lower" | "higher";
}): Spread {
  const { ours, theirs, better } = params;
  if (ours.length !== theirs.length) {
    throw new TypeError(`pairedRatios needs one value per run on both sides, got ${ours.length} and ${theirs.length}`);
  }
  return spreadOf({
    values: ours.map((o, i) => (better === "lower" ? (theirs[i] as number) / o : o / (theirs[i] as number))),
  });
}

/**
 * Formats a spread as `median (min–max)` with the given decimals; a single run prints just the value.
 *
 * @example
 * formatSpread({ spread: spreadOf({ values: [1.5, 2, 2.25] }), digits: 2 }); // "2.00 (1.50–2.25)"
 */
export function formatSpread(params: { spread: Spread; digits?: number; unit?: string }): string {
  const { spread } = params;
  const digits = params.digits ?? 2;
  const unit = params.unit ? ` ${params.unit}` : "";
  const f = (v: number) => v.toFixed(digits);
  if (spread.values.length === 1) return `${f(spread.median)}${unit}`;
  return `${f(spread.median)}${unit} (${f(spread.min)}–${f(spread.max)})`;
}
