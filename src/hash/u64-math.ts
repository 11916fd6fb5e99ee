/**
 * 64-bit unsigned arithmetic on two uint32 halves, for the hash functions' inner loops. Each
 * operation leaves its result in the live bindings `hi` and `lo` (read them right after the
 * call), so nothing is allocated and no BigInt is involved.
 */

/** High 32 bits of the last result. */
export let hi = 0;
/** Low 32 bits of the last result. */
export let lo = 0;

/** (ah:al) × (bh:bl) mod 2^64. */
export function mul64(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff;
  const a1 = al >>> 16;
  const b0 = bl & 0xffff;
  const b1 = bl >>> 16;
  const w0 = a0 * b0;
  let t = a1 * b0 + (w0 >>> 16);
  const w1 = t & 0xffff;
  const w2 = t >>> 16;
  t = a0 * b1 + w1;
  const carry = a1 * b1 + w2 + (t >>> 16);
  lo = Math.imul(al, bl) >>> 0;
  hi = (carry + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0;
}

/** (ah:al) + (bh:bl) mod 2^64. */
export function add64(ah: number, al: number, bh: number, bl: number): void {
  const sum = al + bl;
  lo = sum >>> 0;
  hi = (ah + bh + (sum > 0xffffffff ? 1 : 0)) >>> 0;
}

/** Rotate (h:l) left by r bits, 0 < r < 64. */
export function rotl64(h: number, l: number, r: number): void {
  if (r >= 32) {
    const swap = h;
    h = l;
    l = swap;
    r -= 32;
  }
  if (r === 0) {
    hi = h >>> 0;
    lo = l >>> 0;
    return;
  }
  hi = ((h << r) | (l >>> (32 - r))) >>> 0;
  lo = ((l << r) | (h >>> (32 - r))) >>> 0;
}

/** (h:l) XOR ((h:l) >> s), 0 < s < 64: the "shift mix" both hash functions end with. */
export function xorShiftRight64(h: number, l: number, s: number): void {
  if (s >= 32) {
    lo = (l ^ (h >>> (s - 32))) >>> 0;
    hi = h >>> 0;
  } else {
    lo = (l ^ ((l >>> s) | (h << (32 - s)))) >>> 0;
    hi = (h ^ (h >>> s)) >>> 0;
  }
}
