/**
 * Envoy's admin `/clusters` output — `?format=json` (`envoy.admin.v3.Clusters`, camelCase or
 * snake_case) or the plain-text `cluster::host:port::key::value` lines — read as the observed
 * state of hosts: address, hostname, weight, locality, priority and the health flags Envoy shows.
 * https://www.envoyproxy.io/docs/envoy/latest/operations/admin#get--clusters
 */
import type { LocalityLbEndpointsInit } from '../model/cluster.js';
import { UNSPECIFIED_LOCALITY } from '../model/locality.js';
import { HEALTH_STATUSES } from '../model/health.js';
import type { HealthStatus, HostHealthFlags } from '../model/health.js';
import type { IssueList } from './issues.js';
import type { MessageReader } from './proto-reader.js';
import { MAX_PRIORITY, hostAddress, readLocality } from './read-endpoints.js';

/** The observed hosts of one cluster, grouped by (priority, locality) in order of appearance. */
export interface ObservedCluster {
  readonly name: string;
  readonly path: string;
  readonly endpoints: LocalityLbEndpointsInit[];
}

interface ObservedHost {
  address: string;
  hostname: string;
  weight: number;
  priority: number;
  region: string;
  zone: string;
  subZone: string;
  healthStatus: HealthStatus;
  flags: HostHealthFlags;
}

