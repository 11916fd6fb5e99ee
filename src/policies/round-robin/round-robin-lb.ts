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

/** A uint64 round-robin index as halves. */
interface RrIndex {
  readonly hi: number;
  readonly lo: number;
}

export class RoundRobinLoadBalancer extends EdfLoadBalancer {
  /** Each source's index, by stable source key, as of the last rebuild. */
  readonly #indexByKey = new Map<number, RrIndex>();
  /** Per source id: the uint64 index (halves) and its value modulo the source size. */
  #rrHi = new Uint32Array(0);
  #rrLo = new Uint32Array(0);
  #rrPos = new Float64Array(0);
  /** Source keys of the current layout, to save the indexes before the next one. */
  #keys: readonly number[] = [];
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
    this.#keys.forEach((key, source) => {
      this.#indexByKey.set(key, { hi: this.#rrHi[source], lo: this.#rrLo[source] });
    });
    const keys = this.sourceKeys;
    this.#keys = keys;
    this.#rrHi = new Uint32Array(keys.length);
    this.#rrLo = new Uint32Array(keys.length);
    this.#rrPos = new Float64Array(keys.length);
    keys.forEach((key, source) => {
      const index = this.#indexByKey.get(key) ?? { hi: this.seedHi, lo: this.seedLo };
      this.#indexByKey.set(key, index);
      this.#rrHi[source] = index.hi;
      this.#rrLo[source] = index.lo;
      const n = this.sourceHosts[source].length;
      this.#rrPos[source] = n === 0 ? 0 : modU64(index.hi, index.lo, n);
    });
    this.#peekahead = 0;
  }

  protected override unweightedHostPick(source: number, hosts: Int32Array): number {
    if (this.#peekahead > 0) this.#peekahead--;
    const pos = this.#rrPos[source];
    const next = pos + 1;
    this.#rrPos[source] = next === hosts.length ? 0 : next;
    if (++this.#rrLo[source] === 0) this.#rrHi[source]++;
    return hosts[pos];
  }

  protected override unweightedHostPeek(source: number, hosts: Int32Array): number {
    const n = hosts.length;
    let at = this.#rrPos[source] + (this.#peekahead % n);
    if (at >= n) at -= n;
    this.#peekahead++;
    return hosts[at];
  }
}
