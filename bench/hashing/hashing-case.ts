/**
 * One timed case of the consistent-hashing benchmarks. Like the pick suite's `BenchCase`, each
 * call does `BATCH` operations (picks, lookups or string hashes) in the case's own loop closure,
 * folds the results into a local sum and hands it to the shared sink once per batch; ns/op is the
 * median sample divided by `BATCH`.
 */

/** What a case stands for in the report. */
export type HashingKind = 'lib' | 'bound' | 'peer' | 'ref';

export interface HashingCase {
  /** Stable key the report looks results up by, e.g. `maglev/table`, `hash/ours/ua40`. */
  readonly id: string;
  /** Human-readable row label. */
  readonly label: string;
  readonly kind: HashingKind;
  /** Pick cases: the host count (the returned value must be a host index below it); 0 otherwise. */
  readonly hosts: number;
  /** Makes `BATCH` operations; returns the last host index (pick cases) or any number. */
  readonly run: () => number;
}

/** Random 64-bit request hashes per array (a power of two; the index is masked). */
export const HASHES = 4096;
export const HASH_MASK: number = HASHES - 1;
