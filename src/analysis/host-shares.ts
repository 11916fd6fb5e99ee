/**
 * How a non-hashing policy splits the requests that reach one host source, in closed form:
 *
 * - EDF (round robin or least request with differing weights, slow start, or a forced
 *   `active_request_bias`): exactly proportional to the scheduling weight — weight × slow-start
 *   factor, divided by (active + 1)^bias for least request — over every Σw window;
 * - unweighted round robin: 1/n each;
 * - N_CHOICES (P2C): k samples with replacement keep the first with strictly fewest active
 *   requests. With L hosts below a host's count and E hosts at it, that host wins with
 *   (((n − L)/n)^k − ((n − L − E)/n)^k) / E;
 * - FULL_SCAN: uniform among the hosts with the fewest active requests (reservoir sampling);
 * - random: `hash % n` with the same 64-bit draw that chose the priority. With g = gcd(n, 100),
 *   r mod g is fixed by r mod 100, so within a priority range A host i gets
 *   (g/n) × |{a ∈ A : a ≡ i (mod g)}| / |A| — not always 1/n.
 *
 * Worked example (P2C, active [0, 1, 1], k = 2): host 0 wins 1 − (2/3)² = 5/9, hosts 1 and 2 2/9 each.
 */
import type { ZoneAwareLoadBalancerOf } from '../policies/create-load-balancer.js';
import { EdfLoadBalancer } from '../policies/common/edf-lb.js';
import { LeastRequestLoadBalancer } from '../policies/least-request/least-request-lb.js';
import type { PriorityRange } from './priority-ranges.js';
import { residueShares } from './priority-ranges.js';

/** Share of each host of `hosts` (same order) among the picks that use this source. */
export function hostShares(
  lb: ZoneAwareLoadBalancerOf,
  hosts: Int32Array,
  range: PriorityRange,
): Float64Array {
  const n = hosts.length;
  if (n === 0) return new Float64Array(0);
  if (lb instanceof EdfLoadBalancer && lb.usesScheduler(hosts)) {
    return normalized(Float64Array.from(hosts, (h) => lb.schedulingWeight(h)));
  }
  if (lb instanceof LeastRequestLoadBalancer) {
    const active = Float64Array.from(hosts, (h) => lb.activeRequests[h]);
    return lb.selectionMethod === 'FULL_SCAN'
      ? fewestActiveShares(active)
      : nChoicesShares(active, lb.choiceCount);
  }
  if (lb instanceof EdfLoadBalancer) return new Float64Array(n).fill(1 / n);
  return residueShares(n, range);
}

function normalized(weights: Float64Array): Float64Array {
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}

/** P2C with `k` samples with replacement, ties to the first sampled; O(n log n). */
function nChoicesShares(active: Float64Array, k: number): Float64Array {
  const n = active.length;
  const sorted = Float64Array.from(active).sort();
  return active.map((a) => {
    const below = firstIndex(sorted, (b) => b >= a);
    const equal = firstIndex(sorted, (b) => b > a) - below;
    return (((n - below) / n) ** k - ((n - below - equal) / n) ** k) / equal;
  });
}

/** Index of the first element of `sorted` for which the monotone `test` holds (length if none). */
function firstIndex(sorted: Float64Array, test: (b: number) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(sorted[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Uniform among the minima. */
function fewestActiveShares(active: Float64Array): Float64Array {
  const min = active.reduce((m, a) => Math.min(m, a), Infinity);
  const ties = active.reduce((t, a) => t + (a === min ? 1 : 0), 0);
  return active.map((a) => (a === min ? 1 / ties : 0));
}
