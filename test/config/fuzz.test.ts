/**
 * Config fuzzing after spec/FUZZ.md §3: a schema-aware generator of valid configs (Envoy's
 * lenient proto-JSON: both LB styles, camelCase names, `{value}` wrappers, quoted integers,
 * lower-case enums), structured mutations of them (deleted fields, wrong types, out-of-range and
 * huge numbers, odd and unicode strings, deep nesting, long lists), byte-level mutations of their
 * text, and plain garbage. loadConfig must never throw, must finish quickly, and must return
 * either well-formed cluster models or issues with a code and a path. Valid configs must also
 * survive a round trip: load → model → the model written back as a Cluster YAML → load → the
 * same model.
 *
 * Seeded: `FC_SEED` from the environment, else the property suite's default; fast-check prints
 * the seed and path of any counterexample (`FC_SEED=<seed> npx vitest run test/config/fuzz`).
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { HEALTH_STATUSES, buildPrioritySet, loadConfig } from '../../src/index.js';
import type { ClusterModel, LbPolicyConfig, LoadOptions, LoadResult } from '../../src/index.js';
import { fcParams } from '../property/arbitraries.js';

/**
 * A Percent that Envoy converts back to the integer `t`: it truncates 100·(v/100), so some
 * integers (58 → 57.99…) need v = t + 0.5 to survive the round trip.
 */
function percentFor(t: number): number {
  return Math.trunc(100 * (t / 100)) === t ? t : t + 0.5;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };

const MAX_U32 = 4294967295;
/** Slowest acceptable load of one fuzzed document (they are all well under 100 KB). */
const MAX_MS = 2000;

// ---------------------------------------------------------------------------------------------
// Valid configs

const PRIMES = [2, 7, 17, 101, 1009, 65537, 131071, 5000011];

/** Strings that stay strings in YAML and JSON and have no control or line-separator characters. */
const textArb = (maxLength = 12): Arbitrary<string> =>
  fc
    .string({ unit: 'grapheme', maxLength })
    .filter((s) => ![...s].some((ch) => isControl(ch.codePointAt(0) ?? 0)));

/** C0/C1 controls, DEL, the line and paragraph separators and the byte-order mark. */
function isControl(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029 || cp === 0xfeff;
}

const nameArb = fc.stringMatching(/^[a-z][a-z0-9_.-]{0,15}$/);

/** An enum name as Envoy accepts it: any case. */
const enumArb = (name: string): Arbitrary<string> => fc.constantFrom(name, name.toLowerCase());

/** A uint32 wrapper written bare, as `{value: n}` or as a quoted integer. */
const wrapped = (n: Arbitrary<number>): Arbitrary<Json> =>
  n.chain((v) => fc.constantFrom<Json>(v, { value: v }, String(v)));

/** `envoy.type.v3.Percent`. */
const percentArb = fc
  .oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }))
  .map((v): Json => ({ value: v + 0 }));

/** A Duration from whole milliseconds: "<s>.<mmm>s". */
const durationOf = (ms: number): string =>
  `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}s`;

const slowStartArb: Arbitrary<Obj> = fc.record(
  {
    slow_start_window: fc.integer({ min: 0, max: 600_000 }).map(durationOf),
    aggression: fc
      .double({ min: 0.01, max: 10, noNaN: true })
      .map((v): Json => ({ default_value: v })),
    min_weight_percent: percentArb,
  },
  { requiredKeys: [] },
);

const ipArb = fc
  .tuple(fc.nat(255), fc.nat(255), fc.integer({ min: 1, max: 254 }))
  .map(([a, b, c]) => `10.${a}.${b}.${c}`);

const lbEndpointArb: Arbitrary<Obj> = fc.record(
  {
    endpoint: fc.record(
      {
        address: fc.record({
          socket_address: fc.record({
            address: ipArb,
            port_value: fc.integer({ min: 1, max: 65535 }),
          }),
        }),
        hostname: nameArb,
      },
      { requiredKeys: ['address'] },
    ),
    load_balancing_weight: wrapped(fc.integer({ min: 1, max: 1000 })),
    health_status: fc.constantFrom(...HEALTH_STATUSES),
    metadata: fc
      .dictionary(
        textArb(8).filter((k) => k !== ''),
        fc.oneof(textArb(), fc.integer(), fc.boolean()),
        { maxKeys: 3 },
      )
      .map((fields): Json => ({ filter_metadata: { 'envoy.lb': fields } })),
  },
  { requiredKeys: ['endpoint'] },
);

