/**
 * Areas `hash`, `ring_hash`, `maglev` and `bounded_load`: hash functions, whole rings and Maglev
 * tables, lookups (with retry attempts), priorities and panic, and bounded-load probing.
 */
import {
  BoundedLoadTable,
  ScriptedRng,
  boundedLoadSlots,
  buildPrioritySet,
  commonLbConfig,
  createCluster,
  createHost,
  createLoadBalancer,
  hostHashKey,
  hostSetFromLists,
  maglevConfig,
  murmurHash2Decimal,
  probeOrder,
  ringHashConfig,
  u64Halves,
  u64ToDecimal,
  xxHash64Decimal,
} from '../../index.js';
import type {
  HashTable,
  HashingLoadBalancer,
  HashingPolicyConfig,
  Host,
  MaglevLoadBalancer,
  PrioritySet,
  RingHashLoadBalancer,
} from '../../index.js';
import type { VectorHost } from './generated-hosts.js';
import { vectorHosts } from './generated-hosts.js';
import type { Vector } from './vector.js';
import { Mismatch, Unsupported, expectEqual } from './vector.js';

type Inputs = Record<string, unknown>;

export function runHashVector(vector: Vector): void {
  const inputs = (vector.inputs ?? {}) as Inputs;
  const expected = vector.expected ?? {};
  const fn = String(inputs.function ?? inputs.rng ?? '');
  if (fn.startsWith('std::mt19937')) {
    expectEqual(
      'probe_order',
      probeOrder(Number(inputs.seed), Number(inputs.n)),
      expected.probe_order,
    );
  } else if (fn.startsWith('xxHash64')) {
    const text = String(inputs.input_utf8);
    if ('hash' in expected) {
      expectEqual(
        'xxHash64',
        xxHash64Decimal(text, BigInt(String(inputs.seed ?? 0))),
        expected.hash,
      );
    }
    if ('seed0' in expected)
      expectEqual('xxHash64 seed 0', xxHash64Decimal(text, 0n), expected.seed0);
    if ('seed1' in expected)
      expectEqual('xxHash64 seed 1', xxHash64Decimal(text, 1n), expected.seed1);
  } else if (fn.startsWith('MurmurHash2')) {
    if (inputs.seed !== undefined && Number(inputs.seed) !== 0xc70f6907) {
      throw new Unsupported(`MurmurHash2 with seed ${String(inputs.seed)}`);
    }
    expectEqual('murmurHash2', murmurHash2Decimal(String(inputs.input_utf8)), expected.hash);
  } else {
    throw new Unsupported(`hash function "${fn}"`);
  }
}

/** The label a vector names a host by: its key when given, else its address. */
function labelOf(h: VectorHost): string {
  return h.key ?? h.address;
}

interface Built {
  readonly lb: HashingLoadBalancer;
  readonly ps: PrioritySet;
  readonly labels: string[];
  readonly rng: ScriptedRng;
}

/** A one-priority cluster from a vector's hosts, localities, locality weights and health. */
function buildSinglePriority(
  inputs: Inputs,
  policy: HashingPolicyConfig,
  localityWeighted: boolean,
): Built {
  const hosts = vectorHosts(inputs.hosts);
  const labels = hosts.map(labelOf);
  const healthy = Array.isArray(inputs.healthy_hosts)
    ? new Set((inputs.healthy_hosts as string[]).map(String))
    : null;
  const models: Host[] = hosts.map((h) =>
    createHost({
      address: h.address,
      hostname: h.hostname ?? '',
      weight: h.weight ?? 1,
      healthStatus:
        !healthy || healthy.has(h.address) || healthy.has(labelOf(h)) ? 'HEALTHY' : 'UNHEALTHY',
      ...(h.locality ? { locality: { region: '', zone: h.locality, subZone: '' } } : {}),
    }),
  );
  const index = new Map(
    hosts.flatMap((h, i) => [[h.address, i] as const, [labelOf(h), i] as const]),
  );
  const perLocality = Array.isArray(inputs.hosts_per_locality)
    ? (inputs.hosts_per_locality as string[][]).map((l) => l.map((a) => index.get(a) ?? -1))
    : groupByLocality(hosts);
  const all = models.map((_, i) => i);
  const isHealthy = (i: number): boolean => models[i].healthStatus === 'HEALTHY';
  const weights = inputs.locality_weights as number[] | undefined;
  const hostSet = hostSetFromLists(0, {
    hosts: all,
    healthy: all.filter(isHealthy),
    hostsPerLocality: perLocality,
    healthyPerLocality: perLocality.map((l) => l.filter(isHealthy)),
    localityWeights: weights ?? null,
  });
  const ps: PrioritySet = { hosts: models, hostSets: [hostSet] };
  const rng = new ScriptedRng(0);
  const lb = createLoadBalancer(
    ps,
    commonLbConfig({ localityWeightedLb: localityWeighted }),
    policy,
    { rng },
  );
  return { lb, ps, labels, rng };
}

