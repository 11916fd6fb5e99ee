/**
 * 64-bit hashes of strings as Envoy computes them (UTF-8 bytes, no terminator), left in a shared
 * result. Short keys hash in pure JS without allocating; keys of 16 bytes or more go through
 * xxhash-wasm once `initHashing()` has loaded it (one BigInt per hash, split into halves here).
 */
import { murmurHash2, murmurHash2Result } from './murmur-hash2.js';
import { encodeUtf8, utf8Buffer } from './utf8.js';
import { wasmXxHash } from './xxhash-wasm.js';
import { xxHash64, xxHash64Result } from './xxhash64.js';

/** From this many bytes on xxhash-wasm is faster than the pure-JS XXH64 (measured crossover). */
const WASM_FROM_BYTES = 9;

/** Splits xxhash-wasm's bigint into halves through shared memory, without BigInt arithmetic. */
const SPLIT_U64 = new BigUint64Array(1);
const SPLIT_U32 = new Uint32Array(SPLIT_U64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = LITTLE_ENDIAN ? 0 : 1;

/** `HashUtil::xxHash64(s, seed)`; the result is in `xxHash64Result` (hi, lo). */
export function xxHash64String(s: string, seedHi = 0, seedLo = 0): void {
  const wasm = wasmXxHash();
  if (wasm !== null && s.length >= WASM_FROM_BYTES && seedHi === 0 && seedLo === 0) {
    SPLIT_U64[0] = wasm.h64(s);
    xxHash64Result.hi = SPLIT_U32[HI];
    xxHash64Result.lo = SPLIT_U32[LO];
    return;
  }
  const length = encodeUtf8(s);
  xxHash64(utf8Buffer(), length, seedHi, seedLo);
}

/** `MurmurHash::murmurHash2(s)` with Envoy's seed; the result is in `murmurHash2Result`. */
export function murmurHash2String(s: string): void {
  const length = encodeUtf8(s);
  murmurHash2(utf8Buffer(), length);
}

/** XXH64 of a string as a decimal string (BigInt only here, at the edge). */
export function xxHash64Decimal(s: string, seed = 0n): string {
  xxHash64String(s, Number(seed >> 32n), Number(seed & 0xffffffffn));
  return ((BigInt(xxHash64Result.hi) << 32n) | BigInt(xxHash64Result.lo)).toString();
}

/** MurmurHash2-64 of a string as a decimal string. */
export function murmurHash2Decimal(s: string): string {
  murmurHash2String(s);
  return ((BigInt(murmurHash2Result.hi) << 32n) | BigInt(murmurHash2Result.lo)).toString();
}