const localityArb: Arbitrary<Obj> = fc.record(
  { region: nameArb, zone: nameArb, sub_zone: nameArb },
  { requiredKeys: [] },
);

const groupArb: Arbitrary<Obj> = fc.record(
  {
    locality: localityArb,
    load_balancing_weight: wrapped(fc.integer({ min: 1, max: 1000 })),
    priority: fc.integer({ min: 0, max: 4 }),
    lb_endpoints: fc.array(lbEndpointArb, { maxLength: 4 }),
  },
  { requiredKeys: ['lb_endpoints'] },
);

const assignmentArb = (name: string): Arbitrary<Obj> =>
  fc.record(
    {
      cluster_name: fc.constant(name),
      endpoints: fc.array(groupArb, { maxLength: 4 }),
      policy: fc.record(
        {
          overprovisioning_factor: wrapped(fc.integer({ min: 1, max: 1000 })),
          weighted_priority_health: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: ['cluster_name', 'endpoints'] },
  );

const zoneAwareArb: Arbitrary<Obj> = fc.record(
  {
    routing_enabled: percentArb,
    min_cluster_size: wrapped(fc.integer({ min: 0, max: 1000 })),
    fail_traffic_on_panic: fc.boolean(),
  },
  { requiredKeys: [] },
);

const hashingArb: Arbitrary<Obj> = fc.record(
  {
    use_hostname_for_hashing: fc.boolean(),
    hash_balance_factor: wrapped(fc.integer({ min: 100, max: 1000 })),
  },
  { requiredKeys: [] },
);

/** Ring sizes with min <= max, counting the defaults (1024 and 8388608) of an absent side. */
const ringSizesArb: Arbitrary<Obj> = fc
  .tuple(fc.integer({ min: 1, max: 8388608 }), fc.integer({ min: 1, max: 8388608 }))
  .chain(([a, b]) => {
    const [min, max] = [Math.min(a, b), Math.max(a, b)];
    return fc.constantFrom<Obj[]>(
      [],
      [{ minimum_ring_size: min }],
      [{ minimum_ring_size: min }, { maximum_ring_size: max }],
      max >= 1024 ? [{ maximum_ring_size: max }] : [],
    );
  })
  .chain((parts) =>
    fc
      .tuple(...parts.map((p) => wrapped(fc.constant(Object.values(p)[0] as number))))
      .map((values): Obj =>
        Object.fromEntries(parts.map((p, i) => [Object.keys(p)[0], values[i]])),
      ),
  );

const leastRequestFields = {
  choice_count: wrapped(fc.integer({ min: 2, max: 200 })),
  active_request_bias: fc.record(
    {
      default_value: fc.double({ min: 0, max: 10, noNaN: true }).map((v) => v + 0),
      runtime_key: nameArb,
    },
    { requiredKeys: ['default_value'] },
  ),
  slow_start_config: slowStartArb,
};

/** Fields of a cluster in the legacy style: `lb_policy`, `*_lb_config`, `common_lb_config`. */
const legacyPolicyArb: Arbitrary<Obj> = fc.oneof(
  fc.record(
    {
      lb_policy: enumArb('ROUND_ROBIN'),
      round_robin_lb_config: fc.record({ slow_start_config: slowStartArb }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      lb_policy: enumArb('LEAST_REQUEST'),
      least_request_lb_config: fc.record(leastRequestFields, { requiredKeys: [] }),
    },
    { requiredKeys: ['lb_policy'] },
  ),
  fc.record({ lb_policy: enumArb('RANDOM') }),
  fc.record(
    {
      lb_policy: enumArb('RING_HASH'),
      ring_hash_lb_config: fc
        .tuple(ringSizesArb, fc.constantFrom('XX_HASH', 'MURMUR_HASH_2'))
        .map(([sizes, fn]): Json => ({ ...sizes, hash_function: fn })),
    },
    { requiredKeys: ['lb_policy'] },
  ),
  fc.record(
    {
      lb_policy: enumArb('MAGLEV'),
      maglev_lb_config: fc.record({ table_size: wrapped(fc.constantFrom(...PRIMES)) }),
    },
    { requiredKeys: ['lb_policy'] },
  ),
);

const legacyCommonArb = (hashing: boolean): Arbitrary<Obj> =>
  fc.record(
    {
      healthy_panic_threshold: percentArb,
      zone_aware_lb_config: zoneAwareArb,
      consistent_hashing_lb_config: hashing ? hashingArb : fc.constant({}),
    },
    { requiredKeys: [] },
  );

const legacyArb: Arbitrary<Obj> = legacyPolicyArb.chain((policy) => {
  const hashing = /ring_hash|maglev/i.test(String(policy.lb_policy));
  return fc.tuple(legacyCommonArb(hashing), fc.boolean()).map(([common, weighted]): Obj => {
    const c: Obj = { ...common };
    // The locality oneof: zone aware or locality weighted, never both.
    if (weighted) {
      delete c.zone_aware_lb_config;
      c.locality_weighted_lb_config = {};
    }
    return { ...policy, common_lb_config: c };
  });
});

const TYPED = 'type.googleapis.com/envoy.extensions.load_balancing_policies.';

const localityLbConfigArb: Arbitrary<Json> = fc.oneof(
  zoneAwareArb.chain((zone) =>
    fc
      .record(
        {
          locality_basis: fc.constantFrom('HEALTHY_HOSTS_NUM', 'HEALTHY_HOSTS_WEIGHT'),
          force_local_zone: fc.record({ min_size: fc.integer({ min: 1, max: 10 }) }),
        },
        { requiredKeys: [] },
      )
      .map((more): Json => ({ zone_aware_lb_config: { ...zone, ...more } })),
  ),
  fc.constant<Json>({ locality_weighted_lb_config: {} }),
);

/** Fields of a cluster in the typed style: `load_balancing_policy.policies[0]`. */
const typedArb: Arbitrary<Obj> = fc
  .oneof(
    fc
      .record(
        { locality_lb_config: localityLbConfigArb, slow_start_config: slowStartArb },
        { requiredKeys: [] },
      )
      .map((f) => ['round_robin.v3.RoundRobin', f] as const),
    fc
      .record(
        {
          ...leastRequestFields,
          locality_lb_config: localityLbConfigArb,
          selection_method: fc.constantFrom('N_CHOICES', 'FULL_SCAN'),
        },
        { requiredKeys: [] },
      )
      .map((f) => ['least_request.v3.LeastRequest', f] as const),
    fc
      .record({ locality_lb_config: localityLbConfigArb }, { requiredKeys: [] })
      .map((f) => ['random.v3.Random', f] as const),
    fc
      .tuple(
        ringSizesArb,
        fc.record(
          {
            hash_function: fc.constantFrom('DEFAULT_HASH', 'XX_HASH', 'MURMUR_HASH_2'),
            consistent_hashing_lb_config: hashingArb,
            locality_weighted_lb_config: fc.constant({}),
          },
          { requiredKeys: [] },
        ),
      )
      .map(([sizes, f]) => ['ring_hash.v3.RingHash', { ...sizes, ...f }] as const),
    fc
      .record(
        {
          table_size: wrapped(fc.constantFrom(...PRIMES)),
          consistent_hashing_lb_config: hashingArb,
          locality_weighted_lb_config: fc.constant({}),
        },
        { requiredKeys: [] },
      )
      .map((f) => ['maglev.v3.Maglev', f] as const),
  )
  .chain(([type, fields]) =>
    fc.record({ healthy_panic_threshold: percentArb }, { requiredKeys: [] }).map((common): Obj => ({
      common_lb_config: common,
      load_balancing_policy: {
        policies: [
          { typed_extension_config: { name: 'not.registered', typed_config: { '@type': 'x' } } },
          {
            typed_extension_config: {
              name: `envoy.load_balancing_policies.${type.split('.')[0]}`,
              typed_config: { '@type': `${TYPED}${type}`, ...(fields as Obj) },
            },
          },
        ],
      },
    })),
  );

/** A valid STATIC Cluster message. */
/** Valid settings of the fields validated but not modelled (each adds an unsupported_field warning). */
const unmodelledArb: Arbitrary<Obj> = fc.record(
  {
    outlier_detection: fc.record(
      {
        consecutive_5xx: fc.integer({ min: 1, max: 10 }),
        interval: fc.constantFrom('1s', '10s'),
        base_ejection_time: fc.constantFrom('30s', { seconds: 5 }),
        max_ejection_percent: wrapped(fc.integer({ min: 0, max: 100 })),
      },
      { requiredKeys: [] },
    ),
    circuit_breakers: fc.record({
      thresholds: fc.array(
        fc.record(
          {
            priority: fc.constantFrom('DEFAULT', 'HIGH'),
            max_connections: wrapped(fc.integer({ min: 1, max: 5000 })),
            max_requests: wrapped(fc.integer({ min: 1, max: 5000 })),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 2 },
      ),
    }),
    health_checks: fc.array(
      fc.record({
        timeout: fc.constant('1s'),
        interval: fc.constantFrom('5s', '0.5s'),
        unhealthy_threshold: fc.integer({ min: 1, max: 5 }),
        healthy_threshold: fc.integer({ min: 1, max: 5 }),
        tcp_health_check: fc.constant({}),
      }),
      { minLength: 1, maxLength: 1 },
    ),
  },
  { requiredKeys: [] },
);

/**
 * Hostname hashing anywhere in the LB fields. Envoy allows it in common_lb_config only on
 * STRICT_DNS clusters, whose hosts are named by their address; generated clusters that hash by
 * hostname are STRICT_DNS whatever the style, so the round trip (which writes the legacy style)
 * gives the same hostnames.
 */
function hostnameHashing(lb: Obj): boolean {
  return JSON.stringify(lb).includes('"use_hostname_for_hashing":true');
}

const clusterArb: Arbitrary<Obj> = nameArb.chain((name) =>
  fc
    .tuple(fc.oneof(legacyArb, typedArb), assignmentArb(name), unmodelledArb)
    .map(([lb, load_assignment, unmodelled]): Obj => ({
      name,
      type: hostnameHashing(lb) ? 'STRICT_DNS' : 'STATIC',
      connect_timeout: '0.25s',
      ...lb,
      load_assignment,
      ...unmodelled,
    })),
);

/** snake_case → lowerCamelCase on every key (Envoy accepts both). */
function camelKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k.startsWith('@') || k.includes('.')
        ? k
        : k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase()),
      camelKeys(v),
    ]),
  );
}

