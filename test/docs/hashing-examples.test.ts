/**
 * The worked examples of the consistent-hashing pages (docs/ring-hash.md, docs/maglev.md,
 * docs/bounded-load.md, docs/hash-policies.md), recomputed through the public API. Every number
 * a page states is asserted here; when the library changes one of them, the page must change
 * with it.
 */
import { describe, expect, it } from 'vitest';
import {
  MaglevLoadBalancer,
  Mt19937,
  PickTrace,
  RingHashLoadBalancer,
  ScriptedRng,
  SourceType,
  boundedLoadSlots,
  buildPrioritySet,
  commonLbConfig,
  computeRequestHash,
  createCluster,
  createLoadBalancer,
  hostHashKey,
  keyMovement,
  maglevConfig,
  maglevSlots,
  murmurHash2Decimal,
  probeOrder,
  ringHashConfig,
  ringOwnedHashes,
  ringOwnership,
  spread,
  u64Halves,
  u64ToDecimal,
  xxHash64Decimal,
} from '../../src/index.js';
import type {
  ClusterInit,
  CommonLbConfig,
  HashPolicy,
  HealthStatus,
  MaglevConfig,
  PrioritySet,
  RequestModel,
  RingHashConfig,
} from '../../src/index.js';

const TWO_64 = 2n ** 64n;

/** A uint64 as the `{ hi, lo }` a pick context carries. */
function hashOf(value: bigint | number | string): { hi: number; lo: number } {
  const [hi, lo] = u64Halves(value);
  return { hi, lo };
}

/** The priority set of a cluster made of the given endpoint groups. */
function prioritySetOf(
  endpoints: ClusterInit['endpoints'],
  common: CommonLbConfig = commonLbConfig(),
): PrioritySet {
  return buildPrioritySet(createCluster({ name: 'docs', endpoints, commonLbConfig: common }));
}

/** A ring hash balancer over the given endpoint groups. */
function ringHash(
  policy: RingHashConfig,
  endpoints: ClusterInit['endpoints'],
  common: CommonLbConfig = commonLbConfig(),
  rng = new ScriptedRng(),
) {
  const prioritySet = prioritySetOf(endpoints, common);
  const lb = createLoadBalancer(prioritySet, common, policy, { rng });
  return { prioritySet, lb, rng };
}

/** A Maglev balancer over the given endpoint groups. */
function maglev(policy: MaglevConfig, endpoints: ClusterInit['endpoints']) {
  const prioritySet = prioritySetOf(endpoints);
  const lb = createLoadBalancer(prioritySet, commonLbConfig(), policy, { rng: new ScriptedRng() });
  return { prioritySet, lb };
}

/** Hosts with the given addresses (and weights, default 1). */
function hostsOf(addresses: readonly string[], weights: readonly number[] = []) {
  return addresses.map((address, i) => ({ address, weight: weights[i] ?? 1 }));
}

/** Points (or slots) per host index. */
function perHost(owners: ArrayLike<number>, hostCount: number): number[] {
  const counts = new Array<number>(hostCount).fill(0);
  for (let i = 0; i < owners.length; i++) counts[owners[i]]++;
  return counts;
}

/** Shares as percentages with two decimals, the way the pages print them. */
function percent(shares: ArrayLike<number>): string[] {
  return Array.from(shares, (s) => (s * 100).toFixed(2));
}

const BASIC = [90, 91, 92, 93, 94, 95].map((port) => `127.0.0.1:${port}`);

/** Envoy's RingHashLoadBalancerTest.Basic: six hosts, minimum_ring_size 12. */
function basicRing(fields: Partial<Omit<RingHashConfig, 'policy'>> = {}, addresses = BASIC) {
  return ringHash(ringHashConfig({ minimumRingSize: 12, ...fields }), [
    { hosts: hostsOf(addresses) },
  ]);
}

function address(prioritySet: PrioritySet, host: number): string | null {
  return host < 0 ? null : prioritySet.hosts[host].address;
}

