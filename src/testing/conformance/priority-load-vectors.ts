/**
 * Area `priority_load`: per-priority host counts → healthy/degraded load and panic flags.
 * Hosts are laid out as Envoy's test helper does: healthy, then degraded, then excluded, then
 * unhealthy, with weights in that order when given.
 */
import { computePriorityLoad, createHost, hostSetFromLists } from '../../index.js';
import type { Host, HostSet } from '../../index.js';
import type { Vector } from './vector.js';
import { expectEqual } from './vector.js';

interface PriorityCounts {
  num_hosts: number;
  num_healthy?: number;
  num_degraded?: number;
  num_excluded?: number;
  overprovisioning_factor?: number;
  weighted_priority_health?: boolean;
  host_weights_in_order_healthy_degraded_excluded_unhealthy?: number[];
}

export function runPriorityLoadVector(vector: Vector): void {
  const inputs = vector.inputs as {
    priorities: PriorityCounts[];
    healthy_panic_threshold?: number;
  };
  const hosts: Host[] = [];
  const hostSets: HostSet[] = inputs.priorities.map((counts, priority) => {
    const first = hosts.length;
    const weights = counts.host_weights_in_order_healthy_degraded_excluded_unhealthy ?? [];
    for (let i = 0; i < counts.num_hosts; i++) {
      hosts.push(
        createHost({ address: `10.0.${priority}.${i}:80`, weight: weights[i] ?? 1, priority }),
      );
    }
    const range = (from: number, count: number): number[] =>
      Array.from({ length: count }, (_, i) => first + from + i);
    const healthy = counts.num_healthy ?? 0;
    const degraded = counts.num_degraded ?? 0;
    return hostSetFromLists(priority, {
      hosts: range(0, counts.num_hosts),
      healthy: range(0, healthy),
      degraded: range(healthy, degraded),
      excluded: range(healthy + degraded, counts.num_excluded ?? 0),
      overprovisioningFactor: counts.overprovisioning_factor ?? 140,
      weightedPriorityHealth: counts.weighted_priority_health ?? false,
    });
  });
  const load = computePriorityLoad(hostSets, hosts, inputs.healthy_panic_threshold ?? 50);
  const expected = vector.expected ?? {};
  if (expected.healthy_load)
    expectEqual('healthy_load', Array.from(load.healthyLoad), expected.healthy_load);
  if (expected.degraded_load)
    expectEqual('degraded_load', Array.from(load.degradedLoad), expected.degraded_load);
  if (expected.panic) expectEqual('panic', load.panic, expected.panic);
}
