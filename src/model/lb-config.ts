/**
 * Load-balancer configuration with Envoy's defaults applied: the cluster-wide `common_lb_config`
 * and the policy-specific messages. Config readers produce these; policies only read them.
 */

/** `Cluster.CommonLbConfig.ZoneAwareLbConfig`. https://www.envoyproxy.io/docs/envoy/latest/api-v3/config/cluster/v3/cluster.proto#config-cluster-v3-cluster-commonlbconfig-zoneawarelbconfig */
export interface ZoneAwareLbConfig {
  /** `routing_enabled`: percent of requests that may use zone-aware routing; default 100. */
  readonly routingEnabled: number;
  /** `min_cluster_size`: below this many healthy upstream hosts zone-aware routing is off; default 6. */
  readonly minClusterSize: number;
  /** `fail_traffic_on_panic`: return no host instead of using all hosts in panic; default false. */
  readonly failTrafficOnPanic: boolean;
  /** `locality_basis`: weigh localities by healthy host count (default) or by summed host weight. */
  readonly localityBasis: 'HEALTHY_HOSTS_NUM' | 'HEALTHY_HOSTS_WEIGHT';
  /**
   * `force_local_zone.min_size`: route everything to the local zone while it has at least this
   * many healthy hosts; 0 = not configured (default).
   */
  readonly forceLocalZoneMinSize: number;
}

/** `Cluster.CommonLbConfig`. https://www.envoyproxy.io/docs/envoy/latest/api-v3/config/cluster/v3/cluster.proto#config-cluster-v3-cluster-commonlbconfig */
export interface CommonLbConfig {
  /** `healthy_panic_threshold` in integer percent (see `percentToInteger`); default 50, 0 disables panic. */
  readonly healthyPanicThreshold: number;
  /** `locality_weighted_lb_config` is set: localities are chosen by their effective weight. */
  readonly localityWeightedLb: boolean;
  readonly zoneAware: ZoneAwareLbConfig;
}

/** `SlowStartConfig`. https://www.envoyproxy.io/docs/envoy/latest/api-v3/extensions/load_balancing_policies/common/v3/common.proto#extensions-load-balancing-policies-common-v3-slowstartconfig */
export interface SlowStartConfig {
  /** `slow_start_window` in ms; 0 disables slow start. */
  readonly windowMs: number;
  /** `aggression`; default 1.0 (linear ramp). Values <= 0 or NaN act as 1.0. */
  readonly aggression: number;
  /** `min_weight_percent`; default 10. */
  readonly minWeightPercent: number;
}

/** ROUND_ROBIN. https://www.envoyproxy.io/docs/envoy/latest/api-v3/extensions/load_balancing_policies/round_robin/v3/round_robin.proto */
export interface RoundRobinConfig {
  readonly policy: 'ROUND_ROBIN';
  readonly slowStart: SlowStartConfig | null;
}

/** LEAST_REQUEST. https://www.envoyproxy.io/docs/envoy/latest/api-v3/extensions/load_balancing_policies/least_request/v3/least_request.proto */
export interface LeastRequestConfig {
  readonly policy: 'LEAST_REQUEST';
  /** `choice_count`; default 2. */
  readonly choiceCount: number;
  /** `active_request_bias`; default 1.0. */
  readonly activeRequestBias: number;
  /** Whether `active_request_bias` was set explicitly (it then forces weighted selection). */
  readonly activeRequestBiasConfigured: boolean;
  /** `active_request_bias.runtime_key`: a runtime value under this key overrides the bias. */
  readonly activeRequestBiasRuntimeKey: string | null;
  /** `selection_method`; default N_CHOICES. */
  readonly selectionMethod: 'N_CHOICES' | 'FULL_SCAN';
  readonly slowStart: SlowStartConfig | null;
}

/** RANDOM. https://www.envoyproxy.io/docs/envoy/latest/api-v3/extensions/load_balancing_policies/random/v3/random.proto */
export interface RandomConfig {
  readonly policy: 'RANDOM';
}

/**
 * `Cluster.CommonLbConfig.ConsistentHashingLbConfig` (or the same fields of the typed ring hash
 * and Maglev messages). https://www.envoyproxy.io/docs/envoy/latest/api-v3/config/cluster/v3/cluster.proto#config-cluster-v3-cluster-commonlbconfig-consistenthashinglbconfig
 */
export interface ConsistentHashingConfig {
  /** `use_hostname_for_hashing`: place hosts by hostname instead of address; default false. */
  readonly useHostnameForHashing: boolean;
  /** `hash_balance_factor` in percent (bounded load); 0 (default) disables it, else >= 100. */
  readonly hashBalanceFactor: number;
}