function group(name: string, path: string, hosts: readonly ObservedHost[]): ObservedCluster {
  const groups = new Map<
    string,
    LocalityLbEndpointsInit & { hosts: LocalityLbEndpointsInit['hosts'][number][] }
  >();
  for (const h of hosts) {
    const key = `${h.priority}\u0000${h.region}\u0000${h.zone}\u0000${h.subZone}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        priority: h.priority,
        locality: { region: h.region, zone: h.zone, subZone: h.subZone },
        hosts: [],
      };
      groups.set(key, g);
    }
    g.hosts.push({
      address: h.address,
      hostname: h.hostname,
      weight: h.weight,
      healthStatus: h.healthStatus,
      flags: h.flags,
    });
  }
  return { name, path, endpoints: [...groups.values()] };
}

/** `/clusters?format=json`. */
export function readAdminClustersJson(r: MessageReader): ObservedCluster[] {
  const out: ObservedCluster[] = [];
  for (const status of r.messages('cluster_statuses', 'envoy.admin.v3.ClusterStatus')) {
    const name = status.string('name') ?? '';
    const hosts: ObservedHost[] = [];
    for (const hs of status.messages('host_statuses', 'envoy.admin.v3.HostStatus')) {
      const socket = hs
        .message('address', 'envoy.config.core.v3.Address')
        ?.message('socket_address', 'SocketAddress');
      const ip = socket?.string('address') ?? '';
      const port = socket?.uint('port_value') ?? 0;
      const health = hs.message('health_status', 'envoy.admin.v3.HostHealthStatus');
      const healthStatus = (health?.enumValue('eds_health_status', HEALTH_STATUSES, false) ??
        'UNKNOWN') as HealthStatus;
      const flag = (field: string): boolean => health?.bool(field) === true;
      const locality = hs.message('locality', 'envoy.config.core.v3.Locality');
      hosts.push({
        address: hostAddress(ip, port),
        hostname: hs.string('hostname') ?? '',
        weight: hs.uint('weight', { gte: 1 }) ?? 1,
        priority: validPriority(hs.uint('priority', { lte: MAX_PRIORITY }) ?? 0),
        ...(locality ? readLocality(locality) : UNSPECIFIED_LOCALITY),
        healthStatus,
        flags: {
          failedActiveHealthCheck: flag('failed_active_health_check'),
          outlierEjected: flag('failed_outlier_check'),
          degradedActiveHealthCheck: flag('failed_active_degraded_check'),
          pendingDynamicRemoval: flag('pending_dynamic_removal'),
          pendingActiveHealthCheck: flag('pending_active_hc'),
          excludedViaImmediateHealthCheckFail: flag('excluded_via_immediate_hc_fail'),
        },
      });
    }
    out.push(group(name, status.path, hosts));
  }
  return out;
}

/** A priority Envoy can have (0–128); anything else reads as 0, next to an error. */
function validPriority(n: number): number {
  return Number.isInteger(n) && n >= 0 && n <= MAX_PRIORITY ? n : 0;
}

/** Recognises the plain-text `/clusters` format: `name::…::…` lines. */
export function isAdminClustersText(text: string): boolean {
  const first = text.split('\n').find((l) => l.trim() !== '');
  return (
    first !== undefined && /^[^\s:]+::[^\s]/.test(first.trim()) && !first.trim().startsWith('{')
  );
}

/** Plain-text `/clusters`: `cluster::ip:port::key::value` lines (other lines are cluster-level). */
export function readAdminClustersText(text: string, issues: IssueList): ObservedCluster[] {
  const clusters = new Map<string, Map<string, ObservedHost>>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const cut = line.indexOf('::');
    const rest = cut > 0 ? line.slice(cut + 2) : '';
    if (!rest.includes('::')) {
      issues.error('BAD_CLUSTERS_LINE', '', `not a /clusters line: ${JSON.stringify(line)}`, {
        line: index + 1,
        column: 1,
      });
      return;
    }
    // A host line: `cluster::ip:port::key::value`, the IPv6 address in brackets (`[::1]:80`).
    const hostLine = /^(\[[^\]]*\]:\d+|[^:[\]]+:\d+)::([^:]+)::(.*)$/.exec(rest);
    if (!hostLine) return;
    const name = line.slice(0, cut);
    const [, address, key, value] = hostLine;
    const hosts = clusters.get(name) ?? new Map<string, ObservedHost>();
    clusters.set(name, hosts);
    const host = hosts.get(address) ?? {
      address,
      hostname: '',
      weight: 1,
      priority: 0,
      region: '',
      zone: '',
      subZone: '',
      healthStatus: 'UNKNOWN' as HealthStatus,
      flags: {},
    };
    hosts.set(address, host);
    switch (key) {
      case 'weight':
        host.weight = Math.max(1, Number(value) || 1);
        break;
      case 'priority':
        host.priority = validPriority(Number(value));
        if (host.priority !== Number(value)) {
          issues.error('BAD_CLUSTERS_LINE', '', `priority must be 0 to ${MAX_PRIORITY}: ${line}`, {
            line: index + 1,
            column: 1,
          });
        }
        break;
      case 'region':
      case 'zone':
        host[key] = value;
        break;
      case 'sub_zone':
        host.subZone = value;
        break;
      case 'hostname':
        host.hostname = value;
        break;
      case 'health_flags':
        Object.assign(host, healthFromFlags(value));
        break;
    }
  });
  return [...clusters].map(([name, hosts]) => group(name, '', [...hosts.values()]));
}

/** `health_flags` text: `healthy`, or `/failed_active_hc/failed_outlier_check/…`. */
function healthFromFlags(text: string): { healthStatus: HealthStatus; flags: HostHealthFlags } {
  const set = new Set(text.split('/').filter(Boolean));
  const healthStatus: HealthStatus = set.has('failed_eds_health')
    ? 'UNHEALTHY'
    : set.has('eds_status_draining')
      ? 'DRAINING'
      : set.has('degraded_eds_health')
        ? 'DEGRADED'
        : 'HEALTHY';
  return {
    healthStatus,
    flags: {
      failedActiveHealthCheck: set.has('failed_active_hc'),
      outlierEjected: set.has('failed_outlier_check'),
      degradedActiveHealthCheck: set.has('degraded_active_hc'),
      pendingDynamicRemoval: set.has('pending_dynamic_removal'),
      pendingActiveHealthCheck: set.has('pending_active_hc'),
      excludedViaImmediateHealthCheckFail: set.has('excluded_via_immediate_hc_fail'),
    },
  };
}
