/**
 * 64-bit hashes of strings as Envoy computes them (UTF-8 bytes, no terminator), left in a shared
 * result so request hashing allocates nothing.
 */
import { murmurHash2, murmurHash2Result } from './murmur-hash2.js';
import { encodeUtf8, utf8Buffer } from './utf8.js';
import { xxHash64, xxHash64Result } from './xxhash64.js';

/** `HashUtil::xxHash64(s, seed)`; the result is in `xxHash64Result` (hi, lo). */
export function xxHash64String(s: string, seedHi = 0, seedLo = 0): void {
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
