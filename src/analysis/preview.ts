/**
 * Traffic preview: the exact share of requests each priority, locality and host receives, in
 * closed form (no sampling), with every factor Envoy computes on the way — per-priority health
 * and degraded scores, normalized total health, healthy and degraded load, panic, effective
 * locality weights, zone-aware percentages, and ring or Maglev ownership — and the share that
 * finds no host (HTTP 503 "no healthy upstream").
 *
 * shares = Σ over priority ranges (see priority-ranges.ts) of P(range) × Σ over host sources
 * (source-shares.ts) of P(source) × share within the source (host-shares.ts); consistent-hashing
 * policies use their tables' key-space ownership instead (hash-ownership.ts), as Envoy hashes a
 * random value when no hash policy applies. Random draws are taken as uniform over 2^64; the
 * bias of `% 100` on 2^64 values (16 residues get one extra value) is below 1e-18.
 *
 * Worked example (seed §4.12: OPF 150, panic 49, P0 three hosts, P1 two): two P0 hosts down →
 * P0 health ⌊150·1/3⌋ = 50, P1 100 → loads 50/50 → the live P0 host 50 %, each P1 host 25 %.
 */
import type { LoadResult } from '../config/load-config.js';
import type { ClusterModel } from '../model/cluster.js';
import type { CoarseHealth, HealthStatus, HostHealthFlags } from '../model/health.js';
import { coarseHealth, isExcluded } from '../model/health.js';
import type { HashingPolicyConfig, LbPolicyConfig } from '../model/lb-config.js';
import type { Locality } from '../model/locality.js';
import type {
  HashingLoadBalancer,
  ZoneAwareLoadBalancerOf,
} from '../policies/create-load-balancer.js';
import type { ZoneRoutingState } from '../snapshot/zone-routing.js';
import { effectiveLocalityWeights } from '../snapshot/locality-weights.js';
import { balancerOwnership } from './hash-ownership.js';
import { boundedLoadRedistribution } from './bounded-load-shares.js';
import { hostShares } from './host-shares.js';
import { LeastRequestLoadBalancer } from '../policies/least-request/least-request-lb.js';
import type { IdentifiedTable } from './key-movement.js';
import type { PriorityRange } from './priority-ranges.js';
import { priorityRanges, rangeProbability } from './priority-ranges.js';
import type { Scenario, ScenarioOptions } from './scenario.js';
import { resolveScenario, scenarioBalancer } from './scenario.js';
import { sourceSplit, zoneRoutingEnabledShare } from './source-shares.js';

export type PreviewOptions = ScenarioOptions;

export interface PreviewPriority {
  readonly priority: number;
  readonly hosts: number;
  readonly healthyHosts: number;
  readonly degradedHosts: number;
  readonly excludedHosts: number;
  /** `overprovisioning_factor` in percent (default 140). */
  readonly overprovisioningFactor: number;
  /** `weighted_priority_health`: health counts host weights instead of hosts. */
  readonly weightedPriorityHealth: boolean;
  /** Envoy's `per_priority_health`: min(100, OPF × healthy share), in percent. */
  readonly health: number;
  /** The same for degraded hosts (`per_priority_degraded`). */
  readonly degraded: number;
  /** Percent of requests drawn to this priority's healthy hosts. */
  readonly healthyLoad: number;
  /** Percent of requests drawn to this priority's degraded hosts. */
  readonly degradedLoad: number;
  readonly panic: boolean;
  /** Share of all requests served by a host of this priority. */
  readonly share: number;
  /** Share of all requests drawn to this priority that found no host. */
  readonly noHostShare: number;
}

export interface PreviewLocality {
  readonly priority: number;
  /** Index in the priority's per-locality lists (the local locality first when it has hosts). */
  readonly index: number;
  readonly locality: Locality;
  readonly hosts: number;
  /** Configured `load_balancing_weight`; null without locality-weighted load balancing. */
  readonly weight: number | null;
  /** Weight × min(1, OPF × healthy share): what the locality scheduler uses for healthy picks. */
  readonly effectiveWeight: number;
  /** The same for degraded picks. */
  readonly effectiveDegradedWeight: number;
  readonly share: number;
}

