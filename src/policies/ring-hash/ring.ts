/**
 * Ring hash's ring (`RingHashLoadBalancer::Ring`): every host gets points on a 2^64 circle in
 * proportion to its normalized weight, at the hashes of "<key>_0", "<key>_1", …; a request hash
 * belongs to the first point at or after it, wrapping to the first point.
 *
 * scale = min(ceil(min_w × minimum_ring_size) / min_w, maximum_ring_size); walking the hosts in
 * order, host i adds points while the running count is below Σ_{j<=i} scale × w_j. Build is
 * O(points): one hash per point and a radix sort. Lookup is a binary search over two
 * Uint32Arrays, O(log points), allocation-free.
 * Worked example (Envoy's Basic test): 6 hosts, minimum 12 → 2 points each, size 12.
 */
import type { RingHashConfig } from '../../model/lb-config.js';
import { murmurHash2, murmurHash2Result } from '../../hash/murmur-hash2.js';
import { encodeDecimal, encodeUtf8, utf8Buffer } from '../../hash/utf8.js';
import { xxHash64, xxHash64Result } from '../../hash/xxhash64.js';
import type { HashTable } from '../common/hash-table.js';
import type { NormalizedHostWeights } from '../common/normalize-weights.js';
import { radixSortU64 } from './radix-sort-u64.js';

/** Envoy's ring hash gauges. */
export interface RingStats {
  /** `size`: ceil(scale), the intended ring size. */
  readonly size: number;
  /** `min_hashes_per_host`. */
  readonly minHashesPerHost: number;
  /** `max_hashes_per_host`. */
  readonly maxHashesPerHost: number;
}

/** Why a ring cannot be built, in Envoy's words. */
export function ringSizeError(config: RingHashConfig): string | null {
  return config.minimumRingSize > config.maximumRingSize
    ? `ring hash: minimum_ring_size (${config.minimumRingSize}) > maximum_ring_size (${config.maximumRingSize})`
    : null;
}

export class Ring implements HashTable {
  /** Point hashes, ascending: high halves. */
  readonly hashHi: Uint32Array;
  /** Point hashes, ascending: low halves. */
  readonly hashLo: Uint32Array;
  /** Host index of each point. */
  readonly hosts: Int32Array;
  readonly stats: RingStats;

  constructor(hashHi: Uint32Array, hashLo: Uint32Array, hosts: Int32Array, stats: RingStats) {
    this.hashHi = hashHi;
    this.hashLo = hashLo;
    this.hosts = hosts;
    this.stats = stats;
  }

  /** Number of points. */
  get length(): number {
    return this.hosts.length;
  }

  /** Index of the first point with hash >= (hi, lo), or 0 past the last (Envoy's ketama search). */
  pointFor(hashHi: number, hashLo: number): number {
    const hiArr = this.hashHi;
    const loArr = this.hashLo;
    const n = hiArr.length;
    let first = 0;
    let count = n;
    while (count > 0) {
      const step = count >>> 1;
      const at = first + step;
      const h = hiArr[at];
      if (h < hashHi || (h === hashHi && loArr[at] < hashLo)) {
        first = at + 1;
        count -= step + 1;
      } else {
        count = step;
      }
    }
    return first === n ? 0 : first;
  }

  chooseHost(hashHi: number, hashLo: number, attempt: number): number {
    const n = this.hosts.length;
    if (n === 0) return -1;
    const point = this.pointFor(hashHi, hashLo);
    return this.hosts[attempt === 0 ? point : (point + attempt) % n];
  }
}

/** Builds the ring of one priority from its normalized weights and the hosts' hash keys. */
export function buildRing(
  normalized: NormalizedHostWeights,
  hashKeys: readonly string[],
  config: RingHashConfig,
): Ring {
  const { hosts, weights, min } = normalized;
  const scale = Math.min(Math.ceil(min * config.minimumRingSize) / min, config.maximumRingSize);
  const size = Math.ceil(scale);
  // The running count stops at the first integer >= scale × Σw, and Σw is 1 up to rounding.
  const capacity = hosts.length === 0 ? 0 : size + 1;
  const hashHi = new Uint32Array(capacity);
  const hashLo = new Uint32Array(capacity);
  const owner = new Int32Array(capacity);
  const murmur = config.hashFunction === 'MURMUR_HASH_2';
  let minHashes = hosts.length === 0 ? 0 : Infinity;
  let maxHashes = 0;
  let current = 0;
  let target = 0;
  let at = 0;
  for (let i = 0; i < hosts.length; i++) {
    const keyEnd = encodeUtf8(`${hashKeys[hosts[i]]}_`);
    target += scale * weights[i];
    let count = 0;
    while (current < target) {
      const end = encodeDecimal(count, keyEnd);
      if (murmur) {
        murmurHash2(utf8Buffer(), end);
        hashHi[at] = murmurHash2Result.hi;
        hashLo[at] = murmurHash2Result.lo;
      } else {
        xxHash64(utf8Buffer(), end);
        hashHi[at] = xxHash64Result.hi;
        hashLo[at] = xxHash64Result.lo;
      }
      owner[at++] = hosts[i];
      count++;
      current += 1;
    }
    minHashes = Math.min(minHashes, count);
    maxHashes = Math.max(maxHashes, count);
  }
  const points = [hashHi.slice(0, at), hashLo.slice(0, at), owner.slice(0, at)] as const;
  radixSortU64(...points);
  return new Ring(...points, {
    size: hosts.length === 0 ? 0 : size,
    minHashesPerHost: minHashes,
    maxHashesPerHost: maxHashes,
  });
}
