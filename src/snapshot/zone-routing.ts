/**
 * Zone-aware routing state (`ZoneAwareLoadBalancerBase::regenerateLocalityRoutingStructures`):
 * whether requests at priority 0 may prefer the upstream hosts in this Envoy's own zone, and how
 * much may stay local. Percentages are scaled by 10000.
 *
 * Each upstream locality i gets upstream% = 10000·w_i / Σw and local% = the share of the Envoy
 * fleet (the local cluster) in the same locality. If the local locality's upstream% covers its
 * local%, every request stays local (direct); otherwise (residual) local_percent_to_route =
 * upstream%₀·10000 / local%₀ of requests stay local and the rest go to localities with spare
 * capacity upstream% − local%, in proportion to it.
 *
 * Worked example (Envoy's ZoneAwareRoutingSmallZone): upstream A:1 B:2 C:2 hosts, local A:1 B:1
 * C:1 → A has upstream 2000 < local 3333 → residual, local_percent_to_route 6000, cumulative
 * residual capacity [0, 667, 1334].
 */
import type { Host } from '../model/host.js';
import type { RuntimeValues, ZoneAwareLbConfig } from '../model/lb-config.js';
import type { Locality } from '../model/locality.js';
import { sameLocality } from '../model/locality.js';
import type { HostSet } from './host-set.js';

/** Why zone-aware routing is off; Envoy shows only some of these as stats. */
export type ZoneRoutingPrecondition =
  /** No local cluster (`cluster_manager.local_cluster_name`) was given. */
  | 'no_local_cluster'
  /** Fewer than two upstream localities with healthy hosts at priority 0. */
  | 'upstream_localities_lt_2'
  /** Fewer than two localities in the local cluster (not checked with force_local_zone). */
  | 'local_localities_lt_2'
  /** The local cluster has no hosts in this Envoy's locality (stat `lb_local_cluster_not_ok`). */
  | 'local_cluster_not_ok'
  /** Fewer healthy upstream hosts than `min_cluster_size` (stat `lb_zone_cluster_too_small`). */
  | 'cluster_too_small'
  /** The policy (ring hash, Maglev) never routes by zone. */
  | 'policy_not_zone_aware';

export interface ZoneRoutingState {
  readonly mode: 'no_locality_routing' | 'locality_direct' | 'locality_residual';
  /** The preconditions that failed (empty unless mode is no_locality_routing). */
  readonly failedPreconditions: readonly ZoneRoutingPrecondition[];
  /** Per upstream locality (×10000): its share of upstream healthy capacity. */
  readonly upstreamPercent: readonly number[];
  /** Per upstream locality (×10000): the share of the Envoy fleet in the same locality. */
  readonly localPercent: readonly number[];
  /** Of 10000 requests, how many stay in the local locality (residual mode). */
  readonly localPercentToRoute: number;
  /** Cumulative spare capacity per upstream locality (residual mode). */
  readonly residualCapacity: Float64Array;
}

/** Runtime key overriding `min_cluster_size`. */
export const RUNTIME_MIN_CLUSTER_SIZE = 'upstream.zone_routing.min_cluster_size';
/** Runtime key overriding `force_local_zone.min_size` when positive. */
export const RUNTIME_FORCE_LOCAL_ZONE_MIN_SIZE = 'upstream.zone_routing.force_local_zone.min_size';

const NO_ROUTING_ARRAYS = { upstreamPercent: [], localPercent: [], localPercentToRoute: 0 };

/** The state of a balancer that does not route by zone for the given reasons. */
export function noZoneRouting(failed: ZoneRoutingPrecondition[]): ZoneRoutingState {
  return Object.freeze({
    mode: 'no_locality_routing',
    failedPreconditions: Object.freeze(failed),
    ...NO_ROUTING_ARRAYS,
    residualCapacity: new Float64Array(0),
  });
}