export interface PreviewHost {
  /** Index in the cluster's hosts (endpoint order). */
  readonly index: number;
  /** `ip:port`, as Envoy's admin names the host. */
  readonly address: string;
  readonly hostname: string;
  readonly priority: number;
  readonly locality: Locality;
  readonly localityIndex: number;
  /** EDS `health_status`. */
  readonly healthStatus: HealthStatus;
  readonly flags: HostHealthFlags;
  /** Envoy's coarse health: the bucket the host counts in. */
  readonly health: CoarseHealth;
  /** Left out of health, panic and locality-weight denominators (draining, pending HC…). */
  readonly excluded: boolean;
  readonly weight: number;
  /** Share of all requests. */
  readonly share: number;
  /** Share of its priority's requests. */
  readonly shareOfPriority: number;
  /** Consistent hashing: share of its priority's hash space it owns (null for other policies). */
  readonly ownership: number | null;
  /**
   * Consistent hashing: its normalized weight in its priority's table (host weight, and locality
   * weight under locality weighting) — the share a perfect table would give; null otherwise.
   */
  readonly tableWeight: number | null;
}

export interface PreviewZoneRouting extends Omit<ZoneRoutingState, 'residualCapacity'> {
  readonly residualCapacity: readonly number[];
  /** Share of priority-0 requests zone-aware routing applies to (`routing_enabled`). */
  readonly enabledShare: number;
  /** The local cluster is in panic: zone-aware requests use the whole priority. */
  readonly localClusterInPanic: boolean;
}

export interface PreviewTable {
  readonly priority: number;
  readonly kind: 'ring' | 'maglev';
  /** Points on the ring or slots in the table. */
  readonly size: number;
  /** Fewest and most points/slots of one host. */
  readonly minPerHost: number;
  readonly maxPerHost: number;
}

export interface Preview {
  readonly cluster: string;
  readonly lbPolicy: LbPolicyConfig['policy'];
  readonly priorities: readonly PreviewPriority[];
  readonly localities: readonly PreviewLocality[];
  readonly hosts: readonly PreviewHost[];
  /** Share of all requests that find no host: HTTP 503 "no healthy upstream". */
  readonly noHostShare: number;
  /** min(100, Σ health + Σ degraded). */
  readonly normalizedTotalHealth: number;
  readonly panicThreshold: number;
  /** Every priority is in panic: load follows raw host counts. */
  readonly totalPanic: boolean;
  /** No priority had availability: Envoy keeps its previous loads (zero on a fresh balancer). */
  readonly keptPreviousLoad: boolean;
  readonly zoneRouting: PreviewZoneRouting;
  /** Ring or Maglev tables per priority; empty for other policies. */
  readonly tables: readonly PreviewTable[];
  /** What the numbers assume, in words. */
  readonly notes: readonly string[];
}

/** The exact traffic split of a cluster (a model, or a loaded configuration and `options.cluster`). */
export function preview(input: ClusterModel | LoadResult, options: PreviewOptions = {}): Preview {
  return previewScenario(resolveScenario(input, options));
}

/** The hash space of a consistent-hashing preview: each priority's table and its x-ranges. */
export interface PreviewKeySpace {
  readonly tables: readonly IdentifiedTable[];
  readonly ranges: readonly PriorityRange[];
}

const KEY_SPACES = new WeakMap<Preview, PreviewKeySpace>();

/** The tables behind a consistent-hashing preview (for key movement); undefined for other policies. */
export function previewKeySpace(p: Preview): PreviewKeySpace | undefined {
  return KEY_SPACES.get(p);
}

