/**
 * The example tables of Envoy's load-balancing documentation, recomputed with `preview`
 * (docs/root/intro/arch_overview/upstream/load_balancing/: priority.rst @fc5c3eef,
 * panic_threshold.rst @7ecfd25e, degraded.rst (latest page), locality_weight.rst @bcee6565).
 * Each priority has 100 hosts, so a row's "healthy %" is a host count; priority.rst's tables leave
 * panic aside and are computed with the panic threshold at 0. Where the docs print a
 * number Envoy's code does not produce, the code wins and the test says so: the docs round loads
 * to the nearest percent, while Envoy floors each priority's load and gives the remainder to the
 * first priority with health (`LoadBalancerBase::recalculatePerPriorityState`).
 */
import { describe, expect, it } from 'vitest';
import { commonLbConfig, createCluster, preview } from '../../src/index.js';
import type { ClusterModel, HealthStatus } from '../../src/index.js';

interface Level {
  readonly healthy: number;
  readonly degraded?: number;
}

/** Priority levels with 100 hosts each; `panicThreshold` defaults to Envoy's 50. */
function cluster(levels: readonly Level[], panicThreshold = 50): ClusterModel {
  return createCluster({
    name: 'docs',
    commonLbConfig: commonLbConfig({ healthyPanicThreshold: panicThreshold }),
    endpoints: levels.map((level, priority) => ({
      priority,
      hosts: Array.from({ length: 100 }, (_, i) => {
        const status: HealthStatus =
          i < level.healthy
            ? 'HEALTHY'
            : i < level.healthy + (level.degraded ?? 0)
              ? 'DEGRADED'
              : 'UNHEALTHY';
        return { address: `10.${priority}.0.${i}:80`, healthStatus: status };
      }),
    })),
  });
}

/** Loads as priority.rst computes them: it leaves panic aside (threshold 0). */
const loads = (levels: readonly Level[]): number[] =>
  preview(cluster(levels, 0)).priorities.map((p) => p.healthyLoad + p.degradedLoad);

describe('priority.rst', () => {
  it.each([
    [100, 100, 0],
    [72, 100, 0],
    [71, 99, 1],
    [50, 70, 30],
    [25, 35, 65],
    [0, 0, 100],
  ])('P=0 %i %% healthy, P=1 100 %% → %i / %i', (p0, t0, t1) => {
    expect(loads([{ healthy: p0 }, { healthy: 100 }])).toEqual([t0, t1]);
  });

  it.each([
    [100, 100, 100, 0],
    [72, 72, 100, 0],
    [71, 71, 99, 1],
    [50, 50, 70, 30],
    [25, 100, 35, 65],
    [25, 25, 50, 50],
  ])('P=0 %i %%, P=1 %i %% healthy → %i / %i', (p0, p1, t0, t1) => {
    expect(loads([{ healthy: p0 }, { healthy: p1 }])).toEqual([t0, t1]);
  });

  it.each([
    [100, 100, 100, [100, 0, 0]],
    [72, 72, 100, [100, 0, 0]],
    [71, 71, 100, [99, 1, 0]],
    [50, 50, 100, [70, 30, 0]],
    [25, 100, 100, [35, 65, 0]],
    [25, 25, 100, [35, 35, 30]],
  ])('three levels %i / %i / %i %% healthy → %j', (p0, p1, p2, expected) => {
    expect(loads([{ healthy: p0 }, { healthy: p1 }, { healthy: p2 }])).toEqual(expected);
  });

  it('25 / 25 / 20 % healthy: the docs print 36 / 36 / 28 (rounded); Envoy gives 37 / 35 / 28', () => {
    // health 35 / 35 / 28, total 98: ⌊35·100/98⌋ = 35 twice, 28 for the rest, and the 2 left over
    // go to P=0, the first priority with health.
    expect(loads([{ healthy: 25 }, { healthy: 25 }, { healthy: 20 }])).toEqual([37, 35, 28]);
  });

  it('25 / 25 / 20 % healthy at the default panic threshold: every level is in panic, 34 / 33 / 33', () => {
    // The total is 98, not 100, so panic applies; all three are below 50 %: load follows host counts.
    const p = preview(cluster([{ healthy: 25 }, { healthy: 25 }, { healthy: 20 }]));
    expect(p.totalPanic).toBe(true);
    expect(p.priorities.map((x) => x.healthyLoad)).toEqual([34, 33, 33]);
  });
});

