/**
 * A cluster as the engine sees it: endpoint groups (Envoy's `LocalityLbEndpoints`) with their
 * locality, locality weight and priority, the assignment policy, and the LB configuration.
 * https://www.envoyproxy.io/docs/envoy/latest/api-v3/config/endpoint/v3/endpoint.proto
 */
import type { Host, HostInit } from './host.js';
import { createHost } from './host.js';
import type { CommonLbConfig, LbPolicyConfig } from './lb-config.js';
import { commonLbConfig, roundRobinConfig } from './lb-config.js';
import type { Locality } from './locality.js';
import { UNSPECIFIED_LOCALITY } from './locality.js';

/** `LocalityLbEndpoints`: hosts sharing a locality and a priority. */
export interface LocalityLbEndpoints {
  /** The group's locality; `UNSPECIFIED_LOCALITY` (by identity) when the group has none. */
  readonly locality: Locality;
  /** `load_balancing_weight` of the locality; undefined when unset (counts as 0 under locality weighting). */
  readonly loadBalancingWeight: number | undefined;
  readonly priority: number;
  readonly hosts: readonly Host[];
}

export interface ClusterModel {
  readonly name: string;
  readonly endpoints: readonly LocalityLbEndpoints[];
  /** `policy.overprovisioning_factor` in percent; default 140. */
  readonly overprovisioningFactor: number;
  /** `policy.weighted_priority_health`; default false. */
  readonly weightedPriorityHealth: boolean;
  readonly commonLbConfig: CommonLbConfig;
  readonly lbPolicy: LbPolicyConfig;
}

/** One endpoint group as a caller writes it; hosts take the group's locality and priority. */
export interface LocalityLbEndpointsInit {
  readonly locality?: Partial<Locality>;
  readonly loadBalancingWeight?: number;
  readonly priority?: number;
  readonly hosts: readonly Omit<HostInit, 'locality' | 'priority'>[];
}

export interface ClusterInit {
  readonly name: string;
  readonly endpoints: readonly LocalityLbEndpointsInit[];
  readonly overprovisioningFactor?: number;
  readonly weightedPriorityHealth?: boolean;
  readonly commonLbConfig?: CommonLbConfig;
  readonly lbPolicy?: LbPolicyConfig;
}

/** A frozen cluster model with Envoy's defaults (ROUND_ROBIN, overprovisioning 140, panic 50 %). */
export function createCluster(init: ClusterInit): ClusterModel {
  const endpoints = init.endpoints.map((group): LocalityLbEndpoints => {
    const loc: Locality = group.locality
      ? Object.freeze({
          region: group.locality.region ?? '',
          zone: group.locality.zone ?? '',
          subZone: group.locality.subZone ?? '',
        })
      : UNSPECIFIED_LOCALITY;
    const priority = group.priority ?? 0;
    return Object.freeze({
      locality: loc,
      loadBalancingWeight: group.loadBalancingWeight,
      priority,
      hosts: Object.freeze(group.hosts.map((h) => createHost({ ...h, locality: loc, priority }))),
    });
  });
  return Object.freeze({
    name: init.name,
    endpoints: Object.freeze(endpoints),
    overprovisioningFactor: init.overprovisioningFactor ?? 140,
    weightedPriorityHealth: init.weightedPriorityHealth ?? false,
    commonLbConfig: init.commonLbConfig ?? commonLbConfig(),
    lbPolicy: init.lbPolicy ?? roundRobinConfig(),
  });
}

/** All hosts of a cluster in endpoint order (the order Envoy keeps them in within a priority). */
export function clusterHosts(cluster: ClusterModel): Host[] {
  return cluster.endpoints.flatMap((group) => group.hosts);
}
