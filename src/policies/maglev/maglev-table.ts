/**
 * Maglev's lookup table (`MaglevTable`, Eisenbud et al. 2016 as Envoy builds it): M slots (M
 * prime), filled by letting hosts take turns claiming the next free slot of their own permutation
 * offset, offset + skip, offset + 2·skip, … (mod M), with offset = XXH64(key, 0) mod M and
 * skip = XXH64(key, 1) mod (M − 1) + 1. Hosts are visited in hash-key order; a host with
 * normalized weight w takes a turn in round r only when r·w has caught up with the turns it
 * already took (each turn costs the largest weight), so slot counts follow weights.
 *
 * Build is O(M · rounds) with no modulo in the fill loop (positions advance by adding skip and
 * subtracting M); lookup is `table[hash mod M]`. Worked example: weights 1:2 with M = 65537 →
 * about 21 846 and 43 691 slots.
 */
import { modU64, modU64Small } from '../../hash/u64.js';
import { encodeUtf8, utf8Buffer } from '../../hash/utf8.js';
import { xxHash64, xxHash64Result } from '../../hash/xxhash64.js';
import type { HashTable } from '../common/hash-table.js';
import type { NormalizedHostWeights } from '../common/normalize-weights.js';

/** Envoy's Maglev gauges. */
export interface MaglevStats {
  /** `min_entries_per_host`. */
  readonly minEntriesPerHost: number;
  /** `max_entries_per_host`. */
  readonly maxEntriesPerHost: number;
}

/** Tables up to this size (the default 65537 among them) take the two-division slot path. */
const SMALL_TABLE = 2 ** 20;

/** Largest table size Envoy accepts. */
export const MAX_MAGLEV_TABLE_SIZE = 5000011;

/** True for a prime (trial division; table sizes are at most ~5M). */
export function isPrime(n: number): boolean {
  if (!Number.isInteger(n) || n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

export class MaglevTable implements HashTable {
  /** Host index in each of the M slots (empty when there are no hosts). */
  readonly table: Int32Array;
  readonly stats: MaglevStats;

  constructor(table: Int32Array, stats: MaglevStats) {
    this.table = table;
    this.stats = stats;
  }

  /** Slot of a hash on an attempt: attempt k > 0 first XORs the hash with 2^64 − k. */
  slotFor(hashHi: number, hashLo: number, attempt: number): number {
    if (attempt === 0) return modU64(hashHi, hashLo, this.table.length);
    return modU64(
      (hashHi ^ 0xffffffff) >>> 0,
      (hashLo ^ (4294967296 - attempt)) >>> 0,
      this.table.length,
    );
  }

  chooseHost(hashHi: number, hashLo: number, attempt: number): number {
    const table = this.table;
    const m = table.length;
    if (attempt === 0 && m <= SMALL_TABLE)
      return m === 0 ? -1 : table[modU64Small(hashHi, hashLo, m)];
    return m === 0 ? -1 : table[this.slotFor(hashHi, hashLo, attempt)];
  }
}

/** Compares two byte strings as `std::string` does (unsigned bytes, then length). */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** Builds the table of one priority from its normalized weights and the hosts' hash keys. */
export function buildMaglevTable(
  normalized: NormalizedHostWeights,
  hashKeys: readonly string[],
  tableSize: number,
): MaglevTable {
  const n = normalized.hosts.length;
  if (n === 0)
    return new MaglevTable(new Int32Array(0), { minEntriesPerHost: 0, maxEntriesPerHost: 0 });
  const M = tableSize;
  const entries = Array.from(normalized.hosts, (host, i) => {
    const end = encodeUtf8(hashKeys[host]);
    return { host, weight: normalized.weights[i], key: utf8Buffer().slice(0, end) };
  }).sort((a, b) => compareBytes(a.key, b.key));
  const position = new Float64Array(n);
  const skip = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const key = entries[i].key;
    xxHash64(key, key.length, 0, 0);
    position[i] = modU64(xxHash64Result.hi, xxHash64Result.lo, M);
    xxHash64(key, key.length, 0, 1);
    skip[i] = modU64(xxHash64Result.hi, xxHash64Result.lo, M - 1) + 1;
  }
  const table = new Int32Array(M).fill(-1);
  const target = new Float64Array(n);
  const count = new Float64Array(n);
  const maxWeight = normalized.max;
  let filled = 0;
  for (let round = 1; filled < M; round++) {
    for (let i = 0; i < n && filled < M; i++) {
      if (round * entries[i].weight < target[i]) continue;
      target[i] += maxWeight;
      let c = position[i];
      while (table[c] >= 0) {
        c += skip[i];
        if (c >= M) c -= M;
      }
      table[c] = entries[i].host;
      c += skip[i];
      position[i] = c >= M ? c - M : c;
      count[i]++;
      filled++;
    }
  }
  let min = Infinity;
  let max = 0;
  for (let i = 0; i < n; i++) {
    min = Math.min(min, count[i]);
    max = Math.max(max, count[i]);
  }
  return new MaglevTable(table, { minEntriesPerHost: min, maxEntriesPerHost: max });
}
