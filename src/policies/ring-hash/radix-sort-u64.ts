/**
 * LSD radix sort of 64-bit keys held as (hi, lo) uint32 halves with a payload, in four 16-bit
 * passes: O(n), no comparator calls, which is what makes million-entry rings quick to build.
 */

/** Sorts `hi`, `lo` and `payload` together, ascending by (hi, lo), in place. */
export function radixSortU64(hi: Uint32Array, lo: Uint32Array, payload: Int32Array): void {
  const n = hi.length;
  let srcHi: Uint32Array = hi;
  let srcLo: Uint32Array = lo;
  let srcP: Int32Array = payload;
  let dstHi: Uint32Array = new Uint32Array(n);
  let dstLo: Uint32Array = new Uint32Array(n);
  let dstP: Int32Array = new Int32Array(n);
  const counts = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const keys = pass < 2 ? srcLo : srcHi;
    const shift = pass % 2 === 0 ? 0 : 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & 0xffff]++;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = counts[(keys[i] >>> shift) & 0xffff]++;
      dstHi[at] = srcHi[i];
      dstLo[at] = srcLo[i];
      dstP[at] = srcP[i];
    }
    [srcHi, dstHi] = [dstHi, srcHi];
    [srcLo, dstLo] = [dstLo, srcLo];
    [srcP, dstP] = [dstP, srcP];
  }
}
