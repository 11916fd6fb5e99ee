/**
 * INVARIANTS #29: the same configuration, seed and sequence of events (picks, preconnect peeks,
 * host-selection retries, active-request changes, health updates) give a byte-identical pick
 * sequence for every policy; named streams of the seeded Rng are independent.
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LeastRequestLoadBalancer,
  PickTrace,
  createSeededRng,
  u64ToDecimal,
} from '../../src/index.js';
import type { HealthChange } from './arbitraries.js';
import { applyHealthChanges, fcParams, healthChangeArb } from './arbitraries.js';
import type { LbScenario, PolicySpec } from './scenarios.js';
import {
  buildScenario,
  lbScenarioArb,
  leastRequestArb,
  randomArb,
  roundRobinArb,
  scenarioPrioritySet,
} from './scenarios.js';

type Op =
  | { readonly kind: 'pick' }
  | { readonly kind: 'peek' }
  | { readonly kind: 'retry'; readonly retries: number }
  | { readonly kind: 'active'; readonly host: number; readonly count: number }
  | { readonly kind: 'update'; readonly change: HealthChange };

const opArb: Arbitrary<Op> = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ kind: 'pick' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'peek' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('retry' as const),
      retries: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('active' as const),
      host: fc.nat(),
      count: fc.integer({ min: 0, max: 5 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('update' as const), change: healthChangeArb }),
  },
);

interface Run {
  step(op: Op): void;
  readonly lines: string[];
}

/** A balancer for the scenario that logs everything observable, one line per event. */
function startRun(s: LbScenario): Run {
  const built = buildScenario(s);
  const { lb } = built;
  let cluster = s.cluster;
  const trace = new PickTrace();
  const lines: string[] = [];
  const record = (what: string, host: number): void => {
    lines.push(
      [
        what,
        host,
        u64ToDecimal(trace.hashHi, trace.hashLo),
        trace.priority,
        trace.degraded,
        trace.panic,
        trace.source,
        trace.locality,
        trace.zoneRoute,
        built.rng.draws,
        built.runtimeRng.draws,
      ].join(' '),
    );
  };
  const step = (op: Op): void => {
    trace.reset();
    switch (op.kind) {
      case 'pick':
        record('pick', lb.chooseHost(undefined, trace));
        break;
      case 'peek':
        record('peek', lb.peekAnotherHost(trace));
        break;
      case 'retry':
        record(
          'retry',
          lb.chooseHost(
            { hostSelectionRetryCount: op.retries, shouldSelectAnotherHost: (h) => h % 2 === 0 },
            trace,
          ),
        );
        break;
      case 'active':
        if (lb instanceof LeastRequestLoadBalancer && lb.hosts.hosts.length > 0) {
          lb.setActiveRequests(op.host % lb.hosts.hosts.length, op.count);
        }
        break;
      case 'update':
        cluster = applyHealthChanges(cluster, [op.change]);
        lb.update(scenarioPrioritySet(s, cluster));
        lines.push(`update ${built.rng.draws}`);
        break;
    }
  };
  return { step, lines };
}

const POLICIES: [string, Arbitrary<PolicySpec>][] = [
  ['round robin', roundRobinArb],
  ['least request', leastRequestArb],
  ['random', randomArb],
];

describe('same seed, same events, same picks (INVARIANTS #29)', () => {
  for (const focus of [0, 1] as const) {
    for (const [name, policy] of POLICIES) {
      it(`${name} at priority ${focus}`, () => {
        let hosts = 0;
        fc.assert(
          fc.property(
            lbScenarioArb({ focus, policy }),
            fc.array(opArb, { minLength: 1, maxLength: 60 }),
            (s, ops) => {
              // Two balancers stepped in lockstep (no shared state between instances), then a
              // third alone afterwards.
              const a = startRun(s);
              const b = startRun(s);
              for (const op of ops) {
                a.step(op);
                b.step(op);
              }
              const c = startRun(s);
              for (const op of ops) c.step(op);
              const first = a.lines.join('\n');
              expect(b.lines.join('\n')).toBe(first);
              expect(c.lines.join('\n')).toBe(first);
              hosts += a.lines.filter((l) => /^(pick|retry) [0-9]/.test(l)).length;
            },
          ),
          fcParams(60),
        );
        expect(hosts).toBeGreaterThan(0);
      });
    }
  }
});

describe('seeded Rng streams', () => {
  const draws = (seed: number, stream: string): string[] => {
    const rng = createSeededRng(seed, stream);
    return Array.from({ length: 4 }, () => {
      rng.next();
      return u64ToDecimal(rng.hi, rng.lo);
    });
  };

  it('a seed and stream name always give the same draws; different names differ', () => {
    fc.assert(
      fc.property(
        fc.maxSafeNat(),
        fc.string({ maxLength: 12 }),
        fc.string({ maxLength: 12 }),
        (seed, a, b) => {
          fc.pre(a !== b);
          expect(draws(seed, a)).toEqual(draws(seed, a));
          expect(draws(seed, a)).not.toEqual(draws(seed, b));
        },
      ),
      fcParams(500),
    );
  });
});
