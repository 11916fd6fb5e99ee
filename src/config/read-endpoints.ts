/**
 * `envoy.config.endpoint.v3.ClusterLoadAssignment` → endpoint groups of the model, with Envoy's
 * validation (endpoint.proto, endpoint_components.proto) and DNS answers supplied by the caller
 * for STRICT_DNS / LOGICAL_DNS clusters.
 * https://www.envoyproxy.io/docs/envoy/latest/api-v3/config/endpoint/v3/endpoint.proto
 */
import { HEALTH_STATUSES } from '../model/health.js';
import type { HealthStatus } from '../model/health.js';
import type { LocalityLbEndpointsInit } from '../model/cluster.js';
import type { Locality } from '../model/locality.js';
import type { MessageReader } from './proto-reader.js';
import { validateDropOverloads } from './validate-unmodelled.js';

/** How endpoint addresses become hosts. */
export interface AddressResolution {
  /** STATIC/EDS need IP literals; STRICT_DNS uses every DNS answer, LOGICAL_DNS the first. */
  readonly mode: 'ip' | 'strict_dns' | 'logical_dns';
  /** DNS answers by hostname (e.g. `{ webservice1: ['172.18.0.3', '172.18.0.4'] }`). */
  readonly resolve: Readonly<Record<string, readonly string[]>>;
}

