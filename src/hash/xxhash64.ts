/**
 * XXH64 (Yann Collet's xxHash, 64-bit) in pure JS on uint32 halves — Envoy's
 * `HashUtil::xxHash64` (source/common/common/hash.h), seed 0 by default. Ring hash and Maglev
 * (seeds 0 and 1) hash their keys' bytes with it, and string hashing uses it before
 * `initHashing()` has loaded xxhash-wasm and for keys under 9 bytes, where it is the faster of
 * the two. It allocates nothing; a property test proves it identical to xxhash-wasm's `h64`.
 *
 * Worked example: XXH64("foo", 0) = 3728699739546630719 (Envoy's Hash.xxHash test).
 */
import { R, add64, mul64 } from './u64-math.js';

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

/** acc + input·P2, rotated left 31, times P1 → R[0]:R[1] (XXH64_round). */
function round(ah: number, al: number, ih: number, il: number): void {
  mul64(ih, il, P2H, P2L);
  add64(ah, al, R[0], R[1]);
  // rotl 31 of (R[0]:R[1])
  const h = R[0];
  const l = R[1];
  mul64(((h << 31) | (l >>> 1)) >>> 0, ((l << 31) | (h >>> 1)) >>> 0, P1H, P1L);
}

/** h XOR round(0, v), times P1, plus P4 → R[0]:R[1] (XXH64_mergeRound). */
function mergeRound(hh: number, hl: number, vh: number, vl: number): void {
  round(0, 0, vh, vl);
  mul64((hh ^ R[0]) >>> 0, (hl ^ R[1]) >>> 0, P1H, P1L);
  add64(R[0], R[1], P4H, P4L);
}

function read32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;
}

/**
 * Consumes the 32-byte stripes of `bytes` (length >= 32) into four accumulators, merges them and
 * leaves the 64-bit state in R; returns the offset of the first unconsumed byte. Kept apart from
 * the tail so each function stays small enough for V8 to inline its arithmetic.
 */
function stripes(bytes: Uint8Array, length: number, seedHi: number, seedLo: number): number {
  add64(seedHi, seedLo, P1H, P1L);
  add64(R[0], R[1], P2H, P2L);
  let v1h = R[0];
  let v1l = R[1];
  add64(seedHi, seedLo, P2H, P2L);
  let v2h = R[0];
  let v2l = R[1];
  let v3h = seedHi;
  let v3l = seedLo;
  // seed − P1 = seed + (2^64 − P1)
  add64(seedHi, seedLo, 0x61c8864e, 0x7a143579);
  let v4h = R[0];
  let v4l = R[1];
  let i = 0;
  for (const limit = length - 32; i <= limit; i += 32) {
    round(v1h, v1l, read32(bytes, i + 4), read32(bytes, i));
    v1h = R[0];
    v1l = R[1];
    round(v2h, v2l, read32(bytes, i + 12), read32(bytes, i + 8));
    v2h = R[0];
    v2l = R[1];
    round(v3h, v3l, read32(bytes, i + 20), read32(bytes, i + 16));
    v3h = R[0];
    v3l = R[1];
    round(v4h, v4l, read32(bytes, i + 28), read32(bytes, i + 24));
    v4h = R[0];
    v4l = R[1];
  }
  // rotl(v1,1) + rotl(v2,7) + rotl(v3,12) + rotl(v4,18), then merge each accumulator in.
  add64(
    ((v1h << 1) | (v1l >>> 31)) >>> 0,
    ((v1l << 1) | (v1h >>> 31)) >>> 0,
    ((v2h << 7) | (v2l >>> 25)) >>> 0,
    ((v2l << 7) | (v2h >>> 25)) >>> 0,
  );
  add64(R[0], R[1], ((v3h << 12) | (v3l >>> 20)) >>> 0, ((v3l << 12) | (v3h >>> 20)) >>> 0);
  add64(R[0], R[1], ((v4h << 18) | (v4l >>> 14)) >>> 0, ((v4l << 18) | (v4h >>> 14)) >>> 0);
  mergeRound(R[0], R[1], v1h, v1l);
  mergeRound(R[0], R[1], v2h, v2l);
  mergeRound(R[0], R[1], v3h, v3l);
  mergeRound(R[0], R[1], v4h, v4l);
  return i;
}

/** Folds the bytes from `i` on into the state (hh:hl), 8, then 4, then 1 at a time; state left in R. */
function tail(bytes: Uint8Array, i: number, length: number, hh: number, hl: number): void {
  for (; i + 8 <= length; i += 8) {
    round(0, 0, read32(bytes, i + 4), read32(bytes, i));
    const xh = (hh ^ R[0]) >>> 0;
    const xl = (hl ^ R[1]) >>> 0;
    // rotl 27, times P1, plus P4
    mul64(((xh << 27) | (xl >>> 5)) >>> 0, ((xl << 27) | (xh >>> 5)) >>> 0, P1H, P1L);
    add64(R[0], R[1], P4H, P4L);
    hh = R[0];
    hl = R[1];
  }
  if (i + 4 <= length) {
    mul64(0, read32(bytes, i), P1H, P1L);
    const xh = (hh ^ R[0]) >>> 0;
    const xl = (hl ^ R[1]) >>> 0;
    // rotl 23, times P2, plus P3
    mul64(((xh << 23) | (xl >>> 9)) >>> 0, ((xl << 23) | (xh >>> 9)) >>> 0, P2H, P2L);
    add64(R[0], R[1], P3H, P3L);
    hh = R[0];
    hl = R[1];
    i += 4;
  }
  for (; i < length; i++) {
    mul64(0, bytes[i], P5H, P5L);
    const xh = (hh ^ R[0]) >>> 0;
    const xl = (hl ^ R[1]) >>> 0;
    // rotl 11, times P1
    mul64(((xh << 11) | (xl >>> 21)) >>> 0, ((xl << 11) | (xh >>> 21)) >>> 0, P1H, P1L);
    hh = R[0];
    hl = R[1];
  }
  R[0] = hh;
  R[1] = hl;
}

/**
 * XXH64 of `bytes[0..length)` with a 64-bit seed (halves); the result is left in
 * `xxHash64Result`.
 */
export function xxHash64(bytes: Uint8Array, length: number, seedHi = 0, seedLo = 0): void {
  const i = length >= 32 ? stripes(bytes, length, seedHi, seedLo) : 0;
  if (length < 32) add64(seedHi, seedLo, P5H, P5L);
  add64(R[0], R[1], 0, length);
  tail(bytes, i, length, R[0], R[1]);
  // Avalanche: h ^= h >> 33; h *= P2; h ^= h >> 29; h *= P3; h ^= h >> 32.
  mul64(R[0], (R[1] ^ (R[0] >>> 1)) >>> 0, P2H, P2L);
  const hh = R[0];
  const hl = (R[1] ^ ((R[1] >>> 29) | (R[0] << 3))) >>> 0;
  mul64((hh ^ (hh >>> 29)) >>> 0, hl, P3H, P3L);
  xxHash64Result.hi = R[0];
  xxHash64Result.lo = (R[1] ^ R[0]) >>> 0;
}
