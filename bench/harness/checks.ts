/**
 * What both benchmark suites share when they report: per-case timings out of a tinybench run,
 * ratios of medians, and ratio checks printed as PASS/MISS against a target.
 */
import type { Bench } from 'tinybench';

/** A case's timing: median and mean ns per operation, relative margin of error in percent. */
export interface Timing {
  readonly nsPerOp: number;
  readonly meanNsPerOp: number;
  readonly rme: number;
  readonly samples: number;
}

export type Timings = ReadonlyMap<string, Timing>;

/** Timings of every completed task; each timed call made `batch` operations. */
export function collectTimings(bench: Bench, batch: number): Map<string, Timing> {
  const timings = new Map<string, Timing>();
  for (const task of bench.tasks) {
    const result = task.result;
    if (result.state !== 'completed') {
      console.error(`${task.name}: ${result.state}`, 'error' in result ? result.error : '');
      continue;
    }
    timings.set(task.name, {
      nsPerOp: (result.latency.p50 * 1e6) / batch,
      meanNsPerOp: (result.latency.mean * 1e6) / batch,
      rme: result.latency.rme,
      samples: result.latency.samplesCount,
    });
  }
  return timings;
}

export function fmt(x: number, digits = 1): string {
  return Number.isFinite(x) ? x.toFixed(digits) : 'n/a';
}

/** `a / b` of two cases' ns per operation; NaN when either did not run. */
export function ratio(timings: Timings, a: string, b: string): number {
  const ta = timings.get(a);
  const tb = timings.get(b);
  return ta && tb ? ta.nsPerOp / tb.nsPerOp : NaN;
}

export interface Check {
  readonly text: string;
  readonly value: number;
  /** null: informational ratio, no target. */
  readonly pass: boolean | null;
}

/** `a / b` as a check; `limit` > 0 is an upper bound, < 0 a lower bound of -limit. */
export function check(timings: Timings, text: string, a: string, b: string, limit?: number): Check {
  const value = ratio(timings, a, b);
  const shown = `${text} = ${fmt(value, 2)}×`;
  if (limit === undefined) return { text: shown, value, pass: null };
  return limit > 0
    ? { text: `${shown} (target ≤ ${limit}×)`, value, pass: value <= limit }
    : { text: `${shown} (target ≥ ${-limit}×)`, value, pass: value >= -limit };
}

export function printChecks(title: string, checks: readonly Check[]): void {
  console.log(`\n${title}`);
  for (const c of checks) {
    const verdict = Number.isNaN(c.value)
      ? 'SKIP'
      : c.pass === null
        ? '    '
        : c.pass
          ? 'PASS'
          : 'MISS';
    console.log(`  ${verdict} ${c.text}`);
  }
}
