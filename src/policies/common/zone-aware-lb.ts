/**
 * The part of host selection every non-hashing Envoy policy shares (`ZoneAwareLoadBalancerBase`
 * in load_balancer_impl.cc): priority load and panic, the locality scheduler, zone-aware routing
 * and the stash of pre-drawn randoms that preconnect peeks leave for later picks.
 *
 * A pick: draw (or unstash) a uint64 → choose the priority (hash % 100 + 1 against the loads) →
 * panic? all hosts (or none with fail_traffic_on_panic) → locality-weighted? a locality → zone
 * aware at P0? a locality by the zone percentages → otherwise the healthy (degraded) hosts of the
 * priority. The concrete policy then picks a host inside that source.
 */
import { modU64 } from '../../hash/u64.js';
import type { CommonLbConfig } from '../../model/lb-config.js';
import type { Rng } from '../../random/rng.js';
import { createSeededRng } from '../../random/seeded-rng.js';
import type { HostSet, PrioritySet } from '../../snapshot/host-set.js';
import { isHostSetInPanic } from '../../snapshot/priority-load.js';
import type { ZoneRoutingState } from '../../snapshot/zone-routing.js';
import { computeZoneRoutingState } from '../../snapshot/zone-routing.js';
import { choosePriority } from './choose-priority.js';
import { LocalityWrr } from './locality-wrr.js';
import type { LoadBalancerOptions } from './load-balancer-base.js';
import { LoadBalancerBase } from './load-balancer-base.js';
import type { PickContext, PickTrace } from './pick-context.js';
import { SourceType, ZoneRoute } from './pick-context.js';

/** Runtime key overriding `zone_aware_lb_config.routing_enabled` (percent). */
export const RUNTIME_ZONE_ROUTING_ENABLED = 'upstream.zone_routing.enabled';

/** The uint64 Envoy keys per-source state by: (priority, source type, locality index). */
export function sourceKey(priority: number, type: SourceType, locality: number): number {
  return (priority * 8 + type) * 1048576 + locality;
}

const FIXED_SOURCES = 3;
/** Marks "no fixed source" (-1 already means "no host"). */
const UNFIXED = -2;

export abstract class ZoneAwareLoadBalancer extends LoadBalancerBase {
  #zoneRouting!: ZoneRoutingState;
  #localPrioritySet: PrioritySet | null;
  readonly #runtimeRng: Rng;
  /** `routing_enabled`, or its runtime override, in percent. */
  readonly #routingEnabledPercent: number;
  #localityWrr: (LocalityWrr | null)[] = [];
  /** First source id of each priority; sources are [all, healthy, degraded, healthy per locality…, degraded per locality…]. */
  #sourceOffset = new Int32Array(0);
  #localityCount = new Int32Array(0);
  /** Host lists by source id. */
  protected sourceHosts: Int32Array[] = [];
  /** Stable key of each source id (see `sourceKey`). */
  protected sourceKeys: number[] = [];
  #totalHealthyHosts = 0;
  /** The source every pick uses when the state leaves no choice (see `#computeFixedSource`). */
  #fixedSource = UNFIXED;
  #stashHi = new Uint32Array(16);
  #stashLo = new Uint32Array(16);
  #stashHead = 0;
  #stashCount = 0;
  /** The uint64 last produced by `random(peeking)`. */
  protected drawHi = 0;
  protected drawLo = 0;

  protected constructor(
    prioritySet: PrioritySet,
    common: CommonLbConfig,
    options: LoadBalancerOptions,
  ) {
    super(prioritySet, common, options);
    this.#localPrioritySet = options.localPrioritySet ?? null;
    this.#runtimeRng = options.runtimeRng ?? createSeededRng(0, 'runtime');
    const enabled = this.runtime[RUNTIME_ZONE_ROUTING_ENABLED];
    this.#routingEnabledPercent =
      typeof enabled === 'number' ? enabled : common.zoneAware.routingEnabled;
    this.#recompute();
    if (common.localityWeightedLb) {
      this.#localityWrr = this.prioritySet.hostSets.map((hs) => this.#newLocalityWrr(hs));
    }
  }

  /** Zone-aware routing state for priority 0, with the preconditions that failed. */
  override get zoneRouting(): ZoneRoutingState {
    return this.#zoneRouting;
  }

  /** Effective locality weights of a priority (healthy picks), or null without locality weighting. */
  override localityWeights(priority: number): Float64Array | null {
    return this.#localityWrr[priority]?.healthyWeights ?? null;
  }

  /**
   * The effective locality weights a priority's healthy (or degraded) picks are scheduled by, or
   * null when no locality is scheduled (no locality weighting, no positive weight, no such host).
   */
  localitySchedulerWeights(priority: number, degraded: boolean): Float64Array | null {
    return this.#localityWrr[priority]?.schedulerWeights(degraded) ?? null;
  }

