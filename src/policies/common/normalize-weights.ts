/**
 * Normalized host weights for the hashing balancers (`ThreadAwareLoadBalancerBase::
 * normalizeWeights`): per priority, the hosts a table is built from — healthy hosts, or all hosts
 * in panic — with weights summing to 1. Under locality weighting each locality's share is its
 * weight over the sum of locality weights (localities of weight 0 drop out), split among its
 * hosts by host weight; the availability scaling of locality WRR is not applied here.
 *
 * Worked example: localities A (weight 1: hosts w1, w2) and B (weight 2: hosts w1, w2) →
 * A's hosts 1/9 and 2/9, B's 2/9 and 4/9.
 */
import type { Host } from '../../model/host.js';
import type { HostSet } from '../../snapshot/host-set.js';

export interface NormalizedHostWeights {
  /** Host indices in table order (host-list order, locality by locality under locality weighting). */
  readonly hosts: Int32Array;
  /** Normalized weight of each entry of `hosts`; they sum to 1. */
  readonly weights: Float64Array;
  /** min(1, smallest weight). */
  readonly min: number;
  /** max(0, largest weight). */
  readonly max: number;
}

export function normalizeHostWeights(
  hostSet: HostSet,
  hosts: readonly Host[],
  inPanic: boolean,
  localityWeighted: boolean,
): NormalizedHostWeights {
  const outHosts: number[] = [];
  const outWeights: number[] = [];
  const weightSum = (list: Int32Array): number => list.reduce((s, h) => s + hosts[h].weight, 0);
  const localityWeights = hostSet.localityWeights;
  if (localityWeighted && localityWeights && localityWeights.length > 0) {
    const lists = inPanic ? hostSet.hostsPerLocality : hostSet.healthyPerLocality;
    const localitySum = localityWeights.reduce((s, w) => s + w, 0);
    if (localitySum > 0) {
      lists.forEach((list, i) => {
        const lw = localityWeights[i] ?? 0;
        if (lw === 0 || list.length === 0) return;
        const share = lw / localitySum;
        const sum = weightSum(list);
        for (const h of list) {
          outHosts.push(h);
          outWeights.push((hosts[h].weight * share) / sum);
        }
      });
    }
  } else {
    const list = inPanic ? hostSet.hosts : hostSet.healthy;
    const sum = weightSum(list);
    for (const h of list) {
      outHosts.push(h);
      outWeights.push(hosts[h].weight / sum);
    }
  }
  let min = 1;
  let max = 0;
  for (const w of outWeights) {
    min = Math.min(min, w);
    max = Math.max(max, w);
  }
  return Object.freeze({
    hosts: Int32Array.from(outHosts),
    weights: Float64Array.from(outWeights),
    min,
    max,
  });
}
