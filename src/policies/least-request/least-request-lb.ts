/**
 * LEAST_REQUEST (`LeastRequestLoadBalancer`, least_request_lb.cc).
 *
 * Unweighted sources: N_CHOICES samples `choice_count` hosts with replacement (`random() % n`
 * each) and keeps the first with strictly fewest active requests; FULL_SCAN walks every host and
 * breaks ties by reservoir sampling (`random() % ties == 0`). Weighted sources (weights differ,
 * slow start, or an explicit `active_request_bias`) use EDF with weight / (active + 1)^bias,
 * evaluated whenever a host is (re)inserted.
 * Worked example (P2C): active [1, 2], draws 2 and 3 → samples host 0 then host 1 → host 0.
 */
import type { CommonLbConfig, LeastRequestConfig } from '../../model/lb-config.js';
import { modU64 } from '../../hash/u64.js';
import type { PrioritySet } from '../../snapshot/host-set.js';
import { EdfLoadBalancer } from '../common/edf-lb.js';
import type { LoadBalancerOptions } from '../common/load-balancer-base.js';

/** Runtime guard: an explicit `active_request_bias` forces weighted selection (default on). */
export const RUNTIME_BIAS_FORCES_WEIGHTED =
  'envoy.reloadable_features.least_request_lb_active_request_bias_forces_weighted';

/**
 * Most samples one N_CHOICES pick takes. Envoy accepts any uint32 `choice_count` and would spin
 * that many times per pick; beyond this bound the balancer samples this many and says so in `warnings`.
 */
export const MAX_CHOICE_COUNT = 65536;

export class LeastRequestLoadBalancer extends EdfLoadBalancer {
  /** Active requests per host index (Envoy's `rq_active`); the caller updates it between picks. */
  activeRequests: Float64Array;
  /** Configuration the balancer had to adjust, in words. */
  readonly warnings: string[] = [];
  readonly #config: LeastRequestConfig;
  /** Hosts sampled per unweighted N_CHOICES pick (`choice_count`, capped at MAX_CHOICE_COUNT). */
  readonly choiceCount: number;
  readonly #bias: number;

  constructor(
    prioritySet: PrioritySet,
    common: CommonLbConfig,
    config: LeastRequestConfig,
    options: LoadBalancerOptions & { readonly activeRequests?: ArrayLike<number> },
  ) {
    super(prioritySet, common, config.slowStart, options);
    this.#config = config;
    this.choiceCount = Math.min(Math.max(config.choiceCount, 1), MAX_CHOICE_COUNT);
    if (config.choiceCount > MAX_CHOICE_COUNT) {
      this.warnings.push(
        `choice_count ${config.choiceCount} sampled as ${MAX_CHOICE_COUNT} per pick`,
      );
    }
    const key = config.activeRequestBiasRuntimeKey;
    const override = key === null ? undefined : this.runtime[key];
    const bias = typeof override === 'number' ? override : config.activeRequestBias;
    this.#bias = bias >= 0 ? bias : 1;
    if (!(bias >= 0)) this.warnings.push(`active_request_bias ${bias} is invalid; using 1.0`);
    this.activeRequests = new Float64Array(this.prioritySet.hosts.length);
    if (options.activeRequests)
      this.activeRequests.set(
        Array.from(options.activeRequests).slice(0, this.activeRequests.length),
      );
    this.initialize();
  }

  /** `selection_method` of the unweighted path; default N_CHOICES. */
  get selectionMethod(): LeastRequestConfig['selectionMethod'] {
    return this.#config.selectionMethod;
  }

  /** Sets a host's active request count (takes effect at its next (re)insertion or sample). */
  setActiveRequests(host: number, count: number): void {
    this.activeRequests[host] = count;
  }

  override update(prioritySet: PrioritySet): void {
    const byAddress = new Map(
      this.prioritySet.hosts.map((h, i) => [h.address, this.activeRequests[i]]),
    );
    this.activeRequests = Float64Array.from(
      prioritySet.hosts,
      (h) => byAddress.get(h.address) ?? 0,
    );
    super.update(prioritySet);
  }

  protected override needsScheduler(hosts: Int32Array): boolean {
    const forced =
      this.#config.activeRequestBiasConfigured &&
      this.runtime[RUNTIME_BIAS_FORCES_WEIGHTED] !== false;
    return forced || super.needsScheduler(hosts);
  }

  protected override hostWeight(host: number): number {
    const weight = this.prioritySet.hosts[host].weight;
    const load = this.activeRequests[host] + 1;
    const bias = this.#bias;
    const scaled = bias === 1 ? weight / load : bias === 0 ? weight : weight / Math.pow(load, bias);
    return scaled * this.slowStartFactorOf(host);
  }

  protected override onSourcesRebuilt(): void {}

  protected override unweightedHostPick(_source: number, hosts: Int32Array): number {
    return this.#config.selectionMethod === 'FULL_SCAN'
      ? this.#fullScan(hosts)
      : this.#nChoices(hosts);
  }

  /** Least request never peeks on the unweighted path. */
  protected override unweightedHostPeek(): number {
    return -1;
  }

  #nChoices(hosts: Int32Array): number {
    const active = this.activeRequests;
    let candidate = -1;
    for (let i = 0; i < this.choiceCount; i++) {
      this.rng.next();
      const sampled = hosts[modU64(this.rng.hi, this.rng.lo, hosts.length)];
      if (candidate < 0 || active[sampled] < active[candidate]) candidate = sampled;
    }
    return candidate;
  }

  #fullScan(hosts: Int32Array): number {
    const active = this.activeRequests;
    let candidate = -1;
    let ties = 0;
    for (let i = 0; i < hosts.length; i++) {
      const h = hosts[i];
      if (candidate < 0 || active[h] < active[candidate]) {
        candidate = h;
        ties = 1;
      } else if (active[h] === active[candidate]) {
        ties++;
        this.rng.next();
        if (modU64(this.rng.hi, this.rng.lo, ties) === 0) candidate = h;
      }
    }
    return candidate;
  }
}
