/**
 * Key-space ownership of consistent-hashing tables: which share of all 2^64 request hashes each
 * host receives. For a ring, a point owns the arc from the previous point (exclusive) to itself
 * (inclusive), the first point also the wrap-around; arcs are summed exactly in two halves. For
 * a Maglev table, a host owns its slots / M.
 *
 * Over the whole balancer the same hash also chooses the priority (hash % 100 + 1), so a host's
 * overall share is Σ_p load_p × share within p. For a ring, the residue classes of one arc differ
 * from load_p × arc by at most 100 hashes, an error below 100 × points / 2^64 (< 1e-11 for a
 * million points). A Maglev slot is hash % M: for the primes M = 2 and 5, which divide 100, the
 * slot depends on the priority's residues and is counted per range. Worked example: Maglev 1:2 weights at M = 65537 → 21846 and 43691 slots.
 */
import type { HashingLoadBalancer } from '../policies/create-load-balancer.js';
import type { MaglevTable } from '../policies/maglev/maglev-table.js';
import type { Ring } from '../policies/ring-hash/ring.js';
import type { PriorityRange } from './priority-ranges.js';
import {
  correlatedWithPriority,
  priorityRanges,
  rangeProbability,
  residueShares,
} from './priority-ranges.js';

const TWO_32 = 4294967296;

/** Exact owned hash counts per host index as [high·2^32 + low] pairs kept in two float arrays. */
function ringArcs(ring: Ring, hostCount: number): { hi: Float64Array; lo: Float64Array } {
  const hi = new Float64Array(hostCount);
  const lo = new Float64Array(hostCount);
  const n = ring.length;
  if (n === 0) return { hi, lo };
  for (let i = 0; i < n; i++) {
    const host = ring.hosts[i];
    if (i === 0) {
      // (last, 2^64) ∪ [0, first]: 2^64 − last + first.
      hi[host] += TWO_32 - ring.hashHi[n - 1] + ring.hashHi[0];
      lo[host] += ring.hashLo[0] - ring.hashLo[n - 1];
    } else {
      hi[host] += ring.hashHi[i] - ring.hashHi[i - 1];
      lo[host] += ring.hashLo[i] - ring.hashLo[i - 1];
    }
    if (Math.abs(lo[host]) >= 2 ** 50) {
      const carry = Math.trunc(lo[host] / TWO_32);
      hi[host] += carry;
      lo[host] -= carry * TWO_32;
    }
  }
  return { hi, lo };
}

/** Share of all 2^64 hashes each host index owns on a ring (hosts without points own 0). */
export function ringOwnership(ring: Ring, hostCount: number): Float64Array {
  const { hi, lo } = ringArcs(ring, hostCount);
  return Float64Array.from(hi, (h, i) => h / TWO_32 + lo[i] / (TWO_32 * TWO_32));
}

/** Exact number of hashes each host index owns on a ring, as decimal strings. */
export function ringOwnedHashes(ring: Ring, hostCount: number): string[] {
  const { hi, lo } = ringArcs(ring, hostCount);
  return Array.from(hi, (h, i) => (BigInt(h) * BigInt(TWO_32) + BigInt(lo[i])).toString());
}

/** Slots each host index holds in a Maglev table. */
export function maglevSlots(table: MaglevTable, hostCount: number): Float64Array {
  const counts = new Float64Array(hostCount);
  for (const host of table.table) counts[host]++;
  return counts;
}

/** Share of the hash space each host index owns in a Maglev table (slots / M). */
export function maglevOwnership(table: MaglevTable, hostCount: number): Float64Array {
  const counts = maglevSlots(table, hostCount);
  const m = table.table.length;
  return m === 0 ? counts : counts.map((c) => c / m);
}

/** Ownership of one table, ring or Maglev. */
export function tableOwnership(table: Ring | MaglevTable, hostCount: number): Float64Array {
  return 'hashHi' in table ? ringOwnership(table, hostCount) : maglevOwnership(table, hostCount);
}

export interface BalancerOwnership {
  /** Share of each priority's table per host index. */
  readonly perPriority: readonly Float64Array[];
  /** Share of all requests (random hashes) per host index: Σ over priority ranges of P(range) × share. */
  readonly overall: Float64Array;
  /** Share of requests whose priority has an empty table (no host). */
  readonly noHost: number;
  /** The same per priority. */
  readonly noHostByPriority: Float64Array;
}

/** Moves a table's shares from the host a hash reaches to the host the balancer returns (bounded load). */
export type ShareRedistribution = (priority: number, shares: Float64Array) => Float64Array;

/**
 * Ownership per priority and over the whole balancer, for requests without a hash policy. A
 * Maglev table whose size divides into 100 (2 or 5) gets its slots per priority range, as the
 * priority and the slot then depend on the same residue.
 */
export function balancerOwnership(
  lb: HashingLoadBalancer,
  redistribute?: ShareRedistribution,
): BalancerOwnership {
  const hostCount = lb.hosts.hosts.length;
  const tables: readonly (Ring | MaglevTable)[] = lb.tables;
  const perPriority = tables.map((t) => tableOwnership(t, hostCount));
  const overall = new Float64Array(hostCount);
  const noHostByPriority = new Float64Array(tables.length);
  for (const range of priorityRanges(lb.priorityLoad)) {
    const p = rangeProbability(range);
    const table = tables[range.priority];
    if (('hashHi' in table ? table.length : table.table.length) === 0) {
      noHostByPriority[range.priority] += p;
      continue;
    }
    let shares =
      'table' in table && correlatedWithPriority(table.table.length)
        ? maglevRangeOwnership(table, hostCount, range)
        : perPriority[range.priority];
    if (redistribute) shares = redistribute(range.priority, shares);
    shares.forEach((s, h) => (overall[h] += p * s));
  }
  const noHost = noHostByPriority.reduce((sum, x) => sum + x, 0);
  return { perPriority, overall, noHost, noHostByPriority };
}

function maglevRangeOwnership(
  table: MaglevTable,
  hostCount: number,
  range: PriorityRange,
): Float64Array {
  const out = new Float64Array(hostCount);
  residueShares(table.table.length, range).forEach((s, slot) => (out[table.table[slot]] += s));
  return out;
}
