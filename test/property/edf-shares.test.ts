/**
 * INVARIANTS #19: weights give proportional shares over a full EDF cycle.
 *
 * The exact statement for Envoy's EDF (deadline = time of the last pick + 1/w, ties FIFO) with
 * integer weights w_i and W = Σw_i: item i's picks are the points m/w_i of the time line, so
 * the interval (t, t+1] holds exactly w_i picks of every item. Hence
 *  - every window of W consecutive picks, after any number of warm-up picks, holds each item
 *    w_i − 1, w_i or w_i + 1 times (a window not aligned on a cycle swaps at most one pick of
 *    each item tied at its start for one tied at its end), and
 *  - a window that starts after a whole number of cycles — (P + k) ≡ 0 (mod W), where P is the
 *    pre-advance of `createWithPicks` (the seed mod 429496729) and k the picks made since —
 *    holds each item exactly w_i times.
 * With all weights equal the round robin index path applies and every window is exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EdfScheduler,
  MAX_PRE_PICKS,
  PickTrace,
  SourceType,
  buildPrioritySet,
  createLoadBalancer,
  commonLbConfig,
  createSeededRng,
  roundRobinConfig,
} from '../../src/index.js';
import type { ClusterSpec, HostSpec } from './arbitraries.js';
import { MAX_U32, addressOf, fcParams, healthArb, toClusterModel } from './arbitraries.js';
import { CountingRng } from './scenarios.js';

interface Violation {
  start: number;
  counts: number[];
}

/** The first window of W picks that breaks the share rule, or null. */
function shareViolation(
  seq: readonly number[],
  weights: readonly number[],
  phase: number,
  exactAlways: boolean,
): Violation | null {
  const total = weights.reduce((s, w) => s + w, 0);
  const counts = new Array<number>(weights.length).fill(0);
  for (let k = 0; k < total; k++) counts[seq[k]]++;
  for (let s = 0; s + total <= seq.length; s++) {
    if (s > 0) {
      counts[seq[s - 1]]--;
      counts[seq[s + total - 1]]++;
    }
    const exact = exactAlways || (phase + s) % total === 0;
    const bad = counts.some((c, i) => (exact ? c !== weights[i] : Math.abs(c - weights[i]) > 1));
    if (bad) return { start: s, counts: [...counts] };
  }
  return null;
}

const weightsArb = fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 8 });
const picksArb = fc.oneof(
  fc.record({ hi: fc.constant(0), lo: fc.nat({ max: 100 }) }),
  fc.record({ hi: fc.nat({ max: MAX_U32 }), lo: fc.nat({ max: MAX_U32 }) }),
);

const preAdvance = (hi: number, lo: number): number =>
  Number(((BigInt(hi) << 32n) | BigInt(lo)) % BigInt(MAX_PRE_PICKS));

