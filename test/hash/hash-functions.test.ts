import fc from 'fast-check';
import xxhash from 'xxhash-wasm';
import { describe, expect, it } from 'vitest';
import {
  Mt19937,
  initHashing,
  murmurHash2,
  murmurHash2Result,
  probeOrder,
  u64ToDecimal,
  xxHash64Decimal,
} from '../../src/index.js';

const seed = Number(process.env.FC_SEED ?? 20261122);
const MASK = 2n ** 64n - 1n;

/** MurmurHash2-64 of libstdc++ written from spec/HASHES.md with BigInt, as an independent reference. */
function murmurReference(bytes: Uint8Array): bigint {
  const m = 0xc6a4a7935bd1e995n;
  const shiftMix = (v: bigint): bigint => v ^ (v >> 47n);
  let h = 0xc70f6907n ^ ((BigInt(bytes.length) * m) & MASK);
  const blocks = bytes.length - (bytes.length % 8);
  for (let i = 0; i < blocks; i += 8) {
    let k = 0n;
    for (let b = 7; b >= 0; b--) k = (k << 8n) | BigInt(bytes[i + b]);
    const d = (shiftMix((k * m) & MASK) * m) & MASK;
    h = ((h ^ d) * m) & MASK;
  }
  if (blocks < bytes.length) {
    let t = 0n;
    for (let i = bytes.length - 1; i >= blocks; i--) t = (t << 8n) | BigInt(bytes[i]);
    h = ((h ^ t) * m) & MASK;
  }
  h = (shiftMix(h) * m) & MASK;
  return shiftMix(h);
}

describe('hash functions', () => {
  it('pure-JS XXH64 equals xxhash-wasm on arbitrary UTF-8 strings of 0–200 bytes, seeds 0 and 1', async () => {
    const wasm = await xxhash();
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(
        fc
          .string({ unit: 'binary', maxLength: 200 })
          .filter((s) => encoder.encode(s).length <= 200),
        (s) => {
          expect(xxHash64Decimal(s, 0n)).toBe(wasm.h64(s, 0n).toString());
          expect(xxHash64Decimal(s, 1n)).toBe(wasm.h64(s, 1n).toString());
        },
      ),
      { seed, numRuns: 3000 },
    );
  });

  it('string hashing gives the same value before and after xxhash-wasm is loaded', async () => {
    const wasm = await xxhash();
    const samples = [
      '',
      'a',
      'user-123456',
      '10.0.0.1',
      'x'.repeat(31),
      'é'.repeat(40),
      'k'.repeat(200),
    ];
    const before = samples.map((s) => xxHash64Decimal(s));
    await initHashing();
    expect(samples.map((s) => xxHash64Decimal(s))).toEqual(before);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(xxHash64Decimal(s)).toBe(wasm.h64(s, 0n).toString());
      }),
      { seed, numRuns: 1000 },
    );
  });

  it("Envoy's MurmurHash2 equals the reference on arbitrary byte strings (blocks and tails)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        murmurHash2(bytes, bytes.length);
        expect(u64ToDecimal(murmurHash2Result.hi, murmurHash2Result.lo)).toBe(
          murmurReference(bytes).toString(),
        );
      }),
      { seed, numRuns: 2000 },
    );
  });

  it('mt19937 matches the C++ standard check values and the probe orders in Envoy’s tests', () => {
    const mt = new Mt19937();
    expect(mt.next()).toBe(3499211612);
    for (let i = 2; i < 10000; i++) mt.next();
    expect(mt.next()).toBe(4123659995);
    expect(probeOrder(2, 5)).toEqual([2, 1, 0, 4, 3]);
    expect(probeOrder(7, 5)).toEqual([0, 1, 4, 3, 2]);
  });
});
