/**
 * One priority level of a cluster, Envoy's `HostSet`: every host, the healthy, degraded and
 * excluded ones, the same four lists split per locality, and the locality weights. Lists hold
 * dense host indices (positions in `PrioritySet.hosts`) in typed arrays, and are frozen: a change
 * of membership or health builds a new host set.
 */
import type { Host } from '../model/host.js';

export interface HostSet {
  readonly priority: number;
  readonly hosts: Int32Array;
  readonly healthy: Int32Array;
  readonly degraded: Int32Array;
  /** Members of `hosts` left out of health, panic and locality-weight denominators. */
  readonly excluded: Int32Array;
  readonly hostsPerLocality: readonly Int32Array[];
  readonly healthyPerLocality: readonly Int32Array[];
  readonly degradedPerLocality: readonly Int32Array[];
  readonly excludedPerLocality: readonly Int32Array[];
  /** Index 0 of the per-locality lists is the local (this Envoy's) locality. */
  readonly hasLocalLocality: boolean;
  /** Weight per locality (same order as the per-locality lists); null without locality weighting. */
  readonly localityWeights: Float64Array | null;
  /** `overprovisioning_factor` in percent; default 140. */
  readonly overprovisioningFactor: number;
  /** `weighted_priority_health`: health counts host weights instead of hosts. */
  readonly weightedPriorityHealth: boolean;
}

/** Envoy's `PrioritySet`: the hosts of a cluster and one host set per priority (index = priority). */
export interface PrioritySet {
  readonly hosts: readonly Host[];
  readonly hostSets: readonly HostSet[];
}

/** The lists of one host set as plain arrays of host indices; omitted lists are empty. */
export interface HostSetLists {
  readonly hosts: readonly number[];
  readonly healthy?: readonly number[];
  readonly degraded?: readonly number[];
  readonly excluded?: readonly number[];
  readonly hostsPerLocality?: readonly (readonly number[])[];
  readonly healthyPerLocality?: readonly (readonly number[])[];
  readonly degradedPerLocality?: readonly (readonly number[])[];
  readonly excludedPerLocality?: readonly (readonly number[])[];
  readonly hasLocalLocality?: boolean;
  readonly localityWeights?: readonly number[] | null;
  readonly overprovisioningFactor?: number;
  readonly weightedPriorityHealth?: boolean;
}

/**
 * A host set from explicit lists, as Envoy's own tests build them (the lists need not agree with
 * the hosts' health: that is how a test pins a state). Per-locality lists of a kind that is not
 * given are empty, except `hostsPerLocality`, which defaults to the union of the healthy, degraded
 * and excluded lists of each locality.
 */
export function hostSetFromLists(priority: number, lists: HostSetLists): HostSet {
  const perLoc = (l?: readonly (readonly number[])[]): Int32Array[] =>
    Object.freeze((l ?? []).map((x) => Int32Array.from(x))) as Int32Array[];
  const healthyPerLocality = perLoc(lists.healthyPerLocality);
  const degradedPerLocality = perLoc(lists.degradedPerLocality);
  const excludedPerLocality = perLoc(lists.excludedPerLocality);
  const hostsPerLocality = lists.hostsPerLocality
    ? perLoc(lists.hostsPerLocality)
    : unionPerLocality(lists.hosts, [healthyPerLocality, degradedPerLocality, excludedPerLocality]);
  const weights = lists.localityWeights;
  return Object.freeze({
    priority,
    hosts: Int32Array.from(lists.hosts),
    healthy: Int32Array.from(lists.healthy ?? []),
    degraded: Int32Array.from(lists.degraded ?? []),
    excluded: Int32Array.from(lists.excluded ?? []),
    hostsPerLocality,
    healthyPerLocality,
    degradedPerLocality,
    excludedPerLocality,
    hasLocalLocality: lists.hasLocalLocality ?? false,
    localityWeights: weights ? Float64Array.from(weights) : null,
    overprovisioningFactor: lists.overprovisioningFactor ?? 140,
    weightedPriorityHealth: lists.weightedPriorityHealth ?? false,
  });
}

/** Per locality, the members of any given list, in the order of `hosts`. */
function unionPerLocality(hosts: readonly number[], kinds: Int32Array[][]): Int32Array[] {
  const count = Math.max(0, ...kinds.map((k) => k.length));
  const out: Int32Array[] = [];
  for (let i = 0; i < count; i++) {
    const members = new Set<number>();
    for (const kind of kinds) for (const h of kind[i] ?? []) members.add(h);
    out.push(Int32Array.from(hosts.filter((h) => members.has(h))));
  }
  return Object.freeze(out) as Int32Array[];
}

/** A host set with no hosts (a priority number nobody uses). */
export function emptyHostSet(priority: number, overprovisioningFactor = 140): HostSet {
  return hostSetFromLists(priority, { hosts: [], overprovisioningFactor });
}
