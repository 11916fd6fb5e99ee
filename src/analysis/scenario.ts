/**
 * What a preview, an explanation or a sample is computed for: one cluster, the local cluster and
 * locality that zone-aware routing compares it with, runtime values, the requests in flight, the
 * caller's clock, and what-if changes to host health and weight. Resolves a loaded configuration
 * (or a bare model) into that, and builds the balancer Envoy would run for it.
 */
import type { LoadResult } from '../config/load-config.js';
import type { ClusterModel } from '../model/cluster.js';
import type { RuntimeValues } from '../model/lb-config.js';
import type { Locality } from '../model/locality.js';
import { locality } from '../model/locality.js';
import type { LoadBalancer } from '../policies/create-load-balancer.js';
import { createLoadBalancer } from '../policies/create-load-balancer.js';
import { LeastRequestLoadBalancer } from '../policies/least-request/least-request-lb.js';
import type { Rng } from '../random/rng.js';
import { createSeededRng } from '../random/seeded-rng.js';
import { buildPrioritySet } from '../snapshot/build-priority-set.js';
import type { PrioritySet } from '../snapshot/host-set.js';
import type { WhatIf } from './what-if.js';
import { applyWhatIf } from './what-if.js';

export interface ScenarioOptions {
  /** The cluster to look at when the input is a loaded configuration; default its first cluster. */
  readonly cluster?: string;
  /** Runtime values laid over the configuration's static layers (Envoy key → value). */
  readonly runtime?: RuntimeValues;
  /** This Envoy's locality (bootstrap `node.locality`; unset fields are empty); default the configuration's. */
  readonly localLocality?: Partial<Locality>;
  /** The local cluster (this Envoy fleet); default `cluster_manager.local_cluster_name`'s cluster. */
  readonly localCluster?: ClusterModel | null;
  /** Active requests per host `ip:port` (least request, bounded load); default none. */
  readonly activeRequests?: Readonly<Record<string, number>>;
  /** The caller's clock in milliseconds, for slow start; default 0. */
  readonly nowMs?: number;
  /** Health and weight changes applied to the cluster before anything is computed. */
  readonly whatIf?: WhatIf;
}

/** A cluster with everything its balancer depends on, resolved. */
export interface Scenario {
  readonly cluster: ClusterModel;
  readonly localLocality: Locality | undefined;
  readonly prioritySet: PrioritySet;
  readonly localPrioritySet: PrioritySet | null;
  readonly runtime: RuntimeValues;
  /** Active requests per host index of `prioritySet`. */
  readonly activeRequests: Float64Array;
  readonly nowMs: number;
}

/** Resolves a model or a loaded configuration into a scenario; throws RangeError on a bad name. */
export function resolveScenario(
  input: ClusterModel | LoadResult,
  options: ScenarioOptions = {},
): Scenario {
  const loaded = 'clusters' in input ? input : null;
  const base = loaded ? pickCluster(loaded, options.cluster) : (input as ClusterModel);
  const cluster = options.whatIf ? applyWhatIf(base, options.whatIf) : base;
  const given = options.localLocality ?? loaded?.localLocality;
  const localLocality = given === undefined ? undefined : locality(given);
  const localCluster =
    options.localCluster !== undefined
      ? options.localCluster
      : loaded?.localClusterName === undefined
        ? null
        : (loaded.clusters.find((c) => c.name === loaded.localClusterName) ?? null);
  const prioritySet = buildPrioritySet(cluster, { localLocality });
  const active = options.activeRequests ?? {};
  const known = new Set(prioritySet.hosts.map((h) => h.address));
  for (const address of Object.keys(active)) {
    if (!known.has(address)) {
      throw new RangeError(`activeRequests: no host ${address} in cluster '${cluster.name}'`);
    }
  }
  return {
    cluster,
    localLocality,
    prioritySet,
    localPrioritySet: localCluster ? buildPrioritySet(localCluster, { localLocality }) : null,
    runtime: { ...(loaded?.runtime ?? {}), ...(options.runtime ?? {}) },
    activeRequests: Float64Array.from(prioritySet.hosts, (h) => active[h.address] ?? 0),
    nowMs: options.nowMs ?? 0,
  };
}

/** The scenario with further what-if changes to its cluster (hosts keep their indices). */
export function changeScenario(scenario: Scenario, whatIf: WhatIf): Scenario {
  const cluster = applyWhatIf(scenario.cluster, whatIf);
  const prioritySet = buildPrioritySet(cluster, { localLocality: scenario.localLocality });
  return { ...scenario, cluster, prioritySet };
}

function pickCluster(loaded: LoadResult, name: string | undefined): ClusterModel {
  if (loaded.clusters.length === 0) throw new RangeError('the configuration has no cluster');
  if (name === undefined) return loaded.clusters[0];
  const found = loaded.clusters.find((c) => c.name === name);
  if (!found) {
    const names = loaded.clusters.map((c) => `'${c.name}'`).join(', ');
    throw new RangeError(`no cluster '${name}' in the configuration (it has ${names})`);
  }
  return found;
}

/** The balancer Envoy would run for the scenario, drawing from `rng` (default: seed 0's "lb" stream). */
export function scenarioBalancer(scenario: Scenario, rng?: Rng): LoadBalancer {
  const { cluster, prioritySet } = scenario;
  const options = {
    rng: rng ?? createSeededRng(0, 'lb'),
    runtime: scenario.runtime,
    localPrioritySet: scenario.localPrioritySet,
    now: () => scenario.nowMs,
  };
  const policy = cluster.lbPolicy;
  if (policy.policy === 'LEAST_REQUEST') {
    return new LeastRequestLoadBalancer(prioritySet, cluster.commonLbConfig, policy, {
      ...options,
      activeRequests: scenario.activeRequests,
    });
  }
  const lb = createLoadBalancer(prioritySet, cluster.commonLbConfig, policy, options);
  if ('tables' in lb) scenario.activeRequests.forEach((n, h) => lb.setActiveRequests(h, n));
  return lb;
}
