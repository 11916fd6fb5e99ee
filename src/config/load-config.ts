/**
 * Loads Envoy configuration text — a bare Cluster, a bare ClusterLoadAssignment, an xDS
 * DiscoveryResponse of either, or a bootstrap's `static_resources` — into cluster models, or into
 * the issues that stop it. Never throws on user input: every problem is an issue with the field
 * path, Envoy's reason and the line and column.
 */
import type { ClusterModel } from '../model/cluster.js';
import { createCluster } from '../model/cluster.js';
import type { ConfigIssue } from './issues.js';
import { IssueList } from './issues.js';
import type { ReadContext, UnknownFieldMode } from './proto-reader.js';
import { MessageReader, describe } from './proto-reader.js';
import type { ClusterRead } from './read-cluster.js';
import { readCluster } from './read-cluster.js';
import type { ReadAssignment } from './read-endpoints.js';
import { readAssignment } from './read-endpoints.js';
import type { SourceLimits } from './source.js';
import { DEFAULT_SOURCE_LIMITS, parseSource } from './source.js';

/** One input document. */
export interface ConfigInput {
  readonly text: string;
  /** Named in issues. */
  readonly file?: string;
}

export interface LoadOptions {
  /** DNS answers for STRICT_DNS / LOGICAL_DNS hostnames. */
  readonly resolve?: Readonly<Record<string, readonly string[]>>;
  /**
   * Unknown fields: Envoy rejects them in static config (bare Cluster, bootstrap) and counts
   * them in dynamic config (DiscoveryResponse). Default: that behaviour.
   */
  readonly unknownFields?: UnknownFieldMode;
  /** Convert removed v2 fields (a cluster's `hosts:`) with a warning instead of rejecting them. */
  readonly v2?: boolean;
  /** Most hosts a load may create; default 100 000. */
  readonly maxHosts?: number;
  readonly limits?: SourceLimits;
}

