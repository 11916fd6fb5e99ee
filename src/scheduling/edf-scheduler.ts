/**
 * Earliest-deadline-first scheduler with Envoy's semantics (`source/common/upstream/
 * edf_scheduler.h`): each entry has deadline = (time it was added) + 1/weight; a pick takes the
 * earliest deadline (ties: the entry added first), advances the clock to it and re-adds the
 * entry with its current weight. Over a full cycle each entry is picked in proportion to its
 * weight. O(log n) per pick on a binary heap held in typed arrays; a pick allocates nothing.
 *
 * `createWithPicks` reproduces Envoy's deterministic pre-advance: instead of picking P times
 * after construction it computes where every entry would stand after P picks (P mod 429496729).
 * Worked example: weights [1, 2] and P = 0 → picks 1, 0, 1, 1, 0, 1; with P = 1 → 0, 1, 1, 0, 1, 1.
 */
import { modU64 } from '../hash/u64.js';

/** The weight of an item at the moment it is (re)inserted. Must be > 0. */
export type WeightOf = (item: number) => number;

/** Envoy caps the pre-advance at this many picks (`createWithPicks`). */
export const MAX_PRE_PICKS = 429496729;

/** Weights are nudged by this before pre-advance so that multiples of each other stay distinct. */
const PRE_PICK_EPSILON = 1e-13;

export class EdfScheduler {
  #deadline: Float64Array;
  #order: Float64Array;
  #item: Int32Array;
  #size = 0;
  #now = 0;
  #nextOrder = 0;
  /** Items returned by `peekAgain` and not yet picked, FIFO (ring buffer). */
  #prepick = new Int32Array(8);
  #prepickHead = 0;
  #prepickCount = 0;

  constructor(capacity: number) {
    this.#deadline = new Float64Array(Math.max(1, capacity));
    this.#order = new Float64Array(Math.max(1, capacity));
    this.#item = new Int32Array(Math.max(1, capacity));
  }

  /**
   * A scheduler over `items` advanced as if `picks` (a uint64 as halves; Envoy passes the LB's
   * seed) picks had been made. With no items it is empty.
   */
  static createWithPicks(
    items: ArrayLike<number>,
    weightOf: WeightOf,
    picksHi: number,
    picksLo: number,
  ): EdfScheduler {
    const n = items.length;
    const edf = new EdfScheduler(n);
    if (n === 0) return edf;
    const picks = modU64(picksHi, picksLo, MAX_PRE_PICKS);
    const augmented = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      augmented[i] = weightOf(items[i]) + PRE_PICK_EPSILON;
      total += augmented[i];
    }
    const threshold = picks / total;
    let maxPickTime = 0;
    let done = 0;
    for (let i = 0; i < n; i++) {
      const w = augmented[i];
      let f = Math.trunc((w * picks) / total) >>> 0;
      if (f > 0 && f / w >= threshold) f -= 1;
      maxPickTime = Math.max(maxPickTime, f / w);
      done += f;
      edf.#push((f + 1) / w, i, items[i]);
    }
    edf.#now = maxPickTime;
    edf.#nextOrder = n;
    for (let k = done; k < picks; k++) edf.pickAndAdd(weightOf);
    return edf;
  }

  /** Number of entries in the queue. */
  get size(): number {
    return this.#size;
  }

  /** Adds an item with the given weight (> 0), due 1/weight after the current time. */
  add(weight: number, item: number): void {
    this.#push(this.#now + 1 / weight, this.#nextOrder++, item);
  }

  /** Envoy's `pickAndAdd`: a peeked item if any, else the earliest entry, re-added. -1 when empty. */
  pickAndAdd(weightOf: WeightOf): number {
    if (this.#prepickCount > 0) {
      const item = this.#prepick[this.#prepickHead];
      this.#prepickHead = (this.#prepickHead + 1) % this.#prepick.length;
      this.#prepickCount--;
      return item;
    }
    if (this.#size === 0) return -1;
    return this.#readdEarliest(weightOf);
  }

  /** Envoy's `peekAgain`: picks the next item and queues it so the next pickAndAdd returns it. */
  peekAgain(weightOf: WeightOf): number {
    if (this.#size === 0) return -1;
    const item = this.#readdEarliest(weightOf);
    this.#queuePrepick(item);
    return item;
  }

  /**
   * Pops the earliest entry, advances the clock to its deadline and re-adds it with its current
   * weight — in one sift from the root, which extracts in the same order as a pop then a push
   * because (deadline, order) keys are unique.
   */
  #readdEarliest(weightOf: WeightOf): number {
    const item = this.#item[0];
    const now = this.#deadline[0];
    this.#now = now;
    this.#siftDown(now + 1 / weightOf(item), this.#nextOrder++, item, this.#size);
    return item;
  }

  #queuePrepick(item: number): void {
    if (this.#prepickCount === this.#prepick.length) {
      const grown = new Int32Array(this.#prepick.length * 2);
      for (let i = 0; i < this.#prepickCount; i++) {
        grown[i] = this.#prepick[(this.#prepickHead + i) % this.#prepick.length];
      }
      this.#prepick = grown;
      this.#prepickHead = 0;
    }
    this.#prepick[(this.#prepickHead + this.#prepickCount) % this.#prepick.length] = item;
    this.#prepickCount++;
  }

  /** Sifts a new entry up from the end, moving parents down into the hole. */
  #push(deadline: number, order: number, item: number): void {
    if (this.#size === this.#item.length) this.#grow();
    const d = this.#deadline;
    const o = this.#order;
    const it = this.#item;
    let i = this.#size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pd = d[parent];
      if (pd < deadline || (pd === deadline && o[parent] < order)) break;
      d[i] = pd;
      o[i] = o[parent];
      it[i] = it[parent];
      i = parent;
    }
    d[i] = deadline;
    o[i] = order;
    it[i] = item;
  }

  /** Places (deadline, order, item) at the root's hole of a heap of `size` entries and sifts it down. */
  #siftDown(deadline: number, order: number, item: number, size: number): void {
    const d = this.#deadline;
    const o = this.#order;
    const it = this.#item;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && (d[right] < d[child] || (d[right] === d[child] && o[right] < o[child]))) {
        child = right;
      }
      const cd = d[child];
      if (deadline < cd || (deadline === cd && order < o[child])) break;
      d[i] = cd;
      o[i] = o[child];
      it[i] = it[child];
      i = child;
    }
    d[i] = deadline;
    o[i] = order;
    it[i] = item;
  }

  #grow(): void {
    const cap = this.#item.length * 2;
    const deadline = new Float64Array(cap);
    const order = new Float64Array(cap);
    const item = new Int32Array(cap);
    deadline.set(this.#deadline);
    order.set(this.#order);
    item.set(this.#item);
    this.#deadline = deadline;
    this.#order = order;
    this.#item = item;
  }
}