/** RING_HASH. https://www.envoyproxy.io/docs/envoy/latest/api-v3/extensions/load_balancing_policies/ring_hash/v3/ring_hash.proto */
export interface RingHashConfig extends ConsistentHashingConfig {
  readonly policy: 'RING_HASH';
  /** `minimum_ring_size`; default 1024. */
  readonly minimumRingSize: number;
  /** `maximum_ring_size`; default 8 388 608. */
  readonly maximumRingSize: number;
  /** `hash_function`; default XX_HASH. */
  readonly hashFunction: 'XX_HASH' | 'MURMUR_HASH_2';
}

/** MAGLEV. https://www.envoyproxy.io/docs/envoy/latest/api-v3/extensions/load_balancing_policies/maglev/v3/maglev.proto */
export interface MaglevConfig extends ConsistentHashingConfig {
  readonly policy: 'MAGLEV';
  /** `table_size`, a prime up to 5 000 011; default 65 537. */
  readonly tableSize: number;
}

/** Policies built on Envoy's zone-aware base (priority → locality → host, per-pick state). */
export type ZoneAwarePolicyConfig = RoundRobinConfig | LeastRequestConfig | RandomConfig;

/** Consistent-hashing policies (Envoy's thread-aware base: a table per priority). */
export type HashingPolicyConfig = RingHashConfig | MaglevConfig;

/** The load-balancing policies modelled so far. */
export type LbPolicyConfig = ZoneAwarePolicyConfig | HashingPolicyConfig;

/** Ring hash with defaults. */
export function ringHashConfig(
  fields: Partial<Omit<RingHashConfig, 'policy'>> = {},
): RingHashConfig {
  return Object.freeze({
    policy: 'RING_HASH',
    minimumRingSize: fields.minimumRingSize ?? 1024,
    maximumRingSize: fields.maximumRingSize ?? 8388608,
    hashFunction: fields.hashFunction ?? 'XX_HASH',
    useHostnameForHashing: fields.useHostnameForHashing ?? false,
    hashBalanceFactor: fields.hashBalanceFactor ?? 0,
  });
}

/** Maglev with defaults. */
export function maglevConfig(fields: Partial<Omit<MaglevConfig, 'policy'>> = {}): MaglevConfig {
  return Object.freeze({
    policy: 'MAGLEV',
    tableSize: fields.tableSize ?? 65537,
    useHostnameForHashing: fields.useHostnameForHashing ?? false,
    hashBalanceFactor: fields.hashBalanceFactor ?? 0,
  });
}

/**
 * Runtime values that override config, by Envoy's runtime key (e.g.
 * `upstream.healthy_panic_threshold`, `upstream.zone_routing.min_cluster_size`).
 */
export type RuntimeValues = Readonly<Record<string, number | boolean>>;

/** Envoy's defaults for `zone_aware_lb_config`. */
export const DEFAULT_ZONE_AWARE: ZoneAwareLbConfig = Object.freeze({
  routingEnabled: 100,
  minClusterSize: 6,
  failTrafficOnPanic: false,
  localityBasis: 'HEALTHY_HOSTS_NUM',
  forceLocalZoneMinSize: 0,
});

/** Common LB config with every default filled in from the given fields. */
export function commonLbConfig(
  fields: Partial<Omit<CommonLbConfig, 'zoneAware'>> & {
    zoneAware?: Partial<ZoneAwareLbConfig>;
  } = {},
): CommonLbConfig {
  return Object.freeze({
    healthyPanicThreshold: fields.healthyPanicThreshold ?? 50,
    localityWeightedLb: fields.localityWeightedLb ?? false,
    zoneAware: Object.freeze({ ...DEFAULT_ZONE_AWARE, ...fields.zoneAware }),
  });
}

/** Slow start with Envoy's defaults for the fields not given. */
export function slowStartConfig(
  fields: Partial<SlowStartConfig> & { windowMs: number },
): SlowStartConfig {
  return Object.freeze({ aggression: 1.0, minWeightPercent: 10, ...fields });
}

/** Round robin with defaults. */
export function roundRobinConfig(
  fields: Partial<Omit<RoundRobinConfig, 'policy'>> = {},
): RoundRobinConfig {
  return Object.freeze({ policy: 'ROUND_ROBIN', slowStart: fields.slowStart ?? null });
}

/** Least request with defaults. */
export function leastRequestConfig(
  fields: Partial<Omit<LeastRequestConfig, 'policy'>> = {},
): LeastRequestConfig {
  return Object.freeze({
    policy: 'LEAST_REQUEST',
    choiceCount: fields.choiceCount ?? 2,
    activeRequestBias: fields.activeRequestBias ?? 1.0,
    activeRequestBiasConfigured:
      fields.activeRequestBiasConfigured ?? fields.activeRequestBias !== undefined,
    activeRequestBiasRuntimeKey: fields.activeRequestBiasRuntimeKey ?? null,
    selectionMethod: fields.selectionMethod ?? 'N_CHOICES',
    slowStart: fields.slowStart ?? null,
  });
}

/** Random (no options). */
export function randomConfig(): RandomConfig {
  return Object.freeze({ policy: 'RANDOM' });
}
