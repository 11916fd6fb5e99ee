/**
 * Priority spill against health: the traffic split as the hosts of one priority fail one by one
 * (in endpoint order, among the hosts that count as available), from all of them up to none — the
 * curve behind Envoy's priority-level and panic-threshold tables. Each step is an exact preview.
 *
 * Worked example (seed §4.12, OPF 150, panic 49, P0 3 hosts, P1 2): 3 available → P0 100 %;
 * 2 → 100 %; 1 → 50 / 50; 0 → P1 100 %.
 */
import type { LoadResult } from '../config/load-config.js';
import type { ClusterModel } from '../model/cluster.js';
import { coarseHealth, isExcluded } from '../model/health.js';
import type { Preview, PreviewOptions } from './preview.js';
import { previewScenario } from './preview.js';
import { changeScenario, resolveScenario } from './scenario.js';

export interface SpillStep {
  /** Hosts of the priority still available (healthy or degraded, not excluded) at this step. */
  readonly available: number;
  /** Percent of the priority's countable hosts that are available. */
  readonly availablePercent: number;
  /** The hosts marked unhealthy at this step, in addition to the scenario's own changes. */
  readonly failed: readonly string[];
  readonly preview: Preview;
}

/** Previews with 0, 1, 2, … more hosts of `priority` failed; throws RangeError for an unknown priority. */
export function prioritySpill(
  input: ClusterModel | LoadResult,
  priority = 0,
  options: PreviewOptions = {},
): SpillStep[] {
  const base = resolveScenario(input, options);
  const hosts = base.prioritySet.hosts.filter((h) => h.priority === priority);
  if (hosts.length === 0) throw new RangeError(`no host at priority ${priority}`);
  const countable = base.prioritySet.hostSets[priority];
  const total = countable.hosts.length - countable.excluded.length;
  const up = hosts
    .filter(
      (h) =>
        coarseHealth(h.healthStatus, h.flags) !== 'unhealthy' &&
        !isExcluded(h.healthStatus, h.flags),
    )
    .map((h) => h.address);
  return Array.from({ length: up.length + 1 }, (_, k): SpillStep => {
    const failed = up.slice(0, k);
    const scenario = changeScenario(base, { unhealthy: failed });
    const available = up.length - k;
    return {
      available,
      availablePercent: total > 0 ? (100 * available) / total : 0,
      failed,
      preview: previewScenario(scenario),
    };
  });
}
