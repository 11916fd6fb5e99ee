/**
 * INVARIANTS #1–#4, #9: priority loads are integers summing to 100, and `computePriorityLoad`
 * equals a BigInt model of Envoy's uint64 arithmetic (SEMANTICS §1), for arbitrary host sets at
 * priority 0, at priority 1 (priority 0 empty or down) and across up to four priorities.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPrioritySet, computePriorityLoad } from '../../src/index.js';
import type { ClusterSpec } from './arbitraries.js';
import {
  clusterArb,
  fcParams,
  hugeOpfArb,
  MAX_U32,
  panicThresholdArb,
  toClusterModel,
} from './arbitraries.js';
import { priorityCount, referencePriorityLoad } from './reference.js';

function libraryLoad(cluster: ClusterSpec, threshold: number) {
  const ps = buildPrioritySet(toClusterModel(cluster));
  return computePriorityLoad(ps.hostSets, ps.hosts, threshold);
}

const sum = (xs: ArrayLike<number>): number => Array.from(xs).reduce((s, x) => s + x, 0);

const scopes = [
  { name: 'at priority 0', options: { focus: 0 as const } },
  { name: 'at priority 1 (priority 0 empty or down)', options: { focus: 1 as const } },
  { name: 'over 1 to 4 priorities', options: {} },
];

describe('priority load sums to 100 (INVARIANTS #1)', () => {
  for (const { name, options } of scopes) {
    it(name, () => {
      const seen = { loadOnFocus: 0, totalPanic: 0, degradedLoad: 0, zeroAvailability: 0 };
      fc.assert(
        fc.property(clusterArb(options), panicThresholdArb, (cluster, threshold) => {
          const load = libraryLoad(cluster, threshold);
          const n = Math.max(1, priorityCount(cluster));
          expect(load.healthyLoad.length).toBe(n);
          expect(load.degradedLoad.length).toBe(n);
          for (const x of [...load.healthyLoad, ...load.degradedLoad]) {
            expect(Number.isInteger(x) && x >= 0 && x <= 100).toBe(true);
          }
          const total = sum(load.healthyLoad) + sum(load.degradedLoad);
          // Envoy skips the load computation when normalized total availability is 0 and not
          // every priority is in panic (reachable with weighted_priority_health or OPF < 100):
          // a fresh balancer keeps all-zero loads and choosePriority falls back to P0 healthy.
          const ref = referencePriorityLoad(cluster, threshold);
          const unassigned =
            ref.normalizedTotalHealth === 0 && Math.min(100, threshold) > 0 && !ref.totalPanic;
          expect(total).toBe(unassigned ? 0 : 100);
          if (unassigned) seen.zeroAvailability++;
          if (load.totalPanic) seen.totalPanic++;
          if (sum(load.degradedLoad) > 0) seen.degradedLoad++;
          const focus = options.focus ?? 0;
          if (load.healthyLoad[focus] + (load.degradedLoad[focus] ?? 0) > 0) seen.loadOnFocus++;
        }),
        fcParams(400),
      );
      expect(seen.loadOnFocus).toBeGreaterThan(0);
      expect(seen.totalPanic).toBeGreaterThan(0);
      expect(seen.degradedLoad).toBeGreaterThan(0);
    });
  }
});

describe('computePriorityLoad equals the BigInt model of SEMANTICS §1 (INVARIANTS #2–#4, #9)', () => {
  for (const { name, options } of scopes) {
    it(name, () => {
      fc.assert(
        fc.property(clusterArb(options), panicThresholdArb, (cluster, threshold) => {
          expectReference(cluster, threshold);
        }),
        fcParams(400),
      );
    });
  }

  it('with OPF up to 2^32−1, weights up to 2^32−1 and any flag combination', () => {
    const seen = { beyondSafeProduct: 0, weighted: 0 };
    fc.assert(
      fc.property(
        clusterArb({ overprovisioningFactor: hugeOpfArb, consistentFlags: false }),
        panicThresholdArb,
        (cluster, threshold) => {
          expectReference(cluster, threshold);
          const maxWeight = Math.max(
            0,
            ...cluster.priorities.flatMap((ls) => ls.flatMap((l) => l.hosts.map((h) => h.weight))),
          );
          if (cluster.weightedPriorityHealth && maxWeight > MAX_U32 / 2) seen.weighted++;
          if (
            cluster.weightedPriorityHealth &&
            cluster.overprovisioningFactor * maxWeight > 2 ** 53
          )
            seen.beyondSafeProduct++;
        },
      ),
      fcParams(600),
    );
    expect(seen.weighted).toBeGreaterThan(0);
    expect(seen.beyondSafeProduct).toBeGreaterThan(0);
  });
});

function expectReference(cluster: ClusterSpec, threshold: number): void {
  const load = libraryLoad(cluster, threshold);
  const ref = referencePriorityLoad(cluster, threshold);
  expect({
    health: [...load.health],
    degraded: [...load.degraded],
    normalizedTotalHealth: load.normalizedTotalHealth,
    healthyLoad: Array.from(load.healthyLoad),
    degradedLoad: Array.from(load.degradedLoad),
    panic: [...load.panic],
    totalPanic: load.totalPanic,
  }).toEqual(ref);
}