describe('degraded.rst (priority 0 alone)', () => {
  it.each([
    [100, 0, 100, 0],
    [71, 0, 100, 0],
    [71, 29, 99, 1],
    [25, 65, 35, 65],
    [5, 0, 100, 0],
  ])(
    '%i %% healthy, %i %% degraded → %i %% to healthy, %i %% to degraded hosts',
    (h, d, th, td) => {
      const p = preview(cluster([{ healthy: h, degraded: d }])).priorities[0];
      expect([p.healthyLoad, p.degradedLoad]).toEqual([th, td]);
    },
  );

  it('5 % healthy: the table omits that priority 0 is then in panic and uses all 100 hosts', () => {
    const p = preview(cluster([{ healthy: 5 }]));
    expect(p.priorities[0].panic).toBe(true);
    expect(p.hosts.every((h) => h.share === 0.01)).toBe(true);
  });
});

describe('panic_threshold.rst (threshold 50 %)', () => {
  it.each([
    [72, 72, 100, false, 0, false, 100],
    [71, 71, 99, false, 1, false, 100],
    [50, 60, 70, false, 30, false, 100],
    [25, 100, 35, false, 65, false, 100],
    [25, 25, 50, true, 50, true, 70],
  ])(
    'P=0 %i %%, P=1 %i %% → P=0 %i %% (panic %s), P=1 %i %% (panic %s), total %i',
    (p0, p1, t0, panic0, t1, panic1, total) => {
      const p = preview(cluster([{ healthy: p0 }, { healthy: p1 }]));
      expect(p.priorities.map((x) => [x.healthyLoad, x.panic])).toEqual([
        [t0, panic0],
        [t1, panic1],
      ]);
      expect(p.normalizedTotalHealth).toBe(total);
    },
  );

  it('P=0 5 %, P=1 65 %: the docs print 7 / 93 (rounded); Envoy gives 8 / 92, P=0 in panic', () => {
    // health 7 / 91, total 98: ⌊7·100/98⌋ = 7, ⌊91·100/98⌋ = 92, the 1 left over goes to P=0.
    const p = preview(cluster([{ healthy: 5 }, { healthy: 65 }]));
    expect(p.priorities.map((x) => [x.healthyLoad, x.panic])).toEqual([
      [8, true],
      [92, false],
    ]);
    expect(p.normalizedTotalHealth).toBe(98);
  });
});

describe('locality_weight.rst (X weight 1, Y weight 2 and fully healthy)', () => {
  function xShare(healthy: number): number {
    const hosts = (zone: string, up: number) =>
      Array.from({ length: 100 }, (_, i) => ({
        address: `10.${zone === 'x' ? 1 : 2}.0.${i}:80`,
        healthStatus: (i < up ? 'HEALTHY' : 'UNHEALTHY') as HealthStatus,
      }));
    const p = preview(
      createCluster({
        name: 'localities',
        commonLbConfig: commonLbConfig({ localityWeightedLb: true }),
        endpoints: [
          { locality: { zone: 'x' }, loadBalancingWeight: 1, hosts: hosts('x', healthy) },
          { locality: { zone: 'y' }, loadBalancingWeight: 2, hosts: hosts('y', 100) },
        ],
      }),
    );
    return 100 * p.localities[0].share;
  }

  it.each([
    [100, 33, 100 / 3],
    [70, 33, 98 / 2.98],
    [50, 26, 70 / 2.7],
    [25, 15, 35 / 2.35],
    [0, 0, 0],
  ])('X %i %% healthy → X gets %i %% as printed (exactly %d %%)', (healthy, printed, exact) => {
    expect(xShare(healthy)).toBeCloseTo(exact, 10);
    expect(Math.round(xShare(healthy))).toBe(printed);
  });

  it('X 69 % healthy: the docs print 32 %; Envoy’s double ratio gives 96.6 / 296.6 = 32.57 %', () => {
    // The docs truncate the effective weight to 96 (32.4 %); Envoy multiplies by the ratio as a double.
    expect(xShare(69)).toBeCloseTo((100 * 0.966) / 2.966, 10);
  });
});
