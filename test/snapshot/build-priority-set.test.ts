import { describe, expect, it } from 'vitest';
import { buildPrioritySet, commonLbConfig, createCluster, locality } from '../../src/index.js';
import type { HealthStatus } from '../../src/index.js';

const zone = (z: string, hosts: [string, HealthStatus?][], priority = 0, weight?: number) => ({
  locality: { region: 'r', zone: z },
  priority,
  ...(weight === undefined ? {} : { loadBalancingWeight: weight }),
  hosts: hosts.map(([address, healthStatus]) => ({
    address,
    healthStatus: healthStatus ?? 'HEALTHY',
  })),
});

describe('buildPrioritySet', () => {
  const cluster = createCluster({
    name: 'c',
    commonLbConfig: commonLbConfig({ localityWeightedLb: true }),
    endpoints: [
      zone('b', [['10.0.0.1:80'], ['10.0.0.2:80', 'DEGRADED']], 0, 2),
      zone(
        'a',
        [
          ['10.0.0.3:80', 'DRAINING'],
          ['10.0.0.4:80', 'TIMEOUT'],
        ],
        0,
        1,
      ),
      zone('a', [['10.0.2.1:80', 'UNHEALTHY']], 2),
    ],
  });

  it('partitions hosts by coarse health; DRAINING is unhealthy and excluded', () => {
    const ps = buildPrioritySet(cluster);
    const p0 = ps.hostSets[0];
    expect(Array.from(p0.hosts)).toEqual([0, 1, 2, 3]);
    expect(Array.from(p0.healthy)).toEqual([0]);
    expect(Array.from(p0.degraded)).toEqual([1]);
    expect(Array.from(p0.excluded)).toEqual([2]);
  });

  it('orders localities by (region, zone, sub_zone), weights following them', () => {
    const p0 = buildPrioritySet(cluster).hostSets[0];
    expect(p0.hostsPerLocality.map((l) => Array.from(l))).toEqual([
      [2, 3],
      [0, 1],
    ]);
    expect(Array.from(p0.localityWeights!)).toEqual([1, 2]);
    expect(p0.hasLocalLocality).toBe(false);
  });

  it('puts the local locality first when it has hosts', () => {
    const p0 = buildPrioritySet(cluster, { localLocality: locality({ region: 'r', zone: 'b' }) })
      .hostSets[0];
    expect(p0.hasLocalLocality).toBe(true);
    expect(p0.hostsPerLocality.map((l) => Array.from(l))).toEqual([
      [0, 1],
      [2, 3],
    ]);
    expect(Array.from(p0.localityWeights!)).toEqual([2, 1]);
  });

  it('fills a missing priority number with an empty level', () => {
    const ps = buildPrioritySet(cluster);
    expect(ps.hostSets.map((hs) => hs.hosts.length)).toEqual([4, 0, 1]);
  });

  it('has no locality weights without locality-weighted balancing', () => {
    const plain = createCluster({ ...cluster, commonLbConfig: commonLbConfig() });
    expect(buildPrioritySet(plain).hostSets[0].localityWeights).toBeNull();
  });

  it('applies dynamic flags: ejected or failed HC is unhealthy, pending HC is excluded', () => {
    const ps = buildPrioritySet(
      createCluster({
        name: 'f',
        endpoints: [
          {
            hosts: [
              { address: 'a:1', flags: { outlierEjected: true } },
              { address: 'b:1', flags: { degradedActiveHealthCheck: true } },
              {
                address: 'c:1',
                flags: { failedActiveHealthCheck: true, pendingActiveHealthCheck: true },
              },
              { address: 'd:1', flags: { pendingDynamicRemoval: true } },
            ],
          },
        ],
      }),
    );
    const p0 = ps.hostSets[0];
    expect(Array.from(p0.healthy)).toEqual([3]);
    expect(Array.from(p0.degraded)).toEqual([1]);
    expect(Array.from(p0.excluded)).toEqual([2]);
  });
});
