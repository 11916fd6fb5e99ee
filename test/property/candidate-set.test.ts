/**
 * INVARIANTS #5 (candidate-set rule), #3 and #22: outside panic a pick returns a healthy host of
 * the chosen priority (a degraded one when the pick landed in degraded load); in panic any host
 * of that priority, unhealthy, ejected and excluded ones included; with fail_traffic_on_panic
 * none. Eligibility is recomputed from the hosts' EDS status and flags, the chosen priority and
 * panic from the BigInt model, for round robin, least request and random, with and without
 * locality-weighted and zone-aware routing, before and after a health update. An untraced twin
 * balancer must make the same picks with the same draws (tracing never changes a pick).
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import type { ReferenceLoad } from './reference.js';
import { describe, expect, it } from 'vitest';
import { PickTrace, ZoneRoute } from '../../src/index.js';
import type { ClusterSpec } from './arbitraries.js';
import { applyHealthChanges, fcParams, healthChangeArb } from './arbitraries.js';
import {
  eligible,
  hostsByPriority,
  localClusterInPanic,
  localityOrder,
  referenceChoosePriority,
  referencePriorityLoad,
} from './reference.js';
import type { BuiltScenario, LbScenario, PolicySpec } from './scenarios.js';
import {
  buildScenario,
  lbScenarioArb,
  leastRequestArb,
  randomArb,
  roundRobinArb,
  scenarioPrioritySet,
} from './scenarios.js';

const POLICIES: [string, Arbitrary<PolicySpec>][] = [
  ['round robin', roundRobinArb],
  ['least request', leastRequestArb],
  ['random', randomArb],
];

/** Routes on which zone-aware routing chose the locality. */
const ZONE_ROUTED: number[] = [
  ZoneRoute.AllDirectly,
  ZoneRoute.Sampled,
  ZoneRoute.CrossZone,
  ZoneRoute.NoCapacityLeft,
];

interface Seen {
  onFocus: number;
  panic: number;
  failedOnPanic: number;
  degraded: number;
  locality: number;
  zoneRouted: number;
}

/**
 * Picks on a traced balancer, checked against the model, and on an identical untraced one (which
 * may take a faster path), which must return the same hosts with the same draws.
 */
function checkPicks(
  s: LbScenario,
  cluster: ClusterSpec,
  built: BuiltScenario,
  untraced: BuiltScenario,
  focus: number,
  seen: Seen,
  previous?: ReferenceLoad,
): ReferenceLoad {
  const ref = referencePriorityLoad(cluster, s.panicThreshold, previous);
  const byPriority = hostsByPriority(cluster);
  const trace = new PickTrace();
  for (let i = 0; i < 20; i++) {
    trace.reset();
    const host = built.lb.chooseHost(undefined, trace);
    expect(untraced.lb.chooseHost()).toBe(host);
    expect(untraced.rng.draws).toBe(built.rng.draws);
    const chosen = referenceChoosePriority(ref, trace.hashHi, trace.hashLo);
    const p = chosen.priority;
    expect(trace.priorityDraw).toBe(chosen.draw);
    expect({ priority: trace.priority, degraded: trace.degraded, panic: trace.panic }).toEqual({
      priority: p,
      degraded: chosen.degraded,
      panic: ref.panic[p],
    });
    const members = byPriority[p] ?? [];
    if (ref.panic[p] && s.failTrafficOnPanic) {
      expect(host).toBe(-1);
      seen.failedOnPanic++;
      continue;
    }
    let candidates = ref.panic[p] ? members : members.filter((h) => eligible(h, chosen.degraded));
    if (trace.locality >= 0) {
      const zone = localityOrder(cluster, p, s.zoneAware?.localZone)[trace.locality];
      candidates = candidates.filter((h) => h.zone === zone);
    }
    if (host < 0) {
      const localPanicFail = s.failTrafficOnPanic && p === 0 && localClusterInPanic(s);
      expect(candidates.length === 0 || localPanicFail).toBe(true);
      continue;
    }
    expect(host).toBeLessThan(built.lb.hosts.hosts.length);
    expect(candidates.map((h) => h.address)).toContain(built.lb.hosts.hosts[host].address);
    if (p === focus) seen.onFocus++;
    if (trace.panic) seen.panic++;
    if (trace.degraded) seen.degraded++;
    if (trace.locality >= 0) seen.locality++;
    if (ZONE_ROUTED.includes(trace.zoneRoute)) seen.zoneRouted++;
  }
  return ref;
}

const SCOPES = [
  { name: 'at priority 0', focus: 0 as const, zoneAware: false },
  { name: 'at priority 1', focus: 1 as const, zoneAware: false },
  { name: 'at priority 0 with zone-aware routing', focus: 0 as const, zoneAware: true },
];

describe('picks come only from eligible hosts of the chosen priority (INVARIANTS #5)', () => {
  for (const scope of SCOPES) {
    for (const [name, policy] of POLICIES) {
      it(`${name} ${scope.name}`, () => {
        const seen: Seen = {
          onFocus: 0,
          panic: 0,
          failedOnPanic: 0,
          degraded: 0,
          locality: 0,
          zoneRouted: 0,
        };
        fc.assert(
          fc.property(
            lbScenarioArb({ focus: scope.focus, policy, zoneAware: scope.zoneAware }),
            fc.array(healthChangeArb, { maxLength: 4 }),
            (s, changes) => {
              const built = buildScenario(s);
              const untraced = buildScenario(s);
              const before = checkPicks(s, s.cluster, built, untraced, scope.focus, seen);
              const updated = applyHealthChanges(s.cluster, changes);
              built.lb.update(scenarioPrioritySet(s, updated));
              untraced.lb.update(scenarioPrioritySet(s, updated));
              checkPicks(s, updated, built, untraced, scope.focus, seen, before);
            },
          ),
          fcParams(scope.zoneAware ? 80 : 120),
        );
        expect(seen.onFocus).toBeGreaterThan(0);
        expect(seen.panic).toBeGreaterThan(0);
        expect(seen.failedOnPanic).toBeGreaterThan(0);
        expect(seen.degraded).toBeGreaterThan(0);
        expect(seen.locality).toBeGreaterThan(0);
        if (scope.zoneAware) expect(seen.zoneRouted).toBeGreaterThan(0);
      });
    }
  }
});
