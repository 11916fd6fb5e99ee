/**
 * An upstream host (Envoy's `LbEndpoint` after discovery): its address, weight, locality,
 * priority, metadata and health.
 * https://www.envoyproxy.io/docs/envoy/latest/api-v3/config/endpoint/v3/endpoint_components.proto
 */
import type { HealthStatus, HostHealthFlags } from './health.js';
import { UNSPECIFIED_LOCALITY } from './locality.js';
import type { Locality } from './locality.js';

export interface Host {
  /** `ip:port` (IPv6 as `[::1]:80`), the name Envoy's admin and stats use. */
  readonly address: string;
  /** `endpoint.hostname`; empty when unset. */
  readonly hostname: string;
  /** `load_balancing_weight`, 1 to 2^32-1; default 1. */
  readonly weight: number;
  readonly locality: Locality;
  /** `LocalityLbEndpoints.priority`; default 0. */
  readonly priority: number;
  /** `metadata.filter_metadata`, by filter name. */
  readonly metadata: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** EDS `health_status`; default UNKNOWN (counted healthy). */
  readonly healthStatus: HealthStatus;
  readonly flags: HostHealthFlags;
  /**
   * When the host last became healthy, in milliseconds of the caller's clock (Envoy's
   * `lastHcPassTime`, or the time it was added). Only slow start reads it; unset means "long ago".
   */
  readonly healthySinceMs?: number;
}

/** The fields of a host a caller may give; everything but `address` has Envoy's default. */
export type HostInit = Pick<Host, 'address'> & Partial<Omit<Host, 'address'>>;

/** A frozen host with Envoy's defaults filled in. */
export function createHost(init: HostInit): Host {
  return Object.freeze({
    address: init.address,
    hostname: init.hostname ?? '',
    weight: init.weight ?? 1,
    locality: init.locality ?? UNSPECIFIED_LOCALITY,
    priority: init.priority ?? 0,
    metadata: init.metadata ?? {},
    healthStatus: init.healthStatus ?? 'UNKNOWN',
    flags: Object.freeze({ ...(init.flags ?? {}) }),
    ...(init.healthySinceMs === undefined ? {} : { healthySinceMs: init.healthySinceMs }),
  });
}
