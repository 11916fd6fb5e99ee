/**
 * Locality weighted round robin (`LocalityWrr`, locality_wrr.cc): an EDF scheduler over the
 * localities with a positive effective weight, one for healthy and one for degraded picks,
 * rebuilt with a fresh seed whenever the priority changes.
 * Worked example (seed 0): effective weights [1, 2] → localities 1, 0, 1, 1, 0, 1.
 */
import { EdfScheduler } from '../../scheduling/edf-scheduler.js';
import type { HostSet } from '../../snapshot/host-set.js';
import { effectiveLocalityWeights } from '../../snapshot/locality-weights.js';

export class LocalityWrr {
  readonly healthyWeights: Float64Array;
  readonly degradedWeights: Float64Array;
  readonly #healthy: EdfScheduler | null;
  readonly #degraded: EdfScheduler | null;
  readonly #healthyWeightOf = (i: number): number => this.healthyWeights[i];
  readonly #degradedWeightOf = (i: number): number => this.degradedWeights[i];

  constructor(hostSet: HostSet, seedHi: number, seedLo: number) {
    this.healthyWeights = effectiveLocalityWeights(hostSet, 'healthy');
    this.degradedWeights = effectiveLocalityWeights(hostSet, 'degraded');
    const usable = hostSet.localityWeights !== null && hostSet.localityWeights.length > 0;
    this.#healthy =
      usable && hostSet.healthy.length > 0
        ? build(this.healthyWeights, this.#healthyWeightOf, seedHi, seedLo)
        : null;
    this.#degraded =
      usable && hostSet.degraded.length > 0
        ? build(this.degradedWeights, this.#degradedWeightOf, seedHi, seedLo)
        : null;
  }

  /**
   * The effective weights the healthy (or degraded) scheduler picks localities by, or null when
   * there is no scheduler (picks then use the whole priority).
   */
  schedulerWeights(degraded: boolean): Float64Array | null {
    if (degraded) return this.#degraded ? this.degradedWeights : null;
    return this.#healthy ? this.healthyWeights : null;
  }

  /** The next healthy locality index, or -1 when there is no scheduler. */
  chooseHealthyLocality(): number {
    return this.#healthy ? this.#healthy.pickAndAdd(this.#healthyWeightOf) : -1;
  }

  /** The next degraded locality index, or -1 when there is no scheduler. */
  chooseDegradedLocality(): number {
    return this.#degraded ? this.#degraded.pickAndAdd(this.#degradedWeightOf) : -1;
  }
}

function build(
  weights: Float64Array,
  weightOf: (i: number) => number,
  seedHi: number,
  seedLo: number,
): EdfScheduler | null {
  const entries: number[] = [];
  for (let i = 0; i < weights.length; i++) if (weights[i] > 0) entries.push(i);
  return entries.length === 0
    ? null
    : EdfScheduler.createWithPicks(entries, weightOf, seedHi, seedLo);
}
