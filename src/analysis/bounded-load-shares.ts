/**
 * Bounded load in closed form, for given requests in flight: a host whose active requests exceed
 * its slots (overload factor > 1, see policies/common/bounded-load.ts) passes each hash it owns to
 * the first host of a probe order that is not overloaded — uniformly one of them when the order is
 * uniformly random — or, when every host is overloaded, to the least overloaded host (itself if it
 * is among them). Envoy's order comes from std::mt19937 seeded with the hash's low 32 bits; it is
 * taken here as uniformly random, so the shares of overloaded hosts' hashes are exact in
 * expectation over that order, not bit for bit.
 *
 * Worked example: factor 150, three equal hosts with 0, 0 and 9 active → slots ⌈⌊(10·150 + 99)/100⌋/3⌉
 * = 5, host 2 overloaded (9/5): its hashes split evenly between hosts 0 and 1.
 */
import { boundedLoadSlots } from '../policies/common/bounded-load.js';
import type { HashingLoadBalancer } from '../policies/create-load-balancer.js';
import type { ShareRedistribution } from './hash-ownership.js';

/** The redistribution of each priority's table shares under the balancer's requests in flight. */
export function boundedLoadRedistribution(
  lb: HashingLoadBalancer,
  hashBalanceFactor: number,
): ShareRedistribution {
  return (priority, shares) => {
    const { hosts, weights } = lb.normalizedWeights[priority];
    const factor = Float64Array.from(
      hosts,
      (h, i) =>
        lb.activeRequests[h] /
        boundedLoadSlots(lb.clusterActiveRequests, hashBalanceFactor, weights[i]),
    );
    const open = Array.from(hosts).filter((_, i) => factor[i] <= 1);
    const least = factor.reduce((m, f) => Math.min(m, f), Infinity);
    const leastHosts = Array.from(hosts).filter((_, i) => factor[i] === least);
    const out = Float64Array.from(shares);
    hosts.forEach((h, i) => {
      if (factor[i] <= 1 || shares[h] === 0) return;
      const targets = open.length > 0 ? open : factor[i] === least ? [h] : leastHosts;
      out[h] -= shares[h];
      for (const t of targets) out[t] += shares[h] / targets.length;
    });
    return out;
  };
}