/** The exact traffic split of a resolved scenario. */
export function previewScenario(scenario: Scenario): Preview {
  const lb = scenarioBalancer(scenario);
  const hostCount = scenario.prioritySet.hosts.length;
  const notes: string[] = [];
  const split =
    'tables' in lb
      ? hashingShares(lb, scenario, notes)
      : zoneAwareShares(lb, scenario, hostCount, notes);
  const result = assemble(scenario, lb, split, notes);
  if ('tables' in lb) {
    const ids = scenario.prioritySet.hosts.map((h) => h.address);
    KEY_SPACES.set(result, {
      tables: lb.tables.map((table) => ({ table, ids })),
      ranges: priorityRanges(lb.priorityLoad),
    });
  }
  return result;
}

interface Split {
  readonly share: Float64Array;
  readonly noHostByPriority: Float64Array;
  readonly ownership: Float64Array | null;
  readonly tableWeight: Float64Array | null;
  readonly tables: readonly PreviewTable[];
}

function zoneAwareShares(
  lb: ZoneAwareLoadBalancerOf,
  scenario: Scenario,
  hostCount: number,
  notes: string[],
): Split {
  const share = new Float64Array(hostCount);
  const noHostByPriority = new Float64Array(lb.hosts.hostSets.length);
  const failOnPanic = scenario.cluster.commonLbConfig.zoneAware.failTrafficOnPanic;
  for (const range of priorityRanges(lb.priorityLoad)) {
    const p = rangeProbability(range);
    const split = sourceSplit(lb, failOnPanic, range.priority, range.degraded);
    noHostByPriority[range.priority] += p * split.noHost;
    for (const source of split.sources) {
      const within = hostShares(lb, source.hosts, range);
      if (within.length === 0) noHostByPriority[range.priority] += p * source.probability;
      within.forEach((s, i) => (share[source.hosts[i]] += p * source.probability * s));
    }
  }
  if (lb instanceof LeastRequestLoadBalancer) {
    notes.push('least request: active request counts held fixed while requests arrive');
    notes.push(...lb.warnings.map((w) => `least request: ${w}`));
  }
  return { share, noHostByPriority, ownership: null, tableWeight: null, tables: [] };
}

function hashingShares(lb: HashingLoadBalancer, scenario: Scenario, notes: string[]): Split {
  const config = scenario.cluster.lbPolicy as HashingPolicyConfig;
  const bounded = config.hashBalanceFactor > 0 && lb.clusterActiveRequests > 0;
  const owned = balancerOwnership(
    lb,
    bounded ? boundedLoadRedistribution(lb, config.hashBalanceFactor) : undefined,
  );
  const ownership = new Float64Array(scenario.prioritySet.hosts.length);
  owned.perPriority.forEach((shares) => shares.forEach((s, h) => (ownership[h] += s)));
  const tableWeight = new Float64Array(ownership.length);
  for (const { hosts, weights } of lb.normalizedWeights) {
    hosts.forEach((h, i) => (tableWeight[h] = weights[i]));
  }
  const kind = config.policy === 'MAGLEV' ? 'maglev' : 'ring';
  const tables = lb.tables.map((t, priority): PreviewTable => {
    const { size, min, max } =
      'hashHi' in t
        ? { size: t.length, min: t.stats.minHashesPerHost, max: t.stats.maxHashesPerHost }
        : { size: t.table.length, min: t.stats.minEntriesPerHost, max: t.stats.maxEntriesPerHost };
    return { priority, kind, size, minPerHost: min, maxPerHost: max };
  });
  notes.push(
    'consistent hashing: requests without a hash (no hash policy) use a random hash — the shares are key-space ownership',
  );
  if (bounded) {
    notes.push(
      `bounded load (hash_balance_factor ${config.hashBalanceFactor}) with ${lb.clusterActiveRequests} requests in flight: an overloaded host's hashes go to the first host that is not, in Envoy's mt19937 probe order, taken here as a uniformly random order`,
    );
  } else if (config.hashBalanceFactor > 0) {
    notes.push(
      `bounded load (hash_balance_factor ${config.hashBalanceFactor}): no requests in flight, so no host is overloaded`,
    );
  }
  return {
    share: owned.overall,
    noHostByPriority: owned.noHostByPriority,
    ownership,
    tableWeight,
    tables,
  };
}

