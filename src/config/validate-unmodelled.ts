/**
 * Envoy's validation of cluster fields the library reads but does not model yet — outlier
 * detection, circuit breakers, subsets, health checks, drop overloads — so that `validate`
 * rejects what Envoy rejects. Each field still gets its `unsupported_field` warning: it is
 * checked, not simulated.
 */
import type { MessageReader } from './proto-reader.js';

const OUTLIER_PERCENTS = [
  'max_ejection_percent',
  'enforcing_consecutive_5xx',
  'enforcing_success_rate',
  'enforcing_consecutive_gateway_failure',
  'enforcing_consecutive_local_origin_failure',
  'enforcing_local_origin_success_rate',
  'failure_percentage_threshold',
  'enforcing_failure_percentage',
  'enforcing_failure_percentage_local_origin',
];

const OUTLIER_COUNTS = [
  'consecutive_5xx',
  'consecutive_gateway_failure',
  'consecutive_local_origin_failure',
  'success_rate_minimum_hosts',
  'success_rate_request_volume',
  'success_rate_stdev_factor',
  'failure_percentage_minimum_hosts',
  'failure_percentage_request_volume',
];

/** `outlier_detection` (outlier_detection.proto and `DetectorImpl::create`). */
export function validateOutlierDetection(r: MessageReader): void {
  r.positiveDuration('interval');
  const base = r.positiveDuration('base_ejection_time');
  const max = r.positiveDuration('max_ejection_time');
  r.duration('max_ejection_time_jitter');
  for (const name of OUTLIER_PERCENTS) r.uint(name, { lte: 100 });
  for (const name of OUTLIER_COUNTS) {
    const n = r.uint(name);
    if (n === 0 && name.startsWith('consecutive_')) {
      r.warning(
        name,
        'NEVER_FIRES',
        `${name} 0 never triggers an ejection (the counter is compared after incrementing)`,
      );
    }
  }
  if (max !== undefined && max < (base ?? 30_000)) {
    r.error(
      'max_ejection_time',
      'ENVOY_MAX_EJECTION_TIME',
      "outlier detector's max_ejection_time cannot be smaller than base_ejection_time",
    );
  }
  for (const name of [
    'split_external_local_origin_errors',
    'successful_active_health_check_uneject_host',
    'always_eject_one_host',
  ])
    r.bool(name);
  r.ignore(['monitors', 'detect_degraded_hosts']);
  r.finish();
}

/** `circuit_breakers` (circuit_breaker.proto; per-host thresholds take max_connections only). */
export function validateCircuitBreakers(r: MessageReader): void {
  const seen = new Set<string>();
  for (const t of r.messages('thresholds', 'envoy.config.cluster.v3.CircuitBreakers.Thresholds')) {
    const priority = t.enumValue('priority', ['DEFAULT', 'HIGH'], true) ?? 'DEFAULT';
    // Envoy takes the first entry of each routing priority (std::find_if); later ones are unused.
    const used = !seen.has(priority);
    seen.add(priority);
    if (!used) {
      t.warning(
        'priority',
        'UNUSED_THRESHOLDS',
        `an earlier thresholds entry already sets priority ${priority}; Envoy uses only the first`,
      );
    }
    for (const name of ['max_connections', 'max_pending_requests', 'max_requests', 'max_retries']) {
      if (t.uint(name) === 0 && used) {
        t.warning(
          name,
          'ALWAYS_OPEN',
          `${name} 0 makes the circuit breaker reject every ${name.replace('max_', '').replace(/s$/, '')}`,
        );
      }
    }
    t.uint('max_connection_pools', { max: Number.MAX_SAFE_INTEGER });
    const budget = t.message(
      'retry_budget',
      'envoy.config.cluster.v3.CircuitBreakers.Thresholds.RetryBudget',
    );
    budget?.percent('budget_percent');
    budget?.uint('min_retry_concurrency');
    budget?.finish();
    t.bool('track_remaining');
    t.finish();
  }
  for (const t of r.messages(
    'per_host_thresholds',
    'envoy.config.cluster.v3.CircuitBreakers.Thresholds',
  )) {
    t.enumValue('priority', ['DEFAULT', 'HIGH'], true);
    t.uint('max_connections');
    for (const name of [
      'max_pending_requests',
      'max_requests',
      'max_retries',
      'retry_budget',
      'track_remaining',
      'max_connection_pools',
    ]) {
      if (t.has(name)) {
        t.raw(name);
        t.error(name, 'ENVOY_PER_HOST_THRESHOLDS', 'Unsupported field in per_host_thresholds');
      }
    }
    t.finish();
  }
  r.finish();
}

const SELECTOR_FALLBACK = [
  'NOT_DEFINED',
  'NO_FALLBACK',
  'ANY_ENDPOINT',
  'DEFAULT_SUBSET',
  'KEYS_SUBSET',
];

/** `lb_subset_config` (cluster.proto and `SubsetSelectorImpl`). */
export function validateSubsetConfig(r: MessageReader): SubsetFields {
  const fields = readSubsetFields(r);
  r.finish();
  return fields;
}

/** What the rest of the cluster's validation needs from the subset settings. */
export interface SubsetFields {
  readonly localityWeightAware: boolean;
}

