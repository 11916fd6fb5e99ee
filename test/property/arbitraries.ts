/**
 * Shared generators for the property suite: clusters spread over priorities with every health
 * state Envoy distinguishes (EDS status × health flags), host and locality weights up to 2^32−1,
 * and the seeded runner parameters. Load-balancer scenarios built on them are in scenarios.ts.
 *
 * Every property runs with `fcParams(numRuns)`: the seed is `FC_SEED` from the environment or
 * `DEFAULT_SEED`, and fast-check prints `{ seed, path }` with every counterexample, so a failure
 * replays with `FC_SEED=<seed> npx vitest run test/property`. `FC_RUNS_SCALE=10` runs ten times
 * as many cases.
 */
import fc from 'fast-check';
import type { Arbitrary } from 'fast-check';
import {
  HEALTH_STATUSES,
  commonLbConfig,
  createCluster,
  roundRobinConfig,
} from '../../src/index.js';
import type {
  ClusterModel,
  CommonLbConfig,
  HealthStatus,
  HostHealthFlags,
  LbPolicyConfig,
} from '../../src/index.js';

export const MAX_U32 = 4294967295;

/** The seed used when FC_SEED is not set. */
export const DEFAULT_SEED = 1_944_512_017;

/** The fast-check seed of this run: `FC_SEED` if set, else `DEFAULT_SEED`. */
export const FC_SEED: number = readSeed(process.env.FC_SEED);