function groupByLocality(hosts: VectorHost[]): number[][] {
  if (!hosts.some((h) => h.locality)) return [];
  const names = [...new Set(hosts.map((h) => h.locality ?? ''))].sort();
  return names.map((name) => hosts.flatMap((h, i) => (h.locality === name ? [i] : [])));
}

/** Checks `lookups: [{hash, attempt, expect_host}]`; a null hash means "no hash: random() is used". */
function checkLookups(built: Built, lookups: unknown): void {
  if (!Array.isArray(lookups)) return;
  lookups.forEach(
    (lookup: { hash: string | null; attempt?: number; expect_host: string | null }, i) => {
      const attempt = lookup.attempt ?? 0;
      const context = {
        hostSelectionRetryCount: attempt,
        shouldSelectAnotherHost: () => true,
        ...(lookup.hash === null ? {} : { hash: toHalves(lookup.hash) }),
      };
      const host = built.lb.chooseHost(context);
      expectEqual(
        `lookup ${i} (hash ${lookup.hash}, attempt ${attempt})`,
        host < 0 ? null : built.labels[host],
        lookup.expect_host,
      );
    },
  );
}

function toHalves(value: string | number): { hi: number; lo: number } {
  const [hi, lo] = u64Halves(value);
  return { hi, lo };
}

/** `histogram: {num_hashes, counts_by_host_index}` with hash_i = i · floor((2^64 − 1) / num_hashes). */
function checkHistogram(built: Built, histogram: unknown): void {
  if (!histogram) return;
  const { num_hashes: count, counts_by_host_index: expected } = histogram as {
    num_hashes: number;
    counts_by_host_index: number[];
  };
  const step = (2n ** 64n - 1n) / BigInt(count);
  const counts = new Array<number>(built.labels.length).fill(0);
  for (let i = 0; i < count; i++) {
    const host = built.lb.chooseHost({ hash: toHalves(String(step * BigInt(i))) });
    counts[host]++;
  }
  expectEqual('histogram counts_by_host_index', counts, expected);
}

export function runRingHashVector(vector: Vector): void {
  const inputs = (vector.inputs ?? {}) as Inputs;
  const config = (inputs.config ?? {}) as Inputs;
  const expected = vector.expected ?? {};
  const policy = ringHashConfig({
    ...(config.minimum_ring_size === undefined
      ? {}
      : { minimumRingSize: Number(config.minimum_ring_size) }),
    ...(config.maximum_ring_size === undefined
      ? {}
      : { maximumRingSize: Number(config.maximum_ring_size) }),
    ...(config.hash_function === undefined
      ? {}
      : { hashFunction: config.hash_function as 'XX_HASH' }),
    useHostnameForHashing: config.use_hostname_for_hashing === true,
  });
  if (typeof expected.error === 'string') {
    try {
      createLoadBalancer(
        buildPrioritySet(createCluster({ name: 'c', endpoints: [] })),
        commonLbConfig(),
        policy,
        {
          rng: new ScriptedRng(),
        },
      );
    } catch (error) {
      expectEqual('error', (error as Error).message, expected.error);
      return;
    }
    throw new Mismatch(`expected error "${expected.error}", got a load balancer`);
  }
  if (inputs.priorities_final) {
    runRingFailover(vector, policy);
    return;
  }
  const built = buildSinglePriority(inputs, policy, config.locality_weighted_lb_config === true);
  const ring = (built.lb as RingHashLoadBalancer).tables[0];
  if (Array.isArray(expected.ring_sorted)) {
    const actual = Array.from(ring.hosts, (h, i) => ({
      hash: u64ToDecimal(ring.hashHi[i], ring.hashLo[i]),
      host: built.labels[h],
    }));
    expectEqual('ring_sorted', actual, expected.ring_sorted);
  }
  if (expected.stats) {
    const s = expected.stats as Record<string, number>;
    expectEqual('stats', ring.stats, {
      size: s.size ?? ring.stats.size,
      minHashesPerHost: s.min_hashes_per_host ?? ring.stats.minHashesPerHost,
      maxHashesPerHost: s.max_hashes_per_host ?? ring.stats.maxHashesPerHost,
    });
  }
  checkLookups(built, expected.lookups);
  checkHistogram(built, expected.histogram);
}

