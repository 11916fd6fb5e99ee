/**
 * Load-balancing configuration in both of Envoy's styles: the legacy `lb_policy` enum with the
 * `*_lb_config` messages and `common_lb_config`, and the typed `load_balancing_policy.policies[]`
 * (the first entry the library supports wins, as Envoy takes the first registered factory).
 * https://www.envoyproxy.io/docs/envoy/latest/api-v3/config/cluster/v3/cluster.proto#envoy-v3-api-field-config-cluster-v3-cluster-load-balancing-policy
 */
import type {
  CommonLbConfig,
  LbPolicyConfig,
  SlowStartConfig,
  ZoneAwareLbConfig,
} from '../model/lb-config.js';
import { HEALTH_STATUSES } from '../model/health.js';
import { readSubsetFields } from './validate-unmodelled.js';
import { MAX_CHOICE_COUNT } from '../policies/least-request/least-request-lb.js';
import {
  commonLbConfig,
  leastRequestConfig,
  maglevConfig,
  randomConfig,
  ringHashConfig,
  roundRobinConfig,
  slowStartConfig,
} from '../model/lb-config.js';
import { isPrime } from '../policies/maglev/maglev-table.js';
import type { MessageReader } from './proto-reader.js';

/** Upper bound of ring sizes (PGV `lte` on both fields). */
const MAX_RING_SIZE = 8388608;

const LB_POLICY = [
  'ROUND_ROBIN',
  'LEAST_REQUEST',
  'RING_HASH',
  'RANDOM',
  '',
  'MAGLEV',
  'CLUSTER_PROVIDED',
  'LOAD_BALANCING_POLICY_CONFIG',
] as const;

const TYPE_PREFIX = 'type.googleapis.com/envoy.extensions.load_balancing_policies.';

/**
 * Envoy's `PROTOBUF_PERCENT_TO_ROUNDED_INTEGER_OR_DEFAULT(…, 100, …)`: despite its name it
 * truncates `100 · (percent / 100)` to an integer, so 49.5 → 49 and, through double rounding,
 * 29 → 28 (`ProtobufPercentHelper::convertPercent`).
 */
function percentToInteger(percent: number): number {
  return Math.trunc(100 * (percent / 100));
}

export interface ReadLbPolicy {
  readonly policy: LbPolicyConfig;
  readonly common: CommonLbConfig;
  /** `common_lb_config.consistent_hashing_lb_config.use_hostname_for_hashing` is true. */
  readonly commonHostnameHashing: boolean;
}

interface Mutable {
  healthyPanicThreshold?: number;
  localityWeightedLb?: boolean;
  zoneAware?: Partial<ZoneAwareLbConfig>;
  useHostnameForHashing?: boolean;
  hashBalanceFactor?: number;
  commonHostnameHashing?: boolean;
}

/** Reads the LB policy of a cluster message (the fields it reads are marked used). */
export function readLbPolicy(cluster: MessageReader, clusterName: string): ReadLbPolicy {
  const acc: Mutable = {};
  const common = cluster.message(
    'common_lb_config',
    'envoy.config.cluster.v3.Cluster.CommonLbConfig',
  );
  if (common) readCommon(common, acc);
  const typed = cluster.message(
    'load_balancing_policy',
    'envoy.config.cluster.v3.LoadBalancingPolicy',
  );
  const lbPolicy = cluster.enumValue('lb_policy', LB_POLICY, true) ?? 'ROUND_ROBIN';
  let policy: LbPolicyConfig | undefined;
  if (typed) {
    for (const name of [
      'zone_aware_lb_config',
      'locality_weighted_lb_config',
      'consistent_hashing_lb_config',
    ]) {
      if (common?.has(name)) {
        common.error(
          name,
          'LB_POLICY_CONFLICT',
          'cluster: load_balancing_policy cannot be combined with partial fields (zone_aware_lb_config, locality_weighted_lb_config, consistent_hashing_lb_config) of common_lb_config',
        );
      }
    }
    policy = readTyped(
      typed,
      acc,
      (names) =>
        `cluster: didn't find a registered load balancer factory implementation for cluster: '${clusterName}' with names from [${names}]`,
    )?.config;
  } else if (lbPolicy === 'LOAD_BALANCING_POLICY_CONFIG') {
    cluster.error(
      'lb_policy',
      'MISSING_LB_POLICY',
      'cluster: field load_balancing_policy need to be set',
    );
  }
  const legacy = readLegacyConfigs(cluster, lbPolicy);
  policy ??= legacy;
  common?.finish();
  return {
    policy: withHashing(policy ?? roundRobinConfig(), acc),
    common: commonOf(acc),
    commonHostnameHashing: acc.commonHostnameHashing === true,
  };
}

