import { describe, expect, it } from 'vitest';
import {
  MaglevLoadBalancer,
  PickTrace,
  RingHashLoadBalancer,
  ScriptedRng,
  SourceType,
  commonLbConfig,
  createLoadBalancer,
  maglevConfig,
  ringHashConfig,
  u64Halves,
} from '../../src/index.js';
import { prioritySet } from './helpers.js';

const hash = (v: string | number): { hi: number; lo: number } => {
  const [hi, lo] = u64Halves(v);
  return { hi, lo };
};

describe('consistent hashing balancers', () => {
  it('choose the priority with the request hash and look the same hash up in its table', () => {
    const ps = prioritySet([
      [
        [1, 'HEALTHY'],
        [1, 'UNHEALTHY'],
      ],
      [[1, 'HEALTHY']],
    ]);
    const lb = createLoadBalancer(ps, commonLbConfig(), ringHashConfig({ minimumRingSize: 12 }), {
      rng: new ScriptedRng(),
    });
    expect(Array.from(lb.priorityLoad.healthyLoad)).toEqual([70, 30]);
    const trace = new PickTrace();
    expect(lb.chooseHost({ hash: hash(69) }, trace)).toBe(0);
    expect(trace).toMatchObject({ priorityDraw: 70, priority: 0, panic: false });
    expect(lb.chooseHost({ hash: hash(70) }, trace)).toBe(2);
    expect(trace.priority).toBe(1);
  });

  it('build tables from all hosts in panic and from healthy hosts only otherwise (never degraded)', () => {
    const ps = prioritySet([
      [
        [1, 'HEALTHY'],
        [1, 'DEGRADED'],
        [1, 'UNHEALTHY'],
      ],
    ]);
    const lb = new MaglevLoadBalancer(ps, commonLbConfig(), maglevConfig({ tableSize: 17 }), {
      rng: new ScriptedRng(),
    });
    expect(new Set(lb.tables[0].table)).toEqual(new Set([0]));
    const trace = new PickTrace();
    lb.chooseHost({ hash: hash(99) }, trace);
    expect(trace.degraded).toBe(true);
    expect(trace.host).toBe(0);
    lb.update(
      prioritySet([
        [
          [1, 'UNHEALTHY'],
          [1, 'UNHEALTHY'],
          [1, 'HEALTHY'],
        ],
      ]),
    );
    expect(lb.priorityLoad.panic).toEqual([true]);
    expect(new Set(lb.tables[0].table)).toEqual(new Set([0, 1, 2]));
    lb.chooseHost({ hash: hash(5) }, trace);
    expect(trace.source).toBe(SourceType.AllHosts);
  });

  it('use one random() as the hash when the request has none', () => {
    const ps = prioritySet([
      [
        [1, 'HEALTHY'],
        [1, 'HEALTHY'],
      ],
    ]);
    const rng = new ScriptedRng(0, ['16117243373044804880']);
    const lb = createLoadBalancer(ps, commonLbConfig(), ringHashConfig(), { rng });
    const trace = new PickTrace();
    lb.chooseHost(undefined, trace);
    expect(rng.draws).toBe(1);
    expect([trace.hashHi, trace.hashLo]).toEqual(u64Halves('16117243373044804880'));
  });

  it('retry with attempt 1, 2, … and return the last candidate when all are rejected', () => {
    const ps = prioritySet([
      [
        [1, 'HEALTHY'],
        [1, 'HEALTHY'],
        [1, 'HEALTHY'],
      ],
    ]);
    const lb = new RingHashLoadBalancer(
      ps,
      commonLbConfig(),
      ringHashConfig({ minimumRingSize: 3 }),
      {
        rng: new ScriptedRng(),
      },
    );
    const ring = lb.tables[0];
    const tried: number[] = [];
    const host = lb.chooseHost({
      hash: hash(0),
      hostSelectionRetryCount: 2,
      shouldSelectAnotherHost: (h) => (tried.push(h), true),
    });
    expect(tried).toEqual([ring.hosts[0], ring.hosts[1], ring.hosts[2]]);
    expect(host).toBe(ring.hosts[2]);
  });

  it('reject a bad ring size range and a non-prime Maglev table with Envoy’s reasons', () => {
    const ps = prioritySet([[[1, 'HEALTHY']]]);
    const rng = new ScriptedRng();
    expect(
      () =>
        new RingHashLoadBalancer(
          ps,
          commonLbConfig(),
          ringHashConfig({ minimumRingSize: 20, maximumRingSize: 10 }),
          { rng },
        ),
    ).toThrow('ring hash: minimum_ring_size (20) > maximum_ring_size (10)');
    expect(
      () => new MaglevLoadBalancer(ps, commonLbConfig(), maglevConfig({ tableSize: 100 }), { rng }),
    ).toThrow('The table size of maglev must be prime number');
  });

  it('reject hash_balance_factor below 100 and oversized Maglev tables as Envoy’s validation does', () => {
    const ps = prioritySet([[[1, 'HEALTHY']]]);
    const rng = new ScriptedRng();
    expect(
      () =>
        new MaglevLoadBalancer(ps, commonLbConfig(), maglevConfig({ hashBalanceFactor: 50 }), {
          rng,
        }),
    ).toThrow('hash_balance_factor: value must be greater than or equal to 100');
    expect(
      () =>
        new MaglevLoadBalancer(ps, commonLbConfig(), maglevConfig({ tableSize: 5000017 }), { rng }),
    ).toThrow('table_size: value must be less than or equal to 5000011');
  });

  it('warn when hosts outnumber a Maglev table', () => {
    const ps = prioritySet([
      Array.from({ length: 9 }, () => [1, 'HEALTHY'] as [number, 'HEALTHY']),
    ]);
    const lb = new MaglevLoadBalancer(ps, commonLbConfig(), maglevConfig({ tableSize: 7 }), {
      rng: new ScriptedRng(),
    });
    expect(lb.warnings).toEqual([
      'priority 0: 9 hosts outnumber the 7-entry Maglev table: some hosts get no traffic',
    ]);
    lb.update(ps);
    expect(lb.warnings).toHaveLength(1);
    expect(lb.tables[0].stats.minEntriesPerHost).toBe(0);
  });

  it('move requests off an overloaded host with bounded load, probing in mt19937 order', () => {
    const ps = prioritySet([
      Array.from({ length: 5 }, () => [1, 'HEALTHY'] as [number, 'HEALTHY']),
    ]);
    const lb = new MaglevLoadBalancer(
      ps,
      commonLbConfig(),
      maglevConfig({ tableSize: 17, hashBalanceFactor: 150 }),
      {
        rng: new ScriptedRng(),
      },
    );
    const h = hash(2);
    const primary = lb.tables[0].chooseHost(h.hi, h.lo, 0);
    expect(lb.chooseHost({ hash: h })).toBe(primary);
    lb.setActiveRequests(primary, 5);
    expect(lb.clusterActiveRequests).toBe(5);
    // total slots ((5 + 1) × 150 + 99) / 100 = 9, per host ceil(9 × 0.2) = 2: 5 > 2 → overloaded.
    const moved = lb.chooseHost({ hash: h });
    expect(moved).not.toBe(primary);
    expect(moved).toBe([2, 1, 0, 4, 3].find((i) => lb.normalizedWeights[0].hosts[i] !== primary));
  });
});
