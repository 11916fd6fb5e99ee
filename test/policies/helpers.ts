import { buildPrioritySet, commonLbConfig, createCluster } from '../../src/index.js';
import type { ClusterInit, HealthStatus, PrioritySet } from '../../src/index.js';

/** A one-locality cluster per priority: `hosts[p]` lists [weight, health] of each host at priority p. */
export function prioritySet(
  hosts: [number, HealthStatus][][],
  extra: Partial<ClusterInit> = {},
): PrioritySet {
  return buildPrioritySet(
    createCluster({
      name: 'test',
      commonLbConfig: commonLbConfig(),
      ...extra,
      endpoints: hosts.map((list, priority) => ({
        priority,
        locality: { zone: `z${priority}` },
        hosts: list.map(([weight, healthStatus], i) => ({
          address: `10.0.${priority}.${i}:80`,
          weight,
          healthStatus,
        })),
      })),
    }),
  );
}

/** `n` picks as host addresses ('-' for no host). */
export function picks(ps: PrioritySet, choose: () => number, n: number): string[] {
  return Array.from({ length: n }, () => {
    const h = choose();
    return h < 0 ? '-' : ps.hosts[h].address;
  });
}
