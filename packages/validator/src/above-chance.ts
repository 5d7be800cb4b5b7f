/** Default significance level of {@link testAboveChance}. */
export const DEFAULT_ALPHA = 0.05;

/** log(n choose k), exact enough for the few hundred answers a panel gives. */
function logChoose(n: number, k: number): number {
  let sum = 0;
  for (let i = 1; i <= k; i++) sum += Math.log(n - k + i) - Math.log(i);
  return sum;
}

/**
 * P(X ≥ successes) for X ~ Binomial(trials, chance): the one-sided exact binomial p-value.
 *
 * @example
 * binomialUpperTail({ successes: 4, trials: 4, chance: 0.25 }) // 0.00390625
 */
export function binomialUpperTail(params: { successes: number; trials: number; chance: number }): number {
  const { successes, trials, chance } = params;
  if (!Number.isInteger(trials) || trials < 0) throw new TypeError(`trials must be a whole number, got ${trials}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) {
    throw new TypeError(`successes must be a whole number from 0 to trials (${trials}), got ${successes}`);
  }
  if (!(chance > 0 && chance < 1)) throw new TypeError(`chance must be between 0 and 1, got ${chance}`);
  if (successes === 0) return 1;
  let tail = 0;
  for (let k = successes; k <= trials; k++) {
    tail += Math.exp(logChoose(trials, k) + k * Math.log(chance) + (trials - k) * Math.log(1 - chance));
  }
  return Math.min(1, tail);
}

/** The outcome of {@link testAboveChance}. */
export interface AboveChanceTest {
  /** Answers that were right. */
  correct: number;
  /** Answers given (no-answers are not trials). */
  answered: number;
  /** Probability of a right answer by guessing: 1 / number of options. */
  chance: number;
  /** One-sided exact binomial p-value: P(at least `correct` right | guessing). */
  pValue: number;
  alpha: number;
  /** `pValue <= alpha`: right clearly above chance. */
  aboveChance: boolean;
  /** Fewest right answers out of `answered` that would count as above chance; null when no count would. */
  threshold: number | null;
}

/**
 * The rule for "clearly above chance": a one-sided exact binomial test of the panel's right answers against
 * guessing (each answer right with probability 1 / options), flagged when p ≤ alpha. Under guessing the false-alarm
 * rate is at most alpha (see {@link falseAlarmRate} for the exact figure, which is lower because counts are whole).
 *
 * @example
 * testAboveChance({ correct: 4, answered: 4, chance: 0.25 }).aboveChance // true (p = 0.0039)
 * testAboveChance({ correct: 3, answered: 4, chance: 0.25 }).aboveChance // false (p = 0.051)
 */
export function testAboveChance(params: {
  correct: number;
  answered: number;
  chance: number;
  alpha?: number;
}): AboveChanceTest {
  const alpha = params.alpha ?? DEFAULT_ALPHA;
  if (!(alpha > 0 && alpha < 1)) throw new TypeError(`alpha must be between 0 and 1, got ${alpha}`);
  const pValue =
    params.answered === 0
      ? 1
      : binomialUpperTail({ successes: params.correct, trials: params.answered, chance: params.chance });
  return {
    correct: params.correct,
    answered: params.answered,
    chance: params.chance,
    pValue,
    alpha,
    aboveChance: params.answered > 0 && pValue <= alpha,
    threshold: rejectionThreshold({ trials: params.answered, chance: params.chance, alpha }),
  };
}

/** The smallest number of right answers out of `trials` with p ≤ alpha; null when even all right is not enough. */
export function rejectionThreshold(params: { trials: number; chance: number; alpha: number }): number | null {
  for (let k = 0; k <= params.trials; k++) {
    if (k > 0 && binomialUpperTail({ successes: k, trials: params.trials, chance: params.chance }) <= params.alpha) {
      return k;
    }
  }
  return null;
}

/**
 * The exact false-alarm rate of {@link testAboveChance} for `trials` answers: the probability that a panel that only
 * guesses is flagged. At most `alpha`; 0 when no count could be flagged.
 *
 * @example
 * falseAlarmRate({ trials: 4, chance: 0.25, alpha: 0.05 }) // 0.0039 (only 4 of 4 right is flagged)
 * falseAlarmRate({ trials: 8, chance: 0.25, alpha: 0.05 }) // 0.0273 (5 or more of 8)
 */
export function falseAlarmRate(params: { trials: number; chance: number; alpha: number }): number {
  const k = rejectionThreshold(params);
  return k === null ? 0 : binomialUpperTail({ successes: k, trials: params.trials, chance: params.chance });
}
