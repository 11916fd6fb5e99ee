/**
 * `envoy.config.cluster.v3.Cluster` → the parts of a cluster model: discovery type, endpoints
 * (inline `load_assignment`, DNS answers, or an EDS assignment matched later), and the LB policy.
 * https://www.envoyproxy.io/docs/envoy/latest/api-v3/config/cluster/v3/cluster.proto
 */
import { MessageReader } from './proto-reader.js';
import type { ReadAssignment } from './read-endpoints.js';
import { readAssignment } from './read-endpoints.js';
import type { ReadLbPolicy } from './read-lb-policy.js';
import { readLbPolicy } from './read-lb-policy.js';
import {
  validateCircuitBreakers,
  validateHealthCheck,
  validateOutlierDetection,
  validateSubsetConfig,
} from './validate-unmodelled.js';

const DISCOVERY = ['STATIC', 'STRICT_DNS', 'LOGICAL_DNS', 'EDS', 'ORIGINAL_DST'] as const;
export type DiscoveryType = (typeof DISCOVERY)[number];

export interface ReadClusterOptions {
  /** DNS answers for STRICT_DNS / LOGICAL_DNS endpoints, by hostname. */
  readonly resolve: Readonly<Record<string, readonly string[]>>;
  /** Convert removed v2 fields (a cluster's `hosts:`) instead of rejecting them. */
  readonly v2: boolean;
}

export interface ClusterRead {
  readonly name: string;
  readonly path: string;
  readonly discovery: DiscoveryType;
  /** The name an EDS assignment must carry (`eds_cluster_config.service_name`, else the cluster name). */
  readonly edsServiceName: string;
  readonly assignment: ReadAssignment | undefined;
  readonly lb: ReadLbPolicy;
  /** The file an EDS cluster's endpoints come from (`eds_config.path` / `path_config_source.path`). */
  readonly edsPath: string | undefined;
  /** The file the cluster was read from, when known. */
  readonly file?: string;
}

/**
 * The file a `ConfigSource` names (`path`, or `path_config_source.path`); other sources (ADS,
 * REST or gRPC servers) are reported as not modelled yet.
 */
export function readConfigSourcePath(parent: MessageReader, field: string): string | undefined {
  const source = parent.message(field, 'envoy.config.core.v3.ConfigSource');
  if (!source) return undefined;
  const direct = source.string('path');
  const pathSource = source.message('path_config_source', 'envoy.config.core.v3.PathConfigSource');
  const viaSource = pathSource?.string('path');
  pathSource?.ignore(['watched_directory']);
  pathSource?.finish();
  source.unsupported(
    ['ads', 'api_config_source', 'self'],
    'live xDS sources are not read yet; supply the resources as files',
  );
  source.ignore(['resource_api_version', 'initial_fetch_timeout', 'authorities']);
  source.finish();
  return direct ?? viaSource;
}

/** Cluster fields outside load balancing: accepted as Envoy accepts them, with no effect here. */
const NO_LB_EFFECT = [
  'alt_stat_name',
  'close_connections_on_host_health_failure',
  'common_http_protocol_options',
  'connection_pool_per_downstream_connection',
  'dns_failure_refresh_rate',
  'dns_jitter',
  'dns_resolution_config',
  'dns_resolvers',
  'filters',
  'http2_protocol_options',
  'http_protocol_options',
  'ignore_health_on_host_removal',
  'lrs_report_endpoint_metrics',
  'lrs_server',
  'max_requests_per_connection',
  'metadata',
  'per_connection_buffer_limit_bytes',
  'protocol_selection',
  'respect_dns_ttl',
  'track_cluster_stats',
  'track_timeout_budgets',
  'transport_socket',
  'transport_socket_matches',
  'typed_dns_resolver_config',
  'typed_extension_protocol_options',
  'upstream_bind_config',
  'upstream_config',
  'upstream_connection_options',
  'upstream_http_protocol_options',
  'use_tcp_for_dns_lookups',
  'wait_for_warm_on_init',
];

