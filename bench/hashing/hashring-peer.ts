/**
 * Peer: hashring 3.2.0 (`new HashRing(servers)`: ketama, MD5, 40 vnodes × 4 replicas = 160
 * points per server, a 5000-entry LRU cache in front of `get`). Its `get(key)` is timed on cache
 * misses only: the keys are a pool of 65 536 distinct strings visited cyclically, more than the
 * LRU holds, so every key was evicted long before it comes round again (checked before timing).
 * Also timed: `find(hashValue(key))`, its lookup with no cache at all. Beside it, the library's
 * string → hash → ring pick, `xxHash64String(key)` then `ring.chooseHost`, on a ring of the same
 * size (100 hosts, minimum ring size 16 000 → 160 points per host), and the same hash through the
 * full balancer.
 */
import { createRequire } from 'node:module';
import type { HashPickContext } from '../../src/index.js';
import { xxHash64Result, xxHash64String } from '../../src/index.js';
import { BATCH } from '../harness/bench-case.js';
import { consume } from '../harness/sink.js';
import { PEER_KEYS, PEER_MASK, peerKeys, ringLb } from './fixtures.js';
import type { HashingCase } from './hashing-case.js';

/** The parts of hashring's (untyped, CommonJS) API the cases use. */
interface HashRing {
  get(key: string): string | undefined;
  find(hashValue: number): number;
  hashValue(key: string): number;
  readonly ring: readonly { readonly value: number; readonly server: string }[];
  readonly cache: { readonly maxSize: number; readonly cache: Readonly<Record<string, unknown>> };
}
type HashRingClass = new (servers: readonly string[]) => HashRing;

const HashRingCtor = createRequire(import.meta.url)('hashring') as HashRingClass;

export const PEER_HOSTS = 100;
/** hashring's default points per server (40 vnodes × 4 replicas), also used for our ring. */
const POINTS_PER_HOST = 160;

export function hashringCases(): HashingCase[] {
  const servers = Array.from({ length: PEER_HOSTS }, (_, i) => `10.0.${i >> 8}.${i & 255}:8080`);
  const serverIndex = new Map(servers.map((s, i) => [s, i]));
  const indexOf = (server: string | undefined): number => serverIndex.get(server ?? '') ?? -1;
  const keys = peerKeys();
  if (new Set(keys).size !== PEER_KEYS) throw new Error('peer keys are not distinct');

  const peer = new HashRingCtor(servers);
  if (peer.cache.maxSize >= PEER_KEYS) throw new Error('the key pool must exceed the LRU');
  let g = 0;
  /** Cache-miss `get`s; with `check`, throws if any key was still cached. */
  const gets = (count: number, check: boolean): string | undefined => {
    let acc = 0;
    let server: string | undefined;
    for (let k = 0; k < count; k++) {
      const key = keys[(g + k) & PEER_MASK];
      if (check && key in peer.cache.cache) throw new Error(`hashring cache hit on ${key}`);
      server = peer.get(key);
      acc += (server as string).length;
    }
    g = (g + count) & PEER_MASK;
    consume(acc);
    return server;
  };
  // Two full cycles of the pool with the check on: every get misses in steady state.
  gets(2 * PEER_KEYS, true);
  const peerGet = (): number => indexOf(gets(BATCH, false));

  let f = 0;
  const peerFind = (): number => {
    let acc = 0;
    let server = '';
    for (let k = 0; k < BATCH; k++) {
      server = peer.ring[peer.find(peer.hashValue(keys[(f + k) & PEER_MASK]))].server;
      acc += server.length;
    }
    f = (f + BATCH) & PEER_MASK;
    consume(acc);
    return indexOf(server);
  };

  const lb = ringLb(PEER_HOSTS, PEER_HOSTS * POINTS_PER_HOST);
  const ring = lb.tables[0];
  let o = 0;
  const oursRing = (): number => {
    let acc = 0;
    let host = -1;
    for (let k = 0; k < BATCH; k++) {
      xxHash64String(keys[(o + k) & PEER_MASK]);
      host = ring.chooseHost(xxHash64Result.hi, xxHash64Result.lo, 0);
      acc += host;
    }
    o = (o + BATCH) & PEER_MASK;
    consume(acc);
    return host;
  };

  const hash = { hi: 0, lo: 0 };
  const context: HashPickContext = { hash };
  let l = 0;
  const oursLb = (): number => {
    let acc = 0;
    let host = -1;
    for (let k = 0; k < BATCH; k++) {
      xxHash64String(keys[(l + k) & PEER_MASK]);
      hash.hi = xxHash64Result.hi;
      hash.lo = xxHash64Result.lo;
      host = lb.chooseHost(context);
      acc += host;
    }
    l = (l + BATCH) & PEER_MASK;
    consume(acc);
    return host;
  };

  const points = `${peer.ring.length} points`;
  return [
    {
      id: 'peer/hashring-get',
      label: `hashring get, LRU miss (${points})`,
      kind: 'peer',
      hosts: PEER_HOSTS,
      run: peerGet,
    },
    {
      id: 'peer/hashring-find',
      label: 'hashring find(hashValue), no cache',
      kind: 'peer',
      hosts: PEER_HOSTS,
      run: peerFind,
    },
    {
      id: 'peer/ours-ring',
      label: `xxHash64String + ring.chooseHost (${ring.length} points)`,
      kind: 'lib',
      hosts: PEER_HOSTS,
      run: oursRing,
    },
    {
      id: 'peer/ours-lb',
      label: 'xxHash64String + ring lb.chooseHost',
      kind: 'lib',
      hosts: PEER_HOSTS,
      run: oursLb,
    },
  ];
}
