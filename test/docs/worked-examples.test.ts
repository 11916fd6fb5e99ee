/**
 * The worked examples of docs/*.md, recomputed through the public API. Every number a page states
 * is asserted here; when the library changes one of them, the page must change with it.
 */
import { describe, expect, it } from 'vitest';
import {
  EdfScheduler,
  LeastRequestLoadBalancer,
  MAX_CHOICE_COUNT,
  MAX_PRE_PICKS,
  PickTrace,
  RUNTIME_BIAS_FORCES_WEIGHTED,
  ScriptedRng,
  ZoneRoute,
  buildPrioritySet,
  choosePriority,
  commonLbConfig,
  computePriorityLoad,
  createCluster,
  createLoadBalancer,
  createSeededRng,
  healthyPercent,
  leastRequestConfig,
  locality,
  randomConfig,
  ringHashConfig,
  roundRobinConfig,
  slowStartConfig,
  slowStartFactor,
} from '../../src/index.js';
import type {
  ClusterInit,
  HealthStatus,
  LeastRequestConfig,
  PrioritySet,
  RandomConfig,
  RoundRobinConfig,
  RuntimeValues,
} from '../../src/index.js';
import { SUPPORTED_AREAS } from '../../src/testing/index.js';

/** `count` hosts named `${prefix}${i}`: the first `healthy` healthy, the next `degraded` degraded. */
function hosts(prefix: string, count: number, healthy: number, degraded = 0) {
  return Array.from({ length: count }, (_, i) => ({
    address: `${prefix}${i}`,
    healthStatus: (i < healthy
      ? 'HEALTHY'
      : i < healthy + degraded
        ? 'DEGRADED'
        : 'UNHEALTHY') as HealthStatus,
  }));
}

/** The policies on Envoy's zone-aware base, the ones these pages describe. */
type ZoneAwarePolicy = RoundRobinConfig | LeastRequestConfig | RandomConfig;

/** Anything that picks. */
interface Picker {
  chooseHost(): number;
}

function balancer(
  init: Omit<ClusterInit, 'lbPolicy'>,
  policy: ZoneAwarePolicy = roundRobinConfig(),
  rng = new ScriptedRng(),
) {
  const cluster = createCluster({ ...init, lbPolicy: policy });
  const prioritySet = buildPrioritySet(cluster);
  const lb = createLoadBalancer(prioritySet, cluster.commonLbConfig, policy, { rng });
  return { cluster, prioritySet, lb, rng };
}

/** Picks with the given scripted draws (one script per pick) and returns the host addresses. */
function picks(
  lb: Picker,
  rng: ScriptedRng,
  prioritySet: PrioritySet,
  scripts: readonly (readonly number[])[],
): (string | null)[] {
  return scripts.map((script) => {
    rng.script(script);
    const host = lb.chooseHost();
    return host < 0 ? null : prioritySet.hosts[host].address;
  });
}

function addresses(lb: Picker, prioritySet: PrioritySet, count: number): string[] {
  return Array.from({ length: count }, () => prioritySet.hosts[lb.chooseHost()].address);
}

function countAddresses(list: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of list) out[a] = (out[a] ?? 0) + 1;
  return out;
}

/** Healthy load and panic flags for priorities given as [hosts, healthy] pairs. */
function loadsFor(spec: readonly [number, number][], panicThreshold: number) {
  const cluster = createCluster({
    name: 'docs',
    endpoints: spec.map(([count, healthy], priority) => ({
      priority,
      hosts: hosts(`p${priority}-`, count, healthy),
    })),
  });
  const ps = buildPrioritySet(cluster);
  const load = computePriorityLoad(ps.hostSets, ps.hosts, panicThreshold);
  return { healthyLoad: [...load.healthyLoad], panic: [...load.panic], health: [...load.health] };
}