function commonOf(acc: Mutable): CommonLbConfig {
  return commonLbConfig({
    ...(acc.healthyPanicThreshold === undefined
      ? {}
      : { healthyPanicThreshold: acc.healthyPanicThreshold }),
    ...(acc.localityWeightedLb === undefined ? {} : { localityWeightedLb: acc.localityWeightedLb }),
    ...(acc.zoneAware === undefined ? {} : { zoneAware: acc.zoneAware }),
  });
}

function withHashing(policy: LbPolicyConfig, acc: Mutable): LbPolicyConfig {
  if (policy.policy !== 'RING_HASH' && policy.policy !== 'MAGLEV') return policy;
  const fields = {
    ...(acc.useHostnameForHashing === undefined
      ? {}
      : { useHostnameForHashing: acc.useHostnameForHashing }),
    ...(acc.hashBalanceFactor === undefined ? {} : { hashBalanceFactor: acc.hashBalanceFactor }),
  };
  return policy.policy === 'RING_HASH'
    ? ringHashConfig({ ...policy, ...fields })
    : maglevConfig({ ...policy, ...fields });
}

function readCommon(common: MessageReader, acc: Mutable): void {
  const panic = common.percent('healthy_panic_threshold');
  if (panic !== undefined) acc.healthyPanicThreshold = percentToInteger(panic);
  readLocalityChoice(common, 'envoy.config.cluster.v3.Cluster.CommonLbConfig', acc);
  const hashing = common.message(
    'consistent_hashing_lb_config',
    'envoy.config.cluster.v3.Cluster.CommonLbConfig.ConsistentHashingLbConfig',
  );
  if (hashing) {
    readConsistentHashing(hashing, acc);
    acc.commonHostnameHashing = acc.useHostnameForHashing === true;
  }
  const overrides = common.message('override_host_status', 'envoy.config.core.v3.HealthStatusSet');
  overrides?.enumValues('statuses', HEALTH_STATUSES, true);
  overrides?.finish();
  common.unsupported(['override_host_status'], 'host status overrides are not modelled');
  const window = common.duration('update_merge_window');
  if (window !== undefined && window < 0) {
    common.error('update_merge_window', 'NEGATIVE_DURATION', 'Expected positive duration');
  }
  common.ignore(['ignore_new_hosts_until_first_hc', 'close_connections_on_host_set_change']);
}

function readZoneAware(zone: MessageReader, acc: Mutable): void {
  const routingPercent = zone.percent('routing_enabled');
  const routing = routingPercent === undefined ? undefined : percentToInteger(routingPercent);
  const minSize = zone.uint('min_cluster_size', { max: Number.MAX_SAFE_INTEGER });
  const fail = zone.bool('fail_traffic_on_panic');
  const basis = zone.enumValue(
    'locality_basis',
    ['HEALTHY_HOSTS_NUM', 'HEALTHY_HOSTS_WEIGHT'],
    false,
  );
  const force = zone.message('force_local_zone', 'ZoneAwareLbConfig.ForceLocalZone');
  const forceMin = force ? (force.uint('min_size') ?? 1) : undefined;
  force?.finish();
  const direct = zone.bool('force_locality_direct_routing');
  acc.zoneAware = {
    ...(routing === undefined ? {} : { routingEnabled: routing }),
    ...(minSize === undefined ? {} : { minClusterSize: minSize }),
    ...(fail === undefined ? {} : { failTrafficOnPanic: fail }),
    ...(basis === undefined ? {} : { localityBasis: basis as ZoneAwareLbConfig['localityBasis'] }),
    ...(forceMin !== undefined
      ? { forceLocalZoneMinSize: forceMin }
      : direct
        ? { forceLocalZoneMinSize: 1 }
        : {}),
  };
  zone.finish();
}

function readConsistentHashing(hashing: MessageReader, acc: Mutable): void {
  const hostname = hashing.bool('use_hostname_for_hashing');
  if (hostname !== undefined) acc.useHostnameForHashing = hostname;
  const factor = hashing.uint('hash_balance_factor', { gte: 100 });
  if (factor !== undefined) acc.hashBalanceFactor = factor;
  hashing.unsupported(
    ['hash_policy'],
    'an LB-level hash policy is not modelled; route hash policies are',
  );
  hashing.finish();
}

