/**
 * Host health as Envoy combines it: the EDS `health_status` plus the dynamic flags set by active
 * health checking, outlier detection and cluster membership. `coarseHealth` and `isExcluded`
 * mirror Envoy's `HostImplBase::coarseHealth` and `excludeBasedOnHealthFlag` (upstream_impl.cc).
 */

/**
 * `config.core.v3.HealthStatus`. UNHEALTHY and TIMEOUT make a host unhealthy; DRAINING makes it
 * unhealthy and excluded (runtime `exclude_host_in_eds_status_draining`, on by default); DEGRADED
 * makes it degraded. https://www.envoyproxy.io/docs/envoy/latest/api-v3/config/core/v3/health_check.proto#enum-config-core-v3-healthstatus
 */
export type HealthStatus =
  'UNKNOWN' | 'HEALTHY' | 'UNHEALTHY' | 'DRAINING' | 'TIMEOUT' | 'DEGRADED';

/** Every EDS health status, in proto order. */
export const HEALTH_STATUSES: readonly HealthStatus[] = Object.freeze([
  'UNKNOWN',
  'HEALTHY',
  'UNHEALTHY',
  'DRAINING',
  'TIMEOUT',
  'DEGRADED',
]);

/** The dynamic health flags Envoy keeps beside the EDS status (`Host::HealthFlag`). */
export interface HostHealthFlags {
  /** FAILED_ACTIVE_HC: the active health checker marked the host unhealthy. */
  readonly failedActiveHealthCheck?: boolean;
  /** DEGRADED_ACTIVE_HC: the active health check answered "degraded". */
  readonly degradedActiveHealthCheck?: boolean;
  /** FAILED_OUTLIER_CHECK: ejected by outlier detection. */
  readonly outlierEjected?: boolean;
  /** PENDING_ACTIVE_HC: waiting for its first health check; excluded from load calculations. */
  readonly pendingActiveHealthCheck?: boolean;
  /** EXCLUDED_VIA_IMMEDIATE_HC_FAIL: the host asked to be taken out (`x-envoy-immediate-health-check-fail`). */
  readonly excludedViaImmediateHealthCheckFail?: boolean;
  /** PENDING_DYNAMIC_REMOVAL: removed from discovery but kept until health checks fail; does not change health. */
  readonly pendingDynamicRemoval?: boolean;
}

/** Envoy's coarse health: the bucket a host is counted in. */
export type CoarseHealth = 'healthy' | 'degraded' | 'unhealthy';

/** `Host::coarseHealth()`: unhealthy flags win over degraded ones. */
export function coarseHealth(status: HealthStatus, flags: HostHealthFlags): CoarseHealth {
  if (
    flags.failedActiveHealthCheck ||
    flags.outlierEjected ||
    status === 'UNHEALTHY' ||
    status === 'TIMEOUT' ||
    status === 'DRAINING'
  ) {
    return 'unhealthy';
  }
  if (flags.degradedActiveHealthCheck || status === 'DEGRADED') return 'degraded';
  return 'healthy';
}

/** `excludeBasedOnHealthFlag`: excluded hosts leave the denominators of health, panic and locality weight. */
export function isExcluded(status: HealthStatus, flags: HostHealthFlags): boolean {
  return (
    status === 'DRAINING' ||
    flags.pendingActiveHealthCheck === true ||
    flags.excludedViaImmediateHealthCheckFail === true
  );
}
