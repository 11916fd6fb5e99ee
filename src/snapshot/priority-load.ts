/**
 * Priority load: how Envoy splits 100 % of requests across priorities and between their healthy
 * and degraded hosts, and which priorities are in panic (`LoadBalancerBase::
 * recalculatePerPriorityState`, `recalculatePerPriorityPanic`, `recalculateLoadInTotalPanic`).
 *
 * Per priority, health = min(100, OPF·healthy / (hosts − excluded)) (integer division; weights
 * instead of counts with `weighted_priority_health`). With NTA = min(100, Σ health + Σ degraded),
 * healthy load is handed out in priority order as min(remaining, health·100 / NTA), then degraded
 * load the same way, and the rounding remainder goes to the first priority with health.
 *
 * Worked example (OPF 140, P0 1 of 4 healthy, P1 2 of 2): health 35 and 100 → NTA 100 → loads
 * 35 / 65. Panic: a priority whose un-overprovisioned healthy+degraded percent is below the
 * threshold is in panic unless NTA = 100; if every priority is, load follows raw host counts.
 */
import type { Host } from '../model/host.js';
import { floorMulDiv } from './exact-integer.js';
import type { HostSet } from './host-set.js';
import { emptyHostSet } from './host-set.js';

export interface PriorityLoad {
  /** Per priority: min(100, OPF × healthy share), Envoy's `per_priority_health`. */
  readonly health: readonly number[];
  /** Per priority: the same for degraded hosts. */
  readonly degraded: readonly number[];
  /** min(100, Σ health + Σ degraded): Envoy's normalized total availability. */
  readonly normalizedTotalHealth: number;
  /** Percent of requests sent to each priority's healthy hosts. */
  readonly healthyLoad: Uint8Array;
  /** Percent of requests sent to each priority's degraded hosts. */
  readonly degradedLoad: Uint8Array;
  /** Per priority: in panic (picks come from all its hosts). */
  readonly panic: readonly boolean[];
  /** Every priority is in panic and load follows raw host counts. */
  readonly totalPanic: boolean;
  /** The panic threshold used, after the runtime override and the cap at 100. */
  readonly panicThreshold: number;
  /**
   * No priority has any availability yet not all are in panic: Envoy returns before computing
   * loads and keeps the previous ones (all zero on a fresh balancer, where picks fall back to P0).
   */
  readonly keptPreviousLoad: boolean;
}

/** Healthy+degraded percent of a host set, as Envoy's panic test computes it (double, counts). */
export function healthyPercent(hostSet: HostSet): number {
  const count = hostSet.hosts.length - hostSet.excluded.length;
  if (count <= 0) return 0;
  return (100 * hostSet.healthy.length) / count + (100 * hostSet.degraded.length) / count;
}

/** `isHostSetInPanic`: healthy+degraded percent below the threshold (0 disables panic). */
export function isHostSetInPanic(hostSet: HostSet, panicThreshold: number): boolean {
  return healthyPercent(hostSet) < Math.min(100, panicThreshold);
}

/** Availability of one priority in percent: [health, degraded]. */
export function priorityAvailability(hostSet: HostSet, hosts: readonly Host[]): [number, number] {
  const opf = hostSet.overprovisioningFactor;
  let healthy: number, degraded: number, total: number;
  if (hostSet.weightedPriorityHealth) {
    const sum = (list: Int32Array): number => list.reduce((s, h) => s + hosts[h].weight, 0);
    healthy = sum(hostSet.healthy);
    degraded = sum(hostSet.degraded);
    total = sum(hostSet.hosts) - sum(hostSet.excluded);
  } else {
    healthy = hostSet.healthy.length;
    degraded = hostSet.degraded.length;
    total = hostSet.hosts.length - hostSet.excluded.length;
  }
  if (total <= 0) return [0, 0];
  return [
    Math.min(100, floorMulDiv(opf, healthy, total)),
    Math.min(100, floorMulDiv(opf, degraded, total)),
  ];
}

