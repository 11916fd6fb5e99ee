/**
 * Loads Envoy configuration text — a bare Cluster, a bare ClusterLoadAssignment, an xDS
 * DiscoveryResponse of either, a bootstrap (static clusters, file-based CDS/EDS it references,
 * `node.locality`, `cluster_manager.local_cluster_name`, static runtime layers) or an admin
 * `/config_dump`, or the observed state of admin `/clusters` — into cluster models, or into the issues that stop it. Never throws on user
 * input: every problem is an issue with the field path, Envoy's reason and line and column.
 */
import type { ClusterModel, LocalityLbEndpointsInit } from '../model/cluster.js';
import { createCluster } from '../model/cluster.js';
import type { RuntimeValues } from '../model/lb-config.js';
import type { Locality } from '../model/locality.js';
import type { ConfigIssue } from './issues.js';
import { IssueList } from './issues.js';
import type { ReadContext, UnknownFieldMode } from './proto-reader.js';
import { MessageReader, describe } from './proto-reader.js';
import type { ObservedCluster } from './read-admin-clusters.js';
import {
  isAdminClustersText,
  readAdminClustersJson,
  readAdminClustersText,
} from './read-admin-clusters.js';
import type { ClusterRead } from './read-cluster.js';
import { readCluster, readConfigSourcePath } from './read-cluster.js';
import type { ReadAssignment } from './read-endpoints.js';
import { readAssignment, readLocality } from './read-endpoints.js';
import { readLayeredRuntime } from './runtime-layer.js';
import type { SourceLimits } from './source.js';
import { DEFAULT_SOURCE_LIMITS, parseSource } from './source.js';

/** One input document. */
export interface ConfigInput {
  readonly text: string;
  /** Named in issues, and the base that relative paths in it resolve against. */
  readonly file?: string;
}

/**
 * Reads a file a config references (CDS/EDS `path`); `from` is the referencing file. Returns
 * the text, or undefined when it cannot be read. The command line reads the file system; a
 * browser or a test can map names to strings.
 */
export type ConfigFileReader = (path: string, from: string | undefined) => ConfigInput | undefined;

export interface LoadOptions {
  /** DNS answers for STRICT_DNS / LOGICAL_DNS hostnames. */
  readonly resolve?: Readonly<Record<string, readonly string[]>>;
  /**
   * Unknown fields: Envoy rejects them in static config (bare Cluster, bootstrap) and counts
   * them in dynamic config (DiscoveryResponse, config dumps). Default: that behaviour.
   */
  readonly unknownFields?: UnknownFieldMode;
  /** Convert removed v2 fields (a cluster's `hosts:`) with a warning instead of rejecting them. */
  readonly v2?: boolean;
  /** Most hosts a load may create; default 100 000. */
  readonly maxHosts?: number;
  readonly limits?: SourceLimits;
  /** Reads files that a bootstrap or cluster references; without it such references are reported. */
  readonly readFile?: ConfigFileReader;
}

export interface LoadResult {
  /** True when no issue is an error. */
  readonly ok: boolean;
  readonly clusters: readonly ClusterModel[];
  readonly issues: readonly ConfigIssue[];
  /** This Envoy's locality (bootstrap `node.locality`), for zone-aware routing. */
  readonly localLocality: Locality | undefined;
  /** `cluster_manager.local_cluster_name`: the cluster of this Envoy fleet. */
  readonly localClusterName: string | undefined;
  /** Runtime values from static runtime layers. */
  readonly runtime: RuntimeValues;
}

/** The shapes recognised in a document. */
export type DocumentShape =
  | 'cluster'
  | 'cluster_load_assignment'
  | 'discovery_response'
  | 'bootstrap'
  | 'config_dump'
  | 'admin_clusters';

const CLUSTER_TYPE = 'type.googleapis.com/envoy.config.cluster.v3.Cluster';
const CLA_TYPE = 'type.googleapis.com/envoy.config.endpoint.v3.ClusterLoadAssignment';
const DUMP = 'type.googleapis.com/envoy.admin.v3.';

const STATIC_ENTRY = ['last_updated'];
const DYNAMIC_ENTRY = ['version_info', 'last_updated', 'error_state', 'client_status'];

