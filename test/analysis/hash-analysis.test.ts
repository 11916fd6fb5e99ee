import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Ring,
  balancerOwnership,
  commonLbConfig,
  createLoadBalancer,
  keyMovement,
  maglevConfig,
  maglevSlots,
  ringHashConfig,
  ringOwnedHashes,
  ringOwnership,
  spread,
  ScriptedRng,
} from '../../src/index.js';
import { prioritySet } from '../policies/helpers.js';

const seed = Number(process.env.FC_SEED ?? 20261122);
const TWO_64 = 2n ** 64n;

/** A ring over random 64-bit points owned by random hosts (BigInt-sorted). */
const ringArb = (hosts: number) =>
  fc
    .uniqueArray(fc.bigInt({ min: 0n, max: TWO_64 - 1n }), { minLength: 1, maxLength: 40 })
    .chain((points) =>
      fc.tuple(
        fc.constant([...points].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))),
        fc.array(fc.nat(hosts - 1), {
          minLength: points.length,
          maxLength: points.length,
        }),
      ),
    );

function ringOf(points: bigint[], owners: number[]): Ring {
  return new Ring(
    Uint32Array.from(points, (p) => Number(p >> 32n)),
    Uint32Array.from(points, (p) => Number(p & 0xffffffffn)),
    Int32Array.from(owners),
    { size: points.length, minHashesPerHost: 0, maxHashesPerHost: 0 },
  );
}

/** Owner of hash x: the first point >= x, wrapping to the first point. */
function ownerOf(points: bigint[], owners: number[], x: bigint): number {
  const i = points.findIndex((p) => p >= x);
  return owners[i < 0 ? 0 : i];
}

describe('hash ownership and key movement', () => {
  it('ring ownership counts every hash exactly once (BigInt reference)', () => {
    fc.assert(
      fc.property(ringArb(4), ([points, owners]) => {
        const exact = new Array<bigint>(4).fill(0n);
        points.forEach((p, i) => {
          const prev = i === 0 ? points[points.length - 1] - TWO_64 : points[i - 1];
          exact[owners[i]] += p - prev;
        });
        expect(ringOwnedHashes(ringOf(points, owners), 4)).toEqual(exact.map(String));
        const shares = ringOwnership(ringOf(points, owners), 4);
        shares.forEach((s, h) => expect(s).toBeCloseTo(Number(exact[h]) / 2 ** 64, 12));
      }),
      { seed, numRuns: 300 },
    );
  });

  it('ring key movement equals the measure of hashes whose owner differs (BigInt reference)', () => {
    fc.assert(
      fc.property(ringArb(3), ringArb(3), ([pa, oa], [pb, ob]) => {
        const breaks = [...new Set([...pa, ...pb])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        let moved = 0n;
        let prev = -1n;
        for (const b of [...breaks, TWO_64 - 1n]) {
          if (b === prev) continue;
          if (ownerOf(pa, oa, b) !== ownerOf(pb, ob, b)) moved += b - prev;
          prev = b;
        }
        const ids = ['a', 'b', 'c'];
        const result = keyMovement({ table: ringOf(pa, oa), ids }, { table: ringOf(pb, ob), ids });
        expect(result.moved).toBeCloseTo(Number(moved) / 2 ** 64, 12);
        expect(result.optimal).toBeLessThanOrEqual(result.moved + 1e-12);
      }),
      { seed, numRuns: 300 },
    );
  });

  it('Maglev 1:2 weights at M = 65537 give 21846 and 43691 slots', () => {
    const ps = prioritySet([
      [
        [1, 'HEALTHY'],
        [2, 'HEALTHY'],
      ],
    ]);
    const lb = createLoadBalancer(ps, commonLbConfig(), maglevConfig(), { rng: new ScriptedRng() });
    expect(Array.from(maglevSlots(lb.tables[0], 2))).toEqual([21846, 43691]);
    const owned = balancerOwnership(lb);
    expect(owned.overall[1]).toBeCloseTo(43691 / 65537, 12);
    expect(owned.noHost).toBe(0);
  });

  it('removing one of four equal Maglev hosts moves close to the optimal quarter of keys', () => {
    const four = prioritySet([
      Array.from({ length: 4 }, () => [1, 'HEALTHY'] as [number, 'HEALTHY']),
    ]);
    const three = {
      hosts: four.hosts,
      hostSets: [
        prioritySet([
          [
            [1, 'HEALTHY'],
            [1, 'HEALTHY'],
            [1, 'HEALTHY'],
          ],
        ]).hostSets[0],
      ],
    };
    const build = (ps: typeof four) =>
      createLoadBalancer(ps, commonLbConfig(), maglevConfig(), { rng: new ScriptedRng() });
    const ids = four.hosts.map((h) => h.address);
    const result = keyMovement(
      { table: build(four).tables[0], ids },
      { table: build(three).tables[0], ids },
    );
    expect(result.optimal).toBeCloseTo(0.25, 3);
    expect(result.moved).toBeGreaterThanOrEqual(result.optimal);
    expect(result.moved).toBeLessThan(0.3);
  });

  it('summarizes spread', () => {
    const s = spread([0.2, 0.3, 0.5]);
    expect(s.mean).toBeCloseTo(1 / 3, 12);
    expect(s.stdev).toBeCloseTo(0.124722, 6);
    expect(s.relativeStdev).toBeCloseTo(0.374166, 6);
    expect(s.maxOverMean).toBeCloseTo(1.5, 12);
    expect(spread([0.1, 0.2], [0.1, 0.2]).relativeStdev).toBe(0);
  });

  it('ring ownership of a weighted ring follows weights within Envoy’s test bounds', () => {
    const ps = prioritySet([
      [
        [1, 'HEALTHY'],
        [2, 'HEALTHY'],
        [3, 'HEALTHY'],
      ],
    ]);
    const lb = createLoadBalancer(ps, commonLbConfig(), ringHashConfig({ minimumRingSize: 6144 }), {
      rng: new ScriptedRng(),
    });
    const shares = ringOwnership(lb.tables[0], 3);
    [1 / 6, 2 / 6, 3 / 6].forEach((w, i) => expect(Math.abs(shares[i] - w)).toBeLessThan(0.02));
  });
});
