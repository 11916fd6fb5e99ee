/**
 * Areas `round_robin`, `least_request`, `random`, `zone_aware`: a load balancer built over an
 * explicit host state (lists as Envoy's tests set them), driven by ops, with the values Envoy's
 * mocked `random()` returned replayed by a scripted Rng. Every scripted value must be consumed by
 * its op — a policy that draws fewer or more randoms than Envoy fails.
 */
import {
  RUNTIME_BIAS_FORCES_WEIGHTED,
  ScriptedRng,
  commonLbConfig,
  createHost,
  createLoadBalancer,
  hostSetFromLists,
  leastRequestConfig,
  locality,
  randomConfig,
  roundRobinConfig,
  slowStartConfig,
} from '../../index.js';
import type {
  Host,
  HealthStatus,
  LbPolicyConfig,
  LeastRequestLoadBalancer,
  LoadBalancer,
  PrioritySet,
  RuntimeValues,
} from '../../index.js';
import type { Vector } from './vector.js';
import { Mismatch, Unsupported, expectEqual } from './vector.js';

type Lists = readonly (readonly string[])[];

interface PriorityState {
  hosts: string[];
  healthy?: string[];
  degraded?: string[];
  excluded?: string[];
  hosts_per_locality?: Lists;
  healthy_per_locality?: Lists;
  degraded_per_locality?: Lists;
  excluded_per_locality?: Lists;
  has_local_locality?: boolean;
  locality_weights?: number[];
}

interface LocalState {
  hosts: string[];
  healthy?: string[];
  hosts_per_locality?: Lists;
  healthy_per_locality?: Lists;
  has_local_locality?: boolean;
}

interface ScenarioState {
  priorities: PriorityState[];
  local?: LocalState;
  locality?: Record<string, string>;
  weights?: Record<string, number>;
  active?: Record<string, number>;
  locality_choice?: number[];
}

interface ScenarioConfig {
  panic_threshold?: number;
  fail_traffic_on_panic?: boolean;
  locality_weighted?: boolean;
  zone_aware?: {
    min_cluster_size?: number;
    routing_enabled_pct?: number;
    use_host_weight?: boolean;
    force_local_zone_min_size?: number;
  };
  choice_count?: number;
  selection_method?: 'N_CHOICES' | 'FULL_SCAN';
  active_request_bias?: number;
  slow_start?: { window_ms: number; aggression?: number; min_weight_percent?: number };
  runtime?: RuntimeValues;
}

const KNOWN_CONFIG = new Set([
  'panic_threshold',
  'fail_traffic_on_panic',
  'locality_weighted',
  'zone_aware',
  'choice_count',
  'selection_method',
  'active_request_bias',
  'slow_start',
  'runtime',
]);

/** Envoy's test hosts are `tcp://127.0.0.1:<port>`; labels `h80` name them by port. */
function addressOf(label: string): string {
  const port = /^h(\d+)$/.exec(label);
  return port ? `127.0.0.1:${port[1]}` : label;
}

export function runLbScenarioVector(vector: Vector): void {
  const inputs = vector.inputs as {
    lb: string;
    config?: ScenarioConfig;
    initial_state: ScenarioState;
    random_default?: number | string;
  };
  const config = inputs.config ?? {};
  for (const key of Object.keys(config))
    if (!KNOWN_CONFIG.has(key)) throw new Unsupported(`config field "${key}"`);
  const rng = new ScriptedRng(inputs.random_default ?? 0);
  let state = inputs.initial_state;
  let labels: string[] = [];
  const build = (s: ScenarioState): PrioritySet => {
    const built = buildPrioritySet(s);
    labels = built.labels;
    return built.prioritySet;
  };
  const policy = policyConfig(inputs.lb, config);
  const lb: LoadBalancer = createLoadBalancer(build(state), commonConfig(config), policy, {
    rng,
    runtime: runtimeFor(vector, config),
    localPrioritySet: state.local ? buildLocal(state) : null,
  });
  if (state.active) setActive(lb, labels, state.active);

  (vector.ops ?? []).forEach((op, k) => {
    const where = `op ${k} (${String(op.op)})`;
    switch (op.op) {
      case 'pick':
      case 'peek': {
        rng.script((op.random as (number | string)[] | undefined) ?? []);
        const host = op.op === 'pick' ? lb.chooseHost() : lb.peekAnotherHost();
        const got = host < 0 ? null : labels[host];
        if ('expect' in op) expectEqual(where, got, op.expect);
        if (rng.pending > 0)
          throw new Mismatch(`${where}: ${rng.pending} scripted random() values were not drawn`);
        break;
      }
      case 'update': {
        const next = op.state as ScenarioState;
        state = { ...state, ...next };
        if (next.local) lb.updateLocalPrioritySet(buildLocal(state));
        lb.update(build(state));
        break;
      }
      case 'set_active':
        setActive(lb, labels, op.active as Record<string, number>);
        break;
      default:
        throw new Unsupported(`scenario op "${String(op.op)}"`);
    }
  });
}

function policyConfig(lb: string, config: ScenarioConfig): LbPolicyConfig {
  const slowStart = config.slow_start
    ? slowStartConfig({
        windowMs: config.slow_start.window_ms,
        aggression: config.slow_start.aggression ?? 1,
        minWeightPercent: config.slow_start.min_weight_percent ?? 10,
      })
    : null;
  switch (lb) {
    case 'round_robin':
      return roundRobinConfig({ slowStart });
    case 'least_request':
      return leastRequestConfig({
        choiceCount: config.choice_count ?? 2,
        selectionMethod: config.selection_method ?? 'N_CHOICES',
        slowStart,
        ...(config.active_request_bias === undefined
          ? {}
          : { activeRequestBias: config.active_request_bias }),
      });
    case 'random':
      return randomConfig();
    default:
      throw new Unsupported(`load balancer "${lb}"`);
  }
}