interface DumpSection {
  readonly name: string;
  readonly entry: string;
  /** Entry fields with no bearing on load balancing. */
  readonly other: readonly string[];
}

/** The `/config_dump` messages that hold clusters and endpoints, as `Any` in `field` of each entry. */
const DUMP_SECTIONS: Readonly<
  Record<string, { other: readonly string[]; sections: readonly DumpSection[]; field: string }>
> = {
  ClustersConfigDump: {
    other: ['version_info'],
    field: 'cluster',
    sections: [
      { name: 'static_clusters', entry: 'ClustersConfigDump.StaticCluster', other: STATIC_ENTRY },
      ...['dynamic_active_clusters', 'dynamic_warming_clusters'].map((name) => ({
        name,
        entry: 'ClustersConfigDump.DynamicCluster',
        other: DYNAMIC_ENTRY,
      })),
    ],
  },
  EndpointsConfigDump: {
    other: [],
    field: 'endpoint_config',
    sections: [
      {
        name: 'static_endpoint_configs',
        entry: 'EndpointsConfigDump.StaticEndpointConfig',
        other: STATIC_ENTRY,
      },
      {
        name: 'dynamic_endpoint_configs',
        entry: 'EndpointsConfigDump.DynamicEndpointConfig',
        other: DYNAMIC_ENTRY,
      },
    ],
  },
};

/** Which shape a parsed document has (the detection order of spec/FORMATS.md). */
export function detectShape(root: Record<string, unknown>): DocumentShape | undefined {
  const has = (...keys: string[]): boolean => keys.some((k) => k in root);
  if (has('configs')) return 'config_dump';
  if (has('cluster_statuses', 'clusterStatuses')) return 'admin_clusters';
  if (has('resources')) return 'discovery_response';
  if (has('static_resources', 'staticResources', 'dynamic_resources', 'dynamicResources'))
    return 'bootstrap';
  if (has('cluster_name', 'clusterName')) return 'cluster_load_assignment';
  if (has('name')) return 'cluster';
  return undefined;
}

/** What all documents of one load contribute. */
class LoadState {
  readonly clusters: ClusterRead[] = [];
  readonly assignments: (ReadAssignment & { readonly file?: string })[] = [];
  /** The resolved file each EDS cluster's `eds_config` path was read from. */
  readonly edsFileOf = new Map<ClusterRead, string>();
  /** EDS clusters whose file held no assignment of theirs (already reported). */
  readonly edsMismatch = new Set<ClusterRead>();
  /** Resolved file names by the path they were referenced as. */
  readonly fileOfPath = new Map<string, string>();
  readonly observed: ObservedCluster[] = [];
  readonly issues: ConfigIssue[] = [];
  localLocality: Locality | undefined;
  localClusterName: string | undefined;
  runtime: Record<string, number | boolean> = {};
}

/** Loads one or more documents; EDS clusters take the assignment named after their service. */
export function loadConfig(
  inputs: ConfigInput | readonly ConfigInput[],
  options: LoadOptions = {},
): LoadResult {
  const state = new LoadState();
  for (const input of Array.isArray(inputs) ? inputs : [inputs as ConfigInput]) {
    readInput(input, options, state);
  }
  for (const c of [...state.clusters]) {
    if (c.discovery !== 'EDS' || c.edsPath === undefined) continue;
    // Assignments given directly take precedence; otherwise the cluster reads its own EDS file.
    if (
      state.assignments.some(
        (a) => a.clusterName === c.edsServiceName && !isReferenced(state, a.file),
      )
    ) {
      continue;
    }
    const at = fieldOf(c, 'eds_cluster_config.eds_config');
    const file = readReference(c.edsPath, c.file, at, options, state);
    if (file === undefined) continue;
    state.edsFileOf.set(c, file);
    const inFile = state.assignments.filter((a) => a.file === file);
    if (!inFile.some((a) => a.clusterName === c.edsServiceName)) {
      state.edsMismatch.add(c);
      state.issues.push(
        clusterIssue(
          c,
          'error',
          'EDS_CLUSTER_MISMATCH',
          'eds_cluster_config.eds_config',
          `Unexpected EDS cluster (expecting ${c.edsServiceName}): ${inFile.map((a) => a.clusterName ?? '').join(', ') || '(no assignment)'}`,
        ),
      );
    }
  }
  return buildModels(state, options);
}

