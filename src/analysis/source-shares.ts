/**
 * Where the non-hashing policies (round robin, least request, random) look for a host once the
 * priority is drawn (`ZoneAwareLoadBalancerBase::hostSourceToUse`), as probabilities:
 *
 * - panic: all hosts of the priority (none with `fail_traffic_on_panic`);
 * - locality weighted: locality i with effective weight w_i / Σw (the EDF over localities gives
 *   exactly these shares), when some locality has a positive weight;
 * - zone aware at priority 0: a fraction `routing_enabled`% of requests: the local locality
 *   (direct), or local_percent_to_route/10000 of them locally and the rest by residual capacity
 *   (uniformly over localities when none is left); the local cluster in panic sends them to the
 *   whole priority;
 * - otherwise the healthy (degraded) hosts of the priority.
 *
 * Worked example (ZoneAwareRoutingSmallZone): local_percent_to_route 6000 and residual capacity
 * [0, 667, 1334] → locality 0 60 %, localities 1 and 2 20 % each.
 */
import type { ZoneAwareLoadBalancerOf } from '../policies/create-load-balancer.js';

/** One host source a pick may use, with its probability given the priority bucket. */
export interface SourceShare {
  readonly hosts: Int32Array;
  readonly probability: number;
  /** Locality index within the priority, or -1 for the whole priority. */
  readonly locality: number;
}

export interface SourceSplit {
  readonly sources: readonly SourceShare[];
  /** Probability that the pick has no source (fail_traffic_on_panic). */
  readonly noHost: number;
}

/** Share of priority-0 requests zone-aware routing applies to. */
export function zoneRoutingEnabledShare(lb: ZoneAwareLoadBalancerOf): number {
  // Envoy samples `random() % 100 < percent`: ⌈percent⌉ of the 100 values pass.
  return Math.min(100, Math.max(0, Math.ceil(lb.zoneRoutingEnabledPercent))) / 100;
}

/** The sources of a pick that drew `priority` in its healthy or degraded bucket. */
export function sourceSplit(
  lb: ZoneAwareLoadBalancerOf,
  failOnPanic: boolean,
  priority: number,
  degraded: boolean,
): SourceSplit {
  const hostSet = lb.hosts.hostSets[priority];
  if (lb.priorityLoad.panic[priority]) {
    return failOnPanic ? none(1) : one(hostSet.hosts);
  }
  const whole = degraded ? hostSet.degraded : hostSet.healthy;
  const perLocality = degraded ? hostSet.degradedPerLocality : hostSet.healthyPerLocality;
  const weights = lb.localitySchedulerWeights(priority, degraded);
  if (weights) return localityWeightedSplit(weights, perLocality);
  const zone = lb.zoneRouting;
  if (priority !== 0 || zone.mode === 'no_locality_routing') return one(whole);
  const enabled = zoneRoutingEnabledShare(lb);
  const sources: SourceShare[] = [];
  let noHost = 0;
  if (enabled < 1) sources.push({ hosts: whole, probability: 1 - enabled, locality: -1 });
  if (enabled === 0) return { sources, noHost };
  const local = (i: number, probability: number): void => {
    if (probability > 0) {
      sources.push({ hosts: perLocality[i] ?? new Int32Array(0), probability, locality: i });
    }
  };
  if (lb.localClusterInPanic) {
    if (failOnPanic) noHost = enabled;
    else sources.push({ hosts: whole, probability: enabled, locality: -1 });
  } else if (zone.mode === 'locality_direct') {
    local(0, enabled);
  } else {
    const stay = Math.min(1, zone.localPercentToRoute / 10000);
    local(0, enabled * stay);
    const capacity = zone.residualCapacity;
    const n = capacity.length;
    const total = capacity[n - 1];
    for (let i = 0; i < n; i++) {
      const width = total === 0 ? 1 / n : (capacity[i] - (i === 0 ? 0 : capacity[i - 1])) / total;
      local(i, enabled * (1 - stay) * width);
    }
  }
  return { sources, noHost };
}

/** Localities in proportion to the scheduler's effective weights. */
function localityWeightedSplit(weights: Float64Array, lists: readonly Int32Array[]): SourceSplit {
  const total = weights.reduce((sum, w) => sum + w, 0);
  const sources: SourceShare[] = [];
  weights.forEach((w, i) => {
    if (w > 0) {
      sources.push({ hosts: lists[i] ?? new Int32Array(0), probability: w / total, locality: i });
    }
  });
  return { sources, noHost: 0 };
}

function one(hosts: Int32Array): SourceSplit {
  return { sources: [{ hosts, probability: 1, locality: -1 }], noHost: 0 };
}

function none(probability: number): SourceSplit {
  return { sources: [], noHost: probability };
}
