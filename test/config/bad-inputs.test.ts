/**
 * The public cases of spec/BAD-INPUTS.md, one row each: the fragment merged into the document's
 * base bootstrap, Envoy's outcome, the simulator verdict (`=` mirror Envoy, `+warn` accept like
 * Envoy with a structured warning, `stricter` reject what Envoy accepts) and what loadConfig must
 * return. Fields the library validates but does not model yet (outlier detection, circuit
 * breakers, subsets, health checks, drop overloads) also carry an `unsupported_field` warning.
 * Route-level cases (section J) are out of scope: listeners and routes are not read.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/index.js';
import type { ConfigFileReader, LoadOptions, LoadResult } from '../../src/index.js';

/** The base cluster of BAD-INPUTS.md, field by field, so a fragment can replace a field. */
const BASE_CLUSTER: Readonly<Record<string, string>> = {
  name: 'name: c',
  type: 'type: STATIC',
  connect_timeout: 'connect_timeout: 1s',
  lb_policy: 'lb_policy: ROUND_ROBIN',
  load_assignment: [
    'load_assignment:',
    '  cluster_name: c',
    '  endpoints:',
    '  - lb_endpoints:',
    '    - endpoint: { address: { socket_address: { address: 10.0.0.1, port_value: 80 } } }',
  ].join('\n'),
};

/**
 * The base bootstrap with `fragment` at the `…` of the cluster: base fields the fragment sets
 * are replaced, `omit` drops base fields, `top` adds bootstrap-level YAML.
 */
function bootstrap(fragment: string, top = '', omit: readonly string[] = []): string {
  const set = new Set([...fragment.matchAll(/^([A-Za-z_]+):/gm)].map((m) => m[1]));
  const fields = Object.entries(BASE_CLUSTER)
    .filter(([key]) => !set.has(key) && !omit.includes(key))
    .map(([, yaml]) => yaml);
  const body = [...fields, fragment]
    .join('\n')
    .split('\n')
    .map((line, i) => (i === 0 ? `  - ${line}` : `    ${line}`))
    .join('\n');
  return `${top}static_resources:\n  clusters:\n${body}\n`;
}

/** One endpoint at 10.0.0.<n>:80, in flow style, with extra LbEndpoint fields. */
const ep = (n: number, extra = ''): string =>
  `{${extra}endpoint: {address: {socket_address: {address: 10.0.0.${n}, port_value: 80}}}}`;

/** A `load_assignment` of cluster c with the given LocalityLbEndpoints (flow style). */
const assignment = (groups: string, policy = ''): string =>
  `load_assignment: {cluster_name: c, ${policy}endpoints: [${groups}]}`;

/** A typed `load_balancing_policy` with one policy of the given extension and fields. */
const typed = (ext: string, message: string, fields = ''): string =>
  `load_balancing_policy: {policies: [{typed_extension_config: {name: envoy.load_balancing_policies.${ext}, typed_config: {"@type": type.googleapis.com/envoy.extensions.load_balancing_policies.${ext}.v3.${message}${fields}}}}]}`;

const P = 'static_resources.clusters[0]';

interface Expected {
  readonly code: string;
  readonly path: string;
  /** Text the message must contain (Envoy's reason, where the spec gives it exactly). */
  readonly text?: string;
}

interface Case {
  readonly id: string;
  /** Envoy's outcome as BAD-INPUTS.md gives it. */
  readonly envoy: string;
  readonly verdict: '=' | '+warn' | 'stricter';
  /** Merged into the base cluster. */
  readonly fragment?: string;
  readonly top?: string;
  readonly omit?: readonly string[];
  /** A whole document (or documents) instead of the base bootstrap. */
  readonly text?: string | readonly string[];
  readonly options?: LoadOptions;
  /** The errors, in order; present = REJECT. */
  readonly reject?: readonly Expected[];
  /** The warnings of an ACCEPT, in order (default none). */
  readonly warn?: readonly Expected[];
  readonly check?: (r: LoadResult) => void;
}

function run(c: Case): LoadResult {
  const texts =
    c.text === undefined ? [bootstrap(c.fragment ?? '', c.top, c.omit)] : [c.text].flat();
  return loadConfig(
    texts.map((text) => ({ text })),
    c.options,
  );
}

function expectIssues(
  r: LoadResult,
  severity: 'error' | 'warning',
  expected: readonly Expected[],
): void {
  const got = r.issues.filter((i) => i.severity === severity);
  expect(got.map((i) => [i.code, i.path])).toEqual(expected.map((e) => [e.code, e.path]));
  expected.forEach((e, i) => {
    if (e.text !== undefined) expect(got[i].message).toContain(e.text);
  });
}

const policy = (r: LoadResult): Record<string, unknown> => ({ ...r.clusters[0].lbPolicy });
const hosts = (r: LoadResult): number =>
  r.clusters[0].endpoints.reduce((s, g) => s + g.hosts.length, 0);

const FULL_LOCALITIES = 10_000;

