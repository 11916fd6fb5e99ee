import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ScriptedRng,
  buildPrioritySet,
  commonLbConfig,
  createCluster,
  createLoadBalancer,
  keyMovement,
  maglevConfig,
  maglevSlots,
  ringHashConfig,
  ringOwnership,
} from '../../src/index.js';
import type { HashingPolicyConfig, PrioritySet } from '../../src/index.js';

const seed = Number(process.env.FC_SEED ?? 20261122);

/** Hosts 10.0.0.i:80 with the given weights, all healthy, at one priority. */
function hosts(weights: number[], priority = 0, order?: number[]): PrioritySet {
  const list = (order ?? weights.map((_, i) => i)).map((i) => ({
    address: `10.0.0.${i}:80`,
    weight: weights[i],
  }));
  const endpoints = [{ priority, hosts: list }];
  if (priority === 1)
    endpoints.unshift({ priority: 0, hosts: [{ address: '10.9.9.9:80', weight: 1 }] });
  const ps = buildPrioritySet(createCluster({ name: 'p', endpoints }));
  if (priority === 0) return ps;
  // Priority 0's only host is down: every request goes to priority 1.
  return buildPrioritySet(
    createCluster({
      name: 'p',
      endpoints: [
        { priority: 0, hosts: [{ address: '10.9.9.9:80', healthStatus: 'UNHEALTHY' }] },
        { priority: 1, hosts: list },
      ],
    }),
  );
}

function tableOf(ps: PrioritySet, policy: HashingPolicyConfig, priority: number) {
  return createLoadBalancer(ps, commonLbConfig(), policy, { rng: new ScriptedRng() }).tables[
    priority
  ];
}

const weightsArb = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 12 });

describe.each([0, 1])('consistent hashing at priority %i', (priority) => {
  it('ring point counts follow weights: floor or ceil of scale × weight', () => {
    fc.assert(
      fc.property(weightsArb, fc.integer({ min: 1, max: 4096 }), (weights, minimumRingSize) => {
        const policy = ringHashConfig({ minimumRingSize });
        const ring = tableOf(hosts(weights, priority), policy, priority) as ReturnType<
          typeof tableOf
        > & { hosts: Int32Array };
        const ps = hosts(weights, priority);
        const total = weights.reduce((s, w) => s + w, 0);
        const minW = Math.min(...weights) / total;
        const scale = Math.min(Math.ceil(minW * minimumRingSize) / minW, policy.maximumRingSize);
        const counts = new Map<string, number>();
        for (const h of ring.hosts)
          counts.set(ps.hosts[h].address, (counts.get(ps.hosts[h].address) ?? 0) + 1);
        weights.forEach((w, i) => {
          const c = counts.get(`10.0.0.${i}:80`) ?? 0;
          const exact = (scale * w) / total;
          expect(c).toBeGreaterThanOrEqual(Math.floor(exact - 1e-9));
          expect(c).toBeLessThanOrEqual(Math.ceil(exact + 1e-9));
        });
      }),
      { seed, numRuns: 60 },
    );
  });

  it('Maglev fills every slot, gives each host a slot, follows weights within n/M, ignores input order', () => {
    fc.assert(
      fc.property(
        weightsArb.chain((w) =>
          fc.tuple(
            fc.constant(w),
            fc.shuffledSubarray(
              w.map((_, i) => i),
              { minLength: w.length },
            ),
          ),
        ),
        fc.constantFrom(17, 251, 1031, 65537),
        ([weights, order], tableSize) => {
          fc.pre(weights.length <= tableSize);
          const policy = maglevConfig({ tableSize });
          const ps = hosts(weights, priority);
          const table = tableOf(ps, policy, priority) as { table: Int32Array };
          expect(table.table.every((h) => h >= 0)).toBe(true);
          const slots = maglevSlots(table as never, ps.hosts.length);
          const total = weights.reduce((s, w) => s + w, 0);
          weights.forEach((w, i) => {
            const share =
              slots[ps.hosts.findIndex((h) => h.address === `10.0.0.${i}:80`)] / tableSize;
            expect(share * tableSize).toBeGreaterThanOrEqual(1);
            expect(Math.abs(share - w / total)).toBeLessThanOrEqual(
              weights.length / tableSize + 1e-12,
            );
          });
          const shuffled = hosts(weights, priority, order);
          const other = tableOf(shuffled, policy, priority) as { table: Int32Array };
          expect(Array.from(other.table, (h) => shuffled.hosts[h].address)).toEqual(
            Array.from(table.table, (h) => ps.hosts[h].address),
          );
        },
      ),
      { seed, numRuns: 40 },
    );
  });

  it('removing a ring host moves exactly the keys it owned when the others keep their point counts', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 3, max: 24 })
          .chain((n) =>
            fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n - 1 }), fc.nat(n - 1)),
          ),
        ([n, perHost, removed]) => {
          // min ring c·(n−1) gives every host exactly c points with n and with n−1 equal hosts.
          const policy = ringHashConfig({ minimumRingSize: perHost * (n - 1) });
          const all = Array.from({ length: n }, () => 1);
          const before = hosts(all, priority);
          const keep = all.map((_, i) => i).filter((i) => i !== removed);
          const after = hosts(all, priority, keep);
          const a = tableOf(before, policy, priority) as never;
          const b = tableOf(after, policy, priority) as never;
          const ownedByRemoved = ringOwnership(a, before.hosts.length)[
            before.hosts.findIndex((h) => h.address === `10.0.0.${removed}:80`)
          ];
          const moved = keyMovement(
            { table: a, ids: before.hosts.map((h) => h.address) },
            { table: b, ids: after.hosts.map((h) => h.address) },
          );
          expect(moved.moved).toBeCloseTo(ownedByRemoved, 12);
          expect(moved.optimal).toBeCloseTo(ownedByRemoved, 12);
        },
      ),
      { seed, numRuns: 40 },
    );
  });
});