type Shape = 'cluster' | 'bootstrap' | 'cds';

function document(cluster: Obj, shape: Shape): Obj {
  if (shape === 'cluster') return cluster;
  if (shape === 'bootstrap') return { static_resources: { clusters: [cluster] } };
  return {
    version_info: '1',
    resources: [{ '@type': 'type.googleapis.com/envoy.config.cluster.v3.Cluster', ...cluster }],
  };
}

const toText = (doc: Json, format: 'yaml' | 'json'): string =>
  format === 'json' ? JSON.stringify(doc) : stringify(doc, { schema: 'yaml-1.1' });

const validDocArb = fc.record({
  cluster: clusterArb,
  shape: fc.constantFrom<Shape>('cluster', 'bootstrap', 'cds'),
  camel: fc.boolean(),
  format: fc.constantFrom<'yaml' | 'json'>('yaml', 'json'),
});

// ---------------------------------------------------------------------------------------------
// The model written back as a Cluster

function socketAddress(address: string): Obj {
  const m = /^(?:\[(.+)\]|([^:]+)):(\d+)$/.exec(address);
  if (!m) throw new Error(`not ip:port: ${address}`);
  return { address: m[1] ?? m[2], port_value: Number(m[3]) };
}

function assignmentOf(c: ClusterModel): Obj {
  return {
    cluster_name: c.name,
    policy: {
      overprovisioning_factor: c.overprovisioningFactor,
      weighted_priority_health: c.weightedPriorityHealth,
    },
    endpoints: c.endpoints.map((g) => ({
      locality: { region: g.locality.region, zone: g.locality.zone, sub_zone: g.locality.subZone },
      ...(g.loadBalancingWeight === undefined
        ? {}
        : { load_balancing_weight: g.loadBalancingWeight }),
      priority: g.priority,
      lb_endpoints: g.hosts.map((h) => ({
        endpoint: {
          address: { socket_address: socketAddress(h.address) },
          ...(h.hostname === '' ? {} : { hostname: h.hostname }),
        },
        health_status: h.healthStatus,
        load_balancing_weight: h.weight,
        metadata: { filter_metadata: h.metadata as Obj },
      })),
    })),
  };
}

