/**
 * Why one request went to one host: the chain of decisions of a single pick, read from the pick
 * trace of the real balancer — the request hash (hash policies, a given hash, or Envoy's random
 * value), x = hash % 100 + 1 against the cumulative priority loads, panic, the host source, the
 * locality (locality weights or zone-aware routing, with Envoy's `lb_zone_*` stat name), and the
 * host: inside its source, or at a ring point or Maglev slot.
 *
 * Non-hashing policies draw from the seeded stream; `pick` says which pick of the sequence to
 * explain, so explanation N matches the N-th pick of `sample` with the same seed.
 */
import type { LoadResult } from '../config/load-config.js';
import { u64Halves, u64ToDecimal } from '../hash/u64.js';
import type { ClusterModel } from '../model/cluster.js';
import type { Locality } from '../model/locality.js';
import { localityName } from '../model/locality.js';
import type { SourceType } from '../policies/common/pick-context.js';
import { PickTrace, ZoneRoute } from '../policies/common/pick-context.js';
import type { HashingLoadBalancer } from '../policies/create-load-balancer.js';
import { createSeededRng } from '../random/seeded-rng.js';
import type { HashPolicy, RequestHash } from '../route/hash-policy.js';
import { computeRequestHash } from '../route/hash-policy.js';
import type { RequestModel } from '../route/request.js';
import type { ScenarioOptions } from './scenario.js';
import { MAX_SAMPLE_REQUESTS } from './sample.js';
import { resolveScenario, scenarioBalancer } from './scenario.js';

export interface ExplainOptions extends ScenarioOptions {
  /** The request's 64-bit hash, decimal or 0x-hex (consistent-hashing policies). */
  readonly hash?: string | bigint;
  /** A request, hashed with `hashPolicy` as Envoy's router does (consistent-hashing policies). */
  readonly request?: RequestModel;
  /** The route's `hash_policy` list; used with `request`. */
  readonly hashPolicy?: readonly HashPolicy[];
  /** Seed of the balancer's random stream; default 0. */
  readonly seed?: number;
  /** Which pick of the seeded sequence to explain (0 = the first); default 0. Not with a hash. */
  readonly pick?: number;
}

/** One decision, in words, with the numbers it was made from. */
export interface ExplainStep {
  readonly step: 'hash' | 'priority' | 'panic' | 'source' | 'locality' | 'table' | 'host';
  readonly detail: string;
}

export interface Explanation {
  readonly cluster: string;
  readonly lbPolicy: string;
  /** The 64-bit value the priority (and, for hashing policies, the host) was chosen with. */
  readonly hash: string;
  /** Where the hash came from. */
  readonly hashSource: 'hash_policy' | 'given' | 'random';
  /** The hash policies' evaluation, when a request was given. */
  readonly requestHash: RequestHash | null;
  /** hash % 100 + 1. */
  readonly priorityDraw: number;
  readonly priority: number;
  readonly degraded: boolean;
  readonly panic: boolean;
  readonly source:
    | 'all_hosts'
    | 'healthy_hosts'
    | 'degraded_hosts'
    | 'locality_healthy_hosts'
    | 'locality_degraded_hosts'
    | null;
  readonly locality: Locality | null;
  /** Envoy's stat for the zone-aware decision (`lb_zone_routing_sampled`, …), or null. */
  readonly zoneRoute: string | null;
  /** The ring point index or Maglev slot the hash landed on (hashing policies). */
  readonly tablePosition: number | null;
  /** The chosen host's `ip:port`, or null: no healthy upstream. */
  readonly host: string | null;
  readonly steps: readonly ExplainStep[];
}

const SOURCES = [
  'all_hosts',
  'healthy_hosts',
  'degraded_hosts',
  'locality_healthy_hosts',
  'locality_degraded_hosts',
] as const;

const ZONE_ROUTES: Readonly<Record<ZoneRoute, string | null>> = {
  [ZoneRoute.None]: null,
  [ZoneRoute.AllDirectly]: 'lb_zone_routing_all_directly',
  [ZoneRoute.Sampled]: 'lb_zone_routing_sampled',
  [ZoneRoute.CrossZone]: 'lb_zone_routing_cross_zone',
  [ZoneRoute.NoCapacityLeft]: 'lb_zone_no_capacity_left',
  [ZoneRoute.RoutingDisabled]: 'zone_routing_sampled_out',
  [ZoneRoute.LocalClusterInPanic]: 'local_cluster_in_panic',
};

