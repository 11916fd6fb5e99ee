/**
 * Key movement between two consistent-hashing tables: the share of the 2^64 hash space whose
 * owner changes when hosts are removed, added or re-weighted (the "percent different" Envoy's
 * benchmarks print), next to the least any scheme could move: the total variation distance of the
 * two ownership distributions, Σ_h max(0, before_h − after_h) — 1/N for removing one of N equal
 * hosts. Hosts are matched across tables by an identity (their address, by default).
 *
 * Rings are compared exactly by walking both sorted point lists together (O(points)); Maglev
 * tables of equal size slot by slot.
 */
import type { MaglevTable } from '../policies/maglev/maglev-table.js';
import type { Ring } from '../policies/ring-hash/ring.js';
import { tableOwnership } from './hash-ownership.js';

/** A table and the identity of each host index it refers to. */
export interface IdentifiedTable {
  readonly table: Ring | MaglevTable;
  readonly ids: readonly string[];
}

export interface KeyMovement {
  /** Share of all hashes that change host. */
  readonly moved: number;
  /** The least share any assignment with the new ownership could move. */
  readonly optimal: number;
}

const TWO_32 = 4294967296;

export function keyMovement(before: IdentifiedTable, after: IdentifiedTable): KeyMovement {
  const moved =
    'hashHi' in before.table && 'hashHi' in after.table
      ? ringMovement(before.table, before.ids, after.table, after.ids)
      : maglevMovement(before, after);
  return { moved, optimal: optimalMovement(before, after) };
}

function optimalMovement(before: IdentifiedTable, after: IdentifiedTable): number {
  const share = new Map<string, number>();
  tableOwnership(before.table, before.ids.length).forEach((s, h) => {
    share.set(before.ids[h], (share.get(before.ids[h]) ?? 0) + s);
  });
  tableOwnership(after.table, after.ids.length).forEach((s, h) => {
    share.set(after.ids[h], (share.get(after.ids[h]) ?? 0) - s);
  });
  let total = 0;
  for (const d of share.values()) if (d > 0) total += d;
  return total;
}

function maglevMovement(before: IdentifiedTable, after: IdentifiedTable): number {
  const a = (before.table as MaglevTable).table;
  const b = (after.table as MaglevTable).table;
  if (!('table' in before.table) || !('table' in after.table) || a.length !== b.length) {
    throw new RangeError('key movement compares two rings or two Maglev tables of the same size');
  }
  let changed = 0;
  for (let i = 0; i < a.length; i++) if (before.ids[a[i]] !== after.ids[b[i]]) changed++;
  return a.length === 0 ? 0 : changed / a.length;
}

/** Walks the union of both rings' points; between consecutive breakpoints both owners are fixed. */
function ringMovement(a: Ring, aIds: readonly string[], b: Ring, bIds: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 0 : 1;
  let i = 0;
  let j = 0;
  let prevHi = 0;
  let prevLo = 0;
  let movedHi = 0;
  let movedLo = 0;
  const owner = (r: Ring, ids: readonly string[], k: number): string =>
    ids[r.hosts[k === r.length ? 0 : k]];
  while (i < a.length || j < b.length) {
    const takeA =
      j === b.length ||
      (i < a.length &&
        (a.hashHi[i] < b.hashHi[j] || (a.hashHi[i] === b.hashHi[j] && a.hashLo[i] <= b.hashLo[j])));
    const hi = takeA ? a.hashHi[i] : b.hashHi[j];
    const lo = takeA ? a.hashLo[i] : b.hashLo[j];
    // Hashes in (prev, point] belong to the first point >= them in each ring: a[i] and b[j].
    if (owner(a, aIds, i) !== owner(b, bIds, j)) {
      movedHi += hi - prevHi;
      movedLo += lo - prevLo;
      if (i === 0 && j === 0) movedLo += 1; // the interval starts at hash 0 inclusive
    }
    prevHi = hi;
    prevLo = lo;
    if (takeA) i++;
    else j++;
    if (!takeA && i < a.length && a.hashHi[i] === hi && a.hashLo[i] === lo) i++;
    if (takeA && j < b.length && b.hashHi[j] === hi && b.hashLo[j] === lo) j++;
  }
  // Past the last point of both rings, hashes wrap to the first point of each.
  if (owner(a, aIds, 0) !== owner(b, bIds, 0)) {
    movedHi += TWO_32 - prevHi;
    movedLo -= prevLo + 1;
  }
  return movedHi / TWO_32 + movedLo / (TWO_32 * TWO_32);
}