function slowStartOf(s: { windowMs: number; aggression: number; minWeightPercent: number }): Obj {
  if (!Number.isInteger(s.windowMs)) throw new Error(`window ${s.windowMs} ms is not whole`);
  return {
    slow_start_window: durationOf(s.windowMs),
    aggression: { default_value: s.aggression },
    min_weight_percent: { value: s.minWeightPercent },
  };
}

function leastRequestOf(p: Extract<LbPolicyConfig, { policy: 'LEAST_REQUEST' }>): Obj {
  return {
    choice_count: p.choiceCount,
    ...(p.activeRequestBiasConfigured
      ? {
          active_request_bias: {
            default_value: p.activeRequestBias,
            ...(p.activeRequestBiasRuntimeKey
              ? { runtime_key: p.activeRequestBiasRuntimeKey }
              : {}),
          },
        }
      : {}),
    ...(p.slowStart ? { slow_start_config: slowStartOf(p.slowStart) } : {}),
  };
}

function zoneAwareOf(c: ClusterModel, withTypedFields: boolean): Obj {
  const z = c.commonLbConfig.zoneAware;
  return {
    routing_enabled: { value: percentFor(z.routingEnabled) },
    min_cluster_size: z.minClusterSize,
    fail_traffic_on_panic: z.failTrafficOnPanic,
    ...(withTypedFields
      ? {
          locality_basis: z.localityBasis,
          ...(z.forceLocalZoneMinSize > 0
            ? { force_local_zone: { min_size: z.forceLocalZoneMinSize } }
            : {}),
        }
      : {}),
  };
}

