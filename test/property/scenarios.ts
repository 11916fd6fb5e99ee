/**
 * Load-balancer scenarios for the property suite: a generated cluster with a policy (round robin,
 * least request, random), panic threshold, locality weighting, fail_traffic_on_panic and
 * zone-aware routing against a local cluster, built into a balancer whose Rngs count their draws.
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import {
  buildPrioritySet,
  commonLbConfig,
  createCluster,
  createLoadBalancer,
  createSeededRng,
  LeastRequestLoadBalancer,
  leastRequestConfig,
  locality,
  randomConfig,
  roundRobinConfig,
  slowStartConfig,
} from '../../src/index.js';
import type {
  ClusterModel,
  CommonLbConfig,
  LbPolicyConfig,
  LoadBalancer,
  PrioritySet,
  Rng,
} from '../../src/index.js';
import type { ClusterSpec, HostSpec } from './arbitraries.js';
import {
  NOW_MS,
  REGION,
  ZONES,
  addressOf,
  clusterArb,
  panicThresholdArb,
  toClusterModel,
} from './arbitraries.js';

export type PolicySpec =
  | { readonly kind: 'ROUND_ROBIN'; readonly slowStartWindowMs: number }
  | {
      readonly kind: 'LEAST_REQUEST';
      readonly selectionMethod: 'N_CHOICES' | 'FULL_SCAN';
      readonly choiceCount: number;
      /** Explicit `active_request_bias` (forces the weighted path), or undefined. */
      readonly activeRequestBias: number | undefined;
      readonly slowStartWindowMs: number;
    }
  | { readonly kind: 'RANDOM' };

const slowStartWindow: Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 40_000 }) },
);

export const roundRobinArb: Arbitrary<PolicySpec> = fc.record({
  kind: fc.constant('ROUND_ROBIN' as const),
  slowStartWindowMs: slowStartWindow,
});

export const leastRequestArb: Arbitrary<PolicySpec> = fc.record({
  kind: fc.constant('LEAST_REQUEST' as const),
  selectionMethod: fc.constantFrom('N_CHOICES' as const, 'FULL_SCAN' as const),
  choiceCount: fc.integer({ min: 2, max: 6 }),
  activeRequestBias: fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constantFrom(0, 0.5, 1, 2) },
  ),
  slowStartWindowMs: slowStartWindow,
});

export const randomArb: Arbitrary<PolicySpec> = fc.constant({ kind: 'RANDOM' as const });

export const policyArb: Arbitrary<PolicySpec> = fc.oneof(roundRobinArb, leastRequestArb, randomArb);

export function toPolicyConfig(policy: PolicySpec): LbPolicyConfig {
  const slowStart = (windowMs: number) => (windowMs > 0 ? slowStartConfig({ windowMs }) : null);
  switch (policy.kind) {
    case 'ROUND_ROBIN':
      return roundRobinConfig({ slowStart: slowStart(policy.slowStartWindowMs) });
    case 'LEAST_REQUEST':
      return leastRequestConfig({
        selectionMethod: policy.selectionMethod,
        choiceCount: policy.choiceCount,
        slowStart: slowStart(policy.slowStartWindowMs),
        ...(policy.activeRequestBias === undefined
          ? {}
          : { activeRequestBias: policy.activeRequestBias }),
      });
    case 'RANDOM':
      return randomConfig();
  }
}

/** Zone-aware routing: this Envoy's zone and the local cluster (the Envoy fleet) per zone. */
export interface ZoneAwareSpec {
  readonly localZone: string;
  readonly local: readonly { readonly zone: string; readonly up: number; readonly down: number }[];
  readonly minClusterSize: number;
  readonly routingEnabled: number;
  readonly localityBasis: 'HEALTHY_HOSTS_NUM' | 'HEALTHY_HOSTS_WEIGHT';
  readonly forceLocalZoneMinSize: number;
}