/** Whether a file was read because some EDS config named it. */
function isReferenced(state: LoadState, file: string | undefined): boolean {
  return file !== undefined && [...state.edsFileOf.values()].includes(file);
}

/** The assignment of a cluster: from its own EDS file, else any given under its service name. */
function assignmentOf(state: LoadState, c: ClusterRead): ReadAssignment | undefined {
  if (c.discovery !== 'EDS') return c.assignment;
  const file = state.edsFileOf.get(c);
  return state.assignments.find(
    (a) => a.clusterName === c.edsServiceName && (file === undefined || a.file === file),
  );
}

function buildModels(state: LoadState, options: LoadOptions): LoadResult {
  const all = state.issues;
  const models: ClusterModel[] = [];
  let hostCount = 0;
  const add = (name: string, own: ReadAssignment | undefined, lb?: ClusterRead['lb']): void => {
    const endpoints = own?.endpoints ?? [];
    hostCount += endpoints.reduce((s, g) => s + g.hosts.length, 0);
    models.push(
      createCluster({
        name,
        endpoints,
        ...(own?.overprovisioningFactor === undefined
          ? {}
          : { overprovisioningFactor: own.overprovisioningFactor }),
        ...(own?.weightedPriorityHealth === undefined
          ? {}
          : { weightedPriorityHealth: own.weightedPriorityHealth }),
        ...(lb ? { commonLbConfig: lb.common, lbPolicy: lb.policy } : {}),
      }),
    );
  };
  for (const c of state.clusters) {
    const own = assignmentOf(state, c);
    const observed = state.observed.find((o) => o.name === c.name);
    if (observed) {
      add(c.name, observedAssignment(observed, own), c.lb);
      continue;
    }
    if (c.discovery === 'EDS' && !own && !state.edsMismatch.has(c)) {
      all.push(
        clusterIssue(
          c,
          'warning',
          'EDS_ASSIGNMENT_MISSING',
          'eds_cluster_config',
          `no ClusterLoadAssignment named '${c.edsServiceName}' was given: the cluster has no endpoints`,
        ),
      );
    }
    checkWeightSums(c, own, all);
    checkEndpointShape(c, own, state.localClusterName === c.name, all);
    add(c.name, own, c.lb);
  }
  const claimed = new Set(state.clusters.map((c) => c.edsServiceName));
  for (const a of state.assignments) {
    // A bare assignment previews as the cluster of that name with Envoy's default LB settings.
    if (
      a.clusterName !== undefined &&
      !claimed.has(a.clusterName) &&
      !isReferenced(state, a.file)
    ) {
      add(a.clusterName, a);
    }
  }
  const configured = new Set(state.clusters.map((c) => c.name));
  for (const o of state.observed) {
    if (configured.has(o.name)) continue;
    all.push({
      severity: 'warning',
      code: 'LB_POLICY_UNKNOWN',
      path: o.path,
      message: `/clusters does not show the LB policy of '${o.name}': previewing it with Envoy's defaults (ROUND_ROBIN); load its Cluster config too to use the real one`,
    });
    add(o.name, observedAssignment(o, undefined));
  }
  const maxHosts = options.maxHosts ?? 100_000;
  if (hostCount > maxHosts) {
    all.push({
      severity: 'error',
      code: 'TOO_MANY_HOSTS',
      path: '',
      message: `${hostCount} hosts exceed the limit of ${maxHosts} (LoadOptions.maxHosts)`,
    });
  }
  if (
    state.localClusterName !== undefined &&
    !models.some((m) => m.name === state.localClusterName)
  ) {
    all.push({
      severity: 'error',
      code: 'LOCAL_CLUSTER_MISSING',
      path: 'cluster_manager.local_cluster_name',
      message: `local cluster '${state.localClusterName}' must be defined (as a static cluster of the bootstrap)`,
    });
  }
  const ok = !all.some((i) => i.severity === 'error');
  return {
    ok,
    clusters: ok ? models : [],
    issues: all,
    localLocality: state.localLocality,
    localClusterName: state.localClusterName,
    runtime: state.runtime,
  };
}