describe('docs worked examples', () => {
  it('architecture.md', () => {
    const { lb, rng, prioritySet } = balancer(
      {
        name: 'svc',
        endpoints: [{ hosts: [{ address: 'a' }, { address: 'b' }, { address: 'c' }] }],
      },
      randomConfig(),
      new ScriptedRng(0, [7, 8]),
    );
    expect(lb.peekAnotherHost()).toBe(1);
    expect(lb.chooseHost()).toBe(1);
    expect(lb.chooseHost()).toBe(2);
    expect(rng.draws).toBe(2);
    expect(prioritySet.hosts.map((h) => h.address)).toEqual(['a', 'b', 'c']);

    const lbStream = createSeededRng(7, 'lb');
    const runtimeStream = createSeededRng(7, 'runtime');
    for (let i = 0; i < 8; i++) {
      lbStream.next();
      runtimeStream.next();
      expect([lbStream.hi, lbStream.lo]).not.toEqual([runtimeStream.hi, runtimeStream.lo]);
    }

    expect(SUPPORTED_AREAS).toEqual(
      expect.arrayContaining([
        'priority_load',
        'edf',
        'edf_slow_start',
        'locality_wrr',
        'round_robin',
        'least_request',
        'random',
        'zone_aware',
      ]),
    );
  });

  it('priority-load.md', () => {
    const { cluster, lb } = balancer({
      name: 'api',
      endpoints: [
        { priority: 0, hosts: hosts('a', 14, 1, 2) },
        { priority: 1, hosts: hosts('b', 14, 2, 1) },
        { priority: 2, hosts: hosts('c', 14, 1, 0) },
      ],
      commonLbConfig: commonLbConfig({ healthyPanicThreshold: 0 }),
    });
    expect(cluster.overprovisioningFactor).toBe(140);
    expect(cluster.weightedPriorityHealth).toBe(false);
    const load = lb.priorityLoad;
    expect(load.health).toEqual([10, 20, 10]);
    expect(load.degraded).toEqual([20, 10, 0]);
    expect(load.normalizedTotalHealth).toBe(70);
    expect([...load.healthyLoad]).toEqual([16, 28, 14]);
    expect([...load.degradedLoad]).toEqual([28, 14, 0]);
    expect(load.panic).toEqual([false, false, false]);
    // The passes before the remainder: 14, 28, 14 (56 handed out), then 28, 14, 0 (2 left).
    expect(load.health.map((h) => Math.floor((h * 100) / 70))).toEqual([14, 28, 14]);
    expect(load.degraded.map((d) => Math.floor((d * 100) / 70))).toEqual([28, 14, 0]);
    expect(100 - 56 - 42).toBe(2);
    expect(choosePriority(0, 50, load.healthyLoad, load.degradedLoad)).toBe(2 * 2);
    expect(choosePriority(0, 60, load.healthyLoad, load.degradedLoad)).toBe(0 * 2 + 1);

    // At the default threshold of 50 the same hosts are all in panic: 21 %, 21 %, 7 %.
    const ps = buildPrioritySet(cluster);
    const at50 = computePriorityLoad(ps.hostSets, ps.hosts, 50);
    expect(at50.panic).toEqual([true, true, true]);
    expect([...at50.healthyLoad]).toEqual([34, 33, 33]);
    expect(
      ps.hostSets.map((hs) => Math.floor((100 * (hs.healthy.length + hs.degraded.length)) / 14)),
    ).toEqual([21, 21, 7]);

    // Edge cases.
    expect(
      loadsFor(
        [
          [100, 72],
          [1, 1],
        ],
        50,
      ).healthyLoad,
    ).toEqual([100, 0]);
    expect(
      loadsFor(
        [
          [100, 71],
          [1, 1],
        ],
        50,
      ).healthyLoad,
    ).toEqual([99, 1]);
    const excluded = createCluster({
      name: 'excluded',
      endpoints: [
        {
          hosts: [
            { address: 'h' },
            ...[1, 2, 3].map((i) => ({ address: `x${i}`, healthStatus: 'DRAINING' as const })),
          ],
        },
      ],
    });
    const exPs = buildPrioritySet(excluded);
    expect(computePriorityLoad(exPs.hostSets, exPs.hosts, 50).health).toEqual([100]);

    // Docs tables against the code.
    expect(
      loadsFor(
        [
          [4, 1],
          [4, 1],
          [5, 1],
        ],
        0,
      ).healthyLoad,
    ).toEqual([37, 35, 28]);
    expect(
      loadsFor(
        [
          [4, 1],
          [4, 1],
          [5, 1],
        ],
        0,
      ).health,
    ).toEqual([35, 35, 28]);
    expect(
      loadsFor(
        [
          [4, 2],
          [5, 3],
        ],
        50,
      ).healthyLoad,
    ).toEqual([70, 30]);
    expect(
      loadsFor(
        [
          [4, 1],
          [1, 1],
        ],
        50,
      ).healthyLoad,
    ).toEqual([35, 65]);
    const fiveSixtyFive = loadsFor(
      [
        [20, 1],
        [20, 13],
      ],
      50,
    );
    expect(fiveSixtyFive.healthyLoad).toEqual([8, 92]);
    expect(fiveSixtyFive.panic).toEqual([true, false]);
  });

  it('panic.md', () => {
    const panicCluster = (p0: number, p1: number, threshold = 50, failTrafficOnPanic = false) =>
      balancer({
        name: 'api',
        endpoints: [
          { priority: 0, hosts: hosts('p0-', 10, p0) },
          { priority: 1, hosts: hosts('p1-', 10, p1) },
        ],
        commonLbConfig: commonLbConfig({
          healthyPanicThreshold: threshold,
          zoneAware: { failTrafficOnPanic },
        }),
      });
    const defaults = commonLbConfig();
    expect(defaults.healthyPanicThreshold).toBe(50);
    expect(defaults.zoneAware.failTrafficOnPanic).toBe(false);

    // 1. Per-priority panic.
    const one = panicCluster(2, 5);
    expect(one.lb.priorityLoad.health).toEqual([28, 70]);
    expect(one.lb.priorityLoad.normalizedTotalHealth).toBe(98);
    expect([...one.lb.priorityLoad.healthyLoad]).toEqual([29, 71]);
    expect([Math.floor((28 * 100) / 98), Math.floor((70 * 100) / 98)]).toEqual([28, 71]);
    expect(one.lb.hosts.hostSets.map((hs) => healthyPercent(hs))).toEqual([20, 50]);
    expect(one.lb.priorityLoad.panic).toEqual([true, false]);
    expect(one.lb.priorityLoad.totalPanic).toBe(false);
    one.rng.script([0, 7, 28, 29]);
    expect(addresses(one.lb, one.prioritySet, 4)).toEqual(['p0-0', 'p0-1', 'p0-2', 'p1-0']);
    expect(one.prioritySet.hosts[2].healthStatus).toBe('UNHEALTHY');
    const failing = panicCluster(2, 5, 50, true);
    expect(picks(failing.lb, failing.rng, failing.prioritySet, [[0], [7], [28], [29]])).toEqual([
      null,
      null,
      null,
      'p1-0',
    ]);

    // 2. Total panic.
    const two = panicCluster(2, 4);
    expect(two.lb.priorityLoad.health).toEqual([28, 56]);
    expect(two.lb.priorityLoad.normalizedTotalHealth).toBe(84);
    expect(healthyPercent(two.lb.hosts.hostSets[1])).toBe(40);
    expect(two.lb.priorityLoad.panic).toEqual([true, true]);
    expect(two.lb.priorityLoad.totalPanic).toBe(true);
    expect([...two.lb.priorityLoad.healthyLoad]).toEqual([50, 50]);

    // 3. Threshold 0.
    const three = panicCluster(2, 4, 0);
    expect([Math.floor((28 * 100) / 84), Math.floor((56 * 100) / 84)]).toEqual([33, 66]);
    expect([...three.lb.priorityLoad.healthyLoad]).toEqual([34, 66]);
    expect(three.lb.priorityLoad.panic).toEqual([false, false]);

    // 4. Nothing healthy.
    const four50 = panicCluster(0, 0, 50);
    expect(four50.lb.priorityLoad.totalPanic).toBe(true);
    expect([...four50.lb.priorityLoad.healthyLoad]).toEqual([50, 50]);
    expect(picks(four50.lb, four50.rng, four50.prioritySet, [[0]])).toEqual(['p0-0']);
    const four0 = panicCluster(0, 0, 0);
    expect([...four0.lb.priorityLoad.healthyLoad]).toEqual([100, 0]);
    expect(four0.lb.priorityLoad.panic).toEqual([false, false]);
    expect(picks(four0.lb, four0.rng, four0.prioritySet, [[0], [50], [99]])).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('locality-weighting.md', () => {
    const expected: [number, number, [number, number]][] = [
      [5, 1, [33, 67]],
      [4, 1, [33, 67]],
      [3, 0.84, [29, 71]],
      [2, 0.56, [22, 78]],
      [1, 0.28, [12, 88]],
      [0, 0, [0, 100]],
    ];
    for (const [healthyInX, effective, split] of expected) {
      const zone = (name: string, weight: number, healthy: number) => ({
        locality: { region: 'eu', zone: name },
        loadBalancingWeight: weight,
        hosts: hosts(`${name}-`, 5, healthy),
      });
      const { lb } = balancer({
        name: 'api',
        endpoints: [zone('x', 1, healthyInX), zone('y', 2, 5)],
        commonLbConfig: commonLbConfig({ localityWeightedLb: true }),
      });
      const weights = lb.localityWeights(0);
      expect(weights).not.toBeNull();
      expect(weights![0]).toBeCloseTo(effective, 12);
      expect(weights![1]).toBe(2);
      const share = (100 * weights![0]) / (weights![0] + weights![1]);
      expect(Number(share.toFixed(1))).toBe(
        { 5: 33.3, 4: 33.3, 3: 29.6, 2: 21.9, 1: 12.3, 0: 0 }[healthyInX],
      );
      const trace = new PickTrace();
      const perLocality = [0, 0];
      const sequence: number[] = [];
      for (let i = 0; i < 100; i++) {
        lb.chooseHost(undefined, trace);
        perLocality[trace.locality]++;
        if (i < 6) sequence.push(trace.locality);
      }
      expect(perLocality).toEqual(split);
      if (healthyInX === 5) expect(sequence).toEqual([1, 0, 1, 1, 0, 1]);
      if (healthyInX === 2) expect(weights![0]).toBe(0.5599999999999999);
    }
    expect(1.4 * (4 / 5)).toBeCloseTo(1.12, 12);
    expect(commonLbConfig().localityWeightedLb).toBe(false);
  });

  it('zone-aware-routing.md', () => {
    const zone = (name: string, count: number, prefix: string) => ({
      locality: { region: 'eu', zone: name },
      hosts: Array.from({ length: count }, (_, i) => ({ address: `${prefix}-${name}${i}` })),
    });
    const here = locality({ region: 'eu', zone: 'a' });
    const upstream = createCluster({
      name: 'api',
      endpoints: [
        zone('a', 1, 'api'),
        zone('c', 3, 'api'),
        zone('d', 3, 'api'),
        zone('e', 1, 'api'),
      ],
    });
    const local = createCluster({
      name: 'edge',
      endpoints: [
        zone('a', 2, 'edge'),
        zone('b', 2, 'edge'),
        zone('c', 1, 'edge'),
        zone('d', 1, 'edge'),
      ],
    });
    const ups = buildPrioritySet(upstream, { localLocality: here });
    const localSet = buildPrioritySet(local, { localLocality: here });
    const rng = new ScriptedRng();
    const lb = createLoadBalancer(ups, upstream.commonLbConfig, roundRobinConfig(), {
      rng,
      localPrioritySet: localSet,
    });
    const state = lb.zoneRouting;
    expect(state.mode).toBe('locality_residual');
    expect(state.failedPreconditions).toEqual([]);
    expect(state.upstreamPercent).toEqual([1250, 3750, 3750, 1250]);
    expect(state.localPercent).toEqual([3333, 1666, 1666, 0]);
    expect(state.localPercentToRoute).toBe(3750);
    expect(Math.floor((1250 * 10000) / 3333)).toBe(3750);
    expect([...state.residualCapacity]).toEqual([0, 2084, 4168, 5418]);

    const total = state.residualCapacity[3];
    const remote = (10000 - state.localPercentToRoute) / 10000;
    const pct = (x: number) => (100 * x).toFixed(2);
    expect(pct(state.localPercentToRoute / 10000)).toBe('37.50');
    expect(pct(remote)).toBe('62.50');
    expect(pct((remote * 2084) / total)).toBe('24.04');
    expect(pct((remote * 1250) / total)).toBe('14.42');

    const trace = new PickTrace();
    const pick = (script: number[]) => {
      rng.script(script);
      const host = lb.chooseHost(undefined, trace);
      return { address: ups.hosts[host].address, route: trace.zoneRoute };
    };
    expect(pick([0, 3749])).toEqual({ address: 'api-a0', route: ZoneRoute.Sampled });
    expect(pick([0, 3750, 3000])).toEqual({ address: 'api-d0', route: ZoneRoute.CrossZone });
    expect(pick([0, 9999, 5417])).toEqual({ address: 'api-e0', route: ZoneRoute.CrossZone });

    const tooSmall = createLoadBalancer(
      ups,
      commonLbConfig({ zoneAware: { minClusterSize: 10 } }),
      roundRobinConfig(),
      { rng, localPrioritySet: localSet },
    );
    expect(tooSmall.zoneRouting.failedPreconditions).toEqual(['cluster_too_small']);
    const noLocal = createLoadBalancer(ups, upstream.commonLbConfig, roundRobinConfig(), { rng });
    expect(noLocal.zoneRouting.failedPreconditions).toEqual(['no_local_cluster']);
    const elsewhere = createLoadBalancer(ups, upstream.commonLbConfig, roundRobinConfig(), {
      rng,
      localPrioritySet: buildPrioritySet(local, {
        localLocality: locality({ region: 'eu', zone: 'z' }),
      }),
    });
    expect(elsewhere.zoneRouting.mode).toBe('no_locality_routing');
    expect(elsewhere.zoneRouting.failedPreconditions).toEqual(['local_cluster_not_ok']);

    const hashing = createLoadBalancer(ups, upstream.commonLbConfig, ringHashConfig(), {
      rng,
      localPrioritySet: localSet,
    });
    expect(hashing.zoneRouting.failedPreconditions).toEqual(['policy_not_zone_aware']);

    const defaults = commonLbConfig().zoneAware;
    expect(defaults).toEqual({
      routingEnabled: 100,
      minClusterSize: 6,
      failTrafficOnPanic: false,
      localityBasis: 'HEALTHY_HOSTS_NUM',
      forceLocalZoneMinSize: 0,
    });
  });

  it('edf.md', () => {
    const weights = [2, 1, 3];
    const weightOf = (item: number) => weights[item];
    const edf = EdfScheduler.createWithPicks([0, 1, 2], weightOf, 0, 0);
    const sequence = Array.from({ length: 12 }, () => edf.pickAndAdd(weightOf));
    expect(sequence).toEqual([2, 0, 2, 1, 0, 2, 2, 0, 2, 1, 0, 2]);
    expect(sequence.slice(0, 6).filter((i) => i === 0)).toHaveLength(2);
    expect(sequence.slice(0, 6).filter((i) => i === 1)).toHaveLength(1);
    expect(sequence.slice(0, 6).filter((i) => i === 2)).toHaveLength(3);

    // The deadline table, replayed with the page's rule (ties at time 1: item 1, then 0, then 2).
    const deadline = weights.map((w) => 1 / w);
    const table: [number, string, string][] = [];
    for (const item of sequence.slice(0, 6)) {
      const now = deadline[item];
      deadline[item] = now + 1 / weights[item];
      table.push([item, now.toFixed(3), deadline[item].toFixed(3)]);
    }
    expect(table).toEqual([
      [2, '0.333', '0.667'],
      [0, '0.500', '1.000'],
      [2, '0.667', '1.000'],
      [1, '1.000', '2.000'],
      [0, '1.000', '1.500'],
      [2, '1.000', '1.333'],
    ]);

    const seedOne = EdfScheduler.createWithPicks([0, 1, 2], weightOf, 0, 1);
    const seedOneSequence = Array.from({ length: 6 }, () => seedOne.pickAndAdd(weightOf));
    expect(seedOneSequence).toEqual([0, 2, 1, 0, 2, 2]);
    expect(seedOneSequence).toEqual(sequence.slice(1, 7));

    const { lb, prioritySet } = balancer({
      name: 'weighted',
      endpoints: [{ hosts: weights.map((weight, i) => ({ address: `h${i}`, weight })) }],
    });
    expect(Array.from({ length: 12 }, () => lb.chooseHost())).toEqual(sequence);
    expect(prioritySet.hosts.map((h) => h.weight)).toEqual(weights);

    const peeked = EdfScheduler.createWithPicks([0, 1, 2], weightOf, 0, 0);
    expect([peeked.peekAgain(weightOf), peeked.peekAgain(weightOf)]).toEqual([2, 0]);
    expect([
      peeked.pickAndAdd(weightOf),
      peeked.pickAndAdd(weightOf),
      peeked.pickAndAdd(weightOf),
    ]).toEqual([2, 0, 2]);

    const equal = EdfScheduler.createWithPicks([0, 1, 2], () => 1, 0, 0);
    expect(equal.pickAndAdd(() => 1)).toBe(0);
    expect(MAX_PRE_PICKS).toBe(429496729);
    expect(
      createCluster({ name: 'w', endpoints: [{ hosts: [{ address: 'h' }] }] }).endpoints[0].hosts[0]
        .weight,
    ).toBe(1);
  });

  it('round-robin.md', () => {
    const three = [{ address: 'a' }, { address: 'b' }, { address: 'c' }];
    const unweighted = balancer(
      { name: 'api', endpoints: [{ hosts: three }] },
      roundRobinConfig(),
      new ScriptedRng(0, [1]),
    );
    expect(addresses(unweighted.lb, unweighted.prioritySet, 4)).toEqual(['b', 'c', 'a', 'b']);

    const weighted = balancer({
      name: 'api',
      endpoints: [{ hosts: three.map((h, i) => ({ ...h, weight: [2, 1, 3][i] })) }],
    });
    expect(addresses(weighted.lb, weighted.prioritySet, 6)).toEqual(['c', 'a', 'c', 'b', 'a', 'c']);

    const window = slowStartConfig({ windowMs: 60_000 });
    expect(window.aggression).toBe(1);
    expect(window.minWeightPercent).toBe(10);
    expect(roundRobinConfig().slowStart).toBeNull();
    const policy = roundRobinConfig({ slowStart: window });
    const cluster = createCluster({
      name: 'api',
      endpoints: [
        { hosts: [{ address: 'a' }, { address: 'b' }, { address: 'c', healthySinceMs: 40_000 }] },
      ],
      lbPolicy: policy,
    });
    const ps = buildPrioritySet(cluster);
    const lb = createLoadBalancer(ps, cluster.commonLbConfig, policy, {
      rng: new ScriptedRng(),
      now: () => 60_000,
    });
    expect(slowStartFactor(window, 60_000 - 40_000)).toBeCloseTo(1 / 3, 15);
    const first14 = addresses(lb, ps, 14);
    expect(first14).toEqual(['a', 'b', 'a', 'b', 'c', 'a', 'b', 'a', 'b', 'a', 'b', 'c', 'a', 'b']);
    const rest = addresses(lb, ps, 700 - 14);
    expect(countAddresses([...first14, ...rest])).toEqual({ a: 300, b: 300, c: 100 });

    const factor = (aggression: number, ageMs: number) =>
      slowStartFactor(slowStartConfig({ windowMs: 60_000, aggression }), ageMs).toFixed(3);
    expect(factor(1, 20_000)).toBe('0.333');
    expect(factor(2, 20_000)).toBe('0.577');
    expect(factor(2, 6_000)).toBe('0.316');
    expect((3_000 / 60_000).toFixed(2)).toBe('0.05');
    expect(factor(1, 3_000)).toBe('0.100');
    expect(factor(1, 60_000)).toBe('1.000');
    expect(factor(2, 60_000)).toBe('1.000');
  });

  it('least-request.md', () => {
    const lr = (config: LeastRequestConfig, active: number[], runtime: RuntimeValues = {}) => {
      const cluster = createCluster({
        name: 'api',
        endpoints: [{ hosts: [{ address: 'a' }, { address: 'b' }, { address: 'c' }] }],
        lbPolicy: config,
      });
      const prioritySet = buildPrioritySet(cluster);
      const rng = new ScriptedRng();
      const lb = new LeastRequestLoadBalancer(prioritySet, cluster.commonLbConfig, config, {
        rng,
        runtime,
        activeRequests: active,
      });
      return { lb, rng, prioritySet };
    };
    const defaults = leastRequestConfig();
    expect(defaults.choiceCount).toBe(2);
    expect(defaults.activeRequestBias).toBe(1);
    expect(defaults.selectionMethod).toBe('N_CHOICES');
    expect(defaults.slowStart).toBeNull();

    /** Picks once with draws [hash 0, ...draws]; returns the host and the draws used after the hash. */
    const pickWith = (
      config: LeastRequestConfig,
      active: number[],
      draws: number[],
      runtime: RuntimeValues = {},
    ) => {
      const { lb, rng, prioritySet } = lr(config, active, runtime);
      rng.script([0, ...draws]);
      const before = rng.draws;
      const address = prioritySet.hosts[lb.chooseHost()].address;
      return { address, drawsAfterHash: rng.draws - before - 1, pending: rng.pending };
    };
    expect(pickWith(defaults, [3, 0, 1], [0, 2])).toEqual({
      address: 'c',
      drawsAfterHash: 2,
      pending: 0,
    });
    expect(pickWith(defaults, [3, 0, 1], [0, 0])).toEqual({
      address: 'a',
      drawsAfterHash: 2,
      pending: 0,
    });
    expect(pickWith(leastRequestConfig({ choiceCount: 3 }), [3, 0, 1], [0, 2, 1])).toEqual({
      address: 'b',
      drawsAfterHash: 3,
      pending: 0,
    });
    const fullScan = leastRequestConfig({ selectionMethod: 'FULL_SCAN' });
    expect(pickWith(fullScan, [3, 0, 1], [])).toEqual({
      address: 'b',
      drawsAfterHash: 0,
      pending: 0,
    });
    expect(pickWith(fullScan, [1, 0, 0], [0])).toEqual({
      address: 'c',
      drawsAfterHash: 1,
      pending: 0,
    });
    expect(pickWith(fullScan, [1, 0, 0], [1])).toEqual({
      address: 'b',
      drawsAfterHash: 1,
      pending: 0,
    });

    // Weighted mode: an explicit active_request_bias forces EDF with weight / (active + 1)^bias.
    const biased = lr(leastRequestConfig({ activeRequestBias: 1 }), [3, 0, 1]);
    const before = biased.rng.draws;
    expect(addresses(biased.lb, biased.prioritySet, 7)).toEqual([
      'b',
      'c',
      'b',
      'b',
      'a',
      'c',
      'b',
    ]);
    expect(biased.rng.draws - before).toBe(7);
    expect([1 / (3 + 1), 1 / (0 + 1), 1 / (1 + 1)]).toEqual([0.25, 1, 0.5]);
    const late = lr(leastRequestConfig({ activeRequestBias: 1 }), [0, 0, 0]);
    [3, 0, 1].forEach((count, host) => late.lb.setActiveRequests(host, count));
    expect(addresses(late.lb, late.prioritySet, 7)).toEqual(['a', 'b', 'c', 'b', 'c', 'b', 'b']);
    expect([1 / (3 + 1) ** 2, 1 / (0 + 1) ** 2, 1 / (1 + 1) ** 2]).toEqual([1 / 16, 1, 1 / 4]);
    const guardOff = pickWith(leastRequestConfig({ activeRequestBias: 1 }), [3, 0, 1], [0, 0], {
      [RUNTIME_BIAS_FORCES_WEIGHTED]: false,
    });
    expect(guardOff).toEqual({ address: 'a', drawsAfterHash: 2, pending: 0 });
    expect(RUNTIME_BIAS_FORCES_WEIGHTED).toBe(
      'envoy.reloadable_features.least_request_lb_active_request_bias_forces_weighted',
    );

    // The page's snippet.
    const cluster = createCluster({
      name: 'api',
      endpoints: [{ hosts: [{ address: 'a' }, { address: 'b' }, { address: 'c' }] }],
    });
    const prioritySet = buildPrioritySet(cluster);
    const rng = new ScriptedRng();
    const lb = new LeastRequestLoadBalancer(prioritySet, cluster.commonLbConfig, defaults, {
      rng,
      activeRequests: [3, 0, 1],
    });
    rng.script([0, 0, 2]);
    expect(prioritySet.hosts[lb.chooseHost()].address).toBe('c');
    lb.setActiveRequests(2, 5);
    rng.script([0, 0, 2]);
    expect(prioritySet.hosts[lb.chooseHost()].address).toBe('a');
    expect(
      createLoadBalancer(prioritySet, cluster.commonLbConfig, defaults, { rng }),
    ).toBeInstanceOf(LeastRequestLoadBalancer);

    expect(MAX_CHOICE_COUNT).toBe(65536);
    const huge = lr(leastRequestConfig({ choiceCount: 100_000 }), [0, 0, 0]);
    expect(huge.lb.warnings).toHaveLength(1);
    expect(huge.lb.peekAnotherHost()).toBe(-1);
  });

  it('random.md', () => {
    const { lb, rng, prioritySet } = balancer(
      {
        name: 'api',
        endpoints: [
          { priority: 0, hosts: hosts('p0-', 8, 4) },
          { priority: 1, hosts: hosts('p1-', 3, 3) },
        ],
      },
      randomConfig(),
    );
    expect(rng.draws).toBe(0);
    expect(lb.priorityLoad.health).toEqual([70, 100]);
    expect([...lb.priorityLoad.healthyLoad]).toEqual([70, 30]);
    rng.script([42, 75, '18446744073709551615']);
    expect(addresses(lb, prioritySet, 3)).toEqual(['p0-2', 'p1-0', 'p0-3']);
    expect((2n ** 64n - 1n) % 100n).toBe(15n);
    expect((2n ** 64n - 1n) % 4n).toBe(3n);

    const all: string[] = [];
    for (let r = 0; r < 100; r++) {
      rng.script([r]);
      all.push(prioritySet.hosts[lb.chooseHost()].address);
    }
    expect(countAddresses(all)).toEqual({
      'p0-0': 18,
      'p0-1': 18,
      'p0-2': 17,
      'p0-3': 17,
      'p1-0': 10,
      'p1-1': 10,
      'p1-2': 10,
    });
  });
});