function assemble(
  scenario: Scenario,
  lb: ZoneAwareLoadBalancerOf | HashingLoadBalancer,
  split: Split,
  notes: string[],
): Preview {
  const { hosts } = scenario.prioritySet;
  const hostSets = lb.hosts.hostSets;
  const load = lb.priorityLoad;
  const sumOf = (list: Int32Array): number => list.reduce((s, h) => s + split.share[h], 0);
  const localityIndex = new Int32Array(hosts.length);
  for (const hs of hostSets) {
    hs.hostsPerLocality.forEach((list, i) => list.forEach((h) => (localityIndex[h] = i)));
  }
  const priorities = hostSets.map((hs, p): PreviewPriority => ({
    priority: p,
    hosts: hs.hosts.length,
    healthyHosts: hs.healthy.length,
    degradedHosts: hs.degraded.length,
    excludedHosts: hs.excluded.length,
    overprovisioningFactor: hs.overprovisioningFactor,
    weightedPriorityHealth: hs.weightedPriorityHealth,
    health: load.health[p],
    degraded: load.degraded[p],
    healthyLoad: load.healthyLoad[p],
    degradedLoad: load.degradedLoad[p],
    panic: load.panic[p],
    share: sumOf(hs.hosts),
    noHostShare: split.noHostByPriority[p],
  }));
  const localities = hostSets.flatMap((hs, p) => {
    const healthy = effectiveLocalityWeights(hs, 'healthy');
    const degraded = effectiveLocalityWeights(hs, 'degraded');
    return hs.hostsPerLocality.map((list, i): PreviewLocality => ({
      priority: p,
      index: i,
      locality: hosts[list[0]].locality,
      hosts: list.length,
      weight: hs.localityWeights ? hs.localityWeights[i] : null,
      effectiveWeight: healthy[i],
      effectiveDegradedWeight: degraded[i],
      share: sumOf(list),
    }));
  });
  const previewHosts = hosts.map((host, index): PreviewHost => {
    const drawn = priorities[host.priority].share + priorities[host.priority].noHostShare;
    return {
      index,
      address: host.address,
      hostname: host.hostname,
      priority: host.priority,
      locality: host.locality,
      localityIndex: localityIndex[index],
      healthStatus: host.healthStatus,
      flags: host.flags,
      health: coarseHealth(host.healthStatus, host.flags),
      excluded: isExcluded(host.healthStatus, host.flags),
      weight: host.weight,
      share: split.share[index],
      shareOfPriority: drawn > 0 ? split.share[index] / drawn : 0,
      ownership: split.ownership ? split.ownership[index] : null,
      tableWeight: split.tableWeight ? split.tableWeight[index] : null,
    };
  });
  const zone = lb.zoneRouting;
  const zoneAware = !('tables' in lb);
  return {
    cluster: scenario.cluster.name,
    lbPolicy: scenario.cluster.lbPolicy.policy,
    priorities,
    localities,
    hosts: previewHosts,
    noHostShare: split.noHostByPriority.reduce((s, x) => s + x, 0),
    normalizedTotalHealth: load.normalizedTotalHealth,
    panicThreshold: load.panicThreshold,
    totalPanic: load.totalPanic,
    keptPreviousLoad: load.keptPreviousLoad,
    zoneRouting: {
      ...zone,
      residualCapacity: Array.from(zone.residualCapacity),
      enabledShare: zoneAware ? zoneRoutingEnabledShare(lb) : 0,
      localClusterInPanic: zoneAware ? lb.localClusterInPanic : false,
    },
    tables: split.tables,
    notes,
  };
}
