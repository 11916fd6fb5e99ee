/**
 * The priority draw as ranges: Envoy compares x = hash % 100 + 1 with the cumulative healthy loads,
 * then the cumulative degraded loads, and falls back to priority 0 (healthy) past their sum
 * (`LoadBalancerBase::choosePriority`). Each range of x values goes to one (priority, healthy or
 * degraded) bucket; a uniform 64-bit hash lands in a range with probability (to − from + 1)/100.
 * Worked example: healthy [60, 20], degraded [0, 20] → P0 x 1–60, P1 x 61–80, P1 degraded x 81–100.
 */
import type { PriorityLoad } from '../snapshot/priority-load.js';

export interface PriorityRange {
  readonly priority: number;
  readonly degraded: boolean;
  /** First and last x (1 to 100) of the range. */
  readonly from: number;
  readonly to: number;
}

/** The non-empty ranges in Envoy's order, covering x = 1 to 100 exactly once. */
export function priorityRanges(load: PriorityLoad): PriorityRange[] {
  const ranges: PriorityRange[] = [];
  let next = 1;
  const add = (loads: Uint8Array, degraded: boolean): void => {
    loads.forEach((percent, priority) => {
      const to = Math.min(100, next + percent - 1);
      if (to >= next) ranges.push({ priority, degraded, from: next, to });
      next = to + 1;
    });
  };
  add(load.healthyLoad, false);
  add(load.degradedLoad, true);
  if (next <= 100) ranges.push({ priority: 0, degraded: false, from: next, to: 100 });
  return ranges;
}

/** Probability of a range: its share of the 100 values of x. */
export function rangeProbability(range: PriorityRange): number {
  return (range.to - range.from + 1) / 100;
}

/**
 * Distribution of `hash % n` among hashes whose x fell in the range. With g = gcd(n, 100), r mod g
 * is fixed by r mod 100, so value i gets (g/n) × |{a ∈ [from − 1, to − 1] : a ≡ i (mod g)}| / |range|
 * — uniform only when g = 1. Random picks a host this way; Maglev a slot.
 */
export function residueShares(n: number, range: PriorityRange): Float64Array {
  const g = gcd(n, 100);
  const residues = new Float64Array(g);
  for (let a = range.from - 1; a < range.to; a++) residues[a % g]++;
  const count = range.to - range.from + 1;
  return Float64Array.from({ length: n }, (_, i) => (g / n) * (residues[i % g] / count));
}

/** Whether `hash % n` depends on the priority range (n shares a factor with 100). */
export function correlatedWithPriority(n: number): boolean {
  return gcd(n, 100) > 1;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
