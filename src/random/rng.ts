/**
 * The source of randomness every policy draws from: Envoy's `Random::RandomGenerator::random()`,
 * one uint64 per call. A draw is read from `hi`/`lo` after `next()`, so drawing allocates nothing.
 * Policies call `next()` exactly where and as often as Envoy calls `random()`
 * (spec/SEMANTICS.md gives the order), which is what lets a scripted Rng replay Envoy's tests.
 */
export interface Rng {
  /** Draws the next uint64 into `hi` and `lo`. */
  next(): void;
  /** High 32 bits of the last draw. */
  readonly hi: number;
  /** Low 32 bits of the last draw. */
  readonly lo: number;
}