export interface ReadAssignment {
  readonly clusterName: string | undefined;
  readonly endpoints: LocalityLbEndpointsInit[];
  readonly overprovisioningFactor: number | undefined;
  readonly weightedPriorityHealth: boolean | undefined;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function isIp(address: string): boolean {
  const v4 = IPV4.exec(address);
  if (v4) return v4.slice(1).every((o) => Number(o) <= 255);
  return address.includes(':') && /^[0-9a-fA-F:.]+$/.test(address);
}

/** `ip:port`, with IPv6 in brackets as Envoy prints it. */
export function hostAddress(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** Highest endpoint priority (PGV `lte: 128` on LocalityLbEndpoints.priority). */
export const MAX_PRIORITY = 128;

/** A `core.v3.Locality`, absent parts empty; the reader is finished. */
export function readLocality(r: MessageReader): Locality {
  const locality = {
    region: r.string('region') ?? '',
    zone: r.string('zone') ?? '',
    subZone: r.string('sub_zone') ?? '',
  };
  r.finish();
  return locality;
}

/** Reads a ClusterLoadAssignment; `r` is positioned on the message. */
export function readAssignment(r: MessageReader, resolution: AddressResolution): ReadAssignment {
  const clusterName = r.string('cluster_name', { minLength: 1 });
  const endpoints: LocalityLbEndpointsInit[] = [];
  for (const group of r.messages('endpoints', 'envoy.config.endpoint.v3.LocalityLbEndpoints')) {
    const locality = group.message('locality', 'envoy.config.core.v3.Locality');
    const loc = locality ? readLocality(locality) : undefined;
    const weight = group.uint('load_balancing_weight', { gte: 1 });
    const rawPriority = group.uint('priority', { lte: MAX_PRIORITY }) ?? 0;
    // Past the bound the cluster is rejected; 0 keeps later checks from sizing by the bad value.
    const priority = rawPriority <= MAX_PRIORITY ? rawPriority : 0;
    const hosts = group
      .messages('lb_endpoints', 'envoy.config.endpoint.v3.LbEndpoint')
      .flatMap((lb) => {
        const hostsOfEndpoint = readLbEndpoint(lb, resolution);
        lb.finish();
        return hostsOfEndpoint;
      });
    group.unsupported(
      ['load_balancer_endpoints', 'leds_cluster_locality_config'],
      'LEDS is not modelled',
    );
    group.ignore(['proximity', 'metadata']);
    group.finish();
    endpoints.push({
      ...(loc ? { locality: loc } : {}),
      ...(weight === undefined ? {} : { loadBalancingWeight: weight }),
      priority,
      hosts,
    });
  }
  const policy = r.message('policy', 'envoy.config.endpoint.v3.ClusterLoadAssignment.Policy');
  const overprovisioningFactor = policy?.uint('overprovisioning_factor', { gt: 0 });
  const weightedPriorityHealth = policy?.bool('weighted_priority_health');
  if (policy) {
    validateDropOverloads(policy);
    policy.unsupported(['drop_overloads'], 'previews drop no requests');
  }
  policy?.positiveDuration('endpoint_stale_after');
  policy?.finish();
  r.unsupported(['named_endpoints'], 'named endpoints are not modelled');
  return { clusterName, endpoints, overprovisioningFactor, weightedPriorityHealth };
}

type HostInitOf = LocalityLbEndpointsInit['hosts'][number];

function readLbEndpoint(lb: MessageReader, resolution: AddressResolution): HostInitOf[] {
  // No defined_only on health_status: numbers beyond the enum read as UNKNOWN, as in Envoy.
  const healthStatus = (lb.enumValue('health_status', HEALTH_STATUSES, false) ??
    'UNKNOWN') as HealthStatus;
  const weight = lb.uint('load_balancing_weight', { gte: 1 });
  const metadataReader = lb.message('metadata', 'envoy.config.core.v3.Metadata');
  const filterMetadata = metadataReader?.raw('filter_metadata');
  for (const field of ['filter_metadata', 'typed_filter_metadata']) {
    const map = metadataReader?.has(field) ? metadataReader.raw(field) : undefined;
    if (map !== null && typeof map === 'object' && Object.hasOwn(map, '')) {
      metadataReader?.error(field, 'PGV_MAP_KEY', 'value length must be at least 1 characters');
    }
  }
  metadataReader?.unsupported(['typed_filter_metadata'], 'typed metadata is not modelled');
  metadataReader?.finish();
  const metadata =
    filterMetadata !== null && typeof filterMetadata === 'object' && !Array.isArray(filterMetadata)
      ? (filterMetadata as Record<string, Record<string, unknown>>)
      : {};
  const endpoint = lb.message('endpoint', 'envoy.config.endpoint.v3.Endpoint');
  lb.unsupported(['endpoint_name'], 'named endpoints are not modelled');
  if (!endpoint) return [];
  const hostname = endpoint.string('hostname') ?? '';
  const hc = endpoint.message(
    'health_check_config',
    'envoy.config.endpoint.v3.Endpoint.HealthCheckConfig',
  );
  const hcPort = hc?.uint('port_value', { lte: 65535 }) ?? 0;
  hc?.ignore(['hostname', 'address', 'disable_active_health_check']);
  hc?.finish();
  endpoint.ignore(['additional_addresses']);
  const address = endpoint.message('address', 'envoy.config.core.v3.Address');
  endpoint.finish();
  if (!address) {
    lb.error('endpoint.address', 'MISSING_ADDRESS', 'value is required');
    return [];
  }
  const socket = address.message('socket_address', 'envoy.config.core.v3.SocketAddress');
  if (!socket && hcPort !== 0) {
    hc?.error(
      'port_value',
      'ENVOY_HC_PORT_NON_IP',
      'Invalid host configuration: non-zero port for non-IP address',
    );
  }
  address.unsupported(['pipe', 'envoy_internal_address'], 'only socket addresses are modelled');
  address.finish();
  if (!socket) return [];
  const ip = socket.string('address', { minLength: 1 });
  const port = socket.uint('port_value', { lte: 65535 });
  socket.unsupported(['named_port'], 'named ports are not modelled');
  socket.ignore(['protocol', 'resolver_name', 'ipv4_compat']);
  socket.finish();
  if (ip === undefined) return [];
  const base = {
    hostname,
    metadata,
    healthStatus,
    ...(weight === undefined ? {} : { weight }),
  };
  if (resolution.mode === 'ip') {
    if (!isIp(ip)) {
      socket.error(
        'address',
        'NOT_AN_IP',
        `malformed IP address: ${ip}. Consider setting resolver_name or setting cluster type to 'STRICT_DNS' or 'LOGICAL_DNS'`,
      );
      return [];
    }
    return [{ ...base, address: hostAddress(ip, port ?? 0) }];
  }
  const answers = isIp(ip) ? [ip] : resolution.resolve[ip];
  if (!answers || answers.length === 0) {
    socket.error(
      'address',
      'DNS_ANSWER_MISSING',
      `no DNS answer for '${ip}': supply one (on the command line: --resolve ${ip}=IP[,IP…])`,
    );
    return [];
  }
  const used = resolution.mode === 'logical_dns' ? answers.slice(0, 1) : answers;
  return used.map((answer) => ({
    ...base,
    hostname: hostname || ip,
    address: hostAddress(answer, port ?? 0),
  }));
}
