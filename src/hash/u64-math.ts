/**
 * 64-bit unsigned arithmetic on two uint32 halves, for the hash functions' inner loops. Each
 * operation leaves its result in the register file `R` (`R[0]` high, `R[1]` low half): a typed
 * array, so results are stored unboxed — no BigInt, no heap numbers, nothing allocated.
 */

/** The result of the last operation: `R[0]` high 32 bits, `R[1]` low 32 bits. */
export const R: Uint32Array = new Uint32Array(2);

/** (ah:al) × (bh:bl) mod 2^64. */
export function mul64(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff;
  const a1 = al >>> 16;
  const b0 = bl & 0xffff;
  const b1 = bl >>> 16;
  const u = a1 * b0 + ((a0 * b0) >>> 16);
  R[1] = Math.imul(al, bl);
  R[0] =
    a1 * b1 +
    (u >>> 16) +
    ((a0 * b1 + (u & 0xffff)) >>> 16) +
    Math.imul(ah, bl) +
    Math.imul(al, bh);
}

/** (ah:al) + (bh:bl) mod 2^64. */
export function add64(ah: number, al: number, bh: number, bl: number): void {
  const sum = al + bl;
  R[1] = sum;
  R[0] = ah + bh + (sum > 0xffffffff ? 1 : 0);
}

/** (h:l) XOR ((h:l) >> s), 0 < s < 64: the "shift mix" both hash functions use. */
export function xorShiftRight64(h: number, l: number, s: number): void {
  if (s >= 32) {
    R[1] = l ^ (h >>> (s - 32));
    R[0] = h;
  } else {
    R[1] = l ^ ((l >>> s) | (h << (32 - s)));
    R[0] = h ^ (h >>> s);
  }
}