/**
 * Whether the model needs the typed style: fields that only the typed extensions carry (full-scan
 * least request, a zone-aware locality basis or forced local zone).
 */
function needsTyped(c: ClusterModel): boolean {
  const z = c.commonLbConfig.zoneAware;
  return (
    (c.lbPolicy.policy === 'LEAST_REQUEST' && c.lbPolicy.selectionMethod !== 'N_CHOICES') ||
    z.localityBasis !== 'HEALTHY_HOSTS_NUM' ||
    z.forceLocalZoneMinSize > 0
  );
}

/** A Cluster message (proto-JSON) that loads back into the same model. */
function clusterOf(c: ClusterModel): Obj {
  const common = c.commonLbConfig;
  const base: Obj = {
    name: c.name,
    type: 'STATIC',
    connect_timeout: '1s',
    load_assignment: assignmentOf(c),
  };
  const p = c.lbPolicy;
  const hashing: Obj =
    p.policy === 'RING_HASH' || p.policy === 'MAGLEV'
      ? {
          use_hostname_for_hashing: p.useHostnameForHashing,
          ...(p.hashBalanceFactor === 0 ? {} : { hash_balance_factor: p.hashBalanceFactor }),
        }
      : {};
  if (!needsTyped(c)) {
    const config: Obj =
      p.policy === 'ROUND_ROBIN'
        ? p.slowStart
          ? { round_robin_lb_config: { slow_start_config: slowStartOf(p.slowStart) } }
          : {}
        : p.policy === 'LEAST_REQUEST'
          ? { least_request_lb_config: leastRequestOf(p) }
          : p.policy === 'RING_HASH'
            ? {
                ring_hash_lb_config: {
                  minimum_ring_size: p.minimumRingSize,
                  maximum_ring_size: p.maximumRingSize,
                  hash_function: p.hashFunction,
                },
              }
            : p.policy === 'MAGLEV'
              ? { maglev_lb_config: { table_size: p.tableSize } }
              : {};
    return {
      ...base,
      ...(p.policy !== 'ROUND_ROBIN' &&
      p.policy !== 'LEAST_REQUEST' &&
      p.policy !== 'RANDOM' &&
      p.useHostnameForHashing
        ? { type: 'STRICT_DNS' }
        : {}),
      lb_policy: p.policy,
      ...config,
      common_lb_config: {
        healthy_panic_threshold: { value: percentFor(common.healthyPanicThreshold) },
        ...(common.localityWeightedLb
          ? { locality_weighted_lb_config: {} }
          : { zone_aware_lb_config: zoneAwareOf(c, false) }),
        ...(Object.keys(hashing).length > 0 ? { consistent_hashing_lb_config: hashing } : {}),
      },
    };
  }
  if (p.policy !== 'ROUND_ROBIN' && p.policy !== 'LEAST_REQUEST' && p.policy !== 'RANDOM')
    throw new Error(`${p.policy} has no typed zone-aware configuration`);
  const locality: Obj = common.localityWeightedLb
    ? { locality_weighted_lb_config: {} }
    : { zone_aware_lb_config: zoneAwareOf(c, true) };
  const [type, fields]: [string, Obj] =
    p.policy === 'ROUND_ROBIN'
      ? [
          'round_robin.v3.RoundRobin',
          p.slowStart ? { slow_start_config: slowStartOf(p.slowStart) } : {},
        ]
      : p.policy === 'LEAST_REQUEST'
        ? [
            'least_request.v3.LeastRequest',
            { ...leastRequestOf(p), selection_method: p.selectionMethod },
          ]
        : ['random.v3.Random', {}];
  return {
    ...base,
    common_lb_config: {
      healthy_panic_threshold: { value: percentFor(common.healthyPanicThreshold) },
    },
    load_balancing_policy: {
      policies: [
        {
          typed_extension_config: {
            name: `envoy.load_balancing_policies.${type.split('.')[0]}`,
            typed_config: { '@type': `${TYPED}${type}`, ...fields, locality_lb_config: locality },
          },
        },
      ],
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Mutations

const deep = (depth: number, leaf: Json): Json => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};

/** Values that break types, ranges and parsers. */
const oddValueArb: Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    -1,
    0,
    1,
    -0.5,
    1.5,
    2 ** 31,
    MAX_U32,
    MAX_U32 + 1,
    2 ** 53,
    2 ** 64,
    1e308,
    -1e308,
    4.89e-311,
    5e-324,
    '',
    ' ',
    'NaN',
    'Infinity',
    '-Infinity',
    '-1s',
    '0s',
    '1.5.s',
    '5m',
    '315576000001s',
    '18374967954648334337',
    '-0',
    '0x10',
    '1e3',
    'e1',
    'yes',
    'no',
    'on',
    'null',
    '~',
    '@type',
    'type.googleapis.com/envoy.config.cluster.v3.Cluster',
    '区域-1',
    '🙂',
    '\u0000',
    '\u202e',
    'x'.repeat(10_000),
    true,
    false,
    null,
    [],
    {},
    { value: null },
    { value: 'NaN' },
    { seconds: 1, nanos: 2e9 },
  ),
  fc.integer(),
  fc.double(),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1, max: 300 }).map((d) => deep(d, 1)),
  fc.integer({ min: 1, max: 2000 }).map((n) => Array.from({ length: n }, (_, i) => ({ k: i }))),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.integer(), fc.string()), { maxKeys: 4 }),
);

