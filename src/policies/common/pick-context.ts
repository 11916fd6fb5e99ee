/**
 * What a caller may tell a pick (Envoy's `LoadBalancerContext`) and what a pick can report back
 * (a preallocated trace, so explaining a pick costs no allocation).
 */

/** The subset of Envoy's `LoadBalancerContext` the host-selection policies consult. */
export interface PickContext {
  /** `hostSelectionRetryCount()`: extra attempts when `shouldSelectAnotherHost` rejects a host. */
  readonly hostSelectionRetryCount?: number;
  /** `shouldSelectAnotherHost(host)`: reject a candidate (e.g. one a retry already tried). */
  readonly shouldSelectAnotherHost?: (host: number) => boolean;
}

/** Where the hosts of a pick came from (Envoy's `HostsSource::SourceType`). */
export type SourceType = 0 | 1 | 2 | 3 | 4;
export const SourceType: {
  readonly AllHosts: 0;
  readonly HealthyHosts: 1;
  readonly DegradedHosts: 2;
  readonly LocalityHealthyHosts: 3;
  readonly LocalityDegradedHosts: 4;
} = Object.freeze({
  AllHosts: 0,
  HealthyHosts: 1,
  DegradedHosts: 2,
  LocalityHealthyHosts: 3,
  LocalityDegradedHosts: 4,
});

/** How zone-aware routing chose a locality (Envoy's `lb_zone_*` stats). */
export type ZoneRoute = 0 | 1 | 2 | 3 | 4 | 5 | 6;
export const ZoneRoute: {
  readonly None: 0;
  readonly AllDirectly: 1;
  readonly Sampled: 2;
  readonly CrossZone: 3;
  readonly NoCapacityLeft: 4;
  readonly RoutingDisabled: 5;
  readonly LocalClusterInPanic: 6;
} = Object.freeze({
  /** Zone-aware routing did not apply (priority > 0, locality weighting, or a failed precondition). */
  None: 0,
  /** `lb_zone_routing_all_directly`. */
  AllDirectly: 1,
  /** `lb_zone_routing_sampled`: the draw kept the request local. */
  Sampled: 2,
  /** `lb_zone_routing_cross_zone`: sent to a locality with spare capacity. */
  CrossZone: 3,
  /** `lb_zone_no_capacity_left`: no spare capacity; a uniformly random locality. */
  NoCapacityLeft: 4,
  /** `routing_enabled` (or its runtime key) sampled this request out of zone-aware routing. */
  RoutingDisabled: 5,
  /** The local cluster is in panic: the whole priority is used (or no host with fail_traffic_on_panic). */
  LocalClusterInPanic: 6,
});

/**
 * The decisions of the last pick, filled in place. Create one, pass it to every pick you want
 * explained; fields are -1 where a step did not happen.
 */
export class PickTrace {
  /** The 64-bit value the priority was chosen with (high and low halves). */
  hashHi = 0;
  hashLo = 0;
  /** `hash % 100 + 1`, compared against the cumulative priority loads. */
  priorityDraw = -1;
  priority = -1;
  /** The pick landed in the degraded part of the priority's load. */
  degraded = false;
  panic = false;
  source: SourceType | -1 = -1;
  locality = -1;
  zoneRoute: ZoneRoute = ZoneRoute.None;
  host = -1;

  reset(): void {
    this.hashHi = this.hashLo = 0;
    this.priorityDraw = this.priority = this.locality = this.host = this.source = -1;
    this.degraded = this.panic = false;
    this.zoneRoute = ZoneRoute.None;
  }
}
