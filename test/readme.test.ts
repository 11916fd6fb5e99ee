import { describe, expect, it } from 'vitest';
import {
  buildPrioritySet,
  commonLbConfig,
  computeRequestHash,
  createCluster,
  createLoadBalancer,
  createSeededRng,
  ringHashConfig,
  ringOwnership,
  roundRobinConfig,
} from '../src/index.js';

describe('README example', () => {
  it('splits 70/30 when one of two P0 hosts is unhealthy, and picks only healthy hosts', () => {
    const cluster = createCluster({
      name: 'web',
      commonLbConfig: commonLbConfig({ healthyPanicThreshold: 50 }),
      lbPolicy: roundRobinConfig(),
      endpoints: [
        {
          priority: 0,
          hosts: [
            { address: '10.0.0.1:80' },
            { address: '10.0.0.2:80', healthStatus: 'UNHEALTHY' },
          ],
        },
        { priority: 1, hosts: [{ address: '10.0.1.1:80' }] },
      ],
    });
    const hosts = buildPrioritySet(cluster);
    const lb = createLoadBalancer(hosts, cluster.commonLbConfig, cluster.lbPolicy, {
      rng: createSeededRng(1),
    });
    expect(Array.from(lb.priorityLoad.healthyLoad)).toEqual([70, 30]);
    const seen = new Set(Array.from({ length: 200 }, () => hosts.hosts[lb.chooseHost()].address));
    expect(seen).toEqual(new Set(['10.0.0.1:80', '10.0.1.1:80']));
  });
});

describe('README consistent-hashing example', () => {
  it('pins a header value to one ring host and reports exact ownership', () => {
    const cluster = createCluster({
      name: 'web',
      endpoints: [
        {
          hosts: [
            { address: '10.0.0.1:80' },
            { address: '10.0.0.2:80' },
            { address: '10.0.0.3:80' },
          ],
        },
      ],
    });
    const hosts = buildPrioritySet(cluster);
    const ring = createLoadBalancer(
      hosts,
      commonLbConfig(),
      ringHashConfig({ minimumRingSize: 1024 }),
      {
        rng: createSeededRng(1),
      },
    );
    const { hash } = computeRequestHash([{ header: { headerName: 'x-user' } }], {
      headers: { 'x-user': 'alice' },
    });
    expect(hash).not.toBeNull();
    const first = ring.chooseHost({ hash: hash! });
    expect(Array.from({ length: 20 }, () => ring.chooseHost({ hash: hash! }))).toEqual(
      new Array(20).fill(first),
    );
    const shares = ringOwnership(ring.tables[0], hosts.hosts.length);
    expect(shares.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });
});
