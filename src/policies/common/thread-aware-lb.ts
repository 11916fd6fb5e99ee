/**
 * The consistent-hashing balancers' shared part (`ThreadAwareLoadBalancerBase`): on every update
 * each priority gets a table built from its normalized host weights (healthy hosts, or all of
 * them in panic; degraded hosts never enter a table), optionally wrapped for bounded load. A pick
 * takes the request hash — from the context, else one `random()` — chooses the priority with it
 * (hash % 100 + 1) and looks the same hash up in that priority's table, retrying with attempt
 * 1, 2, … while the context rejects the host.
 */
import type { CommonLbConfig, ConsistentHashingConfig } from '../../model/lb-config.js';
import type { PrioritySet } from '../../snapshot/host-set.js';
import { hostHashKey } from '../../hash/hash-key.js';
import { modU64 } from '../../hash/u64.js';
import { BoundedLoadTable, boundedLoadSlots } from './bounded-load.js';
import { choosePriority } from './choose-priority.js';
import type { HashTable } from './hash-table.js';
import type { LoadBalancerOptions } from './load-balancer-base.js';
import { LoadBalancerBase } from './load-balancer-base.js';
import type { NormalizedHostWeights } from './normalize-weights.js';
import { normalizeHostWeights } from './normalize-weights.js';
import type { PickContext, PickTrace } from './pick-context.js';
import { SourceType } from './pick-context.js';

/** A pick context that may carry the request hash (Envoy's `computeHashKey()`). */
export interface HashPickContext extends PickContext {
  /** The request's 64-bit hash; absent means "no hash policy produced one": a random hash is used. */
  readonly hash?: { readonly hi: number; readonly lo: number };
}

export abstract class ThreadAwareLoadBalancer<Table extends HashTable> extends LoadBalancerBase {
  readonly #config: ConsistentHashingConfig;
  /** The table of each priority, before any bounded-load wrapping. */
  #tables: Table[] = [];
  #pickTables: HashTable[] = [];
  #normalized: NormalizedHostWeights[] = [];
  /** Active requests per host index (Envoy's `rq_active`), read by bounded load. */
  activeRequests: Float64Array;
  /** The cluster's `upstream_rq_active`, read by bounded load. */
  clusterActiveRequests = 0;
  readonly #factorOf = (host: number, weight: number): number =>
    this.activeRequests[host] /
    boundedLoadSlots(this.clusterActiveRequests, this.#config.hashBalanceFactor, weight);

  protected constructor(
    prioritySet: PrioritySet,
    common: CommonLbConfig,
    config: ConsistentHashingConfig,
    options: LoadBalancerOptions,
  ) {
    super(prioritySet, common, options);
    if (config.hashBalanceFactor !== 0 && !(config.hashBalanceFactor >= 100)) {
      throw new RangeError('hash_balance_factor: value must be greater than or equal to 100');
    }
    this.#config = config;
    this.activeRequests = new Float64Array(this.prioritySet.hosts.length);
  }

  /** Builds the table of one priority. */
  protected abstract buildTable(
    normalized: NormalizedHostWeights,
    hashKeys: readonly string[],
  ): Table;

  /** Builds every priority's table; subclasses call it once their own fields are ready. */
  protected initialize(): void {
    this.#rebuild();
  }

  /** The table of each priority (index = priority). */
  get tables(): readonly Table[] {
    return this.#tables;
  }

  /** The normalized host weights each priority's table was built from. */
  get normalizedWeights(): readonly NormalizedHostWeights[] {
    return this.#normalized;
  }

  /** Sets a host's active request count and keeps the cluster total in step. */
  setActiveRequests(host: number, count: number): void {
    this.clusterActiveRequests += count - this.activeRequests[host];
    this.activeRequests[host] = count;
  }

  override update(prioritySet: PrioritySet): void {
    const byAddress = new Map(
      this.prioritySet.hosts.map((h, i) => [h.address, this.activeRequests[i]]),
    );
    this.replacePrioritySet(prioritySet);
    this.activeRequests = Float64Array.from(
      this.prioritySet.hosts,
      (h) => byAddress.get(h.address) ?? 0,
    );
    this.#rebuild();
  }

  override chooseHost(context?: HashPickContext, trace?: PickTrace): number {
    let hi: number;
    let lo: number;
    if (context?.hash) {
      hi = context.hash.hi;
      lo = context.hash.lo;
    } else {
      this.rng.next();
      hi = this.rng.hi;
      lo = this.rng.lo;
    }
    const load = this.priorityLoad;
    const chosen = choosePriority(hi, lo, load.healthyLoad, load.degradedLoad);
    const priority = chosen >> 1;
    const table = this.#pickTables[priority];
    const attempts = (context?.hostSelectionRetryCount ?? 0) + 1;
    let host = -1;
    for (let attempt = 0; attempt < attempts; attempt++) {
      host = table.chooseHost(hi, lo, attempt);
      if (host < 0 || !context?.shouldSelectAnotherHost || !context.shouldSelectAnotherHost(host))
        break;
    }
    if (trace) {
      trace.hashHi = hi;
      trace.hashLo = lo;
      trace.priorityDraw = modU64(hi, lo, 100) + 1;
      trace.priority = priority;
      trace.degraded = (chosen & 1) === 1;
      trace.panic = load.panic[priority];
      trace.source = load.panic[priority] ? SourceType.AllHosts : SourceType.HealthyHosts;
      trace.locality = -1;
      trace.host = host;
    }
    return host;
  }

  /** Hashing balancers never peek (Envoy returns no host). */
  override peekAnotherHost(): number {
    return -1;
  }

  #rebuild(): void {
    const { hosts, hostSets } = this.prioritySet;
    const keys = hosts.map((h) => hostHashKey(h, this.#config.useHostnameForHashing));
    const load = this.priorityLoad;
    this.#normalized = hostSets.map((hs, p) =>
      normalizeHostWeights(hs, hosts, load.panic[p], this.common.localityWeightedLb),
    );
    this.#tables = this.#normalized.map((n) => this.buildTable(n, keys));
    this.#pickTables = this.#tables.map((table, p) =>
      this.#config.hashBalanceFactor > 0
        ? new BoundedLoadTable(
            table,
            this.#normalized[p].hosts,
            this.#normalized[p].weights,
            hosts.length,
            this.#factorOf,
          )
        : table,
    );
  }
}
