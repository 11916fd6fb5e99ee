/**
 * Area `locality_wrr`: locality weights and per-locality host counts → effective weights and the
 * localities the scheduler picks.
 */
import { LocalityWrr, hostSetFromLists, u64Halves } from '../../index.js';
import type { HostSet } from '../../index.js';
import type { Vector } from './vector.js';
import { expectClose, expectEqual } from './vector.js';

interface LocalityCounts {
  hosts: number;
  eligible?: number;
  degraded?: number;
  excluded?: number;
}

export function runLocalityWrrVector(vector: Vector): void {
  const inputs = vector.inputs as {
    locality_weights: number[] | null;
    overprovisioning_factor?: number;
    localities: LocalityCounts[];
    seed?: number | string;
    seeds?: (number | string)[];
    num_picks?: number;
  };
  const hostSet = buildHostSet(
    inputs.localities,
    inputs.locality_weights,
    inputs.overprovisioning_factor ?? 140,
  );
  const expected = vector.expected ?? {};
  const fresh = (seed: number | string): LocalityWrr =>
    new LocalityWrr(hostSet, ...u64Halves(seed));
  const orNull = (i: number): number | null => (i < 0 ? null : i);

  if (inputs.seeds) {
    const counts = new Array<number>(inputs.localities.length).fill(0);
    const firsts = inputs.seeds.map((seed) => {
      const pick = fresh(seed).chooseHealthyLocality();
      if (pick >= 0) counts[pick]++;
      return orNull(pick);
    });
    if (expected.first_pick_counts_by_locality) {
      expectEqual('first_pick_counts_by_locality', counts, expected.first_pick_counts_by_locality);
    }
    if (expected.first_pick_per_seed)
      expectEqual('first_pick_per_seed', firsts, expected.first_pick_per_seed);
    return;
  }
  const seed = inputs.seed ?? 0;
  if (Array.isArray(expected.locality_picks)) {
    const wrr = fresh(seed);
    const picks = expected.locality_picks.map(() => orNull(wrr.chooseHealthyLocality()));
    expectEqual('locality_picks', picks, expected.locality_picks);
  }
  if (Array.isArray(expected.degraded_locality_picks)) {
    const wrr = fresh(seed);
    const picks = expected.degraded_locality_picks.map(() => orNull(wrr.chooseDegradedLocality()));
    expectEqual('degraded_locality_picks', picks, expected.degraded_locality_picks);
  }
  if (expected.pick_counts_by_locality) {
    const wrr = fresh(seed);
    const counts = new Array<number>(inputs.localities.length).fill(0);
    for (let i = 0; i < (inputs.num_picks ?? 100); i++) {
      const pick = wrr.chooseHealthyLocality();
      if (pick >= 0) counts[pick]++;
    }
    expectEqual('pick_counts_by_locality', counts, expected.pick_counts_by_locality);
  }
  if (Array.isArray(expected.effective_weights)) {
    const weights = fresh(seed).healthyWeights;
    (expected.effective_weights as number[]).forEach((w, i) =>
      expectClose(`effective_weights[${i}]`, weights[i], w),
    );
  }
}

/** Locality i holds `hosts` hosts: the first `eligible` healthy, the next `degraded` degraded, the last `excluded` excluded. */
function buildHostSet(
  localities: LocalityCounts[],
  weights: number[] | null,
  opf: number,
): HostSet {
  let next = 0;
  const all: number[] = [];
  const perLocality = localities.map((l) => {
    const ids = Array.from({ length: l.hosts }, () => next++);
    all.push(...ids);
    const healthy = ids.slice(0, l.eligible ?? 0);
    const degraded = ids.slice(healthy.length, healthy.length + (l.degraded ?? 0));
    const excluded = l.excluded ? ids.slice(ids.length - l.excluded) : [];
    return { ids, healthy, degraded, excluded };
  });
  return hostSetFromLists(0, {
    hosts: all,
    healthy: perLocality.flatMap((l) => l.healthy),
    degraded: perLocality.flatMap((l) => l.degraded),
    excluded: perLocality.flatMap((l) => l.excluded),
    hostsPerLocality: perLocality.map((l) => l.ids),
    healthyPerLocality: perLocality.map((l) => l.healthy),
    degradedPerLocality: perLocality.map((l) => l.degraded),
    excludedPerLocality: perLocality.map((l) => l.excluded),
    localityWeights: weights,
    overprovisioningFactor: opf,
  });
}
