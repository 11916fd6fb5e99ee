/**
 * Rules of spec/VALIDATION.md beyond the BAD-INPUTS.md rows, table-driven: a bare Cluster (or a
 * bootstrap) with one fragment, and every issue it must give, in order, as
 * `severity code path`. Rows marked "accept" are configurations Envoy takes as they are.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/index.js';

const cluster = (fragment: string, name = 'c'): string => `
name: ${name}
type: STATIC
connect_timeout: 1s
load_assignment:
  cluster_name: ${name}
  endpoints:
  - lb_endpoints:
    - endpoint: {address: {socket_address: {address: 10.0.0.1, port_value: 80}}}
${fragment}
`;

const bootstrap = (clusters: string[], top = ''): string =>
  `${top}static_resources:\n  clusters:\n${clusters
    .map((c) =>
      c
        .trim()
        .split('\n')
        .map((line, i) => (i === 0 ? `  - ${line}` : `    ${line}`))
        .join('\n'),
    )
    .join('\n')}\n`;

const ext = (type: string, fields = ''): string =>
  `{typed_extension_config: {name: p, typed_config: {"@type": type.googleapis.com/envoy.extensions.load_balancing_policies.${type}${fields}}}}`;
const typed = (...policies: string[]): string =>
  `load_balancing_policy: {policies: [${policies.join(', ')}]}`;

const RR = 'round_robin.v3.RoundRobin';
const CSWRR = 'client_side_weighted_round_robin.v3.ClientSideWeightedRoundRobin';

interface Row {
  readonly rule: string;
  readonly text: string;
  readonly issues: readonly string[];
  readonly message?: string;
}

const ROWS: readonly Row[] = [
  {
    rule: 'static cluster names are unique',
    text: bootstrap([cluster(''), cluster('')]),
    issues: ['error DUPLICATE_CLUSTER static_resources.clusters[1].name'],
    message: "cluster manager: duplicate cluster 'c'",
  },
  {
    rule: 'the local cluster must be a static cluster of the bootstrap',
    text: bootstrap([cluster('')], 'cluster_manager: {local_cluster_name: local}\n'),
    issues: ['error LOCAL_CLUSTER_MISSING cluster_manager.local_cluster_name'],
    message: "local cluster 'local' must be defined",
  },
  {
    rule: 'type and cluster_type are one oneof',
    text: cluster('cluster_type: {name: envoy.clusters.aggregate}'),
    issues: ['error ONEOF_CONFLICT cluster_type', 'warning unsupported_field cluster_type'],
  },
  {
    rule: 'typed LocalityLbConfig is a oneof',
    text: cluster(
      typed(
        ext(
          RR,
          ', locality_lb_config: {zone_aware_lb_config: {}, locality_weighted_lb_config: {}}',
        ),
      ),
    ),
    issues: [
      'error ONEOF_CONFLICT load_balancing_policy.policies[0].typed_extension_config.typed_config.locality_lb_config.locality_weighted_lb_config',
      'warning NO_LOCALITY_WEIGHTS load_assignment.endpoints',
    ],
  },
  {
    rule: 'accept: a ring_hash_lb_config ignored by lb_policy gets no runtime check',
    text: cluster('ring_hash_lb_config: {minimum_ring_size: 2000, maximum_ring_size: 1000}'),
    issues: ['warning IGNORED_LB_CONFIG ring_hash_lb_config'],
  },
  {
    rule: 'accept: an ignored maglev_lb_config may have a table size that is not prime',
    text: cluster('maglev_lb_config: {table_size: 100}'),
    issues: ['warning IGNORED_LB_CONFIG maglev_lb_config'],
  },
  {
    rule: 'an ignored lb config still gets its PGV rules, and only them',
    text: cluster('ring_hash_lb_config: {minimum_ring_size: 9000000}'),
    issues: [
      'error PGV_LTE ring_hash_lb_config.minimum_ring_size',
      'warning IGNORED_LB_CONFIG ring_hash_lb_config',
    ],
  },
  {
    rule: 'typed RingHash minimum_ring_size 0 is a PGV range error, nothing more',
    text: cluster(typed(ext('ring_hash.v3.RingHash', ', minimum_ring_size: 0'))),
    issues: [
      'error PGV_RANGE load_balancing_policy.policies[0].typed_extension_config.typed_config.minimum_ring_size',
    ],
  },
  {
    rule: 'an unknown field of a typed policy names the policy type',
    text: cluster(typed(ext(RR, ', bogus: 1'))),
    issues: [
      'error UNKNOWN_FIELD load_balancing_policy.policies[0].typed_extension_config.typed_config.bogus',
    ],
    message:
      "no such field: 'bogus' in envoy.extensions.load_balancing_policies.round_robin.v3.RoundRobin",
  },
  {
    rule: 'accept: typed Subset wins over a later RoundRobin (subsets flagged as not modelled)',
    text: cluster(
      typed(
        ext(
          'subset.v3.Subset',
          `, subset_selectors: [{keys: [a]}], subset_lb_policy: {policies: [${ext(RR)}]}`,
        ),
        ext(RR),
      ),
    ),
    issues: [
      'warning unsupported_field load_balancing_policy.policies[0].typed_extension_config.typed_config.@type',
    ],
  },
  {
    rule: 'typed Subset requires subset_lb_policy',
    text: cluster(typed(ext('subset.v3.Subset', ', subset_selectors: [{keys: [a]}]'))),
    issues: [
      'error PGV_REQUIRED load_balancing_policy.policies[0].typed_extension_config.typed_config.subset_lb_policy',
      'warning unsupported_field load_balancing_policy.policies[0].typed_extension_config.typed_config.@type',
    ],
  },
  {
    rule: 'WrrLocality takes only ClientSideWeightedRoundRobin as its child',
    text: cluster(
      typed(
        ext('wrr_locality.v3.WrrLocality', `, endpoint_picking_policy: {policies: [${ext(RR)}]}`),
      ),
    ),
    issues: [
      'error ENVOY_WRR_LOCALITY_CHILD load_balancing_policy.policies[0].typed_extension_config.typed_config.endpoint_picking_policy.policies',
      'warning NO_LOCALITY_WEIGHTS load_assignment.endpoints',
    ],
    message:
      'Currently WrrLocalityLoadBalancer only supports ClientSideWeightedRoundRobinLoadBalancer as its endpoint picking policy.',
  },
  {
    rule: 'accept: WrrLocality over ClientSideWeightedRoundRobin (ORCA weights flagged)',
    text: cluster(
      typed(
        ext(
          'wrr_locality.v3.WrrLocality',
          `, endpoint_picking_policy: {policies: [${ext(CSWRR, ', blackout_period: 5s')}]}`,
        ),
      ),
    ),
    issues: [
      'warning unsupported_field load_balancing_policy.policies[0].typed_extension_config.typed_config.endpoint_picking_policy.policies[0].typed_extension_config.typed_config.@type',
      'warning NO_LOCALITY_WEIGHTS load_assignment.endpoints',
    ],
  },
  {
    rule: 'ClientSideWeightedRoundRobin error_utilization_penalty ≥ 0',
    text: cluster(typed(ext(CSWRR, ', error_utilization_penalty: -1'))),
    issues: [
      'error PGV_GTE load_balancing_policy.policies[0].typed_extension_config.typed_config.error_utilization_penalty',
      'warning unsupported_field load_balancing_policy.policies[0].typed_extension_config.typed_config.@type',
    ],
  },
  {
    rule: 'policy.endpoint_stale_after > 0',
    text: cluster('').replace(
      'cluster_name: c',
      'cluster_name: c\n  policy: {endpoint_stale_after: 0s}',
    ),
    issues: ['error PGV_DURATION_GT load_assignment.policy.endpoint_stale_after'],
  },
  {
    rule: 'metadata keys are not empty',
    text: cluster('').replace(
      '- endpoint:',
      '- metadata: {filter_metadata: {"": {a: 1}}}\n      endpoint:',
    ),
    issues: [
      'error PGV_MAP_KEY load_assignment.endpoints[0].lb_endpoints[0].metadata.filter_metadata',
    ],
  },
  {
    rule: 'cleanup_interval > 0 and dns_refresh_rate > 1ms',
    text: cluster('cleanup_interval: 0s\ndns_refresh_rate: 0.0005s'),
    issues: ['error PGV_DURATION_GT cleanup_interval', 'error PGV_DURATION_GT dns_refresh_rate'],
  },
  {
    rule: 'dns_lookup_family is a defined enum value',
    text: cluster('dns_lookup_family: 9'),
    issues: ['error PGV_DEFINED_ONLY dns_lookup_family'],
  },
  {
    rule: 'preconnect ratios are within [1, 3]',
    text: cluster('preconnect_policy: {per_upstream_preconnect_ratio: 0.5}'),
    issues: ['error PGV_RANGE preconnect_policy.per_upstream_preconnect_ratio'],
  },
  {
    rule: 'HTTP/1 and HTTP/2 options together need a non-default protocol_selection',
    text: cluster('http_protocol_options: {}\nhttp2_protocol_options: {}'),
    issues: ['error ENVOY_PROTOCOL_OPTIONS http2_protocol_options'],
  },
  {
    rule: 'accept: HTTP/1 and HTTP/2 options with USE_DOWNSTREAM_PROTOCOL',
    text: cluster(
      'http_protocol_options: {}\nhttp2_protocol_options: {}\nprotocol_selection: USE_DOWNSTREAM_PROTOCOL',
    ),
    issues: [],
  },
  {
    rule: 'accept: a second thresholds entry of one priority is unused (warned, not checked)',
    text: cluster(
      'circuit_breakers: {thresholds: [{max_requests: 10}, {priority: DEFAULT, max_requests: 0}]}',
    ),
    issues: [
      'warning UNUSED_THRESHOLDS circuit_breakers.thresholds[1].priority',
      'warning unsupported_field circuit_breakers',
    ],
  },
  {
    rule: 'override_host_status statuses are defined HealthStatus values',
    text: cluster('common_lb_config: {override_host_status: {statuses: [HEALTHY, 9]}}'),
    issues: [
      'error PGV_DEFINED_ONLY common_lb_config.override_host_status.statuses[1]',
      'warning unsupported_field common_lb_config.override_host_status',
    ],
  },
  {
    rule: 'original_dst_lb_config.upstream_port_override ≤ 65535',
    text: cluster(
      'type: ORIGINAL_DST\nlb_policy: CLUSTER_PROVIDED\noriginal_dst_lb_config: {upstream_port_override: 70000}',
    ).replace('type: STATIC\n', ''),
    issues: [
      'warning unsupported_field type',
      'error PGV_LTE original_dst_lb_config.upstream_port_override',
      'warning unsupported_field original_dst_lb_config',
      'warning unsupported_field lb_policy',
    ],
  },
  {
    rule: 'a health-check port needs an IP address',
    text: cluster('').replace(
      '- endpoint: {address: {socket_address: {address: 10.0.0.1, port_value: 80}}}',
      '- endpoint: {health_check_config: {port_value: 80}, address: {pipe: {path: /tmp/sock}}}',
    ),
    issues: [
      'error ENVOY_HC_PORT_NON_IP load_assignment.endpoints[0].lb_endpoints[0].endpoint.health_check_config.port_value',
      'warning unsupported_field load_assignment.endpoints[0].lb_endpoints[0].endpoint.address.pipe',
    ],
  },
  {
    rule: 'max_requests_per_connection is set in one place only',
    text: cluster(
      'max_requests_per_connection: 5\ntyped_extension_protocol_options: {envoy.extensions.upstreams.http.v3.HttpProtocolOptions: {"@type": type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions, common_http_protocol_options: {max_requests_per_stream: 5}, explicit_http_config: {http_protocol_options: {}}}}',
    ),
    issues: ['error ENVOY_MAX_REQUESTS max_requests_per_connection'],
  },
  {
    rule: 'accept: locality metadata and lrs_report_endpoint_metrics are Envoy fields',
    text: cluster('lrs_report_endpoint_metrics: [cpu]').replace(
      '  - lb_endpoints:',
      '  - metadata: {filter_metadata: {team: {a: 1}}}\n    lb_endpoints:',
    ),
    issues: [],
  },
  {
    rule: 'load_balancing_policy_config is not a Cluster field',
    text: cluster('load_balancing_policy_config: {}'),
    issues: ['error UNKNOWN_FIELD load_balancing_policy_config'],
  },
  {
    rule: 'locality_weight_aware subsets need locality_weighted_lb_config',
    text: cluster(
      'lb_subset_config: {locality_weight_aware: true, subset_selectors: [{keys: [a]}]}',
    ),
    issues: [
      'error SUBSET_LOCALITY lb_subset_config',
      'warning unsupported_field lb_subset_config',
    ],
    message:
      'Locality weight aware subset LB requires that a locality_weighted_lb_config be set in c',
  },
  {
    rule: 'CLUSTER_PROVIDED, even as the number 6, cannot be combined with lb_subset_config',
    text: cluster('lb_policy: 6\nlb_subset_config: {subset_selectors: [{keys: [a]}]}'),
    issues: [
      'warning NUMERIC_ENUM lb_policy',
      'warning unsupported_field lb_policy',
      'error SUBSET_CONFLICT lb_subset_config',
      'warning unsupported_field lb_subset_config',
    ],
  },
  {
    rule: 'hostname hashing in common_lb_config needs a STRICT_DNS cluster',
    text: cluster(
      'lb_policy: RING_HASH\ncommon_lb_config: {consistent_hashing_lb_config: {use_hostname_for_hashing: true}}',
    ),
    issues: ['error ENVOY_HOSTNAME_HASHING common_lb_config'],
    message:
      "Cannot use hostname for consistent hashing loadbalancing for cluster of type: 'envoy.cluster.static'",
  },
  {
    rule: 'one health check per cluster',
    text: cluster(
      'health_checks: [{timeout: 1s, interval: 1s, unhealthy_threshold: 1, healthy_threshold: 1, tcp_health_check: {}}, {timeout: 1s, interval: 1s, unhealthy_threshold: 1, healthy_threshold: 1, tcp_health_check: {}}]',
    ),
    issues: [
      'error ENVOY_MULTIPLE_HEALTH_CHECKS health_checks',
      'warning unsupported_field health_checks',
    ],
    message: 'Multiple health checks not supported',
  },
  {
    rule: 'priority ≤ 128, and a huge one is a clear error, not a crash',
    text: cluster('').replace('  - lb_endpoints:', '  - priority: 4000000000\n    lb_endpoints:'),
    issues: ['error PGV_LTE load_assignment.endpoints[0].priority'],
  },
  {
    rule: 'a YAML merge key is named as written, with a hint',
    text: 'static_resources:\n  clusters:\n  - &base {name: a, type: STATIC, connect_timeout: 1s}\n  - <<: *base\n    name: b\n',
    issues: ['error UNKNOWN_FIELD static_resources.clusters[1].<<'],
    message: 'YAML merge keys are not supported',
  },
];

describe('typed RingHash', () => {
  it('ignores its deprecated hashing fields when consistent_hashing_lb_config is set', () => {
    const policy = (fields: string) =>
      loadConfig({ text: cluster(typed(ext('ring_hash.v3.RingHash', fields))) }).clusters[0]
        .lbPolicy;
    expect(policy(', hash_balance_factor: 150, use_hostname_for_hashing: true')).toMatchObject({
      hashBalanceFactor: 150,
      useHostnameForHashing: true,
    });
    expect(
      policy(
        ', hash_balance_factor: 150, consistent_hashing_lb_config: {use_hostname_for_hashing: true}',
      ),
    ).toMatchObject({ hashBalanceFactor: 0, useHostnameForHashing: true });
  });
});

describe('VALIDATION.md rules', () => {
  for (const row of ROWS) {
    it(row.rule, () => {
      const r = loadConfig({ text: row.text });
      expect(r.issues.map((i) => `${i.severity} ${i.code} ${i.path}`)).toEqual(row.issues);
      expect(r.ok).toBe(!row.issues.some((i) => i.startsWith('error')));
      if (row.message !== undefined) {
        expect(r.issues.find((i) => i.severity === 'error')?.message).toContain(row.message);
      }
    });
  }
});