export const zoneAwareArb: Arbitrary<ZoneAwareSpec> = fc.record({
  localZone: fc.constantFrom(...ZONES),
  local: fc
    .array(
      fc.record({
        zone: fc.constantFrom(...ZONES),
        up: fc.integer({ min: 0, max: 3 }),
        down: fc.oneof(
          { weight: 3, arbitrary: fc.constant(0) },
          { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) },
        ),
      }),
      { minLength: 2, maxLength: 4 },
    )
    .map((entries) => {
      const seen = new Set<string>();
      return entries.filter((e) => !seen.has(e.zone) && seen.add(e.zone));
    }),
  minClusterSize: fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 2 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 6 }) },
  ),
  routingEnabled: fc.constantFrom(100, 100, 100, 50, 0),
  localityBasis: fc.constantFrom('HEALTHY_HOSTS_NUM' as const, 'HEALTHY_HOSTS_WEIGHT' as const),
  forceLocalZoneMinSize: fc.oneof(
    { weight: 3, arbitrary: fc.constant(0) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) },
  ),
});

export interface LbScenario {
  readonly cluster: ClusterSpec;
  readonly policy: PolicySpec;
  readonly panicThreshold: number;
  readonly localityWeightedLb: boolean;
  readonly failTrafficOnPanic: boolean;
  readonly zoneAware: ZoneAwareSpec | null;
  /** Active requests by host index (cycled), for least request. */
  readonly activeRequests: readonly number[];
  readonly seed: number;
}

export interface LbScenarioOptions {
  readonly focus: 0 | 1;
  readonly policy?: Arbitrary<PolicySpec>;
  /**
   * Always configure zone-aware routing at priority 0, aligned with the upstream localities,
   * without locality weighting and with routing_enabled 100 %, so that most picks are zone routed.
   */
  readonly zoneAware?: boolean;
}

export function lbScenarioArb(options: LbScenarioOptions): Arbitrary<LbScenario> {
  const zoned = options.zoneAware === true;
  return fc
    .record({
      cluster: clusterArb({ focus: options.focus }),
      policy: options.policy ?? policyArb,
      panicThreshold: panicThresholdArb,
      localityWeightedLb: zoned ? fc.constant(false) : fc.boolean(),
      failTrafficOnPanic: fc.boolean(),
      zoneAware: zoned
        ? zoneAwareArb.map((z) => ({ ...z, routingEnabled: 100 }))
        : fc.option(zoneAwareArb, { freq: 2 }),
      alignZones: zoned
        ? fc.constant(true)
        : fc.oneof(
            { weight: 3, arbitrary: fc.constant(true) },
            { weight: 1, arbitrary: fc.constant(false) },
          ),
      activeRequests: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 8 }),
      seed: fc.nat(),
    })
    .map(({ alignZones, ...s }) =>
      alignZones && options.focus === 0 ? withLocalZoneUpstream(s) : s,
    );
}

/**
 * Makes zone-aware routing likely to apply: this Envoy sits in the zone of the first upstream
 * locality at priority 0, the local cluster has healthy hosts there and in another zone, and
 * priority 0 has hosts in at least two localities.
 */
function withLocalZoneUpstream(s: LbScenario): LbScenario {
  const p0 = s.cluster.priorities[0] ?? [];
  const zone = p0[0]?.zone;
  if (!s.zoneAware || zone === undefined) return s;
  const populated = p0.filter((l) => l.hosts.length > 0);
  const extraZone = ZONES.find((z) => !p0.some((l) => l.zone === z)) ?? zone;
  const healthy: HostSpec = { weight: 1, healthStatus: 'HEALTHY', flags: {} };
  const cluster: ClusterSpec =
    populated.length >= 2
      ? s.cluster
      : {
          ...s.cluster,
          priorities: [
            [...p0, { zone: extraZone, weight: 1, hosts: [healthy, healthy] }],
            ...s.cluster.priorities.slice(1),
          ],
        };
  const others = s.zoneAware.local.filter((e) => e.zone !== zone);
  const here = s.zoneAware.local.find((e) => e.zone === zone);
  const elsewhere =
    others.length > 0 ? others : [{ zone: zone === 'a' ? 'b' : 'a', up: 1, down: 0 }];
  return {
    ...s,
    cluster,
    zoneAware: {
      ...s.zoneAware,
      localZone: zone,
      local: [{ zone, up: Math.max(1, here?.up ?? 1), down: here?.down ?? 0 }, ...elsewhere],
    },
  };
}

