/**
 * How evenly a table spreads the hash space: mean, standard deviation (population), relative
 * standard deviation and max/mean of per-host shares — optionally relative to each host's
 * expected share (its normalized weight), so weighted tables are judged against their weights.
 * Worked example: shares [0.2, 0.3, 0.5] → mean 1/3, stdev ≈ 0.1247, RSD ≈ 0.374, max/mean 1.5.
 */

export interface Spread {
  readonly mean: number;
  readonly stdev: number;
  /** stdev / mean. */
  readonly relativeStdev: number;
  /** max / mean. */
  readonly maxOverMean: number;
}

/** Spread of `shares`; with `expected`, of shares[i] / expected[i] (entries with expected 0 skipped). */
export function spread(shares: ArrayLike<number>, expected?: ArrayLike<number>): Spread {
  const values: number[] = [];
  for (let i = 0; i < shares.length; i++) {
    if (expected === undefined) values.push(shares[i]);
    else if (expected[i] > 0) values.push(shares[i] / expected[i]);
  }
  if (values.length === 0) return { mean: 0, stdev: 0, relativeStdev: 0, maxOverMean: 0 };
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const stdev = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
  const max = Math.max(...values);
  return {
    mean,
    stdev,
    relativeStdev: mean === 0 ? 0 : stdev / mean,
    maxOverMean: mean === 0 ? 0 : max / mean,
  };
}