  /** Percent of priority-0 requests zone-aware routing applies to (`routing_enabled` or its runtime key). */
  get zoneRoutingEnabledPercent(): number {
    return this.#routingEnabledPercent;
  }

  /** The local cluster (this Envoy fleet) is in panic: zone-aware routing then uses the whole priority. */
  get localClusterInPanic(): boolean {
    const local = this.#localPrioritySet?.hostSets[0];
    return local !== undefined && isHostSetInPanic(local, this.priorityLoad.panicThreshold);
  }

  /**
   * Replaces the host state, as Envoy's priority-update callback does for each changed priority:
   * loads and zone state are recomputed, changed priorities rebuild their locality scheduler (a
   * fresh seed each) and per-source state, and the stash of peeked randoms is cleared.
   */
  update(prioritySet: PrioritySet): void {
    const previous = this.prioritySet;
    this.replacePrioritySet(prioritySet);
    const next = this.prioritySet;
    this.#recompute();
    const changed: number[] = [];
    next.hostSets.forEach((hs, p) => {
      const before = previous.hostSets[p];
      if (before && sameHostSet(before, previous, hs, next)) return;
      changed.push(p);
      if (this.common.localityWeightedLb) this.#localityWrr[p] = this.#newLocalityWrr(hs);
    });
    this.#stashHead = this.#stashCount = 0;
    this.onHostSetsChanged(changed);
  }

  /**
   * Replaces the local cluster (this Envoy fleet): zone-aware routing state is regenerated, as
   * Envoy does on a local-cluster membership update.
   */
  override updateLocalPrioritySet(local: PrioritySet | null): void {
    this.#localPrioritySet = local;
    this.#zoneRouting = this.#computeZoneRouting();
  }

  /** Per-priority state of the concrete policy must follow the given priorities. */
  protected abstract onHostSetsChanged(priorities: readonly number[]): void;

  /** One selection attempt; returns a host index or -1. */
  protected abstract chooseHostOnce(
    context: PickContext | undefined,
    trace: PickTrace | undefined,
  ): number;

  /**
   * Envoy's `chooseHost`: up to `hostSelectionRetryCount + 1` attempts, stopping at the first host
   * the context does not reject (the last candidate if all are). Returns a host index or -1 (no
   * healthy upstream).
   */
  override chooseHost(context?: PickContext, trace?: PickTrace): number {
    const attempts = (context?.hostSelectionRetryCount ?? 0) + 1;
    let host = -1;
    for (let i = 0; i < attempts; i++) {
      host = this.chooseHostOnce(context, trace);
      if (host < 0 || !context?.shouldSelectAnotherHost || !context.shouldSelectAnotherHost(host))
        break;
    }
    return host;
  }

  /** Envoy's `random(peeking)`: peeks draw and stash; picks take the stash first. Result in drawHi/drawLo. */
  protected random(peeking: boolean): void {
    if (peeking) {
      this.rng.next();
      this.#stashPush(this.rng.hi, this.rng.lo);
      this.drawHi = this.rng.hi;
      this.drawLo = this.rng.lo;
    } else if (this.#stashCount > 0) {
      this.drawHi = this.#stashHi[this.#stashHead];
      this.drawLo = this.#stashLo[this.#stashHead];
      this.#stashHead = (this.#stashHead + 1) % this.#stashHi.length;
      this.#stashCount--;
    } else {
      this.rng.next();
      this.drawHi = this.rng.hi;
      this.drawLo = this.rng.lo;
    }
  }

  /** Envoy's `tooManyPreconnects`: as many stashed draws as healthy hosts. */
  protected tooManyPreconnects(): boolean {
    return this.#stashCount >= this.#totalHealthyHosts;
  }

  /** Source id for (priority, type, locality). */
  protected sourceId(priority: number, type: SourceType, locality: number): number {
    const base = this.#sourceOffset[priority];
    if (type < FIXED_SOURCES) return base + type;
    const perLocality =
      type === SourceType.LocalityHealthyHosts ? 0 : this.#localityCount[priority];
    return base + FIXED_SOURCES + perLocality + locality;
  }

  /**
   * `hostSourceToUse`: the source id the pick draws from for the given hash, or -1 for no host.
   */
  protected hostSourceToUse(hashHi: number, hashLo: number, trace: PickTrace | undefined): number {
    const fixed = this.#fixedSource;
    return fixed !== UNFIXED && trace === undefined
      ? fixed
      : this.#chooseSource(hashHi, hashLo, trace);
  }