const CASES: readonly Case[] = [
  // A. Parsing and format
  {
    id: 'A01',
    envoy: "REJECT no such field: 'foo' (static config is strict)",
    verdict: '=',
    fragment: 'foo: 1',
    reject: [{ code: 'UNKNOWN_FIELD', path: `${P}.foo`, text: "no such field: 'foo'" }],
  },
  {
    id: 'A01 (xDS)',
    envoy: 'ACCEPT through xDS: the unknown field is a warning and is dropped',
    verdict: '=',
    text: JSON.stringify({
      resources: [
        {
          '@type': 'type.googleapis.com/envoy.config.cluster.v3.Cluster',
          name: 'c',
          connect_timeout: '1s',
          foo: 1,
        },
      ],
    }),
    warn: [{ code: 'UNKNOWN_FIELD', path: 'resources[0].foo', text: "no such field: 'foo'" }],
  },
  {
    id: 'A02',
    envoy: 'REJECT unknown field (hosts is reserved in the v3 Cluster)',
    verdict: '=',
    fragment: 'hosts: [{socket_address: {address: 1.1.1.1, port_value: 1}}]',
    reject: [{ code: 'REMOVED_FIELD', path: `${P}.hosts`, text: 'load_assignment' }],
  },
  {
    id: 'A04',
    envoy: 'REJECT LbPolicy: value must be one of the defined enum values',
    verdict: '=',
    fragment: 'lb_policy: 4',
    reject: [
      {
        code: 'PGV_DEFINED_ONLY',
        path: `${P}.lb_policy`,
        text: 'value must be one of the defined enum values',
      },
    ],
  },
  {
    id: 'A05',
    envoy: 'ACCEPT as RING_HASH (proto3 JSON numeric enum)',
    verdict: '+warn',
    fragment: 'lb_policy: 2',
    warn: [{ code: 'NUMERIC_ENUM', path: `${P}.lb_policy`, text: 'RING_HASH' }],
    check: (r) => expect(policy(r).policy).toBe('RING_HASH'),
  },
  ...(
    [
      ['A07', '-1', 'negative value for a uint32'],
      ['A08', '4294967296', 'above the uint32 range'],
      ['A10', '1.5', 'non-integral number for a uint32'],
      ['A11', 'abc', 'a string for a uint32'],
    ] as const
  ).map(([id, weight, why]): Case => ({
    id,
    envoy: `REJECT Unable to parse JSON as proto (${why})`,
    verdict: '=',
    fragment: assignment(`{lb_endpoints: [${ep(1, `load_balancing_weight: ${weight}, `)}]}`),
    reject: [
      {
        code: 'TYPE_MISMATCH',
        path: `${P}.load_assignment.endpoints[0].lb_endpoints[0].load_balancing_weight`,
      },
    ],
  })),
  ...(
    [
      ['A13', '5', 'a Duration must be a string ending in s'],
      ['A14', '5m', 'only the s unit is allowed'],
      ['A19', '315576000001s', 'duration out of range'],
    ] as const
  ).map(([id, value, why]): Case => ({
    id,
    envoy: `REJECT JSON parse (${why})`,
    verdict: '=',
    fragment: `connect_timeout: ${value}`,
    reject: [{ code: 'BAD_DURATION', path: `${P}.connect_timeout` }],
  })),
  ...(['-1s', '0s'] as const).map((value): Case => ({
    id: value === '-1s' ? 'A16' : 'A17',
    envoy: 'REJECT ConnectTimeout: value must be greater than 0s',
    verdict: '=',
    fragment: `connect_timeout: ${value}`,
    reject: [
      {
        code: 'PGV_DURATION_GT',
        path: `${P}.connect_timeout`,
        text: 'value must be greater than 0s',
      },
    ],
  })),
  {
    id: 'A20',
    envoy: 'REJECT Root element must be a message',
    verdict: '=',
    text: '- {static_resources: {}}',
    reject: [{ code: 'ROOT_NOT_MESSAGE', path: '', text: 'Root element must be a message' }],
  },
  {
    id: 'A22',
    envoy: 'REJECT JSON parse (oneof locality_config_specifier set twice; presence counts)',
    verdict: '=',
    fragment: 'common_lb_config: {zone_aware_lb_config: {}, locality_weighted_lb_config: {}}',
    reject: [{ code: 'ONEOF_CONFLICT', path: `${P}.common_lb_config.locality_weighted_lb_config` }],
  },
  {
    id: 'A23',
    envoy: 'REJECT JSON parse (oneof lb_config set twice)',
    verdict: '=',
    fragment: 'ring_hash_lb_config: {}\nmaglev_lb_config: {}',
    reject: [{ code: 'ONEOF_CONFLICT', path: `${P}.maglev_lb_config` }],
  },
  {
    id: 'A25',
    envoy: 'ACCEPT, the last value wins',
    verdict: '+warn',
    fragment: 'connect_timeout: 1s\nconnect_timeout: 1s',
    warn: [{ code: 'DUPLICATE_KEY', path: `${P}.connect_timeout` }],
  },
  {
    id: 'A25 (last wins)',
    envoy: 'ACCEPT, the last value wins',
    verdict: '+warn',
    fragment: 'lb_policy: RANDOM\nlb_policy: MAGLEV',
    warn: [{ code: 'DUPLICATE_KEY', path: `${P}.lb_policy` }],
    check: (r) => expect(policy(r).policy).toBe('MAGLEV'),
  },

  // B. Cluster-level structure
  {
    id: 'B01',
    envoy: 'REJECT Name: value length must be at least 1 characters',
    verdict: '=',
    fragment: 'name: ""',
    reject: [
      {
        code: 'PGV_MIN_LEN',
        path: `${P}.name`,
        text: 'value length must be at least 1 characters',
      },
    ],
  },
  {
    id: 'B03',
    envoy: 'REJECT eds_cluster_config set in a non-EDS cluster',
    verdict: '=',
    fragment: 'eds_cluster_config: {service_name: x}',
    reject: [
      {
        code: 'EDS_CONFIG_NOT_EDS',
        path: `${P}.eds_cluster_config`,
        text: 'eds_cluster_config set in a non-EDS cluster',
      },
    ],
  },
  {
    id: 'B04',
    envoy: 'REJECT cannot create an EDS cluster without an EDS config',
    verdict: '=',
    fragment: 'type: EDS',
    reject: [
      {
        code: 'EDS_WITHOUT_CONFIG',
        path: `${P}.type`,
        text: 'cannot create an EDS cluster without an EDS config',
      },
    ],
  },
  {
    id: 'B06',
    envoy: 'REJECT cluster: field load_balancing_policy need to be set',
    verdict: '=',
    fragment: 'lb_policy: LOAD_BALANCING_POLICY_CONFIG',
    reject: [
      {
        code: 'MISSING_LB_POLICY',
        path: `${P}.lb_policy`,
        text: 'cluster: field load_balancing_policy need to be set',
      },
    ],
  },
  {
    id: 'B10',
    envoy: 'ACCEPT silently; the least-request config is ignored',
    verdict: '+warn',
    fragment: 'least_request_lb_config: {choice_count: 7}',
    warn: [{ code: 'IGNORED_LB_CONFIG', path: `${P}.least_request_lb_config` }],
    check: (r) => expect(policy(r)).toEqual({ policy: 'ROUND_ROBIN', slowStart: null }),
  },

  // C. LB-policy-specific configs
  {
    id: 'C01',
    envoy: 'REJECT ring hash: minimum_ring_size (2000) > maximum_ring_size (1000)',
    verdict: '=',
    fragment:
      'lb_policy: RING_HASH\nring_hash_lb_config: {minimum_ring_size: 2000, maximum_ring_size: 1000}',
    reject: [
      {
        code: 'ENVOY_RING_SIZE_BOUNDS',
        path: `${P}.ring_hash_lb_config.minimum_ring_size`,
        text: 'ring hash: minimum_ring_size (2000) > maximum_ring_size (1000)',
      },
    ],
  },
  {
    id: 'C04',
    envoy:
      'REJECT RingHashValidationError.MinimumRingSize: value must be inside range [1, 8388608]',
    verdict: '=',
    fragment: typed('ring_hash', 'RingHash', ', minimum_ring_size: 0'),
    reject: [
      {
        code: 'PGV_RANGE',
        path: `${P}.load_balancing_policy.policies[0].typed_extension_config.typed_config.minimum_ring_size`,
        text: 'value must be inside range [1, 8388608]',
      },
    ],
  },
  {
    id: 'C06 (legacy)',
    envoy: 'ACCEPT; legacy hash_function 1 = MURMUR_HASH_2',
    verdict: '=',
    fragment: 'lb_policy: RING_HASH\nring_hash_lb_config: {hash_function: 1}',
    warn: [{ code: 'NUMERIC_ENUM', path: `${P}.ring_hash_lb_config.hash_function` }],
    check: (r) => expect(policy(r).hashFunction).toBe('MURMUR_HASH_2'),
  },
  {
    id: 'C06 (typed)',
    envoy: 'ACCEPT; typed RingHash hash_function 1 = XX_HASH',
    verdict: '=',
    fragment: typed('ring_hash', 'RingHash', ', hash_function: 1'),
    warn: [
      {
        code: 'NUMERIC_ENUM',
        path: `${P}.load_balancing_policy.policies[0].typed_extension_config.typed_config.hash_function`,
      },
    ],
    check: (r) => expect(policy(r)).toMatchObject({ policy: 'RING_HASH', hashFunction: 'XX_HASH' }),
  },
  {
    id: 'C06 (names)',
    envoy: 'ACCEPT; the same names on both sides mean the same hash',
    verdict: '=',
    fragment: typed('ring_hash', 'RingHash', ', hash_function: MURMUR_HASH_2'),
    check: (r) => expect(policy(r).hashFunction).toBe('MURMUR_HASH_2'),
  },
  ...(['100', '1', '0'] as const).map((size): Case => ({
    id: size === '100' ? 'C07' : `C10 (${size})`,
    envoy: 'REJECT The table size of maglev must be prime number',
    verdict: '=',
    fragment: `lb_policy: MAGLEV\nmaglev_lb_config: {table_size: ${size}}`,
    reject: [
      {
        code: 'ENVOY_MAGLEV_TABLE_NOT_PRIME',
        path: `${P}.maglev_lb_config.table_size`,
        text: 'The table size of maglev must be prime number',
      },
    ],
  })),
  ...(['1', '0'] as const).map((n): Case => ({
    id: `C12 (${n})`,
    envoy: 'REJECT ChoiceCount: value must be greater than or equal to 2',
    verdict: '=',
    fragment: `lb_policy: LEAST_REQUEST\nleast_request_lb_config: {choice_count: ${n}}`,
    reject: [
      {
        code: 'PGV_GTE',
        path: `${P}.least_request_lb_config.choice_count`,
        text: 'value must be greater than or equal to 2',
      },
    ],
  })),
  {
    id: 'C13',
    envoy: 'ACCEPT (no upper bound; each pick draws 4.3e9 times)',
    verdict: '+warn',
    fragment: 'lb_policy: LEAST_REQUEST\nleast_request_lb_config: {choice_count: 4294967295}',
    warn: [{ code: 'HUGE_CHOICE_COUNT', path: `${P}.least_request_lb_config.choice_count` }],
    check: (r) => expect(policy(r).choiceCount).toBe(4294967295),
  },

  // D. Common LB config
  {
    id: 'D01',
    envoy: 'REJECT PercentValidationError.Value: value must be inside range [0, 100]',
    verdict: '=',
    fragment: 'common_lb_config: {healthy_panic_threshold: {value: 100.5}}',
    reject: [
      {
        code: 'PGV_RANGE',
        path: `${P}.common_lb_config.healthy_panic_threshold.value`,
        text: 'value must be inside range [0, 100]',
      },
    ],
  },
  ...(['NaN', '.nan', '"NaN"'] as const).map((nan): Case => ({
    id: `D02 (${nan})`,
    envoy: 'REJECT Value not in the range of 0..100 range.',
    verdict: '=',
    fragment: `common_lb_config: {healthy_panic_threshold: {value: ${nan}}}`,
    reject: [
      {
        code: 'PERCENT_NAN',
        path: `${P}.common_lb_config.healthy_panic_threshold`,
        text: 'Value not in the range of 0..100 range.',
      },
    ],
  })),
  ...(['4.89e-311', '0'] as const).map((value): Case => ({
    id: value === '0' ? 'D05' : 'D04',
    envoy: 'ACCEPT; threshold 0 (panic disabled)',
    verdict: '=',
    fragment: `common_lb_config: {healthy_panic_threshold: {value: ${value}}}`,
    check: (r) => expect(r.clusters[0].commonLbConfig.healthyPanicThreshold).toBe(0),
  })),
  {
    id: 'D07',
    envoy: 'REJECT HashBalanceFactor: value must be greater than or equal to 100',
    verdict: '=',
    fragment: 'common_lb_config: {consistent_hashing_lb_config: {hash_balance_factor: 99}}',
    reject: [
      {
        code: 'PGV_GTE',
        path: `${P}.common_lb_config.consistent_hashing_lb_config.hash_balance_factor`,
        text: 'value must be greater than or equal to 100',
      },
    ],
  },

  // E. Endpoints, weights, EDS
  {
    id: 'E02',
    envoy: 'ACCEPT (the assignment name must match only for EDS)',
    verdict: '=',
    fragment:
      'load_assignment: {cluster_name: other, endpoints: [{lb_endpoints: [' + ep(1) + ']}]}',
    check: (r) => expect(r.clusters.map((c) => c.name)).toEqual(['c']),
  },
  {
    id: 'E05',
    envoy: 'REJECT LbEndpointValidationError.LoadBalancingWeight: value must be >= 1',
    verdict: '=',
    fragment: assignment(`{lb_endpoints: [${ep(1, 'load_balancing_weight: 0, ')}]}`),
    reject: [
      {
        code: 'PGV_GTE',
        path: `${P}.load_assignment.endpoints[0].lb_endpoints[0].load_balancing_weight`,
        text: 'value must be greater than or equal to 1',
      },
    ],
  },
  {
    id: 'E06',
    envoy: 'REJECT locality LoadBalancingWeight: value must be >= 1',
    verdict: '=',
    fragment: assignment(
      `{locality: {zone: a}, load_balancing_weight: 0, lb_endpoints: [${ep(1)}]}`,
    ),
    reject: [
      {
        code: 'PGV_GTE',
        path: `${P}.load_assignment.endpoints[0].load_balancing_weight`,
        text: 'value must be greater than or equal to 1',
      },
    ],
  },
  {
    id: 'E09',
    envoy:
      'REJECT The sum of weights of all localities at the same priority exceeds 4294967295 (hash LB)',
    verdict: '=',
    fragment: [
      'lb_policy: RING_HASH',
      'common_lb_config: {locality_weighted_lb_config: {}}',
      assignment(
        `{locality: {zone: a}, load_balancing_weight: 4294967295, lb_endpoints: [${ep(1)}]}, {locality: {zone: b}, load_balancing_weight: 2, lb_endpoints: [${ep(2)}]}`,
      ),
    ].join('\n'),
    reject: [
      {
        code: 'WEIGHT_SUM_OVERFLOW',
        path: `${P}.load_assignment`,
        text: 'The sum of weights of all localities at the same priority exceeds 4294967295',
      },
    ],
  },
  {
    id: 'E18 (empty)',
    envoy: 'ACCEPT; zero hosts',
    verdict: '=',
    fragment: 'load_assignment: {cluster_name: c, endpoints: []}',
    check: (r) => expect(hosts(r)).toBe(0),
  },
  {
    id: 'E18 (omitted)',
    envoy: 'ACCEPT; zero hosts',
    verdict: '=',
    omit: ['load_assignment'],
    check: (r) => expect(hosts(r)).toBe(0),
  },
  {
    id: 'E20',
    envoy: 'ACCEPT; the DRAINING host is excluded (newer Envoy) or unhealthy (older)',
    verdict: '=',
    fragment: assignment(`{lb_endpoints: [${ep(1, 'health_status: DRAINING, ')}]}`),
    check: (r) => expect(r.clusters[0].endpoints[0].hosts[0].healthStatus).toBe('DRAINING'),
  },

  // F. Policy
  {
    id: 'F02',
    envoy: 'ACCEPT; overprovisioning 4294967295',
    verdict: '=',
    fragment: assignment(
      `{lb_endpoints: [${ep(1)}]}`,
      'policy: {overprovisioning_factor: 4294967295}, ',
    ),
    check: (r) => expect(r.clusters[0].overprovisioningFactor).toBe(4294967295),
  },

  // K. Scale and resource exhaustion
  {
    id: 'K03',
    envoy: 'ACCEPT 10,000 localities x 1 endpoint with locality weighting',
    verdict: '=',
    text: JSON.stringify({
      static_resources: {
        clusters: [
          {
            name: 'c',
            connect_timeout: '1s',
            common_lb_config: { locality_weighted_lb_config: {} },
            load_assignment: {
              cluster_name: 'c',
              endpoints: Array.from({ length: FULL_LOCALITIES }, (_, i) => ({
                locality: { zone: `z${i}` },
                load_balancing_weight: 1 + (i % 7),
                lb_endpoints: [
                  {
                    endpoint: {
                      address: {
                        socket_address: { address: `10.0.${i >> 8}.${i & 255}`, port_value: 80 },
                      },
                    },
                  },
                ],
              })),
            },
          },
        ],
      },
    }),
    check: (r) => {
      expect(r.clusters[0].endpoints).toHaveLength(FULL_LOCALITIES);
      expect(r.clusters[0].commonLbConfig.localityWeightedLb).toBe(true);
    },
  },
  {
    id: 'K05',
    envoy: 'ACCEPT RING_HASH minimum_ring_size 8388608 with 2 hosts',
    verdict: '=',
    fragment: `lb_policy: RING_HASH\nring_hash_lb_config: {minimum_ring_size: 8388608}\n${assignment(`{lb_endpoints: [${ep(1)}, ${ep(2)}]}`)}`,
    check: (r) => {
      expect(policy(r)).toMatchObject({ minimumRingSize: 8388608, maximumRingSize: 8388608 });
      expect(hosts(r)).toBe(2);
    },
  },
  {
    id: 'K06 (config)',
    envoy: 'ACCEPT MAGLEV table_size 5000011 (the largest prime allowed)',
    verdict: '=',
    fragment: 'lb_policy: MAGLEV\nmaglev_lb_config: {table_size: 5000011}',
    check: (r) => expect(policy(r).tableSize).toBe(5000011),
  },
  {
    id: 'K09',
    envoy: 'ACCEPT a 100 MB file if it parses (no size cap)',
    verdict: 'stricter',
    text: `# ${'x'.repeat(17 * 1024 * 1024)}\nname: c\n`,
    reject: [{ code: 'DOCUMENT_TOO_LARGE', path: '', text: 'larger than 16777216 bytes' }],
  },
  {
    id: 'K09 (configurable)',
    envoy: 'ACCEPT a 100 MB file if it parses (no size cap)',
    verdict: 'stricter',
    fragment: 'common_lb_config: {}',
    options: { limits: { maxBytes: 100, maxDepth: 100, maxAliasExpansion: 100_000 } },
    reject: [{ code: 'DOCUMENT_TOO_LARGE', path: '', text: 'larger than 100 bytes' }],
  },
  // Cases the first version of the config reader got wrong, now mirrored.
  {
    id: 'B07',
    envoy:
      "REJECT didn't find a registered load balancer factory … for cluster: 'c' with names from [x]",
    verdict: '=',
    fragment:
      'load_balancing_policy: {policies: [{typed_extension_config: {name: x, typed_config: {"@type": type.googleapis.com/google.protobuf.Struct}}}]}',
    reject: [
      {
        code: 'NO_SUPPORTED_POLICY',
        path: `${P}.load_balancing_policy.policies`,
        text: "implementation for cluster: 'c' with names from [x]",
      },
    ],
  },
  {
    id: 'B09',
    envoy: 'REJECT cluster: load_balancing_policy cannot be combined with lb_subset_config',
    verdict: '=',
    fragment: `${typed('round_robin', 'RoundRobin')}\nlb_subset_config: {subset_selectors: [{keys: [a]}]}`,
    reject: [
      {
        code: 'SUBSET_CONFLICT',
        path: `${P}.lb_subset_config`,
        text: 'cluster: load_balancing_policy cannot be combined with lb_subset_config',
      },
    ],
  },
  {
    id: 'B12',
    envoy: "REJECT Unexpected non-zero priority for local cluster 'c'.",
    verdict: '=',
    top: 'cluster_manager: {local_cluster_name: c}\n',
    fragment: assignment(`{lb_endpoints: [${ep(1)}]}, {priority: 1, lb_endpoints: [${ep(2)}]}`),
    reject: [
      {
        code: 'LOCAL_CLUSTER_PRIORITY',
        path: `${P}.load_assignment.endpoints`,
        text: "Unexpected non-zero priority for local cluster 'c'.",
      },
    ],
  },
  {
    id: 'C03',
    envoy: 'ACCEPT legacy minimum_ring_size 0: an empty ring, every pick fails',
    verdict: '+warn',
    fragment: 'lb_policy: RING_HASH\nring_hash_lb_config: {minimum_ring_size: 0}',
    warn: [{ code: 'EMPTY_RING', path: `${P}.ring_hash_lb_config.minimum_ring_size` }],
  },
  {
    id: 'C09',
    envoy: 'REJECT PGV value must be less than or equal to 5000011',
    verdict: '=',
    fragment: 'lb_policy: MAGLEV\nmaglev_lb_config: {table_size: 18374967954648334337}',
    reject: [
      {
        code: 'PGV_LTE',
        path: `${P}.maglev_lb_config.table_size`,
        text: 'value must be less than or equal to 5000011',
      },
    ],
  },
  {
    id: 'C15',
    envoy: "REJECT no such field: 'enable_full_scan' (only the typed message has it)",
    verdict: '=',
    fragment: 'lb_policy: LEAST_REQUEST\nleast_request_lb_config: {enable_full_scan: true}',
    reject: [
      {
        code: 'UNKNOWN_FIELD',
        path: `${P}.least_request_lb_config.enable_full_scan`,
        text: "no such field: 'enable_full_scan'",
      },
    ],
  },
  {
    id: 'C16',
    envoy: 'ACCEPT; aggression 0 is logged and 1.0 is used at pick time',
    verdict: '+warn',
    fragment:
      'round_robin_lb_config: {slow_start_config: {slow_start_window: 1s, aggression: {default_value: 0, runtime_key: a}, min_weight_percent: {value: 0}}}',
    warn: [
      {
        code: 'INVALID_AGGRESSION',
        path: `${P}.round_robin_lb_config.slow_start_config.aggression`,
        text: 'aggression cannot be less than 0.0',
      },
      {
        code: 'unsupported_field',
        path: `${P}.round_robin_lb_config.slow_start_config.aggression.runtime_key`,
      },
    ],
  },
  {
    id: 'D08',
    envoy: 'REJECT Expected positive duration (update_merge_window -1s)',
    verdict: '=',
    fragment: 'common_lb_config: {update_merge_window: -1s}',
    reject: [
      {
        code: 'NEGATIVE_DURATION',
        path: `${P}.common_lb_config.update_merge_window`,
        text: 'Expected positive duration',
      },
    ],
  },
  {
    id: 'E08',
    envoy: 'ACCEPT for ROUND_ROBIN (EDF uses doubles); the proto requires the sum to fit uint32',
    verdict: 'stricter',
    fragment: assignment(
      `{lb_endpoints: [${ep(1, 'load_balancing_weight: 4294967295, ')}, ${ep(2, 'load_balancing_weight: 1, ')}]}`,
    ),
    reject: [
      {
        code: 'WEIGHT_SUM_OVERFLOW',
        path: `${P}.load_assignment`,
        text: 'The sum of weights of all upstream hosts in a locality exceeds 4294967295',
      },
    ],
  },
  {
    id: 'E11',
    envoy: 'ACCEPT a gap in priorities (priority 1 empty)',
    verdict: '+warn',
    fragment: assignment(`{lb_endpoints: [${ep(1)}]}, {priority: 2, lb_endpoints: [${ep(2)}]}`),
    warn: [{ code: 'PRIORITY_GAP', path: `${P}.load_assignment.endpoints`, text: 'priority 1' }],
  },
  {
    id: 'E12',
    envoy: 'ACCEPT priority 128 (priorities 0..127 empty)',
    verdict: '+warn',
    fragment: assignment(`{priority: 128, lb_endpoints: [${ep(1)}]}`),
    warn: [{ code: 'PRIORITY_GAP', path: `${P}.load_assignment.endpoints`, text: '128 in all' }],
  },
  {
    id: 'E14',
    envoy: 'ACCEPT the same address twice in a static assignment (both hosts kept)',
    verdict: '+warn',
    fragment: assignment(`{lb_endpoints: [${ep(1)}, ${ep(1)}]}`),
    warn: [{ code: 'DUPLICATE_ENDPOINT', path: `${P}.load_assignment.endpoints` }],
  },
  {
    id: 'E15',
    envoy: 'ACCEPT one locality twice at a priority: hosts merged, the last weight wins',
    verdict: '+warn',
    fragment: assignment(
      `{locality: {zone: a}, load_balancing_weight: 1, lb_endpoints: [${ep(1)}]}, {locality: {zone: a}, load_balancing_weight: 9, lb_endpoints: [${ep(2)}]}`,
    ),
    warn: [{ code: 'DUPLICATE_LOCALITY', path: `${P}.load_assignment.endpoints` }],
  },
  {
    id: 'E17',
    envoy: 'ACCEPT locality weighting with no locality weights (all weigh 0)',
    verdict: '+warn',
    fragment: `common_lb_config: {locality_weighted_lb_config: {}}\n${assignment(`{locality: {zone: a}, lb_endpoints: [${ep(1)}]}`)}`,
    warn: [{ code: 'NO_LOCALITY_WEIGHTS', path: `${P}.load_assignment.endpoints` }],
  },
  {
    id: 'E21',
    envoy: 'REJECT PGV health_check_config.port_value must be ≤ 65535',
    verdict: '=',
    fragment: assignment(
      `{lb_endpoints: [{endpoint: {address: {socket_address: {address: 10.0.0.1, port_value: 80}}, health_check_config: {port_value: 70000}}}]}`,
    ),
    reject: [
      {
        code: 'PGV_LTE',
        path: `${P}.load_assignment.endpoints[0].lb_endpoints[0].endpoint.health_check_config.port_value`,
        text: 'value must be less than or equal to 65535',
      },
    ],
  },
  {
    id: 'K02',
    envoy: 'no depth guard in Envoy; the simulator rejects absurd nesting with a clear error',
    verdict: 'stricter',
    text: `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    reject: [{ code: 'DOCUMENT_LIMIT', path: '' }],
  },
];

/** Cases on fields read but not modelled: Envoy's verdict is not reproduced, only announced. */
/** Cases on fields validated but not modelled: `field` is where the `unsupported_field` warning goes. */
const UNMODELLED: readonly (Case & { readonly field: string })[] = [
  {
    id: 'F03',
    verdict: '=',
    envoy: 'REJECT Cluster drop_overloads config has 2 categories. Envoy only support one.',
    fragment: assignment(
      `{lb_endpoints: [${ep(1)}]}`,
      'policy: {drop_overloads: [{category: a, drop_percentage: {numerator: 1}}, {category: b, drop_percentage: {numerator: 1}}]}, ',
    ),
    field: 'load_assignment.policy.drop_overloads',
    reject: [
      {
        code: 'ENVOY_DROP_OVERLOADS',
        path: `${P}.load_assignment.policy.drop_overloads`,
        text: 'has 2 categories. Envoy only support one.',
      },
    ],
  },
  {
    id: 'F05',
    verdict: '=',
    envoy: 'REJECT value length must be at least 1 characters',
    fragment: assignment(
      `{lb_endpoints: [${ep(1)}]}`,
      'policy: {drop_overloads: [{category: "", drop_percentage: {numerator: 1}}]}, ',
    ),
    field: 'load_assignment.policy.drop_overloads',
    reject: [
      {
        code: 'PGV_MIN_LEN',
        path: `${P}.load_assignment.policy.drop_overloads[0].category`,
        text: 'value length must be at least 1 characters',
      },
    ],
  },
  {
    id: 'G01',
    verdict: '=',
    envoy: 'REJECT value must be less than or equal to 100',
    fragment: 'outlier_detection: {max_ejection_percent: 101}',
    field: 'outlier_detection',
    reject: [
      {
        code: 'PGV_LTE',
        path: `${P}.outlier_detection.max_ejection_percent`,
        text: 'value must be less than or equal to 100',
      },
    ],
  },
  {
    id: 'G03',
    verdict: '=',
    envoy: "REJECT outlier detector's max_ejection_time cannot be smaller than base_ejection_time",
    fragment: 'outlier_detection: {base_ejection_time: 30s, max_ejection_time: 10s}',
    field: 'outlier_detection',
    reject: [
      {
        code: 'ENVOY_MAX_EJECTION_TIME',
        path: `${P}.outlier_detection.max_ejection_time`,
        text: 'max_ejection_time cannot be smaller than base_ejection_time',
      },
    ],
  },
  {
    id: 'G04',
    verdict: '=',
    envoy: 'ACCEPT; max_ejection_time defaults to 400s',
    fragment: 'outlier_detection: {base_ejection_time: 400s}',
    field: 'outlier_detection',
  },
  {
    id: 'G06',
    verdict: '+warn',
    envoy: 'ACCEPT; never triggers',
    fragment: 'outlier_detection: {consecutive_5xx: 0}',
    field: 'outlier_detection',
    warn: [{ code: 'NEVER_FIRES', path: `${P}.outlier_detection.consecutive_5xx` }],
  },
  {
    id: 'G07',
    verdict: '=',
    envoy: 'ACCEPT; threshold = mean',
    fragment: 'outlier_detection: {success_rate_stdev_factor: 0}',
    field: 'outlier_detection',
  },
  {
    id: 'H01',
    verdict: '=',
    envoy: 'REJECT PGV defined_only',
    fragment: 'circuit_breakers: {thresholds: [{priority: 7}]}',
    field: 'circuit_breakers',
    reject: [{ code: 'PGV_DEFINED_ONLY', path: `${P}.circuit_breakers.thresholds[0].priority` }],
  },
  {
    id: 'H02',
    verdict: '+warn',
    envoy: 'ACCEPT; every request overflows',
    fragment: 'circuit_breakers: {thresholds: [{max_requests: 0}]}',
    field: 'circuit_breakers',
    warn: [{ code: 'ALWAYS_OPEN', path: `${P}.circuit_breakers.thresholds[0].max_requests` }],
  },
  {
    id: 'H04',
    verdict: '=',
    envoy: 'REJECT Unsupported field in per_host_thresholds',
    fragment: 'circuit_breakers: {per_host_thresholds: [{max_requests: 1}]}',
    field: 'circuit_breakers',
    reject: [
      {
        code: 'ENVOY_PER_HOST_THRESHOLDS',
        path: `${P}.circuit_breakers.per_host_thresholds[0].max_requests`,
        text: 'Unsupported field in per_host_thresholds',
      },
    ],
  },
  {
    id: 'I01',
    verdict: '=',
    envoy: 'REJECT fallback_keys_subset can be set only for KEYS_SUBSET fallback_policy',
    fragment: 'lb_subset_config: {subset_selectors: [{keys: [a], fallback_keys_subset: [a]}]}',
    field: 'lb_subset_config',
    reject: [
      {
        code: 'ENVOY_SUBSET_SELECTOR',
        path: `${P}.lb_subset_config.subset_selectors[0].fallback_keys_subset`,
        text: 'can be set only for KEYS_SUBSET fallback_policy',
      },
    ],
  },
  {
    id: 'I03',
    verdict: '=',
    envoy: 'REJECT fallback_keys_subset must be a subset of selector keys',
    fragment:
      'lb_subset_config: {subset_selectors: [{keys: [a, b], fallback_policy: KEYS_SUBSET, fallback_keys_subset: [c]}]}',
    field: 'lb_subset_config',
    reject: [
      {
        code: 'ENVOY_SUBSET_SELECTOR',
        path: `${P}.lb_subset_config.subset_selectors[0].fallback_keys_subset`,
        text: 'must be a subset of selector keys',
      },
    ],
  },
  {
    id: 'I04',
    verdict: '=',
    envoy: 'REJECT fallback_keys_subset cannot be equal to keys',
    fragment:
      'lb_subset_config: {subset_selectors: [{keys: [a, b], fallback_policy: KEYS_SUBSET, fallback_keys_subset: [b, a]}]}',
    field: 'lb_subset_config',
    reject: [
      {
        code: 'ENVOY_SUBSET_SELECTOR',
        path: `${P}.lb_subset_config.subset_selectors[0].fallback_keys_subset`,
        text: 'cannot be equal to keys',
      },
    ],
  },
  {
    id: 'I06',
    verdict: '+warn',
    envoy: 'ACCEPT; subset LB not enabled',
    fragment: 'lb_subset_config: {subset_selectors: []}',
    field: 'lb_subset_config',
    warn: [{ code: 'SUBSET_DISABLED', path: `${P}.lb_subset_config.subset_selectors` }],
  },
  {
    id: 'I07',
    verdict: '+warn',
    envoy: 'ACCEPT; every pick returns no host',
    fragment: 'lb_subset_config: {subset_selectors: [{keys: []}]}',
    field: 'lb_subset_config',
    warn: [{ code: 'SUBSET_NEVER_MATCHES', path: `${P}.lb_subset_config.subset_selectors` }],
  },
  {
    id: '(health checks)',
    verdict: '=',
    envoy: 'ACCEPT',
    fragment:
      'health_checks: [{timeout: 1s, interval: 1s, unhealthy_threshold: 1, healthy_threshold: 1, tcp_health_check: {}}]',
    field: 'health_checks',
  },
];

describe('BAD-INPUTS.md public cases', () => {
  for (const c of CASES) {
    it(`${c.id} [${c.verdict}] ${c.envoy}`, () => {
      const r = run(c);
      if (c.reject) {
        expect(r.ok).toBe(false);
        expect(r.clusters).toEqual([]);
        expectIssues(r, 'error', c.reject);
      } else {
        expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(r.ok).toBe(true);
        expectIssues(r, 'warning', c.warn ?? []);
        c.check?.(r);
      }
    });
  }
});

describe('BAD-INPUTS.md cases on fields validated but not modelled', () => {
  for (const c of UNMODELLED) {
    it(`${c.id} [${c.verdict}] ${c.envoy}`, () => {
      const r = run(c);
      const unsupported = { code: 'unsupported_field', path: `${P}.${c.field}` };
      if (c.reject) {
        expect(r.ok).toBe(false);
        expectIssues(r, 'error', c.reject);
        expectIssues(r, 'warning', [unsupported]);
      } else {
        expect(r.ok).toBe(true);
        expectIssues(r, 'error', []);
        expectIssues(r, 'warning', [...(c.warn ?? []), unsupported]);
      }
    });
  }
});

describe('the setting of E03: an EDS cluster and the file its eds_config names', () => {
  const eds = JSON.stringify({
    resources: [
      {
        '@type': 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment',
        cluster_name: 'c',
        endpoints: [
          {
            lb_endpoints: [
              {
                endpoint: { address: { socket_address: { address: '10.0.0.1', port_value: 80 } } },
              },
            ],
          },
        ],
      },
    ],
  });
  const readFile: ConfigFileReader = (path) =>
    path === '/eds.yaml' ? { file: path, text: eds } : undefined;

  it('an assignment named otherwise is rejected as Envoy rejects the EDS update (E03)', () => {
    const text = bootstrap('type: EDS\neds_cluster_config: {eds_config: {path: /wrong.yaml}}', '', [
      'load_assignment',
    ]);
    const wrong = eds.replace('"cluster_name":"c"', '"cluster_name":"wrong"');
    const r = loadConfig(
      { text },
      { readFile: (path) => (path === '/wrong.yaml' ? { file: path, text: wrong } : undefined) },
    );
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.code, i.path, i.message])).toEqual([
      [
        'EDS_CLUSTER_MISMATCH',
        `${P}.eds_cluster_config.eds_config`,
        'Unexpected EDS cluster (expecting c): wrong',
      ],
    ]);
  });

  it('the assignment named after the cluster fills it', () => {
    const text = bootstrap('type: EDS\neds_cluster_config: {eds_config: {path: /eds.yaml}}', '', [
      'load_assignment',
    ]);
    const r = loadConfig({ text }, { readFile });
    expect(r.issues).toEqual([]);
    expect(r.clusters.map((c) => [c.name, c.endpoints[0].hosts[0].address])).toEqual([
      ['c', '10.0.0.1:80'],
    ]);
  });
});