/** Reads one Cluster message; every problem goes to the reader's issue list. */
export function readCluster(r: MessageReader, options: ReadClusterOptions): ClusterRead {
  const name = r.string('name', { minLength: 1 }) ?? '';
  const customType = r.has('cluster_type')
    ? String((r.raw('cluster_type') as { name?: unknown } | undefined)?.name ?? '')
    : undefined;
  if (customType !== undefined) {
    if (r.has('type')) {
      r.error(
        'cluster_type',
        'ONEOF_CONFLICT',
        'only one of type and cluster_type may be set (oneof cluster_discovery_type)',
      );
    }
    r.unsupported(['cluster_type'], 'custom cluster types are not modelled');
  }
  const discovery = (r.enumValue('type', DISCOVERY, true) ?? 'STATIC') as DiscoveryType;
  if (discovery === 'ORIGINAL_DST') {
    r.warning(
      'type',
      'unsupported_field',
      'ORIGINAL_DST clusters pick the destination the connection asked for; there is nothing to preview',
    );
  }
  const eds = r.message('eds_cluster_config', 'envoy.config.cluster.v3.Cluster.EdsClusterConfig');
  const serviceName = eds?.string('service_name');
  const edsPath = eds ? readConfigSourcePath(eds, 'eds_config') : undefined;
  eds?.finish();
  if (eds && discovery !== 'EDS') {
    r.error(
      'eds_cluster_config',
      'EDS_CONFIG_NOT_EDS',
      'eds_cluster_config set in a non-EDS cluster',
    );
  }
  if (!eds && discovery === 'EDS') {
    r.error('type', 'EDS_WITHOUT_CONFIG', 'cannot create an EDS cluster without an EDS config');
  }
  r.positiveDuration('connect_timeout');
  const lb = readLbPolicy(r, name);
  if (lb.commonHostnameHashing && discovery !== 'STRICT_DNS') {
    const clusterType = customType ?? `envoy.cluster.${discovery.toLowerCase()}`;
    r.error(
      'common_lb_config',
      'ENVOY_HOSTNAME_HASHING',
      `Cannot use hostname for consistent hashing loadbalancing for cluster of type: '${clusterType}'`,
    );
  }
  checkSubsetCombinations(r);
  const resolution = {
    mode:
      discovery === 'STRICT_DNS'
        ? 'strict_dns'
        : discovery === 'LOGICAL_DNS'
          ? 'logical_dns'
          : 'ip',
    resolve: options.resolve,
  } as const;
  const cla = r.message('load_assignment', 'envoy.config.endpoint.v3.ClusterLoadAssignment');
  let assignment = cla ? readAssignment(cla, resolution) : undefined;
  cla?.finish();
  if (r.has('hosts')) assignment = readV2Hosts(r, options, resolution, assignment);
  if (discovery === 'LOGICAL_DNS' && assignment) {
    const hostCount = assignment.endpoints.reduce((s, g) => s + g.hosts.length, 0);
    if (assignment.endpoints.length !== 1 || hostCount > 1) {
      r.error(
        'load_assignment',
        'LOGICAL_DNS_SHAPE',
        'LOGICAL_DNS clusters must have a single locality_lb_endpoint and a single lb_endpoint',
      );
    }
  }
  checkUnmodelled(r, lb, name);
  checkConnectionFields(r);
  r.ignore(NO_LB_EFFECT);
  r.finish();
  return {
    name,
    path: r.path,
    discovery,
    edsServiceName: serviceName || name,
    assignment,
    lb,
    edsPath,
  };
}

/** Envoy's checks on cluster fields that shape connections, not picks: a valid cluster needs them. */
function checkConnectionFields(r: MessageReader): void {
  checkMaxRequests(r);
  r.positiveDuration('cleanup_interval');
  const refresh = r.duration('dns_refresh_rate');
  if (refresh !== undefined && refresh <= 1) {
    r.error('dns_refresh_rate', 'PGV_DURATION_GT', 'value must be greater than 0.001s');
  }
  r.enumValue('dns_lookup_family', ['AUTO', 'V4_ONLY', 'V6_ONLY', 'V4_PREFERRED', 'ALL'], true);
  const preconnect = r.message(
    'preconnect_policy',
    'envoy.config.cluster.v3.Cluster.PreconnectPolicy',
  );
  for (const name of ['per_upstream_preconnect_ratio', 'predictive_preconnect_ratio']) {
    const ratio = preconnect?.double(name);
    if (ratio !== undefined && !(ratio >= 1 && ratio <= 3)) {
      preconnect?.error(name, 'PGV_RANGE', 'value must be inside range [1, 3]');
    }
  }
  preconnect?.finish();
  const selection = r.raw('protocol_selection');
  const downstream =
    selection === 1 ||
    (typeof selection === 'string' && selection.toUpperCase() === 'USE_DOWNSTREAM_PROTOCOL');
  if (r.has('http_protocol_options') && r.has('http2_protocol_options') && !downstream) {
    r.error(
      'http2_protocol_options',
      'ENVOY_PROTOCOL_OPTIONS',
      "cluster: Both HTTP1 and HTTP2 options may only be configured with non-default 'protocol_selection' values",
    );
  }
}

