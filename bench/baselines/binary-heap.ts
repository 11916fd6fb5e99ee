/**
 * A minimal binary min-heap on typed arrays (keys in a Float64Array, items in an Int32Array),
 * written as the lower bound for the EDF scheduler: the least work a heap-based weighted pick
 * can do. No tie-break on equal keys, no growth, no pre-advance. O(log n) per pop and per push.
 */
export class BinaryHeap {
  readonly keys: Float64Array;
  readonly items: Int32Array;
  size = 0;
  /** Key of the entry the last `pop` removed. */
  poppedKey = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.items = new Int32Array(capacity);
  }

  push(key: number, item: number): void {
    const keys = this.keys;
    const items = this.items;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      items[i] = items[parent];
      i = parent;
    }
    keys[i] = key;
    items[i] = item;
  }

  /** Removes the entry with the smallest key, keeps its key in `poppedKey`, returns its item. */
  pop(): number {
    const keys = this.keys;
    const items = this.items;
    const top = items[0];
    this.poppedKey = keys[0];
    const last = --this.size;
    const key = keys[last];
    const item = items[last];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= key) break;
      keys[i] = keys[child];
      items[i] = items[child];
      i = child;
    }
    keys[i] = key;
    items[i] = item;
    return top;
  }
}
