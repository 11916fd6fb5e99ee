/**
 * Lower bounds for the ring lookup, over 64-bit points stored as two Uint32Arrays (high and low
 * halves, ascending): `std::lower_bound`'s first/count binary search, and for comparison the same
 * search over an Eytzinger (BFS-order) copy of the points, whose first levels share cache lines.
 * Both return the first point at or after the hash, wrapping past the last to point 0.
 */

/** Index of the first point >= (hashHi, hashLo), or `hiArr.length` when there is none. */
export function lowerBoundU64(
  hiArr: Uint32Array,
  loArr: Uint32Array,
  hashHi: number,
  hashLo: number,
): number {
  let first = 0;
  let count = hiArr.length;
  while (count > 0) {
    const step = count >>> 1;
    const it = first + step;
    const h = hiArr[it];
    if (h < hashHi || (h === hashHi && loArr[it] < hashLo)) {
      first = it + 1;
      count -= step + 1;
    } else {
      count = step;
    }
  }
  return first;
}

/** Sorted points (and their hosts) in Eytzinger order: node k's children are 2k and 2k + 1. */
export class EytzingerPoints {
  /** 1-based; slot 0 is unused by the search. */
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  /** Host of each node; slot 0 holds the host of the first sorted point (the wrap-around). */
  readonly hosts: Int32Array;
  readonly size: number;

  constructor(sortedHi: Uint32Array, sortedLo: Uint32Array, sortedHosts: Int32Array) {
    const n = sortedHi.length;
    this.size = n;
    this.hi = new Uint32Array(n + 1);
    this.lo = new Uint32Array(n + 1);
    this.hosts = new Int32Array(n + 1);
    if (n > 0) this.hosts[0] = sortedHosts[0];
    // In-order walk of the implicit tree, without recursion: descend left, visit, go right.
    const stack: number[] = [];
    let next = 0;
    let k = 1;
    while (k <= n || stack.length > 0) {
      while (k <= n) {
        stack.push(k);
        k *= 2;
      }
      k = stack.pop() as number;
      this.hi[k] = sortedHi[next];
      this.lo[k] = sortedLo[next];
      this.hosts[k] = sortedHosts[next];
      next++;
      k = 2 * k + 1;
    }
  }

  /** Host of the first point >= (hashHi, hashLo), wrapping to the first point. */
  chooseHost(hashHi: number, hashLo: number): number {
    const hiArr = this.hi;
    const loArr = this.lo;
    const n = this.size;
    let k = 1;
    while (k <= n) {
      const h = hiArr[k];
      k = 2 * k + (h < hashHi || (h === hashHi && loArr[k] < hashLo) ? 1 : 0);
    }
    // Drop the trailing right turns and the last left turn: k >> ffs(~k).
    k >>>= 32 - Math.clz32(~k & (k + 1));
    return this.hosts[k];
  }
}
