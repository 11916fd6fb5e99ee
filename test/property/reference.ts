/**
 * An independent model of Envoy's priority arithmetic and host eligibility, written from
 * spec/SEMANTICS.md §1–2 and spec/INVARIANTS.md A, against which the library is checked. It reads
 * only the generated specs (never the library's host lists) and computes every integer step in
 * BigInt, as Envoy does in uint64.
 */
import type { ClusterSpec, HostSpec } from './arbitraries.js';
import { addressOf } from './arbitraries.js';
import type { LbScenario } from './scenarios.js';

export type Coarse = 'healthy' | 'degraded' | 'unhealthy';

/** `Host::coarseHealth()`: failed active HC, outlier ejection or an EDS UNHEALTHY/TIMEOUT/DRAINING status make a host unhealthy; then degraded flags or status; else healthy. */
export function coarse(h: Pick<HostSpec, 'healthStatus' | 'flags'>): Coarse {
  const s = h.healthStatus;
  if (
    h.flags.failedActiveHealthCheck ||
    h.flags.outlierEjected ||
    s === 'UNHEALTHY' ||
    s === 'TIMEOUT' ||
    s === 'DRAINING'
  ) {
    return 'unhealthy';
  }
  return h.flags.degradedActiveHealthCheck || s === 'DEGRADED' ? 'degraded' : 'healthy';
}

/** `excludeBasedOnHealthFlag`: EDS DRAINING, pending first health check, immediate HC fail. */
export function excluded(h: Pick<HostSpec, 'healthStatus' | 'flags'>): boolean {
  return (
    h.healthStatus === 'DRAINING' ||
    h.flags.pendingActiveHealthCheck === true ||
    h.flags.excludedViaImmediateHealthCheckFail === true
  );
}

export interface HostInfo {
  readonly address: string;
  readonly priority: number;
  readonly zone: string;
  readonly spec: HostSpec;
}

/** Number of host sets Envoy creates: one per priority up to the highest one listed. */
export function priorityCount(cluster: ClusterSpec): number {
  let n = 0;
  cluster.priorities.forEach((ls, p) => {
    if (ls.length > 0) n = p + 1;
  });
  return n;
}

/** The hosts of each priority, in endpoint order. */
export function hostsByPriority(cluster: ClusterSpec): HostInfo[][] {
  return Array.from({ length: priorityCount(cluster) }, (_, p) =>
    (cluster.priorities[p] ?? []).flatMap((l, li) =>
      l.hosts.map((spec, hi) => ({
        address: addressOf(p, li, hi),
        priority: p,
        zone: l.zone,
        spec,
      })),
    ),
  );
}

/** Every host by address. */
export function hostsByAddress(cluster: ClusterSpec): Map<string, HostInfo> {
  return new Map(hostsByPriority(cluster).flatMap((hs) => hs.map((h) => [h.address, h])));
}

export interface ReferenceLoad {
  readonly health: number[];
  readonly degraded: number[];
  readonly normalizedTotalHealth: number;
  readonly healthyLoad: number[];
  readonly degradedLoad: number[];
  readonly panic: boolean[];
  readonly totalPanic: boolean;
}

const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);

/**
 * `recalculatePerPriorityState` + `recalculatePerPriorityPanic` + `recalculateLoadInTotalPanic`.
 * `previous`: the load before this update, which Envoy keeps when nothing is available and not
 * every priority is in panic (it returns before distributing load).
 */