function readSeed(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_SEED;
  const seed = Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, got '${raw}'`);
  return seed;
}

/** Multiplier of every property's run count (`FC_RUNS_SCALE`, default 1) for deeper runs. */
export const FC_RUNS_SCALE: number = readScale(process.env.FC_RUNS_SCALE);

function readScale(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return 1;
  const scale = Number(raw);
  if (!(scale > 0)) throw new Error(`FC_RUNS_SCALE must be a positive number, got '${raw}'`);
  return scale;
}

/** Parameters for `fc.assert`: the run's seed (printed by fast-check on failure) and a run count. */
export function fcParams(numRuns: number): { seed: number; numRuns: number } {
  return { seed: FC_SEED, numRuns: Math.max(1, Math.round(numRuns * FC_RUNS_SCALE)) };
}

// ---------------------------------------------------------------------------------------------
// Hosts, localities, clusters

export interface HostSpec {
  readonly weight: number;
  readonly healthStatus: HealthStatus;
  readonly flags: HostHealthFlags;
  /** When the host became healthy (slow start); undefined = long ago. */
  readonly healthySinceMs?: number;
}

export interface LocalitySpec {
  /** Zone name; the region is always `r`, so localities sort by zone. */
  readonly zone: string;
  /** `load_balancing_weight`; undefined when unset. */
  readonly weight: number | undefined;
  readonly hosts: readonly HostSpec[];
}

export interface ClusterSpec {
  /**
   * Index = priority. A priority with no LocalityLbEndpoints is a gap (an empty host set when a
   * higher priority exists); a locality may list no hosts.
   */
  readonly priorities: readonly (readonly LocalitySpec[])[];
  readonly overprovisioningFactor: number;
  readonly weightedPriorityHealth: boolean;
}

export const ZONES: readonly string[] = ['a', 'b', 'c', 'd'];
export const REGION = 'r';
/** The clock every balancer reads (slow start). */
export const NOW_MS = 100_000;

/** How the hosts of one priority are doing. */
export type HealthProfile = 'up' | 'mixed' | 'down';

const rare: Arbitrary<boolean> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(false) },
  { weight: 1, arbitrary: fc.constant(true) },
);

const rawFlags: Arbitrary<HostHealthFlags> = fc
  .record({
    failedActiveHealthCheck: rare,
    degradedActiveHealthCheck: rare,
    outlierEjected: rare,
    pendingActiveHealthCheck: rare,
    excludedViaImmediateHealthCheckFail: rare,
    pendingDynamicRemoval: rare,
  })
  .map(onlyTrue);

function onlyTrue(flags: Record<string, boolean>): HostHealthFlags {
  return Object.fromEntries(Object.entries(flags).filter(([, v]) => v)) as HostHealthFlags;
}

/**
 * Flags as Envoy sets them: a host pending its first health check, or excluded after an immediate
 * health-check failure, also carries FAILED_ACTIVE_HC (INVARIANTS #5).
 */
function envoyConsistent(flags: HostHealthFlags): HostHealthFlags {
  const failed =
    flags.failedActiveHealthCheck ||
    flags.pendingActiveHealthCheck ||
    flags.excludedViaImmediateHealthCheckFail;
  return failed ? { ...flags, failedActiveHealthCheck: true } : flags;
}

const mixedStatus: Arbitrary<HealthStatus> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<HealthStatus>('UNKNOWN', 'HEALTHY') },
  { weight: 2, arbitrary: fc.constant<HealthStatus>('DEGRADED') },
  { weight: 2, arbitrary: fc.constantFrom<HealthStatus>('UNHEALTHY', 'TIMEOUT') },
  { weight: 1, arbitrary: fc.constant<HealthStatus>('DRAINING') },
);

export type Health = Pick<HostSpec, 'healthStatus' | 'flags'>;

/** The EDS status and flags of one host under a profile. */
export function healthArb(profile: HealthProfile, consistentFlags = true): Arbitrary<Health> {
  const fix = consistentFlags ? envoyConsistent : (f: HostHealthFlags) => f;
  if (profile === 'up') {
    return fc.record({
      healthStatus: fc.constantFrom<HealthStatus>('UNKNOWN', 'HEALTHY'),
      flags: rare.map((pendingDynamicRemoval) => onlyTrue({ pendingDynamicRemoval })),
    });
  }
  if (profile === 'mixed') {
    return fc.record({ healthStatus: mixedStatus, flags: rawFlags.map(fix) });
  }
  return fc.oneof(
    fc.record({
      healthStatus: fc.constantFrom<HealthStatus>('UNHEALTHY', 'TIMEOUT', 'DRAINING'),
      flags: rawFlags.map(fix),
    }),
    fc.record({
      healthStatus: fc.constantFrom(...HEALTH_STATUSES),
      flags: rawFlags.map((f) => fix({ ...f, outlierEjected: true })),
    }),
    fc.record({
      healthStatus: fc.constantFrom(...HEALTH_STATUSES),
      flags: rawFlags.map((f) => fix({ ...f, failedActiveHealthCheck: true })),
    }),
  );
}

/** Raw weights over the whole domain; `WeightMode` narrows them per cluster. */
const rawWeight: Arbitrary<number> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 10 }) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 1000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 2 ** 31, max: MAX_U32 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: MAX_U32 }) },
);

/** unit: every weight 1 (unweighted paths); small: 1..10; any: up to 2^32−1. */
export type WeightMode = 'unit' | 'small' | 'any';

const localityWeight: Arbitrary<number | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 100 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: MAX_U32 }) },
);

const slowStartSince: Arbitrary<number | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.integer({ min: NOW_MS - 30_000, max: NOW_MS }) },
);

function hostArb(profile: HealthProfile, consistentFlags: boolean): Arbitrary<HostSpec> {
  return fc
    .record({
      weight: rawWeight,
      health: healthArb(profile, consistentFlags),
      healthySinceMs: slowStartSince,
    })
    .map(({ weight, health, healthySinceMs }) => ({
      weight,
      ...health,
      ...(healthySinceMs === undefined ? {} : { healthySinceMs }),
    }));
}

function localityArb(
  profile: HealthProfile,
  minHosts: number,
  consistentFlags: boolean,
): Arbitrary<LocalitySpec> {
  return fc.record({
    zone: fc.constantFrom(...ZONES),
    weight: localityWeight,
    hosts: fc.array(hostArb(profile, consistentFlags), { minLength: minHosts, maxLength: 5 }),
  });
}

const profileArb: Arbitrary<HealthProfile> = fc.constantFrom<HealthProfile>(
  'up',
  'mixed',
  'mixed',
  'down',
);

/** One priority: up to three distinct localities; `required` guarantees at least one host. */
function priorityArb(
  profile: Arbitrary<HealthProfile>,
  required: boolean,
  consistentFlags: boolean,
): Arbitrary<LocalitySpec[]> {
  return profile.chain((p) =>
    fc
      .tuple(
        required
          ? localityArb(p, 1, consistentFlags).map((l) => [l])
          : fc.constant<LocalitySpec[]>([]),
        fc.array(localityArb(p, 0, consistentFlags), { maxLength: 3 }),
      )
      .map(([first, rest]) => distinctZones([...first, ...rest])),
  );
}

/** Envoy rejects a locality listed twice in one priority: keep the first of each zone. */
function distinctZones(localities: LocalitySpec[]): LocalitySpec[] {
  const seen = new Set<string>();
  return localities.filter((l) => !seen.has(l.zone) && seen.add(l.zone));
}

export interface ClusterArbOptions {
  /**
   * 0: priority 0 has hosts. 1: priority 0 is a gap or entirely unhealthy and priority 1 has hosts,
   * so traffic lands on priority 1. Undefined: 1 to 4 arbitrary priorities, possibly all empty.
   */
  readonly focus?: 0 | 1;
  /** Restrict flags to the combinations Envoy produces (default true). */
  readonly consistentFlags?: boolean;
  readonly overprovisioningFactor?: Arbitrary<number>;
  readonly weightMode?: Arbitrary<WeightMode>;
}

/** OPF: mostly Envoy's default 140, 100, or anything in 1..1000. */
export const opfArb: Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(140) },
  { weight: 1, arbitrary: fc.constant(100) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 1000 }) },
);

/** OPF over the whole `UInt32Value` domain (products reach ~2^64). */
export const hugeOpfArb: Arbitrary<number> = fc.oneof(
  opfArb,
  fc.integer({ min: 1, max: MAX_U32 }),
  fc.integer({ min: MAX_U32 - 1000, max: MAX_U32 }),
);

/** `healthy_panic_threshold`: mostly Envoy's default 50, 0 (panic disabled), 100, or any percent. */
export const panicThresholdArb: Arbitrary<number> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(50) },
  { weight: 1, arbitrary: fc.constantFrom(0, 100) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 100 }) },
);

export const weightModeArb: Arbitrary<WeightMode> = fc.constantFrom<WeightMode>(
  'unit',
  'small',
  'any',
);

/** A cluster spec; per priority, host weights and locality weights each sum to ≤ 2^32−1. */
export function clusterArb(options: ClusterArbOptions = {}): Arbitrary<ClusterSpec> {
  const consistent = options.consistentFlags ?? true;
  const any = priorityArb(profileArb, false, consistent);
  let priorities: Arbitrary<LocalitySpec[][]>;
  if (options.focus === 0) {
    priorities = fc
      .tuple(priorityArb(profileArb, true, consistent), fc.array(any, { maxLength: 2 }))
      .map(([p0, rest]) => [p0, ...rest]);
  } else if (options.focus === 1) {
    const p0 = fc.oneof(
      fc.constant<LocalitySpec[]>([]),
      priorityArb(fc.constant('down'), false, consistent),
    );
    const p1 = priorityArb(
      fc.constantFrom<HealthProfile>('up', 'up', 'mixed', 'down'),
      true,
      consistent,
    );
    priorities = fc
      .tuple(p0, p1, fc.array(any, { maxLength: 1 }))
      .map(([a, b, rest]) => [a, b, ...rest]);
  } else {
    priorities = fc.array(any, { maxLength: 4 });
  }
  return fc
    .record({
      priorities,
      overprovisioningFactor: options.overprovisioningFactor ?? opfArb,
      weightedPriorityHealth: fc.boolean(),
      weightMode: options.weightMode ?? weightModeArb,
    })
    .map(({ weightMode, ...spec }) => ({
      ...spec,
      priorities: spec.priorities.map((localities) => normalizeWeights(localities, weightMode)),
    }));
}

function normalizeWeights(localities: LocalitySpec[], mode: WeightMode): LocalitySpec[] {
  const narrowed = localities.map((l) => ({
    ...l,
    hosts: l.hosts.map((h) => ({
      ...h,
      weight: mode === 'unit' ? 1 : mode === 'small' ? ((h.weight - 1) % 10) + 1 : h.weight,
    })),
  }));
  const hostScale = capScale(narrowed.flatMap((l) => l.hosts.map((h) => h.weight)));
  const localityScale = capScale(narrowed.map((l) => l.weight ?? 0));
  return narrowed.map((l) => ({
    ...l,
    weight: l.weight === undefined ? undefined : localityScale(l.weight),
    hosts: l.hosts.map((h) => ({ ...h, weight: hostScale(h.weight) })),
  }));
}

/** A scaling that keeps a list of weights (each ≥ 1) within a total of 2^32−1. */
function capScale(weights: number[]): (w: number) => number {
  const total = weights.reduce((s, w) => s + w, 0);
  if (total <= MAX_U32) return (w) => w;
  const budget = MAX_U32 - 64;
  return (w) => Math.max(1, Math.floor((w * budget) / total));
}

/** The address of host i of locality l at priority p: unique and stable across updates. */
export function addressOf(priority: number, localityIndex: number, hostIndex: number): string {
  return `10.${priority}.${localityIndex}.${hostIndex}:80`;
}

/** The cluster model for a spec, with the given LB configuration. */
export function toClusterModel(
  spec: ClusterSpec,
  common: CommonLbConfig = commonLbConfig(),
  lbPolicy: LbPolicyConfig = roundRobinConfig(),
): ClusterModel {
  return createCluster({
    name: 'property',
    overprovisioningFactor: spec.overprovisioningFactor,
    weightedPriorityHealth: spec.weightedPriorityHealth,
    commonLbConfig: common,
    lbPolicy,
    endpoints: spec.priorities.flatMap((localities, priority) =>
      localities.map((l, li) => ({
        priority,
        locality: { region: REGION, zone: l.zone },
        ...(l.weight === undefined ? {} : { loadBalancingWeight: l.weight }),
        hosts: l.hosts.map((h, hi) => ({ address: addressOf(priority, li, hi), ...h })),
      })),
    ),
  });
}

/** A health update of one host (an EDS or health-check change). */
export interface HealthChange {
  /** Index into the flat list of hosts (taken modulo the host count). */
  readonly host: number;
  readonly health: Health;
}

export const healthChangeArb: Arbitrary<HealthChange> = fc.record({
  host: fc.nat(),
  health: fc.oneof(healthArb('up'), healthArb('mixed'), healthArb('down')),
});

/** A new spec with some hosts' health replaced. */
export function applyHealthChanges(
  spec: ClusterSpec,
  changes: readonly HealthChange[],
): ClusterSpec {
  const total = spec.priorities.reduce(
    (s, ls) => s + ls.reduce((t, l) => t + l.hosts.length, 0),
    0,
  );
  if (total === 0) return spec;
  const byFlat = new Map(changes.map((c) => [c.host % total, c.health]));
  let flat = 0;
  return {
    ...spec,
    priorities: spec.priorities.map((ls) =>
      ls.map((l) => ({
        ...l,
        hosts: l.hosts.map((h) => {
          const health = byFlat.get(flat++);
          return health ? { ...h, ...health } : h;
        }),
      })),
    ),
  };
}
