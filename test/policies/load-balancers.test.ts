import { describe, expect, it } from 'vitest';
import {
  LeastRequestLoadBalancer,
  MAX_CHOICE_COUNT,
  PickTrace,
  RUNTIME_PANIC_THRESHOLD,
  ScriptedRng,
  SourceType,
  commonLbConfig,
  createLoadBalancer,
  createSeededRng,
  leastRequestConfig,
  randomConfig,
  roundRobinConfig,
  slowStartConfig,
} from '../../src/index.js';
import { picks, prioritySet } from './helpers.js';

describe('host selection shared by every policy', () => {
  it('traces the decisions of a pick', () => {
    const ps = prioritySet([
      [
        [1, 'HEALTHY'],
        [1, 'UNHEALTHY'],
        [1, 'UNHEALTHY'],
        [1, 'UNHEALTHY'],
      ],
      [[1, 'HEALTHY']],
    ]);
    const lb = createLoadBalancer(ps, commonLbConfig(), roundRobinConfig(), {
      rng: new ScriptedRng(0, [0, 40]),
    });
    expect(Array.from(lb.priorityLoad.healthyLoad)).toEqual([35, 65]);
    const trace = new PickTrace();
    expect(ps.hosts[lb.chooseHost(undefined, trace)].address).toBe('10.0.1.0:80');
    expect(trace).toMatchObject({ priorityDraw: 41, priority: 1, degraded: false, panic: false });
    expect(trace.source).toBe(SourceType.HealthyHosts);
    expect(trace.host).toBe(4);
  });

  it('retries a rejected host up to hostSelectionRetryCount times, then keeps the last', () => {
    const ps = prioritySet([
      [
        [1, 'HEALTHY'],
        [1, 'HEALTHY'],
        [1, 'HEALTHY'],
      ],
    ]);
    const lb = createLoadBalancer(ps, commonLbConfig(), roundRobinConfig(), {
      rng: new ScriptedRng(),
    });
    const avoid = { hostSelectionRetryCount: 1, shouldSelectAnotherHost: (h: number) => h === 0 };
    expect(lb.chooseHost(avoid)).toBe(1);
    const never = { hostSelectionRetryCount: 2, shouldSelectAnotherHost: () => true };
    expect(lb.chooseHost(never)).toBe(1);
  });

  it('fails traffic in panic when fail_traffic_on_panic is set, and honours the runtime threshold', () => {
    const ps = prioritySet([
      [
        [1, 'HEALTHY'],
        [1, 'UNHEALTHY'],
        [1, 'UNHEALTHY'],
      ],
    ]);
    const failing = commonLbConfig({ zoneAware: { failTrafficOnPanic: true } });
    const lb = createLoadBalancer(ps, failing, randomConfig(), { rng: new ScriptedRng() });
    expect(lb.priorityLoad.panic).toEqual([true]);
    expect(lb.chooseHost()).toBe(-1);
    const relaxed = createLoadBalancer(ps, failing, randomConfig(), {
      rng: new ScriptedRng(),
      runtime: { [RUNTIME_PANIC_THRESHOLD]: 30 },
    });
    expect(relaxed.priorityLoad.panic).toEqual([false]);
    expect(relaxed.chooseHost()).toBe(0);
  });

  it('reports why zone-aware routing is off', () => {
    const ps = prioritySet([[[1, 'HEALTHY']]]);
    const lb = createLoadBalancer(ps, commonLbConfig(), roundRobinConfig(), {
      rng: new ScriptedRng(),
    });
    expect(lb.zoneRouting.failedPreconditions).toEqual(['no_local_cluster']);
    lb.updateLocalPrioritySet(prioritySet([[[1, 'HEALTHY']]]));
    expect(lb.zoneRouting.failedPreconditions).toEqual([
      'upstream_localities_lt_2',
      'local_localities_lt_2',
      'local_cluster_not_ok',
      'cluster_too_small',
    ]);
  });
});

