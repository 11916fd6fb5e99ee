/**
 * envoy-upstream-sim: Envoy's upstream load balancing, reproduced exactly.
 * Explicit named exports only; see docs/architecture.md for the layers.
 */
export { modU64, u64Halves, u64ToDecimal } from './hash/u64.js';

export type { Rng } from './random/rng.js';
export { SeededRng, createSeededRng } from './random/seeded-rng.js';
export { ScriptedRng } from './random/scripted-rng.js';
export type { U64Input } from './random/scripted-rng.js';

export type { Locality } from './model/locality.js';
export {
  UNSPECIFIED_LOCALITY,
  compareLocality,
  locality,
  localityName,
  sameLocality,
} from './model/locality.js';
export type { CoarseHealth, HealthStatus, HostHealthFlags } from './model/health.js';
export { HEALTH_STATUSES, coarseHealth, isExcluded } from './model/health.js';
export type { Host, HostInit } from './model/host.js';
export { createHost } from './model/host.js';
export type {
  ClusterInit,
  ClusterModel,
  LocalityLbEndpoints,
  LocalityLbEndpointsInit,
} from './model/cluster.js';
export { clusterHosts, createCluster } from './model/cluster.js';
export type {
  CommonLbConfig,
  LbPolicyConfig,
  LeastRequestConfig,
  RandomConfig,
  RoundRobinConfig,
  RuntimeValues,
  SlowStartConfig,
  ZoneAwareLbConfig,
} from './model/lb-config.js';
export {
  DEFAULT_ZONE_AWARE,
  commonLbConfig,
  leastRequestConfig,
  randomConfig,
  roundRobinConfig,
  slowStartConfig,
} from './model/lb-config.js';

export { EdfScheduler, MAX_PRE_PICKS } from './scheduling/edf-scheduler.js';
export type { WeightOf } from './scheduling/edf-scheduler.js';

export type { HostSet, HostSetLists, PrioritySet } from './snapshot/host-set.js';
export { emptyHostSet, hostSetFromLists } from './snapshot/host-set.js';
export type { BuildPrioritySetOptions } from './snapshot/build-priority-set.js';
export { buildPrioritySet } from './snapshot/build-priority-set.js';
export type { PriorityLoad } from './snapshot/priority-load.js';
export {
  computePriorityLoad,
  healthyPercent,
  isHostSetInPanic,
  priorityAvailability,
} from './snapshot/priority-load.js';
export { effectiveLocalityWeights } from './snapshot/locality-weights.js';
export type { ZoneRoutingPrecondition, ZoneRoutingState } from './snapshot/zone-routing.js';
export {
  RUNTIME_FORCE_LOCAL_ZONE_MIN_SIZE,
  RUNTIME_MIN_CLUSTER_SIZE,
  computeZoneRoutingState,
} from './snapshot/zone-routing.js';

export { choosePriority } from './policies/common/choose-priority.js';
export { LocalityWrr } from './policies/common/locality-wrr.js';
export { slowStartFactor } from './policies/common/slow-start.js';
export type { PickContext } from './policies/common/pick-context.js';
export { PickTrace, SourceType, ZoneRoute } from './policies/common/pick-context.js';
export type { LoadBalancerOptions } from './policies/common/load-balancer-base.js';
export { LoadBalancerBase, RUNTIME_PANIC_THRESHOLD } from './policies/common/load-balancer-base.js';
export {
  RUNTIME_ZONE_ROUTING_ENABLED,
  ZoneAwareLoadBalancer,
} from './policies/common/zone-aware-lb.js';
export { EdfLoadBalancer } from './policies/common/edf-lb.js';
export { RoundRobinLoadBalancer } from './policies/round-robin/round-robin-lb.js';
export {
  LeastRequestLoadBalancer,
  MAX_CHOICE_COUNT,
  RUNTIME_BIAS_FORCES_WEIGHTED,
} from './policies/least-request/least-request-lb.js';
export { RandomLoadBalancer } from './policies/random/random-lb.js';
export type { LoadBalancer } from './policies/create-load-balancer.js';
export { createLoadBalancer } from './policies/create-load-balancer.js';