/** The fields `lb_subset_config` shares with the typed `Subset` policy, checked as Envoy does. */
export function readSubsetFields(r: MessageReader): SubsetFields {
  r.enumValue('fallback_policy', ['NO_FALLBACK', 'ANY_ENDPOINT', 'DEFAULT_SUBSET'], true);
  r.enumValue('metadata_fallback_policy', ['METADATA_NO_FALLBACK', 'FALLBACK_LIST'], true);
  r.ignore(['default_subset']);
  const localityWeightAware = r.bool('locality_weight_aware') === true;
  for (const name of [
    'scale_locality_weight',
    'panic_mode_any',
    'list_as_any',
    'allow_redundant_keys',
  ])
    r.bool(name);
  const selectors = r.messages(
    'subset_selectors',
    'envoy.config.cluster.v3.Cluster.LbSubsetConfig.LbSubsetSelector',
  );
  if (selectors.length === 0) {
    r.warning(
      'subset_selectors',
      'SUBSET_DISABLED',
      'no subset selectors: the subset load balancer is not enabled and the plain lb_policy is used',
    );
  }
  let usable = 0;
  for (const s of selectors) {
    const keys = strings(s.raw('keys'));
    const policy = s.enumValue('fallback_policy', SELECTOR_FALLBACK, true) ?? 'NOT_DEFINED';
    const fallbackKeys = strings(s.raw('fallback_keys_subset'));
    s.bool('single_host_per_subset');
    if (keys.length > 0) usable++;
    if (policy !== 'KEYS_SUBSET' && fallbackKeys.length > 0) {
      s.error(
        'fallback_keys_subset',
        'ENVOY_SUBSET_SELECTOR',
        'fallback_keys_subset can be set only for KEYS_SUBSET fallback_policy',
      );
    } else if (policy === 'KEYS_SUBSET') {
      const keySet = new Set(keys);
      const fallbackSet = new Set(fallbackKeys);
      if (fallbackSet.size === 0) {
        s.error(
          'fallback_keys_subset',
          'ENVOY_SUBSET_SELECTOR',
          'fallback_keys_subset cannot be empty',
        );
      } else if (![...fallbackSet].every((k) => keySet.has(k))) {
        s.error(
          'fallback_keys_subset',
          'ENVOY_SUBSET_SELECTOR',
          'fallback_keys_subset must be a subset of selector keys',
        );
      } else if (fallbackSet.size === keySet.size) {
        s.error(
          'fallback_keys_subset',
          'ENVOY_SUBSET_SELECTOR',
          'fallback_keys_subset cannot be equal to keys',
        );
      }
    }
    s.finish();
  }
  if (selectors.length > 0 && usable === 0) {
    r.warning(
      'subset_selectors',
      'SUBSET_NEVER_MATCHES',
      'every subset selector has empty keys: the subset load balancer is enabled but no subset can match, so every pick takes the fallback (with NO_FALLBACK, no host at all)',
    );
  }
  return { localityWeightAware };
}

/** `health_checks[]` (health_check.proto): the required fields and the intervals. */
export function validateHealthCheck(r: MessageReader): void {
  for (const name of ['timeout', 'interval']) {
    if (!r.has(name)) r.error(name, 'PGV_REQUIRED', 'value is required');
    else r.positiveDuration(name);
  }
  for (const name of ['unhealthy_threshold', 'healthy_threshold']) {
    if (!r.has(name)) r.error(name, 'PGV_REQUIRED', 'value is required');
    else r.uint(name);
  }
  const checkers = [
    'http_health_check',
    'tcp_health_check',
    'grpc_health_check',
    'custom_health_check',
  ];
  if (!checkers.some((n) => r.has(n))) {
    r.error('health_checker', 'PGV_REQUIRED', 'value is required');
  }
  for (const name of [
    'no_traffic_interval',
    'no_traffic_healthy_interval',
    'unhealthy_interval',
    'unhealthy_edge_interval',
    'healthy_edge_interval',
  ]) {
    r.positiveDuration(name);
  }
  // The rest (the checkers' own settings among them) is left unchecked: the message is not
  // finished, so its other fields are neither read nor reported.
}

/** `policy.drop_overloads` (`parseDropOverloadConfig`). */
export function validateDropOverloads(policy: MessageReader): void {
  const drops = policy.messages(
    'drop_overloads',
    'envoy.config.endpoint.v3.ClusterLoadAssignment.Policy.DropOverload',
  );
  if (drops.length > 1) {
    policy.error(
      'drop_overloads',
      'ENVOY_DROP_OVERLOADS',
      `Cluster drop_overloads config has ${drops.length} categories. Envoy only support one.`,
    );
  }
  for (const d of drops) {
    d.string('category', { minLength: 1 });
    const pct = d.message('drop_percentage', 'envoy.type.v3.FractionalPercent');
    const numerator = pct?.uint('numerator') ?? 0;
    const denominator =
      pct?.enumValue('denominator', ['HUNDRED', 'TEN_THOUSAND', 'MILLION'], true) ?? 'HUNDRED';
    pct?.finish();
    const scale =
      denominator === 'MILLION' ? 1_000_000 : denominator === 'TEN_THOUSAND' ? 10_000 : 100;
    if (numerator / scale > 1) {
      d.error(
        'drop_percentage',
        'ENVOY_DROP_OVERLOADS',
        `Cluster drop_overloads config is invalid. drop_ratio=${numerator / scale}(Numerator ${numerator} / Denominator ${scale}). The valid range is 0~1.`,
      );
    }
    d.finish();
  }
}

function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return value === undefined ? [] : [String(value)];
}
