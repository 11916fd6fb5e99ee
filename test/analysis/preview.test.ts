/**
 * `preview`, `explain`, `diff`, what-if changes and `prioritySpill` on small clusters whose
 * answers are known exactly: Envoy's zone-aware worked example, the P2C closed form, the
 * random policy's correlation between the priority draw and `hash % n` (checked exhaustively over
 * every residue with scripted draws), hashing ownership and key movement, and the errors a caller
 * gets for names that do not exist.
 */
import { describe, expect, it } from 'vitest';
import {
  ScriptedRng,
  buildPrioritySet,
  commonLbConfig,
  createCluster,
  createLoadBalancer,
  diff,
  explain,
  formatPreview,
  leastRequestConfig,
  maglevConfig,
  preview,
  prioritySpill,
  randomConfig,
  ringHashConfig,
  roundRobinConfig,
  sample,
} from '../../src/index.js';
import type { ClusterModel, LbPolicyConfig } from '../../src/index.js';

function hosts(prefix: string, n: number, extra: object = {}): { address: string }[] {
  return Array.from({ length: n }, (_, i) => ({ address: `${prefix}.${i + 1}:80`, ...extra }));
}

function twoPriorities(policy: LbPolicyConfig, p0Healthy: number, p0Total: number): ClusterModel {
  return createCluster({
    name: 'c',
    lbPolicy: policy,
    endpoints: [
      {
        priority: 0,
        hosts: [
          ...hosts('10.0.0', p0Healthy),
          ...hosts('10.0.9', p0Total - p0Healthy, { healthStatus: 'UNHEALTHY' }),
        ],
      },
      { priority: 1, hosts: hosts('10.1.0', 4) },
    ],
  });
}

const share = (p: ReturnType<typeof preview>, address: string): number =>
  p.hosts.find((h) => h.address === address)!.share;

