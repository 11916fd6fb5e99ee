/**
 * Areas `edf` and `edf_slow_start`: EDF scheduler op sequences over entries 0..n-1, built with
 * `createWithPicks`. Slow-start vectors give the resulting weights and the slow-start inputs; the
 * runner checks that the library's slow-start factor produces those weights, then runs the ops.
 */
import { EdfScheduler, slowStartConfig, slowStartFactor, u64Halves } from '../../index.js';
import type { Vector } from './vector.js';
import { Mismatch, Unsupported, expectEqual } from './vector.js';

interface SlowStartInputs {
  window_ms: number;
  aggression?: number;
  min_weight_percent?: number;
  host_in_healthy_ms: (number | null)[];
}

export function runEdfVector(vector: Vector): void {
  const inputs = vector.inputs as {
    entry_weights: number[];
    create_with_picks?: number | string;
    create_with_picks_values?: (number | string)[];
    ops?: { op: string; index?: number; entry?: number; weight?: number }[];
    slow_start?: SlowStartInputs;
  };
  const weights = [...inputs.entry_weights];
  if (inputs.slow_start) checkSlowStartWeights(inputs.slow_start, weights);
  const expected = vector.expected ?? {};
  const items = weights.map((_, i) => i);
  const weightOf = (i: number): number => weights[i];

  if (inputs.create_with_picks_values) {
    const counts = new Array<number>(weights.length).fill(0);
    const firstPicks = inputs.create_with_picks_values.map((seed) => {
      const edf = EdfScheduler.createWithPicks(items, weightOf, ...u64Halves(seed));
      const pick = edf.pickAndAdd(weightOf);
      counts[pick]++;
      return pick;
    });
    if (expected.first_pick_counts_by_index) {
      expectEqual('first_pick_counts_by_index', counts, expected.first_pick_counts_by_index);
    }
    if (expected.first_pick_per_seed)
      expectEqual('first_pick_per_seed', firstPicks, expected.first_pick_per_seed);
    return;
  }

  const edf = EdfScheduler.createWithPicks(
    items,
    weightOf,
    ...u64Halves(inputs.create_with_picks ?? 0),
  );
  const returned: number[] = [];
  for (const op of inputs.ops ?? []) {
    if (op.op === 'pick') returned.push(edf.pickAndAdd(weightOf));
    else if (op.op === 'peek') returned.push(edf.peekAgain(weightOf));
    else if (op.op === 'set_weight') {
      const index = op.index ?? op.entry;
      if (index === undefined || op.weight === undefined)
        throw new Unsupported('set_weight needs index and weight');
      weights[index] = op.weight;
    } else throw new Unsupported(`EDF op "${op.op}"`);
  }
  if (expected.returned_indices)
    expectEqual('returned_indices', returned, expected.returned_indices);
}

/** Each given weight must be (host weight) × the library's slow-start factor for its time in healthy. */
function checkSlowStartWeights(inputs: SlowStartInputs, weights: number[]): void {
  const config = slowStartConfig({
    windowMs: inputs.window_ms,
    aggression: inputs.aggression ?? 1,
    minWeightPercent: inputs.min_weight_percent ?? 10,
  });
  inputs.host_in_healthy_ms.forEach((elapsed, i) => {
    if (elapsed === null) return;
    const factor = slowStartFactor(config, elapsed);
    const hostWeight = weights[i] / factor;
    if (Math.abs(hostWeight - Math.round(hostWeight)) > 1e-9 || Math.round(hostWeight) < 1) {
      throw new Mismatch(
        `slow-start weight of entry ${i}: factor ${factor} at ${elapsed} ms does not give ${weights[i]} for any host weight`,
      );
    }
  });
}