type Mutation =
  | { readonly kind: 'delete'; readonly at: number }
  | { readonly kind: 'replace'; readonly at: number; readonly value: Json }
  | { readonly kind: 'nest'; readonly at: number; readonly depth: number }
  | { readonly kind: 'add'; readonly at: number; readonly key: string; readonly value: Json }
  | { readonly kind: 'wrap'; readonly at: number };

const mutationArb: Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: oddValueArb }),
  fc.record({
    kind: fc.constant('nest' as const),
    at: fc.nat(),
    depth: fc.integer({ min: 1, max: 300 }),
  }),
  fc.record({
    kind: fc.constant('add' as const),
    at: fc.nat(),
    key: fc.oneof(
      fc.constantFrom('foo', 'hosts', 'lbPolicy', 'value', '@type', '', '<<', 'priority'),
      fc.string({ maxLength: 8 }),
    ),
    value: oddValueArb,
  }),
  fc.record({ kind: fc.constant('wrap' as const), at: fc.nat() }),
);

/** Every (container, key) of a JSON tree, parents before children. */
function slots(root: Json): [Obj | Json[], string | number][] {
  const out: [Obj | Json[], string | number][] = [];
  const walk = (v: Json): void => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        out.push([v, i]);
        walk(item);
      });
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        out.push([v, k]);
        walk(item);
      }
    }
  };
  walk(root);
  return out;
}