/** `max_requests_per_connection` on the cluster and in its HttpProtocolOptions at once. */
function checkMaxRequests(r: MessageReader): void {
  if (!r.has('max_requests_per_connection')) return;
  const options = r.raw('typed_extension_protocol_options');
  const http = (
    options !== null && typeof options === 'object'
      ? (options as Record<string, unknown>)[
          'envoy.extensions.upstreams.http.v3.HttpProtocolOptions'
        ]
      : undefined
  ) as Record<string, unknown> | undefined;
  const common = (http?.['common_http_protocol_options'] ?? http?.['commonHttpProtocolOptions']) as
    Record<string, unknown> | undefined;
  if (common?.['max_requests_per_stream'] ?? common?.['maxRequestsPerStream']) {
    r.error(
      'max_requests_per_connection',
      'ENVOY_MAX_REQUESTS',
      'Only one of max_requests_per_connection from Cluster or HttpProtocolOptions can be specified',
    );
  }
}

const HEALTH_AS_GIVEN = 'previews use the health given in the config or on the command line';

/**
 * Fields validated as Envoy validates them but not simulated yet: each is checked, then flagged
 * with an `unsupported_field` warning saying what a preview assumes instead.
 */
function checkUnmodelled(r: MessageReader, lb: ReadLbPolicy, name: string): void {
  const checks = r.messages('health_checks', 'envoy.config.core.v3.HealthCheck');
  for (const check of checks) validateHealthCheck(check);
  if (checks.length > 1) {
    r.error(
      'health_checks',
      'ENVOY_MULTIPLE_HEALTH_CHECKS',
      'Multiple health checks not supported',
    );
  }
  r.unsupported(['health_checks'], HEALTH_AS_GIVEN);
  const outlier = r.message('outlier_detection', 'envoy.config.cluster.v3.OutlierDetection');
  if (outlier) validateOutlierDetection(outlier);
  r.unsupported(['outlier_detection'], HEALTH_AS_GIVEN);
  const breakers = r.message('circuit_breakers', 'envoy.config.cluster.v3.CircuitBreakers');
  if (breakers) validateCircuitBreakers(breakers);
  r.unsupported(['circuit_breakers'], 'previews never overflow');
  const subset = r.message('lb_subset_config', 'envoy.config.cluster.v3.Cluster.LbSubsetConfig');
  if (subset && validateSubsetConfig(subset).localityWeightAware && !lb.common.localityWeightedLb) {
    r.error(
      'lb_subset_config',
      'SUBSET_LOCALITY',
      `Locality weight aware subset LB requires that a locality_weighted_lb_config be set in ${name}`,
    );
  }
  r.unsupported(['lb_subset_config'], 'previews pick over all hosts, as without subsets');
}

/** Envoy's rejections of `lb_subset_config` next to policies it cannot combine with. */
function checkSubsetCombinations(r: MessageReader): void {
  if (!r.has('lb_subset_config')) return;
  if (r.has('load_balancing_policy')) {
    r.error(
      'lb_subset_config',
      'SUBSET_CONFLICT',
      'cluster: load_balancing_policy cannot be combined with lb_subset_config',
    );
  }
  const policy = r.raw('lb_policy');
  if (policy === 6 || (typeof policy === 'string' && policy.toUpperCase() === 'CLUSTER_PROVIDED')) {
    r.error(
      'lb_subset_config',
      'SUBSET_CONFLICT',
      'cluster: LB policy CLUSTER_PROVIDED cannot be combined with lb_subset_config',
    );
  }
}

/** The v2 `hosts:` list: rejected as Envoy v3 rejects it, or converted with the v2 option. */
function readV2Hosts(
  r: MessageReader,
  options: ReadClusterOptions,
  resolution: Parameters<typeof readAssignment>[1],
  current: ReadAssignment | undefined,
): ReadAssignment | undefined {
  if (!options.v2) {
    r.raw('hosts');
    r.error(
      'hosts',
      'REMOVED_FIELD',
      "no such field: 'hosts' (removed in the v3 API; put the endpoints under load_assignment.endpoints[].lb_endpoints[].endpoint.address, or load with the v2 option to convert)",
    );
    return current;
  }
  const hosts = r.messages('hosts', 'envoy.api.v2.core.Address');
  r.warning(
    'hosts',
    'V2_CONVERTED',
    'v2 hosts converted to load_assignment (Envoy v3 rejects this field)',
  );
  const lbEndpoints = hosts.map((h) => {
    const socket = h.raw('socket_address');
    h.unsupported(['pipe', 'envoy_internal_address'], 'only socket addresses are modelled');
    h.finish();
    return { endpoint: { address: socket === undefined ? {} : { socket_address: socket } } };
  });
  const synthetic = { cluster_name: 'v2-hosts', endpoints: [{ lb_endpoints: lbEndpoints }] };
  const converted = readAssignment(
    new MessageReader(r.context, synthetic, r.fieldPath('hosts'), 'v2 hosts'),
    resolution,
  );
  return {
    clusterName: current?.clusterName,
    endpoints: [...(current?.endpoints ?? []), ...converted.endpoints],
    overprovisioningFactor: current?.overprovisioningFactor,
    weightedPriorityHealth: current?.weightedPriorityHealth,
  };
}
