import { describe, expect, it } from 'vitest';
import {
  ScriptedRng,
  buildPrioritySet,
  commonLbConfig,
  computePriorityLoad,
  createCluster,
  createLoadBalancer,
  roundRobinConfig,
} from '../../src/index.js';

describe('priority load corners', () => {
  it('an empty cluster still has priority 0, in total panic with 100 % of the load', () => {
    const ps = buildPrioritySet(createCluster({ name: 'empty', endpoints: [] }));
    expect(ps.hostSets).toHaveLength(1);
    const load = computePriorityLoad(ps.hostSets, ps.hosts, 50);
    expect(Array.from(load.healthyLoad)).toEqual([100]);
    expect(load.totalPanic).toBe(true);
  });

  it('keeps the previous loads when nothing is available but not every priority is in panic', () => {
    // Weighted health: each priority has 1 healthy host of weight 1 and 1 unhealthy of weight 1000,
    // so availability is 140·1/1001 = 0 everywhere, yet by count each priority is 50 % healthy.
    const weighted = createCluster({
      name: 'w',
      weightedPriorityHealth: true,
      endpoints: [0, 1].map((priority) => ({
        priority,
        hosts: [
          { address: `10.0.${priority}.0:80`, weight: 1 },
          { address: `10.0.${priority}.1:80`, weight: 1000, healthStatus: 'UNHEALTHY' as const },
        ],
      })),
    });
    const p1Only = createCluster({
      name: 'w',
      endpoints: [
        { priority: 0, hosts: [{ address: '10.0.0.0:80', healthStatus: 'UNHEALTHY' }] },
        { priority: 1, hosts: [{ address: '10.0.1.0:80' }] },
      ],
    });
    const lb = createLoadBalancer(buildPrioritySet(p1Only), commonLbConfig(), roundRobinConfig(), {
      rng: new ScriptedRng(),
    });
    expect(Array.from(lb.priorityLoad.healthyLoad)).toEqual([0, 100]);
    lb.update(buildPrioritySet(weighted));
    expect(lb.priorityLoad.keptPreviousLoad).toBe(true);
    expect(lb.priorityLoad.normalizedTotalHealth).toBe(0);
    expect(Array.from(lb.priorityLoad.healthyLoad)).toEqual([0, 100]);
    expect(lb.hosts.hosts[lb.chooseHost()].address).toBe('10.0.1.0:80');
    const fresh = createLoadBalancer(
      buildPrioritySet(weighted),
      commonLbConfig(),
      roundRobinConfig(),
      {
        rng: new ScriptedRng(),
      },
    );
    expect(Array.from(fresh.priorityLoad.healthyLoad)).toEqual([0, 0]);
    expect(fresh.hosts.hosts[fresh.chooseHost()].address).toBe('10.0.0.0:80');
  });
});