/** Explains one pick; throws RangeError on a malformed hash, pick index or scenario. */
export function explain(
  input: ClusterModel | LoadResult,
  options: ExplainOptions = {},
): Explanation {
  const scenario = resolveScenario(input, options);
  const lb = scenarioBalancer(scenario, createSeededRng(options.seed ?? 0, 'lb'));
  const trace = new PickTrace();
  const hashing = 'tables' in lb;
  const policy = scenario.cluster.lbPolicy.policy;
  const hashed = options.hash !== undefined || (options.hashPolicy?.length ?? 0) > 0;
  if (hashed && !hashing) {
    throw new RangeError(
      `hash: ${policy} does not hash requests (only RING_HASH and MAGLEV do); it picks with random() — explain the n-th pick of a seed instead`,
    );
  }
  const requestHash =
    options.request && options.hashPolicy
      ? computeRequestHash(options.hashPolicy, options.request)
      : null;
  const given = options.hash === undefined ? null : parseHash(options.hash);
  const hash = requestHash?.hash ? [requestHash.hash.hi, requestHash.hash.lo] : given;
  const pick = options.pick ?? 0;
  if (!Number.isSafeInteger(pick) || pick < 0 || pick >= MAX_SAMPLE_REQUESTS) {
    throw new RangeError(`pick: ${pick} is not a pick index below ${MAX_SAMPLE_REQUESTS}`);
  }
  if (hash && pick > 0) {
    throw new RangeError('pick: with a request hash every pick is the same; leave pick at 0');
  }
  for (let i = 0; i < pick; i++) lb.chooseHost();
  const host =
    hashing && hash
      ? lb.chooseHost({ hash: { hi: hash[0], lo: hash[1] } }, trace)
      : lb.chooseHost(undefined, trace);
  const hosts = scenario.prioritySet.hosts;
  const hostSet = lb.hosts.hostSets[trace.priority];
  const first = trace.locality >= 0 ? hostSet.hostsPerLocality[trace.locality]?.[0] : undefined;
  const locality = first === undefined ? null : hosts[first].locality;
  const tablePosition = hashing ? tablePositionOf(lb, trace) : null;
  const explanation = {
    cluster: scenario.cluster.name,
    lbPolicy: scenario.cluster.lbPolicy.policy,
    hash: u64ToDecimal(trace.hashHi, trace.hashLo),
    hashSource: requestHash?.hash ? 'hash_policy' : given ? 'given' : 'random',
    requestHash,
    priorityDraw: trace.priorityDraw,
    priority: trace.priority,
    degraded: trace.degraded,
    panic: trace.panic,
    source: trace.source < 0 ? null : SOURCES[trace.source as SourceType],
    locality,
    zoneRoute: ZONE_ROUTES[trace.zoneRoute],
    tablePosition,
    host: host < 0 ? null : hosts[host].address,
  } as const;
  const failOnPanic = !hashing && scenario.cluster.commonLbConfig.zoneAware.failTrafficOnPanic;
  return {
    ...explanation,
    steps: describe(explanation, lb.priorityLoad, hostSet.hosts.length, failOnPanic),
  };
}

function parseHash(value: string | bigint): [number, number] {
  const text = String(value).trim();
  if (!/^(?:\d+|0x[0-9a-f]+)$/i.test(text) || BigInt(text) >= 2n ** 64n) {
    throw new RangeError(`hash: '${text}' is not an unsigned 64-bit integer (decimal or 0x-hex)`);
  }
  return u64Halves(BigInt(text));
}

function tablePositionOf(lb: HashingLoadBalancer, trace: PickTrace): number | null {
  const table = lb.tables[trace.priority];
  if (!table) return null;
  if ('hashHi' in table)
    return table.length === 0 ? null : table.pointFor(trace.hashHi, trace.hashLo);
  return table.table.length === 0 ? null : table.slotFor(trace.hashHi, trace.hashLo, 0);
}

type Facts = Omit<Explanation, 'steps'>;

function describe(
  e: Facts,
  load: { readonly healthyLoad: Uint8Array; readonly degradedLoad: Uint8Array },
  priorityHosts: number,
  failOnPanic: boolean,
): ExplainStep[] {
  const steps: ExplainStep[] = [];
  const origin = {
    hash_policy: 'from the route hash policy',
    given: 'as given',
    random: 'a random() draw (no hash policy)',
  }[e.hashSource];
  steps.push({ step: 'hash', detail: `hash ${e.hash}, ${origin}` });
  let acc = 0;
  const bounds: string[] = [];
  load.healthyLoad.forEach((l, p) => {
    acc += l;
    if (l > 0) bounds.push(`P${p} healthy ≤ ${acc}`);
  });
  load.degradedLoad.forEach((l, p) => {
    acc += l;
    if (l > 0) bounds.push(`P${p} degraded ≤ ${acc}`);
  });
  steps.push({
    step: 'priority',
    detail: `x = hash % 100 + 1 = ${e.priorityDraw} against ${bounds.join(', ') || 'no load'} → P${e.priority}${e.degraded ? ' (degraded)' : ''}`,
  });
  if (e.panic) {
    steps.push({
      step: 'panic',
      detail: failOnPanic
        ? `P${e.priority} is in panic and fail_traffic_on_panic is set: the request fails`
        : `P${e.priority} is in panic: all ${priorityHosts} of its hosts are candidates`,
    });
  }
  if (e.source) steps.push({ step: 'source', detail: e.source });
  if (e.locality) {
    const how = e.zoneRoute ? ` (${e.zoneRoute})` : ' (locality weights)';
    steps.push({ step: 'locality', detail: `${localityName(e.locality)}${how}` });
  } else if (e.zoneRoute) {
    steps.push({ step: 'locality', detail: `whole priority (${e.zoneRoute})` });
  }
  if (e.tablePosition !== null) {
    const where =
      e.lbPolicy === 'MAGLEV'
        ? `Maglev slot ${e.tablePosition} (hash % table size)`
        : `ring point ${e.tablePosition} (first point ≥ hash)`;
    steps.push({ step: 'table', detail: where });
  }
  steps.push({ step: 'host', detail: e.host ?? 'no host: 503 "no healthy upstream"' });
  return steps;
}
