/**
 * The weighted-or-unweighted core of round robin and least request (`EdfLoadBalancerBase`):
 * every host source of every priority gets an EDF scheduler when its hosts' weights differ (or
 * slow start is active), built with `createWithPicks(seed)` from the one `random()` drawn at
 * construction — so after each update the weighted sequence restarts from the same phase. A source
 * whose weights are all equal (or with at most one host) uses the policy's unweighted pick.
 */
import type { CommonLbConfig, SlowStartConfig } from '../../model/lb-config.js';
import { coarseHealth } from '../../model/health.js';
import { EdfScheduler } from '../../scheduling/edf-scheduler.js';
import type { PrioritySet } from '../../snapshot/host-set.js';
import type { PickContext, PickTrace } from './pick-context.js';
import { slowStartFactor } from './slow-start.js';
import type { LoadBalancerOptions } from './load-balancer-base.js';
import { ZoneAwareLoadBalancer } from './zone-aware-lb.js';

export abstract class EdfLoadBalancer extends ZoneAwareLoadBalancer {
  /** The construction-time `random()`: pre-advance of every scheduler, start of every RR index. */
  protected readonly seedHi: number;
  protected readonly seedLo: number;
  readonly #slowStart: SlowStartConfig | null;
  /** Scheduler per stable source key; survives updates of other priorities. */
  readonly #schedulerByKey = new Map<number, EdfScheduler | null>();
  /** Scheduler per source id (null: unweighted path). */
  #schedulers: (EdfScheduler | null)[] = [];
  /** Bound once so picks pass it without allocating. */
  protected readonly weightOf = (host: number): number => this.hostWeight(host);

  protected constructor(
    prioritySet: PrioritySet,
    common: CommonLbConfig,
    slowStart: SlowStartConfig | null,
    options: LoadBalancerOptions,
  ) {
    super(prioritySet, common, options);
    this.#slowStart = slowStart && slowStart.windowMs > 0 ? slowStart : null;
    this.rng.next();
    this.seedHi = this.rng.hi;
    this.seedLo = this.rng.lo;
  }

  /** Builds every source; subclasses call this once their own fields are ready. */
  protected initialize(): void {
    this.onHostSetsChanged(this.prioritySet.hostSets.map((_, p) => p));
  }

  /** The weight a host is scheduled with now (policy weight × slow-start factor). */
  protected abstract hostWeight(host: number): number;

  /** Unweighted pick inside a source; -1 when it has no host. */
  protected abstract unweightedHostPick(source: number, hosts: Int32Array): number;

  /** Unweighted preconnect peek inside a source; -1 when none. */
  protected abstract unweightedHostPeek(source: number, hosts: Int32Array): number;

  /** Whether picks among these hosts go through the EDF scheduler rather than the unweighted pick. */
  usesScheduler(hosts: Int32Array): boolean {
    return hosts.length > 1 && this.needsScheduler(hosts);
  }

  /** The weight a host is scheduled with now (policy weight × slow-start factor). */
  schedulingWeight(host: number): number {
    return this.hostWeight(host);
  }

  /** Whether a source's hosts need the EDF scheduler. */
  protected needsScheduler(hosts: Int32Array): boolean {
    if (this.isSlowStartActive()) return true;
    const all = this.prioritySet.hosts;
    for (let i = 1; i < hosts.length; i++)
      if (all[hosts[i]].weight !== all[hosts[0]].weight) return true;
    return false;
  }

  protected override onHostSetsChanged(priorities: readonly number[]): void {
    for (const p of priorities) {
      for (const source of this.sourcesOf(p)) {
        const hosts = this.sourceHosts[source];
        this.#schedulerByKey.set(
          this.sourceKeys[source],
          this.usesScheduler(hosts)
            ? EdfScheduler.createWithPicks(hosts, this.weightOf, this.seedHi, this.seedLo)
            : null,
        );
      }
    }
    this.#schedulers = this.sourceKeys.map((key) => this.#schedulerByKey.get(key) ?? null);
    this.onSourcesRebuilt();
  }

  /** Hook for per-source state of the unweighted path. */
  protected abstract onSourcesRebuilt(): void;

  protected override chooseHostOnce(
    _context: PickContext | undefined,
    trace: PickTrace | undefined,
  ): number {
    this.random(false);
    const source = this.hostSourceToUse(this.drawHi, this.drawLo, trace);
    const host = source < 0 ? -1 : this.#pickIn(source);
    if (trace) trace.host = host;
    return host;
  }

  override peekAnotherHost(trace?: PickTrace): number {
    if (this.tooManyPreconnects()) return -1;
    this.random(true);
    const source = this.hostSourceToUse(this.drawHi, this.drawLo, trace);
    let host = -1;
    if (source >= 0) {
      const edf = this.#schedulers[source];
      const hosts = this.sourceHosts[source];
      host = edf
        ? edf.peekAgain(this.weightOf)
        : hosts.length === 0
          ? -1
          : this.unweightedHostPeek(source, hosts);
    }
    if (trace) trace.host = host;
    return host;
  }

  #pickIn(source: number): number {
    const edf = this.#schedulers[source];
    if (edf) return edf.pickAndAdd(this.weightOf);
    const hosts = this.sourceHosts[source];
    return hosts.length === 0 ? -1 : this.unweightedHostPick(source, hosts);
  }

  /** Slow start applies while some healthy host became healthy within the window. */
  protected isSlowStartActive(): boolean {
    const config = this.#slowStart;
    if (!config) return false;
    const now = this.now();
    for (const host of this.prioritySet.hosts) {
      if (
        host.healthySinceMs !== undefined &&
        now - host.healthySinceMs <= config.windowMs &&
        coarseHealth(host.healthStatus, host.flags) === 'healthy'
      ) {
        return true;
      }
    }
    return false;
  }

  /** The slow-start factor of a host now (1 for unhealthy hosts and hosts past the window). */
  protected slowStartFactorOf(host: number): number {
    const config = this.#slowStart;
    if (!config) return 1;
    const h = this.prioritySet.hosts[host];
    if (h.healthySinceMs === undefined || coarseHealth(h.healthStatus, h.flags) !== 'healthy')
      return 1;
    return slowStartFactor(config, this.now() - h.healthySinceMs);
  }
}
