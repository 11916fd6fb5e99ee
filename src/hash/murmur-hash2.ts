/**
 * Envoy's `MurmurHash::murmurHash2` (source/common/common/hash.cc): the 64-bit MurmurHash2 of
 * libstdc++'s `_Hash_bytes`, seed 0xc70f6907 — what ring hash uses with `hash_function:
 * MURMUR_HASH_2`. It is not MurmurHash64A and not the 32-bit MurmurHash2 of the `murmurhash` npm
 * package (neither reproduces Envoy's rings).
 *
 * m = 0xc6a4a7935bd1e995; h = seed ^ (len·m); per 8-byte little-endian block k:
 * h = (h ^ shift_mix(k·m)·m)·m; a 1–7 byte tail t: h = (h ^ t)·m; then h = shift_mix(shift_mix(h)·m),
 * with shift_mix(v) = v ^ (v >> 47). Worked example: murmurHash2("foo") = 9631199822919835226.
 */
import { R, mul64, xorShiftRight64 } from './u64-math.js';

const MH = 0xc6a4a793;
const ML = 0x5bd1e995;
/** Envoy's `STD_HASH_SEED`. */
export const MURMUR_HASH2_SEED = 0xc70f6907;

/** The result of the last `murmurHash2` call. */
export const murmurHash2Result: { hi: number; lo: number } = { hi: 0, lo: 0 };

function readLo(bytes: Uint8Array, i: number): number {
  return (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> 0;
}

/** MurmurHash2-64 (libstdc++ variant) of `bytes[0..length)`; the result is left in `murmurHash2Result`. */
export function murmurHash2(
  bytes: Uint8Array,
  length: number,
  seed: number = MURMUR_HASH2_SEED,
): void {
  mul64(0, length, MH, ML);
  let hH = R[0];
  let hL = (R[1] ^ seed) >>> 0;
  const blocksEnd = length - (length % 8);
  for (let i = 0; i < blocksEnd; i += 8) {
    mul64(readLo(bytes, i + 4), readLo(bytes, i), MH, ML);
    xorShiftRight64(R[0], R[1], 47);
    mul64(R[0], R[1], MH, ML);
    mul64((hH ^ R[0]) >>> 0, (hL ^ R[1]) >>> 0, MH, ML);
    hH = R[0];
    hL = R[1];
  }
  if (blocksEnd < length) {
    let tH = 0;
    let tL = 0;
    for (let i = length - 1; i >= blocksEnd; i--) {
      const shift = i - blocksEnd;
      if (shift >= 4) tH |= bytes[i] << ((shift - 4) * 8);
      else tL |= bytes[i] << (shift * 8);
    }
    mul64((hH ^ tH) >>> 0, (hL ^ tL) >>> 0, MH, ML);
    hH = R[0];
    hL = R[1];
  }
  xorShiftRight64(hH, hL, 47);
  mul64(R[0], R[1], MH, ML);
  xorShiftRight64(R[0], R[1], 47);
  murmurHash2Result.hi = R[0];
  murmurHash2Result.lo = R[1];
}
