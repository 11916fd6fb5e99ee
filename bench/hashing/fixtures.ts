/**
 * Inputs the hashing cases share: `HASHES` random (hi, lo) request hashes from the library's
 * seeded Rng, the balancers under test (Maglev over 100 hosts with the default 65 537-entry table,
 * ring hash over 1000 hosts with a ~1M-point ring, ring hash over 100 hosts with 16 000 points —
 * the size of hashring's default ring over 100 servers), and the string keys that get hashed.
 */
import type { MaglevLoadBalancer, RingHashLoadBalancer } from '../../src/index.js';
import {
  commonLbConfig,
  createLoadBalancer,
  createSeededRng,
  maglevConfig,
  ringHashConfig,
} from '../../src/index.js';
import { prioritySetOf } from '../harness/fixtures.js';
import { HASHES } from './hashing-case.js';

/** 64-bit request hashes as halves. */
export interface RequestHashes {
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
}

/** `HASHES` uniformly random hashes (seed 7, independent of the balancers' seed 1). */
export function requestHashes(): RequestHashes {
  const rng = createSeededRng(7);
  const hi = new Uint32Array(HASHES);
  const lo = new Uint32Array(HASHES);
  for (let i = 0; i < HASHES; i++) {
    rng.next();
    hi[i] = rng.hi;
    lo[i] = rng.lo;
  }
  return { hi, lo };
}

/** `maglevConfig()` (table size 65 537) over `n` equally weighted hosts. */
export function maglevLb(n: number): MaglevLoadBalancer {
  return createLoadBalancer(prioritySetOf(n, false), commonLbConfig(), maglevConfig(), {
    rng: createSeededRng(1),
  });
}

/** `ringHashConfig({ minimumRingSize })` over `n` equally weighted hosts. */
export function ringLb(n: number, minimumRingSize: number): RingHashLoadBalancer {
  return createLoadBalancer(
    prioritySetOf(n, false),
    commonLbConfig(),
    ringHashConfig({ minimumRingSize }),
    { rng: createSeededRng(1) },
  );
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * `count` distinct keys made by `make(i)`, each copied into a flat sequential string, as a key read
 * from a request would be (`slice` and `padEnd` results are sliced or cons strings, whose
 * `charCodeAt` is slower).
 */
function pool(count: number, make: (i: number) => string): string[] {
  return Array.from({ length: count }, (_, i) => decoder.decode(encoder.encode(make(i))));
}

const BROWSERS = ['Firefox', 'Chromium', 'Safari', 'Opera'] as const;

/** A 40-byte User-Agent-like key. */
function userAgent(i: number): string {
  const s = `Mozilla/5.0 (X11; Linux) ${BROWSERS[i & 3]}/${100 + (i % 900)}.${i}`;
  return s.padEnd(40, '.').slice(0, 40);
}

/** A key of exactly `length` ASCII bytes: a counter, then filler. */
function keyOfLength(i: number, length: number): string {
  const head = `k${i}:`;
  return (head + 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(Math.ceil(length / 36) + 1)).slice(
    0,
    length,
  );
}

/** Key kinds hashed in the string → hash cases (each a pool of `KEY_POOL` distinct keys). */
export const KEY_POOL = 1024;
export const KEY_MASK: number = KEY_POOL - 1;

export interface KeyKind {
  readonly key: string;
  readonly label: string;
  readonly keys: readonly string[];
}

export function keyKinds(): KeyKind[] {
  const rng = createSeededRng(11);
  const octet = (): number => {
    rng.next();
    return rng.lo & 255;
  };
  return [
    {
      key: 'user',
      label: "'user-123456' (11 B)",
      keys: pool(KEY_POOL, (i) => `user-${100000 + i}`),
    },
    {
      key: 'ipv4',
      label: 'IPv4 a.b.c.d (7–15 B)',
      keys: pool(KEY_POOL, () => `${octet()}.${octet()}.${octet()}.${octet()}`),
    },
    { key: 'ua40', label: 'User-Agent (40 B)', keys: pool(KEY_POOL, userAgent) },
    { key: 'k200', label: '200-byte key', keys: pool(KEY_POOL, (i) => keyOfLength(i, 200)) },
  ];
}

/** Keys of exactly `length` bytes for the sweep. */
export function keysOfLength(length: number): string[] {
  return pool(KEY_POOL, (i) => keyOfLength(i, length));
}

/** Lengths of the crossover sweep (pure-JS XXH64 vs xxhash-wasm `h64`). */
export const SWEEP_LENGTHS: readonly number[] = [8, 16, 32, 64, 128, 256, 512, 1024];

/** Peer keys: more distinct keys than hashring's 5000-entry LRU, visited cyclically. */
export const PEER_KEYS = 65536;
export const PEER_MASK: number = PEER_KEYS - 1;

export function peerKeys(): string[] {
  return pool(PEER_KEYS, (i) => `user-${100000 + i * 13}`);
}