export function referencePriorityLoad(
  cluster: ClusterSpec,
  panicThreshold: number,
  previous?: ReferenceLoad,
): ReferenceLoad {
  const sets = hostsByPriority(cluster);
  const n = Math.max(1, sets.length);
  const opf = BigInt(cluster.overprovisioningFactor);
  const health: bigint[] = new Array<bigint>(n).fill(0n);
  const degraded: bigint[] = new Array<bigint>(n).fill(0n);

  // 1.1 availability per priority
  sets.forEach((hosts, p) => {
    const hostCount = hosts.length - hosts.filter((h) => excluded(h.spec)).length;
    if (hostCount === 0) return;
    const sumOf = (list: HostInfo[]): bigint =>
      list.reduce((s, h) => s + (cluster.weightedPriorityHealth ? BigInt(h.spec.weight) : 1n), 0n);
    const healthyW = sumOf(hosts.filter((h) => coarse(h.spec) === 'healthy'));
    const degradedW = sumOf(hosts.filter((h) => coarse(h.spec) === 'degraded'));
    const totalW = sumOf(hosts) - sumOf(hosts.filter((h) => excluded(h.spec)));
    health[p] = min(100n, (opf * healthyW) / totalW);
    degraded[p] = min(100n, (opf * degradedW) / totalW);
  });

  // 1.2 distribute 100 %
  const nta = min(100n, health.reduce((s, x) => s + x, 0n) + degraded.reduce((s, x) => s + x, 0n));
  const hl: bigint[] = new Array<bigint>(n).fill(0n);
  const dl: bigint[] = new Array<bigint>(n).fill(0n);
  if (nta > 0n) {
    let remaining = 100n;
    for (let p = 0; p < n; p++) {
      hl[p] = min(remaining, (health[p] * 100n) / nta);
      remaining -= hl[p];
    }
    for (let p = 0; p < n; p++) {
      dl[p] = min(remaining, (degraded[p] * 100n) / nta);
      remaining -= dl[p];
    }
    const firstHealthy = health.findIndex((h) => h > 0n);
    const firstDegraded = degraded.findIndex((d) => d > 0n);
    if (remaining > 0n) {
      if (firstHealthy >= 0) hl[firstHealthy] += remaining;
      else dl[firstDegraded] += remaining;
    }
  }

  // 1.3 panic
  const threshold = Math.min(100, panicThreshold);
  const panic: boolean[] = new Array<boolean>(n).fill(false);
  let totalPanic = false;
  if (threshold === 0 && nta === 0n) {
    // Envoy writes only P0 = 100; the simulator zeroes the other slots (INVARIANTS #1).
    hl.fill(0n);
    dl.fill(0n);
    hl[0] = 100n;
  } else {
    for (let p = 0; p < n; p++) {
      panic[p] = nta === 100n ? false : percentAvailable(sets[p] ?? []) < threshold;
    }
    totalPanic = panic.every(Boolean);
    if (!totalPanic && nta === 0n) {
      for (let p = 0; p < n; p++) {
        hl[p] = BigInt(previous?.healthyLoad[p] ?? 0);
        dl[p] = BigInt(previous?.degradedLoad[p] ?? 0);
      }
    }
    if (totalPanic) {
      // Raw host counts, excluded hosts included.
      const total = BigInt(sets.reduce((s, hs) => s + hs.length, 0));
      hl.fill(0n);
      dl.fill(0n);
      if (total === 0n) {
        hl[0] = 100n;
      } else {
        let left = 100n;
        for (let p = 0; p < n; p++) {
          hl[p] = (100n * BigInt(sets[p]?.length ?? 0)) / total;
          left -= hl[p];
        }
        hl[sets.findIndex((hs) => hs.length > 0)] += left;
      }
    }
  }
  return {
    health: health.map(Number),
    degraded: degraded.map(Number),
    normalizedTotalHealth: Number(nta),
    healthyLoad: hl.map(Number),
    degradedLoad: dl.map(Number),
    panic,
    totalPanic,
  };
}

/** `isHostSetInPanic`'s percentage: healthy + degraded over hosts − excluded, in double, counts only. */
export function percentAvailable(hosts: readonly HostInfo[]): number {
  const count = hosts.length - hosts.filter((h) => excluded(h.spec)).length;
  if (count === 0) return 0;
  const healthy = hosts.filter((h) => coarse(h.spec) === 'healthy').length;
  const deg = hosts.filter((h) => coarse(h.spec) === 'degraded').length;
  return (100 * healthy) / count + (100 * deg) / count;
}

/** `choosePriority`: x = hash % 100 + 1 against cumulative healthy, then degraded loads. */
export function referenceChoosePriority(
  load: ReferenceLoad,
  hashHi: number,
  hashLo: number,
): { draw: number; priority: number; degraded: boolean } {
  const hash = (BigInt(hashHi >>> 0) << 32n) | BigInt(hashLo >>> 0);
  const draw = Number(hash % 100n) + 1;
  let acc = 0;
  for (let p = 0; p < load.healthyLoad.length; p++) {
    acc += load.healthyLoad[p];
    if (draw <= acc) return { draw, priority: p, degraded: false };
  }
  for (let p = 0; p < load.degradedLoad.length; p++) {
    acc += load.degradedLoad[p];
    if (draw <= acc) return { draw, priority: p, degraded: true };
  }
  // Envoy: IS_ENVOY_BUG("unexpected load error"), then P0 healthy.
  return { draw, priority: 0, degraded: false };
}

/**
 * Locality order of a priority as Envoy keeps it: the local locality first (when this priority
 * has hosts there), then the others by (region, zone, sub_zone).
 */
export function localityOrder(
  cluster: ClusterSpec,
  priority: number,
  localZone?: string,
): string[] {
  const zones = [
    ...new Set(
      (cluster.priorities[priority] ?? []).filter((l) => l.hosts.length > 0).map((l) => l.zone),
    ),
  ].sort();
  const local = localZone === undefined ? -1 : zones.indexOf(localZone);
  if (local > 0) zones.unshift(...zones.splice(local, 1));
  return zones;
}

/** Whether a pick may return this host outside panic, from its health alone (INVARIANTS #5). */
export function eligible(h: HostInfo, degradedBucket: boolean): boolean {
  return !excluded(h.spec) && coarse(h.spec) === (degradedBucket ? 'degraded' : 'healthy');
}

/** The local cluster's panic state (zone-aware step 6), from the scenario alone. */
export function localClusterInPanic(s: LbScenario): boolean {
  if (!s.zoneAware) return false;
  const up = s.zoneAware.local.reduce((n, e) => n + e.up, 0);
  const all = s.zoneAware.local.reduce((n, e) => n + e.up + e.down, 0);
  const percent = all === 0 ? 0 : (100 * up) / all;
  return percent < Math.min(100, s.panicThreshold);
}