function readSlowStart(r: MessageReader | undefined): SlowStartConfig | null {
  if (!r) return null;
  const window = r.duration('slow_start_window');
  if (window !== undefined && window < 0)
    r.error('slow_start_window', 'NEGATIVE_DURATION', 'Expected positive duration');
  const aggression = r.message('aggression', 'envoy.config.core.v3.RuntimeDouble');
  const aggressionValue = aggression?.double('default_value');
  if (aggressionValue !== undefined && !(aggressionValue > 0)) {
    r.warning(
      'aggression',
      'INVALID_AGGRESSION',
      'Invalid runtime value provided for aggression parameter, aggression cannot be less than 0.0: Envoy uses 1.0',
    );
  }
  aggression?.unsupported(
    ['runtime_key'],
    'runtime keys of slow-start aggression are not modelled',
  );
  aggression?.finish();
  const minWeight = r.percent('min_weight_percent');
  r.finish();
  return slowStartConfig({
    windowMs: Math.max(0, window ?? 0),
    ...(aggressionValue === undefined ? {} : { aggression: aggressionValue }),
    ...(minWeight === undefined ? {} : { minWeightPercent: minWeight }),
  });
}

function readLeastRequest(r: MessageReader, typed: boolean): LbPolicyConfig {
  const choiceCount = r.uint('choice_count', { gte: 2 });
  if (choiceCount !== undefined && choiceCount > MAX_CHOICE_COUNT) {
    r.warning(
      'choice_count',
      'HUGE_CHOICE_COUNT',
      `choice_count ${choiceCount} makes Envoy sample that many hosts per pick; the library samples ${MAX_CHOICE_COUNT}`,
    );
  }
  const bias = r.message('active_request_bias', 'envoy.config.core.v3.RuntimeDouble');
  const biasValue = bias?.double('default_value');
  const biasKey = bias?.string('runtime_key');
  bias?.finish();
  if (biasValue !== undefined && !(biasValue >= 0)) {
    r.warning(
      'active_request_bias',
      'INVALID_BIAS',
      `upstream: invalid active request bias supplied (runtime key ${biasKey ?? ''}), using 1.0`,
    );
  }
  // selection_method and the deprecated enable_full_scan exist only in the typed message.
  const method = typed
    ? r.enumValue('selection_method', ['N_CHOICES', 'FULL_SCAN'], true)
    : undefined;
  if (typed) r.ignore(['enable_full_scan']);
  const slowStart = readSlowStart(
    r.message('slow_start_config', 'envoy.config.cluster.v3.Cluster.SlowStartConfig'),
  );
  return leastRequestConfig({
    ...(choiceCount === undefined ? {} : { choiceCount }),
    ...(biasValue === undefined ? {} : { activeRequestBias: biasValue }),
    ...(biasKey ? { activeRequestBiasRuntimeKey: biasKey } : {}),
    ...(method === undefined ? {} : { selectionMethod: method as 'N_CHOICES' | 'FULL_SCAN' }),
    slowStart,
  });
}

/**
 * `RingHashLbConfig` (legacy) or the typed `RingHash`. PGV rules always apply; Envoy's runtime
 * checks only when the config is used (`active`: a legacy member matching `lb_policy`).
 */
function readRingHash(r: MessageReader, typed: boolean, active: boolean): LbPolicyConfig {
  const min = r.uint('minimum_ring_size', { lte: MAX_RING_SIZE, max: Number.MAX_SAFE_INTEGER });
  const max = r.uint('maximum_ring_size', { lte: MAX_RING_SIZE, max: Number.MAX_SAFE_INTEGER });
  const fn = r.enumValue(
    'hash_function',
    typed ? ['DEFAULT_HASH', 'XX_HASH', 'MURMUR_HASH_2'] : ['XX_HASH', 'MURMUR_HASH_2'],
    true,
  );
  const config = ringHashConfig({
    ...(min === undefined ? {} : { minimumRingSize: min }),
    ...(max === undefined ? {} : { maximumRingSize: max }),
    hashFunction: fn === 'MURMUR_HASH_2' ? 'MURMUR_HASH_2' : 'XX_HASH',
  });
  if (typed && min === 0) {
    r.error('minimum_ring_size', 'PGV_RANGE', `value must be inside range [1, ${MAX_RING_SIZE}]`);
  } else if (active && min === 0) {
    r.warning(
      'minimum_ring_size',
      'EMPTY_RING',
      'minimum_ring_size 0 builds a ring with no entries: every pick returns no host',
    );
  }
  const withinPgv =
    config.minimumRingSize <= MAX_RING_SIZE && config.maximumRingSize <= MAX_RING_SIZE;
  if (active && withinPgv && config.minimumRingSize > config.maximumRingSize) {
    r.error(
      'minimum_ring_size',
      'ENVOY_RING_SIZE_BOUNDS',
      `ring hash: minimum_ring_size (${config.minimumRingSize}) > maximum_ring_size (${config.maximumRingSize})`,
    );
  }
  return config;
}

