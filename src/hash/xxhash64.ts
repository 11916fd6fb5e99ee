/**
 * XXH64 (Yann Collet's xxHash, 64-bit) in pure JS on uint32 halves — Envoy's
 * `HashUtil::xxHash64` (source/common/common/hash.h), seed 0 by default. Ring hash, Maglev (seeds
 * 0 and 1) and the route hash policies use it. Identical to `xxhash-wasm`'s `h64` (a property test
 * checks arbitrary UTF-8 strings); faster for the short keys load balancing hashes, and it
 * allocates nothing.
 *
 * Worked example: XXH64("foo", 0) = 3728699739546630719 (Envoy's Hash.xxHash test).
 */
import { add64, hi, lo, mul64, rotl64, xorShiftRight64 } from './u64-math.js';

const P1H = 0x9e3779b1;
const P1L = 0x85ebca87;
const P2H = 0xc2b2ae3d;
const P2L = 0x27d4eb4f;
const P3H = 0x165667b1;
const P3L = 0x9e3779f9;
const P4H = 0x85ebca77;
const P4L = 0xc2b2ae63;
const P5H = 0x27d4eb2f;
const P5L = 0x165667c5;

/** The result of the last `xxHash64` call. */
export const xxHash64Result: { hi: number; lo: number } = { hi: 0, lo: 0 };

let accH = 0;
let accL = 0;

/** acc = rotl(acc + input·P2, 31)·P1 on the accumulator registers. */
function round(h: number, l: number, inH: number, inL: number): void {
  mul64(inH, inL, P2H, P2L);
  add64(h, l, hi, lo);
  rotl64(hi, lo, 31);
  mul64(hi, lo, P1H, P1L);
  accH = hi;
  accL = lo;
}

/** acc = (h ^ round(0, v))·P1 + P4 on the accumulator registers. */
function mergeRound(h: number, l: number, vh: number, vl: number): void {
  round(0, 0, vh, vl);
  mul64((h ^ accH) >>> 0, (l ^ accL) >>> 0, P1H, P1L);
  add64(hi, lo, P4H, P4L);
  accH = hi;
  accL = lo;
}

function readLo(bytes: Uint8Array, i: number): number {
  return (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> 0;
}

/**
 * XXH64 of `bytes[0..length)` with a 64-bit seed (halves); the result is left in
 * `xxHash64Result`.
 */
export function xxHash64(bytes: Uint8Array, length: number, seedHi = 0, seedLo = 0): void {
  let i = 0;
  let hH: number;
  let hL: number;
  if (length >= 32) {
    add64(seedHi, seedLo, P1H, P1L);
    add64(hi, lo, P2H, P2L);
    let v1h = hi;
    let v1l = lo;
    add64(seedHi, seedLo, P2H, P2L);
    let v2h = hi;
    let v2l = lo;
    let v3h = seedHi;
    let v3l = seedLo;
    add64(seedHi, seedLo, ~P1H >>> 0, ~P1L >>> 0);
    add64(hi, lo, 0, 1);
    let v4h = hi;
    let v4l = lo;
    const limit = length - 32;
    while (i <= limit) {
      round(v1h, v1l, readLo(bytes, i + 4), readLo(bytes, i));
      v1h = accH;
      v1l = accL;
      round(v2h, v2l, readLo(bytes, i + 12), readLo(bytes, i + 8));
      v2h = accH;
      v2l = accL;
      round(v3h, v3l, readLo(bytes, i + 20), readLo(bytes, i + 16));
      v3h = accH;
      v3l = accL;
      round(v4h, v4l, readLo(bytes, i + 28), readLo(bytes, i + 24));
      v4h = accH;
      v4l = accL;
      i += 32;
    }
    rotl64(v1h, v1l, 1);
    hH = hi;
    hL = lo;
    rotl64(v2h, v2l, 7);
    add64(hH, hL, hi, lo);
    hH = hi;
    hL = lo;
    rotl64(v3h, v3l, 12);
    add64(hH, hL, hi, lo);
    hH = hi;
    hL = lo;
    rotl64(v4h, v4l, 18);
    add64(hH, hL, hi, lo);
    hH = hi;
    hL = lo;
    mergeRound(hH, hL, v1h, v1l);
    mergeRound(accH, accL, v2h, v2l);
    mergeRound(accH, accL, v3h, v3l);
    mergeRound(accH, accL, v4h, v4l);
    hH = accH;
    hL = accL;
  } else {
    add64(seedHi, seedLo, P5H, P5L);
    hH = hi;
    hL = lo;
  }
  add64(hH, hL, 0, length);
  hH = hi;
  hL = lo;
  while (i + 8 <= length) {
    round(0, 0, readLo(bytes, i + 4), readLo(bytes, i));
    hH = (hH ^ accH) >>> 0;
    hL = (hL ^ accL) >>> 0;
    rotl64(hH, hL, 27);
    mul64(hi, lo, P1H, P1L);
    add64(hi, lo, P4H, P4L);
    hH = hi;
    hL = lo;
    i += 8;
  }
  if (i + 4 <= length) {
    mul64(0, readLo(bytes, i), P1H, P1L);
    rotl64((hH ^ hi) >>> 0, (hL ^ lo) >>> 0, 23);
    mul64(hi, lo, P2H, P2L);
    add64(hi, lo, P3H, P3L);
    hH = hi;
    hL = lo;
    i += 4;
  }
  while (i < length) {
    mul64(0, bytes[i], P5H, P5L);
    rotl64((hH ^ hi) >>> 0, (hL ^ lo) >>> 0, 11);
    mul64(hi, lo, P1H, P1L);
    hH = hi;
    hL = lo;
    i++;
  }
  xorShiftRight64(hH, hL, 33);
  mul64(hi, lo, P2H, P2L);
  xorShiftRight64(hi, lo, 29);
  mul64(hi, lo, P3H, P3L);
  xorShiftRight64(hi, lo, 32);
  xxHash64Result.hi = hi;
  xxHash64Result.lo = lo;
}