export interface LoadResult {
  /** True when no issue is an error. */
  readonly ok: boolean;
  readonly clusters: readonly ClusterModel[];
  readonly issues: readonly ConfigIssue[];
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

/** Which shape a parsed document has (Envoy's own detection order from spec/FORMATS.md). */
export function detectShape(root: Record<string, unknown>): DocumentShape | undefined {
  if ('configs' in root) return 'config_dump';
  if ('cluster_statuses' in root || 'clusterStatuses' in root) return 'admin_clusters';
  if ('resources' in root) return 'discovery_response';
  if (
    'static_resources' in root ||
    'staticResources' in root ||
    'dynamic_resources' in root ||
    'dynamicResources' in root
  )
    return 'bootstrap';
  if ('cluster_name' in root || 'clusterName' in root) return 'cluster_load_assignment';
  if ('name' in root) return 'cluster';
  return undefined;
}

/** Loads one or more documents; EDS clusters take the assignment named after their service. */
export function loadConfig(
  inputs: ConfigInput | readonly ConfigInput[],
  options: LoadOptions = {},
): LoadResult {
  const all: ConfigIssue[] = [];
  const clusters: ClusterRead[] = [];
  const assignments: { read: ReadAssignment }[] = [];
  for (const input of Array.isArray(inputs) ? inputs : [inputs as ConfigInput]) {
    const issues = new IssueList(input.file);
    readDocument(input, options, issues, clusters, assignments);
    all.push(...issues.items);
  }
  const models: ClusterModel[] = [];
  const maxHosts = options.maxHosts ?? 100_000;
  let hostCount = 0;
  for (const c of clusters) {
    const own =
      c.discovery === 'EDS'
        ? assignments.find((a) => a.read.clusterName === c.edsServiceName)?.read
        : c.assignment;
    if (c.discovery === 'EDS' && !own) {
      all.push({
        severity: 'warning',
        code: 'EDS_ASSIGNMENT_MISSING',
        path: `${c.path}.eds_cluster_config`,
        message: `no ClusterLoadAssignment named '${c.edsServiceName}' was given: the cluster has no endpoints`,
      });
    }
    const endpoints = own?.endpoints ?? [];
    hostCount += endpoints.reduce((s, g) => s + g.hosts.length, 0);
    models.push(
      createCluster({
        name: c.name,
        endpoints,
        ...(own?.overprovisioningFactor === undefined
          ? {}
          : { overprovisioningFactor: own.overprovisioningFactor }),
        ...(own?.weightedPriorityHealth === undefined
          ? {}
          : { weightedPriorityHealth: own.weightedPriorityHealth }),
        commonLbConfig: c.lb.common,
        lbPolicy: c.lb.policy,
      }),
    );
  }
  const claimed = new Set(clusters.map((c) => c.edsServiceName));
  for (const { read } of assignments) {
    if (read.clusterName === undefined || claimed.has(read.clusterName)) continue;
    // A bare assignment previews as the cluster of that name with Envoy's default LB settings.
    hostCount += read.endpoints.reduce((s, g) => s + g.hosts.length, 0);
    models.push(
      createCluster({
        name: read.clusterName,
        endpoints: read.endpoints,
        ...(read.overprovisioningFactor === undefined
          ? {}
          : { overprovisioningFactor: read.overprovisioningFactor }),
        ...(read.weightedPriorityHealth === undefined
          ? {}
          : { weightedPriorityHealth: read.weightedPriorityHealth }),
      }),
    );
  }
  if (hostCount > maxHosts) {
    all.push({
      severity: 'error',
      code: 'TOO_MANY_HOSTS',
      path: '',
      message: `${hostCount} hosts exceed the limit of ${maxHosts} (LoadOptions.maxHosts)`,
    });
  }
  const ok = !all.some((i) => i.severity === 'error');
  return { ok, clusters: ok ? models : [], issues: all };
}

function readDocument(
  input: ConfigInput,
  options: LoadOptions,
  issues: IssueList,
  clusters: ClusterRead[],
  assignments: { read: ReadAssignment }[],
): void {
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
  const shape = detectShape(obj);
  const ctx = (dynamic: boolean): ReadContext => ({
    issues,
    positions: parsed.positions,
    unknownFields: options.unknownFields ?? (dynamic ? 'warn' : 'error'),
  });
  const readOptions = { resolve: options.resolve ?? {}, v2: options.v2 ?? false };
  switch (shape) {
    case 'cluster':
      clusters.push(
        readCluster(
          new MessageReader(ctx(false), obj, '', 'envoy.config.cluster.v3.Cluster'),
          readOptions,
        ),
      );
      return;
    case 'cluster_load_assignment': {
      const r = new MessageReader(
        ctx(true),
        obj,
        '',
        'envoy.config.endpoint.v3.ClusterLoadAssignment',
      );
      assignments.push({ read: readAssignment(r, { mode: 'ip', resolve: readOptions.resolve }) });
      r.finish();
      return;
    }
    case 'discovery_response': {
      const r = new MessageReader(
        ctx(true),
        obj,
        '',
        'envoy.service.discovery.v3.DiscoveryResponse',
      );
      for (const resource of r.messages('resources', 'google.protobuf.Any')) {
        const type = resource.raw('@type');
        if (type === CLUSTER_TYPE) clusters.push(readCluster(resource, readOptions));
        else if (type === CLA_TYPE) {
          assignments.push({
            read: readAssignment(resource, { mode: 'ip', resolve: readOptions.resolve }),
          });
          resource.finish();
        } else
          resource.warning(
            '@type',
            'unsupported_field',
            `resources of type ${String(type)} are not modelled`,
          );
      }
      r.ignore(['version_info', 'type_url', 'nonce', 'canary', 'control_plane', 'resource_errors']);
      r.finish();
      return;
    }
    case 'bootstrap': {
      const r = new MessageReader(ctx(false), obj, '', 'envoy.config.bootstrap.v3.Bootstrap');
      const statics = r.message(
        'static_resources',
        'envoy.config.bootstrap.v3.Bootstrap.StaticResources',
      );
      for (const c of statics?.messages('clusters', 'envoy.config.cluster.v3.Cluster') ?? [])
        clusters.push(readCluster(c, readOptions));
      statics?.ignore(['listeners', 'secrets']);
      statics?.finish();
      r.unsupported(
        ['dynamic_resources', 'node', 'cluster_manager', 'layered_runtime'],
        'bootstrap files referenced by path, the node locality and runtime layers come in a later version',
      );
      r.ignore(Object.keys(obj));
      return;
    }
    case 'config_dump':
    case 'admin_clusters':
      issues.error(
        'UNSUPPORTED_SHAPE',
        '',
        `admin ${shape === 'config_dump' ? '/config_dump' : '/clusters'} output is not read yet`,
      );
      return;
    default:
      issues.error(
        'UNKNOWN_SHAPE',
        '',
        'not a Cluster, ClusterLoadAssignment, DiscoveryResponse or bootstrap: no name, cluster_name, resources or static_resources at the top',
        parsed.rootPosition,
      );
  }
}
