/**
 * ROUND_ROBIN (`RoundRobinLoadBalancer`, round_robin_lb.h). Weighted sources use the EDF
 * scheduler (× slow-start factor); unweighted sources keep a per-source index that starts at the
 * construction-time `random()` and is never reset, not even when the hosts change.
 * Worked example: seed 1 over hosts [a, b, c] → b, c, a, b.
 */
import type { CommonLbConfig, RoundRobinConfig } from '../../model/lb-config.js';
import { modU64 } from '../../hash/u64.js';
import type { PrioritySet } from '../../snapshot/host-set.js';
import { EdfLoadBalancer } from '../common/edf-lb.js';
import type { LoadBalancerOptions } from '../common/load-balancer-base.js';

/** A uint64 round-robin index as halves, mutated in place. */
interface RrIndex {
  hi: number;
  lo: number;
}

export class RoundRobinLoadBalancer extends EdfLoadBalancer {
  readonly #indexByKey = new Map<number, RrIndex>();
  #indexes: RrIndex[] = [];
  /** Envoy's `peekahead_index_`: peeks not yet consumed by picks. */
  #peekahead = 0;

  constructor(
    prioritySet: PrioritySet,
    common: CommonLbConfig,
    config: RoundRobinConfig,
    options: LoadBalancerOptions,
  ) {
    super(prioritySet, common, config.slowStart, options);
    this.initialize();
  }

  protected override hostWeight(host: number): number {
    return this.prioritySet.hosts[host].weight * this.slowStartFactorOf(host);
  }

  protected override onSourcesRebuilt(): void {
    this.#peekahead = 0;
    this.#indexes = this.sourceKeys.map((key) => {
      let index = this.#indexByKey.get(key);
      if (!index) {
        index = { hi: this.seedHi, lo: this.seedLo };
        this.#indexByKey.set(key, index);
      }
      return index;
    });
  }

  protected override unweightedHostPick(source: number, hosts: Int32Array): number {
    if (this.#peekahead > 0) this.#peekahead--;
    const index = this.#indexes[source];
    const host = hosts[modU64(index.hi, index.lo, hosts.length)];
    index.lo = (index.lo + 1) >>> 0;
    if (index.lo === 0) index.hi = (index.hi + 1) >>> 0;
    return host;
  }

  protected override unweightedHostPeek(source: number, hosts: Int32Array): number {
    const index = this.#indexes[source];
    const n = hosts.length;
    const at = (modU64(index.hi, index.lo, n) + (this.#peekahead % n)) % n;
    this.#peekahead++;
    return hosts[at];
  }
}