const UINT32_MAX = 4294967295;

/** The path of a field of a loaded cluster. */
function fieldOf(c: ClusterRead, field: string): string {
  return c.path === '' ? field : `${c.path}.${field}`;
}

/** An issue about one field of a loaded cluster, in the cluster's own file. */
function clusterIssue(
  c: ClusterRead,
  severity: ConfigIssue['severity'],
  code: string,
  field: string,
  message: string,
): ConfigIssue {
  return {
    severity,
    code,
    path: fieldOf(c, field),
    message,
    ...(c.file === undefined ? {} : { file: c.file }),
  };
}

/**
 * Σ host weights and Σ locality weights per priority must fit in uint32. Envoy rejects larger
 * sums for ring hash and Maglev; the proto comments require the bound for every policy, so the
 * library rejects them for all (stricter than Envoy for the other policies).
 */
function checkWeightSums(
  c: ClusterRead,
  own: ReadAssignment | undefined,
  all: ConfigIssue[],
): void {
  const hostSums = new Map<number, number>();
  const localitySums = new Map<number, number>();
  for (const g of own?.endpoints ?? []) {
    const p = g.priority ?? 0;
    hostSums.set(p, (hostSums.get(p) ?? 0) + g.hosts.reduce((s, h) => s + (h.weight ?? 1), 0));
    localitySums.set(p, (localitySums.get(p) ?? 0) + (g.loadBalancingWeight ?? 0));
  }
  const report = (sums: Map<number, number>, text: string): void => {
    for (const [priority, sum] of sums) {
      if (sum <= UINT32_MAX) continue;
      all.push(
        clusterIssue(
          c,
          'error',
          'WEIGHT_SUM_OVERFLOW',
          'load_assignment',
          `${text} exceeds ${UINT32_MAX} (priority ${priority}, sum ${sum})`,
        ),
      );
    }
  };
  report(hostSums, 'The sum of weights of all upstream hosts in a locality');
  report(localitySums, 'The sum of weights of all localities at the same priority');
}

/**
 * What Envoy accepts but is surely a mistake in an assignment — a gap in priority numbers, the
 * same address twice, one locality listed twice at a priority, locality weighting without any
 * locality weight — and the local cluster's rule that all its endpoints are at priority 0.
 */
function checkEndpointShape(
  c: ClusterRead,
  own: ReadAssignment | undefined,
  isLocal: boolean,
  all: ConfigIssue[],
): void {
  const groups = own?.endpoints ?? [];
  const warn = (code: string, message: string): void => {
    all.push(clusterIssue(c, 'warning', code, 'load_assignment.endpoints', message));
  };
  const priorities = new Set(groups.map((g) => g.priority ?? 0));
  const max = Math.max(-1, ...priorities);
  const missing = Array.from({ length: max + 1 }, (_, p) => p).filter((p) => !priorities.has(p));
  if (missing.length > 0) {
    const list =
      missing.length > 5
        ? `${missing.slice(0, 5).join(', ')}, … (${missing.length} in all)`
        : missing.join(', ');
    warn(
      'PRIORITY_GAP',
      `no endpoints at priority ${list}: Envoy keeps them as empty priorities, which take no traffic`,
    );
  }
  if (isLocal && max > 0) {
    all.push(
      clusterIssue(
        c,
        'error',
        'LOCAL_CLUSTER_PRIORITY',
        'load_assignment.endpoints',
        `Unexpected non-zero priority for local cluster '${c.name}'.`,
      ),
    );
  }
  const seen = new Set<string>();
  for (const g of groups) {
    for (const h of g.hosts) {
      if (seen.has(h.address))
        warn(
          'DUPLICATE_ENDPOINT',
          `${h.address} is listed more than once: Envoy keeps every copy in a static assignment and only the first in EDS`,
        );
      seen.add(h.address);
    }
  }
  const localities = new Set<string>();
  for (const g of groups) {
    const key = `${g.priority ?? 0}/${g.locality?.region ?? ''}/${g.locality?.zone ?? ''}/${g.locality?.subZone ?? ''}`;
    if (localities.has(key))
      warn(
        'DUPLICATE_LOCALITY',
        `locality ${key.slice(key.indexOf('/') + 1)} is listed twice at priority ${g.priority ?? 0}: Envoy merges its hosts and keeps the last locality weight`,
      );
    localities.add(key);
  }
  if (
    c.lb.common.localityWeightedLb &&
    groups.length > 0 &&
    groups.every((g) => g.loadBalancingWeight === undefined)
  ) {
    warn(
      'NO_LOCALITY_WEIGHTS',
      'locality_weighted_lb_config is set but no locality has a load_balancing_weight: every locality weighs 0, so Envoy falls back to all healthy hosts (ring hash and Maglev get empty tables)',
    );
  }
}