  #chooseSource(hashHi: number, hashLo: number, trace: PickTrace | undefined): number {
    const load = this.priorityLoad;
    const chosen = choosePriority(hashHi, hashLo, load.healthyLoad, load.degradedLoad);
    const p = chosen >> 1;
    const degraded = (chosen & 1) === 1;
    const panic = load.panic[p];
    if (trace) {
      trace.hashHi = hashHi;
      trace.hashLo = hashLo;
      trace.priorityDraw = modU64(hashHi, hashLo, 100) + 1;
      trace.priority = p;
      trace.degraded = degraded;
      trace.panic = panic;
      trace.locality = -1;
      trace.zoneRoute = ZoneRoute.None;
    }
    const failOnPanic = this.common.zoneAware.failTrafficOnPanic;
    if (panic) return failOnPanic ? -1 : this.#traced(trace, p, SourceType.AllHosts, -1);
    const wholeType = degraded ? SourceType.DegradedHosts : SourceType.HealthyHosts;
    const localityType = degraded
      ? SourceType.LocalityDegradedHosts
      : SourceType.LocalityHealthyHosts;
    if (this.common.localityWeightedLb) {
      const wrr = this.#localityWrr[p];
      const locality = wrr
        ? degraded
          ? wrr.chooseDegradedLocality()
          : wrr.chooseHealthyLocality()
        : -1;
      if (locality >= 0) return this.#traced(trace, p, localityType, locality);
    }
    if (p !== 0 || this.#zoneRouting.mode === 'no_locality_routing') {
      return this.#traced(trace, p, wholeType, -1);
    }
    if (!this.#zoneRoutingEnabled()) {
      if (trace) trace.zoneRoute = ZoneRoute.RoutingDisabled;
      return this.#traced(trace, p, wholeType, -1);
    }
    if (this.localClusterInPanic) {
      if (trace) trace.zoneRoute = ZoneRoute.LocalClusterInPanic;
      return failOnPanic ? -1 : this.#traced(trace, p, wholeType, -1);
    }
    return this.#traced(trace, p, localityType, this.#chooseLocalLocality(trace));
  }

  #traced(trace: PickTrace | undefined, p: number, type: SourceType, locality: number): number {
    if (trace) {
      trace.source = type;
      trace.locality = locality;
    }
    return this.sourceId(p, type, locality < 0 ? 0 : locality);
  }

  /** `tryChooseLocalLocalityHosts`: draws after the priority hash, never stashed. */
  #chooseLocalLocality(trace: PickTrace | undefined): number {
    const state = this.#zoneRouting;
    if (state.mode === 'locality_direct') {
      if (trace) trace.zoneRoute = ZoneRoute.AllDirectly;
      return 0;
    }
    this.rng.next();
    if (modU64(this.rng.hi, this.rng.lo, 10000) < state.localPercentToRoute) {
      if (trace) trace.zoneRoute = ZoneRoute.Sampled;
      return 0;
    }
    const capacity = state.residualCapacity;
    const n = capacity.length;
    this.rng.next();
    if (capacity[n - 1] === 0) {
      if (trace) trace.zoneRoute = ZoneRoute.NoCapacityLeft;
      return modU64(this.rng.hi, this.rng.lo, n);
    }
    if (trace) trace.zoneRoute = ZoneRoute.CrossZone;
    const threshold = modU64(this.rng.hi, this.rng.lo, capacity[n - 1]);
    let i = 0;
    while (threshold >= capacity[i]) i++;
    return i;
  }

  #zoneRoutingEnabled(): boolean {
    const percent = this.#routingEnabledPercent;
    if (percent >= 100) return true;
    if (percent <= 0) return false;
    const rng = this.#runtimeRng;
    rng.next();
    return modU64(rng.hi, rng.lo, 100) < percent;
  }

  #recompute(): void {
    const ps = this.prioritySet;
    this.#zoneRouting = this.#computeZoneRouting();
    this.#totalHealthyHosts = ps.hostSets.reduce((s, hs) => s + hs.healthy.length, 0);
    this.#layoutSources();
    this.#fixedSource = this.#computeFixedSource();
  }

  /**
   * When one priority takes all the load in one bucket, and neither locality weighting nor zone
   * routing draws a locality, every hash leads to the same source: picks may skip the priority
   * walk (the draw itself still happens, in Envoy's order). UNFIXED otherwise.
   */
  #computeFixedSource(): number {
    const load = this.priorityLoad;
    const p = load.healthyLoad.indexOf(100);
    const q = p < 0 ? load.degradedLoad.indexOf(100) : -1;
    const priority = p >= 0 ? p : q;
    if (priority < 0) return UNFIXED;
    if (load.panic[priority]) {
      return this.common.zoneAware.failTrafficOnPanic
        ? -1
        : this.sourceId(priority, SourceType.AllHosts, 0);
    }
    if (this.common.localityWeightedLb) return UNFIXED;
    if (priority === 0 && this.#zoneRouting.mode !== 'no_locality_routing') return UNFIXED;
    return this.sourceId(priority, p >= 0 ? SourceType.HealthyHosts : SourceType.DegradedHosts, 0);
  }

  #computeZoneRouting(): ZoneRoutingState {
    const ps = this.prioritySet;
    const local = this.#localPrioritySet;
    return computeZoneRoutingState(
      ps.hostSets[0],
      ps.hosts,
      local?.hostSets[0] ?? null,
      local?.hosts ?? [],
      this.common.zoneAware,
      this.runtime,
    );
  }

  #layoutSources(): void {
    const sets = this.prioritySet.hostSets;
    this.#sourceOffset = new Int32Array(sets.length);
    this.#localityCount = new Int32Array(sets.length);
    const hosts: Int32Array[] = [];
    const keys: number[] = [];
    const add = (list: Int32Array | undefined, key: number): void => {
      hosts.push(list ?? new Int32Array(0));
      keys.push(key);
    };
    sets.forEach((hs, p) => {
      this.#sourceOffset[p] = hosts.length;
      const localities = Math.max(hs.healthyPerLocality.length, hs.degradedPerLocality.length);
      this.#localityCount[p] = localities;
      add(hs.hosts, sourceKey(p, SourceType.AllHosts, 0));
      add(hs.healthy, sourceKey(p, SourceType.HealthyHosts, 0));
      add(hs.degraded, sourceKey(p, SourceType.DegradedHosts, 0));
      for (let i = 0; i < localities; i++) {
        add(hs.healthyPerLocality[i], sourceKey(p, SourceType.LocalityHealthyHosts, i));
      }
      for (let i = 0; i < localities; i++) {
        add(hs.degradedPerLocality[i], sourceKey(p, SourceType.LocalityDegradedHosts, i));
      }
    });
    this.sourceHosts = hosts;
    this.sourceKeys = keys;
  }

  /** Source ids belonging to a priority. */
  protected sourcesOf(priority: number): number[] {
    const start = this.#sourceOffset[priority];
    const end =
      priority + 1 < this.#sourceOffset.length
        ? this.#sourceOffset[priority + 1]
        : this.sourceHosts.length;
    return Array.from({ length: end - start }, (_, i) => start + i);
  }

  #newLocalityWrr(hostSet: HostSet): LocalityWrr {
    this.rng.next();
    return new LocalityWrr(hostSet, this.rng.hi, this.rng.lo);
  }

  #stashPush(hi: number, lo: number): void {
    if (this.#stashCount === this.#stashHi.length) {
      const cap = this.#stashHi.length * 2;
      const hiGrown = new Uint32Array(cap);
      const loGrown = new Uint32Array(cap);
      for (let i = 0; i < this.#stashCount; i++) {
        const j = (this.#stashHead + i) % this.#stashHi.length;
        hiGrown[i] = this.#stashHi[j];
        loGrown[i] = this.#stashLo[j];
      }
      this.#stashHi = hiGrown;
      this.#stashLo = loGrown;
      this.#stashHead = 0;
    }
    const tail = (this.#stashHead + this.#stashCount) % this.#stashHi.length;
    this.#stashHi[tail] = hi;
    this.#stashLo[tail] = lo;
    this.#stashCount++;
  }
}

