/**
 * Builds the priority set Envoy's cluster would hold for a cluster model: hosts grouped by
 * priority (a missing priority number becomes an empty level), partitioned by coarse health and
 * exclusion, and split per locality with localities in Envoy's order — the local locality first
 * when it has hosts, then the rest sorted by (region, zone, sub_zone) (`PriorityStateManager`).
 * A locality's weight comes from the last endpoint group of that locality and priority that sets
 * `load_balancing_weight` (groups without a `locality` set none); unset weights count as 0.
 */
import type { ClusterModel } from '../model/cluster.js';
import { coarseHealth, isExcluded } from '../model/health.js';
import type { Host } from '../model/host.js';
import type { Locality } from '../model/locality.js';
import { UNSPECIFIED_LOCALITY, compareLocality, sameLocality } from '../model/locality.js';
import type { HostSet, PrioritySet } from './host-set.js';
import { hostSetFromLists } from './host-set.js';

export interface BuildPrioritySetOptions {
  /** This Envoy's own locality (bootstrap `node.locality`); enables `hasLocalLocality`. */
  readonly localLocality?: Locality;
}

/** The frozen priority set for a cluster; host indices are positions in endpoint order. */
export function buildPrioritySet(
  cluster: ClusterModel,
  options: BuildPrioritySetOptions = {},
): PrioritySet {
  const hosts: Host[] = [];
  // Envoy's priority set always holds priority 0, even for a cluster without endpoints.
  const maxPriority = cluster.endpoints.reduce((m, g) => Math.max(m, g.priority), 0);
  const byPriority: number[][] = Array.from({ length: maxPriority + 1 }, () => []);
  const weightOf: Map<string, number>[] = byPriority.map(() => new Map());
  for (const group of cluster.endpoints) {
    for (const host of group.hosts) {
      byPriority[group.priority].push(hosts.length);
      hosts.push(host);
    }
    const hasLocality = group.locality !== UNSPECIFIED_LOCALITY;
    if (hasLocality && group.loadBalancingWeight !== undefined) {
      weightOf[group.priority].set(localityKey(group.locality), group.loadBalancingWeight);
    }
  }
  const hostSets = byPriority.map((members, priority) =>
    partitionPriority(priority, members, hosts, cluster, weightOf[priority], options.localLocality),
  );
  return Object.freeze({ hosts: Object.freeze(hosts), hostSets: Object.freeze(hostSets) });
}

function partitionPriority(
  priority: number,
  members: number[],
  hosts: readonly Host[],
  cluster: ClusterModel,
  localityWeight: Map<string, number>,
  localLocality: Locality | undefined,
): HostSet {
  const localities = distinctLocalities(members.map((i) => hosts[i].locality));
  const localIndex = localLocality
    ? localities.findIndex((l) => sameLocality(l, localLocality))
    : -1;
  if (localIndex > 0) localities.unshift(...localities.splice(localIndex, 1));
  const slot = new Map(localities.map((l, i) => [localityKey(l), i]));
  const split = (list: number[]): number[][] => {
    const out: number[][] = localities.map(() => []);
    for (const h of list) out[slot.get(localityKey(hosts[h].locality)) ?? 0].push(h);
    return out;
  };
  const healthy = members.filter(
    (i) => coarseHealth(hosts[i].healthStatus, hosts[i].flags) === 'healthy',
  );
  const degraded = members.filter(
    (i) => coarseHealth(hosts[i].healthStatus, hosts[i].flags) === 'degraded',
  );
  const excluded = members.filter((i) => isExcluded(hosts[i].healthStatus, hosts[i].flags));
  return hostSetFromLists(priority, {
    hosts: members,
    healthy,
    degraded,
    excluded,
    hostsPerLocality: split(members),
    healthyPerLocality: split(healthy),
    degradedPerLocality: split(degraded),
    excludedPerLocality: split(excluded),
    hasLocalLocality: localIndex >= 0,
    localityWeights: cluster.commonLbConfig.localityWeightedLb
      ? localities.map((l) => localityWeight.get(localityKey(l)) ?? 0)
      : null,
    overprovisioningFactor: cluster.overprovisioningFactor,
    weightedPriorityHealth: cluster.weightedPriorityHealth,
  });
}

function distinctLocalities(all: Locality[]): Locality[] {
  const seen = new Map<string, Locality>();
  for (const l of all) if (!seen.has(localityKey(l))) seen.set(localityKey(l), l);
  return [...seen.values()].sort(compareLocality);
}

function localityKey(l: Locality): string {
  return `${l.region}\u0000${l.zone}\u0000${l.subZone}`;
}