/**
 * The observed hosts as an assignment: membership, health and weights as Envoy reported them;
 * locality weights and the assignment policy from the config, where it has the same locality.
 */
function observedAssignment(
  observed: ObservedCluster,
  config: ReadAssignment | undefined,
): ReadAssignment {
  const same = (a: LocalityLbEndpointsInit, b: LocalityLbEndpointsInit): boolean =>
    (a.priority ?? 0) === (b.priority ?? 0) &&
    (a.locality?.region ?? '') === (b.locality?.region ?? '') &&
    (a.locality?.zone ?? '') === (b.locality?.zone ?? '') &&
    (a.locality?.subZone ?? '') === (b.locality?.subZone ?? '');
  return {
    clusterName: observed.name,
    endpoints: observed.endpoints.map((g) => {
      const weight = config?.endpoints.find((c) => same(c, g))?.loadBalancingWeight;
      return weight === undefined ? g : { ...g, loadBalancingWeight: weight };
    }),
    overprovisioningFactor: config?.overprovisioningFactor,
    weightedPriorityHealth: config?.weightedPriorityHealth,
  };
}

/** Reads a file a config references, once; returns the name it was read under, or undefined. */
function readReference(
  path: string,
  from: string | undefined,
  at: string,
  options: LoadOptions,
  state: LoadState,
): string | undefined {
  const known = state.fileOfPath.get(path);
  if (known !== undefined) return known;
  const input = options.readFile?.(path, from);
  if (!input) {
    state.issues.push({
      severity: 'error',
      code: 'REFERENCED_FILE_UNREADABLE',
      path: at,
      message: options.readFile
        ? `cannot read '${path}'`
        : `'${path}' is referenced but no file reader was given (LoadOptions.readFile)`,
      ...(from === undefined ? {} : { file: from }),
    });
    return undefined;
  }
  const file = input.file ?? path;
  state.fileOfPath.set(path, file);
  readInput({ text: input.text, file }, options, state);
  return file;
}

function readInput(input: ConfigInput, options: LoadOptions, state: LoadState): void {
  const issues = new IssueList(input.file);
  readDocument(input, options, issues, state);
  state.issues.push(...issues.items);
}

