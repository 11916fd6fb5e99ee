import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modU64, u64Halves, u64ToDecimal } from '../../src/index.js';

const seed = Number(process.env.FC_SEED ?? 20261122);

describe('u64 halves', () => {
  it('modU64 equals BigInt arithmetic for every uint64 and modulus up to 2^32', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
        fc.integer({ min: 1, max: 2 ** 32 }),
        (v, m) => {
          const [hi, lo] = u64Halves(v);
          expect(modU64(hi, lo, m)).toBe(Number(v % BigInt(m)));
        },
      ),
      { seed, numRuns: 2000 },
    );
  });

  it('round-trips decimal strings, including 2^64-1', () => {
    expect(u64ToDecimal(...u64Halves('18446744073709551615'))).toBe('18446744073709551615');
    expect(u64Halves(2 ** 32 + 5)).toEqual([1, 5]);
    expect(modU64(1, 0, 100)).toBe(96);
  });
});
