/**
 * INVARIANTS #30 (totality, bounded work per pick): a pick never throws, returns a host index or
 * -1, and draws a bounded number of `random()`s — one for the priority hash, at most two for
 * zone-aware routing (one for the local-zone sample, one for the cross-zone locality), then the
 * policy's own: none for round robin and random, `choice_count` for unweighted least request
 * N_CHOICES, at most one per tie (n − 1) for FULL_SCAN. Runtime feature rolls
 * (`routing_enabled`) come from the separate runtime generator, at most one per pick.
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CHOICE_COUNT, PickTrace, ZoneRoute } from '../../src/index.js';
import { MAX_U32, fcParams } from './arbitraries.js';
import { hostsByPriority } from './reference.js';
import type { LbScenario, PolicySpec } from './scenarios.js';
import {
  buildScenario,
  lbScenarioArb,
  leastRequestArb,
  randomArb,
  roundRobinArb,
} from './scenarios.js';

/** Draws zone-aware routing made, from the route the trace reports (SEMANTICS §5.4). */
function zoneDraws(route: number): number {
  if (route === ZoneRoute.Sampled) return 1;
  if (route === ZoneRoute.CrossZone || route === ZoneRoute.NoCapacityLeft) return 2;
  return 0;
}

/** The policy's own draws allowed in a source of `n` hosts: [exact values] or a maximum. */
function policyDraws(policy: PolicySpec, n: number): { allowed: number[] } | { max: number } {
  switch (policy.kind) {
    case 'ROUND_ROBIN':
    case 'RANDOM':
      return { allowed: [0] };
    case 'LEAST_REQUEST':
      return policy.selectionMethod === 'N_CHOICES'
        ? { allowed: [0, Math.min(policy.choiceCount, MAX_CHOICE_COUNT)] }
        : { max: Math.max(0, n - 1) };
  }
}

interface Seen {
  picks: number;
  zoneDraws: number[];
  policyDraws: number;
}

function checkBoundedPicks(s: LbScenario, picks: number, seen: Seen): void {
  const { lb, rng, runtimeRng } = buildScenario(s);
  const byPriority = hostsByPriority(s.cluster);
  const trace = new PickTrace();
  for (let i = 0; i < picks; i++) {
    trace.reset();
    const before = rng.draws;
    const runtimeBefore = runtimeRng.draws;
    let host = -2;
    expect(() => {
      host = lb.chooseHost(undefined, trace);
    }).not.toThrow();
    expect(Number.isInteger(host) && host >= -1 && host < lb.hosts.hosts.length).toBe(true);
    const draws = rng.draws - before;
    const zone = zoneDraws(trace.zoneRoute);
    const own = draws - 1 - zone;
    const n = byPriority[trace.priority]?.length ?? 0;
    const rule = policyDraws(s.policy, n);
    const ownBound = 'max' in rule ? rule.max : Math.max(...rule.allowed);
    expect(draws).toBeLessThanOrEqual(1 + 2 + ownBound);
    expect(own).toBeGreaterThanOrEqual(0);
    if ('max' in rule) expect(own).toBeLessThanOrEqual(rule.max);
    else expect(rule.allowed).toContain(own);
    expect(runtimeRng.draws - runtimeBefore).toBeLessThanOrEqual(1);
    seen.picks++;
    seen.zoneDraws[zone]++;
    if (own > 0) seen.policyDraws++;
  }
}

const POLICIES: [string, Arbitrary<PolicySpec>, boolean][] = [
  ['round robin', roundRobinArb, false],
  ['least request', leastRequestArb, true],
  ['random', randomArb, false],
];

const SCOPES = [
  { name: 'at priority 0', focus: 0 as const, zoneAware: false },
  { name: 'at priority 1', focus: 1 as const, zoneAware: false },
  { name: 'at priority 0 with zone-aware routing', focus: 0 as const, zoneAware: true },
];

describe('a pick is total and draws a bounded number of random() values (INVARIANTS #30)', () => {
  for (const scope of SCOPES) {
    for (const [name, policy, drawsOwn] of POLICIES) {
      it(`${name} ${scope.name}`, () => {
        const seen: Seen = { picks: 0, zoneDraws: [0, 0, 0], policyDraws: 0 };
        fc.assert(
          fc.property(
            lbScenarioArb({ focus: scope.focus, policy, zoneAware: scope.zoneAware }),
            (s) => checkBoundedPicks(s, 30, seen),
          ),
          fcParams(scope.zoneAware ? 80 : 120),
        );
        expect(seen.picks).toBeGreaterThan(0);
        if (drawsOwn) expect(seen.policyDraws).toBeGreaterThan(0);
        if (scope.zoneAware) {
          expect(seen.zoneDraws[1]).toBeGreaterThan(0);
          expect(seen.zoneDraws[2]).toBeGreaterThan(0);
        }
      });
    }
  }

  it('least request with choice_count up to 2^32−1 samples at most MAX_CHOICE_COUNT hosts', () => {
    const huge = leastRequestArb.map((p) =>
      p.kind === 'LEAST_REQUEST'
        ? { ...p, selectionMethod: 'N_CHOICES' as const, choiceCount: MAX_U32 }
        : p,
    );
    const seen: Seen = { picks: 0, zoneDraws: [0, 0, 0], policyDraws: 0 };
    fc.assert(
      fc.property(lbScenarioArb({ focus: 0, policy: huge }), (s) => checkBoundedPicks(s, 3, seen)),
      fcParams(15),
    );
    expect(seen.policyDraws).toBeGreaterThan(0);
  });
});