/**
 * The priority load of a priority set with the given panic threshold (percent). `previous` is the
 * load before this update: Envoy keeps its loads when no priority has availability and not every
 * priority is in panic (see `keptPreviousLoad`).
 */
export function computePriorityLoad(
  prioritySets: readonly HostSet[],
  hosts: readonly Host[],
  panicThreshold: number,
  previous?: PriorityLoad,
): PriorityLoad {
  const hostSets = prioritySets.length > 0 ? prioritySets : [emptyHostSet(0)];
  const n = hostSets.length;
  const health: number[] = new Array<number>(n).fill(0);
  const degraded: number[] = new Array<number>(n).fill(0);
  hostSets.forEach((hs, p) => ([health[p], degraded[p]] = priorityAvailability(hs, hosts)));
  const threshold = Math.min(100, panicThreshold);
  const nta = Math.min(100, sum(health) + sum(degraded));
  const healthyLoad = new Uint8Array(n);
  const degradedLoad = new Uint8Array(n);
  const panic: boolean[] = new Array<boolean>(n).fill(false);
  const result = (totalPanic: boolean, keptPreviousLoad = false): PriorityLoad =>
    Object.freeze({
      health: Object.freeze(health),
      degraded: Object.freeze(degraded),
      normalizedTotalHealth: nta,
      healthyLoad,
      degradedLoad,
      panic: Object.freeze(panic),
      totalPanic,
      panicThreshold: threshold,
      keptPreviousLoad,
    });

  if (nta > 0) distributeLoad(health, degraded, nta, healthyLoad, degradedLoad);
  if (threshold === 0 && nta === 0) {
    healthyLoad[0] = 100;
    return result(false);
  }
  for (let p = 0; p < n; p++) panic[p] = nta !== 100 && isHostSetInPanic(hostSets[p], threshold);
  if (panic.every(Boolean)) {
    loadInTotalPanic(hostSets, healthyLoad, degradedLoad);
    return result(true);
  }
  if (nta === 0) {
    healthyLoad.set(previous?.healthyLoad.subarray(0, n) ?? []);
    degradedLoad.set(previous?.degradedLoad.subarray(0, n) ?? []);
    return result(false, true);
  }
  return result(false);
}

function distributeLoad(
  health: number[],
  degraded: number[],
  nta: number,
  healthyLoad: Uint8Array,
  degradedLoad: Uint8Array,
): void {
  let remaining = 100;
  const firstHealthy = health.findIndex((h) => h > 0);
  const firstDegraded = degraded.findIndex((d) => d > 0);
  for (let p = 0; p < health.length; p++) {
    healthyLoad[p] = Math.min(remaining, floorMulDiv(health[p], 100, nta));
    remaining -= healthyLoad[p];
  }
  for (let p = 0; p < degraded.length; p++) {
    degradedLoad[p] = Math.min(remaining, floorMulDiv(degraded[p], 100, nta));
    remaining -= degradedLoad[p];
  }
  if (remaining === 0) return;
  if (firstHealthy >= 0) healthyLoad[firstHealthy] += remaining;
  else if (firstDegraded >= 0) degradedLoad[firstDegraded] += remaining;
}

/** `recalculateLoadInTotalPanic`: split by raw host counts, excluded hosts included. */
function loadInTotalPanic(
  hostSets: readonly HostSet[],
  healthyLoad: Uint8Array,
  degradedLoad: Uint8Array,
): void {
  degradedLoad.fill(0);
  healthyLoad.fill(0);
  const total = hostSets.reduce((s, hs) => s + hs.hosts.length, 0);
  if (total === 0) {
    healthyLoad[0] = 100;
    return;
  }
  let assigned = 0;
  hostSets.forEach((hs, p) => {
    healthyLoad[p] = floorMulDiv(100, hs.hosts.length, total);
    assigned += healthyLoad[p];
  });
  const firstNonEmpty = hostSets.findIndex((hs) => hs.hosts.length > 0);
  healthyLoad[firstNonEmpty] += 100 - assigned;
}

function sum(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}