describe('preview', () => {
  it('splits by priority load, then evenly among healthy hosts (round robin)', () => {
    const p = preview(twoPriorities(roundRobinConfig(), 1, 2));
    expect(p.priorities.map((x) => [x.health, x.healthyLoad, x.panic])).toEqual([
      [70, 70, false],
      [100, 30, false],
    ]);
    expect(share(p, '10.0.0.1:80')).toBeCloseTo(0.7, 15);
    expect(share(p, '10.1.0.1:80')).toBeCloseTo(0.075, 15);
    expect(share(p, '10.0.9.1:80')).toBe(0);
    expect(p.noHostShare).toBe(0);
    expect(p.priorities.map((x) => x.share)).toEqual([0.7, 0.3].map((x) => expect.closeTo(x, 15)));
  });

  it('follows weights exactly under weighted round robin', () => {
    const cluster = createCluster({
      name: 'w',
      endpoints: [
        {
          hosts: [
            { address: 'a:1', weight: 1 },
            { address: 'b:1', weight: 3 },
          ],
        },
      ],
    });
    const p = preview(cluster);
    expect(p.hosts.map((h) => h.share)).toEqual([0.25, 0.75]);
  });

  it('is exactly (((n−L)/n)^k − ((n−L−E)/n)^k)/E for P2C (active [0, 1, 1] → 5/9, 2/9, 2/9)', () => {
    const cluster = createCluster({
      name: 'lr',
      lbPolicy: leastRequestConfig(),
      endpoints: [{ hosts: hosts('10.0.0', 3) }],
    });
    const p = preview(cluster, { activeRequests: { '10.0.0.2:80': 1, '10.0.0.3:80': 1 } });
    expect(p.hosts.map((h) => h.share * 9)).toEqual([5, 2, 2].map((x) => expect.closeTo(x, 12)));
    expect(p.notes).toContain(
      'least request: active request counts held fixed while requests arrive',
    );
  });

  it('makes random hash % n follow the priority draw, exactly as Envoy (checked over every residue)', () => {
    // P0: 1 of 4 healthy → health 35; P1 (4 hosts) takes x = 36..100, i.e. hash % 100 in 35..99.
    const cluster = twoPriorities(randomConfig(), 1, 4);
    const p = preview(cluster);
    const p1 = p.hosts.filter((h) => h.priority === 1).map((h) => h.share * 100);
    // Residues 35..99 of 100 modulo 4: 16, 16, 16 and 17 (residue 3: 35, 39, …, 99).
    expect(p1).toEqual([16, 16, 16, 17].map((x) => expect.closeTo(x, 12)));
    const draws = Array.from({ length: 100 }, (_, i) => i);
    const lb = createLoadBalancer(
      buildPrioritySet(cluster),
      cluster.commonLbConfig,
      randomConfig(),
      {
        rng: new ScriptedRng(0, draws),
      },
    );
    const counts = new Map<string, number>();
    for (let i = 0; i < 100; i++) {
      const a = lb.hosts.hosts[lb.chooseHost()].address;
      counts.set(a, (counts.get(a) ?? 0) + 1);
    }
    for (const h of p.hosts) expect(counts.get(h.address) ?? 0).toBeCloseTo(h.share * 100, 9);
  });

  it("reproduces Envoy's ZoneAwareRoutingSmallZone split: 60 % local, 20 % to each other zone", () => {
    const zone = (z: string, n: number) => ({
      locality: { region: 'r', zone: z },
      hosts: hosts(`10.${z.charCodeAt(0)}.0`, n),
    });
    const upstream = createCluster({
      name: 'up',
      commonLbConfig: commonLbConfig({ zoneAware: { minClusterSize: 0 } }),
      endpoints: [zone('A', 1), zone('B', 2), zone('C', 2)],
    });
    const local = createCluster({
      name: 'local',
      endpoints: [zone('A', 1), zone('B', 1), zone('C', 1)],
    });
    const p = preview(upstream, {
      localCluster: local,
      localLocality: { region: 'r', zone: 'A', subZone: '' },
    });
    expect(p.zoneRouting).toMatchObject({
      mode: 'locality_residual',
      localPercentToRoute: 6000,
      residualCapacity: [0, 667, 1334],
      enabledShare: 1,
      localClusterInPanic: false,
    });
    expect(p.localities.map((l) => l.share)).toEqual(
      [0.6, 0.2, 0.2].map((x) => expect.closeTo(x, 12)),
    );
    // A partial locality (no sub_zone) names the same locality.
    const partial = preview(upstream, {
      localCluster: local,
      localLocality: { region: 'r', zone: 'A' },
    });
    expect(partial.zoneRouting.mode).toBe('locality_residual');
    expect(formatPreview(partial)).toContain(
      'zone-aware routing (locality_residual) on 100.00 % of P0 requests: 60.00 % stay local, the rest go by residual capacity',
    );
  });

  it('reports panic, fail_traffic_on_panic as no host, and the share of an empty priority', () => {
    const cluster = createCluster({
      name: 'p',
      commonLbConfig: commonLbConfig({ zoneAware: { failTrafficOnPanic: true } }),
      endpoints: [
        { hosts: [...hosts('10.0.0', 1), ...hosts('10.0.9', 3, { healthStatus: 'UNHEALTHY' })] },
      ],
    });
    const p = preview(cluster);
    expect(p.priorities[0]).toMatchObject({ panic: true, share: 0, noHostShare: 1 });
    expect(p.noHostShare).toBe(1);
    const open = preview({ ...cluster, commonLbConfig: commonLbConfig() });
    expect(open.hosts.map((h) => h.share)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('gives each hashing host its normalized table weight, locality weights included', () => {
    const cluster = createCluster({
      name: 'lw',
      lbPolicy: ringHashConfig({ minimumRingSize: 1024 }),
      commonLbConfig: commonLbConfig({ localityWeightedLb: true }),
      endpoints: [
        { locality: { zone: 'a' }, loadBalancingWeight: 3, hosts: [{ address: 'a:1' }] },
        {
          locality: { zone: 'b' },
          loadBalancingWeight: 1,
          hosts: [{ address: 'b:1' }, { address: 'b:2' }],
        },
      ],
    });
    expect(preview(cluster).hosts.map((h) => h.tableWeight)).toEqual([0.75, 0.125, 0.125]);
  });

  it('gives consistent-hashing key-space ownership, per priority and overall', () => {
    const cluster = createCluster({
      name: 'm',
      lbPolicy: maglevConfig({ tableSize: 65537 }),
      endpoints: [
        {
          hosts: [
            { address: 'a:1', weight: 1 },
            { address: 'b:1', weight: 2 },
          ],
        },
      ],
    });
    const p = preview(cluster);
    expect(p.hosts.map((h) => h.ownership! * 65537)).toEqual([21846, 43691]);
    expect(p.hosts.map((h) => h.share)).toEqual(p.hosts.map((h) => h.ownership));
    expect(p.tables).toEqual([
      { priority: 0, kind: 'maglev', size: 65537, minPerHost: 21846, maxPerHost: 43691 },
    ]);
  });
});

describe('consistent hashing corner cases, against the pick path', () => {
  const within = (count: number, share: number, n: number): boolean =>
    Math.abs(count - n * share) <= 5 * Math.sqrt(n * share * (1 - share)) + 2;

  it('counts Maglev slots per priority range when the table size (5) divides 100', () => {
    const cluster = createCluster({
      name: 'm5',
      lbPolicy: maglevConfig({ tableSize: 5 }),
      endpoints: [
        // P0 health ⌊140 × 2/3⌋ = 93: P1 takes x = 94…100, residues 3 and 4 twice, the others once.
        {
          priority: 0,
          hosts: [...hosts('10.0.0', 2), ...hosts('10.0.9', 1, { healthStatus: 'UNHEALTHY' })],
        },
        { priority: 1, hosts: hosts('10.1.0', 3) },
      ],
    });
    const p = preview(cluster);
    const s = sample(cluster, { requests: 200_000, seed: 3 });
    s.hosts.forEach((h, i) => expect(within(h.count, p.hosts[i].share, 200_000)).toBe(true));
    // Table ownership alone would give 7 % × (2, 2, 1)/5; the residues give 4 %, 2 % and 1 %.
    const p1 = p.hosts.filter((h) => h.priority === 1).map((h) => h.share);
    expect(p1).toEqual([0.04, 0.02, 0.01].map((x) => expect.closeTo(x, 12)));
  });

  it('moves an overloaded host’s hashes to the hosts that are not (bounded load with requests in flight)', () => {
    const cluster = createCluster({
      name: 'bounded',
      lbPolicy: ringHashConfig({ minimumRingSize: 1024, hashBalanceFactor: 150 }),
      endpoints: [{ hosts: hosts('10.0.0', 3) }],
    });
    const options = { activeRequests: { '10.0.0.3:80': 9 } };
    const p = preview(cluster, options);
    expect(p.hosts[2].share).toBe(0);
    expect(p.hosts[0].share + p.hosts[1].share).toBeCloseTo(1, 12);
    expect(p.notes.join(' ')).toContain('9 requests in flight');
    const s = sample(cluster, { ...options, requests: 200_000, seed: 4 });
    s.hosts.forEach((h, i) => expect(within(h.count, p.hosts[i].share, 200_000)).toBe(true));
  });
});

describe('diff', () => {
  it('lists losers and gainers and explains the health score that moved the load', () => {
    const cluster = twoPriorities(roundRobinConfig(), 2, 2);
    const before = preview(cluster);
    const after = preview(cluster, { whatIf: { unhealthy: ['10.0.0.2:80'] } });
    const d = diff(before, after);
    expect(d.losers.map((c) => c.address)).toEqual(['10.0.0.2:80']);
    expect(d.gainers.map((c) => c.address)).toEqual([
      '10.0.0.1:80',
      '10.1.0.1:80',
      '10.1.0.2:80',
      '10.1.0.3:80',
      '10.1.0.4:80',
    ]);
    expect(d.keysMoved).toBeNull();
    expect(d.summary).toContain('P0: health 70 = min(100, 140 % × 1 healthy / 2 hosts)');
    expect(d.summary).toContain('P0 load 100 % → 70 %');
  });

  it('measures hash keys moved when a ring host fails: its own keys, plus those the rebuilt ring reshuffles', () => {
    const ring = (unhealthy: boolean) =>
      createCluster({
        name: 'r',
        lbPolicy: ringHashConfig({ minimumRingSize: 1024 }),
        endpoints: [
          {
            hosts: [
              { address: 'a:1' },
              { address: 'b:1' },
              { address: 'c:1', healthStatus: unhealthy ? 'UNHEALTHY' : 'HEALTHY' },
            ],
          },
        ],
      });
    const before = preview(ring(false));
    const d = diff(before, preview(ring(true)));
    const owned = before.hosts[2].share;
    // The optimum moves only c's keys; the ring moves more, because two hosts get more points each.
    expect(d.keysMovedOptimal).toBeCloseTo(owned, 12);
    expect(d.keysMoved).toBeGreaterThan(owned);
    expect(d.keysMoved).toBeLessThan(1);
    expect(d.summary.at(-1)).toMatch(
      /^hash keys moved: \d+\.\d\d % \(the least possible: 33\.\d\d %\)$/,
    );
  });
});

describe('what-if', () => {
  const cluster = twoPriorities(roundRobinConfig(), 2, 2);
  it('marks hosts, fails localities and priorities, and changes weights', () => {
    expect(preview(cluster, { whatIf: { failPriorities: [0] } }).priorities[1].healthyLoad).toBe(
      100,
    );
    expect(preview(cluster, { whatIf: { ejected: ['10.0.0.1:80'] } }).hosts[0]).toMatchObject({
      health: 'unhealthy',
      share: 0,
    });
    const w = preview(cluster, { whatIf: { weights: { '10.0.0.1:80': 3 } } });
    expect(w.hosts.slice(0, 2).map((h) => h.share)).toEqual([0.75, 0.25]);
    expect(preview(cluster, { whatIf: { draining: ['10.0.0.1:80'] } }).hosts[0].excluded).toBe(
      true,
    );
  });
  it('rejects names that match nothing, so a typo never previews the unchanged cluster', () => {
    expect(() => preview(cluster, { whatIf: { unhealthy: ['10.0.0.7:80'] } })).toThrow(
      'unhealthy: no host 10.0.0.7:80 in the cluster',
    );
    expect(() => preview(cluster, { whatIf: { failPriorities: [5] } })).toThrow(
      'no host at priority 5',
    );
    expect(() => preview(cluster, { whatIf: { weights: { '10.0.0.1:80': 0 } } })).toThrow(
      '[1, 2^32)',
    );
    expect(() => preview(cluster, { activeRequests: { 'x:1': 1 } })).toThrow('no host x:1');
  });
});

describe('explain and sample', () => {
  const cluster = twoPriorities(roundRobinConfig(), 1, 2);
  it('explains the n-th seeded pick exactly as sample makes it', () => {
    const e = explain(cluster, { seed: 5, pick: 3 });
    expect(e.steps.map((s) => s.step)).toEqual(['hash', 'priority', 'source', 'host']);
    expect(e.priority).toBe(e.priorityDraw <= 70 ? 0 : 1);
    const s = sample(cluster, { requests: 4, seed: 5 });
    expect(s.hosts.find((h) => h.address === e.host)!.count).toBeGreaterThan(0);
    expect(sample(cluster, { requests: 1000, seed: 9 })).toEqual(
      sample(cluster, { requests: 1000, seed: 9 }),
    );
  });
  it('says when fail_traffic_on_panic fails the request, and refuses a hash for a policy that draws', () => {
    const failing = createCluster({
      name: 'f',
      commonLbConfig: commonLbConfig({ zoneAware: { failTrafficOnPanic: true } }),
      endpoints: [{ hosts: hosts('10.0.0', 2, { healthStatus: 'UNHEALTHY' }) }],
    });
    const e = explain(failing);
    expect(e.steps.find((s) => s.step === 'panic')?.detail).toBe(
      'P0 is in panic and fail_traffic_on_panic is set: the request fails',
    );
    expect(e.host).toBeNull();
    expect(() => explain(cluster, { hash: '12345' })).toThrow(
      'hash: ROUND_ROBIN does not hash requests',
    );
    const ring = { ...cluster, lbPolicy: ringHashConfig() };
    expect(() => explain(ring, { hash: '1', pick: 2 })).toThrow('every pick is the same');
    expect(() => sample(cluster, { requests: 2e9 })).toThrow('from 0 to 1000000000');
  });

  it('rejects a malformed hash and a bad request count', () => {
    const ring = { ...cluster, lbPolicy: ringHashConfig() };
    expect(() => explain(ring, { hash: '-1' })).toThrow('not an unsigned 64-bit integer');
    expect(() => explain(ring, { hash: '18446744073709551616' })).toThrow(
      'not an unsigned 64-bit integer',
    );
    expect(explain(ring, { hash: '0xffffffffffffffff' }).hash).toBe('18446744073709551615');
    expect(() => sample(cluster, { requests: -1 })).toThrow('requests: -1');
  });
});

describe('prioritySpill', () => {
  it('counts only hosts that are available and not excluded', () => {
    const cluster = createCluster({
      name: 'x',
      endpoints: [
        {
          hosts: [
            { address: 'a:1' },
            { address: 'b:1', flags: { pendingActiveHealthCheck: true } },
          ],
        },
      ],
    });
    expect(prioritySpill(cluster).map((s) => s.availablePercent)).toEqual([100, 0]);
  });

  it('sweeps priority 0 from all hosts up to none', () => {
    const steps = prioritySpill(twoPriorities(roundRobinConfig(), 4, 4));
    expect(steps.map((s) => [s.available, s.preview.priorities[0].healthyLoad])).toEqual([
      [4, 100],
      [3, 100],
      [2, 70],
      [1, 35],
      [0, 0],
    ]);
  });
});
