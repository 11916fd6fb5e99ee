/**
 * The inputs every case shares: one priority of `n` healthy hosts in one locality, weights
 * cycling 1..5 for the weighted policies, and a fixed pattern of active request counts for the
 * least-request policies. Library cases and their bare counterparts read the same arrays.
 */
import type { PrioritySet } from '../../src/index.js';
import { buildPrioritySet, createCluster } from '../../src/index.js';

/** Weight of host `i` in the weighted cases: 1, 2, 3, 4, 5, 1, 2, … */
export function weightOfHost(i: number): number {
  return 1 + (i % 5);
}

/** Active requests of host `i` in the least-request cases: 0..6 cycling. */
export function activeOfHost(i: number): number {
  return i % 7;
}

/** Host weights as a typed array (1 everywhere when `weighted` is false). */
export function hostWeights(n: number, weighted: boolean): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (weighted ? weightOfHost(i) : 1));
}

/** Active request counts as a typed array. */
export function activeRequests(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => activeOfHost(i));
}

/** Host indices 0..n-1. */
export function hostIndices(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

/** A priority set with one priority of `n` healthy hosts, built through the public API. */
export function prioritySetOf(n: number, weighted: boolean): PrioritySet {
  const hosts = Array.from({ length: n }, (_, i) => ({
    address: `10.0.${i >> 8}.${i & 255}:8080`,
    weight: weighted ? weightOfHost(i) : 1,
  }));
  return buildPrioritySet(createCluster({ name: `bench-${n}`, endpoints: [{ hosts }] }));
}