function mutate(doc: Obj, mutations: readonly Mutation[]): Obj {
  const root = structuredClone(doc);
  for (const m of mutations) {
    const all = slots(root);
    if (all.length === 0) break;
    const [container, key] = all[m.at % all.length];
    const get = (): Json => (container as Record<string | number, Json>)[key];
    const set = (v: Json): void => {
      (container as Record<string | number, Json>)[key] = v;
    };
    switch (m.kind) {
      case 'delete':
        if (Array.isArray(container)) container.splice(key as number, 1);
        else delete container[key as string];
        break;
      case 'replace':
        set(structuredClone(m.value));
        break;
      case 'nest':
        set(deep(m.depth, get()));
        break;
      case 'wrap':
        set([get()]);
        break;
      case 'add': {
        const target = get();
        if (target !== null && typeof target === 'object' && !Array.isArray(target))
          target[m.key] = structuredClone(m.value);
        else if (!Array.isArray(container)) container[m.key] = structuredClone(m.value);
        break;
      }
    }
  }
  return root;
}

type ByteEdit = { readonly at: number; readonly cut: number; readonly insert: string };

const byteEditArb: Arbitrary<ByteEdit> = fc.record({
  at: fc.nat(),
  cut: fc.integer({ min: 0, max: 8 }),
  insert: fc.oneof(
    fc.constantFrom('', ':', '- ', '{', '}', '[', ']', '"', "'", '&a ', '*a', '!', '!ignore ', '#'),
    fc.constantFrom('\n', '\t', '  ', '\n  - ', ': ', '? ', '|', '>', '%YAML 1.1\n', '---\n'),
    fc.string({ unit: 'binary', maxLength: 6 }),
  ),
});

function edit(text: string, edits: readonly ByteEdit[]): string {
  let t = text;
  for (const e of edits) {
    const at = t.length === 0 ? 0 : e.at % (t.length + 1);
    t = t.slice(0, at) + e.insert + t.slice(at + e.cut);
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// What every load must return

/** Loads and checks the result's shape; returns it for further checks. */
function loadChecked(text: string, options: LoadOptions = {}): LoadResult {
  const start = performance.now();
  let r: LoadResult | undefined;
  expect(() => {
    r = loadConfig({ text, file: 'fuzz.yaml' }, options);
  }).not.toThrow();
  expect(performance.now() - start).toBeLessThan(MAX_MS);
  const result = r as LoadResult;
  expect(typeof result.ok).toBe('boolean');
  expect(Array.isArray(result.clusters)).toBe(true);
  for (const i of result.issues) {
    expect(['error', 'warning']).toContain(i.severity);
    expect(typeof i.code).toBe('string');
    expect(i.code.length).toBeGreaterThan(0);
    expect(typeof i.path).toBe('string');
    expect(typeof i.message).toBe('string');
    expect(i.message.length).toBeGreaterThan(0);
    if (i.line !== undefined) expect(Number.isInteger(i.line) && i.line >= 1).toBe(true);
    if (i.column !== undefined) expect(Number.isInteger(i.column) && i.column >= 1).toBe(true);
  }
  const errors = result.issues.filter((i) => i.severity === 'error');
  expect(result.ok).toBe(errors.length === 0);
  if (!result.ok) expect(result.clusters).toEqual([]);
  for (const c of result.clusters) expectWellFormed(c);
  return result;
}

function expectWellFormed(c: ClusterModel): void {
  expect(typeof c.name).toBe('string');
  expect(Number.isInteger(c.overprovisioningFactor)).toBe(true);
  expect(c.overprovisioningFactor).toBeGreaterThanOrEqual(1);
  expect(c.overprovisioningFactor).toBeLessThanOrEqual(MAX_U32);
  const panic = c.commonLbConfig.healthyPanicThreshold;
  expect(Number.isInteger(panic) && panic >= 0 && panic <= 100).toBe(true);
  for (const g of c.endpoints) {
    expect(Number.isInteger(g.priority) && g.priority >= 0 && g.priority <= 128).toBe(true);
    if (g.loadBalancingWeight !== undefined)
      expect(Number.isInteger(g.loadBalancingWeight) && g.loadBalancingWeight >= 1).toBe(true);
    for (const h of g.hosts) {
      expect(h.address).toMatch(/^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-fA-F:.]+\]):\d{1,5}$/);
      expect(Number.isInteger(h.weight) && h.weight >= 1 && h.weight <= MAX_U32).toBe(true);
      expect(h.priority).toBe(g.priority);
    }
  }
  // The model is usable as it is: its host sets build.
  const hostCount = c.endpoints.reduce((n, g) => n + g.hosts.length, 0);
  expect(buildPrioritySet(c).hosts.length).toBe(hostCount);
}

