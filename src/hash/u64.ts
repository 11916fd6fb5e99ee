/**
 * Unsigned 64-bit integers as two uint32 halves (`hi`, `lo`), so hot paths never touch BigInt.
 * BigInt appears only at the edges (parsing a decimal string, printing one).
 */

const TWO_32 = 4294967296;
/** Below this modulus `(hi mod m)·(2^32 mod m) + lo` stays under 2^53. */
const SMALL_MODULUS = 2 ** 20;

/**
 * `(hi·2^32 + lo) mod m`, exact for any uint64 and any integer `1 <= m <= 2^32`.
 * Worked example: `modU64(1, 0, 100)` is `2^32 mod 100 = 96`.
 */
export function modU64(hi: number, lo: number, m: number): number {
  if (hi === 0) return lo % m;
  if (m <= SMALL_MODULUS) return ((hi % m) * (TWO_32 % m) + lo) % m;
  let r = hi % m;
  r = (r * 65536) % m;
  r = (r * 65536) % m;
  return (r + lo) % m;
}

/** Splits a uint64 given as a bigint, a non-negative safe integer or a decimal string into halves. */
export function u64Halves(value: bigint | number | string): [hi: number, lo: number] {
  const big = BigInt.asUintN(64, BigInt(value));
  return [Number(big >> 32n), Number(big & 0xffffffffn)];
}

/** The decimal string of a uint64 given as halves. */
export function u64ToDecimal(hi: number, lo: number): string {
  return ((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)).toString();
}