/** Priorities with explicit host/healthy lists; picks without a hash replay `random()`. */
function runRingFailover(vector: Vector, policy: HashingPolicyConfig): void {
  const inputs = (vector.inputs ?? {}) as Inputs;
  const expected = vector.expected ?? {};
  const priorities = inputs.priorities_final as { hosts: string[]; healthy?: string[] }[];
  const models: Host[] = [];
  const hostSets = priorities.map((p, priority) => {
    const ids = p.hosts.map((address) => {
      const healthy = (p.healthy ?? []).includes(address);
      models.push(
        createHost({ address, priority, healthStatus: healthy ? 'HEALTHY' : 'UNHEALTHY' }),
      );
      return models.length - 1;
    });
    return hostSetFromLists(priority, {
      hosts: ids,
      healthy: ids.filter((i) => models[i].healthStatus === 'HEALTHY'),
    });
  });
  const rng = new ScriptedRng(0);
  const lb = createLoadBalancer({ hosts: models, hostSets }, commonLbConfig(), policy, {
    rng,
  }) as RingHashLoadBalancer;
  const last = lb.tables[lb.tables.length - 1];
  const stats = expected.stats_initial as Record<string, number> | undefined;
  if (stats) {
    expectEqual('stats of the last built priority', last.stats, {
      size: stats.size,
      minHashesPerHost: stats.min_hashes_per_host,
      maxHashesPerHost: stats.max_hashes_per_host,
    });
  }
  for (const pick of (expected.picks_without_context ?? []) as {
    random: number | string;
    expect_host: string | null;
  }[]) {
    rng.script([pick.random]);
    const host = lb.chooseHost();
    expectEqual(
      `pick with random() = ${pick.random}`,
      host < 0 ? null : models[host].address,
      pick.expect_host,
    );
  }
}

export function runMaglevVector(vector: Vector): void {
  const inputs = (vector.inputs ?? {}) as Inputs;
  const expected = vector.expected ?? {};
  const policy = maglevConfig({
    ...(typeof inputs.table_size === 'number' ? { tableSize: inputs.table_size } : {}),
    useHostnameForHashing: inputs.use_hostname_for_hashing === true,
  });
  if (typeof expected.table_size === 'number')
    expectEqual('table_size', policy.tableSize, expected.table_size);
  if (inputs.hosts === undefined) return;
  const built = buildSinglePriority(inputs, policy, inputs.locality_weighted_lb_config === true);
  const table = (built.lb as MaglevLoadBalancer).tables[0];
  const hostOrder = vectorHosts(inputs.hosts);
  if (Array.isArray(expected.table_host_index)) {
    expectEqual('table_host_index', Array.from(table.table), expected.table_host_index);
  }
  if (Array.isArray(expected.table)) {
    expectEqual(
      'table',
      Array.from(table.table, (h) => labelOf(hostOrder[h])),
      expected.table,
    );
  }
  if (expected.stats) {
    const s = expected.stats as Record<string, number>;
    expectEqual('stats', table.stats, {
      minEntriesPerHost: s.min_entries_per_host,
      maxEntriesPerHost: s.max_entries_per_host,
    });
  }
  if (expected.table_entry_counts) {
    const counts = new Map<string, number>();
    for (const h of table.table)
      counts.set(built.labels[h], (counts.get(built.labels[h]) ?? 0) + 1);
    for (const [label, count] of Object.entries(
      expected.table_entry_counts as Record<string, number>,
    )) {
      const range = /^each of (\S+?:)(\d+)\.\.(\d+)$/.exec(label);
      const names = range
        ? Array.from(
            { length: Number(range[3]) - Number(range[2]) + 1 },
            (_, i) => `${range[1]}${Number(range[2]) + i}`,
          )
        : [label];
      for (const name of names) expectEqual(`entries of ${name}`, counts.get(name) ?? 0, count);
    }
  }
  checkLookups(built, expected.lookups);
}

