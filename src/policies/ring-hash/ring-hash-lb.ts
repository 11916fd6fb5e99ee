/**
 * RING_HASH (`RingHashLoadBalancer`): a ketama-style ring per priority. See `ring.ts` for the
 * ring, `thread-aware-lb.ts` for priorities, panic, retries and bounded load.
 */
import type { CommonLbConfig, RingHashConfig } from '../../model/lb-config.js';
import type { PrioritySet } from '../../snapshot/host-set.js';
import type { LoadBalancerOptions } from '../common/load-balancer-base.js';
import type { NormalizedHostWeights } from '../common/normalize-weights.js';
import { ThreadAwareLoadBalancer } from '../common/thread-aware-lb.js';
import type { Ring } from './ring.js';
import { buildRing, ringSizeError } from './ring.js';

export class RingHashLoadBalancer extends ThreadAwareLoadBalancer<Ring> {
  readonly #config: RingHashConfig;

  /** Throws Envoy's error when minimum_ring_size > maximum_ring_size (config validation reports it first). */
  constructor(
    prioritySet: PrioritySet,
    common: CommonLbConfig,
    config: RingHashConfig,
    options: LoadBalancerOptions,
  ) {
    super(prioritySet, common, config, options);
    const error = ringSizeError(config);
    if (error) throw new RangeError(error);
    this.#config = config;
    this.initialize();
  }

  protected override buildTable(
    normalized: NormalizedHostWeights,
    hashKeys: readonly string[],
  ): Ring {
    return buildRing(normalized, hashKeys, this.#config);
  }
}