// ---------------------------------------------------------------------------------------------

describe('config fuzzing (spec/FUZZ.md §3)', () => {
  it('valid configs load with well-formed models, in every shape and syntax', () => {
    fc.assert(
      fc.property(validDocArb, ({ cluster, shape, camel, format }) => {
        const doc = document(cluster, shape);
        const r = loadChecked(toText(camel ? camelKeys(doc) : doc, format));
        expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(r.clusters.map((c) => c.name)).toEqual([cluster.name]);
      }),
      fcParams(150),
    );
  });

  it('round trip: load → model → Cluster YAML → load gives the same model', () => {
    fc.assert(
      fc.property(validDocArb, ({ cluster, shape, camel, format }) => {
        const doc = document(cluster, shape);
        const first = loadChecked(toText(camel ? camelKeys(doc) : doc, format));
        expect(first.ok).toBe(true);
        const [model] = first.clusters;
        const yaml = stringify(clusterOf(model), { schema: 'yaml-1.1' });
        const second = loadChecked(yaml);
        expect(second.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(second.clusters).toEqual([model]);
      }),
      fcParams(150),
    );
  });

  it('structured mutations (deleted fields, wrong types, odd values, deep nesting) never break a load', () => {
    fc.assert(
      fc.property(
        validDocArb,
        fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
        ({ cluster, shape, format }, mutations) => {
          loadChecked(toText(mutate(document(cluster, shape), mutations), format));
        },
      ),
      fcParams(250),
    );
  });

  it('byte-level edits of valid YAML and JSON text never break a load', () => {
    fc.assert(
      fc.property(
        validDocArb,
        fc.array(byteEditArb, { minLength: 1, maxLength: 6 }),
        ({ cluster, shape, format }, edits) => {
          loadChecked(edit(toText(document(cluster, shape), format), edits));
        },
      ),
      fcParams(250),
    );
  });

  it('arbitrary text never breaks a load', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string({ unit: fc.constantFrom(...'{}[]:,-?!&*|>#\'"\n \tabc0.s'), maxLength: 200 }),
        ),
        (text) => {
          loadChecked(text);
        },
      ),
      fcParams(200),
    );
  });

  it('resource bombs end in a clear issue, not a hang or a crash', () => {
    const aliases = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      aliases.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    const bombs: [string, string, boolean][] = [
      ['alias expansion', `${aliases.join('\n')}\nname: c\n`, false],
      [
        'flow nesting 5 000 deep',
        `name: c\nmetadata: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
        false,
      ],
      [
        'block nesting 1 000 deep',
        `name: c\nm:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')} 1\n`,
        false,
      ],
      [
        'JSON nesting 3 000 deep',
        `{"name": "c", "m": ${'{"a": '.repeat(3000)}1${'}'.repeat(3000)}}`,
        false,
      ],
      [
        '5 000 unknown keys',
        `{${Array.from({ length: 5_000 }, (_, i) => `"k${i}": ${i}`).join(', ')}, "name": "c"}`,
        false,
      ],
      ['a 1 MB name', `name: "${'x'.repeat(1 << 20)}"\nconnect_timeout: 1s\n`, true],
    ];
    for (const [what, text, ok] of bombs) expect(loadChecked(text).ok, what).toBe(ok);
  });
});