function readDocument(
  input: ConfigInput,
  options: LoadOptions,
  issues: IssueList,
  state: LoadState,
): void {
  if (isAdminClustersText(input.text)) {
    state.observed.push(...readAdminClustersText(input.text, issues));
    return;
  }
  const parsed = parseSource(input.text, issues, options.limits ?? DEFAULT_SOURCE_LIMITS);
  if (issues.hasErrors) return;
  const root = parsed.value;
  if (root === null || typeof root !== 'object') {
    issues.error(
      'ROOT_NOT_MESSAGE',
      '',
      `Unable to convert YAML as JSON: the document is ${describe(root)}, not a message`,
      parsed.rootPosition,
    );
    return;
  }
  if (Array.isArray(root)) {
    issues.error(
      'ROOT_NOT_MESSAGE',
      '',
      'Root element must be a message (the document is a list)',
      parsed.rootPosition,
    );
    return;
  }
  const obj = root as Record<string, unknown>;
  const ctx = (dynamic: boolean): ReadContext => ({
    issues,
    positions: parsed.positions,
    keyPositions: parsed.keyPositions,
    unknownFields: options.unknownFields ?? (dynamic ? 'warn' : 'error'),
  });
  const reader = new DocumentReader(options, state, input.file);
  switch (detectShape(obj)) {
    case 'cluster':
      reader.cluster(new MessageReader(ctx(false), obj, '', 'envoy.config.cluster.v3.Cluster'));
      return;
    case 'cluster_load_assignment': {
      const r = new MessageReader(
        ctx(true),
        obj,
        '',
        'envoy.config.endpoint.v3.ClusterLoadAssignment',
      );
      reader.assignment(r);
      return;
    }
    case 'discovery_response':
      reader.discoveryResponse(
        new MessageReader(ctx(true), obj, '', 'envoy.service.discovery.v3.DiscoveryResponse'),
      );
      return;
    case 'bootstrap':
      reader.bootstrap(
        new MessageReader(ctx(false), obj, '', 'envoy.config.bootstrap.v3.Bootstrap'),
      );
      return;
    case 'config_dump':
      reader.configDump(new MessageReader(ctx(true), obj, '', 'envoy.admin.v3.ConfigDump'));
      return;
    case 'admin_clusters':
      state.observed.push(
        // Admin output is Envoy's own and carries stats and more: only the fields read matter.
        ...readAdminClustersJson(
          new MessageReader(
            { ...ctx(true), unknownFields: 'ignore' },
            obj,
            '',
            'envoy.admin.v3.Clusters',
          ),
        ),
      );
      return;
    default:
      issues.error(
        'UNKNOWN_SHAPE',
        '',
        'not a Cluster, ClusterLoadAssignment, DiscoveryResponse, bootstrap or config dump: no name, cluster_name, resources, static_resources or configs at the top',
        parsed.rootPosition,
      );
  }
}

/** Reads the messages of one document into the load state. */
class DocumentReader {
  readonly #options: LoadOptions;
  readonly #state: LoadState;
  readonly #file: string | undefined;

  constructor(options: LoadOptions, state: LoadState, file: string | undefined) {
    this.#options = options;
    this.#state = state;
    this.#file = file;
  }

  cluster(r: MessageReader): void {
    const read = readCluster(r, {
      resolve: this.#options.resolve ?? {},
      v2: this.#options.v2 ?? false,
    });
    this.#state.clusters.push(this.#file === undefined ? read : { ...read, file: this.#file });
  }