/** `MaglevLbConfig` or the typed `Maglev`; the prime check only when the config is used. */
function readMaglev(r: MessageReader, active: boolean): LbPolicyConfig {
  const size = r.uint('table_size', { lte: 5000011, max: Number.MAX_SAFE_INTEGER });
  if (active && size !== undefined && size <= 5000011 && !isPrime(size)) {
    r.error(
      'table_size',
      'ENVOY_MAGLEV_TABLE_NOT_PRIME',
      'The table size of maglev must be prime number',
    );
  }
  return maglevConfig(size === undefined ? {} : { tableSize: size });
}

/** The legacy `*_lb_config` oneof: all members are validated; only the one matching lb_policy counts. */
function readLegacyConfigs(cluster: MessageReader, lbPolicy: string): LbPolicyConfig | undefined {
  const members = [
    'ring_hash_lb_config',
    'maglev_lb_config',
    'original_dst_lb_config',
    'least_request_lb_config',
    'round_robin_lb_config',
  ];
  const set = members.filter((m) => cluster.has(m));
  if (set.length > 1)
    cluster.error(
      set[1],
      'ONEOF_CONFLICT',
      `only one of ${set.join(', ')} may be set (oneof lb_config)`,
    );
  const ring = cluster.message(
    'ring_hash_lb_config',
    'envoy.config.cluster.v3.Cluster.RingHashLbConfig',
  );
  const ringConfig = ring ? readRingHash(ring, false, lbPolicy === 'RING_HASH') : undefined;
  ring?.finish();
  const maglev = cluster.message(
    'maglev_lb_config',
    'envoy.config.cluster.v3.Cluster.MaglevLbConfig',
  );
  const maglevConfigRead = maglev ? readMaglev(maglev, lbPolicy === 'MAGLEV') : undefined;
  maglev?.finish();
  const lr = cluster.message(
    'least_request_lb_config',
    'envoy.config.cluster.v3.Cluster.LeastRequestLbConfig',
  );
  const lrConfig = lr ? readLeastRequest(lr, false) : undefined;
  lr?.finish();
  const rr = cluster.message(
    'round_robin_lb_config',
    'envoy.config.cluster.v3.Cluster.RoundRobinLbConfig',
  );
  const rrSlow = rr
    ? readSlowStart(
        rr.message('slow_start_config', 'envoy.config.cluster.v3.Cluster.SlowStartConfig'),
      )
    : null;
  rr?.finish();
  const originalDst = cluster.message(
    'original_dst_lb_config',
    'envoy.config.cluster.v3.Cluster.OriginalDstLbConfig',
  );
  originalDst?.bool('use_http_header');
  originalDst?.string('http_header_name');
  originalDst?.uint('upstream_port_override', { lte: 65535 });
  originalDst?.ignore(['metadata_key']);
  originalDst?.finish();
  cluster.unsupported(['original_dst_lb_config'], 'ORIGINAL_DST clusters are not modelled');
  for (const [member, policy] of [
    ['ring_hash_lb_config', 'RING_HASH'],
    ['maglev_lb_config', 'MAGLEV'],
    ['least_request_lb_config', 'LEAST_REQUEST'],
    ['round_robin_lb_config', 'ROUND_ROBIN'],
  ] as const) {
    if (
      set.includes(member) &&
      lbPolicy !== policy &&
      lbPolicy !== 'LOAD_BALANCING_POLICY_CONFIG'
    ) {
      cluster.warning(
        member,
        'IGNORED_LB_CONFIG',
        `${member} is ignored because lb_policy is ${lbPolicy} (Envoy accepts this silently)`,
      );
    }
  }
  switch (lbPolicy) {
    case 'ROUND_ROBIN':
      return roundRobinConfig({ slowStart: rrSlow });
    case 'LEAST_REQUEST':
      return lrConfig ?? leastRequestConfig();
    case 'RANDOM':
      return randomConfig();
    case 'RING_HASH':
      return ringConfig ?? ringHashConfig();
    case 'MAGLEV':
      return maglevConfigRead ?? maglevConfig();
    case 'CLUSTER_PROVIDED':
      cluster.warning(
        'lb_policy',
        'unsupported_field',
        'CLUSTER_PROVIDED load balancing is not modelled; previewing as ROUND_ROBIN',
      );
      return roundRobinConfig();
    default:
      return undefined;
  }
}