describe('EDF gives each weight its share over every cycle (INVARIANTS #19)', () => {
  it('EdfScheduler.createWithPicks: ±1 in every window of Σw picks, exact on cycle boundaries', () => {
    fc.assert(
      fc.property(weightsArb, picksArb, fc.nat({ max: 300 }), (weights, { hi, lo }, warmup) => {
        const total = weights.reduce((s, w) => s + w, 0);
        const weightOf = (i: number): number => weights[i];
        const edf = EdfScheduler.createWithPicks(
          weights.map((_, i) => i),
          weightOf,
          hi,
          lo,
        );
        for (let k = 0; k < warmup; k++) edf.pickAndAdd(weightOf);
        const seq = Array.from({ length: 3 * total }, () => edf.pickAndAdd(weightOf));
        const phase = (preAdvance(hi, lo) + warmup) % total;
        expect(shareViolation(seq, weights, phase, false)).toBeNull();
      }),
      fcParams(300),
    );
  });

  it('EdfScheduler.add in order: ±1 in every window, exact on cycle boundaries', () => {
    fc.assert(
      fc.property(weightsArb, fc.nat({ max: 300 }), (weights, warmup) => {
        const total = weights.reduce((s, w) => s + w, 0);
        const weightOf = (i: number): number => weights[i];
        const edf = new EdfScheduler(1);
        weights.forEach((w, i) => edf.add(w, i));
        for (let k = 0; k < warmup; k++) edf.pickAndAdd(weightOf);
        const seq = Array.from({ length: 3 * total }, () => edf.pickAndAdd(weightOf));
        expect(shareViolation(seq, weights, warmup % total, false)).toBeNull();
      }),
      fcParams(200),
    );
  });

  it('peekAgain never changes the sequence pickAndAdd returns', () => {
    fc.assert(
      fc.property(
        weightsArb,
        picksArb,
        fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 60 }),
        (weights, { hi, lo }, peeksBeforePick) => {
          const weightOf = (i: number): number => weights[i];
          const items = weights.map((_, i) => i);
          const plain = EdfScheduler.createWithPicks(items, weightOf, hi, lo);
          const peeked = EdfScheduler.createWithPicks(items, weightOf, hi, lo);
          const expected = peeksBeforePick.map(() => plain.pickAndAdd(weightOf));
          const pending: number[] = [];
          const actual: number[] = [];
          for (const peeks of peeksBeforePick) {
            for (let k = 0; k < peeks; k++) pending.push(peeked.peekAgain(weightOf));
            const pick = peeked.pickAndAdd(weightOf);
            if (pending.length > 0) expect(pick).toBe(pending.shift());
            actual.push(pick);
          }
          // Peeks run ahead of the picks: compare the picks made so far.
          expect(actual).toEqual(expected);
        },
      ),
      fcParams(200),
    );
  });

  for (const focus of [0, 1] as const) {
    it(`RoundRobinLoadBalancer at priority ${focus}: the same rule over its picks`, () => {
      const seen = { weighted: 0, unweighted: 0 };
      fc.assert(
        fc.property(
          fc.oneof(
            weightsArb.filter((ws) => ws.length >= 2),
            fc
              .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 2, max: 8 }))
              .map(([w, n]) => new Array<number>(n).fill(w)),
          ),
          fc.array(healthArb('down'), { maxLength: 3 }),
          fc.nat(),
          fc.nat({ max: 300 }),
          (weights, downHosts, seed, warmup) => {
            const hosts: HostSpec[] = weights.map((weight) => ({
              weight,
              healthStatus: 'HEALTHY',
              flags: {},
            }));
            const weighted = weights.some((w) => w !== weights[0]);
            const target = [{ zone: 'a', weight: undefined, hosts }];
            const cluster: ClusterSpec = {
              overprovisioningFactor: 140,
              weightedPriorityHealth: false,
              priorities:
                focus === 0
                  ? [target]
                  : [
                      downHosts.length > 0
                        ? [
                            {
                              zone: 'a',
                              weight: undefined,
                              hosts: downHosts.map((h) => ({ ...h, weight: 1 })),
                            },
                          ]
                        : [],
                      target,
                    ],
            };
            const ps = buildPrioritySet(toClusterModel(cluster));
            const position = new Map(weights.map((_, i) => [addressOf(focus, 0, i), i]));
            const rng = new CountingRng(createSeededRng(seed, 'lb'));
            const lb = createLoadBalancer(ps, commonLbConfig(), roundRobinConfig(), { rng });
            const trace = new PickTrace();
            const total = weights.reduce((s, w) => s + w, 0);
            const pick = (): number => {
              const host = lb.chooseHost(undefined, trace);
              expect([trace.priority, trace.source]).toEqual([focus, SourceType.HealthyHosts]);
              return position.get(ps.hosts[host].address) ?? -1;
            };
            for (let k = 0; k < warmup; k++) pick();
            const seq = Array.from({ length: 3 * total }, pick);
            // The balancer's first random() is the EDF pre-advance (SEMANTICS §3.4).
            const phase = (preAdvance(rng.firstHi, rng.firstLo) + warmup) % total;
            expect(shareViolation(seq, weights, phase, !weighted)).toBeNull();
            if (weighted) seen.weighted++;
            else seen.unweighted++;
          },
        ),
        fcParams(150),
      );
      expect(seen.weighted).toBeGreaterThan(0);
      expect(seen.unweighted).toBeGreaterThan(0);
    });
  }
});