export function scenarioCommon(s: LbScenario): CommonLbConfig {
  return commonLbConfig({
    healthyPanicThreshold: s.panicThreshold,
    localityWeightedLb: s.localityWeightedLb,
    zoneAware: {
      failTrafficOnPanic: s.failTrafficOnPanic,
      ...(s.zoneAware
        ? {
            minClusterSize: s.zoneAware.minClusterSize,
            routingEnabled: s.zoneAware.routingEnabled,
            localityBasis: s.zoneAware.localityBasis,
            forceLocalZoneMinSize: s.zoneAware.forceLocalZoneMinSize,
          }
        : {}),
    },
  });
}

/** The upstream priority set of a scenario for a (possibly updated) cluster spec. */
export function scenarioPrioritySet(s: LbScenario, cluster: ClusterSpec = s.cluster): PrioritySet {
  const model = toClusterModel(cluster, scenarioCommon(s), toPolicyConfig(s.policy));
  return buildPrioritySet(
    model,
    s.zoneAware ? { localLocality: locality({ region: REGION, zone: s.zoneAware.localZone }) } : {},
  );
}

/** The local cluster model (this Envoy fleet) of a zone-aware scenario. */
export function localClusterModel(z: ZoneAwareSpec): ClusterModel {
  return createCluster({
    name: 'local',
    endpoints: z.local.map((e, li) => ({
      locality: { region: REGION, zone: e.zone },
      hosts: [
        ...Array.from({ length: e.up }, (_, i) => ({ address: addressOf(9, li, i) })),
        ...Array.from({ length: e.down }, (_, i) => ({
          address: addressOf(9, li, e.up + i),
          healthStatus: 'UNHEALTHY' as const,
        })),
      ],
    })),
  });
}

/** The local cluster's priority set, seen from this Envoy's zone. */
export function localPrioritySet(z: ZoneAwareSpec): PrioritySet {
  return buildPrioritySet(localClusterModel(z), {
    localLocality: locality({ region: REGION, zone: z.localZone }),
  });
}

/** An Rng that counts draws and remembers the first one. */
export class CountingRng implements Rng {
  hi = 0;
  lo = 0;
  draws = 0;
  firstHi = -1;
  firstLo = -1;
  readonly #inner: Rng;

  constructor(inner: Rng) {
    this.#inner = inner;
  }

  next(): void {
    this.#inner.next();
    this.hi = this.#inner.hi;
    this.lo = this.#inner.lo;
    if (this.draws++ === 0) {
      this.firstHi = this.hi;
      this.firstLo = this.lo;
    }
  }
}

export interface BuiltScenario {
  readonly prioritySet: PrioritySet;
  readonly local: PrioritySet | null;
  readonly lb: LoadBalancer;
  /** The balancer's `random()`. */
  readonly rng: CountingRng;
  /** Runtime feature rolls (`routing_enabled`), a separate generator as in Envoy. */
  readonly runtimeRng: CountingRng;
}

/** The balancer of a scenario, with Rngs derived from the scenario's seed. */
export function buildScenario(s: LbScenario): BuiltScenario {
  const prioritySet = scenarioPrioritySet(s);
  const local = s.zoneAware ? localPrioritySet(s.zoneAware) : null;
  const rng = new CountingRng(createSeededRng(s.seed, 'lb'));
  const runtimeRng = new CountingRng(createSeededRng(s.seed, 'runtime'));
  const activeRequests = prioritySet.hosts.map(
    (_, i) => s.activeRequests[i % s.activeRequests.length],
  );
  const options = { rng, runtimeRng, localPrioritySet: local, now: () => NOW_MS };
  const common = scenarioCommon(s);
  const policy = toPolicyConfig(s.policy);
  const lb =
    policy.policy === 'LEAST_REQUEST'
      ? new LeastRequestLoadBalancer(prioritySet, common, policy, { ...options, activeRequests })
      : createLoadBalancer(prioritySet, common, policy, options);
  return { prioritySet, local, lb, rng, runtimeRng };
}