export function runBoundedLoadVector(vector: Vector): void {
  const inputs = (vector.inputs ?? {}) as Inputs;
  const expected = vector.expected ?? {};
  if (inputs.host) {
    const h = inputs.host as { address: string; hostname?: string };
    const host = (metadata?: Record<string, unknown>) =>
      createHost({
        address: h.address,
        hostname: h.hostname ?? '',
        ...(metadata ? { metadata: { 'envoy.lb': metadata } } : {}),
      });
    const checks: [string, string][] = [
      ['hash_key_address', hostHashKey(host(), false)],
      ['hash_key_hostname', hostHashKey(host(), true)],
      ['with_string_metadata_hash_key', hostHashKey(host({ hash_key: 'hash_key' }), false)],
      ['with_number_metadata_hash_key_1337', hostHashKey(host({ hash_key: 1337 }), false)],
    ];
    for (const [name, actual] of checks)
      if (name in expected) expectEqual(name, actual, expected[name]);
    return;
  }
  const addresses = inputs.hosts_in_normalized_weight_order as string[];
  const n = addresses.length;
  const weights = new Float64Array(n).fill(Number(inputs.equal_normalized_weight ?? 1 / n));
  const hosts = Int32Array.from(addresses, (_, i) => i);
  const [hashHi, hashLo] = u64Halves(String(inputs.hash));
  if (Array.isArray(inputs.steps)) {
    const factor = Number(inputs.hash_balance_factor);
    const picks = (
      inputs.steps as {
        cluster_upstream_rq_active: number;
        host_rq_active: Record<string, number>;
      }[]
    ).map((step) => {
      const active = addresses.map((a) => step.host_rq_active[a] ?? 0);
      const table = new BoundedLoadTable(
        ringDouble(n, 1),
        hosts,
        weights,
        n,
        (h, w) => active[h] / boundedLoadSlots(step.cluster_upstream_rq_active, factor, w),
      );
      return addresses[table.chooseHost(hashHi, hashLo, 0)];
    });
    expectEqual('hosts', picks, expected.hosts);
    return;
  }
  const repeat = /each host (\w+) consecutively/.exec(String(inputs.underlying_pick ?? ''));
  const times = repeat
    ? ({ once: 1, twice: 2, thrice: 3 } as Record<string, number>)[repeat[1]]
    : 1;
  if (times === undefined)
    throw new Unsupported(`underlying pick "${String(inputs.underlying_pick)}"`);
  const factors = (inputs.host_overload_factor ?? {}) as Record<string, number>;
  const fallback = Number(inputs.default_overload_factor ?? 0);
  const table = new BoundedLoadTable(
    ringDouble(n, times),
    hosts,
    weights,
    n,
    (h) => factors[addresses[h]] ?? fallback,
  );
  expectEqual('host', addresses[table.chooseHost(hashHi, hashLo, 0)], expected.host);
}

/** Envoy's test double for the inner table: host = ring[hash mod size], each host `times` times in a row. */
function ringDouble(n: number, times: number): HashTable {
  return {
    chooseHost: (hi: number, lo: number): number =>
      Math.floor(Number(((BigInt(hi) << 32n) | BigInt(lo)) % BigInt(n * times)) / times),
  };
}
