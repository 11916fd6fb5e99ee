/**
 * What every Envoy load balancer shares (`LoadBalancerBase`, load_balancer_impl.cc): the host
 * state it reads, the priority load and panic flags recomputed on every update, the injected
 * randomness and runtime, and the pick signature.
 */
import type { CommonLbConfig, RuntimeValues } from '../../model/lb-config.js';
import type { Rng } from '../../random/rng.js';
import type { PrioritySet } from '../../snapshot/host-set.js';
import { emptyHostSet } from '../../snapshot/host-set.js';
import type { PriorityLoad } from '../../snapshot/priority-load.js';
import { computePriorityLoad } from '../../snapshot/priority-load.js';
import type { ZoneRoutingState } from '../../snapshot/zone-routing.js';
import { noZoneRouting } from '../../snapshot/zone-routing.js';
import type { PickContext, PickTrace } from './pick-context.js';

const NOT_ZONE_AWARE: ZoneRoutingState = noZoneRouting(['policy_not_zone_aware']);

/** Runtime key overriding `healthy_panic_threshold`. */
export const RUNTIME_PANIC_THRESHOLD = 'upstream.healthy_panic_threshold';

/** Everything a load balancer needs besides the priority set and its configuration. */
export interface LoadBalancerOptions {
  /** Envoy's `random()`: every draw of the policy comes from here, in Envoy's order. */
  readonly rng: Rng;
  /** Runtime overrides by Envoy key. */
  readonly runtime?: RuntimeValues;
  /** The local cluster (this Envoy fleet, one priority); enables zone-aware routing. */
  readonly localPrioritySet?: PrioritySet | null;
  /** The caller's clock in milliseconds (slow start reads it); default always 0. */
  readonly now?: () => number;
  /**
   * Draws for runtime feature percentages strictly between 0 and 100 (Envoy uses its runtime's
   * own generator, not the balancer's); default: the seeded stream "runtime" of seed 0.
   */
  readonly runtimeRng?: Rng;
}

export abstract class LoadBalancerBase {
  protected prioritySet: PrioritySet;
  protected readonly common: CommonLbConfig;
  protected readonly rng: Rng;
  protected readonly runtime: RuntimeValues;
  protected readonly now: () => number;
  #priorityLoad!: PriorityLoad;

  protected constructor(
    prioritySet: PrioritySet,
    common: CommonLbConfig,
    options: LoadBalancerOptions,
  ) {
    this.prioritySet = withPriorityZero(prioritySet);
    this.common = common;
    this.rng = options.rng;
    this.runtime = options.runtime ?? {};
    this.now = options.now ?? (() => 0);
    this.recalculatePriorityLoad();
  }

  /** The current priority load, panic flags and per-priority availability. */
  get priorityLoad(): PriorityLoad {
    return this.#priorityLoad;
  }

  /** The priority set the balancer currently reads. */
  get hosts(): PrioritySet {
    return this.prioritySet;
  }

  /** Zone-aware routing state; policies without zone routing say so as the failed precondition. */
  get zoneRouting(): ZoneRoutingState {
    return NOT_ZONE_AWARE;
  }

  /** Effective locality weights of a priority for healthy picks; null when the policy has none. */
  localityWeights(_priority: number): Float64Array | null {
    return null;
  }

  /** Replaces the local cluster (this Envoy fleet); only zone-aware policies read it. */
  updateLocalPrioritySet(_local: PrioritySet | null): void {}

  /** Replaces the host state, as Envoy's priority-update callbacks do. */
  abstract update(prioritySet: PrioritySet): void;

  /** A pick: a host index, or -1 for no host (HTTP 503 "no healthy upstream"). */
  abstract chooseHost(context?: PickContext, trace?: PickTrace): number;

  /** A preconnect peek (Envoy's `peekAnotherHost`): a host index, or -1 when the policy does not peek. */
  abstract peekAnotherHost(trace?: PickTrace): number;

  /** Installs a new priority set and recomputes the priority load. */
  protected replacePrioritySet(prioritySet: PrioritySet): void {
    this.prioritySet = withPriorityZero(prioritySet);
    this.recalculatePriorityLoad();
  }

  private recalculatePriorityLoad(): void {
    const ps = this.prioritySet;
    const override = this.runtime[RUNTIME_PANIC_THRESHOLD];
    const threshold = typeof override === 'number' ? override : this.common.healthyPanicThreshold;
    this.#priorityLoad = computePriorityLoad(ps.hostSets, ps.hosts, threshold, this.#priorityLoad);
  }
}

/** A priority set always has at least priority 0. */
function withPriorityZero(ps: PrioritySet): PrioritySet {
  return ps.hostSets.length > 0 ? ps : { hosts: ps.hosts, hostSets: [emptyHostSet(0)] };
}
