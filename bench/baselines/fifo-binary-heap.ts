/**
 * The minimal binary heap of binary-heap.ts plus the one rule Envoy's EDF adds: equal keys leave
 * in insertion order (a sequence number per push, compared on ties). Measured beside the minimal
 * heap to separate what exact tie-breaking costs from what the library's scheduler adds on top.
 * With weights cycling 1..5 most deadlines tie, so this rule is most of the difference.
 */
export class FifoBinaryHeap {
  readonly keys: Float64Array;
  readonly seqs: Float64Array;
  readonly items: Int32Array;
  size = 0;
  nextSeq = 0;
  /** Key of the entry the last `pop` removed. */
  poppedKey = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.seqs = new Float64Array(capacity);
    this.items = new Int32Array(capacity);
  }

  push(key: number, item: number): void {
    const keys = this.keys;
    const seqs = this.seqs;
    const items = this.items;
    const seq = this.nextSeq++;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent];
      if (pk < key || (pk === key && seqs[parent] < seq)) break;
      keys[i] = pk;
      seqs[i] = seqs[parent];
      items[i] = items[parent];
      i = parent;
    }
    keys[i] = key;
    seqs[i] = seq;
    items[i] = item;
  }

  /** Removes the entry with the smallest (key, seq), keeps its key in `poppedKey`, returns its item. */
  pop(): number {
    const keys = this.keys;
    const seqs = this.seqs;
    const items = this.items;
    const top = items[0];
    this.poppedKey = keys[0];
    const last = --this.size;
    const key = keys[last];
    const seq = seqs[last];
    const item = items[last];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      let ck = keys[child];
      const right = child + 1;
      if (right < last) {
        const rk = keys[right];
        if (rk < ck || (rk === ck && seqs[right] < seqs[child])) {
          child = right;
          ck = rk;
        }
      }
      if (key < ck || (key === ck && seq < seqs[child])) break;
      keys[i] = ck;
      seqs[i] = seqs[child];
      items[i] = items[child];
      i = child;
    }
    keys[i] = key;
    seqs[i] = seq;
    items[i] = item;
    return top;
  }
}