/**
 * A `LoadBalancingPolicy`: the first entry whose type Envoy has registered wins, as in Envoy;
 * `none` gives the issue when no entry is registered.
 */
function readTyped(
  typed: MessageReader,
  acc: Mutable,
  none: (names: string) => string,
): { type: string; config: LbPolicyConfig } | undefined {
  const policies = typed.messages('policies', 'envoy.config.cluster.v3.LoadBalancingPolicy.Policy');
  typed.finish();
  const names: string[] = [];
  let chosen: { type: string; config: LbPolicyConfig } | undefined;
  for (const p of policies) {
    const ext = p.message('typed_extension_config', 'envoy.config.core.v3.TypedExtensionConfig');
    p.finish();
    if (!ext) continue;
    const name = ext.string('name') ?? '';
    names.push(name);
    const any = ext.message('typed_config', 'google.protobuf.Any');
    ext.finish();
    // Entries after the chosen one are never built by Envoy, so they are not checked either.
    if (!any || chosen) continue;
    const fullType = String(any.raw('@type') ?? '');
    const type = fullType.startsWith(TYPE_PREFIX) ? fullType.slice(TYPE_PREFIX.length) : fullType;
    const config = readTypedConfig(any.describeAs(fullType), type, acc);
    if (config) {
      chosen = { type, config };
      any.finish();
    }
  }
  if (!chosen) typed.error('policies', 'NO_SUPPORTED_POLICY', none(names.join(', ')));
  return chosen;
}

/**
 * The oneof `locality_config_specifier` (`zone_aware_lb_config` | `locality_weighted_lb_config`),
 * in CommonLbConfig or in a typed policy's LocalityLbConfig (`owner` names the message type).
 */
function readLocalityChoice(r: MessageReader, owner: string, acc: Mutable): void {
  if (r.has('zone_aware_lb_config') && r.has('locality_weighted_lb_config')) {
    r.error(
      'locality_weighted_lb_config',
      'ONEOF_CONFLICT',
      'only one of zone_aware_lb_config and locality_weighted_lb_config may be set (oneof locality_config_specifier)',
    );
  }
  const zone = r.message('zone_aware_lb_config', `${owner}.ZoneAwareLbConfig`);
  if (zone) readZoneAware(zone, acc);
  readLocalityWeighted(r, `${owner}.LocalityWeightedLbConfig`, acc);
}

/** `locality_weighted_lb_config`: an empty message whose presence turns the mode on. */
function readLocalityWeighted(r: MessageReader, type: string, acc: Mutable): void {
  const weighted = r.message('locality_weighted_lb_config', type);
  if (!weighted) return;
  acc.localityWeightedLb = true;
  weighted.finish();
}

function readLocalityLbConfig(r: MessageReader, acc: Mutable): void {
  const locality = r.message(
    'locality_lb_config',
    'envoy.extensions.load_balancing_policies.common.v3.LocalityLbConfig',
  );
  if (!locality) return;
  if (!locality.has('zone_aware_lb_config') && !locality.has('locality_weighted_lb_config')) {
    locality.error('locality_config_specifier', 'PGV_REQUIRED', 'value is required');
  }
  readLocalityChoice(locality, 'LocalityLbConfig', acc);
  locality.finish();
}