describe('round robin', () => {
  it('keeps each source index across updates and restarts EDF from the seed', () => {
    const rng = new ScriptedRng(1);
    const ps = prioritySet([
      [
        [1, 'HEALTHY'],
        [1, 'HEALTHY'],
        [1, 'HEALTHY'],
      ],
    ]);
    const lb = createLoadBalancer(ps, commonLbConfig(), roundRobinConfig(), { rng });
    expect(picks(ps, () => lb.chooseHost(), 4)).toEqual([
      '10.0.0.1:80',
      '10.0.0.2:80',
      '10.0.0.0:80',
      '10.0.0.1:80',
    ]);
    const weighted = prioritySet([
      [
        [1, 'HEALTHY'],
        [2, 'HEALTHY'],
      ],
    ]);
    lb.update(weighted);
    expect(picks(weighted, () => lb.chooseHost(), 6)).toEqual(
      [0, 1, 1, 0, 1, 1].map((i) => `10.0.0.${i}:80`),
    );
  });

  it('ramps a host in slow start; past the window equal weights use plain round robin', () => {
    let now = 0;
    const config = roundRobinConfig({ slowStart: slowStartConfig({ windowMs: 60_000 }) });
    const ps = prioritySet([
      [
        [1, 'HEALTHY'],
        [1, 'HEALTHY'],
      ],
    ]);
    const withNewHost = { ...ps, hosts: [ps.hosts[0], { ...ps.hosts[1], healthySinceMs: 0 }] };
    now = 20_000;
    const lb = createLoadBalancer(withNewHost, commonLbConfig(), config, {
      rng: new ScriptedRng(),
      now: () => now,
    });
    const early = picks(withNewHost, () => lb.chooseHost(), 8);
    expect(early.filter((a) => a === '10.0.0.1:80').length).toBe(2);
    now = 120_000;
    const grown = prioritySet([
      [
        [1, 'HEALTHY'],
        [1, 'HEALTHY'],
        [1, 'HEALTHY'],
      ],
    ]);
    lb.update({ ...grown, hosts: [grown.hosts[0], withNewHost.hosts[1], grown.hosts[2]] });
    const later = picks(grown, () => lb.chooseHost(), 6);
    expect(later.filter((a) => a === '10.0.0.1:80').length).toBe(2);
  });
});

describe('least request', () => {
  it('bounds choice_count per pick and says so', () => {
    const ps = prioritySet([
      [
        [1, 'HEALTHY'],
        [1, 'HEALTHY'],
      ],
    ]);
    const lb = new LeastRequestLoadBalancer(
      ps,
      commonLbConfig(),
      leastRequestConfig({ choiceCount: 2 ** 32 - 1 }),
      {
        rng: createSeededRng(1),
      },
    );
    expect(lb.warnings).toEqual([
      `choice_count 4294967295 sampled as ${MAX_CHOICE_COUNT} per pick`,
    ]);
    expect(lb.chooseHost()).toBeGreaterThanOrEqual(0);
  });

  it('breaks full-scan ties by reservoir sampling', () => {
    const ps = prioritySet([
      [
        [1, 'HEALTHY'],
        [1, 'HEALTHY'],
        [1, 'HEALTHY'],
      ],
    ]);
    const rng = new ScriptedRng(0);
    const lb = new LeastRequestLoadBalancer(
      ps,
      commonLbConfig(),
      leastRequestConfig({ selectionMethod: 'FULL_SCAN' }),
      { rng, activeRequests: [2, 1, 1] },
    );
    rng.script([0, 1]);
    expect(lb.chooseHost()).toBe(1);
    rng.script([0, 0]);
    expect(lb.chooseHost()).toBe(2);
  });

  it('ignores an unhealthy host inside the slow-start window (it does not force EDF)', () => {
    const ps = prioritySet([
      [
        [1, 'HEALTHY'],
        [1, 'HEALTHY'],
        [1, 'UNHEALTHY'],
      ],
    ]);
    const hosts = [ps.hosts[0], ps.hosts[1], { ...ps.hosts[2], healthySinceMs: 59_000 }];
    const rng = new ScriptedRng();
    const lb = new LeastRequestLoadBalancer(
      { ...ps, hosts },
      commonLbConfig(),
      leastRequestConfig({ slowStart: slowStartConfig({ windowMs: 60_000 }) }),
      { rng, now: () => 60_000 },
    );
    const before = rng.draws;
    lb.chooseHost();
    expect(rng.draws - before).toBe(3);
  });

  it('carries active request counts across updates by address', () => {
    const ps = prioritySet([
      [
        [1, 'HEALTHY'],
        [1, 'HEALTHY'],
      ],
    ]);
    const lb = new LeastRequestLoadBalancer(ps, commonLbConfig(), leastRequestConfig(), {
      rng: new ScriptedRng(),
      activeRequests: [3, 5],
    });
    lb.update({ hosts: [...ps.hosts].reverse(), hostSets: ps.hostSets });
    expect(Array.from(lb.activeRequests)).toEqual([5, 3]);
  });
});

describe('random', () => {
  it('uses one draw for both the priority and the host', () => {
    const ps = prioritySet([
      [
        [1, 'HEALTHY'],
        [1, 'HEALTHY'],
      ],
    ]);
    const rng = new ScriptedRng(0, [3, 102]);
    const lb = createLoadBalancer(ps, commonLbConfig(), randomConfig(), { rng });
    expect([lb.chooseHost(), lb.chooseHost()]).toEqual([1, 0]);
    expect(rng.draws).toBe(2);
  });
});