function commonConfig(config: ScenarioConfig): ReturnType<typeof commonLbConfig> {
  const za = config.zone_aware ?? {};
  return commonLbConfig({
    healthyPanicThreshold: config.panic_threshold ?? 50,
    localityWeightedLb: config.locality_weighted ?? false,
    zoneAware: {
      failTrafficOnPanic: config.fail_traffic_on_panic ?? false,
      ...(za.min_cluster_size === undefined ? {} : { minClusterSize: za.min_cluster_size }),
      ...(za.routing_enabled_pct === undefined ? {} : { routingEnabled: za.routing_enabled_pct }),
      ...(za.force_local_zone_min_size === undefined
        ? {}
        : { forceLocalZoneMinSize: za.force_local_zone_min_size }),
      localityBasis: za.use_host_weight ? 'HEALTHY_HOSTS_WEIGHT' : 'HEALTHY_HOSTS_NUM',
    },
  });
}

/**
 * Runtime values: `config.runtime` when the vector has it. Envoy tests named
 * `…RuntimeGuardDisabled` run with the guard they exercise turned off; the only such guard in
 * these areas is the least-request bias guard.
 */
function runtimeFor(vector: Vector, config: ScenarioConfig): RuntimeValues {
  const runtime: Record<string, number | boolean> = { ...(config.runtime ?? {}) };
  if (/RuntimeGuardDisabled$/.test(vector.source?.test ?? '') && vector.area === 'least_request') {
    runtime[RUNTIME_BIAS_FORCES_WEIGHTED] ??= false;
  }
  return runtime;
}

function setActive(lb: LoadBalancer, labels: string[], active: Record<string, number>): void {
  if (!('setActiveRequests' in lb))
    throw new Unsupported('active requests on a policy that ignores them');
  for (const [label, count] of Object.entries(active)) {
    labels.forEach((l, i) => {
      if (l === label) (lb as LeastRequestLoadBalancer).setActiveRequests(i, count);
    });
  }
}

function makeHost(label: string, s: ScenarioState, priority: number, health: HealthStatus): Host {
  const zone = s.locality?.[label];
  return createHost({
    address: addressOf(label),
    weight: s.weights?.[label] ?? 1,
    priority,
    healthStatus: health,
    ...(zone === undefined ? {} : { locality: locality({ zone }) }),
  });
}

function buildPrioritySet(s: ScenarioState): { prioritySet: PrioritySet; labels: string[] } {
  const hosts: Host[] = [];
  const labels: string[] = [];
  const hostSets = s.priorities.map((p, priority) => {
    const index = new Map<string, number>();
    const healthy = new Set(p.healthy ?? []);
    const degraded = new Set(p.degraded ?? []);
    for (const label of p.hosts) {
      index.set(label, hosts.length);
      labels.push(label);
      const health = healthy.has(label)
        ? 'HEALTHY'
        : degraded.has(label)
          ? 'DEGRADED'
          : 'UNHEALTHY';
      hosts.push(makeHost(label, s, priority, health));
    }
    const ids = (list: readonly string[] | undefined): number[] =>
      (list ?? []).map((label) => {
        const i = index.get(label);
        if (i === undefined)
          throw new Unsupported(`host ${label} listed but not among priority ${priority}'s hosts`);
        return i;
      });
    const per = (lists: Lists | undefined): number[][] | undefined => lists?.map((l) => ids(l));
    const localities = p.healthy_per_locality?.length ?? p.hosts_per_locality?.length ?? 0;
    const localityWeights =
      p.locality_weights ?? (s.locality_choice ? new Array<number>(localities).fill(1) : undefined);
    return hostSetFromLists(priority, {
      hosts: ids(p.hosts),
      healthy: ids(p.healthy),
      degraded: ids(p.degraded),
      excluded: ids(p.excluded),
      ...(p.hosts_per_locality ? { hostsPerLocality: per(p.hosts_per_locality) } : {}),
      ...(p.healthy_per_locality ? { healthyPerLocality: per(p.healthy_per_locality) } : {}),
      ...(p.degraded_per_locality ? { degradedPerLocality: per(p.degraded_per_locality) } : {}),
      ...(p.excluded_per_locality ? { excludedPerLocality: per(p.excluded_per_locality) } : {}),
      hasLocalLocality: p.has_local_locality ?? false,
      localityWeights: localityWeights ?? null,
    });
  });
  return { prioritySet: { hosts, hostSets }, labels };
}

/** The local cluster as Envoy's tests set it: healthy lists default to the host lists. */
function buildLocal(s: ScenarioState): PrioritySet {
  const local = s.local as LocalState;
  const hosts: Host[] = [];
  const index = new Map<string, number>();
  const id = (label: string): number => {
    let i = index.get(label);
    if (i === undefined) {
      i = hosts.length;
      index.set(label, i);
      hosts.push(makeHost(label, s, 0, 'HEALTHY'));
    }
    return i;
  };
  const perLocality = (local.hosts_per_locality ?? []).map((l) => l.map(id));
  const healthyPerLocality = (local.healthy_per_locality ?? local.hosts_per_locality ?? []).map(
    (l) => l.map(id),
  );
  const all = local.hosts.map(id);
  return {
    hosts,
    hostSets: [
      hostSetFromLists(0, {
        hosts: all,
        healthy: (local.healthy ?? local.hosts).map(id),
        hostsPerLocality: perLocality,
        healthyPerLocality,
        hasLocalLocality: local.has_local_locality ?? false,
      }),
    ],
  };
}