/** Same members, same lists and the same host weights and health: no update callback needed. */
function sameHostSet(a: HostSet, aps: PrioritySet, b: HostSet, bps: PrioritySet): boolean {
  const hostEq = (x: number, y: number): boolean => {
    const hx = aps.hosts[x];
    const hy = bps.hosts[y];
    return (
      hx === hy ||
      (hx.address === hy.address &&
        hx.weight === hy.weight &&
        hx.healthStatus === hy.healthStatus &&
        hx.healthySinceMs === hy.healthySinceMs)
    );
  };
  const listEq = (x: Int32Array, y: Int32Array): boolean =>
    x.length === y.length && x.every((h, i) => hostEq(h, y[i]));
  const perEq = (x: readonly Int32Array[], y: readonly Int32Array[]): boolean =>
    x.length === y.length && x.every((l, i) => listEq(l, y[i]));
  return (
    listEq(a.hosts, b.hosts) &&
    listEq(a.healthy, b.healthy) &&
    listEq(a.degraded, b.degraded) &&
    listEq(a.excluded, b.excluded) &&
    perEq(a.hostsPerLocality, b.hostsPerLocality) &&
    perEq(a.healthyPerLocality, b.healthyPerLocality) &&
    perEq(a.degradedPerLocality, b.degradedPerLocality) &&
    a.hasLocalLocality === b.hasLocalLocality &&
    a.overprovisioningFactor === b.overprovisioningFactor &&
    String(a.localityWeights) === String(b.localityWeights)
  );
}
