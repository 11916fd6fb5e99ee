/**
 * Consistent hashing with bounded loads (`BoundedLoadHashingLoadBalancer`, Mirrokni et al.): when
 * the host a hash maps to carries more than its share of the cluster's active requests, probe the
 * other hosts in a pseudo-random order derived from the hash (std::mt19937 seeded with its low
 * 32 bits, Fisher–Yates) and take the first that is not overloaded — or, if all are, the least
 * overloaded.
 *
 * A host with normalized weight w may hold slots = max(ceil(total × w), 1) requests, where
 * total = ((cluster_active + 1) × hash_balance_factor + 99) / 100 (integer division); its
 * overload factor is active / slots, overloaded when > 1. Worked example: factor 150, 10 active,
 * 5 equal hosts → total 17, slots ceil(3.4) = 4 each.
 */
import { Mt19937, fisherYatesStep } from '../../hash/mt19937.js';
import type { HashTable } from './hash-table.js';

/** Overload factor of a host: active requests over its slots (> 1 means overloaded). */
export type OverloadFactorOf = (host: number, normalizedWeight: number) => number;

/** Envoy's slot arithmetic: the requests a host of normalized weight w may hold. */
export function boundedLoadSlots(
  clusterActive: number,
  hashBalanceFactor: number,
  weight: number,
): number {
  const total = Math.floor(((clusterActive + 1) * hashBalanceFactor + 99) / 100);
  return Math.max(Math.ceil(total * weight), 1);
}

export class BoundedLoadTable implements HashTable {
  readonly #inner: HashTable;
  /** Hosts in normalized-weight order, and their weights. */
  readonly #hosts: Int32Array;
  readonly #weights: Float64Array;
  /** Normalized weight by host index (for the primary). */
  readonly #weightByHost: Float64Array;
  readonly #factorOf: OverloadFactorOf;
  readonly #order: Int32Array;
  readonly #mt = new Mt19937();

  /** `hostCount` bounds the host indices in `hosts`. */
  constructor(
    inner: HashTable,
    hosts: Int32Array,
    weights: Float64Array,
    hostCount: number,
    factorOf: OverloadFactorOf,
  ) {
    this.#inner = inner;
    this.#hosts = hosts;
    this.#weights = weights;
    this.#weightByHost = new Float64Array(hostCount);
    hosts.forEach((h, i) => (this.#weightByHost[h] = weights[i]));
    this.#factorOf = factorOf;
    this.#order = new Int32Array(hosts.length);
  }

  chooseHost(hashHi: number, hashLo: number, attempt: number): number {
    const primary = this.#inner.chooseHost(hashHi, hashLo, attempt);
    if (primary < 0) return primary;
    let leastFactor = this.#factorOf(primary, this.#weightByHost[primary]);
    if (leastFactor <= 1) return primary;
    let least = primary;
    const order = this.#order;
    const n = order.length;
    for (let i = 0; i < n; i++) order[i] = i;
    this.#mt.seed(hashLo);
    for (let i = 0; i < n; i++) {
      const picked = fisherYatesStep(this.#mt, order, i);
      const candidate = this.#hosts[picked];
      if (candidate === primary) continue;
      const factor = this.#factorOf(candidate, this.#weights[picked]);
      if (factor <= 1) return candidate;
      if (factor < leastFactor) {
        least = candidate;
        leastFactor = factor;
      }
    }
    return least;
  }
}