describe('docs hashing worked examples', () => {
  it('ring-hash.md', () => {
    // Defaults.
    expect(ringHashConfig()).toMatchObject({
      minimumRingSize: 1024,
      maximumRingSize: 8388608,
      hashFunction: 'XX_HASH',
      useHostnameForHashing: false,
      hashBalanceFactor: 0,
    });
    expect(
      () =>
        new RingHashLoadBalancer(
          buildPrioritySet(createCluster({ name: 'x', endpoints: [{ hosts: hostsOf(['a']) }] })),
          commonLbConfig(),
          ringHashConfig({ minimumRingSize: 20, maximumRingSize: 10 }),
          { rng: new ScriptedRng() },
        ),
    ).toThrow('ring hash: minimum_ring_size (20) > maximum_ring_size (10)');

    // Hash keys.
    const keyed = buildPrioritySet(
      createCluster({
        name: 'keys',
        endpoints: [
          {
            hosts: [
              {
                address: '10.0.0.1:8080',
                hostname: 'api-1.internal',
                metadata: { 'envoy.lb': { hash_key: 'shard-7' } },
              },
              { address: '10.0.0.2:8080', hostname: 'api-2.internal' },
              { address: '[2001:db8::2]:8080', metadata: { 'envoy.lb': { hash_key: 7 } } },
            ],
          },
        ],
      }),
    );
    expect(keyed.hosts.map((h) => hostHashKey(h, false))).toEqual([
      'shard-7',
      '10.0.0.2:8080',
      '[2001:db8::2]:8080',
    ]);
    expect(keyed.hosts.map((h) => hostHashKey(h, true))).toEqual(['shard-7', 'api-2.internal', '']);

    // The Basic ring.
    const { lb, prioritySet } = basicRing();
    const ring = lb.tables[0];
    expect(ring.stats).toEqual({ size: 12, minHashesPerHost: 2, maxHashesPerHost: 2 });
    expect(lb.normalizedWeights[0].min).toBe(1 / 6);
    const points = Array.from(ring.hosts, (host, i) => [
      u64ToDecimal(ring.hashHi[i], ring.hashLo[i]),
      prioritySet.hosts[host].address,
    ]);
    expect(points).toEqual([
      ['833437586790550860', '127.0.0.1:94'],
      ['928266305478181108', '127.0.0.1:92'],
      ['1033482794131418490', '127.0.0.1:90'],
      ['3551244743356806947', '127.0.0.1:95'],
      ['3851675632748031481', '127.0.0.1:93'],
      ['5583722120771150861', '127.0.0.1:91'],
      ['6311230543546372928', '127.0.0.1:91'],
      ['7700377290971790572', '127.0.0.1:93'],
      ['13144177310400110813', '127.0.0.1:95'],
      ['13444792449719432967', '127.0.0.1:92'],
      ['15516499411664133160', '127.0.0.1:94'],
      ['16117243373044804889', '127.0.0.1:90'],
    ]);
    expect(xxHash64Decimal('127.0.0.1:94_0')).toBe('15516499411664133160');
    expect(xxHash64Decimal('127.0.0.1:94_1')).toBe('833437586790550860');
    const pick = (h: bigint | number | string) =>
      address(prioritySet, lb.chooseHost({ hash: hashOf(h) }));
    expect(pick(0)).toBe('127.0.0.1:94');
    expect(pick(TWO_64 - 1n)).toBe('127.0.0.1:94');
    expect(pick('3551244743356806947')).toBe('127.0.0.1:95');
    expect(pick('3551244743356806948')).toBe('127.0.0.1:93');

    // Retries: point 5, then 6 (the same host), then 7.
    const tried: string[] = [];
    const last = lb.chooseHost({
      hash: hashOf('5000000000000000000'),
      hostSelectionRetryCount: 2,
      shouldSelectAnotherHost: (h) => (tried.push(prioritySet.hosts[h].address), true),
    });
    expect(tried).toEqual(['127.0.0.1:91', '127.0.0.1:91', '127.0.0.1:93']);
    expect(address(prioritySet, last)).toBe('127.0.0.1:93');

    // Ownership and spread.
    const shares = ringOwnership(ring, 6);
    expect(percent(shares)).toEqual(['3.83', '13.33', '2.14', '9.16', '28.38', '43.16']);
    expect(ringOwnedHashes(ring, 6)[5]).toBe('7961561968653708698');
    const basicSpread = spread(shares);
    expect(basicSpread.relativeStdev.toFixed(2)).toBe('0.88');
    expect(basicSpread.maxOverMean.toFixed(2)).toBe('2.59');
    const defaults = ringHash(ringHashConfig(), [{ hosts: hostsOf(BASIC) }]).lb.tables[0];
    expect(defaults.stats).toEqual({ size: 1026, minHashesPerHost: 171, maxHashesPerHost: 171 });
    const defaultSpread = spread(ringOwnership(defaults, 6));
    expect(defaultSpread.relativeStdev.toFixed(3)).toBe('0.058');
    expect(defaultSpread.maxOverMean.toFixed(2)).toBe('1.07');

    // Removing 127.0.0.1:95.
    const five = BASIC.slice(0, 5);
    const smaller = basicRing({}, five).lb.tables[0];
    expect(smaller.stats).toEqual({ size: 15, minHashesPerHost: 3, maxHashesPerHost: 3 });
    const small = keyMovement({ table: ring, ids: BASIC }, { table: smaller, ids: five });
    expect(percent([small.moved, small.optimal])).toEqual(['49.15', '45.94']);
    const defaultsFive = ringHash(ringHashConfig(), [{ hosts: hostsOf(five) }]).lb.tables[0];
    expect(defaultsFive.stats).toEqual({
      size: 1025,
      minHashesPerHost: 205,
      maxHashesPerHost: 205,
    });
    const large = keyMovement({ table: defaults, ids: BASIC }, { table: defaultsFive, ids: five });
    expect(percent([large.moved, large.optimal])).toEqual(['24.40', '15.67']);

    // MURMUR_HASH_2.
    const murmur = basicRing({ hashFunction: 'MURMUR_HASH_2' });
    expect(murmurHash2Decimal('127.0.0.1:94_0')).toBe('6953129654562287644');
    expect(xxHash64Decimal('foo')).toBe('3728699739546630719');
    expect(murmurHash2Decimal('foo')).toBe('9631199822919835226');
    expect(address(murmur.prioritySet, murmur.lb.chooseHost({ hash: hashOf(0) }))).toBe(
      '127.0.0.1:93',
    );

    // Weight normalization: localities a (weight 1) and b (weight 2), hosts of weight 1 and 2.
    const endpoints = [
      {
        locality: { zone: 'a' },
        loadBalancingWeight: 1,
        hosts: hostsOf(['10.0.0.1:80', '10.0.0.2:80'], [1, 2]),
      },
      {
        locality: { zone: 'b' },
        loadBalancingWeight: 2,
        hosts: hostsOf(['10.0.1.1:80', '10.0.1.2:80'], [1, 2]),
      },
    ];
    const policy12 = ringHashConfig({ minimumRingSize: 12 });
    const weighted = ringHash(policy12, endpoints, commonLbConfig({ localityWeightedLb: true })).lb;
    expect(Array.from(weighted.normalizedWeights[0].weights)).toEqual([1 / 9, 2 / 9, 2 / 9, 4 / 9]);
    expect(weighted.tables[0].stats).toEqual({
      size: 18,
      minHashesPerHost: 2,
      maxHashesPerHost: 8,
    });
    expect(perHost(weighted.tables[0].hosts, 4)).toEqual([2, 4, 4, 8]);
    const flat = ringHash(policy12, endpoints).lb;
    expect(Array.from(flat.normalizedWeights[0].weights)).toEqual([1 / 6, 2 / 6, 1 / 6, 2 / 6]);
    expect(flat.tables[0].stats).toEqual({ size: 12, minHashesPerHost: 2, maxHashesPerHost: 4 });
    expect(perHost(flat.tables[0].hosts, 4)).toEqual([2, 4, 2, 4]);

    // Scale and the maximum: weights 1 and 99 by default; 1, 1, 98 capped at 50.
    const lopsidedLb = ringHash(ringHashConfig(), [
      { hosts: hostsOf(['x:80', 'y:80'], [1, 99]) },
    ]).lb;
    expect(lopsidedLb.normalizedWeights[0].min).toBe(0.01);
    const lopsided = lopsidedLb.tables[0];
    expect(lopsided.stats).toEqual({ size: 1100, minHashesPerHost: 11, maxHashesPerHost: 1089 });
    const capped = ringHash(ringHashConfig({ minimumRingSize: 50, maximumRingSize: 50 }), [
      { hosts: hostsOf(['x:80', 'y:80', 'z:80'], [1, 1, 98]) },
    ]).lb.tables[0];
    expect(capped.stats).toEqual({ size: 50, minHashesPerHost: 0, maxHashesPerHost: 49 });
    expect(perHost(capped.hosts, 3)).toEqual([1, 0, 49]);

    // Priorities: Envoy's RingHashFailoverTest.BasicFailover.
    const failover = ringHash(
      ringHashConfig({ minimumRingSize: 12 }),
      [
        {
          priority: 0,
          hosts: [
            { address: '127.0.0.1:80' },
            { address: '127.0.0.1:81', healthStatus: 'UNHEALTHY' as HealthStatus },
          ],
        },
        { priority: 1, hosts: [{ address: '127.0.0.1:82' }] },
      ],
      commonLbConfig(),
      new ScriptedRng(0, [69, 71]),
    );
    expect(Array.from(failover.lb.priorityLoad.healthyLoad)).toEqual([70, 30]);
    expect(address(failover.prioritySet, failover.lb.chooseHost())).toBe('127.0.0.1:80');
    expect(address(failover.prioritySet, failover.lb.chooseHost())).toBe('127.0.0.1:82');
    expect(failover.lb.tables[0].stats).toEqual({
      size: 12,
      minHashesPerHost: 12,
      maxHashesPerHost: 12,
    });

    // Panic: every host unhealthy → the ring of all hosts, hash 0 still → :94.
    const allDown = ringHash(ringHashConfig({ minimumRingSize: 12 }), [
      {
        hosts: BASIC.map((a) => ({ address: a, healthStatus: 'UNHEALTHY' as HealthStatus })),
      },
    ]);
    const trace = new PickTrace();
    expect(address(allDown.prioritySet, allDown.lb.chooseHost({ hash: hashOf(0) }, trace))).toBe(
      '127.0.0.1:94',
    );
    expect(trace.panic).toBe(true);
    expect(trace.source).toBe(SourceType.AllHosts);

    // Degraded hosts never enter a table.
    const mixed = ringHash(ringHashConfig({ minimumRingSize: 12 }), [
      {
        hosts: [
          { address: 'h' },
          { address: 'd', healthStatus: 'DEGRADED' as HealthStatus },
          { address: 'u1', healthStatus: 'UNHEALTHY' as HealthStatus },
          { address: 'u2', healthStatus: 'UNHEALTHY' as HealthStatus },
        ],
      },
    ]);
    expect(Array.from(mixed.lb.priorityLoad.healthyLoad)).toEqual([50]);
    expect(Array.from(mixed.lb.priorityLoad.degradedLoad)).toEqual([50]);
    expect(mixed.lb.priorityLoad.panic).toEqual([false]);
    expect(perHost(mixed.lb.tables[0].hosts, 4)).toEqual([12, 0, 0, 0]);
    expect(address(mixed.prioritySet, mixed.lb.chooseHost({ hash: hashOf(99) }, trace))).toBe('h');
    expect(trace.degraded).toBe(true);
    const degradedOnly = ringHash(ringHashConfig({ minimumRingSize: 12 }), [
      {
        hosts: [
          { address: 'd1', healthStatus: 'DEGRADED' as HealthStatus },
          { address: 'd2', healthStatus: 'DEGRADED' as HealthStatus },
        ],
      },
    ]);
    expect(Array.from(degradedOnly.lb.priorityLoad.degradedLoad)).toEqual([100]);
    expect(degradedOnly.lb.priorityLoad.panic).toEqual([false]);
    expect(degradedOnly.lb.tables[0].length).toBe(0);
    expect(degradedOnly.lb.chooseHost({ hash: hashOf(5) })).toBe(-1);

    // No hash: one draw (gmock's default 0) → :94; hashing balancers never peek.
    const noHash = basicRing();
    expect(address(noHash.prioritySet, noHash.lb.chooseHost())).toBe('127.0.0.1:94');
    expect(noHash.rng.draws).toBe(1);
    expect(noHash.lb.peekAnotherHost()).toBe(-1);
  });

  it('maglev.md', () => {
    expect(maglevConfig()).toMatchObject({ tableSize: 65537, hashBalanceFactor: 0 });
    const one = buildPrioritySet(
      createCluster({ name: 'x', endpoints: [{ hosts: hostsOf(['a']) }] }),
    );
    expect(
      () =>
        new MaglevLoadBalancer(one, commonLbConfig(), maglevConfig({ tableSize: 100 }), {
          rng: new ScriptedRng(),
        }),
    ).toThrow('The table size of maglev must be prime number');

    const pair = ['10.0.0.1:80', '10.0.0.2:80'];
    const weighted = (tableSize: number) =>
      maglev(maglevConfig({ tableSize }), [{ hosts: hostsOf(pair, [1, 2]) }]);

    // 1:2 at the default size.
    const big = weighted(65537).lb;
    expect(Array.from(maglevSlots(big.tables[0], 2))).toEqual([21846, 43691]);
    expect(big.tables[0].stats).toEqual({ minEntriesPerHost: 21846, maxEntriesPerHost: 43691 });
    expect(percent([21846 / 65537, 43691 / 65537])).toEqual(['33.33', '66.67']);
    expect(pair.map((k) => BigInt(xxHash64Decimal(k)) % 65537n)).toEqual([56687n, 14925n]);
    expect(pair.map((k) => (BigInt(xxHash64Decimal(k, 1n)) % 65536n) + 1n)).toEqual([
      43667n,
      33890n,
    ]);

    // 1:2 at M = 17, step by step.
    const seed0 = pair.map((k) => xxHash64Decimal(k));
    const seed1 = pair.map((k) => xxHash64Decimal(k, 1n));
    expect(seed0).toEqual(['80973235331772951', '14631367143902584086']);
    expect(seed1).toEqual(['11841812368545786514', '1244482472271119457']);
    const offsets = seed0.map((h) => Number(BigInt(h) % 17n));
    const skips = seed1.map((h) => Number(BigInt(h) % 16n) + 1);
    expect(offsets).toEqual([4, 14]);
    expect(skips).toEqual([3, 2]);
    const permutation = (i: number) =>
      Array.from({ length: 17 }, (_, n) => (offsets[i] + n * skips[i]) % 17);
    expect(permutation(0).slice(0, 8)).toEqual([4, 7, 10, 13, 16, 2, 5, 8]);
    expect(permutation(1)).toEqual([14, 16, 1, 3, 5, 7, 9, 11, 13, 15, 0, 2, 4, 6, 8, 10, 12]);
    const small = weighted(17);
    const table = small.lb.tables[0];
    const letters = Array.from(table.table, (h) => 'AB'[h]).join('');
    expect(letters).toBe('BBABABBAABABBABBB');
    // The slots each host claimed, in the order of the rounds on the page.
    const claimedA = [4, 7, 10, 13, 2, 8];
    const claimedB = [14, 16, 1, 3, 5, 9, 11, 15, 0, 6, 12];
    claimedA.forEach((slot) => expect(letters[slot]).toBe('A'));
    claimedB.forEach((slot) => expect(letters[slot]).toBe('B'));
    // Host A takes a turn in round r when r·(1/3) ≥ turns·(2/3).
    const roundsA: number[] = [];
    for (let r = 1, turns = 0; turns < 6; r++) {
      if (r * (1 / 3) >= turns * (2 / 3)) {
        roundsA.push(r);
        turns++;
      }
    }
    expect(roundsA).toEqual([1, 2, 4, 6, 8, 10]);
    expect(table.stats).toEqual({ minEntriesPerHost: 6, maxEntriesPerHost: 11 });

    // Lookups and retries at M = 17.
    const slotsOf = (h: bigint) =>
      [0, 1, 2].map((k) => table.slotFor(hashOf(h).hi, hashOf(h).lo, k));
    expect(slotsOf(5n)).toEqual([5, 12, 13]);
    expect([0n, 1n, 2n].map((k) => Number((k === 0n ? 5n : 5n ^ (TWO_64 - k)) % 17n))).toEqual([
      5, 12, 13,
    ]);
    const tried: string[] = [];
    small.lb.chooseHost({
      hash: hashOf(5),
      hostSelectionRetryCount: 2,
      shouldSelectAnotherHost: (h) => (tried.push(small.prioritySet.hosts[h].address), true),
    });
    expect(tried).toEqual(['10.0.0.2:80', '10.0.0.2:80', '10.0.0.1:80']);
    expect(slotsOf(0n).slice(0, 2)).toEqual([0, 0]);
    expect(big.tables[0].slotFor(0, 0, 1)).toBe(0);
    expect(Number(TWO_64 % 17n)).toBe(1);
    expect(Number(TWO_64 % 65537n)).toBe(1);

    // Equal weights differ by at most one slot.
    const three = ['10.0.0.1:80', '10.0.0.2:80', '10.0.0.3:80'];
    for (const [size, expected] of [
      [65537, [21846, 21846, 21845]],
      [17, [6, 6, 5]],
    ] as const) {
      const lb = maglev(maglevConfig({ tableSize: size }), [{ hosts: hostsOf(three) }]).lb;
      expect(Array.from(maglevSlots(lb.tables[0], 3))).toEqual(expected);
    }

    // Host order does not matter.
    const reversed = maglev(maglevConfig({ tableSize: 17 }), [
      { hosts: hostsOf([...pair].reverse(), [2, 1]) },
    ]);
    expect(Array.from(reversed.lb.tables[0].table, (h) => 'BA'[h]).join('')).toBe(letters);

    // Key movement: remove 10.0.0.4:80 of four equal hosts.
    const four = ['10.0.0.1:80', '10.0.0.2:80', '10.0.0.3:80', '10.0.0.4:80'];
    const before = maglev(maglevConfig(), [{ hosts: hostsOf(four) }]).lb.tables[0];
    const after = maglev(maglevConfig(), [{ hosts: hostsOf(three) }]).lb.tables[0];
    expect(Array.from(maglevSlots(before, 4))).toEqual([16385, 16384, 16384, 16384]);
    const moved = keyMovement({ table: before, ids: four }, { table: after, ids: three });
    expect(Math.round(moved.moved * 65537)).toBe(16406);
    expect(Math.round(moved.optimal * 65537)).toBe(16384);
    expect(moved.moved.toFixed(4)).toBe('0.2503');
    expect(moved.optimal.toFixed(4)).toBe('0.2500');

    // More hosts than slots.
    const many = Array.from({ length: 20 }, (_, i) => `10.0.0.${i + 1}:80`);
    const crowded = maglev(maglevConfig({ tableSize: 17 }), [{ hosts: hostsOf(many) }]).lb;
    expect(crowded.warnings).toEqual([
      'priority 0: 20 hosts outnumber the 17-entry Maglev table: some hosts get no traffic',
    ]);
    expect(crowded.tables[0].stats).toEqual({ minEntriesPerHost: 0, maxEntriesPerHost: 1 });
  });

  it('bounded-load.md', () => {
    expect(probeOrder(2, 5)).toEqual([2, 1, 0, 4, 3]);
    expect(probeOrder(6, 5)).toEqual([4, 0, 2, 3, 1]);
    expect(probeOrder(7, 5)).toEqual([0, 1, 4, 3, 2]);
    expect(new Mt19937().next()).toBe(3499211612);
    expect(boundedLoadSlots(10, 150, 0.2)).toBe(4);
    expect(Math.floor((11 * 150 + 99) / 100)).toBe(17);
    expect(boundedLoadSlots(0, 150, 0.2)).toBe(1);
    expect(Math.floor((1 * 150 + 99) / 100)).toBe(2);

    const names = ['a', 'b', 'c', 'd', 'e'];
    const policy = maglevConfig({ hashBalanceFactor: 150 });
    const cluster = createCluster({ name: 'docs', endpoints: [{ hosts: hostsOf(names) }] });
    const prioritySet = buildPrioritySet(cluster);
    const build = () =>
      new MaglevLoadBalancer(prioritySet, cluster.commonLbConfig, policy, {
        rng: new ScriptedRng(),
      });
    const h = hashOf(2);
    const fresh = build();
    expect(Array.from(fresh.normalizedWeights[0].weights)).toEqual([0.2, 0.2, 0.2, 0.2, 0.2]);
    expect(fresh.tables[0].slotFor(h.hi, h.lo, 0)).toBe(2);
    expect(names[fresh.tables[0].chooseHost(h.hi, h.lo, 0)]).toBe('b');
    expect(probeOrder(2, 5).map((i) => names[i])).toEqual(['c', 'b', 'a', 'e', 'd']);
    expect(names[fresh.chooseHost({ hash: h })]).toBe('b');

    const rows: [number[], string][] = [
      [[0, 5, 5, 0, 0], 'a'],
      [[1, 5, 4, 0, 0], 'c'],
      [[0, 4, 6, 0, 0], 'b'],
    ];
    for (const [counts, expected] of rows) {
      const lb = build();
      counts.forEach((c, host) => lb.setActiveRequests(host, c));
      expect(lb.clusterActiveRequests).toBe(10);
      expect(names[lb.chooseHost({ hash: h })]).toBe(expected);
    }

    // Counts that disagree: every host over its single slot → the least overloaded, c.
    const lagging = build();
    [2, 3, 2, 2, 2].forEach((c, host) => lagging.setActiveRequests(host, c));
    lagging.clusterActiveRequests = 0;
    expect(names[lagging.chooseHost({ hash: h })]).toBe('c');

    // The probe seed is the low 32 bits: 2^32 + 2 probes like 2 (and lands on b too).
    const high = hashOf(2n ** 32n + 2n);
    expect(fresh.tables[0].slotFor(high.hi, high.lo, 0)).toBe(3);
    expect(names[fresh.tables[0].chooseHost(high.hi, high.lo, 0)]).toBe('b');
    const again = build();
    [0, 5, 5, 0, 0].forEach((c, host) => again.setActiveRequests(host, c));
    expect(names[again.chooseHost({ hash: high })]).toBe('a');
  });

  it('hash-policies.md', () => {
    const { lb, prioritySet, rng } = basicRing();
    const onRing = (hash: { hi: number; lo: number } | null) =>
      address(prioritySet, hash ? lb.chooseHost({ hash }) : lb.chooseHost());

    // User-Agent pins a client to one host.
    const ua: HashPolicy[] = [{ header: { headerName: 'User-Agent' } }];
    const curl = computeRequestHash(ua, { headers: { 'user-agent': 'curl/8.5.0' } });
    expect(curl.decimal).toBe('9064282025923403476');
    expect((BigInt(curl.decimal!) % 100n) + 1n).toBe(77n);
    expect(onRing(curl.hash)).toBe('127.0.0.1:95');
    expect(onRing(curl.hash)).toBe('127.0.0.1:95');
    const mozilla = computeRequestHash(ua, { headers: { 'User-Agent': 'Mozilla/5.0' } });
    expect(mozilla.decimal).toBe('5780020083119911131');
    expect(onRing(mozilla.hash)).toBe('127.0.0.1:91');
    const anonymous = computeRequestHash(ua, {});
    expect(anonymous.hash).toBeNull();
    expect(anonymous.steps).toEqual([{ policy: 0, kind: 'header', input: null, hash: null }]);
    expect(onRing(anonymous.hash)).toBe('127.0.0.1:94');
    expect(rng.draws).toBe(1);

    // Two policies combined.
    const two: HashPolicy[] = [
      { header: { headerName: 'x-user-id' } },
      { connectionProperties: { sourceIp: true } },
    ];
    const request: RequestModel = {
      headers: { 'x-user-id': 'alice' },
      sourceAddress: '192.168.1.7:40000',
    };
    const combined = computeRequestHash(two, request);
    expect(combined.steps.map((s) => [s.input, s.hash])).toEqual([
      ['alice', '8332761332120969289'],
      ['192.168.1.7', '12587853535333034808'],
    ]);
    const first = 8332761332120969289n;
    const rotated = ((first << 1n) | (first >> 63n)) & (TWO_64 - 1n);
    expect(rotated.toString()).toBe('16665522664241938578');
    expect((rotated ^ 12587853535333034808n).toString()).toBe('5329691886422027178');
    expect(combined.decimal).toBe('5329691886422027178');
    expect(onRing(combined.hash)).toBe('127.0.0.1:91');

    // Terminal.
    const terminal: HashPolicy[] = [{ ...two[0], terminal: true }, two[1]];
    const stopped = computeRequestHash(terminal, request);
    expect(stopped.decimal).toBe('8332761332120969289');
    expect(stopped.stoppedAt).toBe(0);
    const notStopped = computeRequestHash(terminal, { sourceAddress: '192.168.1.7:40000' });
    expect(notStopped.decimal).toBe('12587853535333034808');
    expect(notStopped.stoppedAt).toBeNull();

    // Each kind of policy.
    const tenant = computeRequestHash([{ header: { headerName: 'x-tenant' } }], {
      headers: { 'x-tenant': ['blue', 'amber'] },
    });
    expect(tenant.steps[0].input).toBe('amberblue');
    expect(tenant.decimal).toBe('657727608599584971');
    const rewritten = computeRequestHash(
      [
        {
          header: {
            headerName: ':path',
            regexRewrite: { pattern: '^/users/([^/]+)/.*$', substitution: '\\1' },
          },
        },
      ],
      { headers: { ':path': '/users/42/orders' } },
    );
    expect(rewritten.steps[0].input).toBe('42');
    expect(rewritten.decimal).toBe('7919287270473417401');
    const empty = computeRequestHash([{ header: { headerName: 'x-empty' } }], {
      headers: { 'x-empty': '' },
    });
    expect(empty.decimal).toBe('17241709254077376921');

    const cookie: HashPolicy[] = [{ cookie: { name: 'session', ttlSeconds: 3600 } }];
    const existing = computeRequestHash(cookie, {
      headers: { cookie: 'theme=dark; session="abc123"' },
    });
    expect(existing.steps[0].input).toBe('abc123');
    expect(existing.decimal).toBe('5700578232374280915');
    const connection = { sourceAddress: '10.1.2.3:51000', localAddress: '10.0.0.10:443' };
    expect(xxHash64Decimal('10.1.2.3:5100010.0.0.10:443')).toBe('17083925081757699321');
    expect(17083925081757699321n.toString(16)).toBe('ed164b58eb8dccf9');
    const generated = computeRequestHash(cookie, connection);
    expect(generated.steps[0].generatedCookie).toBe('ed164b58eb8dccf9');
    expect(generated.decimal).toBe('18013950042106068443');
    expect(computeRequestHash([{ cookie: { name: 'session' } }], connection).hash).toBeNull();

    const query = computeRequestHash([{ queryParameter: { name: 'user' } }], {
      path: '/search?q=envoy&user=bob&user=eve',
    });
    expect(query.steps[0].input).toBe('bob');
    expect(query.decimal).toBe('10558559838520660027');
    const ipv6 = computeRequestHash([{ connectionProperties: { sourceIp: true } }], {
      sourceAddress: '[2001:db8::7]:443',
    });
    expect(ipv6.steps[0].input).toBe('2001:db8::7');
    expect(ipv6.decimal).toBe('13898055433780384174');
    const state = computeRequestHash([{ filterState: { key: 'io.example.tenant' } }], {
      filterState: { 'io.example.tenant': { hash: 42n } },
    });
    expect(state.decimal).toBe('42');
  });
});
