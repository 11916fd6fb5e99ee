/**
 * One timed case of the pick benchmarks: a closure that makes `BATCH` picks per call (tinybench
 * times whole calls, and a single pick is far below the timer's resolution), so ns/op is the
 * sample latency divided by `BATCH`.
 */

/** Picks per timed call. */
export const BATCH = 1000;

/** Host counts every pick is measured at. */
export const SIZES: readonly number[] = [10, 100, 1000];

/** What a case stands for in the report. */
export type CaseKind = 'full' | 'bare' | 'bound' | 'peer';

export interface BenchCase {
  /** Stable key the report looks results up by, e.g. `full/wrr/1000`. */
  readonly id: string;
  /** Human-readable row label. */
  readonly label: string;
  readonly kind: CaseKind;
  readonly hosts: number;
  /** Makes `BATCH` picks and returns the last host index picked. */
  readonly run: () => number;
}

/** The id of a case: `kind/policy/hosts`. */
export function caseId(kind: CaseKind, policy: string, hosts: number): string {
  return `${kind}/${policy}/${hosts}`;
}