  assignment(r: MessageReader): void {
    const read = readAssignment(r, { mode: 'ip', resolve: this.#options.resolve ?? {} });
    this.#state.assignments.push(this.#file === undefined ? read : { ...read, file: this.#file });
    r.finish();
  }

  /** `resources[]` of Clusters and ClusterLoadAssignments (each an `Any` with `@type`). */
  discoveryResponse(r: MessageReader): void {
    for (const resource of r.messages('resources', 'google.protobuf.Any')) this.#any(resource);
    r.ignore(['version_info', 'type_url', 'nonce', 'canary', 'control_plane', 'resource_errors']);
    r.finish();
  }

  #any(resource: MessageReader): void {
    const type = resource.raw('@type');
    if (type === CLUSTER_TYPE) this.cluster(resource);
    else if (type === CLA_TYPE) this.assignment(resource);
    else
      resource.warning(
        '@type',
        'unsupported_field',
        `resources of type ${String(type)} are not modelled`,
      );
  }

  /**
   * A bootstrap. A dumped one (`dumped`) contributes its node, local cluster and runtime only:
   * its static clusters appear again in ClustersConfigDump.static_clusters, and the CDS file it
   * names is not on this machine.
   */
  bootstrap(r: MessageReader, dumped = false): void {
    const node = r.message('node', 'envoy.config.core.v3.Node');
    const locality = node?.message('locality', 'envoy.config.core.v3.Locality');
    if (locality) this.#state.localLocality = Object.freeze(readLocality(locality));
    node?.ignore([
      'id',
      'cluster',
      'metadata',
      'dynamic_parameters',
      'user_agent_name',
      'user_agent_version',
      'user_agent_build_version',
      'extensions',
      'client_features',
      'listening_addresses',
    ]);
    node?.finish();
    const manager = r.message('cluster_manager', 'envoy.config.bootstrap.v3.ClusterManager');
    const local = manager?.string('local_cluster_name');
    if (local) this.#state.localClusterName = local;
    manager?.unsupported(['outlier_detection'], 'outlier detection is not modelled yet');
    manager?.ignore([
      'upstream_bind_config',
      'load_stats_config',
      'enable_deferred_cluster_creation',
    ]);
    manager?.finish();
    const runtime = r.message('layered_runtime', 'envoy.config.bootstrap.v3.LayeredRuntime');
    if (runtime) Object.assign(this.#state.runtime, readLayeredRuntime(runtime));
    const statics = r.message(
      'static_resources',
      'envoy.config.bootstrap.v3.Bootstrap.StaticResources',
    );
    if (dumped) statics?.ignore(['clusters']);
    const clusters = dumped
      ? []
      : (statics?.messages('clusters', 'envoy.config.cluster.v3.Cluster') ?? []);
    const names = new Set<string>();
    for (const c of clusters) {
      const name = c.raw('name');
      if (typeof name === 'string' && names.has(name)) {
        c.error('name', 'DUPLICATE_CLUSTER', `cluster manager: duplicate cluster '${name}'`);
      }
      names.add(String(name));
      this.cluster(c);
    }
    statics?.ignore(['listeners', 'secrets']);
    statics?.finish();
    const dynamic = r.message(
      'dynamic_resources',
      'envoy.config.bootstrap.v3.Bootstrap.DynamicResources',
    );
    const cdsPath = dynamic ? readConfigSourcePath(dynamic, 'cds_config') : undefined;
    dynamic?.ignore(['lds_config', 'lds_resources_locator', 'cds_resources_locator', 'ads_config']);
    dynamic?.finish();
    if (cdsPath !== undefined && !dumped) {
      readReference(
        cdsPath,
        this.#file,
        'dynamic_resources.cds_config',
        this.#options,
        this.#state,
      );
    }
    r.ignore([
      'admin',
      'stats_sinks',
      'stats_config',
      'stats_flush_interval',
      'tracing',
      'overload_manager',
      'watchdog',
      'watchdogs',
      'flags_path',
      'hds_config',
      'enable_dispatcher_stats',
      'header_prefix',
      'stats_server_version_override',
      'use_tcp_for_dns_lookups',
      'dns_resolution_config',
      'typed_dns_resolver_config',
      'bootstrap_extensions',
      'fatal_actions',
      'config_sources',
      'default_config_source',
      'default_socket_interface',
      'certificate_provider_instances',
      'inline_headers',
      'perf_tracing_file_path',
      'default_regex_engine',
      'xds_delegate_extension',
      'xds_config_tracker_extension',
      'listener_manager',
      'application_log_config',
      'grpc_async_client_manager_config',
      'memory_allocator_manager',
      'stats_flush_on_admin',
      'node_context_params',
      'deferred_stat_options',
    ]);
    r.finish();
  }

  /** `/config_dump`: clusters and endpoints of every section, and the bootstrap's node and runtime. */
  configDump(r: MessageReader): void {
    for (const config of r.messages('configs', 'google.protobuf.Any')) {
      const type = String(config.raw('@type') ?? '');
      const name = type.startsWith(DUMP) ? type.slice(DUMP.length) : '';
      const dump = Object.hasOwn(DUMP_SECTIONS, name) ? DUMP_SECTIONS[name] : undefined;
      if (dump) {
        config.ignore(dump.other);
        for (const section of dump.sections) {
          for (const entry of config.messages(section.name, `envoy.admin.v3.${section.entry}`)) {
            const resource = entry.message(dump.field, 'google.protobuf.Any');
            if (resource) this.#any(resource);
            entry.ignore(section.other);
            entry.finish();
          }
        }
        config.finish();
      } else if (type === `${DUMP}BootstrapConfigDump`) {
        const bootstrap = config.message('bootstrap', 'envoy.config.bootstrap.v3.Bootstrap');
        if (bootstrap) this.bootstrap(bootstrap, true);
        config.ignore(['last_updated']);
        config.finish();
      }
      // Listener, route, secret and other dumps carry nothing about upstream load balancing.
    }
    r.finish();
  }
}
