/**
 * `floor(a·b / c)` for non-negative integers as Envoy computes it in uint64: exact with numbers
 * while the product is a safe integer, with BigInt otherwise (build time only, never per pick).
 */
export function floorMulDiv(a: number, b: number, c: number): number {
  const product = a * b;
  if (product <= Number.MAX_SAFE_INTEGER) return (product - (product % c)) / c;
  return Number((BigInt(a) * BigInt(b)) / BigInt(c));
}