function readTypedConfig(r: MessageReader, type: string, acc: Mutable): LbPolicyConfig | undefined {
  switch (type) {
    case 'round_robin.v3.RoundRobin': {
      readLocalityLbConfig(r, acc);
      return roundRobinConfig({
        slowStart: readSlowStart(r.message('slow_start_config', 'SlowStartConfig')),
      });
    }
    case 'least_request.v3.LeastRequest': {
      readLocalityLbConfig(r, acc);
      return readLeastRequest(r, true);
    }
    case 'random.v3.Random': {
      readLocalityLbConfig(r, acc);
      return randomConfig();
    }
    case 'ring_hash.v3.RingHash':
    case 'maglev.v3.Maglev': {
      const hashing = r.message('consistent_hashing_lb_config', 'ConsistentHashingLbConfig');
      if (hashing) readConsistentHashing(hashing, acc);
      readLocalityWeighted(r, 'LocalityWeightedLbConfig', acc);
      if (type === 'maglev.v3.Maglev') return readMaglev(r, true);
      // The deprecated top-level fields count only without consistent_hashing_lb_config.
      const hostname = r.bool('use_hostname_for_hashing');
      const factor = r.uint('hash_balance_factor', { gte: 100 });
      if (!hashing && hostname !== undefined) acc.useHostnameForHashing = hostname;
      if (!hashing && factor !== undefined) acc.hashBalanceFactor = factor;
      return readRingHash(r, true, true);
    }
    case 'subset.v3.Subset':
      return readTypedSubset(r, acc);
    case 'wrr_locality.v3.WrrLocality':
      return readWrrLocality(r, acc);
    case 'client_side_weighted_round_robin.v3.ClientSideWeightedRoundRobin':
      return readClientSideWrr(r);
    case 'cluster_provided.v3.ClusterProvided':
      r.warning(
        '@type',
        'unsupported_field',
        'ClusterProvided load balancing is not modelled; previewing as ROUND_ROBIN',
      );
      return roundRobinConfig();
    default:
      return undefined;
  }
}

/** The typed `Subset` policy: validated like `lb_subset_config`; previewed with its child policy. */
function readTypedSubset(r: MessageReader, acc: Mutable): LbPolicyConfig | undefined {
  const child = r.message('subset_lb_policy', 'envoy.config.cluster.v3.LoadBalancingPolicy');
  if (!child) r.error('subset_lb_policy', 'PGV_REQUIRED', 'value is required');
  readSubsetFields(r);
  r.warning(
    '@type',
    'unsupported_field',
    'subsets are not modelled yet: previewing with subset_lb_policy over all hosts',
  );
  const chosen = child
    ? readTyped(
        child,
        acc,
        (names) =>
          `cluster: didn't find a registered load balancer factory implementation for subset lb with names from [${names}]`,
      )
    : undefined;
  return chosen?.config ?? roundRobinConfig();
}

const CSWRR = 'client_side_weighted_round_robin.v3.ClientSideWeightedRoundRobin';

/** `WrrLocality`: localities by weight, endpoints by its child, which must be ClientSideWeightedRoundRobin. */
function readWrrLocality(r: MessageReader, acc: Mutable): LbPolicyConfig | undefined {
  const child = r.message('endpoint_picking_policy', 'envoy.config.cluster.v3.LoadBalancingPolicy');
  if (!child) {
    r.error('endpoint_picking_policy', 'PGV_REQUIRED', 'value is required');
    return roundRobinConfig();
  }
  acc.localityWeightedLb = true;
  const chosen = readTyped(child, acc, () => 'No supported endpoint picking policy.');
  if (chosen && chosen.type !== CSWRR) {
    child.error(
      'policies',
      'ENVOY_WRR_LOCALITY_CHILD',
      'Currently WrrLocalityLoadBalancer only supports ClientSideWeightedRoundRobinLoadBalancer as its endpoint picking policy.',
    );
  }
  return chosen?.config ?? roundRobinConfig();
}

/** `ClientSideWeightedRoundRobin`: weights come from ORCA load reports, which a preview lacks. */
function readClientSideWrr(r: MessageReader): LbPolicyConfig {
  r.bool('enable_oob_load_report');
  for (const name of [
    'oob_reporting_period',
    'blackout_period',
    'weight_expiration_period',
    'weight_update_period',
  ])
    r.duration(name);
  const penalty = r.double('error_utilization_penalty');
  if (penalty !== undefined && !(penalty >= 0)) {
    r.error('error_utilization_penalty', 'PGV_GTE', 'value must be greater than or equal to 0');
  }
  r.ignore(['metric_names_for_computing_utilization']);
  r.warning(
    '@type',
    'unsupported_field',
    'ClientSideWeightedRoundRobin takes host weights from ORCA load reports, which a preview does not have (without reports Envoy gives every host the same weight); previewing as ROUND_ROBIN with the EDS weights',
  );
  return roundRobinConfig();
}
