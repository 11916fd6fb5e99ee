/**
 * Unsigned 64-bit integers as two uint32 halves (`hi`, `lo`), so hot paths never touch BigInt.
 * BigInt appears only at the edges (parsing a decimal string, printing one).
 */

const TWO_32 = 4294967296;
/** Below this modulus `(hi mod m)·2^32 + lo` stays under 2^53. */
const SMALL_MODULUS = 2 ** 20;

/**
 * x mod m for integers 0 <= x < 2^53, 1 <= m, without JavaScript's `%`: on numbers beyond int32
 * V8 runs `%` as a slow floating-point routine. The rounded quotient is never below the true
 * floor, so one correction suffices.
 */
function modSafe(x: number, m: number): number {
  const r = x - Math.floor(x / m) * m;
  return r < 0 ? r + m : r;
}

/**
 * `(hi·2^32 + lo) mod m`, exact for any uint64 and any integer `1 <= m <= 2^32`.
 * Worked example: `modU64(1, 0, 100)` is `2^32 mod 100 = 96`.
 */
export function modU64(hi: number, lo: number, m: number): number {
  if (m <= SMALL_MODULUS) return modU64Small(hi, lo, m);
  if (hi === 0) return modSafe(lo, m);
  let r = modSafe(hi, m);
  r = modSafe(r * 65536, m);
  r = modSafe(r * 65536, m);
  return modSafe(r + lo, m);
}

/** `modU64` for `m <= 2^20`, where `(hi mod m)·2^32 + lo` stays an exact double: two divisions. */
export function modU64Small(hi: number, lo: number, m: number): number {
  return modSafe(modSafe(hi, m) * TWO_32 + lo, m);
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
