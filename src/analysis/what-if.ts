/**
 * What-if changes to a cluster: hosts marked with an EDS health status or ejected by outlier
 * detection, whole localities or priorities failed, host weights changed. Hosts are named by
 * `ip:port` as Envoy's admin `/clusters` names them; a name that matches no host is an error, so
 * a typo never previews the unchanged cluster.
 */
import type { ClusterModel } from '../model/cluster.js';
import type { HealthStatus } from '../model/health.js';
import type { Host } from '../model/host.js';
import { createHost } from '../model/host.js';
import type { Locality } from '../model/locality.js';

export interface WhatIf {
  /** Hosts whose EDS `health_status` becomes HEALTHY. */
  readonly healthy?: readonly string[];
  /** Hosts whose EDS `health_status` becomes UNHEALTHY. */
  readonly unhealthy?: readonly string[];
  /** Hosts whose EDS `health_status` becomes DEGRADED. */
  readonly degraded?: readonly string[];
  /** Hosts whose EDS `health_status` becomes DRAINING (unhealthy and excluded). */
  readonly draining?: readonly string[];
  /** Hosts whose EDS `health_status` becomes TIMEOUT. */
  readonly timeout?: readonly string[];
  /** Hosts ejected by outlier detection (health flag FAILED_OUTLIER_CHECK). */
  readonly ejected?: readonly string[];
  /** Localities whose every host becomes UNHEALTHY; unset fields match any value. */
  readonly failLocalities?: readonly Partial<Locality>[];
  /** Priorities whose every host becomes UNHEALTHY. */
  readonly failPriorities?: readonly number[];
  /** New `load_balancing_weight` per host. */
  readonly weights?: Readonly<Record<string, number>>;
}

const STATUS_LISTS = [
  ['healthy', 'HEALTHY'],
  ['unhealthy', 'UNHEALTHY'],
  ['degraded', 'DEGRADED'],
  ['draining', 'DRAINING'],
  ['timeout', 'TIMEOUT'],
] as const satisfies readonly (readonly [keyof WhatIf, HealthStatus])[];

/** The cluster with the changes applied; throws RangeError naming a host, locality or priority that does not exist. */
export function applyWhatIf(cluster: ClusterModel, whatIf: WhatIf): ClusterModel {
  const hosts = cluster.endpoints.flatMap((g) => g.hosts);
  const known = new Set(hosts.map((h) => h.address));
  const status = new Map<string, HealthStatus>();
  for (const [field, value] of STATUS_LISTS) {
    for (const address of whatIf[field] ?? []) status.set(need(known, address, field), value);
  }
  const ejected = new Set((whatIf.ejected ?? []).map((a) => need(known, a, 'ejected')));
  const weights = whatIf.weights ?? {};
  for (const [address, weight] of Object.entries(weights)) {
    need(known, address, 'weights');
    if (!Number.isInteger(weight) || weight < 1 || weight > 4294967295) {
      throw new RangeError(`weights: ${address}: weight ${weight} must be an integer in [1, 2^32)`);
    }
  }
  const failedLocalities = whatIf.failLocalities ?? [];
  for (const l of failedLocalities) {
    if (!hosts.some((h) => matchesLocality(h, l))) {
      throw new RangeError(`failLocalities: no host in locality ${JSON.stringify(l)}`);
    }
  }
  const failedPriorities = new Set(whatIf.failPriorities ?? []);
  for (const p of failedPriorities) {
    if (!hosts.some((h) => h.priority === p)) {
      throw new RangeError(`failPriorities: no host at priority ${p}`);
    }
  }
  const change = (host: Host): Host => {
    const failed =
      failedPriorities.has(host.priority) || failedLocalities.some((l) => matchesLocality(host, l));
    const healthStatus = failed ? 'UNHEALTHY' : (status.get(host.address) ?? host.healthStatus);
    const flags = ejected.has(host.address) ? { ...host.flags, outlierEjected: true } : host.flags;
    const weight = weights[host.address] ?? host.weight;
    if (healthStatus === host.healthStatus && flags === host.flags && weight === host.weight) {
      return host;
    }
    return createHost({ ...host, healthStatus, flags, weight });
  };
  return Object.freeze({
    ...cluster,
    endpoints: Object.freeze(
      cluster.endpoints.map((g) =>
        Object.freeze({ ...g, hosts: Object.freeze(g.hosts.map(change)) }),
      ),
    ),
  });
}

function need(known: ReadonlySet<string>, address: string, field: string): string {
  if (!known.has(address)) throw new RangeError(`${field}: no host ${address} in the cluster`);
  return address;
}

function matchesLocality(host: Host, l: Partial<Locality>): boolean {
  return (
    (l.region === undefined || l.region === host.locality.region) &&
    (l.zone === undefined || l.zone === host.locality.zone) &&
    (l.subZone === undefined || l.subZone === host.locality.subZone)
  );
}
