/**
 * envoy-upstream-sim: Envoy's upstream load balancing, reproduced exactly.
 * Explicit named exports only; see docs/architecture.md for the layers.
 */
export { modU64, u64Halves, u64ToDecimal } from './hash/u64.js';
export { xxHash64, xxHash64Result } from './hash/xxhash64.js';
export { MURMUR_HASH2_SEED, murmurHash2, murmurHash2Result } from './hash/murmur-hash2.js';
export {
  murmurHash2Decimal,
  murmurHash2String,
  xxHash64Decimal,
  xxHash64String,
} from './hash/hash-string.js';
export { Mt19937, probeOrder } from './hash/mt19937.js';
export { hostHashKey } from './hash/hash-key.js';
export { initHashing } from './hash/xxhash-wasm.js';

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
  ConsistentHashingConfig,
  HashingPolicyConfig,
  LbPolicyConfig,
  MaglevConfig,
  RingHashConfig,
  ZoneAwarePolicyConfig,
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
  maglevConfig,
  randomConfig,
  ringHashConfig,
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
  noZoneRouting,
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
export type { HashTable } from './policies/common/hash-table.js';
export type { NormalizedHostWeights } from './policies/common/normalize-weights.js';
export { normalizeHostWeights } from './policies/common/normalize-weights.js';
export type { OverloadFactorOf } from './policies/common/bounded-load.js';
export { BoundedLoadTable, boundedLoadSlots } from './policies/common/bounded-load.js';
export type { HashPickContext } from './policies/common/thread-aware-lb.js';
export { ThreadAwareLoadBalancer } from './policies/common/thread-aware-lb.js';
export type { RingStats } from './policies/ring-hash/ring.js';
export { Ring, buildRing, ringSizeError } from './policies/ring-hash/ring.js';
export { RingHashLoadBalancer } from './policies/ring-hash/ring-hash-lb.js';
export type { MaglevStats } from './policies/maglev/maglev-table.js';
export {
  MAX_MAGLEV_TABLE_SIZE,
  MaglevTable,
  buildMaglevTable,
  isPrime,
} from './policies/maglev/maglev-table.js';
export { MaglevLoadBalancer } from './policies/maglev/maglev-lb.js';
export type {
  HashingLoadBalancer,
  LoadBalancer,
  ZoneAwareLoadBalancerOf,
} from './policies/create-load-balancer.js';
export { createLoadBalancer } from './policies/create-load-balancer.js';

export type { HashPolicy, HashPolicyStep, RequestHash } from './route/hash-policy.js';
export { computeRequestHash } from './route/hash-policy.js';
export type { RequestModel } from './route/request.js';
export { cookieValue, headerValues, ipOf, queryParameter } from './route/request.js';

export type { BalancerOwnership } from './analysis/hash-ownership.js';
export {
  balancerOwnership,
  maglevOwnership,
  maglevSlots,
  ringOwnedHashes,
  ringOwnership,
  tableOwnership,
} from './analysis/hash-ownership.js';
export type { IdentifiedTable, KeyMovement } from './analysis/key-movement.js';
export { keyMovement } from './analysis/key-movement.js';
export type { Spread } from './analysis/spread.js';
export type { Scenario, ScenarioOptions } from './analysis/scenario.js';
export { resolveScenario, scenarioBalancer } from './analysis/scenario.js';
export type { WhatIf } from './analysis/what-if.js';
export { applyWhatIf } from './analysis/what-if.js';
export type {
  Preview,
  PreviewHost,
  PreviewLocality,
  PreviewOptions,
  PreviewPriority,
  PreviewTable,
  PreviewZoneRouting,
} from './analysis/preview.js';
export { preview, previewScenario } from './analysis/preview.js';
export type { SpillStep } from './analysis/priority-spill.js';
export { prioritySpill } from './analysis/priority-spill.js';
export type { HostShareChange, PreviewDiff, PriorityChange } from './analysis/diff.js';
export { diff } from './analysis/diff.js';
export type { ExplainOptions, ExplainStep, Explanation } from './analysis/explain.js';
export { explain } from './analysis/explain.js';
export type { SampleOptions, SampleResult } from './analysis/sample.js';
export { MAX_SAMPLE_REQUESTS, sample } from './analysis/sample.js';
export { spread } from './analysis/spread.js';

export {
  formatDiff,
  formatExplanation,
  formatPreview,
  formatSample,
  hostHealthLabel,
  previewJson,
} from './report/format-preview.js';
export type { VegaLiteSpec } from './report/charts.js';
export { ownershipChart, prioritySpillChart, splitChart } from './report/charts.js';

export type { ConfigIssue, IssueSeverity, SourcePosition } from './config/issues.js';
export { formatIssue } from './config/issues.js';
export type { UnknownFieldMode } from './config/proto-reader.js';
export type { SourceLimits } from './config/source.js';
export { DEFAULT_SOURCE_LIMITS } from './config/source.js';
export type {
  ConfigFileReader,
  ConfigInput,
  DocumentShape,
  LoadOptions,
  LoadResult,
} from './config/load-config.js';
export { detectShape, loadConfig } from './config/load-config.js';
