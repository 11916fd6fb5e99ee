/**
 * MAGLEV (`MaglevLoadBalancer`): a Maglev lookup table per priority. See `maglev-table.ts` for
 * the table, `thread-aware-lb.ts` for priorities, panic, retries and bounded load.
 */
import type { CommonLbConfig, MaglevConfig } from '../../model/lb-config.js';
import type { PrioritySet } from '../../snapshot/host-set.js';
import type { LoadBalancerOptions } from '../common/load-balancer-base.js';
import type { NormalizedHostWeights } from '../common/normalize-weights.js';
import { ThreadAwareLoadBalancer } from '../common/thread-aware-lb.js';
import type { MaglevTable } from './maglev-table.js';
import { MAX_MAGLEV_TABLE_SIZE, buildMaglevTable, isPrime } from './maglev-table.js';

export class MaglevLoadBalancer extends ThreadAwareLoadBalancer<MaglevTable> {
  readonly #tableSize: number;

  /** Throws Envoy's error for a table size that is not a prime (config validation reports it first). */
  constructor(
    prioritySet: PrioritySet,
    common: CommonLbConfig,
    config: MaglevConfig,
    options: LoadBalancerOptions,
  ) {
    super(prioritySet, common, config, options);
    if (config.tableSize > MAX_MAGLEV_TABLE_SIZE) {
      throw new RangeError(
        `table_size: value must be less than or equal to ${MAX_MAGLEV_TABLE_SIZE}`,
      );
    }
    if (!isPrime(config.tableSize))
      throw new RangeError('The table size of maglev must be prime number');
    this.#tableSize = config.tableSize;
    this.initialize();
  }

  /** Configuration that Envoy accepts but is surely a mistake, for the current hosts, in words. */
  get warnings(): string[] {
    return this.normalizedWeights.flatMap((n, priority) =>
      n.hosts.length > this.#tableSize
        ? [
            `priority ${priority}: ${n.hosts.length} hosts outnumber the ${this.#tableSize}-entry Maglev table: some hosts get no traffic`,
          ]
        : [],
    );
  }

  protected override buildTable(
    normalized: NormalizedHostWeights,
    hashKeys: readonly string[],
  ): MaglevTable {
    return buildMaglevTable(normalized, hashKeys, this.#tableSize);
  }
}