/** The force-local-zone minimum size in effect (0 = not configured). */
export function forceLocalZoneMinSize(config: ZoneAwareLbConfig, runtime: RuntimeValues): number {
  const override = runtime[RUNTIME_FORCE_LOCAL_ZONE_MIN_SIZE];
  return typeof override === 'number' && override > 0 ? override : config.forceLocalZoneMinSize;
}

/**
 * The zone routing state for upstream priority 0 against the local cluster's single host set;
 * `local` null means no local cluster.
 */
export function computeZoneRoutingState(
  upstream: HostSet | undefined,
  upstreamHosts: readonly Host[],
  local: HostSet | null,
  localHosts: readonly Host[],
  config: ZoneAwareLbConfig,
  runtime: RuntimeValues = {},
): ZoneRoutingState {
  if (!local || !upstream) return noZoneRouting(['no_local_cluster']);
  const forceMin = forceLocalZoneMinSize(config, runtime);
  const failed: ZoneRoutingPrecondition[] = [];
  if (upstream.healthyPerLocality.length < 2) failed.push('upstream_localities_lt_2');
  if (forceMin === 0 && local.hostsPerLocality.length < 2) failed.push('local_localities_lt_2');
  if (!local.hasLocalLocality || (local.hostsPerLocality[0]?.length ?? 0) === 0) {
    failed.push('local_cluster_not_ok');
  }
  const minOverride = runtime[RUNTIME_MIN_CLUSTER_SIZE];
  const minSize = typeof minOverride === 'number' ? minOverride : config.minClusterSize;
  if (upstream.healthy.length < minSize) failed.push('cluster_too_small');
  if (failed.length > 0) return noZoneRouting(failed);

  const byWeight = config.localityBasis === 'HEALTHY_HOSTS_WEIGHT';
  const weigh = (list: Int32Array, hosts: readonly Host[]): number =>
    byWeight ? list.reduce((s, h) => s + hosts[h].weight, 0) : list.length;

  const localEntries: { locality: Locality; weight: number }[] = [];
  let totalLocal = 0;
  for (const list of local.healthyPerLocality) {
    if (list.length === 0) continue;
    const weight = weigh(list, localHosts);
    localEntries.push({ locality: localHosts[list[0]].locality, weight });
    totalLocal += weight;
  }
  const upstreamLists = upstream.healthyPerLocality;
  const totalUpstream = upstreamLists.reduce((s, l) => s + weigh(l, upstreamHosts), 0);
  const n = upstreamLists.length;
  const upstreamPercent: number[] = new Array<number>(n).fill(0);
  const localPercent: number[] = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const list = upstreamLists[i];
    if (list.length === 0) continue;
    const loc = upstreamHosts[list[0]].locality;
    const match = localEntries.find((e) => sameLocality(e.locality, loc));
    localPercent[i] = match && totalLocal > 0 ? Math.floor((10000 * match.weight) / totalLocal) : 0;
    upstreamPercent[i] = Math.floor((10000 * weigh(list, upstreamHosts)) / totalUpstream);
  }

  const direct =
    upstream.hasLocalLocality &&
    ((upstreamPercent[0] > 0 && upstreamPercent[0] >= localPercent[0]) ||
      (forceMin > 0 && upstreamLists[0].length >= forceMin));
  const residualCapacity = new Float64Array(n);
  let localPercentToRoute = 0;
  if (!direct) {
    if (upstream.hasLocalLocality && localPercent[0] > 0) {
      localPercentToRoute = Math.floor((upstreamPercent[0] * 10000) / localPercent[0]);
    }
    let acc = 0;
    for (let i = 0; i < n; i++) {
      const isLocal = i === 0 && upstream.hasLocalLocality;
      if (!isLocal && upstreamPercent[i] > localPercent[i])
        acc += upstreamPercent[i] - localPercent[i];
      residualCapacity[i] = acc;
    }
  }
  return Object.freeze({
    mode: direct ? 'locality_direct' : 'locality_residual',
    failedPreconditions: Object.freeze([]),
    upstreamPercent: Object.freeze(upstreamPercent),
    localPercent: Object.freeze(localPercent),
    localPercentToRoute,
    residualCapacity,
  });
}
